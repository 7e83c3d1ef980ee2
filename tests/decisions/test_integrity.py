"""The seal of issued decisions: a forged row, a forged file or a deleted decision is
caught by ``decisions verify`` and shown on every page that displays the decision."""

from __future__ import annotations

import io
import logging

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from tests.factories.decisions import World, draft, fill, issued
from tests.pages import page_text, signed_in
from thidua.decisions.integrity import decision_integrity
from thidua.decisions.models import Certificate, Decision, DecisionEntry, DecisionEvent
from thidua.decisions.services import decision_issue


def _verify() -> str:
    out = io.StringIO()
    call_command("decisions", "verify", stdout=out)
    return out.getvalue()


def _failing_verify() -> str:
    out = io.StringIO()
    with pytest.raises(CommandError) as refused:
        call_command("decisions", "verify", stdout=out)
    return out.getvalue() + str(refused.value)


def issued_draft(world: World, decision: Decision) -> Decision:
    return decision_issue(actor=world.secretariat, decision=decision)


def test_issued_decision_is_sealed_and_verifies(world: World) -> None:
    decision = issued(world)

    output = _verify()

    assert len(decision.seal_sha256) == 64
    assert decision.previous_seal == ""
    assert decision_integrity(Decision.objects.get(pk=decision.pk)).ok
    assert "Đã kiểm tra 1 quyết định: tất cả khớp mã niêm phong." in output


def test_forged_recipient_name_caught_by_verify_and_pages(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    decision = issued(world)
    code = Certificate.objects.get(entry__name="Trần Thị Hoa").code
    # A direct database edit: QuerySet.update() bypasses the model's refusals.
    DecisionEntry.objects.filter(decision=decision, name="Trần Thị Hoa").update(
        name="Nguyễn Văn Giả"
    )

    with caplog.at_level(logging.ERROR, logger="thidua.decisions.integrity"):
        output = _failing_verify()
        public = Client().get(reverse("verification:detail", args=[code]))
        page = signed_in(world.secretariat).get(reverse("decisions:detail", args=[decision.pk]))
        client = APIClient()
        client.force_authenticate(world.secretariat)
        api = client.get(f"/api/v1/decisions/{decision.pk}/").json()

    assert "1234/QĐ-UBND" in output and "không khớp mã niêm phong" in output
    assert "1 trên 1 quyết định không khớp mã niêm phong." in output
    public_text = page_text(public)
    assert "Không xác minh được" in public_text
    assert "Hợp lệ" not in public_text and "Nguyễn Văn Giả" not in public_text
    assert "Cảnh báo: quyết định này không khớp mã niêm phong lúc ban hành." in page_text(page)
    assert api["integrity"]["ok"] is False
    assert "dữ liệu đã bị sửa ngoài phần mềm" in api["integrity"]["problems"][0]
    assert "fails its integrity check" in caplog.text


def test_forged_amount_and_number_caught(world: World) -> None:
    decision = issued(world)
    DecisionEntry.objects.filter(decision=decision).update(amount=99_000_000)
    Decision.objects.filter(pk=decision.pk).update(number="9999/QĐ-UBND")

    output = _failing_verify()

    assert "Quyết định 9999/QĐ-UBND" in output
    assert "dữ liệu đã bị sửa ngoài phần mềm" in output


def test_bytes_appended_to_the_stored_docx_caught(world: World) -> None:
    decision = issued(world)
    with decision.docx.storage.open(decision.docx.name, "ab") as handle:
        handle.write(b"<script>forged</script>")

    output = _failing_verify()

    assert "Tệp quyết định (DOCX, PDF) đã bị thay đổi hoặc mất sau khi ban hành." in output
    assert not decision_integrity(decision, log=False).ok


def test_a_deleted_decision_is_noticed_by_the_next_link(world: World) -> None:
    first = fill(world, draft(world, nominations=[world.hoa]), number="1/QĐ-UBND")
    first = issued_draft(world, first)
    second = fill(world, draft(world, nominations=[world.nam]), number="2/QĐ-UBND")
    second = issued_draft(world, second)
    assert second.previous_seal == first.seal_sha256
    _verify()
    # Deleted in SQL, past the model's refusal and PROTECT.
    entries = DecisionEntry.objects.filter(decision=first)
    Certificate.objects.filter(entry__in=entries)._raw_delete(using="default")
    entries._raw_delete(using="default")
    DecisionEvent.objects.filter(decision=first)._raw_delete(using="default")
    Decision.objects.filter(pk=first.pk)._raw_delete(using="default")

    output = _failing_verify()

    assert "Quyết định 2/QĐ-UBND" in output
    assert "mắt xích niêm phong bị đứt" in output


def test_draft_is_not_sealed_and_not_flagged(world: World) -> None:
    decision = fill(world, draft(world))

    assert decision.seal_sha256 == ""
    assert decision_integrity(decision).ok


def test_file_hashes_are_reused_only_while_the_file_is_unchanged(world: World) -> None:
    """Repeated displays reuse the files' hashes (keyed by the seal and each file's name,
    size and modification time); any write to a file is still caught, and
    ``decisions verify`` reads every byte whatever a page remembered."""
    import os
    from pathlib import Path

    decision = issued(world)
    assert decision_integrity(decision, log=False).ok  # remembered
    path = Path(decision.pdf.path)
    stat = path.stat()
    with path.open("r+b") as handle:  # same size, then the old mtime back
        handle.seek(-4, os.SEEK_END)
        handle.write(b"XXXX")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))

    assert decision_integrity(decision, log=False).ok  # the same version, as far as a stat says
    assert not decision_integrity(decision, log=False, cached=False).ok
    assert "Tệp quyết định (DOCX, PDF) đã bị thay đổi" in _failing_verify()

    with decision.pdf.storage.open(decision.pdf.name, "ab") as handle:
        handle.write(b"%")
    assert not decision_integrity(decision, log=False).ok
