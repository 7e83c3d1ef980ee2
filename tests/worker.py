"""The real task worker, run once in the test's process: it takes every queued task of
the test database, runs it and stops (``db_worker --batch``)."""

from __future__ import annotations

from django.core.management import call_command


def run_worker() -> None:
    """Run the queued tasks to the end, as ``db_worker`` does on a server."""
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
