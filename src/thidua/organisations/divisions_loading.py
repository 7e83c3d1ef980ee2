"""Bringing a province's units in line with the official list of administrative divisions.

``divisions_load`` creates, for each chosen province of a ``Dataset`` (by default the
installed ``vietnam-provinces`` package, see ``thidua.organisations.divisions``), the
province (kind ``province``, ``Ủy ban nhân dân tỉnh X``) and under it every xã, phường
and đặc khu (kind ``commune``), coded with their official codes.

Guarantees:

- all or nothing: an unknown province or a code already used by a unit of another kind
  raises before anything is written, and the whole load is one transaction;
- loading the same list again changes nothing (``0 mới, 0 thay đổi``);
- a later list is compared unit by unit: renamed and moved units are updated, new ones
  added, and a unit gone from the list is never deleted — it gets ``valid_to`` (the day
  before the load date) and a note in its ``source``, so its works, nominations, award
  records and memberships stay where they are (units are never deleted: DESIGN.md);
- only units this loader owns are ever ended: provinces with a 2-digit code and communes
  with a 5-digit code. Departments, mass organisations and enterprises added under the
  province from a ``thidua/units@1`` file (codes such as ``86-SNV``) are left alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.core.errors import DomainError
from thidua.core.numbers import format_number
from thidua.organisations.divisions import (
    COMMUNE_CODE_WIDTH,
    PACKAGE,
    PROVINCE_CODE_WIDTH,
    Dataset,
    Province,
    find_province,
    package_dataset,
)
from thidua.organisations.models import Unit, UnitKind, UnitSuccession

# The two-level local government starts (Nghị quyết 202/2025/QH15, Điều 2; Luật Tổ chức
# chính quyền địa phương 2025): units of the first load are valid from this day.
REORGANISED = dt.date(2025, 7, 1)
_COMPARED = ("name", "short_name", "kind", "subkind", "parent_id")


def _day(value: dt.date) -> str:
    return value.strftime("%d/%m/%Y")


def _counts(counts: dict[str, int]) -> str:
    """``1.234 mới, 0 thay đổi, …`` from the ``new``, ``changed``, ``same``, ``ended`` counts."""
    text = _("%(new)s mới, %(changed)s thay đổi, %(same)s không đổi, %(ended)s kết thúc")
    return text % {name: format_number(value) for name, value in counts.items()}


@dataclass
class ProvinceReport:
    """What one load did to one province and its communes (names as ``code Tên``)."""

    province: Province
    created: list[str] = field(default_factory=list)
    renamed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    ended: list[str] = field(default_factory=list)
    unchanged: int = 0
    first: bool = False

    @property
    def total(self) -> int:
        return len(self.province.communes) + 1

    def counts(self) -> dict[str, int]:
        return {
            "new": len(self.created),
            "changed": len(self.renamed) + len(self.changed),
            "same": self.unchanged,
            "ended": len(self.ended),
        }


@dataclass
class DivisionsSummary:
    """What ``divisions_load`` did, province by province; ``describe()`` for the shell."""

    dataset: Dataset
    day: dt.date
    provinces: list[ProvinceReport] = field(default_factory=list)
    ended_elsewhere: list[str] = field(default_factory=list)

    @property
    def created(self) -> int:
        return sum(report.counts()["new"] for report in self.provinces)

    @property
    def changed(self) -> int:
        return sum(report.counts()["changed"] for report in self.provinces)

    @property
    def ended(self) -> int:
        return sum(len(report.ended) for report in self.provinces) + len(self.ended_elsewhere)

    def describe(self) -> str:
        """A Vietnamese summary: one line a province, what changed, and the totals."""
        lines = [
            _("Danh mục đơn vị hành chính: gói %(package)s %(version)s (dữ liệu ngày %(data)s).")
            % {
                "package": PACKAGE,
                "version": self.dataset.version,
                "data": self.dataset.data_version,
            }
        ]
        for report in self.provinces:
            values = {
                "name": report.province.name,
                "code": report.province.code,
                "units": format_number(report.total),
                "counts": _counts(report.counts()),
            }
            lines.append(_("- %(name)s (%(code)s): %(units)s đơn vị — %(counts)s.") % values)
            lines.extend(self._details(report))
        lines.extend(self._ended_lines(self.ended_elsewhere))
        totals = {
            "provinces": format_number(len(self.provinces)),
            "communes": format_number(sum(len(r.province.communes) for r in self.provinces)),
            "counts": _counts(
                {
                    "new": self.created,
                    "changed": self.changed,
                    "same": sum(report.unchanged for report in self.provinces),
                    "ended": self.ended,
                }
            ),
        }
        text = _(
            "Tổng: %(provinces)s tỉnh, thành phố và %(communes)s xã, phường, đặc khu — %(counts)s."
        )
        lines.append(text % totals)
        return "\n".join(lines)

    def _details(self, report: ProvinceReport) -> Iterator[str]:
        if not report.first:
            yield from (_("    thêm: %(unit)s") % {"unit": unit} for unit in report.created)
        yield from (_("    đổi tên: %(change)s") % {"change": change} for change in report.renamed)
        yield from (_("    thay đổi: %(change)s") % {"change": change} for change in report.changed)
        yield from self._ended_lines(report.ended)

    def _ended_lines(self, units: list[str]) -> Iterator[str]:
        text = _("    không còn trong danh mục, ghi hiệu lực đến %(day)s (không xóa): %(unit)s")
        end = _day(self.day - dt.timedelta(days=1))
        yield from (text % {"day": end, "unit": unit} for unit in units)


class CodeTaken(DomainError):
    """Official codes already used by units of another kind: nothing was written."""

    code = "division_code_taken"


def _owned(unit: Unit) -> bool:
    """True for the units this loader manages: a 2-digit province, a 5-digit commune."""
    width = {UnitKind.PROVINCE: PROVINCE_CODE_WIDTH, UnitKind.COMMUNE: COMMUNE_CODE_WIDTH}
    return unit.code.isdigit() and len(unit.code) == width.get(UnitKind(unit.kind), 0)


def _wanted(province: Province) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each unit of ``province`` as (code, field values), the province first."""
    yield (
        province.code,
        {
            "name": f"Ủy ban nhân dân {province.label}",
            "short_name": f"UBND {province.label}",
            "kind": UnitKind.PROVINCE,
            "subkind": province.division_type,
        },
    )
    for commune in province.communes:
        yield (
            commune.code,
            {
                "name": commune.name,
                "short_name": "",
                "kind": UnitKind.COMMUNE,
                "subkind": commune.division_type,
            },
        )


