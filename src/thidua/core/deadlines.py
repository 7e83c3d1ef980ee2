"""The year's deadlines of a province, gathered from the apps that own them.

Core knows no domain app: each app that owns a deadline (the campaigns' phases, the
quarterly reports, the annual dossiers, the statistical report, the registrations …)
registers a provider in its ``AppConfig.ready()``::

    register_deadlines("reports", year_deadlines)

where ``year_deadlines(province, year, today) -> list[Deadline]`` lists the deadlines of
that app falling in ``year`` for the province unit ``province``, with who is late on
``today``. The Ban TĐKT's calendar (desk) asks every provider through ``year_deadlines``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class Deadline:
    """One deadline of the year: its ``day``, what is due (``title``), where the date
    comes from (``source``: an article, or the setting the Ban TĐKT confirms), and who is
    late on the day asked.

    ``late`` names the units (or the report) not done by a passed deadline; ``late_count``
    is their number (``None``: thidua does not track who is late for this deadline).
    ``setting`` says the date is the province's setting, not a rule of law.
    """

    day: dt.date
    title: str
    source: str
    late: tuple[str, ...] = field(default=())
    late_count: int | None = None
    url: str = ""
    setting: bool = False
    app: str = ""

    def passed(self, today: dt.date) -> bool:
        """True once the day is over."""
        return self.day < today


Provider = Callable[[Any, int, dt.date], list[Deadline]]

_PROVIDERS: dict[str, Provider] = {}


def register_deadlines(app: str, provider: Provider) -> None:
    """Offer ``provider``'s deadlines under ``app`` (called again: replaced, not doubled)."""
    _PROVIDERS[app] = provider


def providers() -> dict[str, Provider]:
    """The registered providers by app name (a copy)."""
    return dict(_PROVIDERS)


def year_deadlines(province: Any, year: int, *, today: dt.date) -> list[Deadline]:
    """Every registered app's deadlines of ``year`` for ``province``, by day then title.

    Each provider's queries do not grow with the number of deadlines it returns, so the
    calendar costs a fixed number of queries per app."""
    found: list[Deadline] = []
    for app, provider in sorted(_PROVIDERS.items()):
        found.extend(
            d if d.app else Deadline(**{**d.__dict__, "app": app})
            for d in provider(province, year, today)
        )
    return sorted(found, key=lambda d: (d.day, d.title))


def day_month_setting(name: str, default: tuple[int, int]) -> tuple[int, int]:
    """A yearly date (day, month) from setting ``name`` ("15/12"), or ``default``.

    For dates no law fixes: the province's setting, confirmed by its Ban TĐKT.
    ImproperlyConfigured when the value is not a day and month."""
    raw = getattr(settings, name, None)
    if raw in (None, ""):
        return default
    try:
        day_text, month_text = str(raw).split("/")
        day, month = int(day_text), int(month_text)
        dt.date(2024, month, day)  # a leap year: 29/02 is accepted
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be DD/MM, not {raw!r}") from exc
    return day, month


def day_in(year: int, day_month: tuple[int, int]) -> dt.date:
    """The (day, month) in ``year``; 29/02 falls back to 28/02 outside leap years."""
    day, month = day_month
    try:
        return dt.date(year, month, day)
    except ValueError:
        return dt.date(year, month, day - 1)
