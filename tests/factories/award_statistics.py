"""Test data of the annual statistical report: a province's known awards of 2025."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tests.factories import UnitFactory, member
from tests.factories.awards import AwardRecordFactory, NomineeFactory, form
from tests.factories.organisations import Province
from thidua.accounts.models import Role, User
from thidua.awards.models import AwardRecord
from thidua.organisations.models import UnitKind


@dataclass
class StatsPeople:
    """The people whose access the report's tests check."""

    secretariat: User
    leader: User
    officer: User
    head: User
    other_secretariat: User


def stats_people(province: Province) -> StatsPeople:
    other = UnitFactory(code="Q", name="UBND tỉnh Khác", kind=UnitKind.PROVINCE)
    other_home = UnitFactory(code="Q-SNV", name="Sở Nội vụ tỉnh Khác", parent=other)
    return StatsPeople(
        secretariat=member(province.home_affairs, Role.SECRETARIAT),
        leader=member(province.root, Role.LEADER),
        officer=member(province.health, Role.UNIT_OFFICER),
        head=member(province.health, Role.UNIT_HEAD),
        other_secretariat=member(other_home, Role.SECRETARIAT),
    )


def award(unit, code: str, day: dt.date, amount: int | None = None, **nominee) -> AwardRecord:  # type: ignore[no-untyped-def]
    """An award of form ``code`` decided on ``day`` to a new nominee of ``unit``."""
    return AwardRecordFactory(
        nominee=NomineeFactory(unit=unit, **nominee),
        form=form(code),
        year=day.year,
        decision_date=day,
        amount=amount,
    )


def known_awards_2025(province: Province) -> None:
    """The awards whose figures the tests assert (see test_figures.py for each cell)."""
    female_worker = {"kind": "individual", "gender": "female", "direct_worker": True}
    male = {"kind": "individual", "gender": "male", "direct_worker": False}
    collective = {"kind": "collective", "gender": ""}
    # Counted: decisions signed 01/01/2025 … 31/12/2025, in the province, not revoked.
    award(province.health, "cstdcs", dt.date(2025, 12, 20), 1_000_000, **female_worker)
    award(province.commune_a1, "cstdcs", dt.date(2025, 3, 2), 1_000_000, **male)
    award(province.commune_a1, "ldtt", dt.date(2025, 1, 1), 300_000, **female_worker)
    award(province.health, "ttldxs", dt.date(2025, 12, 31), 5_000_000, **collective)
    award(
        province.commune_b1,
        "bang-khen-tinh",
        dt.date(2025, 6, 1),
        800_000,
        kind="household",
        gender="",
    )
    award(province.health, "bang-khen-tinh", dt.date(2025, 6, 2), None, **female_worker)
    # Not counted: another year, revoked, another province.
    award(province.health, "cstdcs", dt.date(2024, 12, 31), 1_000_000, **male)
    award(province.health, "cstdcs", dt.date(2026, 1, 1), 1_000_000, **male)
    revoked = award(province.health, "ldtt", dt.date(2025, 5, 5), 300_000, **male)
    AwardRecord.objects.filter(pk=revoked.pk).update(revoked_on=dt.date(2025, 9, 1))
    elsewhere = UnitFactory(code="R", name="UBND tỉnh Ngoài", kind=UnitKind.PROVINCE)
    award(elsewhere, "cstdcs", dt.date(2025, 7, 7), 1_000_000, **male)
