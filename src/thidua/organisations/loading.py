"""Reading and validating unit and cluster/block data files (YAML) before anything is written.

Two formats, each described in a comment at the top of its shipped file:

- ``thidua/units@1`` (``data/tra-vinh.yaml``): units and their successions;
- ``thidua/groups@1`` (``data/tra-vinh-groups.yaml``): Cụm/Khối thi đua per year.

The file is read as a YAML node tree (``yaml.compose``) so that every problem names its
line. All problems are collected and raised together in one ``DataFileError``: one run
lists everything to fix, and the services write nothing (DESIGN.md §4, "Bad input never
corrupts").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from django.utils.translation import gettext as _

from thidua.core.errors import DomainError
from thidua.core.text import nfc
from thidua.core.tree import path_ids
from thidua.organisations.models import GroupKind, GroupRole, SuccessionKind, Unit, UnitKind

DATA_DIR = Path(__file__).resolve().parent / "data"
UNITS_FORMAT = "thidua/units@1"
GROUPS_FORMAT = "thidua/groups@1"

_NULL = "tag:yaml.org,2002:null"
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# Field specs: name → (required, type, maximum length or choices).
Spec = Mapping[str, tuple[bool, str, Any]]
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
_TOP_GROUPS: Spec = {
    "format": (True, "text", 64), "organiser": (True, "code", 64), "groups": (True, "list", None),
}  # fmt: skip
_GROUP: Spec = {
    "code": (True, "code", 64), "year": (True, "year", None),
    "kind": (True, "choice", GroupKind.values), "name": (True, "text", 255),
    "organiser": (False, "code", 64), "members": (True, "list", None),
}  # fmt: skip
_MEMBER: Spec = {"unit": (True, "code", 64), "role": (False, "choice", GroupRole.values)}

Nodes = dict[str, yaml.Node]
Span = tuple[dt.date | None, dt.date | None]


@dataclass(frozen=True)
class Problem:
    """One problem in a data file: its line (1-based, when known), field and what to fix."""

    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        values = {"line": self.line, "field": self.field, "message": self.message}
        if self.line is None:
            return _("Tệp: %(message)s") % values
        if not self.field:
            return _("Dòng %(line)s: %(message)s") % values
        return _("Dòng %(line)s, trường `%(field)s`: %(message)s") % values


class DataFileError(DomainError):
    """The data file cannot be loaded; ``errors`` lists every problem found, by line."""

    code = "data_file_invalid"

    def __init__(self, errors: Sequence[Problem], *, source_name: str = "") -> None:
        self.errors = list(errors)
        self.source_name = source_name
        super().__init__("\n".join(str(error) for error in self.errors))


class _Reader:
    """Turns YAML nodes into checked Python values, collecting every problem on the way."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def problem(self, node: yaml.Node | None, field: str, message: str, **values: Any) -> None:
        line = node.start_mark.line + 1 if node is not None else None
        self.problems.append(Problem(line, field, message % values if values else message))

    def entry(self, node: yaml.Node, spec: Spec, field: str) -> tuple[dict[str, Any], Nodes]:
        """Read one mapping: unknown, repeated and missing keys are problems; values checked."""
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, field, _("phải là một nhóm trường (khóa: giá trị)."))
            return {name: self.value(None, name, *rule[1:]) for name, rule in spec.items()}, {}
        found: Nodes = {}
        keys: Nodes = {}
        for key, value in node.value:
            name = str(key.value) if isinstance(key, yaml.ScalarNode) else "?"
            if name not in spec:
                message = _("trường này không có trong định dạng (các trường: %(allowed)s).")
                self.problem(key, name, message, allowed=", ".join(spec))
            elif name in found:
                self.problem(key, name, _("trường bị lặp lại trong cùng một mục."))
            else:
                found[name], keys[name] = value, key
        empty = {name for name, value in found.items() if value.tag == _NULL}
        found = {name: value for name, value in found.items() if name not in empty}
        values = {}
        for name, (required, kind, arg) in spec.items():
            if required and name in empty:
                self.problem(keys[name], name, _("không được để trống."))
            elif required and name not in found:
                self.problem(node, name, _("thiếu trường bắt buộc."))
            values[name] = self.value(found.get(name), name, kind, arg)
        return values, found

    def value(self, node: yaml.Node | None, name: str, kind: str, arg: Any) -> Any:
        if kind == "list":
            if node is not None and not isinstance(node, yaml.SequenceNode):
                self.problem(node, name, _("phải là một danh sách (mỗi mục bắt đầu bằng '- ')."))
                return []
            return list(node.value) if node is not None else []
        if node is None:
            return {"text": "", "code": "", "choice": "", "day": None, "year": 0}[kind]
        raw = nfc(str(node.value)) if isinstance(node, yaml.ScalarNode) else None
        if kind == "year":
            if raw is None or not raw.isdigit() or not 1900 <= int(raw) <= 2100:
                self.problem(node, name, _("phải là một năm, ví dụ 2025."))
                return 0
            return int(raw)
        if kind == "day":
            try:
                if raw is None or not _DAY.match(raw):
                    raise ValueError(raw)
                return dt.date.fromisoformat(raw)
            except ValueError:
                message = _("phải là một ngày có thật, viết YYYY-MM-DD (nhận được: `%(value)s`).")
                self.problem(node, name, message, value=raw or "…")
                return None
        return self._text(node, name, kind, arg, raw)

    def _text(self, node: yaml.Node, name: str, kind: str, arg: Any, raw: str | None) -> str:
        if raw is None:
            self.problem(node, name, _("phải là một đoạn chữ."))
        elif not raw:
            self.problem(node, name, _("không được để trống."))
        elif kind == "choice" and raw not in arg:
            message = _("giá trị `%(value)s` không hợp lệ; chọn một trong: %(allowed)s.")
            self.problem(node, name, message, value=raw, allowed=", ".join(arg))
        elif kind != "choice" and len(raw) > arg:
            message = _("dài quá %(max)s ký tự (có %(length)s).")
            self.problem(node, name, message, max=arg, length=len(raw))
        elif kind == "code" and not _CODE.match(raw):
            message = _("mã `%(code)s` chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới.")
            self.problem(node, name, message, code=raw)
        else:
            return raw
        return ""

    def document(self, text: str, spec: Spec, expected_format: str) -> tuple[dict[str, Any], Nodes]:
        """Parse the YAML and read its top-level mapping (with the ``format`` check)."""
        try:
            root = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else None
            message = _("lỗi cú pháp YAML: %(problem)s.") % {"problem": exc.problem or exc.context}
            self.problems.append(Problem(line, "", message))
            root = None
        if root is None:
            if not self.problems:
                self.problems.append(Problem(None, "", _("tệp rỗng.")))
            return {name: self.value(None, name, *rule[1:]) for name, rule in spec.items()}, {}
        values, found = self.entry(root, spec, "")
        if values["format"] and values["format"] != expected_format:
            message = _("phải là `%(expected)s` (nhận được: `%(value)s`).")
            self.problem(
                found["format"], "format", message, expected=expected_format, value=values["format"]
            )
        return values, found

    def finish(self, source_name: str) -> None:
        if self.problems:
            ordered = sorted(self.problems, key=lambda p: (p.line or 0, p.field))
            raise DataFileError(ordered, source_name=source_name)


