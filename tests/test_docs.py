"""The docs stay true: settings, commands, links, the README's first screen, the demo users."""

from __future__ import annotations

import ast
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from thidua.accounts.demo import DEMO_PASSWORD
from thidua.accounts.models import Membership, Scope, User
from thidua.councils.demo import COUNCIL_PREFIX
from thidua.reports.demo import HEAD_PREFIX

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = ROOT / "docs"
SETTINGS = ROOT / "src" / "thidua" / "settings.py"
OPERATIONS = DOCS / "operations.md"

_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)")
_IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")


def _text(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def env_vars_read(source: str) -> set[str]:
    """Names of the environment variables a settings module reads.

    Finds ``os.environ.get("X")``, ``os.environ["X"]``, ``os.getenv("X")`` and
    ``_env_bool("X", …)``; ``dj_database_url.config()`` reads ``DATABASE_URL`` (or the
    ``env=`` it is given).
    """
    names: set[str | None] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            func = ast.unparse(node.func)
            if func in {"os.environ.get", "os.getenv", "_env_bool"} and node.args:
                names.add(_text(node.args[0]))
            elif func == "dj_database_url.config":
                env = [_text(k.value) for k in node.keywords if k.arg == "env"]
                names.add(env[0] if env else "DATABASE_URL")
        elif isinstance(node, ast.Subscript) and ast.unparse(node.value) == "os.environ":
            names.add(_text(node.slice))
    return {name for name in names if name}


def management_commands(src: Path) -> set[str]:
    """The management commands of thidua's own apps (``<app>/management/commands/*.py``)."""
    return {
        path.stem
        for path in src.glob("*/management/commands/*.py")
        if not path.stem.startswith("_")
    }


def all_docs_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in [README, *sorted(DOCS.glob("*.md"))])


def demo_table(readme: str) -> list[list[str]]:
    """The rows of the README's demo sign-ins table: username, role, unit, sees."""
    section = readme.split("## Demo sign-ins", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        if line.startswith("| `"):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            rows.append([cells[0].strip("`"), *cells[1:]])
    return rows


def test_env_vars_read_finds_every_form() -> None:
    source = (
        "import os\nimport dj_database_url\n"
        'A = os.environ.get("ONE", "x")\nB = os.environ["TWO"]\nC = os.getenv("THREE")\n'
        'D = _env_bool("FOUR", False)\nE = dj_database_url.config(default="sqlite://")\n'
        'F = os.environ.get("ONE_MORE").split(",")\n'
    )

    found = env_vars_read(source)

    assert found == {"ONE", "TWO", "THREE", "FOUR", "DATABASE_URL", "ONE_MORE"}


def test_settings_env_vars_found() -> None:
    found = env_vars_read(SETTINGS.read_text(encoding="utf-8"))

    assert {"THIDUA_DATA_DIR", "THIDUA_SECRET_KEY", "THIDUA_DEBUG", "DATABASE_URL"} <= found


def test_operations_documents_every_settings_env_var() -> None:
    text = OPERATIONS.read_text(encoding="utf-8")

    missing = sorted(
        name
        for name in env_vars_read(SETTINGS.read_text(encoding="utf-8"))
        if f"`{name}`" not in text
    )

    assert missing == [], f"add these settings to docs/operations.md: {missing}"


def test_management_commands_found_in_apps(tmp_path: Path) -> None:
    commands = tmp_path / "app" / "management" / "commands"
    commands.mkdir(parents=True)
    for name in ("__init__", "_helpers", "tidy_up"):
        (commands / f"{name}.py").write_text("", encoding="utf-8")

    assert management_commands(tmp_path) == {"tidy_up"}
    assert "demo_setup" in management_commands(ROOT / "src" / "thidua")


def test_docs_mention_every_management_command() -> None:
    text = all_docs_text()

    missing = sorted(
        name
        for name in management_commands(ROOT / "src" / "thidua")
        if not re.search(rf"(`|thidua ){re.escape(name)}\b", text)
    )

    assert missing == [], f"describe these commands in docs/ or README.md: {missing}"


def test_readme_first_screen_has_the_two_commands() -> None:
    first_screen = "\n".join(README.read_text(encoding="utf-8").splitlines()[:40])

    assert "make demo" in first_screen
    assert "make test" in first_screen


def test_readme_images_exist() -> None:
    images = _IMAGE.findall(README.read_text(encoding="utf-8"))

    missing = [image for image in images if not (ROOT / image).is_file()]

    assert images, "the README shows a screenshot"
    assert missing == [], f"images referenced by README.md but missing: {missing}"


@pytest.mark.parametrize(
    "page", [README, *sorted(DOCS.glob("*.md"))], ids=lambda p: p.relative_to(ROOT).as_posix()
)
def test_doc_links_point_to_existing_files(page: Path) -> None:
    targets = [
        link.split("#", 1)[0]
        for link in _LINK.findall(page.read_text(encoding="utf-8"))
        if not re.match(r"^(https?:|mailto:|#)", link)
    ]

    missing = [target for target in targets if not (page.parent / target).exists()]

    assert missing == [], f"{page.name} links to missing files: {missing}"


def test_readme_demo_table_matches_demo_setup(db: None) -> None:
    rows = demo_table(README.read_text(encoding="utf-8"))

    call_command("demo_setup", "--force", stdout=StringIO())

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
