"""Units and emulation groups, and the small province tree most tests start from."""

from __future__ import annotations

from dataclasses import dataclass

import factory

from thidua.organisations.models import EmulationGroup, GroupMembership, Unit, UnitKind


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    code = factory.Sequence(lambda n: f"U{n:04d}")
    name = factory.Sequence(lambda n: f"Đơn vị {n}")
    kind = UnitKind.OTHER


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EmulationGroup

    kind = "cluster"
    code = factory.Sequence(lambda n: f"CUM-{n}")
    name = factory.Sequence(lambda n: f"Cụm thi đua số {n}")
    year = 2025
    organiser = factory.SubFactory(UnitFactory, kind=UnitKind.PROVINCE)


class GroupMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GroupMembership

    group = factory.SubFactory(GroupFactory)
    unit = factory.SubFactory(UnitFactory)
    role = "member"


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


def small_province() -> Province:
    """The tree of the ``province`` fixture (tests/conftest.py): two departments and two
    districts, three communes."""
    root = UnitFactory(code="P", name="UBND tỉnh Thử", kind=UnitKind.PROVINCE)
    home = UnitFactory(code="P-SNV", name="Sở Nội vụ", kind=UnitKind.DEPARTMENT, parent=root)
    health = UnitFactory(code="P-SYT", name="Sở Y tế", kind=UnitKind.DEPARTMENT, parent=root)
    district_a = UnitFactory(code="P-A", name="Huyện Cầu Kè", kind=UnitKind.DISTRICT, parent=root)
    a1 = UnitFactory(code="P-A-1", name="Xã Phong Phú", kind=UnitKind.COMMUNE, parent=district_a)
    a2 = UnitFactory(code="P-A-2", name="Xã Hòa Ân", kind=UnitKind.COMMUNE, parent=district_a)
    district_b = UnitFactory(code="P-B", name="Huyện Trà Cú", kind=UnitKind.DISTRICT, parent=root)
    b1 = UnitFactory(code="P-B-1", name="Xã Tập Sơn", kind=UnitKind.COMMUNE, parent=district_b)
    return Province(root, home, health, district_a, a1, a2, district_b, b1)
