"""The real worker killed mid-task: the task runs again once its lease expired, by one
worker only, and finishes once (issue 15, item 5).

Everything runs in subprocesses on a SQLite database of their own (the test database
of pytest lives in this process): one to create the tables and queue the task, two
``python -m thidua db_worker`` processes, and one to read the task's result."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LEASE = 1.5
WORKER = (sys.executable, "-m", "thidua", "db_worker", "--no-reload", "--no-startup-delay")
WORKER += ("--interval", "0.2", "--verbosity", "0")


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "data").mkdir()
    values = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    values |= {
        "THIDUA_DATA_DIR": str(tmp_path / "data"),
        "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT}",
        "THIDUA_TASK_LEASE_SECONDS": str(LEASE),
        "THIDUA_TASK_MAX_ATTEMPTS": "3",
    }
    return values


def _thidua(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(  # noqa: S603 - our own program, run with this Python
        [sys.executable, "-m", "thidua", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture
def workers(env: dict[str, str]) -> Iterator[Callable[[str], subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []

    def start(worker_id: str) -> subprocess.Popen[bytes]:
        process = subprocess.Popen(  # noqa: S603 - our own program, run with this Python
            [*WORKER, "--worker-id", worker_id],
            env=env,
            cwd=ROOT,
        )
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)


def _lines(log: Path) -> list[str]:
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def _wait_for(log: Path, word: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(line.startswith(word) for line in _lines(log)):
            return
        time.sleep(0.1)
    pytest.fail(f"no {word!r} in {_lines(log)} after {timeout} s")


SETUP = """
from django.core.management import call_command
call_command("migrate", "core", verbosity=0)
call_command("migrate", "django_tasks_database", verbosity=0)
from tests.core.lease_tasks import slow_steps
print(slow_steps.enqueue({log!r}, 40).id)
"""
READ = """
import json
from django_tasks_db.models import DBTaskResult
from thidua.core.models import TaskLease
r = DBTaskResult.objects.get(pk={task_id!r})
print(json.dumps({{"status": r.status, "workers": r.worker_ids, "value": r.return_value,
                  "leases": TaskLease.objects.count()}}))
"""


def test_worker_killed_mid_task_the_task_finishes_once(
    env: dict[str, str], workers: Callable[[str], subprocess.Popen[bytes]], tmp_path: Path
) -> None:
    log = tmp_path / "steps.log"
    task_id = _thidua(env, "shell", "-c", SETUP.format(log=str(log))).strip().splitlines()[-1]
    first = workers("worker-a")
    _wait_for(log, "step2")
    second = workers("worker-b")
    time.sleep(LEASE * 3)  # the first worker renews its lease: the second must wait
    assert [line for line in _lines(log) if line.startswith("start")] == [f"start {first.pid}"]

    os.kill(first.pid, signal.SIGKILL)
    first.wait(timeout=30)
    _wait_for(log, "done")
    time.sleep(LEASE * 2)  # nobody runs it a third time
    output = _thidua(env, "shell", "-c", READ.format(task_id=task_id))
    result = json.loads(output.strip().splitlines()[-1])

    lines = _lines(log)
    assert [line for line in lines if line.startswith("start")] == [
        f"start {first.pid}",
        f"start {second.pid}",
    ]
    assert [line for line in lines if line.startswith("done")] == [f"done {second.pid}"]
    assert result == {
        "status": "SUCCESSFUL",
        "workers": ["worker-a", "worker-b"],
        "value": 40,
        "leases": 0,
    }
