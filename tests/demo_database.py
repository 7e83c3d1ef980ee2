"""The Trà Vinh demo, loaded once per test session and shared by the tests that read it.

Loading the demo costs about a minute (the Trà Vinh units, KH 128, some sixty demo users
hashed with the project's real password hasher, the works with their photos, the report
history, the commendation chain). A test module that reads it says how far it needs it::

    pytestmark = pytest.mark.demo_database("works")

and asks for the ``demo`` fixture (what the first load returned) and ``db``. The stages
are loaded in the order of ``demo_setup``, each on top of the one before:

    campaign   the units (Vĩnh Long 86, Trà Vinh, the 2025 successions) and KH 128
    groups     + the 2024/2025 clusters and blocks
    users      + the demo users
    works      + the demo works of every state
    reports    + the report periods and the report history
    awards     + the awards demo (nominations in every open state)
    councils   + the council demo (a held session, a planned one)
    decisions  + the decisions demo (the issued decision 1234/QĐ-UBND)
    vinh_long  + the present-day demo: Vĩnh Long and its illustrative 2026 campaign
    annual     + Vĩnh Long's annual cycle of 2025 (registration → decisions, statistics)
    setup      + ``demo_setup --force`` itself (scoring, reviews, exemplars, plan import …)

How the sharing works, and why it is safe:

- The stages are written inside one transaction, opened the first time a marked module
  starts, with a savepoint after each stage. Each test runs inside pytest-django's own
  transaction nested in it (a savepoint) and rolls back: whatever a test writes is gone,
  the demo stays.
- A module that needs an earlier stage rolls back to that stage's savepoint; a module that
  is not marked rolls the whole transaction back before it starts, so no other test ever
  sees the demo.
- The marked modules run first, in the order of their stages, so each stage is loaded
  once. Under pytest-xdist they are one ``xdist_group``: with ``--dist loadgroup`` (as
  ``make test`` runs) one worker loads the demo while the others run the rest.
- Tests that need a transactional database (``transactional_db``, ``live_server``) cannot
  read the demo: their flush would empty the database under the open transaction.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

KH128 = "kh-128-2024-tra-vinh"
MARKER = "demo_database"


@dataclass
class DemoRun:
    """What the first load of each stage returned: a second run, inside a test, must add
    nothing. ``media`` holds the demo's files (each test has its own MEDIA_ROOT)."""

    media: Path
    campaign_pk: int = 0
    works_created: int = 0
    reports_written: int = 0
    lines: dict[str, str] = field(default_factory=dict)


def _campaign(run: DemoRun) -> None:
    from thidua.campaigns.models import Campaign
    from thidua.desk.demo_units import demo_units_load

    demo_units_load(io.StringIO())
    call_command("campaign", "load", "kh-128", stdout=io.StringIO())
    run.campaign_pk = Campaign.objects.get(code=KH128).pk


def _groups(run: DemoRun) -> None:
    call_command("units", "load-groups", "tra-vinh", stdout=io.StringIO())


def _users(run: DemoRun) -> None:
    from thidua.desk.demo_users import demo_users_ensure

    demo_users_ensure()


def _works(run: DemoRun) -> None:
    from thidua.works.demo import demo_works_ensure

    run.works_created = demo_works_ensure(_kh128(run))


def _reports(run: DemoRun) -> None:
    from thidua.core.event_time import events_dated
    from thidua.reports.demo import demo_reports_ensure
    from thidua.reports.services import report_periods_generate

    campaign = _kh128(run)
    with events_dated(campaign.doc_date):
        report_periods_generate(campaign)
    run.reports_written = demo_reports_ensure(campaign)


def _app_demo(app: str) -> Callable[[DemoRun], None]:
    def load(run: DemoRun) -> None:
        from importlib import import_module

        run.lines[app] = import_module(f"thidua.{app}.demo").demo_ensure(_kh128(run))

    return load


def _vinh_long(run: DemoRun) -> None:
    from thidua.desk.demo_vinh_long import vinh_long_demo_ensure

    run.lines["vinh_long"] = "\n".join(vinh_long_demo_ensure())


def _annual(run: DemoRun) -> None:
    from thidua.desk.demo_annual import annual_demo_ensure

    run.lines["annual"] = "\n".join(annual_demo_ensure())


def _setup(run: DemoRun) -> None:
    call_command("demo_setup", "--force", stdout=io.StringIO())


def _kh128(run: DemoRun) -> Any:
    from thidua.campaigns.models import Campaign

    return Campaign.objects.get(pk=run.campaign_pk)


