"""Every table sits in a scroll region a keyboard can reach and a screen reader can name.

A table wider than a phone scrolls sideways inside ``.table-scroll`` (shadows at the
edges say there is more, ``app.css``); the region is focusable (``tabindex="0"``, so the
keyboard can scroll it: axe's scrollable-region-focusable) and named (``role="region"``
with ``aria-label`` or ``aria-labelledby``).
"""

from __future__ import annotations

import re
from pathlib import Path

import thidua

ROOT = Path(thidua.__file__).parent
#: Templates another change is rewriting; the lead applies the same markup when merging.
PENDING: tuple[str, ...] = ()
START_TAG = re.compile(r"<div\b[^>]*>")


def _wrapper(text: str, table_at: int) -> str:
    tags = list(START_TAG.finditer(text, 0, table_at))
    return tags[-1].group(0) if tags else ""


def test_every_table_is_in_a_named_focusable_scroll_region() -> None:
    problems = []
    for path in sorted(ROOT.glob("*/templates/**/*.html")):
        name = str(path.relative_to(ROOT))
        if name.startswith(PENDING):
            continue
        text = path.read_text(encoding="utf-8")
        for table in re.finditer(r"<table\b", text):
            div = _wrapper(text, table.start())
            named = "aria-label=" in div or "aria-labelledby=" in div
            if not (
                "table-scroll" in div and 'tabindex="0"' in div and 'role="region"' in div and named
            ):
                problems.append(f"{name}: {div or 'no wrapper'}")

    assert problems == []


REGION_NAME = re.compile(
    r'role="region"[^>]*aria-labelledby="([^"]+)"|aria-labelledby="([^"]+)"[^>]*role="region"'
)
LANDMARK_NAME = re.compile(r'<(?:section|nav|aside|form)\b[^>]*aria-labelledby="([^"]+)"')


def test_no_scroll_region_shares_its_name_with_the_landmark_around_it() -> None:
    """A named <section> is a region landmark too: a table region named by the same
    heading makes two landmarks of one name (axe's landmark-unique)."""
    problems = []
    for path in sorted(ROOT.glob("*/templates/**/*.html")):
        text = path.read_text(encoding="utf-8")
        regions = {a or b for a, b in REGION_NAME.findall(text)}
        shared = regions & set(LANDMARK_NAME.findall(text))
        problems += [f"{path.relative_to(ROOT)}: {name}" for name in sorted(shared)]
    assert problems == []
