"""Problems found in a campaign file, each with its line and field, in Vietnamese."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_  # noqa: N812 - gettext convention

_MESSAGES = {
    "missing": N_("thiếu trường bắt buộc"),
    "extra_forbidden": N_("trường này không có trong định dạng (gõ sai tên trường?)"),
    "literal_error": N_("giá trị không hợp lệ; phải là một trong: {expected}"),
    "string_type": N_("phải là một đoạn chữ"),
    "string_too_short": N_("không được để trống"),
    "string_too_long": N_("dài quá {max_length} ký tự"),
    "string_pattern_mismatch": N_(
        "mã chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới (không có khoảng trắng)"
    ),
    "int_type": N_("phải là một số nguyên"),
    "int_parsing": N_("phải là một số nguyên"),
    "int_from_float": N_("phải là một số nguyên"),
    "bool_type": N_("phải là true hoặc false"),
    "bool_parsing": N_("phải là true hoặc false"),
    "list_type": N_("phải là một danh sách (mỗi phần tử một dòng bắt đầu bằng '- ')"),
    "model_type": N_("phải là một nhóm trường (khóa: giá trị)"),
    "model_attributes_type": N_("phải là một nhóm trường (khóa: giá trị)"),
    "dict_type": N_("phải là một nhóm trường (khóa: giá trị)"),
    "too_short": N_("phải có ít nhất {min_length} phần tử"),
    "greater_than_equal": N_("phải lớn hơn hoặc bằng {ge}"),
    "less_than_equal": N_("phải nhỏ hơn hoặc bằng {le}"),
    "none_required": N_("phải để trống"),
}


@dataclass(frozen=True)
class FileError:
    """One problem: the line (1-based, when known), the field path and what to fix."""

    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        if self.line and self.field:
            return _("Dòng %(line)s, trường `%(field)s`: %(message)s") % self.__dict__
        if self.line:
            return _("Dòng %(line)s: %(message)s") % self.__dict__
        if self.field:
            return _("Trường `%(field)s`: %(message)s") % self.__dict__
        return _("Tệp: %(message)s") % self.__dict__


class CampaignFileInvalid(Exception):
    """The file cannot be loaded; ``errors`` lists every problem found."""

    def __init__(self, errors: Sequence[FileError]) -> None:
        self.errors = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


def field_path(loc: Sequence[Any]) -> str:
    """``("targets", 3, "comparator")`` → ``targets[4].comparator`` (1-based for people)."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def line_of(root: yaml.Node | None, loc: Sequence[Any]) -> int | None:
    """The line of the deepest node along ``loc`` in the composed YAML tree.

    A block (mapping or list) is reported at the line of its key, so a missing field
    inside ``document:`` points at the ``document:`` line.
    """
    node = root
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        found = _child(node, part)
        if found is None:
            break
        node, line = found
    return line


def _child(node: yaml.Node | None, part: Any) -> tuple[yaml.Node, int] | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == part:
                is_block = isinstance(value, yaml.CollectionNode)
                mark = key.start_mark if is_block or not value.value else value.start_mark
                return value, mark.line + 1
        return None
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        item = node.value[part]
        return item, item.start_mark.line + 1
    return None


def message_for(error: dict[str, Any]) -> str:
    """A Vietnamese message for one pydantic error."""
    template = _MESSAGES.get(error["type"])
    if template is None:
        return str(error["msg"])
    template = _(template)
    context = dict(error.get("ctx") or {})
    if "expected" in context:
        context["expected"] = str(context["expected"]).replace(" or ", ", ")
    if error["type"] == "too_short" and error.get("input") == "":
        return _(_MESSAGES["string_too_short"])
    try:
        return template.format(**context)
    except (KeyError, IndexError):
        return template