STAGES: dict[str, Callable[[DemoRun], None]] = {
    "campaign": _campaign,
    "groups": _groups,
    "users": _users,
    "works": _works,
    "reports": _reports,
    "awards": _app_demo("awards"),
    "councils": _app_demo("councils"),
    "decisions": _app_demo("decisions"),
    "vinh_long": _vinh_long,
    "annual": _annual,
    "setup": _setup,
}


class DemoDatabase:
    """The demo stages loaded so far, in one open transaction with a savepoint each."""

    def __init__(self, blocker: Any, media: Path) -> None:
        self._blocker = blocker
        self._media = media
        self._atomic: Any = None
        self._savepoints: list[str] = []
        self.run = DemoRun(media)

    def upto(self, stage: str) -> DemoRun:
        """Load the stages up to ``stage`` (rolling back any later one) and say what the
        first load returned."""
        names = list(STAGES)
        wanted = names.index(stage) + 1
        with self._blocker.unblock(), override_settings(MEDIA_ROOT=self._media):
            if self._atomic is None:
                self._atomic = transaction.atomic()
                self._atomic.__enter__()
            if len(self._savepoints) > wanted:
                del self._savepoints[wanted:]
                transaction.savepoint_rollback(self._savepoints[-1])
            for name in names[len(self._savepoints) : wanted]:
                STAGES[name](self.run)
                self._savepoints.append(transaction.savepoint())
        return self.run

    def release(self) -> None:
        """Roll the whole demo back: the database is as empty as before."""
        if self._atomic is None:
            return
        with self._blocker.unblock():
            transaction.set_rollback(True)
            self._atomic.__exit__(None, None, None)
        self._atomic = None
        self._savepoints = []
        self.run = DemoRun(self._media)


_SESSION = pytest.StashKey[DemoDatabase]()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{MARKER}(stage): the module reads the Trà Vinh demo loaded once per session up to "
        "that stage (tests/demo_database.py)",
    )


def _stage(node: pytest.Item | pytest.Module) -> str | None:
    marker = node.get_closest_marker(MARKER)
    if marker is None:
        return None
    stage = marker.args[0]
    if stage not in STAGES:
        raise pytest.UsageError(f"{node.nodeid}: unknown demo stage {stage!r}: {list(STAGES)}")
    return str(stage)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The demo modules first, in the order of their stages, as one xdist group."""
    order = list(STAGES)
    demo = []
    for item in items:
        stage = _stage(item)
        if stage is None:
            continue
        module = item.getparent(pytest.Module)
        if module is None or _stage(module) != stage:
            raise pytest.UsageError(
                f"{item.nodeid}: mark the whole module with {MARKER}(...), not one test"
            )
        item.add_marker(pytest.mark.xdist_group(MARKER))
        demo.append(item)
    ranked = {id(item): order.index(_stage(item) or "") for item in demo}
    rest = [item for item in items if id(item) not in ranked]
    items[:] = sorted(demo, key=lambda item: ranked[id(item)]) + rest


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Roll the demo back before an unmarked test's fixtures are set up, not only in its
    module's fixture: a session fixture it asks for first (``live_server``) would start
    while the demo's transaction is still open and end it, and the release would then fail
    ("The rollback flag doesn't work outside of an 'atomic' block")."""
    if _stage(item) is None:
        loaded = item.config.stash.get(_SESSION, None)
        if loaded is not None:
            loaded.release()


@pytest.fixture(scope="session")
def _demo_database(
    request: pytest.FixtureRequest,
    django_db_setup: None,
    django_db_blocker: Any,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[DemoDatabase]:
    """The session's demo database; released before the test database is destroyed."""
    database = DemoDatabase(django_db_blocker, tmp_path_factory.mktemp("demo-media"))
    request.config.stash[_SESSION] = database
    yield database
    database.release()
    del request.config.stash[_SESSION]


@pytest.fixture(scope="module", autouse=True)
def _demo_database_stage(request: pytest.FixtureRequest) -> DemoRun | None:
    """Before each module: the demo up to the module's stage, or no demo at all."""
    stage = _stage(request.node)
    if stage is None:
        loaded = request.config.stash.get(_SESSION, None)
        if loaded is not None:
            loaded.release()
        return None
    database: DemoDatabase = request.getfixturevalue("_demo_database")
    return database.upto(stage)


@pytest.fixture
def demo(_demo_database_stage: DemoRun | None, db: None) -> DemoRun:
    """What the first load of the demo returned (the module's stage and those before)."""
    if _demo_database_stage is None:
        pytest.fail(f"mark the module with {MARKER}(stage) to read the demo")
    return _demo_database_stage
