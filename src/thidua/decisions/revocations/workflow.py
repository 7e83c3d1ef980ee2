"""The workflows of a revocation and of the recovery of each of its rows.

Every state change of a ``Revocation`` or a ``RevocationEntry`` goes through these
``core.workflow.Workflow``s: lock → table → the actor prepares the grantor's decisions
(``is_decision_issuer`` on the revoked decision) → apply → save → a ``RevocationEvent``.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy

from thidua.core.workflow import Move, Workflow, event_writer, refusal_saying
from thidua.decisions.models import (
    RecoveryState,
    Revocation,
    RevocationEntry,
    RevocationEvent,
    RevocationState,
)
from thidua.decisions.revocations.transitions import (
    RECOVERY_TRANSITIONS,
    TRANSITIONS,
    RecoveryAction,
    RevocationAction,
)
from thidua.decisions.rules import is_decision_issuer

ACTION_LABELS = {
    RevocationAction.EDIT: gettext_lazy("sửa"),
    RevocationAction.ISSUE: gettext_lazy("ban hành"),
    RecoveryAction.RECORD: gettext_lazy("ghi nhận đã thu hồi"),
}


WORKFLOW: Workflow[Revocation] = Workflow(
    model=Revocation,
    states=RevocationState,
    transitions=TRANSITIONS,
    may_act=lambda actor, revocation, _who: bool(is_decision_issuer(actor, revocation.decision)),
    record=event_writer(RevocationEvent, "revocation"),
    refusal=refusal_saying(
        gettext_lazy("Không thể %(action)s khi quyết định hủy bỏ đang ở trạng thái “%(state)s”."),
        ACTION_LABELS.__getitem__,
    ),
    related=("decision__grantor_unit", "decision__form", "grantor_unit"),
)


def _record_on_revocation(
    row: RevocationEntry, actor: Any, move: Move, payload: dict[str, Any]
) -> None:
    """A row's recovery is logged on its revocation's event log, naming the row."""
    RevocationEvent.objects.create(
        revocation_id=row.revocation_id,
        actor=actor,
        kind=move.event_kind,
        from_state=move.source,
        to_state=move.target,
        payload={"entry": row.entry_id, **payload},
    )


RECOVERY: Workflow[RevocationEntry] = Workflow(
    model=RevocationEntry,
    states=RecoveryState,
    transitions=RECOVERY_TRANSITIONS,
    may_act=lambda actor, row, _who: bool(is_decision_issuer(actor, row.revocation.decision)),
    record=_record_on_revocation,
    refusal=refusal_saying(
        gettext_lazy("Không thể %(action)s khi dòng này đang ở trạng thái “%(state)s”."),
        ACTION_LABELS.__getitem__,
    ),
    related=("revocation__decision__grantor_unit", "entry"),
)
