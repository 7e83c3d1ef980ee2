"""WordprocessingML pieces python-docx does not offer: drawn rules, a PAGE field, a
repeated table header, rows that do not split, runs with every font attribute set.

python-docx is imported inside each function (slow import).
"""

from __future__ import annotations

from typing import Any

#: Successors of ``w:pBdr`` inside ``w:pPr`` (schema order, for a valid document).
_PBDR_SUCCESSORS = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
    "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
    "w:pPrChange",
)  # fmt: skip


def default_run_properties(document: Any) -> Any:
    """The ``w:rPr`` of the document defaults (``w:docDefaults/w:rPrDefault``)."""
    from docx.oxml.ns import qn

    defaults = document.styles.element.find(qn("w:docDefaults"))
    return defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))


def set_fonts(rpr: Any, font: str, language: str) -> None:
    """Name ``font`` for every script in a ``w:rPr`` (theme fonts removed: they would win)
    and mark the text as ``language`` (spell-checking in Vietnamese)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rfonts = rpr.get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(theme), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attribute), font)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.attrib.pop(qn("w:bidi"), None)
    lang.set(qn("w:val"), language)
    lang.set(qn("w:eastAsia"), language)


def mm(value: float) -> Any:
    from docx.shared import Mm

    return Mm(value)


def alignment(name: str) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    return {
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }[name]


def table_alignment() -> Any:
    from docx.enum.table import WD_TABLE_ALIGNMENT

    return WD_TABLE_ALIGNMENT.CENTER


def run_font(run: Any, font: str, size: float, *, bold: bool = False, italic: bool = False) -> None:
    """Font, size and weight of a run; the East-Asian font attribute is set too (Word
    otherwise falls back to another font for some Vietnamese letters)."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = font
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    run.font.size = Pt(size)
    run.font.bold = bold or None
    run.font.italic = italic or None


def rule(paragraph: Any, box_mm: float, length_mm: float) -> None:
    """A solid drawn rule ``length_mm`` long, centred in a paragraph ``box_mm`` wide.

    ND 30 wants rules *drawn*, not underlined text: an empty paragraph whose bottom
    border is narrowed by equal indents.
    """
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    side = max(0.0, (box_mm - length_mm) / 2)
    fmt = paragraph.paragraph_format
    fmt.left_indent, fmt.right_indent = Mm(side), Mm(side)
    fmt.space_before, fmt.space_after = Pt(0), Pt(0)
    fmt.line_spacing = Pt(2)
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
        bottom.set(qn(f"w:{key}"), value)
    border.append(bottom)
    paragraph._p.get_or_add_pPr().insert_element_before(border, *_PBDR_SUCCESSORS)


def page_field(paragraph: Any) -> None:
    """A PAGE field (the page number) in ``paragraph``."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for kind, text in (
        ("begin", None),
        (None, "PAGE"),
        ("separate", None),
        (None, "2"),
        ("end", None),
    ):
        run = paragraph.add_run()
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._element.append(char)
        elif text == "PAGE":
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = " PAGE "
            run._element.append(instruction)
        else:
            run.text = text


def repeat_header(row: Any) -> None:
    """Mark ``row`` as the table's header: Word repeats it at the top of each page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(marker)


def cant_split(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    marker = OxmlElement("w:cantSplit")
    marker.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().insert(0, marker)