def _check_codes(provinces: Sequence[Province], existing: dict[str, Unit]) -> None:
    """Raise ``CodeTaken`` when an official code belongs to a unit of another kind."""
    taken = [
        _("mã %(code)s đã là của “%(unit)s” (%(kind)s), không dùng được cho “%(name)s”")
        % {"code": code, "unit": unit.name, "kind": unit.get_kind_display(), "name": values["name"]}
        for province in provinces
        for code, values in _wanted(province)
        if (unit := existing.get(code)) is not None and unit.kind != values["kind"]
    ]
    if taken:
        raise CodeTaken(
            _("Chưa ghi gì: %(problems)s. Đổi mã các đơn vị đó rồi nạp lại.")
            % {"problems": "; ".join(taken)}
        )


@transaction.atomic
def divisions_load(
    provinces: Sequence[str] | None = None,
    *,
    dataset: Dataset | None = None,
    day: dt.date | None = None,
) -> DivisionsSummary:
    """Load the named provinces (codes or names; ``None`` for all) from ``dataset``.

    ``dataset`` defaults to the installed package; ``day`` (default today) is the day the
    changes of a later list take effect: units it adds are valid from ``day``, units gone
    from it are valid to the day before. Units of a province's first load are valid from
    01/7/2025 (``REORGANISED``). Raises ``UnknownProvince`` or ``CodeTaken`` before writing.
    """
    dataset = dataset or package_dataset()
    day = day or timezone.localdate()
    chosen = list(dataset.provinces)
    if provinces is not None:
        found = {find_province(dataset, query).code for query in provinces}
        chosen = [p for p in dataset.provinces if p.code in found]
    codes = [code for province in chosen for code, _values in _wanted(province)]
    existing = {unit.code: unit for unit in Unit.objects.filter(code__in=codes)}
    _check_codes(chosen, existing)
    summary = DivisionsSummary(dataset, day)
    listed = {commune.code for p in dataset.provinces for commune in p.communes}
    for province in chosen:
        report = _load_province(province, dataset, day, existing)
        report.ended = _end_gone(existing[province.code], listed, dataset, day)
        summary.provinces.append(report)
    if provinces is None:
        gone = Unit.objects.filter(kind=UnitKind.PROVINCE, valid_to__isnull=True).exclude(
            code__in=[p.code for p in dataset.provinces]
        )
        for unit in (u for u in gone if _owned(u)):
            summary.ended_elsewhere += _end_gone(unit, listed, dataset, day, include_self=True)
    return summary


