"""DESIGN.md's import rules, read from the source (ast, nothing is executed).

Core knows no domain app; organisations knows no campaign or award; the API has a kit
that knows no app and a root that imports the apps, and no app imports the root; no cycle
between apps; public reads, never writes. Every import counts, those inside functions
and under ``TYPE_CHECKING`` too: the map is the code's, not the import order's.
"""

from __future__ import annotations

import ast
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "thidua"

#: The API kit (viewsets, pagination, errors) counts as an app of its own: apps import it.
KIT = "api.kit"
#: The API root (urls, docs, auth): it imports the apps, so no app may import it.
API_ROOT = "api"
#: What organisations may build on: it knows no campaign, award or other domain app.
ORGANISATIONS_BASE = {"core", "accounts", KIT}
#: Modules that write: public reads, never writes.
WRITERS = ("services", "workflow")


@dataclass(frozen=True)
class Import:
    """One import statement's target, where it is written."""

    source: str  # the importing module, e.g. "thidua.core.views"
    target: str  # the imported name, e.g. "thidua.accounts.models.Role"
    module: str  # the module the statement names, e.g. "thidua.accounts.models"
    file: Path
    line: int

    def __str__(self) -> str:
        return f"{self.file.relative_to(SRC.parent)}:{self.line} imports {self.target}"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def app_of(name: str) -> str | None:
    """The app a dotted name belongs to (``thidua.works.forms`` → ``works``); the API kit
    is ``api.kit``; the project's own modules (settings, urls) are no app."""
    parts = name.split(".")
    if parts[0] != "thidua" or len(parts) < 2 or not (PACKAGE / parts[1]).is_dir():
        return None
    if parts[1] == "api" and parts[2:3] == ["kit"]:
        return KIT
    return parts[1]


def _targets(node: ast.Import | ast.ImportFrom, package: str) -> Iterator[tuple[str, str]]:
    """(imported name, module named) for each name the statement imports."""
    if isinstance(node, ast.Import):
        yield from ((alias.name, alias.name) for alias in node.names)
        return
    base = node.module or ""
    if node.level:  # relative: resolved against the importing package
        anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
        base = ".".join([*anchor, base] if base else anchor)
    for alias in node.names:
        yield (base if alias.name == "*" else f"{base}.{alias.name}"), base


@cache
def imports() -> tuple[Import, ...]:
    """Every import of every module under src/thidua, function-local ones included."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        source = module_name(path)
        package = source if path.name == "__init__.py" else source.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import | ast.ImportFrom):
                found += [
                    Import(source, target, module, path, node.lineno)
                    for target, module in _targets(node, package)
                ]
    return tuple(found)


@cache
def app_edges() -> dict[tuple[str, str], list[Import]]:
    """Imports from one app into another, by (importing app, imported app)."""
    edges: dict[tuple[str, str], list[Import]] = {}
    for found in imports():
        here, there = app_of(found.source), app_of(found.target)
        if here and there and here != there:
            edges.setdefault((here, there), []).append(found)
    return edges


def imports_from(app: str) -> list[Import]:
    return [found for (here, _), listed in app_edges().items() if here == app for found in listed]


def _report(offending: list[Import], rule: str) -> str:
    lines = "\n".join(f"  {found}" for found in offending)
    return f"{rule}; these imports break it:\n{lines}"


def find_cycle(edges: set[tuple[str, str]]) -> list[str] | None:
    """One cycle of the graph as its path (``[a, b, a]``), or None when there is none."""
    graph: dict[str, list[str]] = {}
    for here, there in sorted(edges):
        graph.setdefault(here, []).append(there)
    state: dict[str, str] = {}
    path: list[str] = []

    def visit(app: str) -> list[str] | None:
        state[app] = "open"
        path.append(app)
        for there in graph.get(app, []):
            if state.get(there) == "open":
                return [*path[path.index(there) :], there]
            if there not in state and (cycle := visit(there)):
                return cycle
        state[app] = "done"
        path.pop()
        return None

    for app in sorted(graph):
        if app not in state and (cycle := visit(app)):
            return cycle
    return None


def test_the_walk_sees_imports_everywhere() -> None:
    command = "thidua.plan_import.management.commands.campaign"

    edges = app_edges()
    local = [f.target for f in imports() if f.source == command and f.target.endswith("read_plan")]

    assert ("works", "campaigns") in edges
    assert ("api", "works") in edges  # the root imports the apps
    assert local == ["thidua.plan_import.reading.read_plan"]  # inside a function


def test_every_import_of_thidua_names_a_module_that_exists() -> None:
    def exists(module: str) -> bool:
        path = SRC.joinpath(*module.split("."))
        return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()

    missing = [f for f in imports() if f.module.startswith("thidua.") and not exists(f.module)]

    assert missing == [], _report(missing, "a module moved: import it from its new place")


def test_core_imports_no_app() -> None:
    offending = imports_from("core")

    assert offending == [], _report(offending, "core knows no domain app (DESIGN.md)")


def test_organisations_imports_no_campaign_award_or_other_domain_app() -> None:
    offending = [
        f for f in imports_from("organisations") if app_of(f.target) not in ORGANISATIONS_BASE
    ]

    assert offending == [], _report(
        offending, "organisations knows no campaign or award: it builds on core and accounts only"
    )


def test_the_api_kit_imports_no_app() -> None:
    offending = [found for found in imports_from(KIT) if app_of(found.target) != "core"]

    assert offending == [], _report(offending, "the API kit (thidua.api.kit) knows no app")


def test_no_app_imports_the_api_root() -> None:
    offending = [
        found
        for (here, there), listed in app_edges().items()
        if there == API_ROOT and here != KIT
        for found in listed
    ]
    offending += [f for f in imports_from(KIT) if app_of(f.target) == API_ROOT]

    assert offending == [], _report(
        offending, "no app imports the API root (thidua.api): import the kit, thidua.api.kit"
    )


def test_no_cycle_between_apps() -> None:
    edges = app_edges()

    cycle = find_cycle(set(edges))

    if cycle is not None:
        steps = "\n".join(
            f"  {here} → {there}: {edges[here, there][0]}"
            for here, there in itertools.pairwise(cycle)
        )
        raise AssertionError(f"a cycle between apps: {' → '.join(cycle)}\n{steps}")


def test_find_cycle_reports_the_path() -> None:
    assert find_cycle({("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")}) == ["a", "b", "c", "a"]
    assert find_cycle({("a", "b"), ("b", "c"), ("a", "c")}) is None


def test_public_never_calls_a_service() -> None:
    offending = [
        found
        for found in imports()
        if app_of(found.source) == "public"
        and any(part in WRITERS for part in found.target.split(".")[2:])
    ]

    assert offending == [], _report(offending, "public reads, never writes: it calls no service")


def test_every_app_api_is_collected_by_the_root() -> None:
    apis = {module_name(path) for path in PACKAGE.glob("*/api.py")}
    root = {found.target for found in imports() if found.source == "thidua.api.urls"}

    missing = sorted(api for api in apis if api not in root)

    assert missing == [], f"thidua/api/urls.py collects every app's register(router): {missing}"
