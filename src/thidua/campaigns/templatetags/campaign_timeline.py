"""The phase timeline: one horizontal bar per phase and a "Hôm nay" marker.

The strict Content-Security-Policy forbids ``style=`` attributes, so positions are
computed here and rounded to 5 % steps that ``app.css`` maps to classes
(``tl-at-35`` = 35 % from the left, ``tl-w-40`` = 40 % wide).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django import template
from django.utils import timezone

from thidua.campaigns.models import Campaign, Phase
from thidua.core.dates import PartialDate

register = template.Library()

STEP = 5


@dataclass(frozen=True)
class PhaseBar:
    """One phase placed on the campaign's span."""

    phase: Phase
    start: PartialDate
    end: PartialDate
    at: int
    width: int
    state: str  # "past", "current" or "future"
    elapsed: int  # percent of the phase's days gone by (0–100)
    days_left: int


@dataclass(frozen=True)
class Timeline:
    """A campaign's phases on one scale from its first to its last day."""

    first_day: dt.date
    last_day: dt.date
    bars: list[PhaseBar]
    today: dt.date
    today_at: int | None  # None when today lies outside the span
    status: str  # "before", "during" or "after"

    @property
    def marker_at_end(self) -> bool:
        """The marker's label goes left of the line near the right edge."""
        return self.today_at is not None and self.today_at > 60


def _step_near(value: float) -> int:
    return max(0, min(100, STEP * round(value / STEP)))


def _bar(phase: Phase, first: dt.date, days: int, today: dt.date) -> PhaseBar:
    start, end = phase.start_partial, phase.end_partial
    begin, finish = start.first_day(), end.last_day()
    at = min(_step_near((begin - first).days / days * 100), 100 - STEP)
    right = _step_near(((finish - first).days + 1) / days * 100)
    width = max(STEP, right - at)
    length = (finish - begin).days + 1
    if today > finish:
        state, elapsed = "past", 100
    elif today < begin:
        state, elapsed = "future", 0
    else:
        state, elapsed = "current", round(((today - begin).days + 1) / length * 100)
    return PhaseBar(
        phase=phase,
        start=start,
        end=end,
        at=at,
        width=width,
        state=state,
        elapsed=elapsed,
        days_left=max(0, (finish - today).days),
    )


def build_timeline(campaign: Campaign, today: dt.date) -> Timeline:
    """Place ``campaign``'s phases (prefetched, in order) and ``today`` on one scale.

    The span runs from the first day the campaign or any phase covers to the last; a
    phase stated as "tháng 11/2024" starts on 01/11 and one ending "tháng 9/2025" runs
    to 30/09, so month precision is never read as a day.
    """
    phases = list(campaign.phases.all())
    first = min(
        [campaign.start_partial.first_day()] + [p.start_partial.first_day() for p in phases]
    )
    last = max([campaign.end_partial.last_day()] + [p.end_partial.last_day() for p in phases])
    days = (last - first).days + 1
    if today < first:
        status, today_at = "before", None
    elif today > last:
        status, today_at = "after", None
    else:
        status, today_at = "during", _step_near(((today - first).days + 0.5) / days * 100)
    return Timeline(
        first_day=first,
        last_day=last,
        bars=[_bar(phase, first, days, today) for phase in phases],
        today=today,
        today_at=today_at,
        status=status,
    )


@register.inclusion_tag("campaigns/partials/timeline.html")
def phase_timeline(
    campaign: Campaign, today: dt.date | None = None, compact: bool = False
) -> dict[str, Any]:
    """Render the timeline of ``campaign`` as of ``today`` (default: today's date)."""
    return {
        "timeline": build_timeline(campaign, today or timezone.localdate()),
        "campaign": campaign,
        "compact": compact,
    }
