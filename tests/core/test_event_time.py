"""Events are stamped with now; only code replaying a story (the demo) dates them."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from thidua.campaigns.models import CampaignEvent
from thidua.core.event_time import events_dated


def test_event_is_stamped_with_now_outside_a_story(world):
    before = timezone.now()

    event = CampaignEvent.objects.create(campaign=world.campaign, kind="test")

    assert before <= event.at <= timezone.now()


def test_events_dated_stamps_the_story_day_then_now_again(world):
    with events_dated(dt.date(2025, 3, 14)):
        story = CampaignEvent.objects.create(campaign=world.campaign, kind="story")
    after = CampaignEvent.objects.create(campaign=world.campaign, kind="after")

    story.refresh_from_db()
    assert timezone.localtime(story.at).strftime("%d/%m/%Y %H:%M") == "14/03/2025 09:00"
    assert after.at.year == timezone.now().year and after.at > story.at


def test_a_given_time_cannot_be_forced_on_a_new_event(world):
    forced = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)

    event = CampaignEvent.objects.create(campaign=world.campaign, kind="test", at=forced)

    assert event.at != forced  # only events_dated decides, never a value passed in
