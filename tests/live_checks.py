"""Waiting for a nomination form's live checks before saving, in browser tests."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page


class LiveChecks:
    """The nomination form's live checks in flight (sent on each change, and 700 ms after
    typing). Saving waits until they have all answered: the SQLite test database (shared
    in-memory cache) refuses a write while another thread reads the same table, where a
    database file or PostgreSQL would wait."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.pending: set[Any] = set()
        page.on("request", lambda r: self.pending.add(r) if "/kiem-tra/" in r.url else None)
        page.on("requestfinished", lambda r: self.pending.discard(r))
        page.on("requestfailed", lambda r: self.pending.discard(r))

    def settle(self) -> None:
        self.page.wait_for_timeout(800)
        while self.pending:
            self.page.wait_for_timeout(50)
