"""A slow task for the worker tests: it writes each step to a file, with the pid of the
worker process that runs it, so a test can see who started, resumed and finished it."""

from __future__ import annotations

import os
import time
from pathlib import Path

from django_tasks import task


def _note(log: str, line: str) -> None:
    with Path(log).open("a", encoding="utf-8") as handle:
        handle.write(f"{line} {os.getpid()}\n")


@task()
def slow_steps(log: str, steps: int) -> int:
    """Sleep ``steps`` quarter-seconds, noting the start, each step and the end."""
    _note(log, "start")
    for number in range(steps):
        time.sleep(0.25)
        _note(log, f"step{number}")
    _note(log, "done")
    return steps
