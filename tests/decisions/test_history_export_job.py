"""The award history export beyond ``EXPORT_DIRECT_ROWS`` rows: a job written by the real
worker (``db_worker``) with the requester's rights, its progress page, cancel and file
(issue #16). ``transaction=True``: the worker closes "old" connections, which would end
a test's own transaction on PostgreSQL."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import member
from tests.factories.decisions import World, issued
from tests.pages import HX, signed_in
from tests.worker import run_worker
from thidua.accounts.models import User
from thidua.core.exports import export_job_request
from thidua.core.models import ExportJob, ExportJobEvent, ExportJobState

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def history(world: World, settings: Any) -> World:
    """The issued decision's four awards (three of Xã Phong Phú, one of Xã Tập Sơn), and
    an export job for anything over two rows."""
    settings.EXPORT_DIRECT_ROWS = 2
    issued(world)
    return world


def _ask(user: User, query: dict[str, str] | None = None) -> ExportJob:
    answer = signed_in(user).get(reverse("decisions:history_xlsx"), query or {})
    job = ExportJob.objects.get()
    assert answer.status_code == 302
    assert answer["Location"] == reverse("core:export_job", args=[job.pk])
    return job


def _file_rows(user: User, job: ExportJob) -> list[tuple[Any, ...]]:
    answer = signed_in(user).get(reverse("core:export_job_file", args=[job.pk]))
    content = b"".join(answer.streaming_content)
    assert answer["Cache-Control"] == "private, no-store"
    sheet = load_workbook(io.BytesIO(content)).active
    return list(sheet.iter_rows(values_only=True))


def test_a_large_history_export_is_a_job_whose_file_holds_the_rows(history: World) -> None:
    job = _ask(history.secretariat)

    run_worker()

    job.refresh_from_db()
    assert (job.state, job.done, job.total) == (ExportJobState.DONE, 4, 4)
    rows = _file_rows(history.secretariat, job)
    assert rows[0][:4] == ("Họ tên / tên", "Đối tượng", "Đơn vị khi được khen", "Hình thức")
    names = sorted(row[0] for row in rows[1:])
    assert names == ["Hộ ông Thạch Sang", "Lê Văn Nam", "Trạm Y tế xã Phong Phú", "Trần Thị Hoa"]
    assert {row[6] for row in rows[1:]} == {"1234/QĐ-UBND"}
    page = signed_in(history.secretariat).get(reverse("core:export_job", args=[job.pk]))
    assert "Tải về lich-su-khen-thuong-" in page.content.decode()
    assert page["Cache-Control"] == "no-store"


def test_the_job_keeps_the_cell_formats_of_the_direct_export(history: World) -> None:
    job = _ask(history.secretariat)

    run_worker()

    answer = signed_in(history.secretariat).get(reverse("core:export_job_file", args=[job.pk]))
    sheet = load_workbook(io.BytesIO(b"".join(answer.streaming_content))).active
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "Trần Thị Hoa")
    assert sheet.freeze_panes == "A2"
    assert row[7].number_format == "DD/MM/YYYY" and row[9].number_format == "#,##0"
    assert row[9].value > 0


def test_the_job_applies_the_requesters_visibility_and_search(history: World) -> None:
    officer = history.officer_a1
    job = _ask(officer)  # Xã Phong Phú's three awards: over the limit of two

    run_worker()

    rows = _file_rows(officer, job)
    assert sorted(row[0] for row in rows[1:]) == [
        "Hộ ông Thạch Sang",
        "Trạm Y tế xã Phong Phú",
        "Trần Thị Hoa",
    ]


def test_a_job_asking_for_a_sibling_units_people_holds_none_of_them(history: World) -> None:
    # Xã Phong Phú's officer names Xã Tập Sơn's nominee in the stored search: the task
    # reads with the officer's rights, so the file has the header only.
    job = export_job_request(
        actor=history.officer_a1, kind="award_history", parameters={"q": "nam"}
    )

    run_worker()

    job.refresh_from_db()
    assert (job.state, job.total) == (ExportJobState.DONE, 0)
    assert _file_rows(history.officer_a1, job)[1:] == []


def test_another_units_officer_cannot_see_cancel_or_download_a_job(history: World) -> None:
    job = _ask(history.secretariat)
    run_worker()
    sibling = member(history.province.commune_a2)
    outsider = signed_in(sibling)

    page = outsider.get(reverse("core:export_job", args=[job.pk]))
    fragment = outsider.get(reverse("core:export_job", args=[job.pk]), headers=HX)
    download = outsider.get(reverse("core:export_job_file", args=[job.pk]))
    cancel = outsider.post(reverse("core:export_job_cancel", args=[job.pk]))

    assert [page.status_code, fragment.status_code, download.status_code] == [404, 404, 404]
    assert cancel.status_code == 404
    assert "Trần Thị Hoa" not in page.content.decode() + download.content.decode()
    assert not download.content.startswith(b"PK")
    job.refresh_from_db()
    assert job.state == ExportJobState.DONE
    assert ExportJobEvent.objects.filter(job=job, actor=sibling).count() == 0


def test_a_queued_job_cancelled_from_its_page_stores_nothing(history: World) -> None:
    job = _ask(history.secretariat)
    client = signed_in(history.secretariat)

    answer = client.post(reverse("core:export_job_cancel", args=[job.pk]), follow=True)
    run_worker()

    assert "Đã hủy việc xuất tệp." in answer.content.decode()
    job.refresh_from_db()
    assert job.state == ExportJobState.CANCELLED and not job.result.name
    events = ExportJobEvent.objects.filter(job=job).order_by("pk")
    assert [(e.kind, e.from_state, e.to_state) for e in events] == [
        ("requested", "", "queued"),
        ("cancel", "queued", "cancelled"),
    ]
    assert client.get(reverse("core:export_job_file", args=[job.pk])).status_code == 404


@contextmanager
def _after_each_progress(action: Callable[[], None]) -> Iterator[list[str]]:
    """Run ``action`` after each progress step the worker saves."""
    seen: list[str] = []

    def wrapper(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        result = execute(sql, params, many, context)
        if sql.startswith('UPDATE "core_exportjob" SET "done"'):
            seen.append(sql)
            action()
        return result

    with connection.execute_wrapper(wrapper):
        yield seen


def test_the_progress_page_follows_the_worker(history: World, settings: Any) -> None:
    settings.EXPORT_PROGRESS_ROWS = 1
    job = _ask(history.secretariat)
    client = signed_in(history.secretariat)
    percents: list[str] = []

    def look() -> None:
        text = client.get(reverse("core:export_job", args=[job.pk]), headers=HX).content.decode()
        percents.append(text.split('<strong class="export-job__percent">')[1].split("<")[0])

    with _after_each_progress(look):
        run_worker()

    assert percents == ["25 %", "50 %", "75 %", "99 %", "99 %"]
    events = ExportJobEvent.objects.filter(job=job).order_by("pk")
    assert [(e.kind, e.to_state) for e in events] == [
        ("requested", "queued"),
        ("start", "running"),
        ("finish", "done"),
    ]
    assert events[2].payload == {"rows": 4}


def test_a_running_job_cancelled_stops_at_its_next_step(history: World, settings: Any) -> None:
    settings.EXPORT_PROGRESS_ROWS = 1
    job = _ask(history.secretariat)
    client = signed_in(history.secretariat)

    def cancel_once() -> None:
        if ExportJob.objects.filter(pk=job.pk, state=ExportJobState.RUNNING).exists():
            client.post(reverse("core:export_job_cancel", args=[job.pk]))

    with _after_each_progress(cancel_once) as steps:
        run_worker()

    job.refresh_from_db()
    assert len(steps) == 2  # the first step saved, the second found the job cancelled
    assert (job.state, job.done) == (ExportJobState.CANCELLED, 1)
    assert not job.result.name
    assert ExportJob.objects.filter(state=ExportJobState.DONE).count() == 0


def test_the_progress_page_makes_the_same_queries_whatever_the_rows(history: World) -> None:
    client = signed_in(history.secretariat)
    small = export_job_request(actor=history.secretariat, kind="award_history", parameters={})
    large = export_job_request(
        actor=history.secretariat, kind="award_history", parameters={"kind": "individual"}
    )
    ExportJob.objects.filter(pk=small.pk).update(total=1)
    ExportJob.objects.filter(pk=large.pk).update(total=3000, done=1200)
    texts: list[str] = []

    counts = []
    for job in (small, large):
        for headers in ({}, HX):
            with CaptureQueriesContext(connection) as captured:
                answer = client.get(reverse("core:export_job", args=[job.pk]), headers=headers)
            counts.append(len(captured))
            texts.append(answer.content.decode())

    assert "0/1 dòng" in texts[0] and "0/1 dòng" in texts[1]
    assert "1.200/3.000 dòng" in texts[2] and "40 %" in texts[3]
    # Session, user, job, the requester's memberships and the provinces they read wide
    # (the rights check, ``may_download_export``; the layout reuses the memberships).
    assert counts == [5, 5, 5, 5]


def test_asking_twice_while_pending_gives_the_same_job(history: World) -> None:
    first = _ask(history.secretariat)

    again = signed_in(history.secretariat).get(reverse("decisions:history_xlsx"))

    assert again["Location"] == reverse("core:export_job", args=[first.pk])
    assert ExportJob.objects.count() == 1


def test_a_small_history_is_still_a_file_at_once(history: World) -> None:
    answer = signed_in(history.officer_b1).get(reverse("decisions:history_xlsx"))

    sheet = load_workbook(io.BytesIO(answer.content)).active
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["Lê Văn Nam"]
    assert ExportJob.objects.count() == 0
