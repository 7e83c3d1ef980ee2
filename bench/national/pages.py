"""Time every main page and API list of thidua on the datasets of ``dataset.py``, at two
scales in one run (issue #16).

For each page and each database: p50 and p95 over ``--repeat`` requests through
Django's test client (in process, no HTTP; the first request warms the caches and is
not counted), the SQL queries, and the ratio of p50 to a bare view timed in the same
process. Then one table: both scales side by side, the growth of p95 from the small to
the large one, and whether the queries stayed the same.

    PYTHONPATH=. .venv/bin/python bench/national/pages.py --repeat 20 \\
        --database postgres://postgres@127.0.0.1:5432/thidua_nat01 \\
        --database postgres://postgres@127.0.0.1:5432/thidua_nat1 \\
        --json bench/national/results-pages.json

Each database is measured by a child process of this script (``--one URL``), one after
the other, so that the two never share a cache.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

#: Pages a province's Ban TĐKT opens, by address (the first column of the table).
SECRETARIAT_PAGES = [
    "/", "/thong-bao/", "/lich-cong-viec/", "/don-vi/", "/phong-trao/", "/cong-trinh/",
    "/cong-trinh/duyet/", "/cong-trinh/theo-doi-dang-ky/", "/cong-trinh/so-theo-doi/",
    "/cong-trinh/bieu-do/", "/cong-trinh/vuot-tien-do/", "/bao-cao/", "/bao-cao/ky/",
    "/bao-cao/bang-dieu-khien/", "/chi-tieu/", "/chi-tieu/tong-hop/", "/khen-thuong/",
    "/khen-thuong/trinh-ky/", "/khen-thuong/tham-dinh/", "/khen-thuong/tong-quan/",
    "/khen-thuong/doi-tuong/", "/hoi-dong/", "/hoi-dong/thuong-truc/", "/quyet-dinh/",
    "/quyet-dinh/huy-bo/", "/quyet-dinh/lich-su/", "/quyet-dinh/lich-su/?q=nguyen+van+an",
    "/cham-diem/", "/so-ket/", "/dien-hinh/", "/de-nghi-cap-tren/", "/thong-ke-khen-thuong/",
    "/xep-loai/", "/xep-loai/sang-kien/", "/dang-ky-thi-dua/", "/nhap-ke-hoach/",
]  # fmt: skip
API_LISTS = [
    "campaigns", "units", "clusters", "works", "works/approval-queue", "report-periods",
    "reports", "targets", "target-values", "nominations", "nominees", "council-sessions",
    "councils", "decisions", "certificates", "revocations", "criteria-sets", "score-sheets",
    "rankings", "phase-reviews", "exemplars", "proposals", "statistics", "ratings",
    "initiatives", "registrations", "plan-imports",
]  # fmt: skip
PUBLIC_PAGES = ["/public/", "/public/cong-trinh/", "/public/dien-hinh/", "/public/xep-hang/",
                "/public/quyet-dinh/", "/public/cong-khai-de-nghi/"]  # fmt: skip
OFFICER_PAGES = ["/", "/cong-trinh/", "/bao-cao/", "/khen-thuong/", "/api/v1/works/",
                 "/api/v1/nominations/", "/api/v1/reports/"]  # fmt: skip


def _time(fn: Any, repeat: int) -> dict[str, Any]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    fn()  # warm the caches and the plan
    times, queries, status = [], 0, 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            answer = fn()
            times.append((time.perf_counter() - started) * 1000)
        queries, status = len(captured), answer.status_code
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return {"p50": statistics.median(times), "p95": p95, "queries": queries, "status": status}


def _details(province_root: Any) -> list[tuple[str, str, str]]:
    """Pages of one object each (the province's campaign, a decision, a nomination …)."""
    from thidua.campaigns.models import Campaign
    from thidua.decisions.models import Certificate, Decision
    from thidua.reports.models import ReportPeriod

    campaign = Campaign.objects.get(issuer_unit=province_root)
    decision = Decision.objects.filter(grantor_unit=province_root).order_by("pk").first()
    nomination = campaign.nominations.order_by("pk").first()
    period = ReportPeriod.objects.filter(campaign=campaign).order_by("year", "number").first()
    code = Certificate.objects.filter(entry__decision=decision).values_list("code", flat=True)[0]
    return [
        ("sec", f"/phong-trao/{campaign.pk}/", "/phong-trao/<its campaign>/"),
        ("sec", f"/quyet-dinh/{decision.pk}/", "/quyet-dinh/<a decision>/"),
        ("sec", f"/khen-thuong/de-nghi/{nomination.pk}/", "/khen-thuong/de-nghi/<a nomination>/"),
        ("sec", f"/bao-cao/ky/{period.pk}/", "/bao-cao/ky/<a quarter>/"),
        ("anon", f"/public/xac-minh/{code}/", "/public/xac-minh/<a certificate>/"),
    ]


def measure_one(repeat: int, only: list[str] | None = None) -> dict[str, Any]:
    """Every page on the database of ``DATABASE_URL`` (this process's)."""
    from bench.national.setup import django_setup

    django_setup(migrate=False)
    from django.conf import settings
    from django.http import HttpResponse
    from django.test import Client

    from thidua.accounts.models import Membership, User

    settings.ALLOWED_HOSTS = ["*"]

    def client(username: str | None) -> Client:
        c = Client()
        if username:
            c.force_login(User.objects.get(username=username))
        return c

    clients = {"sec": client("bench-sec-1"), "admin": client("bench-admin"),
               "officer": client("bench-officer-1"), "anon": client(None)}  # fmt: skip
    root = Membership.objects.get(user__username="bench-sec-1").unit.parent
    pages = [("sec", p, p) for p in SECRETARIAT_PAGES] + [
        ("admin", p, p) for p in SECRETARIAT_PAGES
    ]
    pages += [
        (who, f"/api/v1/{name}/", f"/api/v1/{name}/")
        for who in ("sec", "admin")
        for name in API_LISTS
    ]
    pages += [("officer", p, p) for p in OFFICER_PAGES] + [("anon", p, p) for p in PUBLIC_PAGES]
    pages += _details(root)  # the same page of another object at each scale: named, not addressed
    if only:  # --only: the pages whose "who url" contains one of these strings
        pages = [page for page in pages if any(o in f"{page[0]} {page[1]}" for o in only)]
    bare = _time(lambda: HttpResponse("ok"), max(repeat, 50))["p50"]
    rows = {}
    for who, url, name in pages:
        first = clients[who].get(url)
        if first.status_code == 302:  # a section's front page: time the page it opens
            url = first["Location"]
        result = _time(lambda c=clients[who], url=url: c.get(url), repeat)
        result["x_bare"] = round(result["p50"] / bare)
        rows[f"{who} {name}"] = result
        print(f"  {who:7} {url:45} {result['p50']:7.0f} {result['p95']:7.0f} ms "
              f"{result['queries']:3} q {result['status']}", file=sys.stderr, flush=True)  # fmt: skip
    return {"bare_view_ms": bare, "pages": rows}


def _scale_name(url: str) -> str:
    return url.rsplit("/", 1)[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", action="append", default=[], help="small scale first")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--json", default="")
    parser.add_argument("--one", default="", help=argparse.SUPPRESS)
    parser.add_argument(
        "--only", action="append", default=[], help='time only pages whose "who url" has this'
    )
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_one(args.repeat, args.only)))
        return
    results = {}
    for url in args.database:
        print(f"{_scale_name(url)}:", file=sys.stderr, flush=True)
        env = {**os.environ, "DATABASE_URL": url}
        child = subprocess.run(
            [sys.executable, __file__, "--one", url, "--repeat", str(args.repeat),
             *[f"--only={o}" for o in args.only]],
            env=env, check=True, capture_output=True, text=True,
        )  # fmt: skip
        results[_scale_name(url)] = json.loads(child.stdout.strip().splitlines()[-1])
    names = list(results)
    print("| page | " + " | ".join(f"{n} p50 / p95 (ms)" for n in names)
          + " | growth of p95 | queries |")  # fmt: skip
    print("|---|" + "---|" * (len(names) + 2))
    for key in results[names[0]]["pages"]:
        cells = [results[n]["pages"][key] for n in names]
        times = " | ".join(f"{c['p50']:.0f} / {c['p95']:.0f}" for c in cells)
        growth = cells[-1]["p95"] / cells[0]["p95"] if cells[0]["p95"] else 0
        queries = " → ".join(str(c["queries"]) for c in cells)
        bad = "" if all(c["status"] == 200 for c in cells) else f" ({cells[-1]['status']})"
        print(f"| {key}{bad} | {times} | {growth:.2f}× | {queries} |")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
