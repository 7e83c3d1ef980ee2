"""Printing every certificate of a decision as a task: request, the real worker, the
progress page, the ZIP and the combined PDF."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from tests.factories.decisions import World, draft, issued
from tests.worker import run_worker
from thidua.core.errors import DomainError, NotPermitted
from thidua.decisions.certificates import certificate_batch_request, certificate_batch_run
from thidua.decisions.models import BatchState, Certificate, CertificateBatch, Decision


@pytest.fixture
def decision(world: World) -> Decision:
    return issued(world)


def test_batch_request_queues_once_on_commit(
    world: World, decision: Decision, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        batch = certificate_batch_request(actor=world.secretariat, decision=decision)

    assert len(callbacks) == 1
    assert (batch.state, batch.total) == (BatchState.QUEUED, 4)
    with pytest.raises(DomainError) as refused:
        certificate_batch_request(actor=world.secretariat, decision=decision)
    assert refused.value.code == "batch_pending"


def test_batch_request_by_leader_or_for_a_draft_refused(world: World, decision: Decision) -> None:
    with pytest.raises(NotPermitted):
        certificate_batch_request(actor=world.leader, decision=decision)
    from tests.factories.decisions import NominationFactory, nominee

    extra = NominationFactory(
        campaign=world.campaign,
        phase=world.phase,
        form=world.bk,
        nominee=nominee(world.province.commune_a1, "Dự Thảo"),
    )
    with pytest.raises(DomainError):
        certificate_batch_request(
            actor=world.secretariat, decision=draft(world, nominations=[extra])
        )


@pytest.mark.django_db(transaction=True)
def test_batch_runs_in_the_worker_and_offers_zip_and_combined_pdf(world: World) -> None:
    decision = issued(world)
    client = Client()
    client.force_login(world.secretariat)

    started = client.post(reverse("decisions:batch_start", args=[decision.pk]))
    batch = CertificateBatch.objects.get()
    queued_page = client.get(started["Location"])
    run_worker()
    batch.refresh_from_db()
    done_page = client.get(
        reverse("decisions:batch", args=[batch.pk]), headers={"HX-Request": "true"}
    )
    archive = client.get(reverse("decisions:batch_zip", args=[batch.pk]))
    combined = client.get(reverse("decisions:batch_pdf", args=[batch.pk]))
    archive_bytes = b"".join(archive.streaming_content)
    combined_bytes = b"".join(combined.streaming_content)

    assert started["Location"] == reverse("decisions:batch", args=[batch.pk])
    assert 'hx-trigger="every 2s"' in queued_page.content.decode()
    assert (batch.state, batch.progress, batch.done_count) == (BatchState.DONE, 100, 4)
    assert "Một tệp PDF gộp" in done_page.content.decode()
    assert "every 2s" not in done_page.content.decode()
    names = zipfile.ZipFile(io.BytesIO(archive_bytes)).namelist()
    assert len(names) == 4 and names[0].startswith("001-tran-thi-hoa-")
    reader = PdfReader(io.BytesIO(combined_bytes))
    assert len(reader.pages) == 4
    assert "Hộ ông Thạch Sang" in reader.pages[3].extract_text()


def test_batch_run_of_a_missing_batch_is_skipped(world: World) -> None:
    assert certificate_batch_run.call(987654) == "skipped"


def test_batch_with_a_lost_certificate_file_fails_with_a_message_once(
    world: World, decision: Decision
) -> None:
    batch = certificate_batch_request(actor=world.secretariat, decision=decision)
    Certificate.objects.filter(entry__decision=decision).update(pdf="chung-nhan/mat-tep.pdf")

    assert certificate_batch_run.call(batch.pk) == BatchState.FAILED
    batch.refresh_from_db()
    assert batch.state == BatchState.FAILED
    assert batch.error.startswith("Không tạo được lô bằng khen, giấy khen (FileNotFoundError)")
    assert batch.finished_at is not None
    assert (batch.progress, batch.total, batch.done_count) == (1, 4, 0)
    assert certificate_batch_run.call(batch.pk) == "skipped"


def test_batch_page_of_another_province_is_404(world: World, decision: Decision) -> None:
    batch = certificate_batch_request(actor=world.secretariat, decision=decision)
    client = Client()
    client.force_login(world.other_secretariat)

    response = client.get(reverse("decisions:batch", args=[batch.pk]))

    assert response.status_code == 404
    assert decision.number not in response.content.decode()
