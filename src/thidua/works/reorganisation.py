"""Works of a unit that is dissolved or merged (the 2025 reorganisation)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Q

from thidua.organisations.models import Unit
from thidua.organisations.selectors import single_successions
from thidua.works.codes import EventKind
from thidua.works.models import OPEN_STATES, Work, WorkEvent
from thidua.works.registration import approver_for


@transaction.atomic
def works_move_to_successor(*, unit: Unit, successor: Unit, actor: Any = None) -> int:
    """Hand a dissolved or merged unit's open works to its successor (2025 reorganisation).

    History and the original registrant stay; the approver is recomputed for the new
    unit, and works that the old unit approved go to its successor. Returns the count.
    """
    moved = 0
    for work in Work.objects.select_for_update().filter(unit=unit, state__in=OPEN_STATES):
        old_approver = work.approver_unit_id
        work.unit = successor
        work.approver_unit = approver_for(work.campaign, successor)
        work.save()
        WorkEvent.objects.create(
            work=work,
            actor=actor,
            kind=EventKind.MOVED,
            payload={
                "from_unit": unit.code,
                "to_unit": successor.code,
                "from_approver": old_approver,
                "to_approver": work.approver_unit_id,
            },
        )
        moved += 1
    for work in Work.objects.select_for_update().filter(approver_unit=unit, state__in=OPEN_STATES):
        work.approver_unit = successor
        work.save()
        WorkEvent.objects.create(
            work=work,
            actor=actor,
            kind=EventKind.APPROVER_MOVED,
            payload={"from": unit.code, "to": successor.code},
        )
    return moved


def works_apply_successions(*, on: dt.date, actor: Any = None) -> list[tuple[Unit, Unit, int]]:
    """Apply every recorded succession in force on ``on`` to the works it concerns.

    A unit with one successor hands its open works (and the works it approves) to it.
    A unit split between several successors is left for a person to decide: which
    successor takes which work is not in the data. Running again moves nothing more,
    because moved works no longer belong to the old unit. Returns (old, new, moved).
    """
    applied = []
    for old, new in single_successions(on):
        concerned = Work.objects.filter(state__in=OPEN_STATES).filter(
            Q(unit=old) | Q(approver_unit=old)
        )
        if concerned.exists():
            applied.append(
                (old, new, works_move_to_successor(unit=old, successor=new, actor=actor))
            )
    return applied
