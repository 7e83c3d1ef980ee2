"""Ranking: totals in SQL, tie-breaks in the set's order, shared ranks, proposals, lock."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.factories.scoring import (
    Cluster,
    make_set,
    manual_entries,
    reviewer_for,
    self_submit,
    sheet_of,
)
from thidua.core.errors import DomainError, NotPermitted
from thidua.scoring import services
from thidua.scoring.models import CriteriaSet, Proposal, Ranking, ScoreSheet, SheetState
from thidua.scoring.ranking import ranking_publish
from thidua.scoring.selectors import published_rankings

pytestmark = pytest.mark.django_db


def _through(c: Cluster, cs: CriteriaSet, unit, reviewed: dict[str, Decimal], **self_kw):  # type: ignore[no-untyped-def]
    """Self-assess, review with ``reviewed`` overrides (criterion code → points, others at
    their maximum; bonus/deduction codes may be given), confirm."""
    sheet = self_submit(c, cs, unit, **self_kw)
    entries = manual_entries(cs)
    for criterion in cs.criteria.filter(code__in=list(reviewed)):
        entries[criterion.pk] = services.Entry(reviewed[criterion.code])
    sheet = services.sheet_review(actor=reviewer_for(c, unit), sheet=sheet, entries=entries)
    return services.sheet_confirm(actor=c.secretariat, sheet=sheet)


def _all_through(c: Cluster, cs: CriteriaSet, plans: dict[str, dict[str, Decimal]]) -> None:
    for unit in c.units:
        _through(c, cs, unit, plans.get(unit.code, {}))


def _rows(ranking: Ranking) -> list[tuple[str, int, Decimal, str]]:
    return [
        (r.unit.code, r.rank, r.total, r.proposal)
        for r in ranking.rows.order_by("rank", "unit__code")
    ]


def test_total_subtracts_deductions_and_adds_bonus(cluster: Cluster) -> None:
    cs = make_set(cluster, campaign=False)
    cs.flag_count, cs.merit_count = 1, 1
    cs.save()
    _all_through(
        cluster,
        cs,
        {
            "P-A": {"5.1": Decimal(3), "6.1": Decimal(2)},  # 80 + 3 − 2 = 81
            "P-B": {},  # 80
            "P-C": {"1.1": Decimal(20)},  # 75
            "P-D": {"1.1": Decimal(10), "6.1": Decimal(5)},  # 65 − 5 = 60
        },
    )

    ranking = ranking_publish(actor=cluster.secretariat, criteria_set=cs)

    assert _rows(ranking) == [
        ("P-A", 1, Decimal("81.00"), Proposal.FLAG),
        ("P-B", 2, Decimal("80.00"), Proposal.MERIT),
        ("P-C", 3, Decimal("75.00"), Proposal.NONE),
        ("P-D", 4, Decimal("60.00"), Proposal.NONE),
    ]
    assert {s.state for s in ScoreSheet.objects.filter(criteria_set=cs)} == {SheetState.PUBLISHED}


def test_equal_totals_are_separated_by_criteria_at_maximum_first(cluster: Cluster) -> None:
    """P-B and P-C both have 75: P-C lost 5 points on one criterion (one fewer at max),
    P-B lost 2,5 on two; P-C therefore ranks above P-B."""
    cs = make_set(cluster, campaign=False)
    _all_through(
        cluster,
        cs,
        {
            "P-A": {},
            "P-B": {"1.1": Decimal("22.5"), "1.2": Decimal("12.5")},
            "P-C": {"1.1": Decimal(20)},
            "P-D": {"1.1": Decimal(0)},
        },
    )

    ranking = ranking_publish(actor=cluster.secretariat, criteria_set=cs)

    rows = {r.unit.code: r for r in ranking.rows.all()}
    assert (rows["P-C"].rank, rows["P-B"].rank) == (2, 3)
    assert rows["P-C"].total == rows["P-B"].total == Decimal(75)
    assert (
        "xếp trên theo quy tắc: Nhiều tiêu chí đạt điểm tối đa hơn (6 so với 5)"
        in rows["P-C"].tie_note
    )
    assert (
        "xếp sau theo quy tắc: Nhiều tiêu chí đạt điểm tối đa hơn (5 so với 6)"
        in rows["P-B"].tie_note
    )


def test_next_key_decides_when_the_first_is_equal(cluster: Cluster) -> None:
    """Same total, same number at max: fewer deductions wins (bonus compensates)."""
    cs = make_set(cluster, campaign=False)
    _all_through(
        cluster,
        cs,
        {
            "P-A": {},
            "P-B": {"5.1": Decimal(4), "6.1": Decimal(4)},  # 80, deductions 4
            "P-C": {"5.1": Decimal(1), "6.1": Decimal(1)},  # 80, deductions 1
            "P-D": {"1.1": Decimal(0)},
        },
    )

    ranking = ranking_publish(actor=cluster.secretariat, criteria_set=cs)

    rows = {r.unit.code: r for r in ranking.rows.all()}
    assert [rows[code].total for code in ("P-A", "P-B", "P-C")] == [Decimal(80)] * 3
    # P-A has no deductions: first; then P-C (1) before P-B (4).
    assert (rows["P-A"].rank, rows["P-C"].rank, rows["P-B"].rank) == (1, 2, 3)
    assert "Ít điểm trừ hơn (1 so với 4)" in rows["P-C"].tie_note


def test_units_equal_on_every_rule_share_the_rank_not_the_alphabet(cluster: Cluster) -> None:
    cs = make_set(cluster, campaign=False)
    cs.flag_count, cs.merit_count = 1, 1
    cs.save()
    _all_through(
        cluster,
        cs,
        {"P-A": {"1.1": Decimal(20)}, "P-B": {}, "P-C": {}, "P-D": {"1.1": Decimal(0)}},
    )

    ranking = ranking_publish(actor=cluster.secretariat, criteria_set=cs)

    assert _rows(ranking) == [
        ("P-B", 1, Decimal("80.00"), Proposal.FLAG),
        ("P-C", 1, Decimal("80.00"), Proposal.FLAG),
        ("P-A", 3, Decimal("75.00"), Proposal.NONE),
        ("P-D", 4, Decimal("55.00"), Proposal.NONE),
    ]
    assert "đồng hạng" in ranking.rows.get(unit__code="P-B").tie_note


def test_the_tie_break_order_is_the_sets(cluster: Cluster) -> None:
    """With fewer deductions first, the unit with more criteria at max but more
    deductions falls behind."""
    cs = make_set(cluster, campaign=False)
    cs.tie_break_keys = ["fewer_deductions", "criteria_at_max"]
    cs.save()
    _all_through(
        cluster,
        cs,
        {
            "P-A": {"1.1": Decimal(0)},
            "P-B": {"5.1": Decimal(5), "6.1": Decimal(5)},  # 80, all at max, 5 deducted
            "P-C": {"1.1": Decimal(20), "5.1": Decimal(5)},  # 80, one below max, none deducted
            "P-D": {"1.1": Decimal(0)},
        },
    )

    ranking = ranking_publish(actor=cluster.secretariat, criteria_set=cs)

    rows = {r.unit.code: r for r in ranking.rows.all()}
    assert (rows["P-C"].rank, rows["P-B"].rank) == (1, 2)


def test_publish_needs_every_sheet_confirmed(cluster: Cluster) -> None:
    cs = make_set(cluster, campaign=False)
    for unit in cluster.units[:-1]:
        _through(cluster, cs, unit, {})

    with pytest.raises(DomainError, match="còn 1 phiếu chưa xác nhận"):
        ranking_publish(actor=cluster.secretariat, criteria_set=cs)

    assert not Ranking.objects.exists()


def test_only_the_secretariat_publishes(cluster: Cluster) -> None:
    cs = make_set(cluster, campaign=False)
    _all_through(cluster, cs, {})

    with pytest.raises(NotPermitted):
        ranking_publish(actor=cluster.cluster_leader, criteria_set=cs)


def test_published_results_are_locked(cluster: Cluster) -> None:
    cs = make_set(cluster, campaign=False)
    _all_through(cluster, cs, {})
    ranking_publish(actor=cluster.secretariat, criteria_set=cs)
    sheet = sheet_of(cs, cluster.members[0])
    c11 = cs.criteria.get(code="1.1")

    with pytest.raises(DomainError, match="đã công bố"):
        ranking_publish(actor=cluster.secretariat, criteria_set=cs)
    with pytest.raises(DomainError, match="không sửa điểm tự chấm được nữa"):
        services.sheet_save_self(
            actor=cluster.officers[sheet.unit_id],
            sheet=sheet,
            entries={c11.pk: services.Entry(Decimal(1))},
        )
    for attempt in (
        lambda: services.sheet_review(actor=cluster.cluster_leader, sheet=sheet, entries={}),
        lambda: services.sheet_return(actor=cluster.secretariat, sheet=sheet, reason="Sửa lại"),
        lambda: services.sheet_confirm(actor=cluster.secretariat, sheet=sheet),
    ):
        with pytest.raises(DomainError):
            attempt()

    assert sheet.scores.get(criterion=c11).reviewed_points == Decimal(25)


def test_published_rankings_selector_returns_public_rows_in_two_queries(
    cluster: Cluster, django_assert_num_queries
) -> None:  # type: ignore[no-untyped-def]
    cs = make_set(cluster, campaign=False)
    _all_through(cluster, cs, {"P-D": {"1.1": Decimal(5)}})
    ranking_publish(actor=cluster.secretariat, criteria_set=cs)

    with django_assert_num_queries(2):
        rankings = list(published_rankings(year=2025))
        rows = [(r.rank, r.unit.name, r.total, r.proposal) for r in rankings[0].rows.all()]

    assert rankings[0].criteria_set.group.name == "Cụm thi đua số 1"
    assert rows[-1] == (4, "Huyện Châu Thành", Decimal("60.00"), Proposal.NONE)
    assert list(published_rankings(year=2024)) == []
