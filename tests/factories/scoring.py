"""The scoring tests' world: Cụm thi đua số 1 (2025) of four districts and Khối kinh tế
beside it, and steps that build a criteria set and send score sheets through it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories.organisations import Province
from thidua.accounts.models import User
from thidua.campaigns.models import Campaign
from thidua.organisations.models import EmulationGroup, Unit
from thidua.scoring import services
from thidua.scoring.models import CriteriaSet, CriterionKind, ScoreSheet
from thidua.works.demo_images import minimal_pdf

NOW = dt.datetime(2025, 12, 20, 9, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))

TODAY = NOW.date()


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
