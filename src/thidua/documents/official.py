"""A small builder of official documents in the layout of Nghị định 30/2020/NĐ-CP.

Phụ lục I of the decree fixes the layout every generated report, decision or list follows:
A4 portrait; margins top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm; Times New Roman
in black; the issuing body top left (its parent body above it) and the national motto top
right, each with a short drawn rule; "Số: …/BC-SNV"; place and date in italics; the type
and summary centred in bold; justified body with a first-line indent; the signature block
with its KT./TM. prefix; "Nơi nhận:" bottom left in 12 pt bold italic with 11 pt items;
page numbers centred in the top margin from page 2 (LAW-NOTES.md §7).

Built on python-docx (imported inside the methods: it is slow to import). The document
names the font only; Liberation Serif has Times New Roman's metrics where it is missing.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from thidua.core.text import nfc
from thidua.documents.ooxml import (
    alignment,
    cant_split,
    default_run_properties,
    mm,
    page_field,
    repeat_header,
    rule,
    run_font,
    set_fonts,
    table_alignment,
)

FONT = "Times New Roman"
LANGUAGE = "vi-VN"
#: Body size in points (ND 30: 13–14).
BODY_SIZE = 14
TABLE_SIZE = 12
PAGE_MM = (210, 297)
#: Top, bottom, left, right in millimetres, inside the ND 30 ranges.
MARGINS_MM = (20, 20, 30, 15)
CONTENT_MM = PAGE_MM[0] - MARGINS_MM[2] - MARGINS_MM[3]
#: The letterhead's two columns (issuing body | national motto), in millimetres.
LETTERHEAD_MM = (65, CONTENT_MM - 65)
#: First-line indent of body paragraphs (ND 30: 1–1,27 cm).
INDENT_MM = 12.7
#: Word's default left and right cell margins (0,19 cm each).
CELL_PADDING_MM = 1.9

# The national motto is fixed by law (ND 30, Phụ lục I, ô số 1): never translated.
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_SUBTITLE = "Độc lập - Tự do - Hạnh phúc"
#: Width of "Độc lập - Tự do - Hạnh phúc" in 13 pt bold (Liberation Serif metrics):
#: the rule under it is as long as the text.
MOTTO_RULE_MM = 56.0

# --- Text in the forms official documents write it ------------------------------------


def vn_number(value: Decimal | float | None, places: int | None = None) -> str:
    """A number as Vietnamese documents write it: ``1234.5`` → "1.234,5".

    ``places`` rounds to that many decimals; without it trailing zeros are dropped
    ("10", "99,5"). None gives an empty string. Independent of the active locale, so a
    document reads the same whoever generates it.
    """
    if value is None:
        return ""
    amount = Decimal(str(value))
    if places is not None:
        amount = amount.quantize(Decimal(1).scaleb(-places))
    else:
        amount = amount.normalize()
    text = format(amount, ",f")
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def document_date(value: dt.date) -> str:
    """ "ngày 05 tháng 02 năm 2025": ND 30 pads days below 10 and months 1 and 2 with 0."""
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return _("ngày %(day)s tháng %(month)s năm %(year)s") % {
        "day": f"{value.day:02d}",
        "month": month,
        "year": value.year,
    }


def place_date_line(place: str, value: dt.date | None) -> str:
    """ "Trà Vinh, ngày 05 tháng 02 năm 2025", or dotted blanks for the clerk to fill."""
    if value is None:
        return _("%(place)s, ngày …… tháng …… năm ……") % {"place": place}
    return "%s, %s" % (place, document_date(value))


def body_abbreviation(name: str) -> str:
    """The initials a ký hiệu uses for a body: "Sở Nội vụ" → "SNV".

    "và" is skipped ("Sở Giáo dục và Đào tạo" → "SGDĐT"); Đ stays Đ, as documents write it.
    """
    words = [w for w in re.split(r"[\s\-–]+", nfc(name)) if w and w.casefold() != "và"]
    return "".join(word[0].upper() for word in words if word[0].isalpha())


def number_line(kind_code: str, body_code: str) -> str:
    """ "Số: ……/BC-SNV": the number left for the clerk (numbering is the văn thư's)."""
    return _("Số: ……/%(kind)s-%(body)s") % {"kind": kind_code, "body": body_code}


def _estimated_width_mm(text: str, size: float) -> float:
    """Rough printed width of ``text`` in Times New Roman (for the length of a rule)."""
    ems = sum(0.62 if ch.isupper() else 0.25 if ch.isspace() else 0.47 for ch in text)
    return ems * size * 25.4 / 72


# --- Parts of a document ---------------------------------------------------------------


@dataclass(frozen=True)
class Letterhead:
    """The header blocks: issuing body (under its parent) | motto; number | place, date."""

    issuing_body: str
    number: str
    place: str
    date: dt.date | None
    parent_body: str = ""


@dataclass(frozen=True)
class Signature:
    """The signature block: "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC" / (signature) / name."""

    position: str
    authority: str = ""
    signer_position: str = ""
    signer_name: str = ""


@dataclass(frozen=True)
class Column:
    """A table column: header text, width in millimetres and alignment of its cells."""

    header: str
    width_mm: float
    align: str = "left"


class OfficialDocument:
    """A DOCX in the ND 30 layout, built top to bottom; ``to_bytes()`` gives the file.

    Usage: ``letterhead()``, ``title()``, then ``heading()``/``paragraph()``/``table()``
    in order, then ``closing()`` with the signature and the recipients.
    """

    def __init__(self, *, title: str = "", author: str = "thidua") -> None:
        from docx import Document

        self.doc: Any = Document()
        self.doc.core_properties.title = title
        self.doc.core_properties.author = author
        self._page_setup()
        self._base_style()

    # Page and fonts

    def _page_setup(self) -> None:
        from docx.shared import Mm, Twips

        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
        # Whole twips, rounded up: 15 mm rounded down would fall outside the decree's range.
        top, bottom, left, right = (Twips(math.ceil(v * 1440 / 25.4)) for v in MARGINS_MM)
        section.top_margin, section.bottom_margin = top, bottom
        section.left_margin, section.right_margin = left, right
        section.header_distance = Mm(10)
        # ND 30: page numbers centred in the top margin, not on the first page.
        section.different_first_page_header_footer = True
        paragraph = section.header.paragraphs[0]
        paragraph.alignment = alignment("center")
        page_field(paragraph)
        for run in paragraph.runs:
            run_font(run, FONT, BODY_SIZE)

    def _base_style(self) -> None:
        from docx.shared import Pt, RGBColor

        # The defaults first: their theme fonts would otherwise win over named fonts.
        set_fonts(default_run_properties(self.doc), FONT, LANGUAGE)
        for name in ("Normal", "Table Grid", "Normal Table"):
            style = self.doc.styles[name]
            style.font.color.rgb = RGBColor(0, 0, 0)
            set_fonts(style.element.get_or_add_rPr(), FONT, LANGUAGE)
        normal = self.doc.styles["Normal"]
        normal.font.size = Pt(BODY_SIZE)
        normal.paragraph_format.space_after = Pt(0)
        normal.paragraph_format.line_spacing = 1.0

    # Header blocks

    def letterhead(self, head: Letterhead) -> None:
        """The two header blocks (ND 30 Phụ lục I, ô số 1–4) as a borderless table."""
        table = self._grid(2, LETTERHEAD_MM)
        left, right = table.rows[0].cells
        first = left.paragraphs[0]
        if head.parent_body:
            self._line(first, head.parent_body.upper(), 13)
            first = left.add_paragraph()
        self._line(first, head.issuing_body.upper(), 13, bold=True)
        issuer_width = _estimated_width_mm(head.issuing_body.upper(), 13) / 2
        rule(left.add_paragraph(), _inside(LETTERHEAD_MM[0]), issuer_width)
        self._line(right.paragraphs[0], MOTTO, 12, bold=True)
        self._line(right.add_paragraph(), MOTTO_SUBTITLE, 13, bold=True)
        rule(right.add_paragraph(), _inside(LETTERHEAD_MM[1]), MOTTO_RULE_MM)
        number_cell, date_cell = table.rows[1].cells
        self._line(number_cell.paragraphs[0], head.number, 13)
        self._line(date_cell.paragraphs[0], place_date_line(head.place, head.date), 14, italic=True)
        self.doc.add_paragraph()

    def title(self, kind: str, summary: str = "") -> None:
        """Type ("BÁO CÁO") and summary, centred bold, with a short rule under them."""
        self._line(self.doc.add_paragraph(), kind.upper(), BODY_SIZE, bold=True)
        if summary:
            self._line(self.doc.add_paragraph(), summary, BODY_SIZE, bold=True)
        rule(self.doc.add_paragraph(), CONTENT_MM, 30)
        self.doc.add_paragraph()

    # Body

    def heading(self, text: str) -> Any:
        """A section heading ("I. TÌNH HÌNH …"): bold, indented like the body."""
        return self.paragraph(text, bold=True)

    def paragraph(
        self,
        text: str = "",
        *,
        bold: bool = False,
        italic: bool = False,
        indent: bool = True,
        align: str = "justify",
        size: float = BODY_SIZE,
    ) -> Any:
        """A body paragraph: justified, first-line indent 1,27 cm, 6 pt after, 1,15 lines."""
        from docx.shared import Mm, Pt

        paragraph = self.doc.add_paragraph()
        paragraph.alignment = alignment(align)
        fmt = paragraph.paragraph_format
        fmt.first_line_indent = Mm(INDENT_MM) if indent else None
        fmt.space_before, fmt.space_after = Pt(0), Pt(6)
        fmt.line_spacing = 1.15
        if text:
            run_font(paragraph.add_run(text), FONT, size, bold=bold, italic=italic)
        return paragraph

    def table(
        self,
        columns: Sequence[Column],
        rows: Sequence[Sequence[str]],
        *,
        bold_rows: Sequence[int] = (),
        size: float = TABLE_SIZE,
    ) -> Any:
        """A bordered table whose header row repeats on every page.

        ``bold_rows`` are indexes into ``rows`` printed in bold (totals). Cell text may
        hold line breaks ("\\n").
        """
        from docx.enum.table import WD_ALIGN_VERTICAL

        table = self._grid(len(columns), [c.width_mm for c in columns], style="Table Grid")
        header = table.rows[0]
        repeat_header(header)
        for cell, column in zip(header.cells, columns, strict=True):
            cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
            self._cell_text(cell, column.header, size, "center", bold=True)
        for index, values in enumerate(rows):
            row = table.add_row()
            cant_split(row)
            for cell, column, value in zip(row.cells, columns, values, strict=True):
                cell.width = mm(column.width_mm)
                cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
                self._cell_text(cell, value, size, column.align, bold=index in bold_rows)
        self.doc.add_paragraph()
        return table

    def page_break(self) -> None:
        """Start a new page (an attached list begins on its own page, LAW-NOTES §7.1)."""
        from docx.enum.text import WD_BREAK

        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # Closing

    def closing(self, signature: Signature, recipients: Sequence[str]) -> None:
        """ "Nơi nhận:" (12 pt bold italic, items 11 pt) left, the signature block right."""
        table = self._grid(2, (CONTENT_MM * 0.45, CONTENT_MM * 0.55), rows=1)
        left, right = table.rows[0].cells
        heading = left.paragraphs[0]
        heading.alignment = alignment("left")
        run_font(heading.add_run(_("Nơi nhận:")), FONT, 12, bold=True, italic=True)
        for item in recipients:
            paragraph = left.add_paragraph()
            paragraph.alignment = alignment("left")
            run_font(paragraph.add_run(item), FONT, 11)
        position = f"{signature.authority} {signature.position}".strip()
        self._line(right.paragraphs[0], position.upper(), BODY_SIZE, bold=True)
        if signature.signer_position:
            self._line(
                right.add_paragraph(), signature.signer_position.upper(), BODY_SIZE, bold=True
            )
        for _blank in range(4):
            right.add_paragraph()
        self._line(right.add_paragraph(), signature.signer_name, BODY_SIZE, bold=True)

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()

    # Helpers

    def _grid(
        self, count: int, widths: Sequence[float], *, rows: int = 2, style: str | None = None
    ) -> Any:
        table = self.doc.add_table(rows=1 if style else rows, cols=count)
        if style:
            table.style = self.doc.styles[style]
        table.autofit = False
        table.alignment = table_alignment()
        # Both the grid (LibreOffice lays out by it) and each cell (Word reads those).
        for column, width in zip(table.columns, widths, strict=True):
            column.width = mm(width)
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = mm(width)
        return table

    def _line(
        self, paragraph: Any, text: str, size: float, *, bold: bool = False, italic: bool = False
    ) -> None:
        paragraph.alignment = alignment("center")
        if text:
            run_font(paragraph.add_run(text), FONT, size, bold=bold, italic=italic)

    def _cell_text(self, cell: Any, text: str, size: float, align: str, *, bold: bool) -> None:
        from docx.shared import Pt

        lines = str(text).split("\n")
        paragraph = cell.paragraphs[0]
        for number, line in enumerate(lines):
            if number:
                paragraph = cell.add_paragraph()
            paragraph.alignment = alignment(align)
            paragraph.paragraph_format.space_before = Pt(2)
            paragraph.paragraph_format.space_after = Pt(2)
            if line:
                run_font(paragraph.add_run(line), FONT, size, bold=bold)


def _inside(cell_mm: float) -> float:
    """The width a paragraph has inside a table cell ``cell_mm`` wide."""
    return cell_mm - 2 * CELL_PADDING_MM
