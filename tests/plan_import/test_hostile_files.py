"""A decompression bomb uploaded as a plan is refused before python-docx reads it
(issue 15, item 3): a DOCX of ~90 KB unpacking to 30 MB of XML took a worker to 1.2 GB."""

from __future__ import annotations

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.core import bombs
from tests.pages import page_text, signed_in
from thidua.core.errors import DomainError
from thidua.plan_import.models import ImportDraft
from thidua.plan_import.reading import read_plan

pytestmark = pytest.mark.django_db


def test_a_docx_bomb_is_refused_within_a_second_with_what_to_do():
    bomb = bombs.docx_bomb(30 * bombs.MB)

    started = time.perf_counter()
    with pytest.raises(DomainError) as refused:
        read_plan(bomb, "ke-hoach.docx")
    elapsed = time.perf_counter() - started

    assert elapsed < 1.0
    assert refused.value.message == (
        "Tệp “ke-hoach.docx” không nhận được: phần “word/document.xml” bên trong giải nén ra "
        "30,0 MB, quá giới hạn 20 MB. Hãy mở tệp bằng Word hoặc Excel, chỉ giữ nội dung cần "
        "nộp, lưu thành tệp mới rồi tải lên lại."
    )


def test_a_docx_bomb_uploaded_on_the_page_writes_no_draft(importer):
    bomb = SimpleUploadedFile("ke-hoach.docx", bombs.docx_bomb(12 * bombs.MB))
    client = signed_in(importer)
    client.get(reverse("plan_import:index"))  # templates and catalogues loaded once

    started = time.perf_counter()
    response = client.post(reverse("plan_import:upload"), {"file": bomb})
    elapsed = time.perf_counter() - started

    assert elapsed < 1.0
    assert response.status_code == 400
    assert "phần “word/document.xml” bên trong bị nén" in page_text(response)
    assert ImportDraft.objects.count() == 0