def _load_province(
    province: Province, dataset: Dataset, day: dt.date, existing: dict[str, Unit]
) -> ProvinceReport:
    """Create or update the province and its communes; ``existing`` gains the new units."""
    report = ProvinceReport(province, first=province.code not in existing)
    since = REORGANISED if report.first else max(day, REORGANISED)
    succeeded = set(
        UnitSuccession.objects.filter(
            predecessor__code__in=[code for code, _v in _wanted(province)]
        ).values_list("predecessor__code", flat=True)
    )
    parent_id: int | None = None
    for code, values in _wanted(province):
        values["parent_id"] = parent_id
        unit = existing.get(code)
        if unit is None:
            unit = existing[code] = Unit(
                code=code, valid_from=since, source=dataset.source, **values
            )
            unit.save()
            report.created.append(f"{code} {unit.name}")
        else:
            _update(unit, values, dataset, report, restore=code not in succeeded)
        parent_id = parent_id or unit.pk
    return report


def _update(
    unit: Unit, values: dict[str, Any], dataset: Dataset, report: ProvinceReport, *, restore: bool
) -> None:
    """Bring ``unit`` in line with ``values``, saying in ``report`` what changed.

    A unit the list names again after it was ended is valid again, unless a person has
    recorded its successor (a reorganisation the list does not know of yet).
    """
    old_name, old_parent = unit.name, unit.parent_id
    differs = [name for name in _COMPARED if getattr(unit, name) != values[name]]
    reopened = restore and unit.valid_to is not None
    if not differs and not reopened:
        report.unchanged += 1
        return
    for name in differs:
        setattr(unit, name, values[name])
    unit.source = dataset.source
    if reopened:
        unit.valid_to = None
    unit.save()
    label = f"{unit.code} {unit.name}"
    if "name" in differs:
        report.renamed.append(f"{unit.code} {old_name} → {unit.name}")
    elif "parent_id" in differs and old_parent is not None:
        report.changed.append(_("%(unit)s chuyển sang tỉnh này") % {"unit": label})
    elif reopened:
        report.changed.append(_("%(unit)s có lại trong danh mục") % {"unit": label})
    else:
        report.changed.append(label)


def _end_gone(
    parent: Unit, listed: set[str], dataset: Dataset, day: dt.date, *, include_self: bool = False
) -> list[str]:
    """End (never delete) the communes under ``parent`` that ``listed`` no longer has.

    ``valid_to`` is the day before ``day`` (not before the unit's ``valid_from``), and the
    ``source`` says which list left the unit out. With ``include_self``, ``parent`` too.
    """
    children = Unit.objects.filter(parent=parent, kind=UnitKind.COMMUNE, valid_to__isnull=True)
    gone = [unit for unit in children if _owned(unit) and unit.code not in listed]
    if include_self:
        gone.append(parent)
    # Data, not interface text: stays Vietnamese whatever the language of the shell.
    note = (
        "Không còn trong gói %(package)s %(version)s (nạp ngày %(day)s): "
        "ghi ngày hết hiệu lực, không xóa."
    )
    for unit in gone:
        end = day - dt.timedelta(days=1)
        unit.valid_to = max(end, unit.valid_from) if unit.valid_from else end
        values = {"package": PACKAGE, "version": dataset.version, "day": _day(day)}
        unit.source = f"{unit.source}\n{note % values}".strip()
        unit.save()
    return [f"{unit.code} {unit.name}" for unit in gone]
