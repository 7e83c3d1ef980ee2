"""The score-sheet workflow: the table, exhaustively, and recusal."""

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
from thidua.scoring.models import ScoreSheet, ScoringEvent, SetState, SheetState
from thidua.scoring.transitions import TRANSITIONS, Action, allowed_actions
from thidua.scoring.workflow import transition

pytestmark = pytest.mark.django_db


def _put(sheet: ScoreSheet, state: SheetState) -> ScoreSheet:
    """Force a state for the table test (the only place a test writes it)."""
    ScoreSheet.objects.filter(pk=sheet.pk).update(state=state)
    sheet.refresh_from_db()
    return sheet


def _actor_for(c: Cluster, sheet: ScoreSheet, action: Action):  # type: ignore[no-untyped-def]
    who = None
    for (source, act), (_target, actor) in TRANSITIONS.items():
        if act == action and source == sheet.state:
            who = actor
    if who is None:
        return c.secretariat
    return {
        "unit_head": c.heads[sheet.unit_id],
        "reviewer": reviewer_for(c, sheet.unit),
        "secretariat": c.secretariat,
    }[who.value]


@pytest.mark.parametrize("state", list(SheetState))
@pytest.mark.parametrize("action", list(Action))
def test_transition_table_is_exhaustive(
    cluster: Cluster, state: SheetState, action: Action
) -> None:
    criteria_set = make_set(cluster)
    sheet = _put(sheet_of(criteria_set, cluster.members[0]), state)
    actor = _actor_for(cluster, sheet, action)

    if (state, action) in TRANSITIONS:
        result = transition(actor=actor, sheet=sheet, action=action)
        assert result.state == TRANSITIONS[(state, action)][0]
        event = ScoringEvent.objects.get(sheet=sheet, kind=action.value)
        assert (event.from_state, event.to_state) == (state.value, result.state)
    else:
        with pytest.raises(DomainError) as refused:
            transition(actor=actor, sheet=sheet, action=action)
        assert refused.value.code == "invalid_transition"
        assert ScoreSheet.objects.get(pk=sheet.pk).state == state


def test_allowed_actions_follow_the_table() -> None:
    assert allowed_actions(SheetState.SELF_SUBMITTED) == [Action.REVIEW, Action.RETURN]
    assert allowed_actions(SheetState.PUBLISHED) == []


def test_full_path_submit_review_confirm(cluster: Cluster) -> None:
    criteria_set = make_set(cluster)
    unit = cluster.members[0]
    sheet = self_submit(cluster, criteria_set, unit)

    reviewed = services.sheet_review(
        actor=cluster.cluster_leader,
        sheet=sheet,
        entries=manual_entries(criteria_set, share=Decimal("0.8")),
        note="Đạt yêu cầu",
    )
    confirmed = services.sheet_confirm(actor=cluster.secretariat, sheet=reviewed)

    assert confirmed.state == SheetState.CONFIRMED
    kinds = list(ScoringEvent.objects.filter(sheet=sheet).values_list("kind", flat=True))
    assert kinds == ["self_save", "submit", "review", "confirm"]
    assert reviewed.reviewed_by == cluster.cluster_leader


def test_officer_drafts_but_only_the_head_submits(cluster: Cluster) -> None:
    criteria_set = make_set(cluster)
    unit = cluster.members[0]
    sheet = sheet_of(criteria_set, unit)
    services.sheet_save_self(
        actor=cluster.officers[unit.pk],
        sheet=sheet,
        entries=manual_entries(criteria_set, share=Decimal(0)),
    )

    with pytest.raises(NotPermitted):
        services.sheet_submit(actor=cluster.officers[unit.pk], sheet=sheet)

    assert (
        services.sheet_submit(actor=cluster.heads[unit.pk], sheet=sheet).state == "self_submitted"
    )


def test_submit_refuses_unscored_criteria(cluster: Cluster) -> None:
    criteria_set = make_set(cluster)
    unit = cluster.members[0]

    with pytest.raises(DomainError, match=r"Chưa tự chấm các tiêu chí: 1\.1, 1\.2"):
        services.sheet_submit(actor=cluster.heads[unit.pk], sheet=sheet_of(criteria_set, unit))


def test_points_above_the_maximum_are_refused(cluster: Cluster) -> None:
    criteria_set = make_set(cluster)
    unit = cluster.members[0]
    c11 = criteria_set.criteria.get(code="1.1")

    with pytest.raises(DomainError, match=r"Tiêu chí 1\.1: điểm phải từ 0 đến 25"):
        services.sheet_save_self(
            actor=cluster.officers[unit.pk],
            sheet=sheet_of(criteria_set, unit),
            entries={c11.pk: services.Entry(Decimal("25.5"))},
        )


