"""Time the pages and API lists of issue #16 on the dataset of ``generate.py``.

For each page: p50 and p95 over ``--repeat`` requests through Django's test client (in
process, no HTTP), the number of SQL queries, and the ratio to a bare view measured in
the same process. Prints a table and writes JSON (``--json``).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/thidua_h6 \
        PYTHONPATH=. .venv/bin/python bench/national/run.py --repeat 15
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from typing import Any

from bench.national.setup import django_setup


def _time(fn: Any, repeat: int) -> tuple[float, float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    fn()  # warm the caches and the plan
    times = []
    queries = 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            answer = fn()
            times.append((time.perf_counter() - started) * 1000)
        assert answer.status_code == 200, (answer.status_code, answer.content[:300])
        queries = len(captured)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times), p95, queries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--json", default="")
    parser.add_argument("--only", default="", help="run the pages whose label contains this")
    args = parser.parse_args()
    django_setup(migrate=False)
    from django.conf import settings
    from django.http import HttpResponse
    from django.test import Client, RequestFactory
    from django.urls import reverse

    settings.ALLOWED_HOSTS = ["*"]
    from thidua.accounts.models import User

    def client(username: str) -> Client:
        c = Client()
        c.force_login(User.objects.get(username=username))
        return c

    sec, admin, anon = client("bench-sec-1"), client("bench-admin"), Client()
    pages = [
        ("Decisions list (Ban TĐKT)", sec, reverse("decisions:index"), {}),
        ("Decisions list (admin)", admin, reverse("decisions:index"), {}),
        ("API /decisions/ (Ban TĐKT)", sec, "/api/v1/decisions/", {}),
        ("API /certificates/ (Ban TĐKT)", sec, "/api/v1/certificates/", {}),
        ("Review queue (Ban TĐKT)", sec, reverse("awards:review_queue"), {}),
        ("Review queue (admin)", admin, reverse("awards:review_queue"), {}),
        ("API /nominations/ (Ban TĐKT)", sec, "/api/v1/nominations/", {}),
        ("API /nominations/ (admin)", admin, "/api/v1/nominations/", {}),
        ("Award history (Ban TĐKT)", sec, reverse("decisions:history"), {}),
        ("History search 'nguyen van an'", sec, reverse("decisions:history"),
         {"q": "nguyen van an"}),
        ("History search 'thao 1234'", sec, reverse("decisions:history"), {"q": "thao 1234"}),
        ("Public decisions page", anon, reverse("public:decisions"), {}),
    ]  # fmt: skip
    bare = RequestFactory().get("/")

    def bare_view() -> HttpResponse:
        return HttpResponse("ok")

    base, _p95, _q = _time(lambda: bare_view(), max(args.repeat, 50))
    rows = []
    for label, c, url, params in pages:
        if args.only and args.only not in label:
            continue
        p50, p95, queries = _time(lambda c=c, url=url, params=params: c.get(url, params), args.repeat)
        rows.append({"page": label, "p50_ms": round(p50, 1), "p95_ms": round(p95, 1),
                     "queries": queries, "x_bare": round(p50 / base)})  # fmt: skip
        print(f"| {label} | {p50:.0f} | {p95:.0f} | {queries} |", flush=True)
    del bare
    if args.json:
        with open(args.json, "w") as out:
            json.dump({"bare_view_ms": base, "pages": rows}, out, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
