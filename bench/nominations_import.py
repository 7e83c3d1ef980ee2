"""Time the nominations Excel import (issue #16: a 10 k-row import ≤ 20 s, no request
over 5 s) on a scratch PostgreSQL database, made afresh.

The world: the test suite's small province (``tests.factories``), the shipped award
forms, a campaign of two phases, an officer of Sở Y tế, and ``--existing`` nominees of
Sở Y tế already on record (each with a draft nomination in Đợt 2), so that the files
below reuse some of them (the first tenth of each file's rows names them again, in Đợt 1).

For each size of ``--rows``: ``import_nominations`` as the job's task runs it (the whole
file read, checked and saved; rolled back after), then, for the largest, the upload
request through Django's test client (a job and a redirect) and that job's task run in
this process as ``db_worker`` runs it.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/thidua_bench_imports \\
        PYTHONPATH=.:src .venv/bin/python bench/nominations_import.py --rows 1000 10000
"""

from __future__ import annotations

import argparse
import io
import json
import time
from typing import Any

from bench.national.setup import django_setup

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ"]
MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Ngọc", "Thanh", "Quốc", "Thu", "Đức", "Kim"]
GIVEN = ["An", "Bình", "Cường", "Dung", "Hoa", "Khoa", "Lan", "Mai", "Nam", "Phúc", "Tâm"]


def _name(n: int) -> str:
    return f"{SURNAMES[n % 10]} {MIDDLE[n // 10 % 10]} {GIVEN[n // 100 % 11]} {n}"


def _world(existing: int) -> dict[str, Any]:
    import datetime as dt

    from tests.factories import CampaignFactory, PhaseFactory
    from tests.factories.accounts import member
    from tests.factories.organisations import small_province

    from thidua.awards.loading import award_forms_load_shipped
    from thidua.awards.models import AwardForm, Nomination, Nominee
    from thidua.core.text import fold

    province = small_province()
    award_forms_load_shipped()
    campaign = CampaignFactory(
        issuer_unit=province.root, start=dt.date(2024, 11, 1), end=dt.date(2025, 9, 30)
    )
    phases = [
        PhaseFactory(campaign=campaign, code="dot-1", name="Đợt 1", start=dt.date(2024, 11, 1),
                     end=dt.date(2025, 4, 30), end_precision="day"),
        PhaseFactory(campaign=campaign, code="dot-2", name="Đợt 2", start=dt.date(2025, 5, 1),
                     end=dt.date(2025, 9, 30), end_precision="day", position=2),
    ]  # fmt: skip
    officer = member(province.health)
    nominees = Nominee.objects.bulk_create(
        [Nominee(kind="individual", name=_name(n), search_key=fold(_name(n)),
                 unit=province.health, birth_year=1970 + n % 30) for n in range(existing)],
        batch_size=2000,
    )  # fmt: skip
    form = AwardForm.objects.get(code="bang-khen-tinh")
    Nomination.objects.bulk_create(
        [Nomination(campaign=campaign, phase=phases[1], proposer_unit=province.health,
                    grantor_unit=province.root, nominee=n, form=form, created_by=officer)
         for n in nominees],
        batch_size=2000,
    )  # fmt: skip
    return {"unit": province.health, "campaign": campaign, "officer": officer}


def _file(rows: int, existing: int) -> bytes:
    from openpyxl import Workbook

    from thidua.awards.excel import COLUMNS, SHEET

    book = Workbook(write_only=True)
    sheet = book.create_sheet(SHEET)
    sheet.append([label for _key, label in COLUMNS])
    known = min(existing, rows // 10)
    for n in range(rows):
        number = n if n < known else existing + n
        sheet.append([_name(number), "Cá nhân", "Nữ" if n % 2 else "Nam", 1970 + number % 30,
                      "Chuyên viên", f"Phòng {n % 12 + 1}", "Bằng khen UBND tỉnh", "Đợt 1",
                      "Thi đua theo chuyên đề, theo đợt",
                      "Hoàn thành xuất sắc nhiệm vụ được giao trong đợt thi đua."])  # fmt: skip
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _timed(fn: Any) -> tuple[float, int, Any]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        answer = fn()
        seconds = time.perf_counter() - started
    return seconds, len(captured), answer


def bench_import(world: dict[str, Any], rows: int, existing: int) -> dict[str, Any]:
    from django.db import transaction

    from thidua.awards.excel import import_nominations

    content = _file(rows, existing)

    def run() -> Any:
        return import_nominations(by=world["officer"], campaign=world["campaign"],
                                  unit=world["unit"], stream=io.BytesIO(content),
                                  size=len(content))  # fmt: skip

    with transaction.atomic():
        seconds, queries, result = _timed(run)
        transaction.set_rollback(True)
    return {"job": "nominations import", "rows": rows, "existing nominees": existing,
            "seconds": round(seconds, 2), "queries": queries, "created": result.created,
            "errors": len(result.errors), "bytes": len(content),
            "first error": result.errors[0] if result.errors else ""}  # fmt: skip


def bench_job(world: dict[str, Any], rows: int, existing: int) -> dict[str, Any]:
    """The upload request (a job and a redirect), then the job's task in this process."""
    from django.test import Client
    from django.urls import reverse

    from thidua.awards.models import Nomination
    from thidua.core.import_tasks import import_job_run
    from thidua.core.models import ExportJob

    content = _file(rows, existing)
    upload = io.BytesIO(content)
    upload.name = "danh-sach.xlsx"
    client = Client()
    client.force_login(world["officer"])
    url = reverse("awards:excel_upload")
    query = f"?unit={world['unit'].pk}&campaign={world['campaign'].pk}"
    seconds, queries, answer = _timed(lambda: client.post(url + query, {"file": upload}))
    assert answer.status_code == 302, answer.status_code
    job = ExportJob.objects.order_by("-pk").first()
    assert job is not None
    before = Nomination.objects.count()
    task_seconds, task_queries, _state = _timed(lambda: import_job_run.call(job.pk))
    job.refresh_from_db()
    created = Nomination.objects.count() - before
    return {"job": "nominations import as a job", "rows": rows, "state": job.state,
            "request_seconds": round(seconds, 2), "request_queries": queries,
            "task_seconds": round(task_seconds, 2), "task_queries": task_queries,
            "created": created, "error": job.error}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--existing", type=int, default=5000)
    parser.add_argument("--json", default="")
    args = parser.parse_args()
    django_setup(fresh=True)
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["*"]
    world = _world(args.existing)
    results = []
    for rows in args.rows:
        results.append(bench_import(world, rows, args.existing))
        print(results[-1], flush=True)
    results.append(bench_job(world, max(args.rows), args.existing))
    print(results[-1], flush=True)
    if args.json:
        with open(args.json, "w") as out:
            json.dump(results, out, indent=1, ensure_ascii=False, default=str)


if __name__ == "__main__":
    main()
