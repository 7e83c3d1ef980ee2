"""The demo works: every state, real evidence, queues to work on, and no doubles on re-run.

The Trà Vinh units, KH 128 and the demo users are loaded and the demo works created once
per session (tests/demo_database.py, stage "works"); each test then reads them. The clock
is not frozen: the works must hold whatever day the demo is loaded.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.demo_database import DemoRun
from thidua.accounts.models import User
from thidua.campaigns.models import Campaign
from thidua.core.uploads import sniff
from thidua.works.demo import demo_works_ensure
from thidua.works.models import (
    ChangeRequest,
    ChangeRequestState,
    Evidence,
    EvidenceKind,
    ProgressUpdate,
    Work,
    WorkState,
)
from thidua.works.selectors import approval_queue, registration_compliance

pytestmark = pytest.mark.demo_database("works")


@pytest.fixture(autouse=True)
def _frozen_time() -> None:
    """Not frozen: the works tests' clock (tests/works/conftest.py) stops at 01/3/2025."""


@pytest.fixture
def campaign(demo: DemoRun) -> Campaign:
    return Campaign.objects.get(pk=demo.campaign_pk)


def test_demo_works_ensure_reaches_every_state(demo: DemoRun, campaign: Campaign) -> None:
    states = set(campaign.works.values_list("state", flat=True))

    assert states == {s.value for s in WorkState}
    assert demo.works_created == campaign.works.count()
    assert campaign.works.count() >= 50


def test_demo_works_ensure_registers_the_provinces_own_works(campaign: Campaign) -> None:
    own = campaign.works.filter(campaign_work__isnull=False).select_related("campaign_work", "unit")

    by_code = {w.campaign_work.code: w for w in own if w.campaign_work}
    assert sorted(by_code) == [f"CT0{n}" for n in range(1, 9)]
    assert {w.unit.code for w in own} == {"TV"}
    assert all(w.title == w.campaign_work.title for w in own if w.campaign_work)
    assert {by_code[c].state for c in ("CT01", "CT02", "CT03")} == {WorkState.IN_PROGRESS}
    finished = [by_code[c] for c in ("CT04", "CT05", "CT06", "CT07", "CT08")]
    assert {w.state for w in finished} == {WorkState.COMPLETED}
    assert {w.deadline for w in finished} == {dt.date(2025, 9, 30)}
    late = [code for code, w in by_code.items() if w.is_late(dt.date(2025, 12, 31))]
    assert late == ["CT06"]


def test_demo_works_ensure_completes_some_ahead_and_some_late(campaign: Campaign) -> None:
    completed = list(campaign.works.filter(state=WorkState.COMPLETED))

    ahead = [w for w in completed if w.is_ahead()]
    late = [w for w in completed if w.actual_finish and w.actual_finish > w.planned_finish]
    assert len(ahead) >= 3
    assert len(late) >= 2
    assert all(
        dt.date(2024, 11, 1) <= w.actual_finish <= dt.date(2025, 10, 31)
        for w in completed
        if w.actual_finish
    )


def test_demo_works_ensure_reports_rising_dated_progress(campaign: Campaign) -> None:
    started = campaign.works.filter(state__in=[WorkState.IN_PROGRESS, WorkState.COMPLETED])

    for work in started.prefetch_related("progress_updates"):
        updates = list(work.progress_updates.all())
        assert 2 <= len(updates) <= 5, work.title
        percents = [u.percent for u in updates]
        assert percents == sorted(percents), work.title
        assert updates[-1].percent == work.percent_complete, work.title
        assert all(dt.date(2024, 11, 1) <= u.on <= dt.date(2025, 10, 31) for u in updates)


def test_demo_works_ensure_attaches_real_photos_and_a_pdf(
    demo: DemoRun, campaign: Campaign
) -> None:
    evidence = Evidence.objects.filter(update__work__campaign=campaign)
    photos = list(evidence.filter(kind=EvidenceKind.PHOTO))
    documents = list(evidence.filter(kind=EvidenceKind.DOCUMENT))

    assert len(photos) >= 10
    assert documents
    media = demo.media
    for item, real in [(p, "png") for p in photos] + [(d, "pdf") for d in documents]:
        path = media / item.file.name  # each test has its own MEDIA_ROOT; the demo's is this
        assert path.stat().st_size == item.size
        with path.open("rb") as stream:
            assert sniff(stream) == real
    with (media / documents[0].file.name).open("rb") as stream:
        assert stream.read().rstrip().endswith(b"%%EOF")


def test_demo_works_ensure_leaves_change_requests_decided_and_pending(campaign: Campaign) -> None:
    requests = ChangeRequest.objects.filter(work__campaign=campaign)

    states = set(requests.values_list("state", flat=True))
    assert {ChangeRequestState.PENDING, ChangeRequestState.ACCEPTED} <= states
    accepted = requests.get(state=ChangeRequestState.ACCEPTED)
    assert accepted.work.planned_finish.isoformat() == accepted.changes["planned_finish"]
    pending = requests.get(state=ChangeRequestState.PENDING)
    assert pending.work.unit.code == "TV-SYT"


def test_demo_works_ensure_gives_approvers_work_to_do(campaign: Campaign) -> None:
    district = approval_queue(User.objects.get(username="canbo_huyen"))
    secretariat = approval_queue(User.objects.get(username="bantdkt"))

    assert district.count() >= 3
    assert {w.unit.parent.code for w in district.select_related("unit__parent")} == {"TV-CK"}
    assert secretariat.count() >= 3
    assert {w.approver_unit.code for w in secretariat} == {"TV"}


def test_demo_works_ensure_returns_and_cancels_with_reasons(campaign: Campaign) -> None:
    returned = campaign.works.filter(state=WorkState.RETURNED)
    cancelled = campaign.works.filter(state=WorkState.CANCELLED)

    for work in returned:
        event = work.events.filter(kind="return").last()
        assert event is not None
        assert event.payload["reason"] and event.payload["what_to_fix"]
    for work in cancelled:
        event = work.events.filter(kind="cancel").last()
        assert event is not None
        assert event.payload["reason"]
    assert returned.count() >= 2
    assert cancelled.count() >= 2


def test_demo_works_ensure_leaves_districts_below_minimum(campaign: Campaign) -> None:
    admin = User.objects.get(username="admin")

    rows = registration_compliance(admin, campaign)

    districts = [r for r in rows if r.unit_kind == "district"]
    assert len(districts) == 9
    below = [r for r in districts if r.below]
    assert 1 <= len(below) < 9
    assert all(r.registered == 1 and r.minimum == 2 for r in below)


def test_demo_works_ensure_twice_adds_nothing(campaign: Campaign) -> None:
    works = Work.objects.count()
    updates = ProgressUpdate.objects.count()

    created = demo_works_ensure(campaign)

    assert created == 0
    assert Work.objects.count() == works
    assert ProgressUpdate.objects.count() == updates
