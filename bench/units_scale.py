"""Unit visibility at national scale: how long the selectors take with ~14.000 units.

Usage: .venv/bin/python bench/units_scale.py [--provinces 34] [--communes 98]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--provinces", type=int, default=34)
    parser.add_argument("--communes", type=int, default=98, help="communes per province")
    parser.add_argument("--agencies", type=int, default=300, help="other units per province")
    args = parser.parse_args()
    if "DATABASE_URL" not in os.environ:
        os.environ["THIDUA_DATA_DIR"] = tempfile.mkdtemp(prefix="thidua-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    from thidua.accounts.models import Membership, Role, Scope, User
    from thidua.organisations.models import Unit
    from thidua.organisations.selectors import unit_tree, units_visible_to

    if not Unit.objects.filter(code="B0").exists():
        started = time.perf_counter()
        for p in range(args.provinces):
            root = Unit.objects.create(code=f"B{p}", name=f"Tỉnh {p}", kind="province")
            for a in range(args.agencies):
                Unit.objects.create(code=f"B{p}-A{a}", name=f"Cơ quan {a}", kind="department",
                                    parent=root)
            for c in range(args.communes):
                Unit.objects.create(code=f"B{p}-X{c}", name=f"Xã Cầu Kè {c}", kind="commune",
                                    parent=root)
        print(f"built {Unit.objects.count()} units in {time.perf_counter() - started:.1f}s")
    secretariat, _ = User.objects.get_or_create(username="bench-secretariat")
    Membership.objects.get_or_create(user=secretariat, unit=Unit.objects.get(code="B3-A0"),
                                     role=Role.SECRETARIAT)
    commune, _ = User.objects.get_or_create(username="bench-commune")
    Membership.objects.get_or_create(user=commune, unit=Unit.objects.get(code="B3-X5"),
                                     role=Role.UNIT_OFFICER, scope=Scope.UNIT)

    def measure(label: str, fn) -> None:  # type: ignore[no-untyped-def]
        times = []
        for _ in range(5):
            for user in (secretariat, commune):
                user.__dict__.pop("_thidua_reach", None)
            t = time.perf_counter()
            result = fn()
            times.append((time.perf_counter() - t) * 1000)
        print(f"| {label:<42} | {result:>6} | {statistics.median(times):8.1f} ms |")

    print(f"database: {connection.vendor}, units: {Unit.objects.count()}")
    print("| measurement | rows | median |")
    print("|---|---|---|")
    measure("secretariat: count visible units", lambda: units_visible_to(secretariat).count())
    measure("commune officer: count visible units", lambda: units_visible_to(commune).count())
    measure("secretariat: tree search 'cau ke 5'",
            lambda: len(unit_tree(secretariat, search="cau ke 5")))
    measure("commune officer: tree page", lambda: len(unit_tree(commune)))


if __name__ == "__main__":
    main()
