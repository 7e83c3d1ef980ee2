"""Writes of works: registration, the workflow, progress, change requests, reorganisation.

The one door for every change to a work; each concept has its module and is re-exported
here, so callers write ``services.work_submit(...)`` whatever module defines it:

- ``works.registration``: ``WorkData``, registering and editing drafts, who approves;
- ``works.workflow``: the state changes, through the workflow engine (no other code
  assigns ``Work.state``), and what the unit is told;
- ``works.progress``: dated progress with its evidence;
- ``works.changes``: change requests on approved works (their decision is a workflow too);
- ``works.reorganisation``: works of a dissolved or merged unit.
"""

from __future__ import annotations

from thidua.works.changes import CHANGEABLE_FIELDS, change_request_create, change_request_decide
from thidua.works.progress import progress_add
from thidua.works.registration import (
    PROVINCE_DUPLICATE,
    SIMILAR_WARNING,
    SimilarWorks,
    WorkData,
    approver_for,
    campaign_work_register,
    can_register_for,
    rule_for,
    work_create,
    work_update,
    works_create_many,
)
from thidua.works.reorganisation import works_move_to_successor
from thidua.works.workflow import (
    action_label,
    work_approve,
    work_cancel,
    work_complete,
    work_return,
    work_start,
    work_submit,
)

__all__ = [
    "CHANGEABLE_FIELDS",
    "PROVINCE_DUPLICATE",
    "SIMILAR_WARNING",
    "SimilarWorks",
    "WorkData",
    "action_label",
    "approver_for",
    "campaign_work_register",
    "can_register_for",
    "change_request_create",
    "change_request_decide",
    "progress_add",
    "rule_for",
    "work_approve",
    "work_cancel",
    "work_complete",
    "work_create",
    "work_return",
    "work_start",
    "work_submit",
    "work_update",
    "works_create_many",
    "works_move_to_successor",
]
