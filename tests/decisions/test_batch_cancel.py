"""The Ban TĐKT cancels a certificate batch from its progress page; the real worker
notices at its next progress step and stops (issue 15, item 5)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from tests.factories.decisions import World, issued
from tests.worker import run_worker
from thidua.core.errors import DomainError, NotPermitted
from thidua.decisions.certificates import certificate_batch_cancel, certificate_batch_request
from thidua.decisions.codes import EventKind
from thidua.decisions.models import BatchState, CertificateBatch, DecisionEvent


@contextmanager
def _before_first(sql_part: str, action: Callable[[], None]) -> Iterator[list[str]]:
    """Run ``action`` once, just before the first query containing ``sql_part`` (the
    Ban TĐKT clicking "Hủy" while the worker is between two progress steps)."""
    fired: list[str] = []

    def wrapper(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        if not fired and sql_part in sql:
            fired.append(sql)
            action()
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield fired


def _cancel_by_page(world: World, batch: CertificateBatch) -> Callable[[], None]:
    def click() -> None:
        client = Client()
        client.force_login(world.secretariat)
        response = client.post(reverse("decisions:batch_cancel", args=[batch.pk]), follow=True)
        assert "Đã hủy lô in" in response.content.decode()

    return click


def _batch_files() -> list[Path]:
    folder = Path(settings.MEDIA_ROOT) / "chung-nhan" / "lo"
    return [path for path in folder.rglob("*") if path.is_file()] if folder.exists() else []


@pytest.mark.django_db(transaction=True)
def test_running_batch_cancelled_stops_at_next_step_and_may_be_asked_again(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    decision = issued(world)
    with django_capture_on_commit_callbacks(execute=True):
        batch = certificate_batch_request(actor=world.secretariat, decision=decision)

    # The worker has started the batch (running) and rendered the certificates; the
    # Ban TĐKT cancels before it saves its next progress step.
    with _before_first(
        'UPDATE "decisions_certificatebatch" SET "done_count"', _cancel_by_page(world, batch)
    ) as fired:
        run_worker()

    assert fired, "the worker never reached a progress step"
    batch.refresh_from_db()
    assert batch.state == BatchState.CANCELLED
    assert batch.done_count == 0 and not batch.archive.name and not batch.combined.name
    assert _batch_files() == []
    task = DBTaskResult.objects.get()
    assert task.status == "SUCCESSFUL" and task.return_value == "cancelled"
    event = DecisionEvent.objects.get(kind=EventKind.CERTIFICATES_CANCELLED)
    assert event.actor == world.secretariat and event.payload["batch"] == batch.pk

    client = Client()
    client.force_login(world.secretariat)
    page = client.get(reverse("decisions:batch", args=[batch.pk])).content.decode()
    assert "Đã hủy" in page and "không có tệp nào được lưu" in page
    assert reverse("decisions:batch_start", args=[decision.pk]) in page  # "In lại"
    assert "every 2s" not in page  # the page stops polling

    # Asking again prints the whole batch.
    with django_capture_on_commit_callbacks(execute=True):
        again = certificate_batch_request(actor=world.secretariat, decision=decision)
    run_worker()
    again.refresh_from_db()
    assert (again.state, again.progress, again.done_count) == (BatchState.DONE, 100, 4)
    assert len(_batch_files()) == 2


@pytest.mark.django_db(transaction=True)
def test_queued_batch_cancelled_is_skipped_by_the_worker(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    decision = issued(world)
    with django_capture_on_commit_callbacks(execute=True):
        batch = certificate_batch_request(actor=world.secretariat, decision=decision)
    client = Client()
    client.force_login(world.secretariat)
    page = client.get(reverse("decisions:batch", args=[batch.pk])).content.decode()
    assert reverse("decisions:batch_cancel", args=[batch.pk]) in page  # the "Hủy" button

    client.post(reverse("decisions:batch_cancel", args=[batch.pk]))
    run_worker()

    batch.refresh_from_db()
    assert batch.state == BatchState.CANCELLED and batch.progress == 0
    assert DBTaskResult.objects.get().return_value == "skipped"
    # A second cancel is refused with a message, nothing changes.
    response = client.post(reverse("decisions:batch_cancel", args=[batch.pk]), follow=True)
    assert "không còn gì để hủy" in response.content.decode()
    assert DecisionEvent.objects.filter(kind=EventKind.CERTIFICATES_CANCELLED).count() == 1


def test_cancel_refused_to_others_and_after_the_end(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    decision = issued(world)
    batch = certificate_batch_request(actor=world.secretariat, decision=decision)

    with pytest.raises(NotPermitted):
        certificate_batch_cancel(actor=world.officer_a1, batch=batch)
    client = Client()
    client.force_login(world.other_secretariat)
    assert client.post(reverse("decisions:batch_cancel", args=[batch.pk])).status_code == 404

    CertificateBatch.objects.filter(pk=batch.pk).update(state=BatchState.DONE)
    batch.refresh_from_db()
    with pytest.raises(DomainError) as refused:
        certificate_batch_cancel(actor=world.secretariat, batch=batch)
    assert "Lô in đã kết thúc (Hoàn tất)" in refused.value.message
