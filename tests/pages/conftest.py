"""Fixtures for page tests: a small campaign world, the real KH 128 plan, HTML checks."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser

import pytest
import time_machine
from django.test import Client

from tests.conftest import Province
from tests.factories import CampaignFactory, PhaseFactory, ReportingRuleFactory, TargetFactory
from thidua.accounts.models import User
from thidua.campaigns.models import Campaign
from thidua.campaigns.services import SHIPPED, campaign_load_path
from thidua.organisations.loading import shipped_file
from thidua.organisations.services import units_load

VIETNAM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture(autouse=True)
def _static_root(settings, tmp_path) -> None:
    """WhiteNoise warns (an error here) when STATIC_ROOT does not exist before collectstatic."""
    settings.STATIC_ROOT = tmp_path


@pytest.fixture
def jan_2025() -> Iterator[None]:
    """Today is Friday 10/01/2025: Đợt 1 runs, the Q4/2024 report is past, Q1/2025 is next."""
    with time_machine.travel(dt.datetime(2025, 1, 10, 9, 0, tzinfo=VIETNAM), tick=False):
        yield


@pytest.fixture
def kh128(db: None) -> Campaign:
    """The Trà Vinh units and the shipped KH 128 campaign file, loaded by the real services."""
    path = shipped_file("tra-vinh")
    assert path is not None
    units_load(data=path.read_text(encoding="utf-8"), source_name=path.name)
    return campaign_load_path(SHIPPED["kh-128"])


@dataclass
class World:
    """A province campaign (two phases, three targets, quarterly reports) and one issued
    by district B, which a commune of district A must never see."""

    province: Province
    campaign: Campaign
    sibling: Campaign


def make_campaign(issuer, *, number: str, phases: int = 2, targets: int = 3, **kw) -> Campaign:
    """A campaign with ``phases`` phases, ``targets`` targets and a quarterly reporting rule."""
    campaign = CampaignFactory(issuer_unit=issuer, doc_number=number, **kw)
    bounds = [
        (dt.date(2024, 11, 1), "month", dt.date(2025, 4, 30)),
        (dt.date(2025, 5, 1), "month", dt.date(2025, 9, 30)),
        (dt.date(2025, 6, 1), "day", dt.date(2025, 7, 31)),
    ]
    for i in range(phases):
        start, precision, end = bounds[i % 3]
        PhaseFactory(
            campaign=campaign, code=f"dot-{i + 1}", name=f"Đợt {i + 1}", position=i,
            start=start, start_precision=precision, end=end,
        )  # fmt: skip
    for i in range(targets):
        TargetFactory(campaign=campaign, code=f"T{i + 1:02d}", position=i, value="99.5")
    ReportingRuleFactory(campaign=campaign)
    return campaign


@pytest.fixture
def world(province: Province) -> World:
    return World(
        province=province,
        campaign=make_campaign(
            province.root, number="128/KH-UBND", title="Thi đua chào mừng Đại hội"
        ),
        sibling=make_campaign(
            province.district_b, number="77/KH-UBND", title="Thi đua riêng của huyện Trà Cú"
        ),
    )


def signed_in(user: User) -> Client:
    """A test client signed in as ``user`` (force_login: axes needs a request to count)."""
    client = Client()
    client.force_login(user)
    return client


def page_text(response) -> str:
    """The visible text of an HTML response, whitespace collapsed (for content asserts)."""
    parser = _TextParser()
    parser.feed(response.content.decode())
    return re.sub(r"\s+", " ", " ".join(parser.parts)).strip()


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style", "title"}:
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in {"script", "style", "title"}:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


class InlineCodeFinder(HTMLParser):
    """Collects what a strict CSP (script-src 'self'; style-src 'self') would block."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        names = {name for name, _ in attrs}
        if "style" in names:
            self.problems.append(f"style= on <{tag}>")
        self.problems += [f"{name}= on <{tag}>" for name in names if name.startswith("on")]
        if tag == "style":
            self.problems.append("<style> element")
        if tag == "script":
            self._in_script = True
            if "src" not in names:
                self.problems.append("<script> without src")
        for name, value in attrs:
            if name in {"href", "src", "action"} and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.problems.append(f"javascript: URL on <{tag}>")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.problems.append("inline script content")


def csp_problems(response) -> list[str]:
    """Everything in the page a strict CSP would refuse, plus a missing CSP header."""
    finder = InlineCodeFinder()
    finder.feed(response.content.decode())
    header = response.headers.get("Content-Security-Policy", "")
    if "script-src 'self'" not in header or "style-src 'self'" not in header:
        finder.problems.append(f"CSP header missing or weak: {header!r}")
    return finder.problems
