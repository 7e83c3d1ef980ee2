"""A work against its campaign's calendar: the period, the phase it honours, the deadline.

KH 128 II.2 asks units to register works in honour of the congresses held during the
campaign; neither the plan nor the campaign file (docs/campaign-file.md) says what to do
with a work that does not fit its calendar. thidua's default, the same at every door
(form, Excel import, API: ``works.registration`` runs it):

- **refused**: planned dates wholly outside the campaign period (finishing before it
  starts or starting after it ends): such a work cannot count towards the campaign;
- **registered with a warning** (the unit sees it when it saves, the approving level in
  its queue, the API in ``timing_warnings``): finishing after the campaign or after the
  phase it honours, registered after the registration deadline or after the campaign
  ended, or registered when its planned finish had already passed (it is late at once).
  Each may be right (a work that runs on, a late registration the level above accepts),
  so the approving level decides.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.core.dates import format_date
from thidua.core.errors import DomainError
from thidua.works.codes import ErrorCode

if TYPE_CHECKING:
    from thidua.campaigns.models import Campaign, Phase
    from thidua.works.models import Work


class TimingFlag(StrEnum):
    """Why a work's dates do not fit its campaign (sent by the API: values never change)."""

    OUTSIDE_CAMPAIGN = "outside_campaign"
    FINISHES_AFTER_CAMPAIGN = "finishes_after_campaign"
    FINISHES_AFTER_PHASE = "finishes_after_phase"
    REGISTERED_AFTER_DEADLINE = "registered_after_deadline"
    REGISTERED_AFTER_CAMPAIGN = "registered_after_campaign"
    FINISH_ALREADY_PASSED = "finish_already_passed"


@dataclass(frozen=True)
class TimingWarning:
    """One way a work does not fit its campaign's calendar, in words."""

    flag: TimingFlag
    message: str


def campaign_span(campaign: Campaign) -> tuple[dt.date, dt.date]:
    """The first and last day the campaign covers (a period stated by month runs to its
    last day: "11/2024 – 9/2025" is 01/11/2024 – 30/09/2025)."""
    return campaign.start_partial.first_day(), campaign.end_partial.last_day()


def _outside(campaign: Campaign, start: dt.date, finish: dt.date) -> str:
    first, last = campaign_span(campaign)
    if finish >= first and start <= last:
        return ""
    return _(
        "Thời gian thực hiện (%(start)s – %(finish)s) nằm ngoài thời gian của phong trào "
        "(%(first)s – %(last)s): công trình không được tính cho phong trào này. "
        "Hãy kiểm tra lại ngày, hoặc đăng ký vào phong trào đang diễn ra."
    ) % {
        "start": format_date(start),
        "finish": format_date(finish),
        "first": format_date(first),
        "last": format_date(last),
    }


def check_within_campaign(campaign: Campaign, start: dt.date, finish: dt.date) -> None:
    """Refuse planned dates wholly outside the campaign period (``outside_campaign``,
    on the planned finish); see the module docstring for why only these are refused."""
    message = _outside(campaign, start, finish)
    if message:
        raise DomainError(message, code=ErrorCode.OUTSIDE_CAMPAIGN, field="planned_finish")


def _dates_warnings(
    campaign: Campaign, phase: Phase | None, start: dt.date, finish: dt.date
) -> list[TimingWarning]:
    outside = _outside(campaign, start, finish)
    if outside:
        return [TimingWarning(TimingFlag.OUTSIDE_CAMPAIGN, outside)]
    found = []
    last = campaign_span(campaign)[1]
    if finish > last:
        message = _("Hoàn thành sau khi phong trào kết thúc (%(day)s).")
        found.append(
            TimingWarning(TimingFlag.FINISHES_AFTER_CAMPAIGN, message % {"day": format_date(last)})
        )
    if phase is not None and finish > phase.last_day:
        message = _("Hoàn thành sau khi %(phase)s kết thúc (%(day)s), không kịp chào mừng đợt này.")
        values = {"phase": phase.name, "day": format_date(phase.last_day)}
        found.append(TimingWarning(TimingFlag.FINISHES_AFTER_PHASE, message % values))
    return found


def _registration_warnings(
    campaign: Campaign, finish: dt.date, registered_on: dt.date
) -> list[TimingWarning]:
    found = []
    last, deadline = campaign_span(campaign)[1], campaign.registration_deadline
    if registered_on > last:
        message = _("Đăng ký sau khi phong trào đã kết thúc (%(day)s).")
        found.append(
            TimingWarning(
                TimingFlag.REGISTERED_AFTER_CAMPAIGN, message % {"day": format_date(last)}
            )
        )
    elif deadline is not None and registered_on > deadline:
        message = _("Đăng ký sau hạn đăng ký của phong trào (%(day)s).")
        found.append(
            TimingWarning(
                TimingFlag.REGISTERED_AFTER_DEADLINE, message % {"day": format_date(deadline)}
            )
        )
    if finish < registered_on:
        message = _(
            "Ngày hoàn thành dự kiến (%(day)s) đã qua khi đăng ký: công trình bị tính là "
            "chậm tiến độ cho đến khi đơn vị báo hoàn thành."
        )
        found.append(
            TimingWarning(TimingFlag.FINISH_ALREADY_PASSED, message % {"day": format_date(finish)})
        )
    return found


def timing_warnings(
    *,
    campaign: Campaign,
    phase: Phase | None,
    planned_start: dt.date,
    planned_finish: dt.date,
    registered_on: dt.date,
) -> list[TimingWarning]:
    """Every way the dates do not fit the campaign's calendar, in a fixed order (the
    dates against the period and the phase, then the day of registration); empty when
    they fit. Reads only the arguments (no query)."""
    return [
        *_dates_warnings(campaign, phase, planned_start, planned_finish),
        *_registration_warnings(campaign, planned_finish, registered_on),
    ]


def work_timing_warnings(work: Work) -> list[TimingWarning]:
    """``timing_warnings`` of a saved work, registered on the day it was created (its
    campaign and phase should be joined: ``select_related("campaign", "phase")``)."""
    registered = timezone.localdate(work.created_at) if work.created_at else timezone.localdate()
    return timing_warnings(
        campaign=work.campaign,
        phase=work.phase,
        planned_start=work.planned_start,
        planned_finish=work.planned_finish,
        registered_on=registered,
    )
