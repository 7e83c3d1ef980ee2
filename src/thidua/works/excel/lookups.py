"""What a cell of the registration sheet may name, for one campaign and one unit.

Shared by the template (its drop-downs and hidden list sheet) and the import (reading
names back, folded: no diacritics, any case).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import F, Q
from django.utils import timezone, translation

from thidua.campaigns.models import Campaign, ContentArea, Phase, WorkKind
from thidua.core.text import fold
from thidua.core.validity import valid_on
from thidua.organisations.models import Unit, UnitKind
from thidua.targets.models import Target
from thidua.works.services import rule_for

_PLACE_PREFIXES = ("xa ", "phuong ", "thi tran ")


@dataclass
class Lookups:
    """What a cell may name, for one campaign and one registering unit."""

    kinds: list[WorkKind]
    areas: list[ContentArea]
    phases: list[Phase]
    targets: list[Target]
    communes: list[Unit]
    kind_index: dict[str, WorkKind] = field(init=False)
    area_index: dict[str, ContentArea] = field(init=False)
    phase_index: dict[str, Phase] = field(init=False)
    target_index: dict[str, Target] = field(init=False)
    place_index: dict[str, list[Unit]] = field(init=False)

    def __post_init__(self) -> None:
        """Index every name a person may type, folded (no diacritics, any case)."""
        with translation.override("vi"):
            source_labels = {kind: str(kind.label) for kind in WorkKind}
        self.kind_index = {
            fold(name): kind
            for kind in WorkKind
            for name in (kind.value, source_labels[kind], str(kind.label))
        }
        self.area_index = {fold(a.title): a for a in self.areas} | {
            fold(a.code): a for a in self.areas
        }
        self.phase_index = {fold(p.name): p for p in self.phases} | {
            fold(p.code): p for p in self.phases
        }
        # A unit's own target wins over a common one with the same code.
        self.target_index = {fold(t.code): t for t in self.targets}
        self.place_index = {}
        for commune in self.communes:
            names = {fold(commune.name), fold(commune.code)}
            if commune.short_name:
                names.add(fold(commune.short_name))
            names |= {n[len(p) :] for n in names for p in _PLACE_PREFIXES if n.startswith(p)}
            for name in names:
                if commune not in self.place_index.setdefault(name, []):
                    self.place_index[name].append(commune)

    @property
    def kind_choices(self) -> str:
        return ", ".join(str(kind.label) for kind in self.kinds)

    @classmethod
    def build(cls, campaign: Campaign, unit: Unit) -> Lookups:
        """Kinds the unit's registration rule counts (KH 128 II.2.b–c; all when none),
        the campaign's content areas, phases and targets (common and the unit's own),
        and the communes of the unit's district in force today."""
        rule = rule_for(campaign, unit)
        allowed = {*rule.work_kinds, *rule.alternative_work_kinds} if rule else set()
        kinds = [k for k in WorkKind if not allowed or k.value in allowed]
        targets = Target.objects.filter(campaign=campaign).filter(
            Q(unit__isnull=True) | Q(unit=unit)
        )
        today = timezone.localdate()
        communes = Unit.objects.filter(
            kind=UnitKind.COMMUNE, path__startswith=_district_path(unit)
        ).filter(valid_on(today))
        return cls(
            kinds=kinds,
            areas=list(campaign.content_areas.order_by("position", "code")),
            phases=list(campaign.phases.order_by("position", "start")),
            targets=list(targets.order_by(F("unit_id").asc(nulls_first=True), "position", "code")),
            communes=list(communes.order_by("name")),
        )


def _district_path(unit: Unit) -> str:
    """Where a unit's works may be located: its district (for a commune, its parent)."""
    if unit.kind == UnitKind.COMMUNE and unit.parent_id:
        return unit.path.rsplit("/", 2)[0] + "/"
    if unit.kind == UnitKind.DISTRICT:
        return unit.path
    return f"/{unit.path.strip('/').split('/')[0]}/"
