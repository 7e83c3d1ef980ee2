"""Revocation pages: the Ban TĐKT drafts, edits, issues and records the recovery; unit
officers cannot; a sibling unit sees nothing of another unit's revocation (leak tests);
the public verification says "ĐÃ BỊ HỦY BỎ", never "Hợp lệ"."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from docx import Document

from tests.factories.decisions import World, issued, revocation_drafted, revocation_issued
from tests.pages import csp_problems, page_text, signed_in
from thidua.decisions.models import (
    Certificate,
    RecoveryState,
    Revocation,
    RevocationEvent,
    RevocationState,
)

pytestmark = pytest.mark.django_db


def _hoa_code(world: World) -> str:
    return Certificate.objects.get(entry__nomination=world.hoa).code


def test_secretariat_drafts_edits_and_issues_from_the_pages(world: World) -> None:
    decision = issued(world)
    hoa = decision.entries.get(name="Trần Thị Hoa")
    client = signed_in(world.secretariat)

    created = client.post(
        reverse("decisions:revoke", args=[decision.pk]),
        {
            "entries": [hoa.pk],
            "reason_kind": "fraud",
            "reason": "Kết luận thanh tra số 12/KL-TTr",
            "legal_basis": "",
        },
    )
    revocation = Revocation.objects.get()
    row = revocation.entries.get()
    saved = client.post(
        reverse("decisions:revocation", args=[revocation.pk]),
        {
            "number": "56/QĐ-UBND",
            "date": "08/07/2025",
            "signer_title": "Chủ tịch",
            "signer_name": "Lê Văn Hẳn",
            "reason_kind": "fraud",
            "reason": "Kết luận thanh tra số 12/KL-TTr",
            "legal_basis": revocation.legal_basis,
            f"amount_{row.pk}": "1.000.000",
            f"object_{row.pk}": "on",
        },
    )
    client.post(reverse("decisions:revocation_issue", args=[revocation.pk]))
    page = client.get(reverse("decisions:revocation", args=[revocation.pk]))

    assert created.status_code == 302 and saved.status_code == 302
    revocation.refresh_from_db()
    assert revocation.state == RevocationState.ISSUED
    text = page_text(page)
    assert "Quyết định hủy bỏ số 56/QĐ-UBND" in text
    assert "1.000.000 đ" in text and "3.510.000 đ" in text
    assert "Chương VII" in text
    assert "Chưa thu hồi" in text
    assert not csp_problems(page)


def test_amount_above_the_reward_is_shown_beside_the_form(world: World) -> None:
    revocation = revocation_drafted(world, issued(world))
    row = revocation.entries.get()

    page = signed_in(world.secretariat).post(
        reverse("decisions:revocation", args=[revocation.pk]),
        {
            "signer_title": "Chủ tịch",
            "reason_kind": "fraud",
            "reason": revocation.reason,
            "legal_basis": revocation.legal_basis,
            f"amount_{row.pk}": "9.000.000",
        },
    )

    assert page.status_code == 400
    assert "tối đa 3.510.000 đồng" in page_text(page)
    row.refresh_from_db()
    assert row.amount_to_recover == 3_510_000


def test_a_word_in_the_amount_is_a_clear_message(world: World) -> None:
    revocation = revocation_drafted(world, issued(world))
    row = revocation.entries.get()

    page = signed_in(world.secretariat).post(
        reverse("decisions:revocation", args=[revocation.pk]),
        {
            "signer_title": "Chủ tịch",
            "reason_kind": "fraud",
            "reason": revocation.reason,
            "legal_basis": revocation.legal_basis,
            f"amount_{row.pk}": "ba triệu",
        },
    )

    assert page.status_code == 400
    assert "Số tiền chỉ gồm chữ số" in page_text(page)


def test_unit_officer_cannot_draft_or_issue(world: World) -> None:
    decision = issued(world)
    hoa = decision.entries.get(name="Trần Thị Hoa")
    client = signed_in(world.officer_a1)

    form = client.get(reverse("decisions:revoke", args=[decision.pk]))
    posted = client.post(
        reverse("decisions:revoke", args=[decision.pk]),
        {"entries": [hoa.pk], "reason_kind": "fraud", "reason": "x"},
    )
    draft = revocation_drafted(world, decision)
    issue = client.post(reverse("decisions:revocation_issue", args=[draft.pk]))

    assert form.status_code == 403 and posted.status_code == 403
    assert issue.status_code in {403, 404}
    assert Revocation.objects.count() == 1
    draft.refresh_from_db()
    assert draft.state == RevocationState.DRAFT
    assert not RevocationEvent.objects.filter(kind="issue").exists()


def test_unit_sees_the_issued_revocation_of_its_own_people_only(world: World) -> None:
    revocation = revocation_issued(world)

    own_list = page_text(signed_in(world.officer_a1).get(reverse("decisions:revocations")))
    own = signed_in(world.officer_a1).get(reverse("decisions:revocation", args=[revocation.pk]))
    sibling_list = page_text(signed_in(world.officer_b1).get(reverse("decisions:revocations")))
    sibling = signed_in(world.officer_b1).get(reverse("decisions:revocation", args=[revocation.pk]))
    other = signed_in(world.other_secretariat).get(
        reverse("decisions:revocation", args=[revocation.pk])
    )
    file = signed_in(world.officer_a1).get(
        reverse("decisions:revocation_pdf", args=[revocation.pk])
    )

    assert "56/QĐ-UBND" in own_list
    assert "Trần Thị Hoa" in page_text(own)
    assert "Ghi nhận đã thu hồi" not in page_text(own)
    assert "56/QĐ-UBND" not in sibling_list
    assert sibling.status_code == 404 and other.status_code == 404
    assert file.status_code == 403


def test_draft_is_seen_only_by_who_prepares_it(world: World) -> None:
    revocation = revocation_drafted(world, issued(world))

    officer = signed_in(world.officer_a1).get(reverse("decisions:revocation", args=[revocation.pk]))
    leader = signed_in(world.leader).get(reverse("decisions:revocation", args=[revocation.pk]))
    secretariat = signed_in(world.secretariat).get(
        reverse("decisions:revocation", args=[revocation.pk])
    )

    assert officer.status_code == 404 and leader.status_code == 404
    assert "Sửa dự thảo" in page_text(secretariat)


def test_recovery_is_recorded_from_the_page(world: World) -> None:
    revocation = revocation_issued(world)
    row = revocation.entries.get()

    signed_in(world.secretariat).post(
        reverse("decisions:revocation_recovery", args=[revocation.pk, row.pk]),
        {"on": "09/07/2025", "note": "Phiếu thu 01"},
    )
    page = signed_in(world.secretariat).get(reverse("decisions:revocation", args=[revocation.pk]))

    row.refresh_from_db()
    assert row.state == RecoveryState.RECOVERED
    assert "Đã thu hồi ngày 09/07/2025 – Phiếu thu 01" in page_text(page)


def test_recovery_refused_to_the_unit_officer(world: World) -> None:
    revocation = revocation_issued(world)
    row = revocation.entries.get()

    answer = signed_in(world.officer_a1).post(
        reverse("decisions:revocation_recovery", args=[revocation.pk, row.pk]),
        {"on": "09/07/2025"},
    )

    assert answer.status_code == 403
    row.refresh_from_db()
    assert row.state == RecoveryState.PENDING


def test_public_verification_says_revoked_never_valid(world: World, client) -> None:  # type: ignore[no-untyped-def]
    revocation_issued(world)
    nam = Certificate.objects.get(entry__nomination=world.nam).code

    revoked = client.get(reverse("verification:detail", args=[_hoa_code(world)]))
    valid = client.get(reverse("verification:detail", args=[nam]))

    text = page_text(revoked)
    assert "ĐÃ BỊ HỦY BỎ" in text
    assert "Quyết định số 56/QĐ-UBND ngày 08/07/2025" in text
    assert "Hợp lệ" not in text
    assert "Hợp lệ" in page_text(valid) and "ĐÃ BỊ HỦY BỎ" not in page_text(valid)


def test_draft_revocation_leaves_the_verification_valid(world: World, client) -> None:  # type: ignore[no-untyped-def]
    revocation_drafted(world, issued(world))

    page = client.get(reverse("verification:detail", args=[_hoa_code(world)]))

    assert "Hợp lệ" in page_text(page) and "ĐÃ BỊ HỦY BỎ" not in page_text(page)


def test_decision_page_and_history_mark_the_revoked_row(world: World) -> None:
    decision = issued(world)
    revocation_issued(world, decision)
    client = signed_in(world.secretariat)

    detail = page_text(client.get(reverse("decisions:detail", args=[decision.pk])))
    history = page_text(client.get(reverse("decisions:history")))

    assert "Quyết định hủy bỏ số 56/QĐ-UBND ngày 08/07/2025" in detail
    assert detail.count("Đã bị hủy bỏ") == 1
    assert "Đã bị hủy bỏ (Quyết định số 56/QĐ-UBND ngày 08/07/2025)" in history


def test_revocation_docx_says_what_is_cancelled(world: World) -> None:
    revocation = revocation_issued(world)

    answer = signed_in(world.secretariat).get(
        reverse("decisions:revocation_docx", args=[revocation.pk])
    )

    document = Document(io.BytesIO(b"".join(answer.streaming_content)))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = " ".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "Về việc hủy bỏ Quyết định số 1234/QĐ-UBND" in text
    assert "Chương VII" in text
    assert "Điều 1. Hủy bỏ Quyết định số 1234/QĐ-UBND ngày 05/06/2025" in text
    assert "tiền thưởng tổng cộng 3.510.000 đồng" in text
    assert "Trần Thị Hoa" in cells and "3.510.000" in cells
