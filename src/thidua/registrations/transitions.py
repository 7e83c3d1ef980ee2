"""The registration workflow as a table: (state, action) → (new state, who may act).

draft → submitted → accepted, or → returned (with the reason) by the Ban TĐKT; a returned
registration is corrected and submitted again. The unit's officers prepare it; its head
submits it (the head answers for the unit's registration, as for its nominations: Luật
Thi đua, khen thưởng 2022 Điều 84); the Ban Thi đua – Khen thưởng of the province
receives it.
"""

from __future__ import annotations

from enum import StrEnum

from thidua.registrations.models import RegistrationState


class Action(StrEnum):
    SUBMIT = "submit"
    RETURN = "return"
    ACCEPT = "accept"


class Actor(StrEnum):
    """The unit's head submits; the Ban TĐKT covering the unit returns or accepts."""

    HEAD = "head"
    SECRETARIAT = "secretariat"


S = RegistrationState
TRANSITIONS: dict[tuple[RegistrationState, Action], tuple[RegistrationState, Actor]] = {
    (S.DRAFT, Action.SUBMIT): (S.SUBMITTED, Actor.HEAD),
    (S.RETURNED, Action.SUBMIT): (S.SUBMITTED, Actor.HEAD),
    (S.SUBMITTED, Action.RETURN): (S.RETURNED, Actor.SECRETARIAT),
    (S.SUBMITTED, Action.ACCEPT): (S.ACCEPTED, Actor.SECRETARIAT),
}

#: States in which the unit may still change its entries.
EDITABLE_STATES = frozenset({S.DRAFT, S.RETURNED})
