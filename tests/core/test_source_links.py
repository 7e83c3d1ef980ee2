"""Sources as a person reads them: the site's name linked to the full address."""

from __future__ import annotations

import re
from pathlib import Path

import thidua
from thidua.core.templatetags.source_links import site_name, source_links

LONG = "https://travinh.gov.vn/Default.aspx?sid=1426&pageid=37932&catid=69339&id=623539"


def test_a_raw_address_becomes_the_site_name_linked_to_it() -> None:
    html = source_links(LONG)

    assert html == (
        '<a href="https://travinh.gov.vn/Default.aspx?sid=1426&amp;pageid=37932&amp;catid=69339'
        '&amp;id=623539" title="https://travinh.gov.vn/Default.aspx?sid=1426&amp;pageid=37932'
        '&amp;catid=69339&amp;id=623539">travinh.gov.vn</a>'
    )


def test_the_text_around_an_address_stays_and_sentence_punctuation_is_not_linked() -> None:
    html = source_links("Báo Trà Vinh (https://www.baotravinh.vn/a/b.html).")

    assert html == (
        'Báo Trà Vinh (<a href="https://www.baotravinh.vn/a/b.html" '
        'title="https://www.baotravinh.vn/a/b.html">baotravinh.vn</a>).'
    )


def test_several_sources_one_a_line_are_separated() -> None:
    html = source_links("https://consosukien.vn/x.htm\nhttps://dangcongsan.vn/y.html\n")

    assert re.sub(r"<[^>]+>", "", html) == "consosukien.vn · dangcongsan.vn"


def test_text_without_an_address_is_escaped_not_linked() -> None:
    assert source_links("Sở Tài chính <b>") == "Sở Tài chính &lt;b&gt;"
    assert source_links("javascript:alert(1)") == "javascript:alert(1)"
    assert source_links(None) == ""


def test_site_name_drops_www_only() -> None:
    assert site_name("https://www.thuvienphapluat.vn/van-ban/") == "thuvienphapluat.vn"
    assert site_name("http://skhdt.travinh.gov.vn/tin") == "skhdt.travinh.gov.vn"


def test_every_template_that_prints_a_source_links_it_by_site_name() -> None:
    root = Path(thidua.__file__).parent
    printed = re.compile(r"(?:\{\{|with \w+=)\s*[\w.]*\.source\b(?!_)([^}%]*)")
    unfiltered = [
        f"{path.relative_to(root)}: {found.group(0)}"
        for path in root.glob("*/templates/**/*.html")
        for found in printed.finditer(path.read_text(encoding="utf-8"))
        if "source_links" not in found.group(1) and "form.source" not in found.group(0)
    ]

    assert unfiltered == []
