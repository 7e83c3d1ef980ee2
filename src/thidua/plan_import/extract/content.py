"""Purposes, requirements and content areas (nhóm, lĩnh vực thi đua)."""

from __future__ import annotations

from typing import Any

from thidua.plan_import.extract.model import Draft
from thidua.plan_import.extract.structure import Para, headed, under
from thidua.plan_import.extract.words import strip_end

_LIST = ("dash", "plus", "text")


def read_aims(paras: list[Para], draft: Draft) -> None:
    """Mục đích and Yêu cầu: one item per bullet (or paragraph) of each section.

    Under a single heading "MỤC ĐÍCH, YÊU CẦU" without its own "Mục đích" and "Yêu cầu"
    parts, every item is taken as a purpose (confidence 0.7): the plan does not say which is
    which.
    """
    pairs = (("purposes", "muc dich", "yeu cau"), ("requirements", "yeu cau", "muc dich"))
    for key, word, other in pairs:
        heads = [h for h in headed(paras, word) if h.key.startswith(word)]
        own = [h for h in heads if other not in h.key]
        if not heads or (not own and key == "requirements"):
            continue
        head = (own or heads)[0]
        kinds = _LIST if own else (*_LIST, "arabic", "letter")
        items = [p for p in under(paras, head) if p.kind in kinds]
        inline = head.body.split(":", 1)[1].strip() if ":" in head.body else ""
        texts = ([(inline, head.line)] if inline else []) + [(p.body, p.line) for p in items]
        if not texts:
            continue
        draft.result.data[key] = [text for text, _ in texts]
        for index, (_, line) in enumerate(texts):
            draft.cite(f"{key}.{index}", line, 1.0 if own else 0.7)


def _is_area_head(para: Para) -> bool:
    return para.kind in ("dash", "letter", "arabic") and para.body.rstrip().endswith(":")


def read_areas(paras: list[Para], draft: Draft) -> list[dict[str, Any]]:
    """The groups of the "Nội dung thi đua" section: a lead line ending with ":" and its text.

    A list line that does not end with ":" continues the group above it (a paragraph of its
    description). Codes are ND1, ND2, … in the plan's order.
    """
    heads = [h for h in headed(paras, "noi dung thi dua", "noi dung") if "muc tieu" not in h.key]
    areas: list[dict[str, Any]] = []
    if not heads:
        return areas
    section = under(paras, heads[-1]) if len(heads) > 1 else under(paras, heads[0])
    current: dict[str, Any] | None = None
    for para in section:
        if _is_area_head(para):
            current = {"code": f"ND{len(areas) + 1}", "title": strip_end(para.body), "_lines": []}
            areas.append(current)
            draft.cite(f"content_areas.{len(areas) - 1}.title", para.line)
            draft.cite(f"content_areas.{len(areas) - 1}.code", para.line, 0.9)
        elif current is not None:
            current["_lines"].append(para)
    for index, area in enumerate(areas):
        lines = area.pop("_lines")
        if lines:
            area["description"] = "\n".join(p.body for p in lines)
            draft.cite(f"content_areas.{index}.description", lines[0].line)
    draft.result.data["content_areas"] = areas
    return areas
