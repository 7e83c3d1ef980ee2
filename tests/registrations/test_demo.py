"""The demo's annual registrations of Sở Y tế (86-SYT), Xã Cầu Kè (29308) and Xã Phong
Thạnh (29329), on the shared demo database."""

from __future__ import annotations

import datetime as dt

import pytest

from thidua.accounts.models import User
from thidua.desk.demo_users import VINH_LONG_USERS, demo_users_ensure
from thidua.registrations.demo import annual_demo
from thidua.registrations.models import Registration, RegistrationEvent, RegistrationState

pytestmark = pytest.mark.demo_database("users")


def test_annual_demo_registers_the_three_units(demo):
    demo_users_ensure(VINH_LONG_USERS)
    # Xã Phong Thạnh's head is the demo user chutich_pt_vl (desk.demo_users).
    phong_thanh_head = User.objects.get(username="chutich_pt_vl")

    lines_2025 = annual_demo(2025)
    lines_2026 = annual_demo(2026)
    again = annual_demo(2026)

    assert len(lines_2025) == 3 and len(lines_2026) == 3
    assert again == []
    rows = Registration.objects.filter(unit__code__in=["86-SYT", "29308"], year=2025)
    assert {r.unit.code: r.state for r in rows} == {
        "86-SYT": RegistrationState.ACCEPTED,
        "29308": RegistrationState.ACCEPTED,
    }
    syt = rows.get(unit__code="86-SYT")
    assert syt.submitted_by.username == "thutruong_syt_vl"
    assert syt.submitted_at.date() == dt.date(2025, 7, 16)
    assert "sau sắp xếp" in syt.note
    assert syt.entries.filter(form__code="cstd-tinh").count() == 1
    assert syt.entries.filter(nominee__kind="collective").count() == 2
    phong_thanh = Registration.objects.get(unit__code="29329", year=2026)
    assert phong_thanh.submitted_by == phong_thanh_head
    assert phong_thanh.entries.count() == 4
    cau_ke_2026 = Registration.objects.get(unit__code="29308", year=2026)
    assert cau_ke_2026.submitted_by.username == "chutich_xa_vl"
    submit = RegistrationEvent.objects.get(registration=cau_ke_2026, kind="submit")
    assert submit.at.date() == dt.date(2026, 2, 5)


def test_annual_demo_skips_a_unit_without_a_head(demo):
    lines = annual_demo(2026)

    assert any("29329" in line or "Phong Thạnh" in line for line in lines)
    skipped = [line for line in lines if "bỏ qua" in line]
    assert skipped  # no demo head for every unit without the Vĩnh Long users
    assert not Registration.objects.filter(unit__code="29329", year=2026).exists()
