"""R15: the public posting window of a proposal to the State, in working days.

The body proposing Huân chương and State titles posts the shortlist publicly at least 10
working days before its council meets (Nghị định 98/2023/NĐ-CP Điều 46; from 01/7/2025
Nghị định 152/2025/NĐ-CP Điều 60 khoản 3); the number of days and its article are data
(``data/central-proposals.yaml``), counted on the working-day calendar (``awards.calendar``:
Saturdays, Sundays and public holidays are not counted; a Saturday worked in lieu is).

The day of posting is not counted: posted on Monday 05/01/2026, ten full working days run
06/01–19/01 (``window_closes_on``) and the council may meet from 20/01/2026.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from thidua.awards.calendar import add_working_days, working_days_between
from thidua.higher_awards.central import PostingWindow, central_data


@dataclass(frozen=True)
class PostingCheck:
    """Whether a council meeting on ``meeting_on`` respects the window of a posting."""

    posted_on: dt.date
    closes_on: dt.date
    meeting_on: dt.date
    full_days: int
    required: int
    window: PostingWindow

    @property
    def ok(self) -> bool:
        return self.full_days >= self.required

    @property
    def earliest_meeting(self) -> dt.date:
        return self.closes_on + dt.timedelta(days=1)


def posting_window(posted_on: dt.date) -> PostingWindow:
    """The rule in force for a posting made on ``posted_on``."""
    return central_data().posting_window(posted_on)


def window_closes_on(posted_on: dt.date) -> dt.date:
    """The last working day of the posting (the day of posting not counted)."""
    return add_working_days(posted_on, posting_window(posted_on).working_days)


def check_meeting(posted_on: dt.date, meeting_on: dt.date) -> PostingCheck:
    """How many full working days the shortlist stayed posted before ``meeting_on``."""
    window = posting_window(posted_on)
    before = meeting_on - dt.timedelta(days=1)
    full = working_days_between(posted_on, before) if before > posted_on else 0
    return PostingCheck(
        posted_on=posted_on,
        closes_on=add_working_days(posted_on, window.working_days),
        meeting_on=meeting_on,
        full_days=full,
        required=window.working_days,
        window=window,
    )
