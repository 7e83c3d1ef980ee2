"""The docs stay true: settings, commands, links, the README's first screen, the demo users."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

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
