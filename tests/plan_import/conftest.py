"""Fixtures of the plan import tests: the Trà Vinh units, the importer, drafts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

import thidua.campaigns
from tests.browser.conftest import _static_root, browser  # noqa: F401  (browser journey)
from tests.campaigns.conftest import tra_vinh_units  # noqa: F401  (shared fixture)
from tests.factories import UnitFactory, member
from thidua.accounts.models import Role, User
from thidua.organisations.models import Unit, UnitKind

SEED = (
    Path(__file__).resolve().parents[2]
    / "src/thidua/plan_import/data/kh-128-ubnd-tra-vinh-2024.txt"
)
SHIPPED_YAML = Path(thidua.campaigns.__file__).parent / "data" / "kh-128-ubnd-tra-vinh-2024.yaml"


def shipped_data() -> dict[str, Any]:
    """The shipped KH 128 campaign file as the extraction would hold it (JSON values)."""
    data = yaml.safe_load(SHIPPED_YAML.read_text(encoding="utf-8"))
    return json.loads(json.dumps(data, default=str))


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
