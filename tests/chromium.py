"""Browser tests drive Debian's Chromium through Playwright; nothing is downloaded.

A pytest plugin (tests/conftest.py lists it in ``pytest_plugins``), so every folder's
browser journey gets these fixtures without importing them.

pytest-playwright's own ``browser`` fixture would launch a browser it downloads itself
(never: ``playwright install`` is not used here), so ``browser`` is replaced by one that
launches /usr/bin/chromium. Without that binary the tests are skipped, unless
THIDUA_REQUIRE_BROWSER=1 asks for them to fail instead (CI sets it).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

# Playwright's sync API runs an event loop in the test thread; Django refuses ORM calls
# from a thread with a running loop unless told this is intended (it is: test set-up).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

# Assertions wait up to 15 s for the page, not Playwright's 5: a page that reads a whole
# plan or builds a document takes seconds on a machine busy with other test workers.
expect.set_options(timeout=15_000)

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session", autouse=True)
def _static_root(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """WhiteNoise warns (an error here) when STATIC_ROOT does not exist before collectstatic.

    Session-wide, because the live server (session-scoped) builds its handler once.
    """
    from django.conf import settings

    previous = settings.STATIC_ROOT
    settings.STATIC_ROOT = tmp_path_factory.mktemp("static")
    yield
    settings.STATIC_ROOT = previous


@pytest.fixture(scope="session")
def browser(playwright: Any) -> Iterator[Any]:
    """Debian Chromium, launched once per session (overrides pytest-playwright's)."""
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing: install Debian's chromium package to run browser tests"
        if os.environ.get("THIDUA_REQUIRE_BROWSER") == "1":
            pytest.fail(reason + " (THIDUA_REQUIRE_BROWSER=1)")
        pytest.skip(reason)
    launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield launched
    launched.close()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that drives Chromium (its fixtures reach ``browser``, as ``page`` does)
    carries the ``browser`` mark: ``-m "not browser"`` leaves out all of them, none else."""
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if "browser" in names:
            item.add_marker(pytest.mark.browser)
