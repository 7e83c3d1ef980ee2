"""Django set-up for the national benchmark: PostgreSQL only (``DATABASE_URL``)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def django_setup(*, fresh: bool = False, migrate: bool = True) -> None:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("set DATABASE_URL to a scratch PostgreSQL database (postgres://…/thidua_bench)")
    if fresh:
        import psycopg

        base, name = url.rsplit("/", 1)
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")
    # THIDUA_SRC: measure another checkout's code (e.g. main's, for "before") on the same data.
    sys.path.insert(0, os.environ.get("THIDUA_SRC", str(ROOT / "src")))
    import django

    django.setup()
    if migrate:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
