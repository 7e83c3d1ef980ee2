"""When an event happened: now, except for the demo, which tells a story of past days.

Events are append-only and stamped by the database write (``core.models.Event.at``):
no form, API call or service takes a time from a person. The demo (``demo_setup``)
replays a campaign of 2024–2025, so its steps run inside ``events_dated(day)`` and the
events they write carry the day of the story, not the day the demo was loaded. Only
code (the demo, a management command) can open that context; nothing a user sends can.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.utils import timezone

_STORY_TIME: ContextVar[dt.datetime | None] = ContextVar("thidua_story_time", default=None)
#: The hour of a story's day given as a date: office hours, in the site's time zone.
STORY_HOUR = dt.time(9, 0)


def event_now() -> dt.datetime:
    """The time a new event is stamped with: the story's time inside ``events_dated``."""
    return _STORY_TIME.get() or timezone.now()


@contextmanager
def events_dated(at: dt.date | dt.datetime) -> Iterator[None]:
    """Stamp the events written inside with ``at`` (a day means 09:00 that day, local time).

    For the demo and management commands replaying past steps; never for a request.
    """
    if not isinstance(at, dt.datetime):
        at = dt.datetime.combine(at, STORY_HOUR)
    if timezone.is_naive(at):
        at = timezone.make_aware(at)
    token = _STORY_TIME.set(at)
    try:
        yield
    finally:
        _STORY_TIME.reset(token)
