"""The demo's later steps (scoring, the phase review, exemplars) also carry the story's days.

Stage "setup" of the shared demo (tests/demo_database.py): ``demo_setup --force`` writes
them through the real services inside ``core.event_time.events_dated``.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from thidua.exemplars.models import ExemplarEvent
from thidua.reviews.models import PhaseReviewEvent
from thidua.scoring.models import ScoringEvent

pytestmark = pytest.mark.demo_database("setup")

STORY_START = dt.date(2024, 11, 11)


@pytest.mark.parametrize(
    ("model", "campaign", "last_day"),
    [
        # The 2025 scoring: the set opens 20/11/2025, the ranking is published 15/12/2025.
        (ScoringEvent, "criteria_set__campaign", dt.date(2025, 12, 15)),
        # Đợt 1's review, held 15 days after the phase ends.
        (PhaseReviewEvent, "review__campaign", dt.date(2025, 12, 31)),
        # Stories written two weeks after their works were finished.
        (ExemplarEvent, "exemplar__campaign", dt.date(2026, 1, 14)),
    ],
)
def test_later_demo_steps_carry_the_story_days(demo, model, campaign, last_day):
    days = {
        timezone.localdate(event.at)
        for event in model.objects.filter(**{campaign: demo.campaign_pk})
    }

    assert days, "the demo writes events of this kind"
    assert min(days) >= STORY_START
    assert max(days) <= last_day, "an event carries the day the demo was loaded"
