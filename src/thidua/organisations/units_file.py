"""The units file, ``thidua/units@1`` (``data/tra-vinh.yaml``): units and their
successions, read and checked whole before anything is written (``organisations.loading``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _

from thidua.core.dates import format_date
from thidua.core.tree import path_ids
from thidua.organisations.loading import Nodes, Reader, Span, Spec, known_units
from thidua.organisations.models import SuccessionKind, Unit, UnitKind

UNITS_FORMAT = "thidua/units@1"

_TOP_UNITS: Spec = {
    "format": (True, "text", 64), "units": (True, "list", None),
    "successions": (False, "list", None),
}  # fmt: skip
_UNIT: Spec = {
    "code": (True, "code", 64), "name": (True, "text", 255), "short_name": (False, "text", 128),
    "kind": (True, "choice", UnitKind.values), "subkind": (False, "text", 64),
    "parent": (False, "code", 64), "valid_from": (False, "day", None),
    "valid_to": (False, "day", None), "source": (True, "text", 10_000),
}  # fmt: skip
_SUCCESSION: Spec = {
    "predecessor": (True, "code", 64), "successor": (True, "code", 64),
    "effective": (True, "day", None), "kind": (True, "choice", SuccessionKind.values),
    "basis": (True, "text", 255),
}  # fmt: skip


@dataclass(frozen=True)
class UnitSpec:
    """One unit as the file states it; ``line`` is where its entry starts."""

    code: str
    name: str
    short_name: str
    kind: str
    subkind: str
    parent: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    source: str
    line: int


@dataclass(frozen=True)
class SuccessionSpec:
    """One succession: ``predecessor`` → ``successor`` from ``effective``."""

    predecessor: str
    successor: str
    effective: dt.date
    kind: str
    basis: str
    line: int


@dataclass(frozen=True)
class UnitsFile:
    """A validated units file; ``units`` are ordered parents before children."""

    units: list[UnitSpec]
    successions: list[SuccessionSpec]


def read_units(text: str, *, source_name: str = "") -> UnitsFile:
    """Validate a whole ``thidua/units@1`` file; raise ``DataFileError`` with every problem.

    Checks: YAML syntax; unknown, missing and repeated keys; kinds, codes and dates
    (YYYY-MM-DD, ``valid_to`` not before ``valid_from``); duplicate codes; parents (in the
    file or already in the database, no cycle); successions (both units known, not the
    same unit, no repeated pair, effective on the day after the predecessor ends).
    """
    reader = Reader()
    top, _found = reader.document(text, _TOP_UNITS, UNITS_FORMAT)
    units: list[tuple[UnitSpec, Nodes]] = []
    for node in top["units"]:
        values, found = reader.entry(node, _UNIT, "units")
        unit = UnitSpec(**values, line=node.start_mark.line + 1)
        if unit.valid_from and unit.valid_to and unit.valid_to < unit.valid_from:
            message = _("ngày hết hiệu lực (%(end)s) trước ngày bắt đầu hiệu lực (%(start)s).")
            reader.problem(
                found["valid_to"],
                "valid_to",
                message,
                end=format_date(unit.valid_to),
                start=format_date(unit.valid_from),
            )
        units.append((unit, found))
    successions: list[tuple[SuccessionSpec, Nodes]] = []
    for node in top["successions"]:
        values, found = reader.entry(node, _SUCCESSION, "successions")
        values["effective"] = values["effective"] or dt.date.min
        successions.append((SuccessionSpec(**values, line=node.start_mark.line + 1), found))
    spans = _check_codes(reader, units)
    referenced = {u.parent for u, _f in units} | {
        code for s, _f in successions for code in (s.predecessor, s.successor)
    }
    spans.update(known_units(referenced - set(spans) - {""}))
    _check_parents(reader, units, spans)
    _check_successions(reader, successions, spans)
    reader.finish(source_name)
    return UnitsFile(_parents_first([u for u, _f in units]), [s for s, _f in successions])


def _check_codes(reader: Reader, units: list[tuple[UnitSpec, Nodes]]) -> dict[str, Span]:
    first_line: dict[str, int] = {}
    spans: dict[str, Span] = {}
    for unit, found in units:
        if unit.code in first_line:
            message = _("mã `%(code)s` bị trùng (đã có ở dòng %(line)s).")
            reader.problem(
                found["code"], "code", message, code=unit.code, line=first_line[unit.code]
            )
        elif unit.code:
            first_line[unit.code] = found["code"].start_mark.line + 1
            spans[unit.code] = (unit.valid_from, unit.valid_to)
    return spans


def _check_parents(
    reader: Reader, units: list[tuple[UnitSpec, Nodes]], spans: Mapping[str, Span]
) -> None:
    parents = {unit.code: unit.parent for unit, _f in units if unit.code}
    # Where a chain of parents leaves the file, the database path says what lies above.
    stored = Unit.objects.filter(code__in=set(parents) | set(parents.values()))
    db = {code: (pk, path) for code, pk, path in stored.values_list("code", "pk", "path")}
    for unit, found in units:
        if unit.parent and unit.parent not in spans:
            message = _("không có đơn vị mã `%(code)s`.")
            reader.problem(found["parent"], "parent", message, code=unit.parent)
            continue
        seen, step = {unit.code}, unit.parent
        while step in parents and step not in seen:
            seen.add(step)
            step = parents[step]
        above = path_ids(db[step][1]) if step in db else []
        if step in seen or any(db[code][0] in above for code in seen if code in db):
            message = _("đơn vị `%(code)s` nằm trong một vòng cha - con.")
            reader.problem(found["parent"], "parent", message, code=unit.code)


def _check_successions(
    reader: Reader, successions: list[tuple[SuccessionSpec, Nodes]], spans: Mapping[str, Span]
) -> None:
    pairs: dict[tuple[str, str], int] = {}
    for succession, found in successions:
        for name in ("predecessor", "successor"):
            code = getattr(succession, name)
            if code and code not in spans:
                reader.problem(found[name], name, _("không có đơn vị mã `%(code)s`."), code=code)
        pair = (succession.predecessor, succession.successor)
        if succession.predecessor and succession.predecessor == succession.successor:
            reader.problem(found["successor"], "successor", _("đơn vị không thể tự kế thừa."))
        elif pair in pairs:
            message = _("quan hệ kế thừa này bị trùng (đã có ở dòng %(line)s).")
            reader.problem(found["successor"], "successor", message, line=pairs[pair])
        pairs.setdefault(pair, succession.line)
        if succession.effective == dt.date.min:
            continue
        ended = spans.get(succession.predecessor, (None, None))[1]
        if ended is not None and succession.effective != ended + dt.timedelta(days=1):
            message = _("phải là ngày liền sau ngày hết hiệu lực của đơn vị cũ (%(end)s).")
            reader.problem(found["effective"], "effective", message, end=format_date(ended))
        started = spans.get(succession.successor, (None, None))[0]
        if started is not None and succession.effective < started:
            message = _("đơn vị kế thừa chỉ có hiệu lực từ %(start)s.")
            reader.problem(found["effective"], "effective", message, start=format_date(started))


def _parents_first(units: list[UnitSpec]) -> list[UnitSpec]:
    """Order units so that a parent named in the file comes before its children."""
    by_code = {unit.code: unit for unit in units}

    def depth(unit: UnitSpec) -> int:
        level, step = 0, unit.parent
        while step in by_code and level <= len(by_code):
            level, step = level + 1, by_code[step].parent
        return level

    return sorted(units, key=depth)
