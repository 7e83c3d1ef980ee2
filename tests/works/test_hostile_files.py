"""Decompression bombs sent to the works import and as evidence are refused at once and
leave nothing behind (issue 15, item 3)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.core import bombs
from tests.factories.works import TODAY, WorkFactory
from thidua.core.errors import DomainError
from thidua.works import services
from thidua.works.excel import registration_import
from thidua.works.models import Evidence, ProgressUpdate, Work, WorkState


@pytest.fixture
def media(settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def test_an_xlsx_bomb_sent_to_the_registration_import_is_refused_within_a_second(
    kh, province, people
):
    bomb = bombs.xlsx_bomb(95 * bombs.MB)
    before = Work.objects.count()

    started = time.perf_counter()
    result = registration_import(
        actor=people.a1_officer, campaign=kh.campaign, unit=province.commune_a1, content=bomb
    )
    elapsed = time.perf_counter() - started

    assert len(bomb) < 300 * 1024
    assert elapsed < 1.0
    assert [error.message for error in result.errors] == [
        "Tệp không nhận được: phần “xl/sharedStrings.xml” bên trong giải nén ra 95,0 MB, quá "
        "giới hạn 8 MB. Hãy mở tệp bằng Word hoặc Excel, chỉ giữ nội dung cần nộp, lưu thành "
        "tệp mới rồi tải lên lại."
    ]
    assert result.created == 0
    assert Work.objects.count() == before


def test_a_docx_bomb_sent_as_progress_evidence_saves_nothing(kh, province, people, media):
    work = WorkFactory(campaign=kh.campaign, unit=province.commune_a1, state=WorkState.APPROVED)
    bomb = SimpleUploadedFile("bien-ban.docx", bombs.docx_bomb(30 * bombs.MB))

    started = time.perf_counter()
    with pytest.raises(DomainError) as refused:
        services.progress_add(
            actor=people.a1_officer,
            work=work,
            on=TODAY,
            percent=30,
            narrative="Đã đổ xong móng cầu",
            files=[bomb],
        )
    elapsed = time.perf_counter() - started

    assert elapsed < 1.0
    assert refused.value.code == "unpack_refused"
    assert "“word/document.xml” bên trong giải nén ra 30,0 MB" in refused.value.message
    work.refresh_from_db()
    assert (work.state, work.percent_complete) == (WorkState.APPROVED, 0)
    assert not ProgressUpdate.objects.exists()
    assert not Evidence.objects.exists()
    assert [p for p in media.rglob("*") if p.is_file()] == []
