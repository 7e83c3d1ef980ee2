"""The demo's history tells its story on the story's days, not on the day it was loaded.

Stage "decisions" of the shared demo (tests/demo_database.py): works, reports,
nominations, the council session and the decision, each written by the real services
inside ``core.event_time.events_dated``.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from thidua.awards.models import NominationEvent
from thidua.councils import demo as councils_demo
from thidua.councils.models import CouncilEvent
from thidua.decisions.demo import DEMO_DATE, DEMO_NUMBER
from thidua.decisions.models import DecisionEvent
from thidua.reports.models import ReportEvent
from thidua.works.models import Work, WorkEvent

pytestmark = pytest.mark.demo_database("decisions")

#: The demo's story runs from KH 128 (11/11/2024) to the end of Đợt 2's works (2025).
STORY_START, STORY_END = dt.date(2024, 11, 11), dt.date(2025, 12, 31)


def _day(event) -> dt.date:
    return timezone.localdate(event.at)


#: Each event table and the path from an event to its KH 128 campaign.
KH128_EVENTS = [
    (WorkEvent, "work__campaign"),
    (ReportEvent, "report__period__campaign"),
    (NominationEvent, "nomination__campaign"),
    (CouncilEvent, "session__campaign"),
    (DecisionEvent, "decision__campaign"),
]


@pytest.mark.parametrize(("model", "campaign"), KH128_EVENTS)
def test_demo_events_carry_the_story_days(demo, model, campaign):
    days = {_day(event) for event in model.objects.filter(**{campaign: demo.campaign_pk})}

    assert days, "the demo writes events of this kind"
    assert min(days) >= STORY_START
    assert max(days) <= STORY_END, "an event carries the day the demo was loaded"


def test_a_returned_then_completed_work_reads_in_story_order(demo):
    work = (
        Work.objects.filter(state="completed", events__kind="return")
        .order_by("pk")
        .distinct()
        .first()
    )
    assert work is not None

    events = list(work.events.order_by("at", "pk"))

    kinds = [e.kind for e in events]
    assert kinds[0] == "created" and kinds[-1] == "complete"
    assert kinds.index("return") < kinds.index("approve") < kinds.index("progress")
    days = [_day(e) for e in events]
    assert days == sorted(days)
    assert days[0] < work.planned_start
    progress = [e for e in events if e.kind == "progress"]
    reported = sorted(work.progress_updates.values_list("on", flat=True))
    assert [_day(e) for e in progress] == reported


def test_the_held_council_session_is_opened_and_closed_on_its_day(demo):
    events = CouncilEvent.objects.filter(session__title=councils_demo.HELD_TITLE)

    opened = events.get(kind="open")
    closed = events.get(kind="close")

    assert _day(opened) == _day(closed) == councils_demo.HELD_ON
    assert opened.at < closed.at


def test_the_decision_is_issued_on_its_date(demo):
    issued = DecisionEvent.objects.get(decision__number=DEMO_NUMBER, kind="issue")

    assert _day(issued) == DEMO_DATE
