"""Time the batch jobs of issue #16 on the dataset of ``generate.py``.

- ``export``: the award history XLSX export of province 1's Ban TĐKT through Django's
  test client: the request (a job beyond ``settings.EXPORT_DIRECT_ROWS`` rows), then the
  job's task (``--export-rows`` is ignored: an export has no cap since issue #16).
- ``import``: a works registration file of ``--import-rows`` rows for province 1's
  officer's commune, into a campaign holding ``--works`` works of other units (made
  once, kept), first as uploaded (look-alikes found: the file is refused, nothing saved)
  then confirmed (every row saved; rolled back after the run).
- ``eligibility``: the reviewer's checks of ``--checks`` nominations of the review queue,
  set-based (``check_nominations``: the whole list at once), then ``--one-by-one`` of them
  one at a time (``check_nomination``, as before issue #16) with the results compared.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/thidua_h9 \\
        PYTHONPATH=. .venv/bin/python bench/national/batch.py --only import
"""

from __future__ import annotations

import argparse
import io
import json
import random
import time
from typing import Any

from bench.national.setup import django_setup

WORDS = ["Nâng cấp", "Xây dựng", "Sửa chữa", "Trồng cây", "Lắp đặt", "Bê tông hóa", "Nạo vét"]
THINGS = ["đường giao thông", "nhà văn hóa", "kênh thủy lợi", "cầu dân sinh", "điện chiếu sáng",
          "trường mẫu giáo", "trạm y tế", "sân thể thao", "chợ", "cống thoát nước"]  # fmt: skip
PLACES = ["ấp Phú Hòa", "ấp Bình Tân", "khóm 3", "ấp Mỹ Lợi", "tổ 7", "ấp Tân Quy", "ấp Long Hậu"]


def _title(rng: random.Random, n: int) -> str:
    return f"{rng.choice(WORDS)} {rng.choice(THINGS)} {rng.choice(PLACES)} số {n}"


def _timed(fn: Any) -> tuple[float, int, Any]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        answer = fn()
        seconds = time.perf_counter() - started
    return seconds, len(captured), answer


def bench_export(rows: int) -> dict[str, Any]:
    """The request (a file at once up to ``settings.EXPORT_DIRECT_ROWS``, else a job and a redirect),
    then the job's task run here in the process (as ``db_worker`` runs it); ``rows`` is
    kept for the command line only: an export has no cap since issue #16."""
    from django.test import Client
    from django.urls import reverse
    from openpyxl import load_workbook

    from thidua.accounts.models import User
    from thidua.core.export_tasks import export_job_run
    from thidua.core.models import ExportJob

    client = Client()
    client.force_login(User.objects.get(username="bench-sec-1"))
    seconds, queries, answer = _timed(lambda: client.get(reverse("decisions:history_xlsx")))
    task_seconds = 0.0
    content = answer.content
    if answer.status_code == 302:
        job = ExportJob.objects.order_by("-pk").first()
        assert job is not None
        task_seconds, _queries, _state = _timed(lambda: export_job_run.call(job.pk))
        job.refresh_from_db()
        with job.result.open("rb") as handle:
            content = handle.read()
        job.result.delete(save=False)
    else:
        assert answer.status_code == 200, answer.status_code
    sheet = load_workbook(io.BytesIO(content), read_only=True).worksheets[0]
    written = sum(1 for _ in sheet.iter_rows(min_row=2, values_only=True))
    return {"job": "history export", "rows": written, "request_seconds": round(seconds, 2),
            "request_queries": queries, "task_seconds": round(task_seconds, 2),
            "bytes": len(content)}  # fmt: skip


