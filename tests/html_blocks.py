"""Parts of a rendered page, to check that a message stands where it belongs (beside its
field, on its row), not only somewhere on the page."""

from __future__ import annotations

import re

FIELD = r'<div class="field[^"]*">.*?</div>'
FIELDSET = r"<fieldset.*?</fieldset>"


def block_with(html: str, block: str, marker: str) -> str:
    """The first part of ``html`` matching the pattern ``block`` that contains ``marker``."""
    for found in re.findall(block, html, flags=re.DOTALL):
        if marker in found:
            return found
    raise AssertionError(f"no {block!r} holding {marker!r}")


def text_of(html: str) -> str:
    """The visible text of an HTML fragment, whitespace collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()
