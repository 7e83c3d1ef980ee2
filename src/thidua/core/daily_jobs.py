"""The day a daily command runs for (``--date``), shared by every app's daily jobs.

django-tasks has no periodic schedule, so cron or a systemd timer runs a command once a
day; campaigns' jobs run through ``campaigns.daily_jobs.campaigns_run``.
"""

from __future__ import annotations

import datetime as dt

from django.core.management.base import CommandError
from django.utils import timezone


def job_date(value: str | None, *, invalid: str) -> dt.date:
    """The day a job runs for: ``value`` (YYYY-MM-DD) or, when empty, today's local date.

    ``invalid`` is the translated error, with a ``%(value)s`` placeholder; CommandError
    when ``value`` is not a date.
    """
    if not value:
        return timezone.localdate()
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(invalid % {"value": value}) from exc
