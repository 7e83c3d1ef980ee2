"""Works of a unit that is dissolved or merged (the 2025 reorganisation)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from thidua.organisations.models import Unit
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
            kind="moved",
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
            kind="approver_moved",
            payload={"from": unit.code, "to": successor.code},
        )
    return moved
