"""The works register export beyond ``EXPORT_DIRECT_ROWS`` works: a job that the real
worker writes with the requester's rights and the register's filters (issue #16: the
national register took 51 s as a request). ``transaction=True``: the worker closes
"old" connections, which would end a test's own transaction on PostgreSQL."""

from __future__ import annotations

import io
from typing import Any

import openpyxl
import pytest
from django.urls import reverse

from tests.factories import member
from tests.pages import signed_in
from tests.worker import run_worker
from tests.works.excel.test_excel import EXPORT_HEADERS, World, register
from thidua.accounts.models import Membership, User
from thidua.core.models import ExportJob, ExportJobState
from thidua.works.services import work_submit

pytestmark = pytest.mark.django_db(transaction=True)


def _export_by_job(user: User, query: dict[str, str] | None = None) -> list[list[Any]]:
    """Ask the register's export, run the worker, read the job's file (its cells)."""
    client = signed_in(user)
    answer = client.get(reverse("works:excel_export"), query or {})
    job = ExportJob.objects.get(requested_by=user)
    assert answer["Location"] == reverse("core:export_job", args=[job.pk])
    run_worker()
    job.refresh_from_db()
    assert job.state == ExportJobState.DONE, job.error
    download = client.get(reverse("core:export_job_file", args=[job.pk]))
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(download.streaming_content))).active
    return [list(row) for row in sheet.iter_rows()]


@pytest.fixture
def works(world: World, settings: Any) -> World:
    """Two works of Xã Phong Phú (one submitted), one of Xã Hòa Ân in the same district,
    one of the other district's commune; a job for anything over one work."""
    settings.EXPORT_DIRECT_ROWS = 1
    a1 = world.province.commune_a1
    register(world, world.officer, a1, "Đường ấp Phú Thạnh")
    sent = register(world, world.officer, a1, "Cầu ấp Trà Mẹt")
    work_submit(actor=world.officer, work=sent)
    register(world, world.sibling, world.province.commune_a2, "Nhà văn hóa ấp Hòa Lạc")
    other = member(world.province.commune_b1)
    register(world, other, world.province.commune_b1, "Cống thủy lợi ấp Chợ")
    return world


def test_a_large_register_export_is_a_job_with_the_same_layout(works: World) -> None:
    cells = _export_by_job(works.officer)

    values = [[cell.value for cell in row] for row in cells]
    assert values[0][0].startswith("Danh sách công trình, dự án, phần việc – xuất ngày ")
    assert values[1] == EXPORT_HEADERS
    assert sorted(row[5] for row in values[2:]) == ["Cầu ấp Trà Mẹt", "Đường ấp Phú Thạnh"]
    assert [row[0] for row in values[2:]] == [1, 2]
    assert {row[14] for row in values[2:]} == {"Nháp", "Chờ duyệt"}
    assert all(row[10].number_format == "DD/MM/YYYY" for row in cells[2:])


def test_the_job_sees_what_the_district_sees_and_no_other_district(works: World) -> None:
    cells = _export_by_job(works.district)

    titles = sorted(row[5].value for row in cells[2:])
    assert titles == ["Cầu ấp Trà Mẹt", "Nhà văn hóa ấp Hòa Lạc", "Đường ấp Phú Thạnh"]


def test_the_job_keeps_the_register_filters(works: World) -> None:
    cells = _export_by_job(works.district, {"q": "ap", "state": "draft", "late": "maybe"})

    titles = sorted(row[5].value for row in cells[2:])
    assert titles == ["Nhà văn hóa ấp Hòa Lạc", "Đường ấp Phú Thạnh"]
    job = ExportJob.objects.get()
    assert job.parameters == {"q": "ap", "state": "draft", "late": "maybe"}


def test_a_sibling_officer_cannot_open_the_officers_job(works: World) -> None:
    _export_by_job(works.officer)
    job = ExportJob.objects.get()
    sibling = signed_in(works.sibling)

    page = sibling.get(reverse("core:export_job", args=[job.pk]))
    download = sibling.get(reverse("core:export_job_file", args=[job.pk]))

    assert page.status_code == download.status_code == 404
    assert "Đường ấp Phú Thạnh" not in page.content.decode() + download.content.decode()


def test_a_district_officer_moved_away_can_no_longer_download_its_register(
    works: World,
) -> None:
    # The district's staff saw their communes' works through the district's subtree and
    # its approvals; the membership ends (a transfer): the file they made is refused.
    _export_by_job(works.district)
    job = ExportJob.objects.get()
    assert any(grant.startswith("approves:") for grant in job.grants)
    Membership.objects.filter(user=works.district).delete()
    client = signed_in(works.district)

    page = client.get(reverse("core:export_job", args=[job.pk]))
    download = client.get(reverse("core:export_job_file", args=[job.pk]))

    assert page.status_code == download.status_code == 403
    assert "Bạn không còn quyền xem tệp xuất này" in download.content.decode()
    assert not download.content.startswith(b"PK")
    assert "Nhà văn hóa ấp Hòa Lạc" not in page.content.decode() + download.content.decode()
