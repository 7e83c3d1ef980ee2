"""The Ban TĐKT cancels a consolidation from its progress page; the real worker stops at
its next step and removes the files it stored (issue 15, item 5)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from tests.factories import Province, member
from tests.factories.consolidation import NOW, Quarter
from tests.worker import run_worker
from thidua.accounts.models import Role, User
from thidua.core.errors import NotPermitted
from thidua.reports.consolidation_tasks import consolidation_cancel, consolidation_request
from thidua.reports.models import Consolidation, ConsolidationState


@pytest.fixture(autouse=True)
def _frozen_time() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def secretariat(province: Province) -> User:
    return member(province.home_affairs, Role.SECRETARIAT)


def _stored() -> list[Path]:
    folder = Path(settings.MEDIA_ROOT) / "consolidations"
    return [path for path in folder.rglob("*") if path.is_file()] if folder.exists() else []


@contextmanager
def _cancel_when(
    condition: Callable[[str], bool], user: User, consolidation: Consolidation
) -> Iterator[list[str]]:
    """Click "Hủy lần lập này" once, just before the first query the worker makes for
    which ``condition(sql)`` holds."""
    fired: list[str] = []

    def wrapper(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        if not fired and condition(sql):
            fired.append(sql)
            client = Client()
            client.force_login(user)
            url = reverse("reports:consolidation_cancel", args=[consolidation.pk])
            page = client.post(url, follow=True).content.decode()
            assert "Đã hủy lần lập báo cáo tổng hợp" in page
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield fired


@pytest.mark.django_db(transaction=True)
def test_cancel_between_steps_stops_the_run(quarter: Quarter, secretariat: User) -> None:
    consolidation = consolidation_request(actor=secretariat, period=quarter.period)

    def second_step(sql: str) -> bool:
        # The worker's check, at its next step, that the run is still running.
        return sql.startswith('SELECT %s AS "a" FROM "reports_consolidation"')

    with _cancel_when(second_step, secretariat, consolidation) as fired:
        run_worker()

    assert fired
    consolidation.refresh_from_db()
    assert consolidation.state == ConsolidationState.CANCELLED
    assert consolidation.progress == 10 and consolidation.cancelled_by == secretariat
    assert consolidation.finished_at == NOW
    assert _stored() == [] and not consolidation.docx.name
    assert DBTaskResult.objects.get().return_value == "cancelled"

    client = Client()
    client.force_login(secretariat)
    page = client.get(reverse("reports:consolidation", args=[consolidation.pk])).content.decode()
    assert "Đã hủy lúc 10/01/2025" in page and "không có tệp nào được lưu" in page
    assert "every 2s" not in page
    assert reverse("reports:consolidate", args=[quarter.period.pk]) in page  # "Lập lại"

    # Asked again: a whole new run, done.
    again = consolidation_request(actor=secretariat, period=quarter.period)
    run_worker()
    again.refresh_from_db()
    assert again.state == ConsolidationState.DONE and len(_stored()) == 2


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="the moment is found by SQLite's BEGIN; PostgreSQL runs the same code in CI's SQLite pass",
)
def test_cancel_after_the_files_were_stored_removes_them(
    quarter: Quarter, secretariat: User
) -> None:
    consolidation = consolidation_request(actor=secretariat, period=quarter.period)

    def files_stored(sql: str) -> bool:
        # The transaction of the worker's last move ("finish") is about to begin: the
        # cancel commits just before it (on SQLite a transaction starts with BEGIN).
        return sql.startswith("BEGIN") and len(_stored()) == 2

    with _cancel_when(files_stored, secretariat, consolidation) as fired:
        run_worker()

    assert fired
    consolidation.refresh_from_db()
    assert consolidation.state == ConsolidationState.CANCELLED
    assert _stored() == []  # the half-written run left nothing
    assert not consolidation.docx.name and not consolidation.docx_sha256


def test_cancel_refused_to_a_unit_officer_and_after_the_end(
    quarter: Quarter, secretariat: User, province: Province
) -> None:
    consolidation = consolidation_request(actor=secretariat, period=quarter.period)
    officer = member(province.commune_a1, Role.UNIT_OFFICER)

    with pytest.raises(NotPermitted):
        consolidation_cancel(actor=officer, consolidation=consolidation)
    client = Client()
    client.force_login(officer)
    client.post(reverse("reports:consolidation_cancel", args=[consolidation.pk]))
    consolidation.refresh_from_db()
    assert consolidation.state == ConsolidationState.QUEUED

    client.force_login(secretariat)
    page = client.get(reverse("reports:consolidation", args=[consolidation.pk])).content.decode()
    assert reverse("reports:consolidation_cancel", args=[consolidation.pk]) in page
    Consolidation.objects.filter(pk=consolidation.pk).update(state=ConsolidationState.FAILED)
    response = client.post(
        reverse("reports:consolidation_cancel", args=[consolidation.pk]), follow=True
    )
    assert "đã kết thúc (Lỗi); không còn gì để hủy" in response.content.decode()
