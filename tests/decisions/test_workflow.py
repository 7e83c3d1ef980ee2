"""Drafting, editing, issuing and superseding decisions: the transition table, the
authority check as of the decision date, the amounts, immutability."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.factories import member
from tests.factories.decisions import (
    DATE,
    NUMBER,
    NominationFactory,
    World,
    draft,
    fill,
    issued,
    nominee,
)
from thidua.accounts.models import Role, User
from thidua.awards.models import AwardRecord, Nomination, NominationState
from thidua.core.errors import DomainError, NotPermitted
from thidua.decisions.amounts import multiplier_for, reward_amount, rule_on
from thidua.decisions.models import (
    Certificate,
    Decision,
    DecisionEntry,
    DecisionEvent,
    DecisionState,
    ImmutableDecisionError,
)
from thidua.decisions.services import (
    decision_edit,
    decision_issue,
    decision_supersede,
    place_name_of,
)
from thidua.decisions.transitions import TRANSITIONS, Action
from thidua.organisations.models import Unit

S = DecisionState


@pytest.mark.parametrize("state", list(DecisionState))
@pytest.mark.parametrize("action", list(Action))
def test_transition_table_every_state_and_action(
    world: World, state: DecisionState, action: Action
) -> None:
    decision = fill(world, draft(world))
    if state != S.DRAFT:
        decision = decision_issue(actor=world.secretariat, decision=decision)
    if state == S.SUPERSEDED:
        replacement = decision_supersede(
            actor=world.secretariat, decision=decision, reason="Sai tên"
        )
        fill(world, replacement, number="1300/QĐ-UBND", date=dt.date(2025, 6, 20))
        decision_issue(actor=world.secretariat, decision=replacement)
        decision.refresh_from_db()
    assert decision.state == state
    expected = TRANSITIONS.get((state, action))

    def act() -> Decision:
        if action is Action.EDIT:
            return fill(world, decision, number="1235/QĐ-UBND")
        if action is Action.ISSUE:
            return decision_issue(actor=world.secretariat, decision=decision)
        return decision_supersede(actor=world.secretariat, decision=decision, reason="Đính chính")

    if expected is None:
        with pytest.raises(DomainError) as refused:
            act()
        assert refused.value.code == "invalid_transition"
        decision.refresh_from_db()
        assert decision.state == state
    else:
        result = act()
        if action is Action.SUPERSEDE:
            assert result.supersedes_id == decision.pk and result.state == S.DRAFT
        else:
            assert result.state == expected


def test_decision_draft_lists_the_approved_nominations_with_snapshots(world: World) -> None:
    decision = draft(world)

    entries = list(decision.entries.order_by("order"))
    assert [e.name for e in entries] == [
        "Trần Thị Hoa",
        "Lê Văn Nam",
        "Trạm Y tế xã Phong Phú",
        "Hộ ông Thạch Sang",
    ]
    assert entries[0].position == "Công chức Văn hóa - Xã hội"
    assert entries[0].unit_name == "Xã Phong Phú"
    assert decision.place_name == "Trà Vinh"
    assert decision.grantor_title == "Chủ tịch Ủy ban nhân dân tỉnh Trà Vinh"
    assert decision.signer_name == "Lê Văn Hẳn"
    assert any("152/2025/NĐ-CP" in line for line in decision.legal_bases)  # today: 10/7/2025
    assert any("128/KH-UBND" in line for line in decision.legal_bases)
    assert decision.events.get().kind == "draft"


def test_decision_draft_by_a_unit_officer_refused(world: World) -> None:
    with pytest.raises(NotPermitted):
        from thidua.decisions.services import decision_draft

        decision_draft(
            actor=world.officer_a1,
            campaign=world.campaign,
            form=world.bk,
            grantor_unit=world.province.root,
        )
    assert not Decision.objects.exists()


def test_decision_draft_by_another_provinces_secretariat_refused(world: World) -> None:
    from thidua.decisions.services import decision_draft

    with pytest.raises(NotPermitted):
        decision_draft(
            actor=world.other_secretariat,
            campaign=world.campaign,
            form=world.bk,
            grantor_unit=world.province.root,
        )


def test_decision_draft_skips_nominations_already_in_a_decision(world: World) -> None:
    draft(world, nominations=[world.hoa])

    second = draft(world)

    assert "Trần Thị Hoa" not in [e.name for e in second.entries.all()]
    assert second.entries.count() == 3


def test_decision_draft_without_candidates_refused(world: World) -> None:
    Nomination.objects.update(state=NominationState.TO_COUNCIL)

    with pytest.raises(DomainError) as refused:
        draft(world)

    assert refused.value.code == "no_candidates"


def test_decision_edit_bad_number_refused(world: World) -> None:
    with pytest.raises(DomainError) as refused:
        fill(world, draft(world), number="một hai ba")

    assert "1234/QĐ-UBND" in refused.value.message


def test_decision_edit_kt_without_the_signers_position_refused(world: World) -> None:
    with pytest.raises(DomainError) as refused:
        fill(world, draft(world), authority_prefix="KT.")

    assert refused.value.code == "kt_position"


def test_decision_edit_date_before_july_switches_to_nd_98(world: World) -> None:
    decision = fill(world, draft(world), date=dt.date(2025, 6, 30))

    assert any("98/2023/NĐ-CP" in line for line in decision.legal_bases)
    assert not any("152/2025" in line for line in decision.legal_bases)


def test_decision_issue_writes_records_certificates_and_decides(world: World) -> None:
    decision = issued(world)

    assert decision.state == S.ISSUED
    assert decision.number == NUMBER and decision.date == DATE
    assert len(decision.content_sha256) == 64
    assert decision.docx.name.endswith(".docx") and decision.pdf.name.endswith(".pdf")
    assert decision.issued_by == world.secretariat
    records = AwardRecord.objects.order_by("pk")
    assert records.count() == 4
    hoa = records.get(nomination=world.hoa)
    assert (hoa.decision_number, hoa.decision_date, hoa.year) == (NUMBER, DATE, 2025)
    assert hoa.grantor_title == "Chủ tịch Ủy ban nhân dân tỉnh Trà Vinh"
    assert hoa.unit_name == "Xã Phong Phú"
    assert hoa.basis == "campaign"
    assert set(Nomination.objects.values_list("state", flat=True)) == {NominationState.DECIDED}
    assert Certificate.objects.count() == 4
    assert len({c.code for c in Certificate.objects.all()}) == 4
    assert DecisionEntry.objects.filter(award_record__isnull=True).count() == 0
    assert decision.events.filter(kind="issue", to_state=S.ISSUED).count() == 1


def test_decision_issue_amounts_are_multiplier_times_base_salary(world: World) -> None:
    decision = issued(world)

    amounts = dict(decision.entries.values_list("name", "amount"))
    assert amounts == {
        "Trần Thị Hoa": 3_510_000,  # 1,5 × 2.340.000
        "Lê Văn Nam": 3_510_000,
        "Trạm Y tế xã Phong Phú": 7_020_000,  # 3,0 × 2.340.000
        "Hộ ông Thạch Sang": 5_265_000,  # 1,5 × 1,5 × 2.340.000 (household)
    }


def test_decision_issue_before_july_2024_uses_the_older_base_salary(world: World) -> None:
    decision = issued(world, date=dt.date(2024, 6, 28), number="88/QĐ-UBND")

    assert decision.entries.get(name="Trần Thị Hoa").amount == 2_700_000  # 1,5 × 1.800.000


def test_reward_amount_rounds_half_up_to_the_dong() -> None:
    assert reward_amount(Decimal("0.3"), 2_340_001) == 702_000
    assert reward_amount(Decimal("0.25"), 2_340_002) == 585_001  # 585.000,5 → 585.001
    assert reward_amount(None, 2_340_000) is None
    assert reward_amount(Decimal("1"), None) is None


def test_multiplier_for_household_is_one_and_a_half_individual(world: World) -> None:
    rule = rule_on(world.gk, DATE)

    assert multiplier_for(rule, "household") == Decimal("0.45")
    assert multiplier_for(rule, "enterprise") == Decimal("0.6")
    assert multiplier_for(None, "individual") is None


def test_decision_issue_without_base_salary_refused(world: World) -> None:
    from thidua.awards.models import BaseSalary

    BaseSalary.objects.all().delete()

    with pytest.raises(DomainError) as refused:
        issued(world)

    assert refused.value.code == "no_base_salary"
    assert Decision.objects.get().state == S.DRAFT
    assert not AwardRecord.objects.exists()


def _giay_khen(world: World, grantor: Unit, on: dt.date) -> tuple[Decision, User]:
    """A Giấy khen draft of ``grantor``, prepared by an officer of that unit."""
    person = NominationFactory(
        campaign=world.campaign,
        phase=world.phase,
        form=world.gk,
        grantor_unit=grantor,
        nominee=nominee(world.province.commune_a1, "Kim Thị Sa"),
    )
    officer = member(grantor, Role.UNIT_OFFICER)
    decision = draft(world, form=world.gk, grantor=grantor, nominations=[person], actor=officer)
    decision = fill(
        world, decision, number="45/QĐ-UBND", date=on, signer_title="Chủ tịch", actor=officer
    )
    return decision, officer


def test_district_chair_signs_giay_khen_on_30_june_2025(world: World) -> None:
    decision, officer = _giay_khen(world, world.province.district_a, dt.date(2025, 6, 30))

    issued_decision = decision_issue(actor=officer, decision=decision)

    assert issued_decision.state == S.ISSUED
    assert issued_decision.entries.get().amount == 702_000  # 0,3 × 2.340.000
    assert issued_decision.grantor_title == "Chủ tịch Ủy ban nhân dân huyện Cầu Kè"


def test_district_chair_signing_giay_khen_on_1_july_2025_refused(world: World) -> None:
    decision, officer = _giay_khen(world, world.province.district_a, dt.date(2025, 7, 1))

    with pytest.raises(DomainError) as refused:
        decision_issue(actor=officer, decision=decision)

    message = refused.value.message
    assert refused.value.code == "no_authority"
    assert "không có thẩm quyền tặng Giấy khen cho cá nhân vào ngày 01/07/2025" in message
    assert "Điều 80" in message and "Nghị định 129/2025/NĐ-CP, Điều 59" in message
    assert "đến 30/06/2025" in message
    decision.refresh_from_db()
    assert decision.state == S.DRAFT and decision.content_sha256 == ""
    assert not AwardRecord.objects.exists()


def test_commune_chair_signs_giay_khen_from_1_july_2025(world: World) -> None:
    decision, officer = _giay_khen(world, world.province.commune_a1, dt.date(2025, 7, 1))

    assert decision_issue(actor=officer, decision=decision).state == S.ISSUED


def test_commune_chair_signing_giay_khen_on_30_june_2025_refused(world: World) -> None:
    decision, officer = _giay_khen(world, world.province.commune_a1, dt.date(2025, 6, 30))

    with pytest.raises(DomainError) as refused:
        decision_issue(actor=officer, decision=decision)

    assert refused.value.code == "no_authority"


def test_provincial_secretariat_may_not_issue_a_districts_giay_khen(world: World) -> None:
    decision, _officer = _giay_khen(world, world.province.district_a, dt.date(2025, 6, 30))

    with pytest.raises(NotPermitted):
        decision_issue(actor=world.secretariat, decision=decision)


def test_decision_issue_incomplete_refused(world: World) -> None:
    decision = draft(world)

    with pytest.raises(DomainError) as refused:
        decision_issue(actor=world.secretariat, decision=decision)

    assert "số, ký hiệu" in refused.value.message and "ngày ký" in refused.value.message


def test_decision_issue_future_date_refused(world: World) -> None:
    decision = fill(world, draft(world), date=dt.date(2025, 12, 1))

    with pytest.raises(DomainError) as refused:
        decision_issue(actor=world.secretariat, decision=decision)

    assert refused.value.code == "future_date"


def test_decision_issue_number_already_used_that_year_refused(world: World) -> None:
    issued(world)
    extra = NominationFactory(
        campaign=world.campaign,
        phase=world.phase,
        form=world.bk,
        nominee=nominee(world.province.commune_a2, "Đặng Văn Lợi"),
    )
    second = fill(world, draft(world, nominations=[extra]))

    with pytest.raises(DomainError) as refused:
        decision_issue(actor=world.secretariat, decision=second)

    assert refused.value.code == "number_taken"


def test_decision_issue_by_a_leader_refused(world: World) -> None:
    decision = fill(world, draft(world))

    with pytest.raises(NotPermitted):
        decision_issue(actor=world.leader, decision=decision)

    decision.refresh_from_db()
    assert decision.state == S.DRAFT


def test_decision_issue_nomination_withdrawn_meanwhile_refused(world: World) -> None:
    decision = fill(world, draft(world))
    Nomination.objects.filter(pk=world.nam.pk).update(state=NominationState.WITHDRAWN)

    with pytest.raises(DomainError) as refused:
        decision_issue(actor=world.secretariat, decision=decision)

    assert "Lê Văn Nam" in refused.value.message


# --- Immutability -----------------------------------------------------------------------


def test_issued_decision_save_with_changed_content_refused(world: World) -> None:
    decision = Decision.objects.get(pk=issued(world).pk)
    decision.number = "9999/QĐ-UBND"

    with pytest.raises(ImmutableDecisionError):
        decision.save()

    assert Decision.objects.get().number == NUMBER


def test_issued_decision_back_to_draft_refused(world: World) -> None:
    decision = Decision.objects.get(pk=issued(world).pk)
    decision.state = S.DRAFT

    with pytest.raises(ImmutableDecisionError):
        decision.save()


def test_issued_decision_delete_refused(world: World) -> None:
    decision = Decision.objects.get(pk=issued(world).pk)

    with pytest.raises(ImmutableDecisionError):
        decision.delete()


def test_issued_decision_entry_change_refused(world: World) -> None:
    entry = DecisionEntry.objects.get(decision=issued(world), name="Trần Thị Hoa")
    entry.amount = 1

    with pytest.raises(ImmutableDecisionError):
        entry.save()
    with pytest.raises(ImmutableDecisionError):
        DecisionEntry.objects.get(pk=entry.pk).delete()
    with pytest.raises(ImmutableDecisionError):
        DecisionEntry.objects.create(
            decision=entry.decision, nomination=world.hoa, subject_kind="individual", name="X"
        )


def test_issued_decision_edit_service_refused(world: World) -> None:
    decision = issued(world)

    with pytest.raises(DomainError) as refused:
        decision_edit(
            actor=world.secretariat,
            decision=decision,
            number="1/QĐ-UBND",
            date=DATE,
            signer_name="A",
            signer_title="Chủ tịch",
        )

    assert refused.value.code == "invalid_transition"


# --- Correction ---------------------------------------------------------------------------


def test_decision_supersede_issue_moves_the_award_records(world: World) -> None:
    old = issued(world)
    replacement = decision_supersede(actor=world.secretariat, decision=old, reason="Sai chức vụ")
    nam_entry = replacement.entries.get(name="Lê Văn Nam")
    fill(
        world,
        replacement,
        number="1300/QĐ-UBND",
        date=dt.date(2025, 6, 20),
        remove_entries=[nam_entry.pk],
    )

    decision_issue(actor=world.secretariat, decision=replacement)

    old.refresh_from_db()
    assert old.state == S.SUPERSEDED
    assert old.number == NUMBER  # the old text is untouched
    hoa = AwardRecord.objects.get(nomination=world.hoa)
    assert (hoa.decision_number, hoa.decision_date) == ("1300/QĐ-UBND", dt.date(2025, 6, 20))
    assert hoa.decision_entry.decision_id == replacement.pk
    assert not AwardRecord.objects.filter(nomination=world.nam).exists()
    assert AwardRecord.objects.count() == 3
    assert DecisionEvent.objects.filter(decision=old, kind="supersede").exists()


def test_decision_supersede_needs_a_reason_and_one_draft_at_a_time(world: World) -> None:
    old = issued(world)
    with pytest.raises(DomainError):
        decision_supersede(actor=world.secretariat, decision=old, reason=" ")
    decision_supersede(actor=world.secretariat, decision=old, reason="Sai tên")

    with pytest.raises(DomainError) as refused:
        decision_supersede(actor=world.secretariat, decision=old, reason="Lần nữa")

    assert refused.value.code == "supersede_pending"


def test_place_name_of_a_department_is_its_province(world: World) -> None:
    assert place_name_of(world.province.health) == "Trà Vinh"
    assert place_name_of(world.province.district_a) == "Cầu Kè"
