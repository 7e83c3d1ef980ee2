"""The export job's transition table, walked exhaustively: every state × every action,
by the task (no actor), by the requester and by someone else (``core.exports``)."""

from __future__ import annotations

import pytest

from tests.factories import UserFactory
from thidua.core.errors import DomainError, NotPermitted
from thidua.core.exports import EXPORT_JOBS, ExportAction, export_job_cancel
from thidua.core.models import ExportJob, ExportJobEvent, ExportJobState

S = ExportJobState
EXPECTED = {
    (S.QUEUED, ExportAction.START): S.RUNNING,
    (S.RUNNING, ExportAction.FINISH): S.DONE,
    (S.QUEUED, ExportAction.FAIL): S.FAILED,
    (S.RUNNING, ExportAction.FAIL): S.FAILED,
    (S.QUEUED, ExportAction.CANCEL): S.CANCELLED,
    (S.RUNNING, ExportAction.CANCEL): S.CANCELLED,
    (S.DONE, ExportAction.EXPIRE): S.EXPIRED,
}


def _may(who: str, action: ExportAction) -> bool:
    """The task (and the daily expiry) makes every move; the requester only cancels;
    nobody else anything."""
    return who == "task" or (who == "requester" and action == ExportAction.CANCEL)


@pytest.mark.django_db
@pytest.mark.parametrize("state", list(S))
@pytest.mark.parametrize("action", list(ExportAction))
@pytest.mark.parametrize("who", ["task", "requester", "someone else"])
def test_export_job_table(state: S, action: ExportAction, who: str) -> None:
    requester = UserFactory()
    job = ExportJob.objects.create(kind="award_history", requested_by=requester, state=state)
    actor = {"task": None, "requester": requester, "someone else": UserFactory()}[who]
    target = EXPECTED.get((state, action))

    if target is None:
        with pytest.raises(DomainError):
            EXPORT_JOBS.run(job, actor=actor, action=action)
    elif not _may(who, action):
        with pytest.raises(NotPermitted):
            EXPORT_JOBS.run(job, actor=actor, action=action)
    else:
        EXPORT_JOBS.run(job, actor=actor, action=action)

    job.refresh_from_db()
    events = list(ExportJobEvent.objects.filter(job=job))
    if target is None or not _may(who, action):
        assert job.state == state and events == []
    else:
        assert job.state == target
        assert [(e.kind, e.from_state, e.to_state) for e in events] == [
            (str(action), str(state), str(target))
        ]


@pytest.mark.django_db
def test_cancelling_a_finished_job_says_so_and_changes_nothing() -> None:
    requester = UserFactory()
    job = ExportJob.objects.create(kind="works", requested_by=requester, state=S.DONE)

    with pytest.raises(DomainError, match="Tệp xuất đã kết thúc"):
        export_job_cancel(actor=requester, job=job)

    job.refresh_from_db()
    assert job.state == S.DONE and not ExportJobEvent.objects.filter(job=job).exists()
