"""Fixtures of the report page tests: the reports tests' KH 128-like campaign, its
periods and people, frozen at Tuesday 10/12/2024 09:00 (Vietnam time) — inside Quý
IV/2024, five days before its due date 15/12/2024 (a Sunday).

The pages are read as each role reads them: assertions are on the Vietnamese text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

import pytest

from tests.browser.conftest import _static_root, browser  # noqa: F401  (browser journey)
from tests.factories import TargetFactory
from tests.pages.conftest import csp_problems, page_text, signed_in
from tests.reports.conftest import (  # noqa: F401  (shared fixtures)
    Kh,
    People,
    at,
    generated,
    kh,
    other_province,
    people,
    put_in_state,
    report_of,
)
from thidua.reports.models import ReportPeriod, UnitReport
from thidua.targets.models import Target, TargetValue

__all__ = [
    "HX",
    "Kh",
    "People",
    "at",
    "csp_problems",
    "form_data",
    "page_text",
    "put_in_state",
    "report_of",
    "signed_in",
    "target_with_values",
]


@pytest.fixture(autouse=True)
def _frozen_time() -> Iterator[None]:
    with at(2024, 12, 10, 9):
        yield


@pytest.fixture
def q4(generated: list[ReportPeriod]) -> ReportPeriod:  # noqa: F811  (the fixture)
    """Quý IV/2024: 01/10–31/12/2024, due Sunday 15/12/2024."""
    return generated[0]


def form_data(report: UnitReport, plan: Kh, **extra: str) -> dict[str, str]:
    """A filled report form: a summary, the first area's narrative and one figure."""
    data = {
        "summary": "Sở Y tế hoàn thành 2 công trình chào mừng Đại hội.",
        f"area_{plan.areas[0].pk}": "Khám sàng lọc miễn phí cho 1.200 người dân.",
        "figure_name_0": "Số lượt khám",
        "figure_value_0": "1.234,5",
    }
    data.update(extra)
    return data


#: Headers of an HTMX request (django-htmx reads HX-Request).
HX = {"HX-Request": "true"}


def target_with_values(campaign, code: str = "CT01", **kw: object) -> Target:  # type: ignore[no-untyped-def]
    """A campaign target (≥ 1.000 tỷ đồng by 2025) with two yearly values from Sở Tài chính."""
    target = TargetFactory(
        campaign=campaign,
        code=code,
        position=kw.pop("position", 1),
        indicator=kw.pop("indicator", "Thu ngân sách nhà nước trên địa bàn"),
        value=Decimal("1000"),
        measure_unit="tỷ đồng",
        period_to=dt.date(2025, 1, 1),
        period_to_precision="year",
        **kw,
    )
    for year, amount in ((2023, "900"), (2024, "1234.5")):
        TargetValue.objects.create(
            target=target,
            unit=campaign.issuer_unit,
            value=Decimal(amount),
            period_start=dt.date(year, 1, 1),
            period_end=dt.date(year, 12, 31),
            label=f"Năm {year}",
            is_estimate=year == 2024,
            source="Sở Tài chính",
        )
    return target
