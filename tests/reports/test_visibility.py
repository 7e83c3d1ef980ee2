"""Who sees which report, leak tests between sibling units, the submission table and the
period's counts, and query counts that do not grow with the number of units."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.factories import GroupFactory, GroupMembershipFactory, Province, UnitFactory, member
from tests.factories.reports import Kh, People, at, make_campaign, put_in_state, report_of
from thidua.accounts.models import Role, User
from thidua.core.errors import NotPermitted
from thidua.organisations.models import UnitKind
from thidua.reports.models import ReportPeriod, ReportState, UnitReport
from thidua.reports.selectors import (
    period_stats,
    report_detail,
    report_list,
    reports_visible_to,
    submission_table,
)
from thidua.reports.services import (
    report_accept,
    report_open,
    report_periods_generate,
    report_save,
    report_submit,
)

D = dt.date
ALL = {"P-SNV", "P-SYT", "P-A", "P-B"}
VISIBLE = {
    "health_officer": {"P-SYT"},
    "health_head": {"P-SYT"},
    "home_officer": {"P-SNV"},
    "district_a_officer": {"P-A"},
    "district_a_head": {"P-A"},
    "district_a_subtree": {"P-A"},  # its communes write no reports of their own
    "district_b_head": {"P-B"},
    "a1_officer": set(),  # a commune reports through its district
    "secretariat": ALL,
    "leader": ALL,
    "admin": ALL,
    "other_secretariat": set(),
}


@pytest.fixture(autouse=True)
def _in_q4() -> Iterator[None]:
    with at(2024, 12, 16, 9):  # the day after quý IV/2024's due date
        yield


@pytest.mark.parametrize("who", sorted(VISIBLE))
def test_reports_visible_to_each_role(
    generated: list[ReportPeriod], people: People, who: str
) -> None:
    visible = reports_visible_to(getattr(people, who))

    assert set(visible.values_list("unit__code", flat=True)) == VISIBLE[who]
    assert visible.count() == 4 * len(VISIBLE[who])  # one report a quarter, no duplicates


def test_reports_visible_to_anonymous_is_empty(generated: list[ReportPeriod]) -> None:
    assert not reports_visible_to(AnonymousUser()).exists()


def test_reports_visible_to_cluster_leader_covers_the_groups_members(
    generated: list[ReportPeriod], province: Province
) -> None:
    group = GroupFactory(organiser=province.root, year=2024)
    GroupMembershipFactory(group=group, unit=province.district_a, role="leader")
    GroupMembershipFactory(group=group, unit=province.district_b)
    leader = member(province.district_a, Role.CLUSTER_LEADER)

    visible = reports_visible_to(leader)

    assert sorted(visible.values_list("unit__code", flat=True)) == ["P-A"] * 4 + ["P-B"] * 4


@pytest.mark.parametrize("who", sorted(VISIBLE))
def test_rules_view_permission_matches_visibility(
    generated: list[ReportPeriod], province: Province, people: People, who: str
) -> None:
    user = getattr(people, who)

    for unit in (province.health, province.home_affairs, province.district_a):
        report = report_of(generated[0], unit)
        assert user.has_perm("reports.view_unitreport", report) == (unit.code in VISIBLE[who])


def test_rules_who_writes_submits_and_reviews_a_report(
    generated: list[ReportPeriod], province: Province, people: People
) -> None:
    report = report_of(generated[0], province.health)

    def holders(perm: str) -> set[str]:
        return {n for n in VISIBLE if getattr(people, n).has_perm(perm, report)}

    assert holders("reports.change_unitreport") == {"health_officer", "health_head", "admin"}
    assert holders("reports.submit_unitreport") == {"health_head"}
    assert holders("reports.review_unitreport") == {"secretariat", "admin"}


def test_leak_sibling_unit_cannot_read_or_change_the_report(
    generated: list[ReportPeriod], province: Province, people: People
) -> None:
    report = report_of(generated[0], province.health)
    put_in_state(report, ReportState.OPEN, summary="Số liệu của Sở Y tế")
    sibling = people.home_head

    with pytest.raises(UnitReport.DoesNotExist):
        report_detail(sibling, report.pk)
    with pytest.raises(NotPermitted):
        report_open(actor=sibling, report=report)
    with pytest.raises(NotPermitted):
        report_save(actor=sibling, report=report, summary="Ghi đè")
    with pytest.raises(NotPermitted):
        report_submit(actor=sibling, report=report)

    report.refresh_from_db()
    assert (report.state, report.summary, report.prefill) == ("open", "Số liệu của Sở Y tế", {})
    assert list(report.events.values_list("kind", flat=True)) == ["created"]
    assert report not in reports_visible_to(sibling)


def test_report_detail_for_the_secretariat(
    generated: list[ReportPeriod], province: Province, people: People
) -> None:
    report = report_of(generated[0], province.district_b)

    detail = report_detail(people.secretariat, report.pk)

    assert (detail.unit.name, detail.period.label) == ("Huyện Trà Cú", "Quý IV/2024")


@pytest.fixture
def filled(generated: list[ReportPeriod], province: Province, people: People) -> ReportPeriod:
    """Quý IV/2024 on 16/12: Sở Nội vụ accepted on time, Sở Y tế submitted late, district A
    returned, district B still open (missing)."""
    q4 = generated[0]
    home = report_of(q4, province.home_affairs)
    health = report_of(q4, province.health)
    with at(2024, 12, 14, 10):
        report_save(actor=people.home_head, report=home, summary="Đầy đủ")
        report_submit(actor=people.home_head, report=home)
        report_accept(actor=people.secretariat, report=home)
    report_save(actor=people.health_head, report=health, summary="Nộp muộn")
    report_submit(actor=people.health_head, report=health)
    put_in_state(report_of(q4, province.district_a), ReportState.RETURNED)
    return q4


def test_submission_table_shows_state_time_late_and_missing(
    filled: ReportPeriod, people: People
) -> None:
    rows = [
        (r.unit.code, r.state, r.submitted_at is not None, r.late, r.missing)
        for r in submission_table(people.secretariat, filled)
    ]

    assert rows == [
        ("P-A", "returned", False, False, False),
        ("P-B", "open", False, False, True),
        ("P-SNV", "accepted", True, False, False),
        ("P-SYT", "submitted", True, True, False),
    ]


def test_submission_table_is_scoped_to_the_user(filled: ReportPeriod, people: People) -> None:
    assert [r.unit.code for r in submission_table(people.health_officer, filled)] == ["P-SYT"]
    assert list(submission_table(people.other_secretariat, filled)) == []


def test_submission_table_on_the_due_day_nothing_is_missing(
    filled: ReportPeriod, people: People
) -> None:
    rows = submission_table(people.secretariat, filled, today=D(2024, 12, 15))

    assert [r.missing for r in rows] == [False, False, False, False]


def test_period_stats_counts_states_on_time_late_and_missing(filled: ReportPeriod) -> None:
    stats = period_stats(filled)

    assert stats.__dict__ == {
        "total": 4,
        "open": 1,
        "submitted": 1,
        "returned": 1,
        "accepted": 1,
        "on_time": 1,
        "late": 1,
        "missing": 1,
    }
    assert period_stats(filled, today=D(2024, 12, 15)).missing == 0


def _campaign_with_units(count: int) -> ReportPeriod:
    root = UnitFactory(code="R", kind=UnitKind.PROVINCE)
    for n in range(count):
        UnitFactory(code=f"R-{n}", kind=UnitKind.DEPARTMENT, parent=root)
    kh = make_campaign(root)
    report_periods_generate(kh.campaign)
    return ReportPeriod.objects.get(campaign=kh.campaign, year=2024, number=4)


def _secretariat_of(period: ReportPeriod) -> User:
    unit = period.campaign.issuer_unit.children.first()
    assert unit is not None
    return member(unit, Role.SECRETARIAT)


@pytest.mark.parametrize("count", [1, 3])
def test_submission_table_query_count_does_not_grow_with_units(
    db: None, django_assert_num_queries, count: int
) -> None:
    period = _campaign_with_units(count)
    user = _secretariat_of(period)

    with django_assert_num_queries(2):  # the user's memberships, the rows
        rows = [
            (r.unit.name, r.state, r.submitted_at, r.confirmed_by, r.late, r.missing)
            for r in submission_table(user, period)
        ]

    assert len(rows) == count


@pytest.mark.parametrize("count", [1, 3])
def test_report_list_query_count_does_not_grow_with_units(
    db: None, django_assert_num_queries, count: int
) -> None:
    period = _campaign_with_units(count)
    user = _secretariat_of(period)

    with django_assert_num_queries(2):  # the user's memberships, the rows
        rows = [
            (r.unit.name, r.period.label, r.period.campaign.doc_number, r.state)
            for r in report_list(user)
        ]

    assert len(rows) == 4 * count


def test_report_list_newest_period_first(
    generated: list[ReportPeriod], people: People, kh: Kh
) -> None:
    rows = [(r.period.label, r.unit.code) for r in report_list(people.district_a_head)]

    assert rows == [
        ("Quý III/2025", "P-A"),
        ("Quý II/2025", "P-A"),
        ("Quý I/2025", "P-A"),
        ("Quý IV/2024", "P-A"),
    ]
    assert report_list(people.secretariat, campaign=kh.campaign.pk + 1).count() == 0
