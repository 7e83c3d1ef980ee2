"""Every report list costs the same number of queries for one item or three: the unit's
reports (1 or 3 units), a period's submission table (1 or 3 units) and the dashboard
(1 or 3 units, targets and works)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.urls import reverse

from tests.factories import MembershipFactory, UnitFactory, UserFactory, member
from tests.factories.reports import make_campaign, put_in_state, report_of, target_with_values
from tests.factories.works import WorkFactory
from tests.pages import signed_in
from thidua.accounts.models import Role, User
from thidua.campaigns.models import Campaign
from thidua.organisations.models import Unit, UnitKind
from thidua.reports.models import ReportPeriod, ReportState
from thidua.reports.services import report_periods_generate
from thidua.works.models import WorkState

#: Queries of each page, whatever the number of units, reports, targets and works (the
#: dashboard reads the ids of the units the leader covers once, for its works' counts).
EXPECTED = {
    "unit_list": 4,
    "period": 9,
    "dashboard": 15,
}


@dataclass
class World:
    campaign: Campaign
    units: list[Unit]
    q4: ReportPeriod
    head: User
    ban: User
    leader: User


def _world(count: int) -> World:
    """A province of ``count`` departments, each with a submitted Quý IV/2024 report, a
    late work and a campaign target with values; one head of all of them."""
    root = UnitFactory(code="R", name="UBND tỉnh Đếm", kind=UnitKind.PROVINCE)
    units = [
        UnitFactory(code=f"R-{n}", name=f"Sở số {n}", kind=UnitKind.DEPARTMENT, parent=root)
        for n in range(count)
    ]
    campaign = make_campaign(root, code="kh-dem", doc_number="9/KH-UBND").campaign
    report_periods_generate(campaign)
    q4 = ReportPeriod.objects.get(campaign=campaign, year=2024, number=4)
    head = UserFactory()
    for n, unit in enumerate(units):
        MembershipFactory(user=head, unit=unit, role=Role.UNIT_HEAD)
        put_in_state(report_of(q4, unit), ReportState.SUBMITTED, confirmed_by=head,
                     submitted_at=dt.datetime(2024, 12, 9, 2, tzinfo=dt.UTC))  # fmt: skip
        WorkFactory(campaign=campaign, unit=unit, state=WorkState.IN_PROGRESS,
                    planned_start=dt.date(2024, 6, 1), planned_finish=dt.date(2024, 11, 30))  # fmt: skip
        target_with_values(campaign, code=f"CT{n:02d}", position=n)
    return World(
        campaign, units, q4, head, member(root, Role.SECRETARIAT), member(root, Role.LEADER)
    )


@pytest.mark.parametrize("count", [1, 3])
def test_unit_list_query_count(db, django_assert_num_queries, count):
    world = _world(count)
    client = signed_in(world.head)

    with django_assert_num_queries(EXPECTED["unit_list"]):
        response = client.get(reverse("reports:index"))

    assert response.content.decode().count('class="report-card ') == 4 * count


@pytest.mark.parametrize("count", [1, 3])
def test_submission_table_query_count(db, django_assert_num_queries, count):
    world = _world(count)
    client = signed_in(world.ban)

    with django_assert_num_queries(EXPECTED["period"]):
        response = client.get(reverse("reports:period", args=[world.q4.pk]))

    html = response.content.decode()
    assert html.count('<tr id="report-row-') == count
    assert html.count(">Tiếp nhận</button>") == count


@pytest.mark.parametrize("count", [1, 3])
def test_dashboard_query_count(db, django_assert_num_queries, count):
    world = _world(count)
    client = signed_in(world.leader)

    with django_assert_num_queries(EXPECTED["dashboard"]):
        response = client.get(reverse("reports:dashboard"))

    html = response.content.decode()
    assert html.count('<li class="target-card ') == count
    assert html.count('<polyline class="trend__line"') == count
