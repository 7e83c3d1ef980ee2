"""Old export files are removed by the daily ``exports_expire`` (``core.export_expiry``,
issue #16): files written by the real worker, on the local disk and in an S3 bucket
(moto's server); the job moves to *expired* through the workflow engine and its page
says so. ``transaction=True``: the worker closes "old" connections."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from tests.decisions.test_history_export_job import _file_rows, history
from tests.factories.decisions import World
from tests.pages import signed_in
from tests.s3_server import S3Bucket
from tests.worker import run_worker
from thidua.core.exports import export_job_request
from thidua.core.models import ExportJob, ExportJobEvent, ExportJobState

pytestmark = pytest.mark.django_db(transaction=True)

__all__ = ["history"]  # the shared fixture

EXPIRED = "đã hết hạn: tệp xuất chỉ được giữ 7 ngày rồi bị xóa khỏi máy chủ"


def _two_files(world: World) -> tuple[ExportJob, ExportJob]:
    """Two finished history exports of the secretariat: one written 8 days ago, one
    yesterday (the default retention is 7 days)."""
    jobs = []
    for kind in ("individual", "collective"):
        job = export_job_request(actor=world.secretariat, kind="award_history",
                                 parameters={"kind": kind})  # fmt: skip
        run_worker()
        jobs.append(job)
    old, recent = (ExportJob.objects.get(pk=job.pk) for job in jobs)
    assert old.state == recent.state == ExportJobState.DONE
    ExportJob.objects.filter(pk=old.pk).update(finished_at=timezone.now() - dt.timedelta(days=8))
    ExportJob.objects.filter(pk=recent.pk).update(finished_at=timezone.now() - dt.timedelta(days=1))
    return old, recent


def _expire(*args: str) -> str:
    out = io.StringIO()
    call_command("exports_expire", *args, stdout=out)
    return out.getvalue()


def test_an_old_file_is_removed_and_its_page_says_so(history: World) -> None:
    old, recent = _two_files(history)
    old_name, recent_name = old.result.name, recent.result.name
    client = signed_in(history.secretariat)

    said = _expire()

    assert "Đã xóa 1 tệp xuất cũ hơn 7 ngày." in said
    assert not default_storage.exists(old_name)
    assert default_storage.exists(recent_name)
    old.refresh_from_db()
    assert (old.state, old.result.name) == (ExportJobState.EXPIRED, "")
    last = ExportJobEvent.objects.filter(job=old).latest("pk")
    assert (last.kind, last.from_state, last.to_state, last.actor_id) == (
        "expire", "done", "expired", None,
    )  # fmt: skip
    assert last.payload == {"file": old_name}
    page = client.get(reverse("core:export_job", args=[old.pk])).content.decode()
    assert f"Tệp {old.file_name} {EXPIRED}" in page
    assert "Tải về" not in page
    download = client.get(reverse("core:export_job_file", args=[old.pk]))
    assert download.status_code == 302  # an old link lands on the page that says why
    assert download["Location"] == reverse("core:export_job", args=[old.pk])


def test_a_recent_file_stays_downloadable(history: World) -> None:
    _old, recent = _two_files(history)

    _expire()

    recent.refresh_from_db()
    assert recent.state == ExportJobState.DONE
    assert _file_rows(history.secretariat, recent)[1:] != []
    page = signed_in(history.secretariat).get(reverse("core:export_job", args=[recent.pk]))
    assert f"Tải về {recent.file_name}" in page.content.decode()


def test_a_second_run_removes_nothing_more(history: World) -> None:
    _two_files(history)
    _expire()

    said = _expire()

    assert "Đã xóa 0 tệp xuất cũ hơn 7 ngày." in said
    assert ExportJob.objects.filter(state=ExportJobState.EXPIRED).count() == 1
    assert ExportJobEvent.objects.filter(kind="expire").count() == 1


def test_the_retention_is_a_setting_and_an_option(history: World, settings: Any) -> None:
    _two_files(history)
    settings.EXPORT_RETENTION_DAYS = 10

    kept = _expire()
    shortened = _expire("--days", "0")

    assert "Đã xóa 0 tệp xuất cũ hơn 10 ngày." in kept
    assert "Đã xóa 2 tệp xuất cũ hơn 0 ngày." in shortened
    with pytest.raises(CommandError, match="Số ngày giữ tệp xuất phải từ 0 trở lên"):
        _expire("--days", "-1")


def test_an_old_file_is_removed_from_the_s3_bucket(s3_storage: S3Bucket, history: World) -> None:
    old, recent = _two_files(history)
    assert f"media/{old.result.name}" in s3_storage.stored_keys()

    _expire()

    keys = s3_storage.stored_keys()
    assert f"media/{old.result.name}" not in keys
    assert f"media/{recent.result.name}" in keys
    old.refresh_from_db()
    assert old.state == ExportJobState.EXPIRED
    page = signed_in(history.secretariat).get(reverse("core:export_job", args=[old.pk]))
    assert EXPIRED in page.content.decode()
