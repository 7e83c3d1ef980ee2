"""``{% text_limit "note" %}``: the length limit of a free text typed into a hand-written
field (``data-maxlength``, from which ``app.js`` shows a counter near the limit).

Fields of Django forms carry theirs already (``thidua.core.form_conventions``); a view
checks the posted text against the same limit (``thidua.core.lengths.check_length``).
"""

from __future__ import annotations

from django import template

from thidua.core import lengths

register = template.Library()

LIMITS = {
    "search": lengths.SEARCH,
    "line": lengths.LINE,
    "title": lengths.TITLE,
    "note": lengths.NOTE,
    "text": lengths.TEXT,
    "narrative": lengths.NARRATIVE,
}


@register.simple_tag
def text_limit(kind: str) -> str:
    """The limit of ``kind`` ("note", "text", …) as digits, for an HTML attribute."""
    return str(LIMITS[kind])
