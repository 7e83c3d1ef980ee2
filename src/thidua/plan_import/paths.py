"""Dotted paths into a campaign file's data: reading, writing and removing by path.

A path names one place in the data the way the review page and the extraction's
``sources`` do: ``document.number``, ``targets.3.value`` (list positions count from 0).
A list of short codes (``unit_kinds``, ``agencies`` …) is one leaf, not one per item.
Pure functions: no database.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

#: Keys whose value is a list of short items, edited as one field (one item a line).
LIST_KEYS = frozenset(
    {"unit_kinds", "work_kinds", "alternative_work_kinds", "subjects", "agencies", "agency_units"}
)

#: What ``delete_path`` leaves in a list until ``compact`` drops it (positions stay put
#: while several items of one list are removed).
_REMOVED = object()


def pattern_of(path: str) -> str:
    """``targets.3.value`` → ``targets.#.value``."""
    return ".".join("#" if part.isdigit() else part for part in path.split("."))


def flatten(data: Any, prefix: str = "") -> dict[str, Any]:
    """Leaves of ``data`` by dotted path, in document order."""
    out: dict[str, Any] = {}
    if isinstance(data, dict):
        for key, value in data.items():
            path = f"{prefix}.{key}" if prefix else str(key)
            if str(key) in LIST_KEYS:
                out[path] = value
            else:
                out.update(flatten(value, path))
    elif isinstance(data, list) and prefix.split(".")[-1] not in LIST_KEYS:
        for index, value in enumerate(data):
            out.update(flatten(value, f"{prefix}.{index}"))
    else:
        out[prefix] = data
    return out


def section_of(path: str) -> str:
    return path.split(".")[0]


def item_of(path: str) -> str:
    """The list item a field belongs to (``targets.3``), or "" for a top field."""
    parts = path.split(".")
    for index in range(len(parts) - 1, 0, -1):
        if parts[index].isdigit():
            return ".".join(parts[: index + 1])
    return ""


def get_path(data: Any, path: str) -> Any:
    node = data
    for part in path.split("."):
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return None
    return node


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    """Set ``value`` at ``path``, creating the groups and list items on the way."""
    parts = path.split(".")
    node: Any = data
    for part, following in itertools.pairwise(parts):
        child_is_list = following.isdigit()
        if isinstance(node, list):
            index = int(part)
            while len(node) <= index:
                node.append([] if child_is_list else {})
            if not isinstance(node[index], list | dict):
                node[index] = [] if child_is_list else {}
            node = node[index]
        else:
            if not isinstance(node.get(part), list | dict):
                node[part] = [] if child_is_list else {}
            node = node[part]
    last = parts[-1]
    if isinstance(node, list):
        index = int(last)
        while len(node) <= index:
            node.append(None)
        node[index] = value
    else:
        node[last] = value


def delete_path(data: dict[str, Any], path: str) -> None:
    """Remove the value (or list item) at ``path``; list items are marked, then compacted."""
    parts = path.split(".")
    parent = get_path(data, ".".join(parts[:-1])) if len(parts) > 1 else data
    last = parts[-1]
    if isinstance(parent, list) and last.isdigit() and int(last) < len(parent):
        parent[int(last)] = _REMOVED
    elif isinstance(parent, dict):
        parent.pop(last, None)


def compact(node: Any) -> Any:
    """``node`` without empty (``None``) values and without the list items deleted."""
    if isinstance(node, dict):
        return {k: compact(v) for k, v in node.items() if v is not None}
    if isinstance(node, list):
        return [compact(v) for v in node if v is not _REMOVED]
    return node


def path_from_error(field: str) -> str:
    """A validation error's field (``targets[4].value``) as a draft path (``targets.3.value``)."""
    return re.sub(r"\[(\d+)\]", lambda m: f".{int(m[1]) - 1}", field)
