"""An export job's file is served only while its requester still holds the rights it was
written with (``core.rules.may_download_export``, issue #16): the real worker writes the
award history, then the requester's memberships change. ``transaction=True``: the worker
closes "old" connections, which would end a test's own transaction on PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tests.decisions.test_history_export_job import _ask, _file_rows, history
from tests.factories.accounts import MembershipFactory
from tests.factories.decisions import World
from tests.pages import HX, signed_in
from tests.worker import run_worker
from thidua.accounts.models import Membership, Role
from thidua.core.models import ExportJob, ExportJobState

pytestmark = pytest.mark.django_db(transaction=True)

__all__ = ["history"]  # the shared fixture

NO_LONGER = "Bạn không còn quyền xem tệp xuất này"
YESTERDAY = dt.date(2025, 7, 9)  # the decisions' tests run on 10/7/2025


def _done(world: World) -> ExportJob:
    """Xã Phong Phú's officer's award history (three awards), written by the worker."""
    job = _ask(world.officer_a1)
    run_worker()
    job.refresh_from_db()
    assert job.state == ExportJobState.DONE
    return job


def test_the_job_records_the_rights_its_rows_were_read_with(history: World) -> None:
    job = _done(history)

    assert job.grants == [f"unit:{history.province.commune_a1.pk}"]


def test_a_requester_whose_role_was_removed_gets_403_and_no_bytes(history: World) -> None:
    job = _done(history)
    client = signed_in(history.officer_a1)
    assert len(_file_rows(history.officer_a1, job)) == 4  # the header and three awards
    Membership.objects.filter(user=history.officer_a1).delete()

    download = client.get(reverse("core:export_job_file", args=[job.pk]))
    page = client.get(reverse("core:export_job", args=[job.pk]))
    fragment = client.get(reverse("core:export_job", args=[job.pk]), headers=HX)

    assert [download.status_code, page.status_code, fragment.status_code] == [403, 403, 403]
    assert NO_LONGER in download.content.decode()
    assert NO_LONGER in page.content.decode()
    assert not download.content.startswith(b"PK")
    assert "Trần Thị Hoa" not in download.content.decode() + page.content.decode()
    assert "Tải về" not in page.content.decode()
    # The polling bar shows the refusal in its place (not a whole page) and stops polling.
    part = fragment.content.decode()
    assert NO_LONGER in part and "<html" not in part and "hx-get" not in part
    assert fragment["Cache-Control"] == "no-store"


def test_losing_one_of_two_units_refuses_the_file_that_holds_both(history: World) -> None:
    officer = history.officer_a1
    second = MembershipFactory(user=officer, unit=history.province.commune_b1)
    job = _done(history)
    assert sorted(row[0] for row in _file_rows(officer, job)[1:]) == [
        "Hộ ông Thạch Sang", "Lê Văn Nam", "Trạm Y tế xã Phong Phú", "Trần Thị Hoa",
    ]  # fmt: skip
    second.valid_to = YESTERDAY  # the role in Xã Tập Sơn ended; Xã Phong Phú's stays
    second.save()

    download = signed_in(officer).get(reverse("core:export_job_file", args=[job.pk]))

    assert download.status_code == 403
    assert NO_LONGER in download.content.decode()
    assert "Lê Văn Nam" not in download.content.decode()


def test_a_right_gained_since_keeps_the_file(history: World) -> None:
    job = _done(history)
    MembershipFactory(user=history.officer_a1, unit=history.province.commune_b1)

    rows = _file_rows(history.officer_a1, job)

    assert sorted(row[0] for row in rows[1:]) == [
        "Hộ ông Thạch Sang", "Trạm Y tế xã Phong Phú", "Trần Thị Hoa",
    ]  # fmt: skip


def test_a_secretariat_moved_to_a_unit_role_loses_the_province_wide_file(
    history: World,
) -> None:
    job = _ask(history.secretariat)
    run_worker()
    Membership.objects.filter(user=history.secretariat).update(role=Role.UNIT_OFFICER)

    download = signed_in(history.secretariat).get(reverse("core:export_job_file", args=[job.pk]))

    assert download.status_code == 403
    assert NO_LONGER in download.content.decode()


def test_a_deactivated_requester_gets_no_bytes(history: World) -> None:
    job = _done(history)
    client = signed_in(history.officer_a1)
    history.officer_a1.is_active = False
    history.officer_a1.save()

    download = client.get(reverse("core:export_job_file", args=[job.pk]))

    assert download.status_code == 302  # signed out: the session no longer holds
    assert download["Location"].startswith(reverse("accounts:login"))
    assert not download.content.startswith(b"PK")


def test_another_officer_of_the_same_unit_still_learns_nothing(history: World) -> None:
    job = _done(history)
    sibling = signed_in(MembershipFactory(unit=history.province.commune_a1).user)

    download = sibling.get(reverse("core:export_job_file", args=[job.pk]))

    assert download.status_code == 404  # not the requester: as if the job did not exist
    assert NO_LONGER not in download.content.decode()
    assert not download.content.startswith(b"PK")
