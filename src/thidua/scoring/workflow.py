"""The score-sheet workflow: submit, review, return, confirm, publish.

Every state change goes through ``_transition``: lock → check the table → check
permission → apply → save → append an event → effects after commit. No other code
assigns ``ScoreSheet.state``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.core.errors import DomainError, NotPermitted
from thidua.scoring.models import ScoreSheet, ScoringEvent, SheetState
from thidua.scoring.rules import may_act
from thidua.scoring.transitions import TRANSITIONS, Action


def action_label(action: Action) -> str:
    labels = {
        Action.SUBMIT: _("gửi tự chấm"),
        Action.REVIEW: _("thẩm định"),
        Action.RETURN: _("trả lại"),
        Action.CONFIRM: _("xác nhận"),
        Action.PUBLISH: _("công bố"),
    }
    return str(labels[action])


def transition(
    *,
    actor: Any,
    sheet: ScoreSheet,
    action: Action,
    payload: dict[str, Any] | None = None,
    apply: Callable[[ScoreSheet], None] | None = None,
    effects: Callable[[ScoreSheet], None] | None = None,
) -> ScoreSheet:
    """The one place a score sheet changes state (STYLE.md: one transition function)."""
    with transaction.atomic():
        locked = (
            ScoreSheet.objects.select_for_update()
            .select_related("criteria_set__group__organiser", "unit")
            .get(pk=sheet.pk)
        )
        source = SheetState(locked.state)
        entry = TRANSITIONS.get((source, action))
        if entry is None:
            raise DomainError(
                _("Không thể “%(action)s” khi phiếu chấm điểm đang “%(state)s”.")
                % {"action": action_label(action), "state": source.label},
                code="invalid_transition",
            )
        target, who = entry
        if not may_act(actor, locked, who):
            raise NotPermitted()
        if apply is not None:
            apply(locked)
        locked.state = target
        locked.save()
        ScoringEvent.objects.create(
            criteria_set_id=locked.criteria_set_id,
            sheet=locked,
            actor=actor,
            kind=action.value,
            from_state=source,
            to_state=target,
            payload=payload or {},
        )
        if effects is not None:
            transaction.on_commit(lambda: effects(locked))
    return locked


def notify_unit(sheet: ScoreSheet, *, title: str, body: str, kind: str) -> None:
    """Tell the sheet's unit staff (officers and head in force today)."""
    from thidua.accounts.models import Role, User
    from thidua.core.notifications import notify
    from thidua.core.validity import valid_on

    staff = User.objects.filter(
        valid_on(timezone.localdate(), prefix="memberships__"),
        memberships__unit=sheet.unit,
        memberships__role__in=[Role.UNIT_OFFICER, Role.UNIT_HEAD],
    ).distinct()
    notify(
        staff,
        kind=kind,
        title=title,
        body=body,
        url=f"/cham-diem/phieu/{sheet.pk}/",
        key=f"sheet:{sheet.pk}:{kind}:{sheet.events.count()}",
    )
