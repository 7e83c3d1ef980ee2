"""Office files are checked as archives before any parser opens them (issue 15, item 3).

Each hostile shape is refused in well under a second, in bounded memory, with a
Vietnamese clause naming the part; genuine files of thidua's own writers pass.
"""

from __future__ import annotations

import io
import time
import tracemalloc
from collections.abc import Callable

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.core import bombs
from thidua.core.ooxml import IMPORT_LIMITS, UnpackRefused, ooxml_problem
from thidua.core.uploads import check_evidence
from thidua.documents.official import OfficialDocument

#: Peak memory allowed to the check, whatever the archive unpacks to.
PEAK_BYTES = 2 * bombs.MB


def _measured(data: bytes, **kwargs: object) -> tuple[str | None, float, int]:
    """The problem found in ``data``, the seconds it took and the peak traced memory."""
    stream = io.BytesIO(data)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        problem = ooxml_problem(stream, **kwargs)  # type: ignore[arg-type]
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert stream.tell() == 0
    return problem, elapsed, peak


HOSTILE: list[tuple[str, Callable[[], bytes], dict[str, object], str]] = [
    (
        "docx-30-mb",
        lambda: bombs.docx_bomb(30 * bombs.MB),
        {},
        "phần “word/document.xml” bên trong giải nén ra 30,0 MB, quá giới hạn 20 MB",
    ),
    (
        "docx-ratio",
        lambda: bombs.docx_bomb(8 * bombs.MB),
        {},
        "phần “word/document.xml” bên trong bị nén",
    ),
    (
        "xlsx-shared-strings",
        lambda: bombs.xlsx_bomb(95 * bombs.MB),
        {"limits": IMPORT_LIMITS},
        "phần “xl/sharedStrings.xml” bên trong giải nén ra 95,0 MB, quá giới hạn 8 MB",
    ),
    (
        "declared-small",
        lambda: bombs.forged_sizes(bombs.docx_bomb(8 * bombs.MB), "word/document.xml", 900),
        {},
        "tệp nén bên trong bị hỏng",
    ),
    (
        "declared-large",
        lambda: bombs.forged_sizes(bombs.many_parts(0), "word/document.xml", 5000),
        {},
        "phần “word/document.xml” không khớp kích thước đã khai báo (tệp bị sửa)",
    ),
    (
        "doctype",
        lambda: bombs.with_doctype(bombs.many_parts(0), "word/document.xml"),
        {},
        "phần “word/document.xml” khai báo DOCTYPE, điều tệp Office không bao giờ có",
    ),
    (
        "many-strings",
        lambda: bombs.xlsx_many_strings(300_000),
        {"limits": IMPORT_LIMITS},
        "các phần bên trong có hơn 250.000 phần tử (ô, dòng, chuỗi chữ, đoạn văn)",
    ),
    (
        "many-parts",
        lambda: bombs.many_parts(2500),
        {},
        "tệp có 2.502 phần bên trong, quá giới hạn 2.000 phần",
    ),
]


@pytest.mark.parametrize(
    ("data", "kwargs", "expected"), [h[1:] for h in HOSTILE], ids=[h[0] for h in HOSTILE]
)
def test_a_hostile_office_file_is_refused_at_once_in_bounded_memory(
    data: Callable[[], bytes], kwargs: dict[str, object], expected: str
) -> None:
    problem, elapsed, peak = _measured(data(), **kwargs)

    assert problem is not None
    assert problem.startswith(expected)
    assert elapsed < 1.0
    assert peak < PEAK_BYTES


def test_the_ratio_clause_says_how_much_the_part_is_compressed() -> None:
    problem, _elapsed, _peak = _measured(bombs.docx_bomb(8 * bombs.MB))

    assert problem is not None
    assert problem.endswith("quá mức của một tệp Office bình thường (tối đa 100 lần)")


def test_a_document_of_thiduas_own_writer_passes() -> None:
    document = OfficialDocument(title="Kế hoạch")
    for number in range(300):
        document.doc.add_paragraph(f"Đoạn {number}: các đơn vị đăng ký công trình thi đua.")
    buffer = io.BytesIO()
    document.doc.save(buffer)

    assert _measured(buffer.getvalue())[0] is None


def test_a_full_workbook_of_two_thousand_rows_passes_the_import_limits() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for number in range(2000):
        sheet.append([f"Công trình {number}, cột {column}" for column in range(12)])
    buffer = io.BytesIO()
    book.save(buffer)

    assert _measured(buffer.getvalue(), limits=IMPORT_LIMITS)[0] is None


def test_evidence_that_is_a_bomb_is_refused_with_the_file_name_and_what_to_do() -> None:
    upload = SimpleUploadedFile("bien-ban.docx", bombs.docx_bomb(30 * bombs.MB))

    with pytest.raises(UnpackRefused) as refused:
        check_evidence(upload, name=upload.name, size=upload.size)

    assert refused.value.code == "unpack_refused"
    assert refused.value.message == (
        "Tệp “bien-ban.docx” không nhận được: phần “word/document.xml” bên trong giải nén ra "
        "30,0 MB, quá giới hạn 20 MB. Hãy mở tệp bằng Word hoặc Excel, chỉ giữ nội dung cần "
        "nộp, lưu thành tệp mới rồi tải lên lại."
    )
