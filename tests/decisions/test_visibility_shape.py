"""Issue #16: a province-wide reader's decision and row visibility is one condition on
the decision's granting unit, not an OR with an "own people" join over every decision
entry, nomination and nominee of the country; a unit's officer keeps its own-people
branch (and still sees only its people's rows)."""

from __future__ import annotations

from tests.factories.decisions import World, issued
from thidua.decisions.revocations.selectors import (
    revocation_rows_visible_to,
    revocations_visible_to,
)
from thidua.decisions.selectors import decisions_visible_to, entries_visible_to


def _sql(queryset) -> str:  # type: ignore[no-untyped-def]
    return str(queryset.query)


def test_province_wide_readers_do_not_join_nominations(world: World) -> None:
    for user in (world.secretariat, world.leader):
        for queryset in (
            decisions_visible_to(user),
            entries_visible_to(user),
            revocations_visible_to(user),
            revocation_rows_visible_to(user),
        ):
            sql = _sql(queryset)
            assert "awards_nominee" not in sql and "awards_nomination" not in sql, sql


def test_a_unit_officer_keeps_the_own_people_branch(world: World) -> None:
    assert "awards_nominee" in _sql(decisions_visible_to(world.officer_a1))
    assert "awards_nominee" in _sql(entries_visible_to(world.officer_a1))


def test_the_secretariat_still_sees_every_row_and_the_officer_only_its_own(world: World) -> None:
    decision = issued(world)

    assert set(decisions_visible_to(world.secretariat)) == {decision}
    assert entries_visible_to(world.secretariat).filter(decision=decision).count() == len(
        decision.entries.all()
    )
    names = set(entries_visible_to(world.officer_a1).values_list("name", flat=True))
    assert "Trần Thị Hoa" in names and "Lê Văn Nam" not in names
    assert not decisions_visible_to(world.other_secretariat).exists()
