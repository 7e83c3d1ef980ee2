"""A nomination list of more than ``IMPORT_DIRECT_ROWS`` rows is imported by a job that the
real worker runs with the uploader's rights (issue #16: no request over 5 s), all or
nothing; its page shows the progress, then the rows created or every row's error.
``transaction=True``: the worker closes "old" connections, which would end a test's own
transaction on PostgreSQL."""

from __future__ import annotations

import io
from dataclasses import replace
from io import BytesIO
from typing import Any

import pytest
from django.urls import reverse

from tests.awards.test_excel import GOOD, _book
from tests.factories.awards import Kh, NominationFactory, NomineeFactory, People
from tests.pages import signed_in
from tests.worker import run_worker
from thidua.accounts.models import Membership, User
from thidua.awards.import_jobs import NOMINATIONS_IMPORT
from thidua.awards.models import Nomination, NominationEvent, NominationState, Nominee
from thidua.core import imports
from thidua.core.exports import export_job_cancel
from thidua.core.imports import ImportSteps, import_job_request
from thidua.core.models import ExportJob, ExportJobState

pytestmark = pytest.mark.django_db(transaction=True)

BAD_ROW = ["", "Cá nhân", "", "abc", "", "", "Huân chương", "Đợt 9", "", ""]


@pytest.fixture(autouse=True)
def _small_threshold(settings: Any, tmp_path: Any) -> None:
    """Anything over one row is a job; the stored uploads go to a scratch folder."""
    settings.IMPORT_DIRECT_ROWS = 1
    settings.MEDIA_ROOT = tmp_path


def _upload(kh: Kh, user: User, rows: list[list[object]]) -> Any:
    stream = _book(rows)
    stream.name = "danh-sach.xlsx"
    url = reverse("awards:excel_upload")
    query = f"?unit={kh.province.health.pk}&campaign={kh.campaign.pk}"
    return signed_in(user).post(url + query, {"file": stream})


def _job_page(user: User, job: ExportJob) -> str:
    return signed_in(user).get(reverse("core:export_job", args=[job.pk])).content.decode()


def test_a_large_list_is_imported_by_the_worker(kh: Kh, people: People) -> None:
    third = ["Trần Văn Nam", "Cá nhân", "Nam", 1979, "", "", "Bằng khen UBND tỉnh", "Đợt 2", "", ""]
    answer = _upload(kh, people.officer, [*GOOD, third])
    job = ExportJob.objects.get(requested_by=people.officer)
    assert answer["Location"] == reverse("core:export_job", args=[job.pk])
    assert "Đang chờ" in _job_page(people.officer, job)
    assert Nomination.objects.count() == 0 and job.source.name

    run_worker()

    job.refresh_from_db()
    assert job.state == ExportJobState.DONE, job.error
    assert job.outcome == {"created": 3, "notes": []} and (job.done, job.total) == (3, 3)
    names = sorted(Nomination.objects.values_list("nominee__name", flat=True))
    assert names == ["Khoa Nhi", "Nguyễn Thị Hoa", "Trần Văn Nam"]
    assert set(Nomination.objects.values_list("state", "proposer_unit", "created_by")) == {
        (NominationState.DRAFT, kh.province.health.pk, people.officer.pk)
    }
    events = NominationEvent.objects.values_list("kind", "to_state", "actor")
    assert sorted(events) == [("create", "draft", people.officer.pk)] * 3
    page = _job_page(people.officer, job)
    assert "Nhập tệp: Danh sách đề nghị khen thưởng" in page and "Đã nhập 3 dòng" in page
    assert job.source.name == ""  # the upload (personal data) is not kept


def test_a_sibling_unit_officer_cannot_see_the_job(kh: Kh, people: People) -> None:
    _upload(kh, people.officer, GOOD)
    job = ExportJob.objects.get()
    sibling = signed_in(people.sibling_officer)

    page = sibling.get(reverse("core:export_job", args=[job.pk]))
    cancel = sibling.post(reverse("core:export_job_cancel", args=[job.pk]))

    assert page.status_code == cancel.status_code == 404
    assert "Danh sách đề nghị" not in page.content.decode()
    job.refresh_from_db()
    assert job.state == ExportJobState.QUEUED


def test_wrong_rows_fail_the_job_with_each_error_and_save_nothing(kh: Kh, people: People) -> None:
    _upload(kh, people.officer, [*GOOD, BAD_ROW])

    run_worker()

    job = ExportJob.objects.get()
    assert job.state == ExportJobState.FAILED
    assert job.error == "Tệp có 4 lỗi; chưa lưu dòng nào. Hãy sửa rồi tải lên lại."
    page = _job_page(people.officer, job)
    assert "Dòng 4: thiếu họ tên / tên." in page
    assert "Dòng 4: năm sinh “abc” không hợp lệ (ví dụ 1985)." in page
    assert (Nomination.objects.count(), Nominee.objects.count()) == (0, 0)
    assert job.source.name == ""


