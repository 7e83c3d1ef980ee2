"""The present-day demo stage: Vĩnh Long's illustrative 2026 campaign (desk.demo_vinh_long)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from tests.demo_database import DemoRun
from thidua.accounts.models import Membership, User
from thidua.awards.models import Nomination, NominationState
from thidua.campaigns.models import Campaign, CampaignEvent
from thidua.desk.demo_users import VINH_LONG_USERS
from thidua.desk.demo_vinh_long import CAMPAIGN_CODE, COMMUNE, vinh_long_demo_ensure
from thidua.organisations.models import Unit
from thidua.reports.models import ReportPeriod, ReportState, UnitReport
from thidua.works.models import Work

pytestmark = pytest.mark.demo_database("vinh_long")


def _counts() -> dict[str, int]:
    return {
        "units": Unit.objects.count(),
        "users": User.objects.count(),
        "memberships": Membership.objects.count(),
        "campaign_events": CampaignEvent.objects.count(),
        "works": Work.objects.count(),
        "reports": UnitReport.objects.count(),
        "submitted": UnitReport.objects.exclude(submitted_at=None).count(),
        "nominations": Nomination.objects.count(),
    }


def test_the_2026_campaign_runs_on_vinh_longs_present_units(demo: DemoRun) -> None:
    campaign = Campaign.objects.get(code=CAMPAIGN_CODE)
    assert campaign.illustrative and campaign.issuer_unit.code == "86"
    assert campaign.issuer_unit.name == "Ủy ban nhân dân tỉnh Vĩnh Long"
    assert Unit.objects.get(code=COMMUNE).parent == campaign.issuer_unit
    assert [(p.code, p.start, p.end) for p in campaign.phases.order_by("start")] == [
        ("dot-1", dt.date(2026, 1, 1), dt.date(2026, 6, 30)),
        ("dot-2", dt.date(2026, 7, 1), dt.date(2026, 12, 31)),
    ]
    q4 = ReportPeriod.objects.get(campaign=campaign, year=2026, number=4)
    assert q4.effective_due == dt.date(2026, 12, 15)
    past = UnitReport.objects.filter(period__campaign=campaign, period__number__lte=3)
    assert past.filter(state=ReportState.ACCEPTED).count() == 6
    assert Work.objects.filter(campaign=campaign).count() == 2
    approved = Nomination.objects.filter(campaign=campaign, state=NominationState.APPROVED)
    assert sorted(n.nominee.name for n in approved) == ["Nguyễn Hoàng Phúc", "Thạch Thị Sa Vuôl"]
    for demo_user in VINH_LONG_USERS:
        membership = Membership.objects.get(user__username=demo_user.username)
        assert (membership.unit.code, membership.role) == (demo_user.unit_code, demo_user.role)


def test_a_second_run_adds_nothing(demo: DemoRun) -> None:
    before = _counts()
    lines = vinh_long_demo_ensure()
    assert _counts() == before
    assert "0 mới" in lines[0]
    assert lines[-1] == "Phong trào 2026 (minh họa): đã có, không tạo thêm."


def test_every_page_that_shows_it_says_it_is_illustrative(demo: DemoRun, client: Client) -> None:
    campaign = Campaign.objects.get(code=CAMPAIGN_CODE)
    client.force_login(User.objects.get(username="canbo_xa_vl"))
    page = client.get(f"/phong-trao/{campaign.pk}/").content.decode()
    assert "Kế hoạch minh họa: MH-2026/KH-UBND không phải văn bản thật" in page
    listing = client.get("/phong-trao/").content.decode()
    assert "MH-2026/KH-UBND" in listing and "Minh họa</span>" in listing
    home = client.get("/").content.decode()
    assert "Minh họa</span>" in home
    work = Work.objects.filter(campaign=campaign, unit__code=COMMUNE).get()
    nomination = Nomination.objects.filter(campaign=campaign, proposer_unit__code=COMMUNE).get()
    for path in (f"/cong-trinh/{work.pk}/", f"/khen-thuong/de-nghi/{nomination.pk}/"):
        assert "không phải văn bản thật" in client.get(path).content.decode(), path
    client.logout()
    public = client.get("/public/").content.decode()
    assert "Kế hoạch minh họa, không phải văn bản thật" in public


def test_a_trà_vinh_user_does_not_see_the_vinh_long_campaign(demo: DemoRun, client: Client) -> None:
    campaign = Campaign.objects.get(code=CAMPAIGN_CODE)
    client.force_login(User.objects.get(username="canbo_xa"))
    assert client.get(f"/phong-trao/{campaign.pk}/").status_code == 404
    assert "MH-2026/KH-UBND" not in client.get("/phong-trao/").content.decode()


def test_the_2026_story_is_dated_on_its_own_days(demo: DemoRun) -> None:
    from django.utils import timezone

    from thidua.awards.models import NominationEvent
    from thidua.reports.models import ReportEvent
    from thidua.works.models import WorkEvent

    campaign = Campaign.objects.get(code=CAMPAIGN_CODE)
    q1 = ReportEvent.objects.filter(
        report__period__campaign=campaign, report__period__number=1, kind="submit"
    )
    works = WorkEvent.objects.filter(work__campaign=campaign)
    nominations = NominationEvent.objects.filter(nomination__campaign=campaign, kind="submit")

    assert q1 and works and nominations
    assert {timezone.localdate(e.at).month for e in q1} <= {3, 4}, "Q1 was sent in spring"
    assert max(timezone.localdate(e.at) for e in works) < dt.date(2026, 4, 1)
    assert {timezone.localdate(e.at) for e in nominations} == {dt.date(2026, 11, 20)}
