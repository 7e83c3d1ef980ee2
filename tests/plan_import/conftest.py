"""Fixtures of the plan import tests: the Trà Vinh units, the importer, drafts."""

from __future__ import annotations

import pytest

from tests.campaigns.fixtures import tra_vinh_units  # noqa: F401  (shared fixture)
from tests.factories import UnitFactory, member
from tests.factories.plan_import import SEED
from thidua.accounts.models import Role, User
from thidua.organisations.models import Unit, UnitKind


@pytest.fixture
def seed_bytes() -> bytes:
    return SEED.read_bytes()


@pytest.fixture
def importer(tra_vinh_units: Unit) -> User:  # noqa: F811
    """A Ban TĐKT officer of Trà Vinh."""
    snv = Unit.objects.get(code="TV-SNV")
    return member(snv, Role.SECRETARIAT)


@pytest.fixture
def unit_officer(tra_vinh_units: Unit) -> User:  # noqa: F811
    """An officer of a Trà Vinh department: takes part in campaigns, imports none."""
    return member(Unit.objects.get(code="TV-SKHDT"), Role.UNIT_OFFICER)


@pytest.fixture
def other_province_secretariat(db: None) -> User:
    """The Ban TĐKT of another province."""
    root = UnitFactory(code="VL", name="Ủy ban nhân dân tỉnh Vĩnh Long", kind=UnitKind.PROVINCE)
    snv = UnitFactory(code="VL-SNV", name="Sở Nội vụ", kind=UnitKind.DEPARTMENT, parent=root)
    return member(snv, Role.SECRETARIAT)