def test_a_row_taken_meanwhile_fails_the_whole_job(kh: Kh, people: People) -> None:
    """The file was fine when sent; by the time the worker runs it, Hoa has a live
    nomination in Đợt 1: the job lists her row and saves neither row (Luật TĐKT Điều 5)."""
    _upload(kh, people.officer, GOOD)
    hoa = NomineeFactory(
        name="Nguyễn Thị Hoa", kind="individual", birth_year=1985, unit=kh.province.health
    )
    NominationFactory(
        campaign=kh.campaign, phase=kh.phase1, proposer_unit=kh.province.health, nominee=hoa
    )

    run_worker()

    job = ExportJob.objects.get()
    assert job.state == ExportJobState.FAILED
    assert job.outcome["errors"][0].startswith("Dòng 2: Nguyễn Thị Hoa đã có một đề nghị")
    assert Nomination.objects.count() == 1 and not Nominee.objects.filter(name="Khoa Nhi")


def test_the_worker_checks_the_uploaders_rights_again(kh: Kh, people: People) -> None:
    _upload(kh, people.officer, GOOD)
    Membership.objects.filter(user=people.officer).delete()

    run_worker()

    job = ExportJob.objects.get()
    assert job.state == ExportJobState.FAILED
    assert job.outcome["errors"] == [
        "Bạn không còn quyền nhập danh sách cho đơn vị này; không dòng nào được lưu."
    ]
    assert Nomination.objects.count() == 0


def test_a_cancelled_import_saves_nothing(kh: Kh, people: People) -> None:
    _upload(kh, people.officer, GOOD)
    job = ExportJob.objects.get()
    client = signed_in(people.officer)

    client.post(reverse("core:export_job_cancel", args=[job.pk]))
    run_worker()

    job.refresh_from_db()
    assert job.state == ExportJobState.CANCELLED and job.source.name == ""
    assert "không dòng nào được lưu" in _job_page(people.officer, job)
    assert Nomination.objects.count() == 0


def test_the_same_file_sent_twice_makes_one_job(kh: Kh, people: People) -> None:
    # The very same bytes twice (a workbook written again carries another time stamp,
    # so another file once a second has passed).
    content = _book(GOOD).getvalue()
    url = (
        reverse("awards:excel_upload") + f"?unit={kh.province.health.pk}&campaign={kh.campaign.pk}"
    )
    for _ in range(2):
        stream = io.BytesIO(content)
        stream.name = "danh-sach.xlsx"
        signed_in(people.officer).post(url, {"file": stream})

    assert ExportJob.objects.count() == 1


def test_a_bad_file_is_refused_at_once_in_vietnamese(kh: Kh, people: People) -> None:
    pdf = BytesIO(b"%PDF-1.4 " + b"x" * 5000)
    pdf.name = "danh-sach.xlsx"
    url = reverse("awards:excel_upload")
    query = f"?unit={kh.province.health.pk}&campaign={kh.campaign.pk}"

    page = signed_in(people.officer).post(url + query, {"file": pdf})

    assert "Hãy tải lên tệp Excel (.xlsx) theo mẫu, tối đa 5 MB." in page.content.decode()
    assert ExportJob.objects.count() == 0 and Nomination.objects.count() == 0


def test_a_cancel_while_the_job_runs_saves_none(
    kh: Kh, people: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The person cancels once the job has started (the file is small: no progress step
    notices it); the rows are written, but the job's finish, in their transaction, is
    refused and takes them back with it."""

    def cancel_then_import(user: Any, parameters: dict[str, Any], content: bytes,
                           steps: ImportSteps) -> list[str]:  # fmt: skip
        export_job_cancel(actor=user, job=ExportJob.objects.get(kind="cancel-midway"))
        return NOMINATIONS_IMPORT.run(user, parameters, content, steps)

    kind = replace(NOMINATIONS_IMPORT, key="cancel-midway", run=cancel_then_import)
    monkeypatch.setitem(imports._KINDS, kind.key, kind)  # registered for this test only
    parameters = {"unit": kh.province.health.pk, "campaign": kh.campaign.pk}
    content = _book(GOOD).getvalue()
    job = import_job_request(actor=people.officer, kind="cancel-midway",
                             parameters=parameters, content=content, name="a.xlsx")  # fmt: skip

    run_worker()

    job.refresh_from_db()
    assert job.state == ExportJobState.CANCELLED
    assert (Nomination.objects.count(), Nominee.objects.count()) == (0, 0)
