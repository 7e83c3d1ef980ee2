"""The dossier ZIP: the tờ trình in Word and PDF, the list, the reports, the posting
record with the comments and their answers — opened and read."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories.awards import PDF
from tests.factories.higher_awards import World, proposal_in
from thidua.higher_awards import workflow
from thidua.higher_awards.dossier import dossier_zip


def _docx_text(data: bytes) -> str:
    from docx import Document

    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def _sent_with_comment_and_report(w: World):  # type: ignore[no-untyped-def]
    proposal = proposal_in(w, "posted")
    entry = proposal.entries.get(form__code="bang-khen-thu-tuong")
    upload = SimpleUploadedFile("bao cao.pdf", PDF, content_type="application/pdf")
    workflow.entry_attach_report(
        actor=w.board, entry=entry, stream=upload, name="bao cao.pdf", size=len(PDF)
    )
    objection = workflow.objection_record(
        actor=w.board,
        proposal=proposal,
        received_on=dt.date(2026, 1, 7),
        channel="email",
        author="Phạm Văn Góp Ý",
        content="Đề nghị làm rõ đề án.",
        entry=entry,
    )
    workflow.objection_answer(
        actor=w.board,
        objection=objection,
        answer="Đề án đã được nghiệm thu.",
        answered_on=dt.date(2026, 1, 12),
    )
    meeting = dt.date(2026, 1, 20)
    votes = {e.pk: (10, 11) for e in proposal.entries.all()}
    workflow.proposal_review(
        actor=w.board, proposal=proposal, meeting_on=meeting, record="Biên bản số 3", votes=votes
    )
    cstd = proposal.entries.get(form__code="cstd-toan-quoc")
    workflow.btv_opinion_record(
        actor=w.board, entry=cstd, opinion="Thống nhất.", reference="CV 9-CV/TU", opinion_on=meeting
    )
    return workflow.proposal_send(
        actor=w.board, proposal=proposal, sent_on=meeting, reference="CV", number="45/TTr-UBND"
    )


def test_zip_holds_the_expected_files(w: World) -> None:
    proposal = _sent_with_comment_and_report(w)

    archive = zipfile.ZipFile(io.BytesIO(dossier_zip(proposal)))

    assert archive.namelist() == [
        "01-to-trinh.docx",
        "01-to-trinh.pdf",
        "02-danh-sach.xlsx",
        "03-bao-cao-thanh-tich/01-le-thi-my-duyen.pdf",
        "04-cong-khai-va-y-kien.docx",
    ]
    assert archive.read("03-bao-cao-thanh-tich/01-le-thi-my-duyen.pdf") == PDF
    assert archive.read("01-to-trinh.pdf").startswith(b"%PDF")


def test_cover_names_the_entries_posting_and_council(w: World) -> None:
    proposal = _sent_with_comment_and_report(w)
    archive = zipfile.ZipFile(io.BytesIO(dossier_zip(proposal)))

    text = _docx_text(archive.read("01-to-trinh.docx"))

    assert "TỜ TRÌNH" in text
    assert "Số: 45/TTr-UBND" in text
    assert "Kính gửi: Bộ Nội vụ" in text
    assert "Lê Thị Mỹ Duyên" in text and "Trần Văn Hậu" in text
    assert "Bằng khen của Thủ tướng Chính phủ" in text
    assert "Chiến sĩ thi đua toàn quốc" in text
    assert "từ ngày 05/01/2026 đến hết ngày 19/01/2026" in text
    assert "đã nhận 1 ý kiến" in text
    assert "10/11 (90,9 %)" in text
    # The ND 152 article is read only in a secondary source: the cover cites the Law.
    assert "Điều 60" not in text
    assert "Luật Thi đua, khen thưởng 2022 Điều 84 khoản 5" in text


def test_list_sheet_has_one_row_per_entry(w: World) -> None:
    from openpyxl import load_workbook

    proposal = _sent_with_comment_and_report(w)
    archive = zipfile.ZipFile(io.BytesIO(dossier_zip(proposal)))

    sheet = load_workbook(io.BytesIO(archive.read("02-danh-sach.xlsx")))["Danh sách"]
    rows = list(sheet.iter_rows(min_row=3, values_only=True))

    assert [(r[0], r[1], r[4], r[6], r[7]) for r in rows] == [
        (1, "Lê Thị Mỹ Duyên", "Bằng khen của Thủ tướng Chính phủ", 10, 11),
        (2, "Trần Văn Hậu", "Chiến sĩ thi đua toàn quốc", 10, 11),
    ]
    assert rows[1][8] == "CV 9-CV/TU: Thống nhất."


def test_posting_record_lists_the_comment_and_its_answer(w: World) -> None:
    proposal = _sent_with_comment_and_report(w)
    archive = zipfile.ZipFile(io.BytesIO(dossier_zip(proposal)))

    text = _docx_text(archive.read("04-cong-khai-va-y-kien.docx"))

    assert "Phạm Văn Góp Ý" in text
    assert "07/01/2026" in text
    assert "Lê Thị Mỹ Duyên: Đề nghị làm rõ đề án." in text
    assert "12/01/2026: Đề án đã được nghiệm thu." in text
    assert "Biên bản số 3" in text
