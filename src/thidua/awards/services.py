"""Writes of awards: the one door for every change to nominees and nominations.

- ``awards.nominees``: nominees, duplicate detection on folded names, merging;
- ``awards.nominations``: drafting, editing, works and targets, dossier files, the
  reviewer's confirmation of a distinct achievement (one achievement, one award);
- ``awards.workflow``: the state changes (``_transition`` is the only code that assigns
  ``Nomination.state``);
- ``awards.authority``: who may grant what as of a date (R1), the rule in force (R2),
  reward amounts (R16);
- ``awards.loading``: award forms, rules, salaries and holidays from YAML.
"""

from __future__ import annotations

from thidua.awards.authority import authority_for, base_salary_on, reward_amount, rule_for
from thidua.awards.loading import award_forms_load, award_forms_load_shipped
from thidua.awards.nominations import (
    ACHIEVEMENT_SECTIONS,
    default_grantor,
    dossier_file_add,
    dossier_file_remove,
    nomination_confirm_distinct,
    nomination_create,
    nomination_update,
)
from thidua.awards.nominees import (
    NomineeData,
    PossibleDuplicate,
    nominee_create,
    nominee_duplicates,
    nominee_find_or_create,
    nominee_merge,
    nominee_search,
)
from thidua.awards.workflow import (
    action_label,
    nomination_approve,
    nomination_mark_decided,
    nomination_reject,
    nomination_return,
    nomination_review_start,
    nomination_send_to_council,
    nomination_submit,
    nomination_withdraw,
)

__all__ = [
    "ACHIEVEMENT_SECTIONS",
    "NomineeData",
    "PossibleDuplicate",
    "action_label",
    "authority_for",
    "award_forms_load",
    "award_forms_load_shipped",
    "base_salary_on",
    "default_grantor",
    "dossier_file_add",
    "dossier_file_remove",
    "nomination_approve",
    "nomination_confirm_distinct",
    "nomination_create",
    "nomination_mark_decided",
    "nomination_reject",
    "nomination_return",
    "nomination_review_start",
    "nomination_send_to_council",
    "nomination_submit",
    "nomination_update",
    "nomination_withdraw",
    "nominee_create",
    "nominee_duplicates",
    "nominee_find_or_create",
    "nominee_merge",
    "nominee_search",
    "reward_amount",
    "rule_for",
]
