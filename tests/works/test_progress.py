"""Progress updates with evidence checked by content, completion, and the schedule flags."""

from __future__ import annotations

import datetime as dt
import hashlib
import struct
import zlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories.works import TODAY, WorkFactory, register
from thidua.core.errors import DomainError
from thidua.core.uploads import MAX_PHOTO_BYTES
from thidua.works import services
from thidua.works.models import AT_RISK_MARGIN, Evidence, ProgressUpdate, Work, WorkState
from thidua.works.selectors import WorkFilters, with_flags, work_list

S = WorkState
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def png_1x1() -> bytes:
    """A real 1×1 red PNG: signature, IHDR, one IDAT row, IEND, each with its CRC."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)  # 1×1, 8-bit RGB
    pixels = zlib.compress(b"\x00\xff\x00\x00")  # filter byte + one red pixel
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


@pytest.fixture
def media(settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def approved(kh, province) -> Work:
    return WorkFactory(campaign=kh.campaign, unit=province.commune_a1, state=S.APPROVED)


def stored_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def test_progress_add_first_update_starts_approved_work_and_stores_evidence(
    approved, people, media
):
    png = png_1x1()

    update = services.progress_add(
        actor=people.a1_officer,
        work=approved,
        on=TODAY,
        percent=30,
        narrative="Đã đổ xong móng cầu",
        files=[
            SimpleUploadedFile("mong-cau.png", png, content_type="image/png"),
            SimpleUploadedFile("bien-ban.pdf", PDF, content_type="application/pdf"),
        ],
    )

    approved.refresh_from_db()
    assert (approved.state, approved.percent_complete) == (S.IN_PROGRESS, 30)
    assert [(e.kind, e.from_state, e.to_state) for e in approved.events.all()] == [
        ("start", "approved", "in_progress"),
        ("progress", "", ""),
    ]
    assert approved.events.get(kind="progress").payload == {
        "percent": 30,
        "on": "2025-03-01",
        "files": 2,
    }
    photo, document = update.evidence.all()
    assert (photo.kind, photo.content_type, photo.size, photo.original_name) == (
        "photo",
        "image/png",
        len(png),
        "mong-cau.png",
    )
    assert photo.sha256 == hashlib.sha256(png).hexdigest()
    assert (document.kind, document.content_type) == ("document", "application/pdf")
    assert Path(photo.file.path).read_bytes() == png
    assert Path(document.file.path).read_bytes() == PDF
    assert Path(photo.file.path).is_relative_to(media / "works" / str(approved.pk))
    assert len(stored_files(media)) == 2


def test_progress_add_text_disguised_as_jpg_saves_nothing(approved, people, media):
    files = [
        SimpleUploadedFile("mong-cau.png", png_1x1(), content_type="image/png"),
        SimpleUploadedFile(
            "anh-cong-trinh.jpg", b"day khong phai la anh", content_type="image/jpeg"
        ),
    ]

    with pytest.raises(DomainError) as refused:
        services.progress_add(
            actor=people.a1_officer,
            work=approved,
            on=TODAY,
            percent=30,
            narrative="Đã đổ xong móng cầu",
            files=files,
        )

    assert refused.value.code == "bad_file_type"
    assert refused.value.message == (
        "Tệp “anh-cong-trinh.jpg” không phải ảnh (JPEG, PNG, WebP) hay tài liệu "
        "(PDF, DOCX, XLSX); hãy gửi đúng loại tệp."
    )
    approved.refresh_from_db()
    assert (approved.state, approved.percent_complete) == (S.APPROVED, 0)
    assert not ProgressUpdate.objects.exists()
    assert not Evidence.objects.exists()
    assert not approved.events.exists()
    assert stored_files(media) == []


def test_progress_add_photo_over_limit_is_refused(approved, people, media):
    big = SimpleUploadedFile(
        "flycam.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * MAX_PHOTO_BYTES, content_type="image/png"
    )

    with pytest.raises(DomainError) as refused:
        services.progress_add(
            actor=people.a1_officer,
            work=approved,
            on=TODAY,
            percent=10,
            narrative="Ảnh toàn cảnh",
            files=[big],
        )

    assert refused.value.code == "file_too_large"
    assert refused.value.message == "Tệp “flycam.png” quá lớn (10,0 MB); tối đa 10 MB."
    assert not ProgressUpdate.objects.exists()
    assert stored_files(media) == []


def test_progress_add_document_size_limit_is_larger_than_photo(approved, people, media):
    report = SimpleUploadedFile("bao-cao.pdf", PDF, content_type="application/pdf")
    report.size = 15 * 1024 * 1024  # what the upload handler reported
    huge = SimpleUploadedFile("ho-so.pdf", PDF, content_type="application/pdf")
    huge.size = 21 * 1024 * 1024

    services.progress_add(
        actor=people.a1_officer,
        work=approved,
        on=TODAY,
        percent=10,
        narrative="Báo cáo",
        files=[report],
    )
    with pytest.raises(DomainError) as refused:
        services.progress_add(
            actor=people.a1_officer,
            work=approved,
            on=TODAY,
            percent=20,
            narrative="Hồ sơ",
            files=[huge],
        )

    assert refused.value.code == "file_too_large"
    assert "tối đa 20 MB" in refused.value.message
    assert list(ProgressUpdate.objects.values_list("percent", flat=True)) == [10]


def test_progress_add_cannot_go_backwards(approved, people, media):
    services.progress_add(
        actor=people.a1_officer, work=approved, on=TODAY, percent=40, narrative="Xong móng"
    )

    with pytest.raises(DomainError) as refused:
        services.progress_add(
            actor=people.a1_officer, work=approved, on=TODAY, percent=30, narrative="Sửa số liệu"
        )

    assert refused.value.code == "progress_backwards"
    assert refused.value.message == "Tiến độ không được thấp hơn lần trước (40%)."
    approved.refresh_from_db()
    assert approved.percent_complete == 40
    assert ProgressUpdate.objects.count() == 1


@pytest.mark.parametrize(
    ("on", "percent", "narrative", "code"),
    [
        (TODAY + dt.timedelta(days=1), 10, "Ngày mai", "future_date"),
        (TODAY, 101, "Quá 100", "bad_percent"),
        (TODAY, -1, "Âm", "bad_percent"),
        (TODAY, 10, "  ", "narrative_required"),
    ],
)
def test_progress_add_bad_input_is_refused(approved, people, media, on, percent, narrative, code):
    with pytest.raises(DomainError) as refused:
        services.progress_add(
            actor=people.a1_officer, work=approved, on=on, percent=percent, narrative=narrative
        )

    assert refused.value.code == code
    approved.refresh_from_db()
    assert approved.state == S.APPROVED
    assert not ProgressUpdate.objects.exists()


@pytest.mark.parametrize("state", [S.DRAFT, S.SUBMITTED, S.RETURNED, S.COMPLETED, S.CANCELLED])
def test_progress_add_outside_approved_or_in_progress_is_refused(kh, province, people, state):
    work = WorkFactory(campaign=kh.campaign, unit=province.commune_a1, state=state)

    with pytest.raises(DomainError) as refused:
        services.progress_add(
            actor=people.a1_officer, work=work, on=TODAY, percent=50, narrative="x"
        )

    assert refused.value.code == "bad_state"
    assert not ProgressUpdate.objects.exists()


def test_progress_add_by_the_approver_is_denied(approved, people):
    with pytest.raises(DomainError) as refused:
        services.progress_add(
            actor=people.district_a_officer, work=approved, on=TODAY, percent=10, narrative="x"
        )

    assert refused.value.code == "permission_denied"


def test_work_complete_records_actual_date(kh, province, people):
    work = WorkFactory(campaign=kh.campaign, unit=province.commune_a1, state=S.IN_PROGRESS)

    services.work_complete(actor=people.a1_officer, work=work, actual_finish=dt.date(2025, 2, 27))

    work.refresh_from_db()
    assert (work.state, work.actual_finish, work.percent_complete) == (
        S.COMPLETED,
        dt.date(2025, 2, 27),
        100,
    )


@pytest.mark.parametrize(
    ("day", "code"), [(dt.date(2025, 3, 2), "future_date"), (dt.date(2024, 12, 31), "bad_date")]
)
def test_work_complete_with_impossible_date_is_refused(kh, province, people, day, code):
    work = WorkFactory(campaign=kh.campaign, unit=province.commune_a1, state=S.IN_PROGRESS)

    with pytest.raises(DomainError) as refused:
        services.work_complete(actor=people.a1_officer, work=work, actual_finish=day)

    assert refused.value.code == code
    work.refresh_from_db()
    assert (work.state, work.actual_finish) == (S.IN_PROGRESS, None)


# --- Flags -------------------------------------------------------------------------------

#: name → (state, planned start, planned finish, percent, actual finish, deadline,
#:         late, at risk, ahead) on 01/3/2025.
D = dt.date
SITUATIONS = {
    "on_track": (S.IN_PROGRESS, D(2025, 1, 30), D(2025, 3, 31), 45, None, None, False, False, False),
    "at_margin": (S.IN_PROGRESS, D(2025, 1, 30), D(2025, 3, 31), 40, None, None, False, False, False),
    "at_risk": (S.IN_PROGRESS, D(2025, 1, 30), D(2025, 3, 31), 39, None, None, False, True, False),
    "approved_at_risk": (S.APPROVED, D(2025, 1, 30), D(2025, 3, 31), 0, None, None, False, True, False),
    "late_open": (S.IN_PROGRESS, D(2025, 1, 1), D(2025, 2, 28), 80, None, None, True, False, False),
    "late_submitted": (S.SUBMITTED, D(2025, 1, 1), D(2025, 2, 28), 0, None, None, True, False, False),
    "late_returned": (S.RETURNED, D(2025, 1, 1), D(2025, 2, 28), 0, None, None, True, False, False),
    "draft_past": (S.DRAFT, D(2025, 1, 1), D(2025, 2, 28), 0, None, None, False, False, False),
    "due_today": (S.IN_PROGRESS, D(2025, 1, 1), D(2025, 3, 1), 95, None, None, False, False, False),
    "done_early": (S.COMPLETED, D(2025, 1, 1), D(2025, 6, 30), 100, D(2025, 2, 20), None, False, False, True),
    "done_on_time": (S.COMPLETED, D(2025, 1, 1), D(2025, 2, 20), 100, D(2025, 2, 20), None, False, False, False),
    "done_late": (S.COMPLETED, D(2025, 1, 1), D(2025, 2, 10), 100, D(2025, 2, 20), None, True, False, False),
    "done_late_before_deadline": (
        S.COMPLETED, D(2025, 1, 1), D(2025, 2, 10), 100, D(2025, 2, 20), D(2025, 4, 30), True, False, True,
    ),
    "done_on_deadline": (
        S.COMPLETED, D(2025, 1, 1), D(2025, 2, 20), 100, D(2025, 2, 20), D(2025, 2, 20), False, False, False,
    ),
    "cancelled_past": (S.CANCELLED, D(2025, 1, 1), D(2025, 2, 1), 10, None, None, False, False, False),
}  # fmt: skip


@pytest.fixture
def situations(kh, province) -> dict[str, Work]:
    made = {}
    for name, (state, start, finish, percent, actual, deadline, *_flags) in SITUATIONS.items():
        made[name] = WorkFactory(
            campaign=kh.campaign,
            unit=province.commune_a1,
            title=f"Công trình {name}",
            state=state,
            planned_start=start,
            planned_finish=finish,
            percent_complete=percent,
            actual_finish=actual,
            deadline=deadline,
        )
    return made


def test_flags_in_python_match_each_situation(situations):
    flags = {
        name: (w.is_late(TODAY), w.is_at_risk(TODAY), w.is_ahead())
        for name, w in situations.items()
    }

    assert flags == {name: tuple(row[6:]) for name, row in SITUATIONS.items()}
    assert AT_RISK_MARGIN == 10
    assert situations["at_margin"].elapsed_percent(TODAY) == 50


def test_flags_in_sql_equal_flags_in_python(situations):
    annotated = with_flags(Work.objects.all(), TODAY)

    in_sql = {w.pk: (w.late, w.ahead) for w in annotated}

    assert in_sql == {w.pk: (w.is_late(TODAY), w.is_ahead()) for w in situations.values()}


def test_work_list_filters_late_and_ahead(situations, people):
    late = work_list(people.a1_officer, WorkFilters(late=True), today=TODAY)
    ahead = work_list(people.a1_officer, WorkFilters(ahead=True), today=TODAY)

    by_pk = {w.pk: name for name, w in situations.items()}
    assert {by_pk[w.pk] for w in late} == {n for n, row in SITUATIONS.items() if row[6]}
    assert {by_pk[w.pk] for w in ahead} == {"done_early", "done_late_before_deadline"}


def test_work_create_takes_deadline_from_the_phase_it_honours(kh, province, people):
    work = register(people.a1_officer, kh, province.commune_a1, phase=kh.phase1)

    assert work.deadline == dt.date(2025, 4, 30)
