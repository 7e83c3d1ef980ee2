"""The consolidated report from the Ban TĐKT's page: request, progress bar, real worker,
downloads (a real DOCX and XLSX) through the permission-checked view."""

from __future__ import annotations

import io

import docx
import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories.reports import report_of
from tests.pages import HX, page_text, signed_in
from tests.worker import run_worker
from thidua.reports.models import Consolidation, ConsolidationState
from thidua.reports.services import report_save, report_submit


def _content(response) -> bytes:  # type: ignore[no-untyped-def]
    """A file response's bytes (read to the end, the test client closes the file)."""
    return b"".join(response.streaming_content)


@pytest.mark.django_db(transaction=True)
def test_consolidation_shows_progress_then_the_downloads(people, province, q4):
    report = report_of(q4, province.health)
    report_save(actor=people.health_head, report=report, summary="Sở Y tế đạt kết quả tốt.")
    report_submit(actor=people.health_head, report=report)
    client = signed_in(people.secretariat)

    started = client.post(reverse("reports:consolidate", args=[q4.pk]), follow=True)
    consolidation = Consolidation.objects.get()
    page = reverse("reports:consolidation", args=[consolidation.pk])
    waiting = client.get(page, headers=HX)
    run_worker()
    finished = client.get(page, headers=HX)
    word = client.get(reverse("reports:consolidation_docx", args=[consolidation.pk]))
    excel = client.get(reverse("reports:consolidation_xlsx", args=[consolidation.pk]))

    assert "Báo cáo tổng hợp Quý IV/2024" in page_text(started)
    assert "Đang chờ 0 %" in page_text(started)
    assert 'hx-trigger="every 2s"' in waiting.content.decode()
    assert waiting.content.decode().lstrip().startswith('<div id="consolidation-progress"')
    consolidation.refresh_from_db()
    assert consolidation.state == ConsolidationState.DONE
    assert "Hoàn tất 100 %" in page_text(finished)
    assert "Báo cáo tổng hợp (Word, DOCX)" in page_text(finished)
    assert "Bảng số liệu (Excel, XLSX)" in page_text(finished)
    assert "hx-trigger" not in finished.content.decode()  # polling stops
    assert word["Content-Disposition"] == (
        'attachment; filename="bao-cao-tong-hop-kh-128-thu-2024-q4.docx"'
    )
    document = docx.Document(io.BytesIO(_content(word)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Kết quả thực hiện phong trào thi đua" in text
    assert "Thực hiện Kế hoạch số 128/KH-UBND ngày 11/11/2024" in text
    assert "báo cáo kết quả thực hiện quý IV/2024 của Sở Nội vụ" in text
    workbook = load_workbook(io.BytesIO(_content(excel)))
    assert workbook.sheetnames


@pytest.mark.django_db(transaction=True)
def test_a_second_request_while_one_runs_leads_to_the_running_one(people, q4):
    client = signed_in(people.secretariat)
    client.post(reverse("reports:consolidate", args=[q4.pk]))

    again = client.post(reverse("reports:consolidate", args=[q4.pk]), follow=True)

    assert Consolidation.objects.count() == 1
    assert "Báo cáo tổng hợp Quý IV/2024 đang được lập." in page_text(again)
    assert again.redirect_chain[-1][0] == reverse(
        "reports:consolidation", args=[Consolidation.objects.get().pk]
    )


def test_only_the_ban_requests_the_consolidation(people, q4):
    leader = signed_in(people.leader).post(reverse("reports:consolidate", args=[q4.pk]))
    head = signed_in(people.health_head).post(reverse("reports:consolidate", args=[q4.pk]))

    assert leader.status_code == 403
    assert head.status_code == 404
    assert not Consolidation.objects.exists()


def test_consolidation_files_are_hidden_from_units_and_unfinished_runs(people, q4):
    consolidation = Consolidation.objects.create(period=q4, requested_by=people.secretariat)
    docx_url = reverse("reports:consolidation_docx", args=[consolidation.pk])

    unit = signed_in(people.health_head).get(
        reverse("reports:consolidation", args=[consolidation.pk])
    )
    other = signed_in(people.other_secretariat).get(docx_url)
    unfinished = signed_in(people.secretariat).get(docx_url)
    leader = signed_in(people.leader).get(reverse("reports:consolidation", args=[consolidation.pk]))

    assert unit.status_code == 404 and other.status_code == 404
    assert unfinished.status_code == 404
    assert "Đang chờ 0 %" in page_text(leader)
    assert "Lập lại" not in page_text(leader)
