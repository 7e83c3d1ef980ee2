"""A registration file of more than ``IMPORT_DIRECT_ROWS`` rows is imported by a job that
the real worker runs with the uploader's rights (issue #16: no request over 5 s), all or
nothing, look-alikes included; its page shows the progress, then the works created or
every row's error. ``transaction=True``: the worker closes "old" connections."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.pages import signed_in
from tests.worker import run_worker
from tests.works.excel.test_excel import World, fill, good_rows, register
from thidua.accounts.models import User
from thidua.core.models import ExportJob, ExportJobState
from thidua.works.excel import registration_template
from thidua.works.models import Work, WorkEvent

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _frozen_time() -> None:
    """The real clock, as in ``test_excel`` (its rows' dates are checked against it)."""


@pytest.fixture(autouse=True)
def _small_threshold(settings: Any, tmp_path: Any) -> None:
    settings.IMPORT_DIRECT_ROWS = 1
    settings.MEDIA_ROOT = tmp_path


def _upload(world: World, **data: Any) -> Any:
    unit = world.province.commune_a1
    content = fill(registration_template(world.campaign, unit), good_rows())
    url = reverse("works:excel_upload", args=[world.campaign.pk, unit.pk])
    return signed_in(world.officer).post(
        url, {"file": SimpleUploadedFile("dang-ky.xlsx", content), **data},
        headers={"HX-Request": "true"},
    )  # fmt: skip


def _page(user: User, job: ExportJob) -> str:
    return signed_in(user).get(reverse("core:export_job", args=[job.pk])).content.decode()


def test_a_large_registration_file_is_imported_by_the_worker(world: World) -> None:
    answer = _upload(world)
    job = ExportJob.objects.get(requested_by=world.officer, kind="works-import")
    assert answer["HX-Redirect"] == reverse("core:export_job", args=[job.pk])
    assert Work.objects.count() == 0

    run_worker()

    job.refresh_from_db()
    assert job.state == ExportJobState.DONE, job.error
    assert job.outcome["created"] == 3
    titles = sorted(
        Work.objects.filter(unit=world.province.commune_a1).values_list("title", flat=True)
    )
    assert titles == ["Nâng cấp đường giao thông ấp Phú Hòa", "Trồng cây xanh tuyến kênh Ba Số",
                      "Xây dựng nhà văn hóa ấp Bình Tân"]  # fmt: skip
    assert WorkEvent.objects.filter(kind="created", actor=world.officer).count() == 3
    page = _page(world.officer, job)
    assert "Nhập tệp: Đăng ký công trình bằng Excel" in page and "Đã nhập 3 dòng" in page


def test_look_alikes_fail_the_job_until_the_box_is_ticked(world: World) -> None:
    register(world, world.sibling, world.province.commune_a2, "Xây dựng nhà văn hóa ấp Bình Tân")
    _upload(world)
    run_worker()
    first = ExportJob.objects.get(kind="works-import")

    _upload(world, confirm_similar="on")
    run_worker()

    first.refresh_from_db()
    assert first.state == ExportJobState.FAILED
    assert first.outcome["errors"][0].startswith(
        "Dòng 6, cột “Tên công trình, dự án, phần việc”: Tên gần giống công trình đã đăng ký: "
        "“Xây dựng nhà văn hóa ấp Bình Tân” (Xã Hòa Ân)."
    )
    assert "Dòng 6, cột" in _page(world.officer, first)
    confirmed = ExportJob.objects.exclude(pk=first.pk).get(kind="works-import")
    assert confirmed.parameters["confirm"] is True
    assert confirmed.state == ExportJobState.DONE and confirmed.outcome["created"] == 3
    assert Work.objects.filter(unit=world.province.commune_a1).count() == 3


def test_a_sibling_commune_officer_cannot_see_the_job(world: World) -> None:
    _upload(world)
    job = ExportJob.objects.get(kind="works-import")

    page = signed_in(world.sibling).get(reverse("core:export_job", args=[job.pk]))

    assert page.status_code == 404
    assert "Đăng ký công trình" not in page.content.decode()
