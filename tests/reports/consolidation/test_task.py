"""Requesting the consolidated report and running it through the real task worker."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
import time_machine
from django.core.files.storage import default_storage
from django.db.models.signals import post_save
from django_tasks_db.models import DBTaskResult
from openpyxl import load_workbook

from tests.factories import Province, UnitFactory, member
from tests.factories.consolidation import NOW, Quarter
from tests.worker import run_worker
from thidua.accounts.models import Role, Scope, User
from thidua.core.errors import DomainError, NotPermitted
from thidua.organisations.models import UnitKind
from thidua.reports.consolidation_tasks import consolidate, consolidation_request
from thidua.reports.models import Consolidation, ConsolidationState


@pytest.fixture(autouse=True)
def _frozen_time() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def secretariat(province: Province) -> User:
    return member(province.home_affairs, Role.SECRETARIAT)


def test_consolidation_request_queues_the_task_on_commit(
    quarter: Quarter, secretariat: User, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        consolidation = consolidation_request(actor=secretariat, period=quarter.period)

    assert len(callbacks) == 1
    assert consolidation.state == ConsolidationState.QUEUED
    assert consolidation.progress == 0
    assert consolidation.requested_by == secretariat
    queued = DBTaskResult.objects.get()
    assert queued.task_path.endswith("consolidation_tasks.consolidate")
    assert queued.args_kwargs["args"] == [consolidation.pk]


def test_consolidation_request_while_one_is_queued_refused(
    quarter: Quarter, secretariat: User
) -> None:
    consolidation_request(actor=secretariat, period=quarter.period)

    with pytest.raises(DomainError) as refused:
        consolidation_request(actor=secretariat, period=quarter.period)

    assert refused.value.code == "consolidation_pending"
    assert "Báo cáo tổng hợp Quý IV/2024 đang được lập" in refused.value.message
    assert Consolidation.objects.count() == 1


def test_consolidation_request_after_a_finished_run_allowed(
    quarter: Quarter, secretariat: User
) -> None:
    first = consolidation_request(actor=secretariat, period=quarter.period)
    Consolidation.objects.filter(pk=first.pk).update(state=ConsolidationState.FAILED)

    second = consolidation_request(actor=secretariat, period=quarter.period)

    assert second.pk != first.pk
    assert second.state == ConsolidationState.QUEUED


@pytest.mark.parametrize(
    ("where", "role", "scope", "allowed"),
    [
        ("home_affairs", Role.SECRETARIAT, Scope.UNIT, True),
        ("root", Role.ADMIN, Scope.UNIT, True),
        ("home_affairs", Role.UNIT_OFFICER, Scope.UNIT, False),
        ("home_affairs", Role.UNIT_HEAD, Scope.UNIT, False),
        ("root", Role.LEADER, Scope.UNIT, False),
        ("root", Role.COUNCIL_MEMBER, Scope.UNIT, False),
        ("district_a", Role.UNIT_OFFICER, Scope.SUBTREE, False),
        ("other_province", Role.SECRETARIAT, Scope.UNIT, False),
    ],
)
def test_consolidation_request_permission(
    quarter: Quarter, province: Province, where: str, role: str, scope: str, allowed: bool
) -> None:
    if where == "other_province":
        unit = UnitFactory(kind=UnitKind.DEPARTMENT, parent=UnitFactory(kind=UnitKind.PROVINCE))
    else:
        unit = getattr(province, where)
    user = member(unit, role, scope)

    if allowed:
        consolidation = consolidation_request(actor=user, period=quarter.period)
        assert consolidation.requested_by == user
    else:
        with pytest.raises(NotPermitted) as refused:
            consolidation_request(actor=user, period=quarter.period)
        assert refused.value.message == "Bạn không có quyền thực hiện thao tác này."
        assert not Consolidation.objects.exists()


def test_consolidate_leaves_a_finished_run_alone(quarter: Quarter, secretariat: User) -> None:
    consolidation = consolidation_request(actor=secretariat, period=quarter.period)
    Consolidation.objects.filter(pk=consolidation.pk).update(state=ConsolidationState.DONE)

    outcome = consolidate.call(consolidation.pk)

    assert outcome == "skipped"
    consolidation.refresh_from_db()
    assert consolidation.progress == 0
    assert not consolidation.docx


@pytest.fixture
def steps() -> Iterator[list[tuple[str, int]]]:
    """Every (state, progress) a consolidation is saved with after its creation."""
    seen: list[tuple[str, int]] = []

    def record(sender: Any, instance: Consolidation, created: bool, **kwargs: Any) -> None:
        if not created:
            seen.append((str(instance.state), instance.progress))

    post_save.connect(record, sender=Consolidation, weak=False)
    yield seen
    post_save.disconnect(record, sender=Consolidation)


# transaction=True: db_worker closes "old" connections, which would end the test's
# wrapping transaction; here the request commits for real and its on_commit queues the task.
@pytest.mark.django_db(transaction=True)
def test_consolidate_through_worker_stores_both_files(
    quarter: Quarter, secretariat: User, steps: list[tuple[str, int]]
) -> None:
    consolidation = consolidation_request(actor=secretariat, period=quarter.period)
    assert DBTaskResult.objects.count() == 1

    run_worker()

    consolidation.refresh_from_db()
    assert consolidation.state == ConsolidationState.DONE
    assert consolidation.progress == 100
    assert consolidation.error == ""
    assert consolidation.finished_at == NOW
    assert steps == [
        ("running", 10),
        ("running", 40),
        ("running", 70),
        ("running", 90),
        ("done", 100),
    ]
    assert consolidation.docx.name.endswith(".docx")
    assert default_storage.exists(consolidation.docx.name)
    assert default_storage.exists(consolidation.xlsx.name)
    with default_storage.open(consolidation.docx.name) as stored:
        content = stored.read()
    assert hashlib.sha256(content).hexdigest() == consolidation.docx_sha256
    texts = [p.text for p in docx.Document(io.BytesIO(content)).paragraphs]
    assert "BÁO CÁO" in texts
    date_cell = docx.Document(io.BytesIO(content)).tables[0].rows[1].cells[1]
    assert date_cell.text == "Trà Vinh, ngày 10 tháng 01 năm 2025"  # generated in Vietnam time
    with default_storage.open(consolidation.xlsx.name) as stored:
        sheets = load_workbook(io.BytesIO(stored.read())).sheetnames
    assert sheets[0] == "Nộp báo cáo"
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


@pytest.mark.django_db(transaction=True)
def test_consolidate_unwritable_storage_fails_in_vietnamese(
    quarter: Quarter,
    secretariat: User,
    settings: Any,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the media folder should be")
    settings.MEDIA_ROOT = blocker
    consolidation = consolidation_request(actor=secretariat, period=quarter.period)

    run_worker()

    consolidation.refresh_from_db()
    assert consolidation.state == ConsolidationState.FAILED
    assert consolidation.progress == 90  # the files were built; storing them failed
    assert consolidation.error.startswith(
        "Không lập được báo cáo tổng hợp: lỗi khi lưu tệp vào kho lưu trữ"
    )
    assert "báo cho quản trị hệ thống" in consolidation.error
    assert not consolidation.docx and not consolidation.xlsx
    assert consolidation.docx_sha256 == ""
    assert consolidation.finished_at == NOW
    logged = [r for r in caplog.records if r.name == "thidua.reports.consolidation_tasks"]
    assert logged and logged[0].exc_info is not None  # the traceback is in the log
    # A failed run no longer blocks a new request.
    assert consolidation_request(actor=secretariat, period=quarter.period).pk != consolidation.pk
