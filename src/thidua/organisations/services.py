"""Writes to units and clusters/blocks: loading the reference data files.

Both loaders validate the whole file first (``organisations.units_file``,
``organisations.groups_file``) and write in one transaction: a file with any problem
writes nothing. They upsert by code (units) or by code and year (groups), so loading the
same file again changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from thidua.organisations.groups_file import GroupSpec, read_groups
from thidua.organisations.models import (
    EmulationGroup,
    GroupMembership,
    GroupRole,
    Unit,
    UnitSuccession,
)
from thidua.organisations.units_file import SuccessionSpec, UnitSpec, read_units


@dataclass
class Tally:
    """How many rows of one kind a load created, updated, left as they were, or deleted."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0


@dataclass
class LoadSummary:
    """What one load did, per kind of row (``units``, ``successions``, ``groups``, ``memberships``)."""

    source_name: str
    tallies: dict[str, Tally] = field(default_factory=dict)

    def tally(self, name: str) -> Tally:
        return self.tallies.setdefault(name, Tally())

    @property
    def created(self) -> int:
        return sum(t.created for t in self.tallies.values())

    @property
    def updated(self) -> int:
        return sum(t.updated for t in self.tallies.values())

    def describe(self) -> str:
        """A one-line Vietnamese summary for the shell."""
        labels = {
            "units": _("đơn vị"),
            "successions": _("quan hệ kế thừa"),
            "groups": _("cụm, khối"),
            "memberships": _("thành viên cụm, khối"),
        }
        parts = []
        for name, tally in self.tallies.items():
            values = {
                "label": labels.get(name, name),
                "new": tally.created,
                "changed": tally.updated,
                "same": tally.unchanged,
                "gone": tally.deleted,
            }
            if tally.deleted:
                text = _(
                    "%(label)s: %(new)s mới, %(changed)s cập nhật, %(same)s không đổi, %(gone)s xóa"
                )
            else:
                text = _("%(label)s: %(new)s mới, %(changed)s cập nhật, %(same)s không đổi")
            parts.append(text % values)
        return _("Đã nạp %(name)s — %(parts)s.") % {
            "name": self.source_name,
            "parts": "; ".join(parts),
        }


def _apply(obj: Any, values: dict[str, Any]) -> bool:
    """Set ``values`` on ``obj``; True when any of them differed."""
    changed = False
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed


def _unit_values(spec: UnitSpec, parent_id: int | None) -> dict[str, Any]:
    return {
        "name": spec.name,
        "short_name": spec.short_name,
        "kind": spec.kind,
        "subkind": spec.subkind,
        "parent_id": parent_id,
        "valid_from": spec.valid_from,
        "valid_to": spec.valid_to,
        "source": spec.source,
    }


@transaction.atomic
def units_load(*, data: str, source_name: str) -> LoadSummary:
    """Load a ``thidua/units@1`` file (its text): upsert units by code, then successions.

    Guarantees: nothing is written unless the whole file is valid (``DataFileError``
    lists every problem); parents are saved before children, so ``Unit.save`` keeps each
    ``path`` right; a unit or succession already equal to the file is not touched, so a
    second run reports everything unchanged. Units missing from the file are left alone
    (units are never deleted; an ended unit gets ``valid_to``).
    """
    spec = read_units(data, source_name=source_name)
    summary = LoadSummary(source_name)
    codes = {u.code for u in spec.units} | {u.parent for u in spec.units if u.parent}
    codes |= {code for s in spec.successions for code in (s.predecessor, s.successor)}
    units = {unit.code: unit for unit in Unit.objects.filter(code__in=codes)}
    tally = summary.tally("units")
    for unit_spec in spec.units:
        parent_id = units[unit_spec.parent].pk if unit_spec.parent else None
        values = _unit_values(unit_spec, parent_id)
        unit = units.get(unit_spec.code)
        if unit is None:
            unit = units[unit_spec.code] = Unit(code=unit_spec.code, **values)
            tally.created += 1
        elif _apply(unit, values):
            tally.updated += 1
        else:
            tally.unchanged += 1
            continue
        unit.full_clean(exclude=["parent", "path", "search_text"], validate_unique=False)
        unit.save()
    _load_successions(spec.successions, units, summary)
    return summary


def _load_successions(
    specs: list[SuccessionSpec], units: dict[str, Unit], summary: LoadSummary
) -> None:
    pks = [unit.pk for unit in units.values()]
    existing = {
        (s.predecessor_id, s.successor_id): s
        for s in UnitSuccession.objects.filter(predecessor__in=pks, successor__in=pks)
    }
    tally = summary.tally("successions")
    for spec in specs:
        key = (units[spec.predecessor].pk, units[spec.successor].pk)
        values = {"effective": spec.effective, "kind": spec.kind, "basis": spec.basis}
        succession = existing.get(key)
        if succession is None:
            succession = UnitSuccession(predecessor_id=key[0], successor_id=key[1], **values)
            tally.created += 1
        elif _apply(succession, values):
            tally.updated += 1
        else:
            tally.unchanged += 1
            continue
        succession.full_clean(exclude=["predecessor", "successor"], validate_unique=False)
        succession.save()


@transaction.atomic
def groups_load(*, data: str, source_name: str) -> LoadSummary:
    """Load a ``thidua/groups@1`` file (its text): upsert groups by code and year.

    Guarantees: nothing is written unless the whole file is valid; each group's
    memberships end up exactly as the file lists them (units no longer listed are
    removed, roles updated); the old leader is demoted before the new one is set, so the
    one-leader constraint holds at every step. Groups missing from the file are left alone.
    """
    specs = read_groups(data, source_name=source_name)
    summary = LoadSummary(source_name)
    codes = {g.organiser for g in specs} | {m.unit for g in specs for m in g.members}
    units = dict(Unit.objects.filter(code__in=codes).values_list("code", "pk"))
    existing = {
        (group.code, group.year): group
        for group in EmulationGroup.objects.filter(
            code__in={g.code for g in specs}, year__in={g.year for g in specs}
        )
    }
    for group_spec in specs:
        values = {"kind": group_spec.kind, "name": group_spec.name}
        values["organiser_id"] = units[group_spec.organiser]
        group = existing.get((group_spec.code, group_spec.year))
        if group is None:
            group = EmulationGroup(code=group_spec.code, year=group_spec.year, **values)
            summary.tally("groups").created += 1
            group.save()
        elif _apply(group, values):
            summary.tally("groups").updated += 1
            group.save()
        else:
            summary.tally("groups").unchanged += 1
        _sync_members(group, group_spec, units, summary.tally("memberships"))
    return summary


def _sync_members(
    group: EmulationGroup, spec: GroupSpec, units: dict[str, int], tally: Tally
) -> None:
    wanted = {units[m.unit]: m.role for m in spec.members}
    current = {m.unit_id: m for m in GroupMembership.objects.filter(group=group)}
    gone = [m.pk for unit_id, m in current.items() if unit_id not in wanted]
    if gone:
        tally.deleted += GroupMembership.objects.filter(pk__in=gone).delete()[0]
    # Leaders last: the old leader must be demoted before a new one is saved.
    for unit_id, role in sorted(wanted.items(), key=lambda item: item[1] == GroupRole.LEADER):
        membership = current.get(unit_id)
        if membership is None:
            GroupMembership.objects.create(group=group, unit_id=unit_id, role=role)
            tally.created += 1
        elif membership.role != role:
            membership.role = role
            membership.save(update_fields=["role"])
            tally.updated += 1
        else:
            tally.unchanged += 1
