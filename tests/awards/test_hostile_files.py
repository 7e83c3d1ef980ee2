"""Decompression bombs sent to the nominations import and as dossier files are refused at
once and leave nothing behind (issue 15, item 3)."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest

from tests.core import bombs
from tests.factories.awards import Kh, NominationFactory, People
from thidua.awards import services
from thidua.awards.excel import COLUMNS, import_nominations
from thidua.awards.models import DossierFile, Nomination, Nominee
from thidua.core.errors import DomainError

pytestmark = pytest.mark.django_db


def test_an_xlsx_bomb_sent_to_the_nominations_import_is_refused_within_a_second(
    kh: Kh, people: People
) -> None:
    bomb = bombs.xlsx_bomb(95 * bombs.MB, header=[label for _key, label in COLUMNS])
    before = (Nomination.objects.count(), Nominee.objects.count())

    started = time.perf_counter()
    result = import_nominations(
        by=people.officer,
        campaign=kh.campaign,
        unit=kh.province.health,
        stream=io.BytesIO(bomb),
        size=len(bomb),
    )
    elapsed = time.perf_counter() - started

    assert elapsed < 1.0
    assert result.errors == [
        "Tệp không nhận được: phần “xl/sharedStrings.xml” bên trong giải nén ra 95,0 MB, quá "
        "giới hạn 8 MB. Hãy mở tệp bằng Word hoặc Excel, chỉ giữ nội dung cần nộp, lưu thành "
        "tệp mới rồi tải lên lại."
    ]
    assert result.created == 0
    assert (Nomination.objects.count(), Nominee.objects.count()) == before


def test_a_docx_bomb_sent_as_a_dossier_file_stores_nothing(
    kh: Kh, people: People, settings, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    nomination = NominationFactory(
        campaign=kh.campaign, phase=kh.phase1, proposer_unit=kh.province.health
    )
    bomb = bombs.docx_bomb(30 * bombs.MB)

    started = time.perf_counter()
    with pytest.raises(DomainError) as refused:
        services.dossier_file_add(
            nomination,
            by=people.officer,
            kind="report",
            stream=io.BytesIO(bomb),
            name="bao-cao.docx",
            size=len(bomb),
        )
    elapsed = time.perf_counter() - started

    assert elapsed < 1.0
    assert refused.value.message.startswith(
        "Tệp “bao-cao.docx” không nhận được: phần “word/document.xml” bên trong giải nén ra 30,0 MB"
    )
    assert not DossierFile.objects.exists()
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []
