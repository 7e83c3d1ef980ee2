"""Working days with the holiday calendar (R13), authority and rule versions by date (R1,
R2), reward amounts (R16)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import Province, UnitFactory
from thidua.awards.authority import authority_for, base_salary_on, reward_amount, rule_for
from thidua.awards.calendar import add_working_days, working_days_between
from thidua.organisations.models import UnitKind

pytestmark = pytest.mark.usefixtures("forms")
D = dt.date


def test_working_days_skip_weekends_and_tet() -> None:
    """10 working days from Thursday 23/01/2025 skip Tết (27–31/01) and two weekends."""
    assert add_working_days(D(2025, 1, 23), 10) == D(2025, 2, 13)
    assert add_working_days(D(2025, 1, 23), 1) == D(2025, 1, 24)
    assert working_days_between(D(2025, 1, 23), D(2025, 2, 13)) == 10


def test_makeup_saturday_counts_and_swapped_friday_does_not() -> None:
    """Saturday 26/4/2025 is worked in exchange for Friday 02/5/2025."""
    assert add_working_days(D(2025, 4, 25), 1) == D(2025, 4, 26)
    assert working_days_between(D(2025, 4, 29), D(2025, 5, 5)) == 1  # 30/4, 1/5, 2/5 off


def test_working_days_backwards_and_zero() -> None:
    assert add_working_days(D(2025, 5, 15), -10) == D(2025, 4, 28)  # 30/4–2/5 off
    assert add_working_days(D(2025, 5, 15), 0) == D(2025, 5, 15)
    assert working_days_between(D(2025, 5, 15), D(2025, 5, 14)) == -1


def test_district_chair_grants_giay_khen_until_30_june_2025(province: Province) -> None:
    district = UnitFactory(kind=UnitKind.DISTRICT, parent=province.root, valid_to=D(2025, 6, 30))

    before = authority_for(
        form="giay-khen", subject_kind="individual", grantor_unit=district, on=D(2025, 6, 30)
    )
    after = authority_for(
        form="giay-khen", subject_kind="individual", grantor_unit=district, on=D(2025, 7, 1)
    )

    assert before is not None and before.grantor_title == "Chủ tịch Ủy ban nhân dân huyện"
    assert after is None


def test_commune_chair_grants_cstdcs_from_1_july_2025(province: Province) -> None:
    commune = province.commune_a1

    before = authority_for(
        form="cstdcs", subject_kind="individual", grantor_unit=commune, on=D(2025, 6, 30)
    )
    after = authority_for(
        form="cstdcs", subject_kind="individual", grantor_unit=commune, on=D(2025, 7, 1)
    )
    ttldtt = authority_for(
        form="ttldtt", subject_kind="collective", grantor_unit=commune, on=D(2025, 7, 1)
    )

    assert before is None
    assert after is not None and "129/2025" in after.legal_basis
    assert ttldtt is not None


def test_authority_needs_the_subject_kind(province: Province) -> None:
    assert (
        authority_for(
            form="cstdcs", subject_kind="collective", grantor_unit=province.health, on=D(2025, 1, 1)
        )
        is None
    )
    assert authority_for(
        form="cstdcs", subject_kind="individual", grantor_unit=province.health, on=D(2025, 1, 1)
    )


def test_only_the_province_grants_bang_khen(province: Province) -> None:
    assert authority_for(
        form="bang-khen-tinh",
        subject_kind="household",
        grantor_unit=province.root,
        on=D(2025, 3, 1),
    )
    assert (
        authority_for(
            form="bang-khen-tinh",
            subject_kind="individual",
            grantor_unit=province.health,
            on=D(2025, 3, 1),
        )
        is None
    )


def test_rule_version_switches_on_1_july_2025() -> None:
    old, new = rule_for("bang-khen-tinh", D(2025, 6, 30)), rule_for("bang-khen-tinh", D(2025, 7, 1))

    assert old is not None and "98/2023" in old.legal_basis
    assert new is not None and "152/2025" in new.legal_basis


def test_reward_is_multiplier_times_base_salary() -> None:
    rule = rule_for("bang-khen-tinh", D(2025, 7, 1))
    assert rule is not None

    assert reward_amount(rule, "collective", D(2025, 7, 1)) == 7_020_000
    assert reward_amount(rule, "household", D(2025, 7, 1)) == 5_265_000
    assert reward_amount(rule, "individual", D(2024, 6, 30)) == 2_700_000
    assert base_salary_on(D(2023, 1, 1)) is None
