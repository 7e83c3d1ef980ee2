"""Materialised tree paths: ``"/1/5/23/"`` lists the ids from the root down to a node.

Units store theirs in ``Unit.path`` (organisations); every reader of such a path parses it
here, so the format is read in one place.
"""

from __future__ import annotations


def path_ids(path: str) -> list[int]:
    """The ids along ``path``, root first: ``"/1/5/23/"`` → ``[1, 5, 23]``; ``"/"`` → ``[]``."""
    return [int(part) for part in path.strip("/").split("/") if part]


def root_path(path: str) -> str:
    """The path of the root of ``path``'s tree: ``"/1/5/23/"`` → ``"/1/"`` (a province's)."""
    return f"/{path_ids(path)[0]}/"
