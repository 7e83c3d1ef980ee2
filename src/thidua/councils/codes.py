"""Codes of the councils app: the error codes of its refusals and the kinds of its events
(besides the session workflow's actions, ``transitions.Action``).

The values are the strings stored in ``CouncilEvent.kind`` and returned by the API: never
change one.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    """``DomainError.code`` of the councils app's refusals."""

    ALREADY_VOTED = "already_voted"
    BAD_ATTENDANCE = "bad_attendance"
    BAD_CHOICE = "bad_choice"
    BAD_DATES = "bad_dates"
    BAD_ITEM = "bad_item"
    BALLOT_PROOF = "ballot_proof"
    BAD_PHASE = "bad_phase"
    BAD_QUORUM = "bad_quorum"
    BAD_ROLE = "bad_role"
    DUPLICATE_MEMBER = "duplicate_member"
    DUPLICATE_ROLE = "duplicate_role"
    NAME_REQUIRED = "name_required"
    NO_AGENDA = "no_agenda"
    NO_MEMBERS = "no_members"
    NO_QUORUM = "no_quorum"
    NOT_CANDIDATE = "not_candidate"
    NOT_COUNCIL_MEMBER = "not_council_member"
    NOT_PRESENT = "not_present"
    NOT_VOTED = "not_voted"
    SAME_CHOICE = "same_choice"
    NOT_WRITTEN = "not_written"
    NOT_IN_TERM = "not_in_term"
    OUT_OF_TERM = "out_of_term"
    QUORUM_BASIS = "quorum_basis"
    ROSTER_MEMBERS = "roster_members"
    SESSION_STATE = "session_state"
    TALLY_CODE = "tally_code"


class EventKind(StrEnum):
    """``CouncilEvent.kind`` of the changes inside a session (opening and closing it write
    the kind of their ``transitions.Action``)."""

    CREATED = "created"
    MEMBER_ADDED = "member_added"
    ATTENDANCE = "attendance"
    ITEMS_ADDED = "items_added"
    VOTE_CAST = "vote_cast"
    SECRET_BALLOT_CAST = "secret_ballot_cast"  # noqa: S105 (an event kind, no secret)
    VOTE_CHANGED = "vote_changed"
    SECRET_BALLOT_CHANGED = "secret_ballot_changed"  # noqa: S105 (an event kind, no secret)
    COUNCIL_CREATED = "council_created"
    SEAT_ADDED = "seat_added"
    SEAT_ENDED = "seat_ended"
    ROSTER_SEATED = "roster_seated"
