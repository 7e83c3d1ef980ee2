"""PDF helpers shared by generated documents: the vendored Liberation Serif fonts (Times
New Roman's metrics, embedded in every file) and ``OfficialPdf``, the PDF twin of
``official.OfficialDocument`` in the layout of Nghị định 30/2020/NĐ-CP (LAW-NOTES §7):
A4 portrait, margins top/bottom 20 mm, left 30 mm, right 15 mm, the letterhead blocks,
italic place and date, centred bold type and summary, justified body with a first-line
indent, tables whose header row repeats, the "Nơi nhận" and signature blocks, page
numbers centred in the top margin from page 2.

ReportLab is imported inside the functions (slow import, STYLE.md).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _

from thidua.documents.official import (
    BODY_SIZE,
    CONTENT_MM,
    INDENT_MM,
    LETTERHEAD_MM,
    MARGINS_MM,
    MOTTO,
    MOTTO_RULE_MM,
    MOTTO_SUBTITLE,
    TABLE_SIZE,
    Column,
    Letterhead,
    Signature,
    _estimated_width_mm,
    place_date_line,
)

FONT_DIR = Path(__file__).resolve().parent / "fonts"
#: The family name registered with ReportLab (and embedded, subset, in each PDF).
FONT = "LiberationSerif"
_STYLES = {
    "": "Regular",
    "-Bold": "Bold",
    "-Italic": "Italic",
    "-BoldItalic": "BoldItalic",
}
RED = (0.78, 0.06, 0.06)


def register_fonts() -> None:
    """Register Liberation Serif (four styles) once per process."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    for suffix, style in _STYLES.items():
        pdfmetrics.registerFont(TTFont(FONT + suffix, str(FONT_DIR / f"{FONT}-{style}.ttf")))
    pdfmetrics.registerFontFamily(
        FONT,
        normal=FONT,
        bold=f"{FONT}-Bold",
        italic=f"{FONT}-Italic",
        boldItalic=f"{FONT}-BoldItalic",
    )


def font_name(*, bold: bool = False, italic: bool = False) -> str:
    """The registered name of one style of the family."""
    if bold and italic:
        return f"{FONT}-BoldItalic"
    if bold:
        return f"{FONT}-Bold"
    return f"{FONT}-Italic" if italic else FONT


def markup(text: str) -> str:
    """``text`` escaped for a ReportLab paragraph, line breaks kept."""
    return escape(text).replace("\n", "<br/>")


