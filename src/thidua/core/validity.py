"""Things that hold for a time (units, memberships): filters on ``valid_from``/``valid_to``.

An empty ``valid_from`` means "since always" and an empty ``valid_to`` "still in force":
the 2025 reorganisation ends and starts units, memberships end with a posting.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q


def valid_on(day: dt.date, prefix: str = "") -> Q:
    """Rows in force on ``day``; ``prefix`` reaches through a relation (``"memberships__"``)."""
    return (Q(**{f"{prefix}valid_from__isnull": True}) | Q(**{f"{prefix}valid_from__lte": day})) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gte": day})
    )


def valid_during(start: dt.date, end: dt.date, prefix: str = "") -> Q:
    """Rows in force at some time between ``start`` and ``end`` (both included)."""
    return (Q(**{f"{prefix}valid_from__isnull": True}) | Q(**{f"{prefix}valid_from__lte": end})) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gte": start})
    )
