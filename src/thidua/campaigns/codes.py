"""The kinds of a campaign's events (``CampaignEvent.kind``): what a program reads."""

from __future__ import annotations

from enum import StrEnum


class EventKind(StrEnum):
    """What happened to a campaign."""

    CREATED = "created"  # first loaded from a campaign file
    REPLACED = "replaced"  # loaded again: the file's content replaced the campaign's
    YEAR_OPENED = "year_opened"  # the province's regular campaign of a year opened (regular.py)
