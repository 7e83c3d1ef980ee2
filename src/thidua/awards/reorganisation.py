"""Open nominations of a unit that ended with a successor (the 2025 reorganisation).

The successor takes over the old unit's duties (Nghị quyết 1687/NQ-UBTVQH15 for Vĩnh
Long's communes; the province merger for its departments), so it becomes the proposing
unit of the nominations still open: it answers a return, follows the appraisal and the
council. The nominee, the dossier and the history stay; the move is written in the
nomination's history. Works move the same way (``works.reorganisation``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from thidua.awards.codes import EventKind
from thidua.awards.models import Nomination, NominationEvent, NominationState
from thidua.organisations.models import Unit
from thidua.organisations.selectors import single_successions

#: A nomination no decision has closed yet (decided, not approved and withdrawn stay).
OPEN_STATES = (
    NominationState.DRAFT,
    NominationState.SUBMITTED,
    NominationState.UNDER_REVIEW,
    NominationState.RETURNED,
    NominationState.TO_COUNCIL,
    NominationState.APPROVED,
)


@transaction.atomic
def nominations_apply_successions(
    *, on: dt.date, actor: Any = None
) -> list[tuple[Unit, Unit, int]]:
    """Hand the open nominations of every unit with one successor in force on ``on`` to it.

    A unit split between several successors is left for a person (which successor
    proposes whom is not in the data). Running again moves nothing more, because moved
    nominations no longer belong to the old unit. Returns (old, new, moved) per old unit.
    """
    applied = []
    for old, new in single_successions(on):
        rows = list(
            Nomination.objects.select_for_update().filter(proposer_unit=old, state__in=OPEN_STATES)
        )
        for nomination in rows:
            nomination.proposer_unit = new
            nomination.save(update_fields=["proposer_unit"])
            NominationEvent.objects.create(
                nomination=nomination,
                actor=actor,
                kind=EventKind.PROPOSER_MOVED,
                payload={"from_unit": old.code, "to_unit": new.code, "on": on.isoformat()},
            )
        if rows:
            applied.append((old, new, len(rows)))
    return applied
