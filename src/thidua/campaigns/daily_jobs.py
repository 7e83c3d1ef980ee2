"""The shape shared by the daily commands (``reports remind``, ``remind_registration``).

django-tasks has no periodic schedule, so cron or a systemd timer runs a command once a
day: it reads ``--date`` (default: today in Viet Nam), takes the active campaigns the job
applies to (or the one named by ``--campaign``), and for each either does the work at
once (``--now``) or queues a task for the worker, writing one line per campaign.

The texts that differ between the jobs are passed in by the command, so each keeps its
own wording (and its entry in the translation catalogues).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.core.management.base import CommandError, OutputWrapper
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from thidua.campaigns.models import Campaign
from thidua.core.daily_jobs import job_date


def campaigns_run(
    stdout: OutputWrapper,
    campaigns: QuerySet[Campaign],
    options: dict[str, Any],
    *,
    run_now: Callable[[Campaign, dt.date], str],
    enqueue: Callable[[Campaign, dt.date], str],
    bad_date: str,
    unknown: str,
    none: str,
) -> None:
    """Run a daily job on ``campaigns`` (narrowed to ``options["campaign"]`` when given).

    The day comes from ``options["date"]`` (see ``job_date``; ``bad_date`` is its error).
    With ``options["now"]`` each campaign goes to ``run_now``, which returns the line to
    write; otherwise to ``enqueue``, which returns the id of the queued task. Campaigns
    are taken in code order. CommandError with ``unknown`` (``%(code)s``) when the named
    campaign is not among them; ``none`` is written when there is no campaign at all.
    """
    today = job_date(options.get("date"), invalid=bad_date)
    if options.get("campaign"):
        campaigns = campaigns.filter(code=options["campaign"])
        if not campaigns.exists():
            raise CommandError(unknown % {"code": options["campaign"]})
    day = today.strftime("%d/%m/%Y")
    for campaign in campaigns.order_by("code"):
        if options["now"]:
            message = run_now(campaign, today)
        else:
            message = _("%(code)s, ngày %(day)s: đã đưa vào hàng đợi (tác vụ %(id)s).") % {
                "code": campaign.code,
                "day": day,
                "id": enqueue(campaign, today),
            }
        stdout.write(message)
    if not campaigns.exists():
        stdout.write(none)
