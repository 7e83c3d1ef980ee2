"""The workflow of a decision (edit, issue, supersede) and of a certificate print batch.

Every state change of a ``Decision`` goes through ``WORKFLOW`` (``thidua.core.workflow``)
with the table of ``decisions.transitions``: lock → check the table → check that the
actor prepares the grantor's decisions → apply → save → event → effects on commit. The
old decision of a correction moves to *superseded* through the same engine, by the
table's (issued, supersede) row, when the correcting decision is issued. A print batch
moves through ``BATCHES`` (by the print task only). No other code assigns a state field.
"""

from __future__ import annotations

import logging
from typing import Any

from django.utils.translation import gettext_lazy

from thidua.core.workflow import Move, Workflow, event_writer, worded_refusal
from thidua.decisions.models import (
    BatchState,
    CertificateBatch,
    Decision,
    DecisionEvent,
    DecisionState,
)
from thidua.decisions.rules import is_decision_issuer
from thidua.decisions.transitions import BATCH_TRANSITIONS, TRANSITIONS, Action

logger = logging.getLogger(__name__)

ACTION_LABELS = {
    Action.EDIT: gettext_lazy("sửa"),
    Action.ISSUE: gettext_lazy("ban hành"),
    Action.SUPERSEDE: gettext_lazy("thay thế"),
}


WORKFLOW: Workflow[Decision] = Workflow(
    model=Decision,
    states=DecisionState,
    transitions=TRANSITIONS,
    may_act=lambda actor, decision, _who: bool(is_decision_issuer(actor, decision)),
    record=event_writer(DecisionEvent, "decision"),
    refusal=worded_refusal(
        gettext_lazy("Không thể %(action)s khi quyết định đang ở trạng thái “%(state)s”."),
        ACTION_LABELS.__getitem__,
    ),
    related=("grantor_unit", "form", "campaign", "phase"),
)


def _log_batch(batch: CertificateBatch, actor: Any, move: Move, payload: dict[str, Any]) -> None:
    """A batch keeps no event log of its own: its row (state, progress, error, finish
    time) is its record, and the decision's log has the request. The move is logged."""
    logger.info("Certificate batch %s: %s → %s", batch.pk, move.source, move.target)


BATCHES: Workflow[CertificateBatch] = Workflow(
    model=CertificateBatch,
    states=BatchState,
    transitions=BATCH_TRANSITIONS,
    record=_log_batch,
    related=("decision",),
)