def _ensure_works(campaign: Any, count: int, rng: random.Random) -> None:
    """``count`` works of the campaign's province, registered by its communes."""
    from thidua.accounts.models import User
    from thidua.core.text import fold
    from thidua.organisations.models import Unit, UnitKind
    from thidua.works.models import Work

    have = Work.objects.filter(campaign=campaign).count()
    if have >= count:
        return
    root = campaign.issuer_unit
    communes = list(Unit.objects.filter(kind=UnitKind.COMMUNE, path__startswith=root.path)[1:])
    actor = User.objects.get(username="bench-admin")
    works = []
    for n in range(have, count):
        unit = rng.choice(communes)
        title = _title(rng, 100000 + n)
        works.append(Work(campaign=campaign, unit=unit, registrant_unit=unit,
                          approver_unit=unit.parent or root, kind="construction", title=title,
                          search_text=fold(title), planned_start="2024-12-01",
                          planned_finish="2025-04-30", created_by=actor))  # fmt: skip
    Work.objects.bulk_create(works, batch_size=2000)


def bench_import(rows: int, works: int) -> list[dict[str, Any]]:
    from django.db import transaction
    from openpyxl import load_workbook

    from thidua.accounts.models import Membership, Role
    from thidua.campaigns.models import Campaign
    from thidua.works import excel

    rng = random.Random(9)
    campaign = Campaign.objects.get(code="bench-1")
    _ensure_works(campaign, works, rng)
    membership = Membership.objects.select_related("user", "unit").get(
        user__username="bench-officer-1", role=Role.UNIT_OFFICER
    )
    officer, unit = membership.user, membership.unit
    book = load_workbook(io.BytesIO(excel.registration_template(campaign, unit)))
    sheet = book[excel.REGISTER_SHEET]
    for offset in range(rows):
        values = [offset + 1, "Công trình", _title(rng, offset), "", None, None, "12,5",
                  "Ngân sách xã", "01/12/2024", "30/04/2025", "dot-1", None]  # fmt: skip
        for column, value in enumerate(values, start=1):
            sheet.cell(row=excel.FIRST_DATA_ROW + offset, column=column, value=value)
    buffer = io.BytesIO()
    book.save(buffer)
    content = buffer.getvalue()
    results = []
    for confirm in (False, True):

        def run(confirm: bool = confirm) -> Any:
            return excel.registration_import(
                actor=officer, campaign=campaign, unit=unit, content=content,
                confirm_similar=confirm,
            )  # fmt: skip

        with transaction.atomic():
            seconds, queries, result = _timed(run)
            transaction.set_rollback(True)
        results.append({"job": "works import" + (" (confirmed)" if confirm else ""),
                        "rows": rows, "existing works": works, "seconds": round(seconds, 2),
                        "queries": queries, "created": result.created,
                        "errors": len(result.errors), "bytes": len(content),
                        "first error": str(result.errors[0]) if result.errors else ""})  # fmt: skip
    return results


def _vary(nominations: list[Any]) -> str:
    """Give the queue what the checks read (the generated rows are alike): the phase's
    award date, a quota of the form, the three dossier files on every third nomination,
    a hold on every tenth nominee (open or ended), the merit basis on every fifth (R8's
    counter and R7's route read the award records and ratings). Rolled back after."""
    import datetime as dt

    from thidua.accounts.models import User
    from thidua.awards.models import (
        AwardBasis,
        DossierFile,
        Hold,
        Nomination,
        PhaseAwardDate,
        Quota,
    )

    first = nominations[0]
    PhaseAwardDate.objects.get_or_create(
        phase_id=first.phase_id, defaults={"review_on": dt.date(2025, 5, 15)}
    )
    Quota.objects.create(campaign_id=first.campaign_id, form_id=first.form_id, maximum=500)
    admin = User.objects.get(username="bench-admin")
    files = [DossierFile(nomination=n, kind=kind, file=f"bench/{n.pk}-{kind}.pdf",
                         original_name=f"{kind}.pdf", content_type="application/pdf",
                         size=1000, sha256="0" * 64, uploaded_by=admin)
             for n in nominations[::3] for kind in ("cover", "report", "minutes")]  # fmt: skip
    DossierFile.objects.bulk_create(files, batch_size=5000)
    holds = [Hold(nominee_id=n.nominee_id, kind="discipline", start=dt.date(2024, 1, 1),
                  end=None if k % 2 else dt.date(2025, 1, 15), source="Bench")
             for k, n in enumerate(nominations[::10])]  # fmt: skip
    Hold.objects.bulk_create(holds, batch_size=5000)
    merit = [n.pk for n in nominations[::5]]
    Nomination.objects.filter(pk__in=merit).update(basis=AwardBasis.MERIT)
    for n in nominations[::5]:
        n.basis = AwardBasis.MERIT
    return (f"award date, a quota of 500, {len(files)} files, {len(holds)} holds, "
            f"{len(merit)} merit nominations")  # fmt: skip