def _Rule(length_mm: float) -> Any:  # noqa: N802 - reads as the flowable it builds
    """A horizontal rule ``length_mm`` long, centred in its frame (ND 30: drawn rules)."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Flowable

    class Rule(Flowable):
        def __init__(self) -> None:
            super().__init__()
            self.length = length_mm * mm
            self.height = 3

        def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
            self.width = avail_width
            return self.width, self.height

        def draw(self) -> None:
            start = (self.width - self.length) / 2
            self.canv.setLineWidth(0.6)
            self.canv.line(start, 2, start + self.length, 2)

    return Rule()


class OfficialPdf:
    """A PDF in the ND 30 layout with the same building calls as ``OfficialDocument``
    (``letterhead``, ``title``, ``paragraph``, ``heading``, ``table``, ``closing``,
    ``page_break``), so one function can write both files from the same content."""

    def __init__(self, *, title: str = "", author: str = "thidua") -> None:
        register_fonts()
        self.title_text = title
        self.author = author
        self.story: list[Any] = []

    # Styles

    def _style(
        self,
        size: float,
        *,
        bold: bool = False,
        italic: bool = False,
        align: str = "center",
        indent: bool = False,
        space_after: float = 0,
        leading: float | None = None,
    ) -> Any:
        from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.lib.units import mm

        aligns = {"center": TA_CENTER, "left": TA_LEFT, "right": TA_RIGHT, "justify": TA_JUSTIFY}
        return ParagraphStyle(
            name=f"s{size}{bold}{italic}{align}{indent}",
            fontName=font_name(bold=bold, italic=italic),
            fontSize=size,
            leading=leading or size * 1.2,
            alignment=aligns[align],
            firstLineIndent=INDENT_MM * mm if indent else 0,
            spaceAfter=space_after,
        )

    def _p(self, text: str, size: float, **style: Any) -> Any:
        from reportlab.platypus import Paragraph

        return Paragraph(markup(text), self._style(size, **style))

    # Header blocks

    def letterhead(self, head: Letterhead) -> None:
        """Issuing body (and its parent) | national motto; number | place and date."""
        from reportlab.lib.units import mm
        from reportlab.platypus import Spacer, Table, TableStyle

        left: list[Any] = []
        if head.parent_body:
            left.append(self._p(head.parent_body.upper(), 13))
        left.append(self._p(head.issuing_body.upper(), 13, bold=True))
        issuer_mm = min(_estimated_width_mm(head.issuing_body.upper(), 13) / 2, 40)
        left.append(_Rule(issuer_mm))
        right = [
            self._p(MOTTO, 12, bold=True),
            self._p(MOTTO_SUBTITLE, 13, bold=True),
            _Rule(MOTTO_RULE_MM),
        ]
        rows = [
            [left, right],
            [
                self._p(head.number, 13),
                self._p(place_date_line(head.place, head.date), 14, italic=True),
            ],
        ]
        table = Table(rows, colWidths=[w * mm for w in LETTERHEAD_MM])
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 2),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                    ("TOPPADDING", (0, 1), (-1, 1), 6),
                ]
            )
        )
        self.story += [table, Spacer(1, 4 * mm)]

    def title(self, kind: str, summary: str = "") -> None:
        from reportlab.lib.units import mm
        from reportlab.platypus import Spacer

        self.story.append(self._p(kind.upper(), BODY_SIZE, bold=True))
        if summary:
            self.story.append(self._p(summary, BODY_SIZE, bold=True))
        self.story += [_Rule(30), Spacer(1, 4 * mm)]

    # Body

    def heading(self, text: str) -> None:
        self.paragraph(text, bold=True)

    def paragraph(
        self,
        text: str = "",
        *,
        bold: bool = False,
        italic: bool = False,
        indent: bool = True,
        align: str = "justify",
        size: float = BODY_SIZE,
    ) -> None:
        """Justified, first-line indent 1,27 cm, 6 pt after, about 1,15 lines."""
        self.story.append(
            self._p(
                text,
                size,
                bold=bold,
                italic=italic,
                align=align,
                indent=indent,
                space_after=6,
                leading=size * 1.35,
            )
        )

    def table(
        self,
        columns: Sequence[Column],
        rows: Sequence[Sequence[str]],
        *,
        bold_rows: Sequence[int] = (),
        size: float = TABLE_SIZE,
    ) -> None:
        """A bordered table whose header row repeats on every page."""
        from reportlab.lib.units import mm
        from reportlab.platypus import Spacer, Table, TableStyle

        data = [[self._p(c.header, size, bold=True) for c in columns]]
        for index, values in enumerate(rows):
            data.append(
                [
                    self._p(str(value), size, bold=index in bold_rows, align=column.align)
                    for column, value in zip(columns, values, strict=True)
                ]
            )
        table = Table(data, colWidths=[c.width_mm * mm for c in columns], repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0)),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ]
            )
        )
        self.story += [table, Spacer(1, 4 * mm)]

    def page_break(self) -> None:
        from reportlab.platypus import PageBreak

        self.story.append(PageBreak())

    # Closing

    def closing(self, signature: Signature, recipients: Sequence[str]) -> None:
        """ "Nơi nhận:" (12 pt bold italic, items 11 pt) left, the signature block right."""
        from reportlab.lib.units import mm
        from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

        left = [self._p(_("Nơi nhận:"), 12, bold=True, italic=True, align="left")]
        left += [self._p(item, 11, align="left") for item in recipients]
        position = f"{signature.authority} {signature.position}".strip()
        right = [self._p(position.upper(), BODY_SIZE, bold=True)]
        if signature.signer_position:
            right.append(self._p(signature.signer_position.upper(), BODY_SIZE, bold=True))
        right += [Spacer(1, 24 * mm), self._p(signature.signer_name, BODY_SIZE, bold=True)]
        table = Table([[left, right]], colWidths=[CONTENT_MM * 0.45 * mm, CONTENT_MM * 0.55 * mm])
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
        self.story.append(KeepTogether([Spacer(1, 2 * mm), table]))

    def to_bytes(self) -> bytes:
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.units import mm
        from reportlab.platypus import SimpleDocTemplate

        buffer = io.BytesIO()
        top, bottom, left, right = MARGINS_MM
        document = SimpleDocTemplate(
            buffer,
            pagesize=A4,
            topMargin=top * mm,
            bottomMargin=bottom * mm,
            leftMargin=left * mm,
            rightMargin=right * mm,
            title=self.title_text,
            author=self.author,
        )

        def number_pages(canvas: Any, doc: Any) -> None:
            # ND 30: page numbers centred in the top margin, not on the first page.
            canvas.setFont(FONT, 13)
            canvas.drawCentredString(A4[0] / 2, A4[1] - 12 * mm, str(doc.page))

        document.build(list(self.story), onLaterPages=number_pages)
        return buffer.getvalue()
