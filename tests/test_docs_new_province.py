"""docs/operations.md's "Một tỉnh mới trong một buổi chiều", run as written.

The commands of the section's fenced blocks run in order, in a copy of the folder of
example files the section names, on an empty test database; then the province works: its
units, its departments, the campaign, the accounts (which sign in with the initial
passwords the import wrote), the year's clusters and blocks, the reports. A step left out
of the docs, or a command that breaks, fails this test.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from thidua.accounts.models import Membership, Role, User
from thidua.campaigns.models import Campaign
from thidua.organisations.divisions import package_dataset
from thidua.organisations.models import EmulationGroup, Unit
from thidua.reports.models import UnitReport

ROOT = Path(__file__).resolve().parent.parent
OPERATIONS = ROOT / "docs" / "operations.md"
EXAMPLES = ROOT / "docs" / "examples" / "tinh-moi"
DATA = ROOT / "src" / "thidua" / "organisations" / "data"
TITLE = "## Một tỉnh mới trong một buổi chiều"
PREFIX = ["python", "-m", "thidua"]
#: What a new province needs, in this order: each must be a command of the section.
STEPS = [
    "awards load-forms",
    "units load vn",
    "units load don-vi-tinh.yaml",
    "campaign load",
    "accounts import",
    "units load-groups",
    "reports generate",
]


def section_text() -> str:
    text = OPERATIONS.read_text(encoding="utf-8")
    start = text.index(TITLE)
    end = text.find("\n## ", start + len(TITLE))
    return text[start : end if end != -1 else None]


def section_commands(section: str) -> list[list[str]]:
    """Every command line of the section's ```sh blocks, split as a shell would."""
    blocks = re.findall(r"```sh\n(.*?)```", section, flags=re.DOTALL)
    lines = [line.strip() for block in blocks for line in block.splitlines()]
    return [shlex.split(line, comments=True) for line in lines if line and not line.startswith("#")]


def steps_missing(commands: list[list[str]]) -> list[str]:
    """The ``STEPS`` no command starts with, or that come out of order."""
    joined = [" ".join(command[3:]) for command in commands if command[:3] == PREFIX]
    found = [next((i for i, c in enumerate(joined) if c.startswith(s)), None) for s in STEPS]
    missing = [step for step, at in zip(STEPS, found, strict=True) if at is None]
    placed = [at for at in found if at is not None]
    return missing or ([] if placed == sorted(placed) else ["(out of order)"])


def test_section_commands_are_thidua_commands_covering_every_step():
    commands = section_commands(section_text())

    assert all(command[:3] == PREFIX for command in commands), commands
    assert steps_missing(commands) == []


def test_a_step_removed_is_noticed():
    section = section_text()
    without_groups = section.replace("python -m thidua units load-groups", "echo skipped")
    reordered = section.replace("units load vn --province 86", "reports generate x", 1)

    assert steps_missing(section_commands(without_groups)) == ["units load-groups"]
    assert steps_missing(section_commands(reordered)) != []


def test_example_units_and_groups_are_the_shipped_templates():
    assert (EXAMPLES / "don-vi-tinh.yaml").read_bytes() == (
        DATA / "template-province-units.yaml"
    ).read_bytes()
    assert (EXAMPLES / "cum-khoi-2026.yaml").read_bytes() == (
        DATA / "template-province-groups.yaml"
    ).read_bytes()


@pytest.mark.django_db
def test_new_province_steps_run_as_written(tmp_path, monkeypatch, client):
    folder = tmp_path / "tinh-moi"
    shutil.copytree(EXAMPLES, folder)
    monkeypatch.chdir(folder)

    for command in section_commands(section_text()):
        call_command(*command[3:])

    vinh_long = next(p for p in package_dataset().provinces if p.code == "86")
    province = Unit.objects.get(code="86")
    assert Unit.objects.filter(parent=province, kind="commune").count() == len(vinh_long.communes)
    assert Unit.objects.get(code="86-SYT-BVDK").parent.code == "86-SYT"
    campaign = Campaign.objects.get(code="vi-du-tinh-moi-2026")
    assert campaign.issuer_unit == province
    groups = EmulationGroup.objects.filter(year=2026).order_by("code")
    assert [g.code for g in groups] == ["CUM-PHUONG", "CUM-XA-1", "KHOI-DT", "KHOI-SO"]
    assert UnitReport.objects.filter(period__campaign=campaign).count() > 0
    passwords = list(
        load_workbook(folder / "mat-khau-ban-dau.xlsx").active.iter_rows(values_only=True)
    )
    accounts = {row[0]: row[4] for row in passwords[1:] if row[0] and row[4]}
    assert len(accounts) == User.objects.count() == 6
    assert all(User.objects.get(username=u).check_password(p) for u, p in accounts.items())
    assert Membership.objects.get(user__username="bantdkt.vl").role == Role.SECRETARIAT
    login = {"username": "bantdkt.vl", "password": accounts["bantdkt.vl"]}
    assert client.post(reverse("accounts:login"), login).status_code == 302
    home = client.get(reverse("core:home")).content.decode()
    assert "Trần Thị Mai" in home
    assert "vi-du-tinh-moi-2026" in home or "01/KH-UBND" in home
