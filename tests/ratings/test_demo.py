"""The ratings demo on the loaded demo units: idempotent, computes titles for 2025."""

from __future__ import annotations

import pytest

from thidua.campaigns.selectors import regular_campaign
from thidua.organisations.models import Unit
from thidua.ratings.demo import annual_demo
from thidua.ratings.models import AnnualRating, CollectiveRating, Initiative
from thidua.ratings.selectors import unit_year

pytestmark = pytest.mark.demo_database("users")


def test_the_demo_rates_the_three_units_and_a_second_run_adds_nothing(db: None) -> None:
    lines = annual_demo(2025)
    counts = (AnnualRating.objects.count(), Initiative.objects.count())

    again = annual_demo(2025)

    assert any("Sở Y tế" in line for line in lines)
    assert (AnnualRating.objects.count(), Initiative.objects.count()) == counts
    assert all("0 xếp loại mới" in line for line in again if "người" in line)
    assert CollectiveRating.objects.filter(year=2025).count() == 3
    assert regular_campaign(Unit.objects.get(code="86"), 2025).illustrative is True


def test_the_demo_gives_r4_and_r7_a_history(db: None) -> None:
    annual_demo(2025)

    health = unit_year(Unit.objects.get(code="86-SYT"), 2025)
    commune = unit_year(Unit.objects.get(code="29308"), 2025)

    def verdicts(rows, initiative):  # type: ignore[no-untyped-def]
        row = next(r for r in rows if initiative in r.initiatives)
        return {v.form: v for v in row.verdicts}

    first = verdicts(health.rows, "Ứng dụng bệnh án điện tử tại tuyến xã")
    assert first["cstd-tinh"].ok is True, first["cstd-tinh"].reason
    assert first["bang-khen-tinh"].ok is True
    sang = verdicts(commune.rows, "Tổ tiếp nhận hồ sơ lưu động ở ấp")
    assert sang["bang-khen-tinh"].ok is True, sang["bang-khen-tinh"].reason
    assert any(v.ok for v in health.collective)
