"""Writes of councils, re-exported from their modules: preparing a session
(``councils.setup``), the workflow (``councils.workflow``), votes (``councils.voting``)."""

from __future__ import annotations

from thidua.councils.setup import (
    session_add_items,
    session_add_member,
    session_create,
    session_set_attendance,
)
from thidua.councils.vote_change import council_vote_change
from thidua.councils.voting import council_vote, council_written_vote
from thidua.councils.workflow import session_close, session_open

__all__ = [
    "council_vote",
    "council_vote_change",
    "council_written_vote",
    "session_add_items",
    "session_add_member",
    "session_close",
    "session_create",
    "session_open",
    "session_set_attendance",
]
