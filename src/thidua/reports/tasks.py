"""Background tasks of reports: the daily reminders (run by ``db_worker``)."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from thidua.campaigns.models import Campaign


@task()
def report_reminders(campaign_id: int, today_iso: str) -> int:
    """Send the report reminders due on ``today_iso`` for one campaign.

    Returns the number of notifications created; safe to retry (each reminder has its
    own key, see ``reports.reminders.send_report_reminders``). A campaign deleted since
    the task was queued is skipped.
    """
    from thidua.reports.reminders import send_report_reminders

    campaign = Campaign.objects.filter(pk=campaign_id).select_related("issuer_unit").first()
    if campaign is None:
        return 0
    return send_report_reminders(campaign, dt.date.fromisoformat(today_iso))
