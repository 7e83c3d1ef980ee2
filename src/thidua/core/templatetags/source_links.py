"""A source as a person reads it: the site's name as the link, the address behind it.

A target's figure, a unit's history or a rule cites where it comes from, often as a long
web address ("https://travinh.gov.vn/Default.aspx?sid=1426&pageid=37932&…"), which
makes a phone's page wider than its screen and reads as noise. ``{{ value.source|source_links }}``
shows "travinh.gov.vn" linked to the full address (kept in the link's title), and the
rest of the text as written; several sources, one a line, are separated by " · ".
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

#: A web address in running text; the punctuation that ends a sentence is not part of it.
WEB_ADDRESS = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)
TRAILING = ".,;:!?)]}»”’"


def site_name(url: str) -> str:
    """ "thuvienphapluat.vn" for "https://www.thuvienphapluat.vn/van-ban/…"."""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def _line(text: str) -> str:
    parts, last = [], 0
    for found in WEB_ADDRESS.finditer(text):
        url = found.group(0).rstrip(TRAILING)
        parts.append(conditional_escape(text[last : found.start()]))
        parts.append(format_html('<a href="{}" title="{}">{}</a>', url, url, site_name(url)))
        last = found.start() + len(url)
    parts.append(conditional_escape(text[last:]))
    return "".join(parts).strip()


@register.filter
def source_links(value: Any) -> SafeString:
    """``value`` escaped, each web address in it a link named after its site."""
    lines = [_line(line) for line in str(value or "").splitlines()]
    return mark_safe(" · ".join(line for line in lines if line))  # noqa: S308  (escaped above)
