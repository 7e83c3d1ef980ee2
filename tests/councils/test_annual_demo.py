"""The annual demo of councils: the standing councils of Vĩnh Long, Sở Y tế and two
communes with their rosters, idempotent."""

from __future__ import annotations

import datetime as dt

import pytest

from thidua.councils.demo import annual_demo
from thidua.councils.models import Council, CouncilRosterEvent, MemberRole
from thidua.councils.roster import seats_in_force

pytestmark = pytest.mark.demo_database("users")


def test_the_annual_demo_seats_four_standing_councils(db):
    lines = annual_demo(2025)

    councils = {c.unit.code: c for c in Council.objects.select_related("unit")}
    assert {"86", "86-SYT", "29308", "29329"} <= set(councils)
    assert len(lines) == 4
    province = councils["86"]
    assert province.term_from == dt.date(2025, 7, 1)
    assert province.decision_number == "1502/QĐ-UBND"
    commune = councils["29308"]
    chair = commune.seats.get(role=MemberRole.CHAIR)
    assert chair.name == "Kim Văn Phước" and chair.position == "Chủ tịch UBND xã"
    # The Tỉnh Đoàn seat changes hands on 15/10/2025: ten seats before and after.
    before = [s.name for s in seats_in_force(province, dt.date(2025, 10, 14))]
    after = [s.name for s in seats_in_force(province, dt.date(2025, 10, 15))]
    assert "Nguyễn Thanh Tâm" in before and "Lâm Hoàng Phúc" not in before
    assert "Lâm Hoàng Phúc" in after and "Nguyễn Thanh Tâm" not in after
    assert len(before) == len(after) == 10
    # Dated on the days of the story, never after today.
    days = {e.at.date() for e in CouncilRosterEvent.objects.filter(council__in=councils.values())}
    assert min(days) >= dt.date(2025, 7, 1) and max(days) <= dt.date(2026, 12, 7)

    assert annual_demo(2025) == []
    assert annual_demo(2026) == []
    assert annual_demo(2024) == []
