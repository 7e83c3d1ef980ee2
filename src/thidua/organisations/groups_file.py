"""The clusters and blocks file, ``thidua/groups@1`` (``data/tra-vinh-groups.yaml``):
Cụm/Khối thi đua per year, read and checked whole before anything is written
(``organisations.loading``).
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml
from django.utils.translation import gettext as _

from thidua.organisations.loading import Reader, Spec, known_units
from thidua.organisations.models import GroupKind, GroupRole

GROUPS_FORMAT = "thidua/groups@1"

_TOP_GROUPS: Spec = {
    "format": (True, "text", 64), "organiser": (True, "code", 64), "groups": (True, "list", None),
}  # fmt: skip
_GROUP: Spec = {
    "code": (True, "code", 64), "year": (True, "year", None),
    "kind": (True, "choice", GroupKind.values), "name": (True, "text", 255),
    "organiser": (False, "code", 64), "members": (True, "list", None),
}  # fmt: skip
_MEMBER: Spec = {"unit": (True, "code", 64), "role": (False, "choice", GroupRole.values)}


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
    reader = Reader()
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
    reader: Reader,
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


def _check_group_units(reader: Reader, wanted: list[tuple[yaml.Node, str, str, int]]) -> None:
    known = known_units(code for _n, _f, code, _y in wanted)
    for node, field, code, year in wanted:
        if code not in known:
            message = _("không có đơn vị mã `%(code)s`; nạp danh mục đơn vị trước (units load).")
            reader.problem(node, field, message, code=code)
            continue
        start, end = known[code]
        if year and ((start and start.year > year) or (end and end.year < year)):
            message = _("đơn vị `%(code)s` không có hiệu lực trong năm %(year)s.")
            reader.problem(node, field, message, code=code, year=year)
