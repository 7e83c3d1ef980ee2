"""Reading and validating unit and cluster/block data files (YAML) before anything is written.

Two formats, each described in a comment at the top of its shipped file and read by its
own module:

- ``thidua/units@1`` (``data/tra-vinh.yaml``): units and their successions
  (``organisations.units_file``);
- ``thidua/groups@1`` (``data/tra-vinh-groups.yaml``): Cụm/Khối thi đua per year
  (``organisations.groups_file``).

This module holds what both share: the checked reading of one YAML entry against its
field specs (``Reader``), the problems and the error that lists them.

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
from thidua.organisations.codes import ErrorCode
from thidua.organisations.models import Unit

DATA_DIR = Path(__file__).resolve().parent / "data"

_NULL = "tag:yaml.org,2002:null"
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")

#: Field specs: name → (required, type, maximum length or choices).
Spec = Mapping[str, tuple[bool, str, Any]]
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

    code = ErrorCode.DATA_FILE_INVALID

    def __init__(self, errors: Sequence[Problem], *, source_name: str = "") -> None:
        self.errors = list(errors)
        self.source_name = source_name
        super().__init__("\n".join(str(error) for error in self.errors))


class Reader:
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


def known_units(codes: Iterable[str]) -> dict[str, Span]:
    """Validity (from, to) of the units among ``codes`` that are already in the database."""
    rows = Unit.objects.filter(code__in=set(codes)).values_list("code", "valid_from", "valid_to")
    return {code: (start, end) for code, start, end in rows}


def shipped_file(name: str, *, groups: bool = False) -> Path | None:
    """The data file shipped with thidua under a short name (``tra-vinh``), if there is one."""
    if not re.fullmatch(r"[a-z0-9-]+", name):
        return None
    path = DATA_DIR / (f"{name}-groups.yaml" if groups else f"{name}.yaml")
    return path if path.is_file() else None
