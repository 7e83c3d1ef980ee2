"""Fixtures of the scoring tests: a cluster of four districts and a block beside it.

Cụm thi đua số 1 (2025): Huyện Cầu Kè leads, Huyện Trà Cú is deputy, Huyện Tiểu Cần and
Huyện Châu Thành are members. Khối kinh tế (2025): Sở Y tế leads, Sở Nội vụ is a member
(the Ban TĐKT sits there). Each unit has an officer and a head; each group's leading unit
a cluster leader; the deputy unit acts through its head. The criteria set is built from
the province's template with KH 128's criteria (campaign given).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import time_machine

from tests.factories import (
    CampaignFactory,
    GroupFactory,
    GroupMembershipFactory,
    Province,
    UnitFactory,
    member,
)
from tests.factories.scoring import NOW, Cluster
from thidua.accounts.models import Role
from thidua.organisations.models import UnitKind


@pytest.fixture(autouse=True)
def _frozen_time() -> Iterator[None]:
    """Year-end scoring: 20/12/2025, 09:00 in Trà Vinh."""
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def cluster(province: Province) -> Cluster:
    root = province.root
    campaign = CampaignFactory(issuer_unit=root)
    leader = province.district_a
    deputy = province.district_b
    tc = UnitFactory(code="P-C", name="Huyện Tiểu Cần", kind=UnitKind.DISTRICT, parent=root)
    ct = UnitFactory(code="P-D", name="Huyện Châu Thành", kind=UnitKind.DISTRICT, parent=root)
    group = GroupFactory(code="CUM-1", name="Cụm thi đua số 1", year=2025, organiser=root)
    GroupMembershipFactory(group=group, unit=leader, role="leader")
    GroupMembershipFactory(group=group, unit=deputy, role="deputy")
    GroupMembershipFactory(group=group, unit=tc)
    GroupMembershipFactory(group=group, unit=ct)
    other = GroupFactory(
        code="KHOI-KT", name="Khối kinh tế", kind="block", year=2025, organiser=root
    )
    GroupMembershipFactory(group=other, unit=province.health, role="leader")
    GroupMembershipFactory(group=other, unit=province.home_affairs)
    secretariat = member(province.home_affairs, Role.SECRETARIAT)
    c = Cluster(
        province=province,
        campaign=campaign,
        group=group,
        leader=leader,
        deputy=deputy,
        members=[tc, ct],
        other_group=other,
        secretariat=secretariat,
        cluster_leader=member(leader, Role.CLUSTER_LEADER),
        deputy_head=member(deputy, Role.UNIT_HEAD),
        other_cluster_leader=member(province.health, Role.CLUSTER_LEADER),
    )
    for unit in [*c.units, province.health, province.home_affairs]:
        c.officers[unit.pk] = member(unit, Role.UNIT_OFFICER)
        c.heads[unit.pk] = c.deputy_head if unit == deputy else member(unit, Role.UNIT_HEAD)
    return c