def bench_eligibility(checks: int, one_by_one: int) -> list[dict[str, Any]]:
    """The first ``checks`` nominations of province 1's review queue, made varied
    (``_vary``), checked set-based (``check_nominations``, what the queue page and the
    API list now do), then the first ``one_by_one`` of them one at a time
    (``check_nomination``, what the detail page and each workflow step do); both must
    give the same results. Everything is rolled back."""
    from django.db import transaction
    from django.utils import timezone

    from thidua.accounts.models import User
    from thidua.awards.selectors import review_queue

    user = User.objects.get(username="bench-sec-1")
    today = timezone.localdate()
    with transaction.atomic():
        read, read_queries, nominations = _timed(lambda: list(review_queue(user)[:checks]))
        varied = _vary(nominations)
        sample = list(review_queue(user)[:one_by_one])  # fresh: nothing loaded yet
        results = _eligibility(nominations, sample, today, read, read_queries, varied)
        transaction.set_rollback(True)
    return results


def _eligibility(nominations: list[Any], sample: list[Any], today: Any, read: float,
                 read_queries: int, varied: str) -> list[dict[str, Any]]:  # fmt: skip
    from thidua.awards.eligibility import (
        check_nomination,
        check_nominations,
        expected_decision_date,
    )

    seconds, queries, together = _timed(lambda: check_nominations(nominations, today=today))
    count = len(nominations)
    results = [{"job": "eligibility checks, set-based", "checks": count,
                "seconds": round(seconds, 2), "queries": queries,
                "results": sum(len(r) for r in together),
                "blocking": sum(1 for r in together for c in r if c.blocks),
                "ms_each": round(1000 * seconds / max(count, 1), 3),
                "queue read (s)": round(read, 2), "queue read (queries)": read_queries,
                "varied": varied}]  # fmt: skip

    def alone() -> list[Any]:
        return [check_nomination(n, as_of=expected_decision_date(n, today), today=today)
                for n in sample]  # fmt: skip

    seconds, queries, each = _timed(alone)
    assert each == together[: len(sample)], "set-based results differ from one at a time"
    results.append({"job": "eligibility checks, one at a time", "checks": len(sample),
                    "seconds": round(seconds, 2), "queries": queries,
                    "ms_each": round(1000 * seconds / max(len(sample), 1), 1),
                    "queries_each": round(queries / max(len(sample), 1), 1),
                    "same results": True})  # fmt: skip
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="export, import or eligibility")
    parser.add_argument("--export-rows", type=int, default=20000)
    parser.add_argument("--import-rows", type=int, default=10000)
    parser.add_argument("--works", type=int, default=20000)
    parser.add_argument("--checks", type=int, default=10000)
    parser.add_argument("--one-by-one", type=int, default=200)
    parser.add_argument("--json", default="")
    args = parser.parse_args()
    django_setup(migrate=False)
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["*"]
    results: list[dict[str, Any]] = []
    if args.only in ("", "export"):
        results.append(bench_export(args.export_rows))
        print(results[-1], flush=True)
    if args.only in ("", "import"):
        for result in bench_import(args.import_rows, args.works):
            results.append(result)
            print(result, flush=True)
    if args.only in ("", "eligibility"):
        for result in bench_eligibility(args.checks, args.one_by_one):
            results.append(result)
            print(result, flush=True)
    if args.json:
        with open(args.json, "w") as out:
            json.dump(results, out, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