def test_return_needs_a_reason_and_reopens_the_sheet(cluster: Cluster) -> None:
    criteria_set = make_set(cluster)
    unit = cluster.members[0]
    sheet = self_submit(cluster, criteria_set, unit)

    with pytest.raises(DomainError, match="lý do"):
        services.sheet_return(actor=cluster.cluster_leader, sheet=sheet, reason="  ")
    returned = services.sheet_return(
        actor=cluster.cluster_leader, sheet=sheet, reason="Thiếu minh chứng tiêu chí 2.1"
    )

    assert returned.state == SheetState.RETURNED
    assert returned.return_reason == "Thiếu minh chứng tiêu chí 2.1"
    assert (
        services.sheet_submit(actor=cluster.heads[unit.pk], sheet=returned).state
        == "self_submitted"
    )


def test_leader_cannot_review_its_own_sheet_the_deputy_does(cluster: Cluster) -> None:
    criteria_set = make_set(cluster)
    sheet = self_submit(cluster, criteria_set, cluster.leader)

    with pytest.raises(NotPermitted):
        services.sheet_review(
            actor=cluster.cluster_leader, sheet=sheet, entries=manual_entries(criteria_set)
        )
    reviewed = services.sheet_review(
        actor=cluster.deputy_head, sheet=sheet, entries=manual_entries(criteria_set)
    )

    assert reviewed.state == SheetState.REVIEWED
    assert reviewed.reviewed_by == cluster.deputy_head


def test_deputy_cannot_review_other_members(cluster: Cluster) -> None:
    criteria_set = make_set(cluster)
    sheet = self_submit(cluster, criteria_set, cluster.members[0])

    with pytest.raises(NotPermitted):
        services.sheet_review(
            actor=cluster.deputy_head, sheet=sheet, entries=manual_entries(criteria_set)
        )


def test_without_a_deputy_the_secretariat_reviews_the_leaders_sheet(cluster: Cluster) -> None:
    cluster.group.memberships.filter(unit=cluster.deputy).update(role="member")
    criteria_set = make_set(cluster)
    sheet = self_submit(cluster, criteria_set, cluster.leader)

    with pytest.raises(NotPermitted):
        services.sheet_review(
            actor=cluster.deputy_head, sheet=sheet, entries=manual_entries(criteria_set)
        )
    reviewed = services.sheet_review(
        actor=cluster.secretariat, sheet=sheet, entries=manual_entries(criteria_set)
    )

    assert reviewed.state == SheetState.REVIEWED


def test_a_unit_never_reviews_its_own_sheet_even_with_the_role(cluster: Cluster) -> None:
    """A secretariat officer whose unit is in the group (Sở Nội vụ in a block) may not
    review that unit's sheet, however the group is led."""
    other = cluster.other_group
    other.memberships.filter(role="leader").update(role="member")
    criteria_set = make_set(cluster, group=other)
    home = cluster.province.home_affairs
    other.memberships.filter(unit=home).update(role="leader")
    sheet = self_submit(cluster, criteria_set, home)

    with pytest.raises(NotPermitted):
        services.sheet_review(
            actor=cluster.secretariat, sheet=sheet, entries=manual_entries(criteria_set)
        )


def test_reasons_are_stored_in_nfc(cluster: Cluster) -> None:
    import unicodedata

    criteria_set = make_set(cluster)
    sheet = self_submit(cluster, criteria_set, cluster.members[0])
    decomposed = unicodedata.normalize("NFD", "Thiếu minh chứng")

    returned = services.sheet_return(actor=cluster.cluster_leader, sheet=sheet, reason=decomposed)

    assert returned.return_reason == "Thiếu minh chứng"
    assert unicodedata.is_normalized("NFC", returned.return_reason)


def test_activating_a_set_moves_it_once_through_the_engine(cluster: Cluster) -> None:
    criteria_set = services.criteria_set_create(actor=cluster.secretariat, group=cluster.group)

    opened = services.criteria_set_activate(actor=cluster.secretariat, criteria_set=criteria_set)
    again = services.criteria_set_activate(actor=cluster.secretariat, criteria_set=criteria_set)

    assert criteria_set.state == SetState.ACTIVE
    assert (opened, again) == (len(cluster.units), 0)
    activations = ScoringEvent.objects.filter(criteria_set=criteria_set, kind="activate")
    assert list(activations.values_list("from_state", "to_state", "actor")) == [
        ("draft", "active", cluster.secretariat.pk)
    ]


def test_only_the_secretariat_activates_a_set(cluster: Cluster) -> None:
    criteria_set = services.criteria_set_create(actor=cluster.secretariat, group=cluster.group)

    with pytest.raises(NotPermitted):
        services.criteria_set_activate(actor=cluster.cluster_leader, criteria_set=criteria_set)

    criteria_set.refresh_from_db()
    assert criteria_set.state == SetState.DRAFT
    assert not criteria_set.sheets.exists()
    assert not ScoringEvent.objects.filter(criteria_set=criteria_set, kind="activate").exists()