def _known_units(codes: Iterable[str]) -> dict[str, Span]:
    """Validity (from, to) of the units among ``codes`` that are already in the database."""
    rows = Unit.objects.filter(code__in=set(codes)).values_list("code", "valid_from", "valid_to")
    return {code: (start, end) for code, start, end in rows}


def _day(value: dt.date) -> str:
    return value.strftime("%d/%m/%Y")


def shipped_file(name: str, *, groups: bool = False) -> Path | None:
    """The data file shipped with thidua under a short name (``tra-vinh``), if there is one."""
    if not re.fullmatch(r"[a-z0-9-]+", name):
        return None
    path = DATA_DIR / (f"{name}-groups.yaml" if groups else f"{name}.yaml")
    return path if path.is_file() else None


# --- thidua/units@1 -------------------------------------------------------------------


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
    reader = _Reader()
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
                end=_day(unit.valid_to),
                start=_day(unit.valid_from),
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
    spans.update(_known_units(referenced - set(spans) - {""}))
    _check_parents(reader, units, spans)
    _check_successions(reader, successions, spans)
    reader.finish(source_name)
    return UnitsFile(_parents_first([u for u, _f in units]), [s for s, _f in successions])


def _check_codes(reader: _Reader, units: list[tuple[UnitSpec, Nodes]]) -> dict[str, Span]:
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
    reader: _Reader, units: list[tuple[UnitSpec, Nodes]], spans: Mapping[str, Span]
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
    reader: _Reader, successions: list[tuple[SuccessionSpec, Nodes]], spans: Mapping[str, Span]
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
            reader.problem(found["effective"], "effective", message, end=_day(ended))
        started = spans.get(succession.successor, (None, None))[0]
        if started is not None and succession.effective < started:
            message = _("đơn vị kế thừa chỉ có hiệu lực từ %(start)s.")
            reader.problem(found["effective"], "effective", message, start=_day(started))


