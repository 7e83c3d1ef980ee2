"""Revocation (Luật Thi đua, khen thưởng 2022, Chương VII): drafting, editing, issuing and
the recovery, through the workflow engine; the award decision stays as signed; the award
record is marked revoked and no longer counts for later titles."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories.decisions import (
    REVOCATION_DATE,
    REVOCATION_NUMBER,
    World,
    fill,
    issued,
    revocation_drafted,
    revocation_issued,
)
from thidua.awards.eligibility.checks.history import consecutive_years
from thidua.awards.models import AwardRecord
from thidua.core.errors import DomainError, NotPermitted
from thidua.decisions.models import (
    Decision,
    DecisionState,
    RecoveryState,
    Revocation,
    RevocationEvent,
    RevocationState,
)
from thidua.decisions.revocations.services import (
    revocation_draft,
    revocation_edit,
    revocation_issue,
    revocation_record_recovery,
)
from thidua.decisions.revocations.transitions import (
    RECOVERY_TRANSITIONS,
    TRANSITIONS,
    RecoveryAction,
    RevocationAction,
)
from thidua.decisions.services import decision_issue, decision_supersede

pytestmark = pytest.mark.django_db


def _edit(world: World, revocation: Revocation, **kw: object) -> Revocation:
    values = {
        "number": REVOCATION_NUMBER,
        "date": REVOCATION_DATE,
        "signer_name": "Lê Văn Hẳn",
        "signer_title": "Chủ tịch",
        "reason_kind": revocation.reason_kind,
        "reason": revocation.reason,
        "legal_basis": revocation.legal_basis,
        **kw,
    }
    return revocation_edit(actor=world.secretariat, revocation=revocation, **values)  # type: ignore[arg-type]


def test_transition_tables_are_the_documented_ones() -> None:
    assert TRANSITIONS == {
        (RevocationState.DRAFT, RevocationAction.EDIT): RevocationState.DRAFT,
        (RevocationState.DRAFT, RevocationAction.ISSUE): RevocationState.ISSUED,
    }
    assert RECOVERY_TRANSITIONS == {
        (RecoveryState.PENDING, RecoveryAction.RECORD): RecoveryState.RECOVERED,
    }


def test_draft_starts_each_row_at_the_reward_received(world: World) -> None:
    decision = issued(world)

    revocation = revocation_drafted(world, decision)

    row = revocation.entries.get()
    assert row.entry.name == "Trần Thị Hoa"
    assert row.amount_to_recover == row.entry.amount == 3_510_000
    assert row.return_object is True
    assert revocation.grantor_title == decision.grantor_title
    assert "Chương VII" in revocation.legal_basis
    assert [e.kind for e in revocation.events.all()] == ["revocation_drafted"]


def test_issue_marks_the_award_record_and_leaves_the_decision_as_signed(world: World) -> None:
    decision = issued(world)
    signed_hash = decision.content_sha256

    revocation = revocation_issued(world, decision)

    assert revocation.state == RevocationState.ISSUED
    assert len(revocation.content_sha256) == 64
    assert revocation.docx.name.endswith(".docx") and revocation.pdf.name.endswith(".pdf")
    hoa = AwardRecord.objects.get(nomination=world.hoa)
    assert hoa.revoked_on == REVOCATION_DATE
    assert hoa.revocation_ref == "Quyết định số 56/QĐ-UBND ngày 08/07/2025"
    assert AwardRecord.objects.get(nomination=world.nam).revoked_on is None
    decision.refresh_from_db()
    assert decision.state == DecisionState.ISSUED
    assert decision.content_sha256 == signed_hash
    assert [e.kind for e in revocation.events.order_by("pk")] == [
        "revocation_drafted",
        "edit",
        "issue",
    ]


def test_issued_revocation_cannot_be_edited(world: World) -> None:
    revocation = revocation_issued(world)

    with pytest.raises(DomainError):
        _edit(world, revocation, signer_name="Người khác")

    revocation.refresh_from_db()
    assert revocation.signer_name == "Lê Văn Hẳn"


def test_amount_above_the_reward_received_is_refused(world: World) -> None:
    revocation = revocation_drafted(world, issued(world))
    row = revocation.entries.get()

    with pytest.raises(DomainError, match=r"tối đa 3\.510\.000 đồng"):
        _edit(world, revocation, amounts={row.pk: 3_510_001})

    row.refresh_from_db()
    assert row.amount_to_recover == 3_510_000
    assert not revocation.events.filter(kind="edit").exists()


def test_amount_may_be_lowered(world: World) -> None:
    revocation = revocation_drafted(world, issued(world))
    row = revocation.entries.get()

    _edit(world, revocation, amounts={row.pk: 1_000_000}, keep_objects=set())

    row.refresh_from_db()
    assert (row.amount_to_recover, row.return_object) == (1_000_000, False)


def test_a_row_is_revoked_only_once(world: World) -> None:
    decision = issued(world)
    revocation_issued(world, decision)

    with pytest.raises(DomainError, match="Trần Thị Hoa"):
        revocation_drafted(world, decision)

    assert Revocation.objects.count() == 1


def test_unit_officer_and_other_province_cannot_draft(world: World) -> None:
    decision = issued(world)

    for actor in (
        world.officer_a1,
        world.officer_district_a,
        world.other_secretariat,
        world.leader,
    ):
        with pytest.raises(NotPermitted):
            revocation_drafted(world, decision, actor=actor)

    assert not Revocation.objects.exists()


def test_unit_officer_cannot_issue(world: World) -> None:
    revocation = _edit(world, revocation_drafted(world, issued(world)))

    with pytest.raises(NotPermitted):
        revocation_issue(actor=world.officer_a1, revocation=revocation)

    revocation.refresh_from_db()
    assert revocation.state == RevocationState.DRAFT
    assert not RevocationEvent.objects.filter(kind="issue").exists()


def test_draft_needs_a_reason(world: World) -> None:
    decision = issued(world)

    with pytest.raises(DomainError, match="lý do cụ thể"):
        revocation_draft(
            actor=world.secretariat,
            decision=decision,
            entries=[decision.entries.first().pk],  # type: ignore[union-attr]
            reason_kind="fraud",
            reason="  ",
        )

    assert not Revocation.objects.exists()


def test_issue_refuses_a_date_before_the_award(world: World) -> None:
    revocation = _edit(world, revocation_drafted(world, issued(world)), date=dt.date(2025, 6, 1))

    with pytest.raises(DomainError, match="05/06/2025"):
        revocation_issue(actor=world.secretariat, revocation=revocation)

    assert AwardRecord.objects.filter(revoked_on__isnull=False).count() == 0


def test_superseded_decision_cannot_be_revoked(world: World) -> None:
    decision = issued(world)
    correction = decision_supersede(actor=world.secretariat, decision=decision, reason="Sai tên")
    decision_issue(actor=world.secretariat, decision=fill(world, correction, number="1300/QĐ-UBND"))
    old = Decision.objects.get(pk=decision.pk)

    with pytest.raises(DomainError, match="đang có hiệu lực"):
        revocation_drafted(world, old)


def test_recovery_is_recorded_once_issued(world: World) -> None:
    revocation = revocation_drafted(world, issued(world))
    row = revocation.entries.get()
    with pytest.raises(DomainError, match="sau khi"):
        revocation_record_recovery(actor=world.secretariat, row=row, on=dt.date(2025, 7, 9))
    revocation = _edit(world, revocation)
    revocation_issue(actor=world.secretariat, revocation=revocation)

    revocation_record_recovery(
        actor=world.secretariat, row=row, on=dt.date(2025, 7, 9), note="Phiếu thu 01"
    )

    row.refresh_from_db()
    assert (row.state, row.recovered_on) == (RecoveryState.RECOVERED, dt.date(2025, 7, 9))
    assert revocation.events.filter(kind="record_recovery", payload__entry=row.entry_id).exists()


def test_recovery_refused_to_a_unit_officer(world: World) -> None:
    row = revocation_issued(world).entries.get()

    with pytest.raises(NotPermitted):
        revocation_record_recovery(actor=world.officer_a1, row=row, on=dt.date(2025, 7, 9))

    row.refresh_from_db()
    assert row.state == RecoveryState.PENDING


def test_revoked_award_no_longer_counts_for_consecutive_years(world: World) -> None:
    revocation_issued(world)
    nominee_id = world.hoa.nominee_id
    for year in (2023, 2024):
        AwardRecord.objects.create(
            nominee_id=nominee_id,
            form=world.bk,
            year=year,
            basis=world.hoa.basis,
            decision_number=f"{year}/QĐ-UBND",
            decision_date=dt.date(year, 12, 1),
            grantor_title="Chủ tịch",
        )

    counted = consecutive_years(nominee_id, world.bk.code, up_to=2025, counted_bases=[])

    assert counted[1] == 2  # 2023, 2024; the revoked 2025 award breaks nothing but counts not


def test_a_correction_cannot_grant_a_revoked_award_again(world: World) -> None:
    decision = issued(world)
    revocation_issued(world, decision)
    correction = fill(
        world,
        decision_supersede(actor=world.secretariat, decision=decision, reason="Sai tên"),
        number="1300/QĐ-UBND",
    )

    with pytest.raises(DomainError, match=r"Trần Thị Hoa.*đã bị hủy bỏ"):
        decision_issue(actor=world.secretariat, decision=correction)

    assert Decision.objects.get(pk=decision.pk).state == DecisionState.ISSUED
