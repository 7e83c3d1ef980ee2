"""The README's table of demo sign-ins is what ``demo_setup`` creates. The demo is loaded
once per session by ``demo_setup --force`` (tests/demo_database.py, stage "setup")."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import global_settings

from tests.demo_database import DemoRun
from thidua.accounts.demo import DEMO_PASSWORD
from thidua.accounts.models import Membership, Scope, User
from thidua.councils.demo import COUNCIL_PREFIX
from thidua.reports.demo import HEAD_PREFIX

README = Path(__file__).resolve().parent.parent / "README.md"

pytestmark = pytest.mark.demo_database("setup")


def demo_table(readme: str) -> list[list[str]]:
    """The rows of the README's demo sign-ins table: username, role, unit, sees."""
    section = readme.split("## Demo sign-ins", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        if line.startswith("| `"):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            rows.append([cells[0].strip("`"), *cells[1:]])
    return rows


def test_readme_demo_table_matches_demo_setup(demo: DemoRun, settings) -> None:
    # The demo was loaded with the project's hashers, before the tests' fast MD5 one.
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS
    rows = demo_table(README.read_text(encoding="utf-8"))

    assert f"`{DEMO_PASSWORD}`" in README.read_text(encoding="utf-8")
    # The heads of the reporting units (reports.demo) are described in one sentence.
    heads = User.objects.filter(username__startswith=HEAD_PREFIX)
    assert "`tt_<mã đơn vị>`" in README.read_text(encoding="utf-8")
    assert heads.count() == Membership.objects.filter(user__in=heads, role="unit_head").count()
    # The other members of the provincial council (councils.demo), in one sentence too.
    council = User.objects.filter(username__startswith=COUNCIL_PREFIX)
    assert "`hd_<…>`" in README.read_text(encoding="utf-8")
    assert set(council.values_list("memberships__role", flat=True)) == {"council_member"}
    others = User.objects.exclude(pk__in=heads).exclude(pk__in=council)
    assert sorted(row[0] for row in rows) == sorted(others.values_list("username", flat=True))
    for username, role, unit, sees in rows:
        user = User.objects.get(username=username)
        memberships = list(Membership.objects.filter(user=user).select_related("unit"))
        assert user.check_password(DEMO_PASSWORD), username
        assert [(m.get_role_display(), m.unit.name) for m in memberships] == [(role, unit)]
        assert (memberships[0].scope == Scope.SUBTREE) == ("subtree" in sees), username
