"""The scoring workflows: a score sheet's submit, review, return, confirm, publish, and a
criteria set's activation.

Every state change goes through the workflow engine (``thidua.core.workflow``) with the
tables of ``scoring.transitions``; no other code assigns ``ScoreSheet.state`` or
``CriteriaSet.state``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.core.workflow import Workflow, event_writer, refusal_saying
from thidua.scoring.models import CriteriaSet, ScoreSheet, ScoringEvent, SetState, SheetState
from thidua.scoring.rules import is_set_secretariat, may_act
from thidua.scoring.transitions import SET_TRANSITIONS, TRANSITIONS, Action


def action_label(action: Action) -> str:
    labels = {
        Action.SUBMIT: _("gửi tự chấm"),
        Action.REVIEW: _("thẩm định"),
        Action.RETURN: _("trả lại"),
        Action.CONFIRM: _("xác nhận"),
        Action.PUBLISH: _("công bố"),
    }
    return str(labels[action])


SHEET_WORKFLOW: Workflow[ScoreSheet] = Workflow(
    model=ScoreSheet,
    states=SheetState,
    transitions=TRANSITIONS,
    may_act=may_act,
    record=event_writer(ScoringEvent, "sheet", criteria_set_id="criteria_set_id"),
    refusal=refusal_saying(
        gettext_lazy("Không thể “%(action)s” khi phiếu chấm điểm đang “%(state)s”."), action_label
    ),
    related=("criteria_set__group__organiser", "unit"),
    # The set is locked too: publication locks it while it checks every sheet.
    lock_also=("criteria_set",),
)


def _may_manage_set(actor: Any, criteria_set: CriteriaSet, who: Any) -> bool:
    return bool(is_set_secretariat(actor, criteria_set))


SET_WORKFLOW: Workflow[CriteriaSet] = Workflow(
    model=CriteriaSet,
    states=SetState,
    transitions=SET_TRANSITIONS,
    may_act=_may_manage_set,
    record=event_writer(ScoringEvent, "criteria_set"),
    related=("group__organiser",),
)


def transition(
    *,
    actor: Any,
    sheet: ScoreSheet,
    action: Action,
    payload: dict[str, Any] | None = None,
    apply: Callable[[ScoreSheet], None] | None = None,
    effects: Callable[[ScoreSheet], None] | None = None,
) -> ScoreSheet:
    """A move of a score sheet through the engine (``thidua.core.workflow``)."""
    return SHEET_WORKFLOW.run(
        sheet, actor=actor, action=action, payload=payload, apply=apply, effects=effects
    )


def notify_unit(sheet: ScoreSheet, *, title: str, body: str, kind: str) -> None:
    """Tell the sheet's unit staff (officers and head in force today)."""
    from thidua.accounts.selectors import unit_staff
    from thidua.core.notifications import notify

    staff = unit_staff(sheet.unit_id)
    notify(
        staff,
        kind=kind,
        title=title,
        body=body,
        url=f"/cham-diem/phieu/{sheet.pk}/",
        key=f"sheet:{sheet.pk}:{kind}:{sheet.events.count()}",
    )
