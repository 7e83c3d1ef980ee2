"""Error codes and event kinds of ratings."""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    BAD_FILE = "ratings_bad_file"
    BAD_HEADER = "ratings_bad_header"
    NO_REGULAR_CAMPAIGN = "ratings_no_regular_campaign"
    NOT_INDIVIDUAL = "ratings_not_individual"


class EventKind(StrEnum):
    RATING_SET = "rating_set"
    COLLECTIVE_SET = "collective_rating_set"
    IMPORTED = "ratings_imported"
    INITIATIVE_CREATED = "initiative_created"
    NOMINATIONS_DRAFTED = "nominations_drafted"