def _parents_first(units: list[UnitSpec]) -> list[UnitSpec]:
    """Order units so that a parent named in the file comes before its children."""
    by_code = {unit.code: unit for unit in units}

    def depth(unit: UnitSpec) -> int:
        level, step = 0, unit.parent
        while step in by_code and level <= len(by_code):
            level, step = level + 1, by_code[step].parent
        return level

    return sorted(units, key=depth)


# --- thidua/groups@1 ------------------------------------------------------------------


@dataclass(frozen=True)
class MemberSpec:
    """A unit's place in a group: ``leader``, ``deputy`` or ``member``."""

    unit: str
    role: str
    line: int


@dataclass(frozen=True)
class GroupSpec:
    """One Cụm or Khối thi đua for one year."""

    code: str
    year: int
    kind: str
    name: str
    organiser: str
    members: list[MemberSpec]
    line: int


def read_groups(text: str, *, source_name: str = "") -> list[GroupSpec]:
    """Validate a whole ``thidua/groups@1`` file; raise ``DataFileError`` with every problem.

    Checks: YAML syntax; unknown, missing and repeated keys; kinds and roles; a repeated
    code and year; every unit already in the database (load the units file first) and
    valid on some day of the group's year; no unit twice in a group; at most one leader
    (cụm trưởng, khối trưởng) per group.
    """
    reader = _Reader()
    top, top_found = reader.document(text, _TOP_GROUPS, GROUPS_FORMAT)
    wanted: list[tuple[yaml.Node, str, str, int]] = []  # node, field, unit code, year
    if top["organiser"]:
        wanted.append((top_found["organiser"], "organiser", top["organiser"], 0))
    groups: list[GroupSpec] = []
    first_line: dict[tuple[str, int], int] = {}
    for node in top["groups"]:
        values, found = reader.entry(node, _GROUP, "groups")
        key = (values["code"], values["year"])
        if all(key) and key in first_line:
            message = _("cụm, khối `%(code)s` năm %(year)s bị trùng (đã có ở dòng %(line)s).")
            reader.problem(
                found["code"], "code", message, code=key[0], year=key[1], line=first_line[key]
            )
        first_line.setdefault(key, node.start_mark.line + 1)
        if values["organiser"]:
            wanted.append((found["organiser"], "organiser", values["organiser"], key[1]))
        values["organiser"] = values["organiser"] or top["organiser"]
        values["members"] = _read_members(reader, values["members"], key[1], wanted)
        groups.append(GroupSpec(**values, line=node.start_mark.line + 1))
    _check_group_units(reader, wanted)
    reader.finish(source_name)
    return groups


def _read_members(
    reader: _Reader,
    nodes: list[yaml.Node],
    year: int,
    wanted: list[tuple[yaml.Node, str, str, int]],
) -> list[MemberSpec]:
    members: list[MemberSpec] = []
    leader: MemberSpec | None = None
    for node in nodes:
        values, found = reader.entry(node, _MEMBER, "members")
        member = MemberSpec(
            values["unit"], values["role"] or GroupRole.MEMBER, node.start_mark.line + 1
        )
        if member.unit and any(m.unit == member.unit for m in members):
            message = _("đơn vị `%(code)s` đã có trong cụm, khối này.")
            reader.problem(found["unit"], "unit", message, code=member.unit)
        elif member.role == GroupRole.LEADER and leader is not None:
            message = _(
                "đã có trưởng cụm, khối là `%(code)s` (dòng %(line)s); chỉ được một trưởng."
            )
            reader.problem(found["role"], "role", message, code=leader.unit, line=leader.line)
        else:
            leader = member if member.role == GroupRole.LEADER else leader
            if member.unit:
                wanted.append((found["unit"], "unit", member.unit, year))
            members.append(member)
    return members


def _check_group_units(reader: _Reader, wanted: list[tuple[yaml.Node, str, str, int]]) -> None:
    known = _known_units(code for _n, _f, code, _y in wanted)
    for node, field, code, year in wanted:
        if code not in known:
            message = _("không có đơn vị mã `%(code)s`; nạp danh mục đơn vị trước (units load).")
            reader.problem(node, field, message, code=code)
            continue
        start, end = known[code]
        if year and ((start and start.year > year) or (end and end.year < year)):
            message = _("đơn vị `%(code)s` không có hiệu lực trong năm %(year)s.")
            reader.problem(node, field, message, code=code, year=year)
