"""The Makefile's promises that no other test sees: the demo's public address."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _make_value(variable: str, *args: str, env: dict[str, str] | None = None) -> str:
    make = shutil.which("make")
    if make is None:
        pytest.skip("GNU make is not installed")
    probe = f'probe: ; @echo "$${variable}"'
    result = subprocess.run(  # noqa: S603  (a fixed command line, our own Makefile)
        [make, "--no-print-directory", "-s", f"--eval={probe}", "probe", *args],
        cwd=ROOT,
        env=env if env is not None else {k: v for k, v in os.environ.items() if k != variable},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_demo_public_address_follows_its_port() -> None:
    assert _make_value("THIDUA_PUBLIC_BASE_URL") == "http://127.0.0.1:8000"
    assert _make_value("THIDUA_PUBLIC_BASE_URL", "PORT=8123") == "http://127.0.0.1:8123"


def test_a_public_address_set_by_the_operator_is_kept() -> None:
    env = {**os.environ, "THIDUA_PUBLIC_BASE_URL": "https://tdkt.vinhlong.gov.vn"}

    value = _make_value("THIDUA_PUBLIC_BASE_URL", "PORT=8123", env=env)

    assert value == "https://tdkt.vinhlong.gov.vn"
