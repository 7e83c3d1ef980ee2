"""Eligibility checks of a nomination under the law, as of a date (LAW-NOTES §10).

``check_nomination`` runs every rule and returns one ``CheckResult`` each: the form
shows them live, and each workflow step with ``checks`` refuses while one blocks.
Rules: R1 authority, R8 merit counters, R9 one achievement one award, R10 hold list,
R11 forms of a short campaign, R12 dossier, R13 deadlines, quotas, R17 tie-break,
R18 dissolved units.
"""

from __future__ import annotations

import datetime as dt

from thidua.awards.authority import authority_for, rule_for
from thidua.awards.eligibility.authority import (
    check_authority,
    check_campaign_form,
    check_dissolved,
)
from thidua.awards.eligibility.dossier import (
    check_appraisal_time,
    check_deadline,
    check_dossier,
)
from thidua.awards.eligibility.history import (
    check_holds,
    check_merit_history,
    check_one_award,
    consecutive_years,
)
from thidua.awards.eligibility.quota import (
    check_quota,
    check_tie_break,
    priority_key,
    quotas_for,
)
from thidua.awards.eligibility.result import BLOCK, WARN, CheckResult
from thidua.awards.models import Nomination, PhaseAwardDate


def expected_decision_date(nomination: Nomination, today: dt.date) -> dt.date:
    """The date a nomination is judged as of: the phase's review (sơ kết, tổng kết), when
    the awards are decided, if it is set; otherwise ``today``. Which rule set and which
    authority apply follow the decision date (LAW-NOTES §1, R1, R2)."""
    review = PhaseAwardDate.objects.filter(phase_id=nomination.phase_id).first()
    return review.review_on if review is not None else today


def check_nomination(
    nomination: Nomination, *, as_of: dt.date, today: dt.date | None = None
) -> list[CheckResult]:
    """Every check of ``nomination`` as of ``as_of`` (the decision date: authority, rule
    version, holds, dissolved units), with ``today`` (default ``as_of``) for the timing
    checks (submission deadline, appraisal time), in the law's order."""
    day = today or as_of
    rule = rule_for(nomination.form, as_of)
    quotas = list(quotas_for(nomination).select_related("form", "unit"))
    results: list[CheckResult | None] = [
        check_authority(nomination, as_of),
        check_campaign_form(nomination),
        check_dissolved(nomination, as_of),
        check_one_award(nomination),
        check_holds(nomination, as_of),
        check_merit_history(nomination),
        check_dossier(nomination, rule),
        check_deadline(nomination, rule, day),
        check_appraisal_time(nomination, rule, day),
        check_quota(nomination, quotas),
        check_tie_break(nomination, quotas),
    ]
    return [result for result in results if result is not None]


def blocking(results: list[CheckResult]) -> list[CheckResult]:
    """The results that refuse a workflow step."""
    return [result for result in results if result.blocks]


__all__ = [
    "BLOCK",
    "WARN",
    "CheckResult",
    "authority_for",
    "blocking",
    "check_nomination",
    "consecutive_years",
    "expected_decision_date",
    "priority_key",
    "quotas_for",
    "rule_for",
]
