"""Fixtures shared by all tests: a small province tree with two districts."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from tests.factories import UnitFactory
from thidua.organisations.models import Unit, UnitKind


@pytest.fixture(autouse=True)
def _fast_passwords(settings: pytest.FixtureRequest) -> None:
    """Tests hash passwords with MD5: the real hasher costs ~0.3 s a user."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _vietnamese_each_test() -> Iterator[None]:
    """Each test starts in Vietnamese: a request in English (the language switch) leaves
    English active in the thread, and it must not leak into the next test."""
    from django.utils import translation

    with translation.override("vi"):
        yield


@pytest.fixture(autouse=True)
def _isolated_files(
    settings: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Uploads go to a temporary folder; the static root exists (WhiteNoise warns otherwise)."""
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")
    settings.STATIC_ROOT = tmp_path_factory.mktemp("static")


@dataclass
class Province:
    """Tỉnh → (Sở Nội vụ, Sở Y tế, Huyện A → (Xã A1, Xã A2), Huyện B → Xã B1)."""

    root: Unit
    home_affairs: Unit
    health: Unit
    district_a: Unit
    commune_a1: Unit
    commune_a2: Unit
    district_b: Unit
    commune_b1: Unit


@pytest.fixture
def province(db: None) -> Province:
    root = UnitFactory(code="P", name="UBND tỉnh Thử", kind=UnitKind.PROVINCE)
    home = UnitFactory(code="P-SNV", name="Sở Nội vụ", kind=UnitKind.DEPARTMENT, parent=root)
    health = UnitFactory(code="P-SYT", name="Sở Y tế", kind=UnitKind.DEPARTMENT, parent=root)
    district_a = UnitFactory(code="P-A", name="Huyện Cầu Kè", kind=UnitKind.DISTRICT, parent=root)
    a1 = UnitFactory(code="P-A-1", name="Xã Phong Phú", kind=UnitKind.COMMUNE, parent=district_a)
    a2 = UnitFactory(code="P-A-2", name="Xã Hòa Ân", kind=UnitKind.COMMUNE, parent=district_a)
    district_b = UnitFactory(code="P-B", name="Huyện Trà Cú", kind=UnitKind.DISTRICT, parent=root)
    b1 = UnitFactory(code="P-B-1", name="Xã Tập Sơn", kind=UnitKind.COMMUNE, parent=district_b)
    return Province(root, home, health, district_a, a1, a2, district_b, b1)
