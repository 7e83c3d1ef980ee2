"""Fixtures of the scoring tests: a cluster of four districts and a block beside it.

Cụm thi đua số 1 (2025): Huyện Cầu Kè leads, Huyện Trà Cú is deputy, Huyện Tiểu Cần and
Huyện Châu Thành are members. Khối kinh tế (2025): Sở Y tế leads, Sở Nội vụ is a member
(the Ban TĐKT sits there). Each unit has an officer and a head; each group's leading unit
a cluster leader; the deputy unit acts through its head. The criteria set is built from
the province's template with KH 128's criteria (campaign given).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.conftest import Province
from tests.factories import (
    CampaignFactory,
    GroupFactory,
    GroupMembershipFactory,
    UnitFactory,
    member,
)
from thidua.accounts.models import Role, User
from thidua.campaigns.models import Campaign
from thidua.organisations.models import EmulationGroup, Unit, UnitKind
from thidua.scoring import services
from thidua.scoring.models import CriteriaSet, CriterionKind, ScoreSheet
from thidua.works.demo_images import minimal_pdf

NOW = dt.datetime(2025, 12, 20, 9, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
TODAY = NOW.date()


@pytest.fixture(autouse=True)
def _frozen_time() -> Iterator[None]:
    """Year-end scoring: 20/12/2025, 09:00 in Trà Vinh."""
    with time_machine.travel(NOW, tick=False):
        yield


@dataclass
class Cluster:
    province: Province
    campaign: Campaign
    group: EmulationGroup
    leader: Unit
    deputy: Unit
    members: list[Unit]
    other_group: EmulationGroup
    secretariat: User
    cluster_leader: User
    deputy_head: User
    officers: dict[int, User] = field(default_factory=dict)
    heads: dict[int, User] = field(default_factory=dict)
    other_cluster_leader: User | None = None

    @property
    def units(self) -> list[Unit]:
        return [self.leader, self.deputy, *self.members]


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


def make_set(
    c: Cluster, *, campaign: bool = True, group: EmulationGroup | None = None
) -> CriteriaSet:
    """The template criteria set of ``group`` (the cluster by default), activated."""
    criteria_set = services.criteria_set_create(
        actor=c.secretariat, group=group or c.group, campaign=c.campaign if campaign else None
    )
    services.criteria_set_activate(actor=c.secretariat, criteria_set=criteria_set)
    criteria_set.refresh_from_db()
    return criteria_set


def manual_entries(
    criteria_set: CriteriaSet, *, share: Decimal = Decimal(1), **overrides: Decimal
) -> dict[int, services.Entry]:
    """Points for every standard manual criterion: ``share`` of its maximum (codes can be
    overridden: ``c1_1=Decimal(20)`` for criterion 1.1); bonus and deductions left blank."""
    entries = {}
    for criterion in criteria_set.criteria.filter(kind=CriterionKind.MANUAL, effect="normal"):
        key = "c" + criterion.code.replace(".", "_")
        points = overrides.get(key, (criterion.max_points * share).quantize(Decimal("0.01")))
        entries[criterion.pk] = services.Entry(points)
    return entries


def sheet_of(criteria_set: CriteriaSet, unit: Unit) -> ScoreSheet:
    return ScoreSheet.objects.get(criteria_set=criteria_set, unit=unit)


def self_submit(c: Cluster, criteria_set: CriteriaSet, unit: Unit, **kw: object) -> ScoreSheet:
    """The unit's officer scores every manual criterion (with a PDF where the table asks
    for evidence) and the head submits."""
    sheet = sheet_of(criteria_set, unit)
    entries = manual_entries(criteria_set, **kw)  # type: ignore[arg-type]
    for criterion in criteria_set.criteria.exclude(evidence_required=""):
        if criterion.pk in entries:
            entries[criterion.pk] = services.Entry(entries[criterion.pk].points, "", evidence())
    services.sheet_save_self(actor=c.officers[unit.pk], sheet=sheet, entries=entries)
    return services.sheet_submit(actor=c.heads[unit.pk], sheet=sheet)


def reviewer_for(c: Cluster, unit: Unit) -> User:
    """The leader's sheet goes to the deputy, or to the Ban TĐKT without one."""
    if unit != c.leader:
        return c.cluster_leader
    has_deputy = c.group.memberships.filter(unit=c.deputy, role="deputy").exists()
    return c.deputy_head if has_deputy else c.secretariat


def evidence(name: str = "minh-chung.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, minimal_pdf(["Minh chung"]), "application/pdf")
