"""The printed Bằng khen / Giấy khen (ND 98/2023 Điều 104; LAW-NOTES §7.1):

A4 landscape (297 × 210 mm), a drawn decorative border (not the State designs), the
national motto and tiêu ngữ in black bold with a rule under the tiêu ngữ, the grantor's
title in red capitals, "TẶNG", the award name in red capitals, the recipient, position
and unit, the achievement, the decision number and date, the place and date and the
signer. A QR code in the lower left corner leads to the public verification page; the
same address is printed under it in small type and is a link annotation.
"""

from __future__ import annotations

import io
import itertools
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from thidua.documents.official import MOTTO, MOTTO_SUBTITLE, document_date, place_date_line
from thidua.documents.pdf import FONT, RED, font_name, register_fonts


def verification_url(code: str) -> str:
    """The absolute address of a certificate's verification page (THIDUA_PUBLIC_BASE_URL)."""
    base = str(getattr(settings, "THIDUA_PUBLIC_BASE_URL", "http://127.0.0.1:8000")).rstrip("/")
    return base + reverse("verification:detail", args=[code])


def _border(canvas: Any, width: float, height: float) -> None:
    from reportlab.lib.units import mm

    canvas.saveState()
    canvas.setStrokeColorRGB(*RED)
    canvas.setLineWidth(3)
    canvas.rect(8 * mm, 8 * mm, width - 16 * mm, height - 16 * mm)
    canvas.setLineWidth(0.8)
    canvas.rect(11 * mm, 11 * mm, width - 22 * mm, height - 22 * mm)
    canvas.setStrokeColorRGB(0.75, 0.6, 0.2)
    canvas.setLineWidth(1.2)
    canvas.rect(13 * mm, 13 * mm, width - 26 * mm, height - 26 * mm)
    # Corner ornaments: concentric quarter circles and a diamond in each corner.
    canvas.setFillColorRGB(*RED)
    for x, y in (
        (13, 13),
        (width / mm - 13, 13),
        (13, height / mm - 13),
        (width / mm - 13, height / mm - 13),
    ):
        for radius in (4, 6.5):
            canvas.circle(x * mm, y * mm, radius * mm, stroke=1, fill=0)
        path = canvas.beginPath()
        path.moveTo(x * mm, (y + 2.5) * mm)
        path.lineTo((x + 2.5) * mm, y * mm)
        path.lineTo(x * mm, (y - 2.5) * mm)
        path.lineTo((x - 2.5) * mm, y * mm)
        path.close()
        canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


def _centred(
    canvas: Any,
    text: str,
    y: float,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
    red: bool = False,
    width: float,
) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    name = font_name(bold=bold, italic=italic)
    while stringWidth(text, name, size) > width * 0.8 and size > 9:
        size -= 0.5
    canvas.setFillColorRGB(*(RED if red else (0, 0, 0)))
    canvas.setFont(name, size)
    canvas.drawCentredString(width / 2, y, text)


#: The QR code's quiet zone, in modules (ISO/IEC 18004 asks for four).
QR_BORDER = 4


def qr_modules(url: str) -> list[list[bool]]:
    """The dark modules of ``url``'s QR code (error correction level L, the smallest version
    that holds it), row by row from the top."""
    from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel

    code = QRCode(None, QRErrorCorrectLevel.L)
    code.addData(url)
    code.make()
    return [[bool(module) for module in row] for row in code.modules]


def draw_qr(
    canvas: Any, modules: list[list[bool]], left: float, bottom: float, size: float
) -> None:
    """Each row's runs of dark modules as rectangles of one path (the code is encoded once;
    reportlab's widget encoded it twice and built a shape per run, most of a certificate's
    time)."""
    box = size / (len(modules) + 2 * QR_BORDER)
    path = canvas.beginPath()
    for r, row in enumerate(modules):
        top = bottom + size - (r + QR_BORDER + 1) * box
        c = 0
        for dark, run in itertools.groupby(row):
            count = len(list(run))
            if dark:
                path.rect(left + (c + QR_BORDER) * box, top, count * box, box)
            c += count
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)


def _qr(canvas: Any, url: str) -> None:
    from reportlab.lib.units import mm

    size = 26 * mm
    left, bottom = 20 * mm, 24 * mm
    draw_qr(canvas, qr_modules(url), left, bottom, size)
    canvas.linkURL(url, (left, bottom, left + size, bottom + size), relative=0)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setFont(FONT, 6.5)
    canvas.drawString(left, bottom - 4 * mm, _("Xác minh: %(url)s") % {"url": url})
    text_width = canvas.stringWidth(url, FONT, 6.5)
    canvas.linkURL(
        url, (left, bottom - 5 * mm, left + text_width + 16 * mm, bottom - 2 * mm), relative=0
    )


def draw_certificate(canvas: Any, certificate: Any) -> None:
    """Draw one certificate on the current page of ``canvas`` (A4 landscape)."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm

    width, height = landscape(A4)
    entry = certificate.entry
    decision = entry.decision
    with translation.override("vi"):
        _border(canvas, width, height)
        y = height - 30 * mm
        _centred(canvas, MOTTO, y, 14, bold=True, width=width)
        y -= 7 * mm
        _centred(canvas, MOTTO_SUBTITLE, y, 15, bold=True, width=width)
        canvas.setLineWidth(0.8)
        canvas.setStrokeColorRGB(0, 0, 0)
        canvas.line(width / 2 - 30 * mm, y - 2.5 * mm, width / 2 + 30 * mm, y - 2.5 * mm)
        y -= 16 * mm
        _centred(canvas, decision.grantor_title.upper(), y, 19, bold=True, red=True, width=width)
        y -= 12 * mm
        _centred(canvas, _("TẶNG"), y, 18, bold=True, width=width)
        y -= 14 * mm
        _centred(canvas, decision.form.name.upper(), y, 26, bold=True, red=True, width=width)
        y -= 15 * mm
        _centred(canvas, entry.name, y, 22, bold=True, width=width)
        details = ", ".join(p for p in (entry.position, entry.unit_name) if p)
        if details:
            y -= 9 * mm
            _centred(canvas, details, y, 15, width=width)
        y -= 9 * mm
        achievement = decision.achievement.strip().rstrip(".") or _(
            "Đã có thành tích xuất sắc trong phong trào thi đua"
        )
        _centred(
            canvas, achievement[:1].upper() + achievement[1:] + ".", y, 14, italic=True, width=width
        )
        y -= 9 * mm
        _centred(
            canvas,
            _("Quyết định số %(number)s, %(date)s")
            % {
                "number": decision.number,
                "date": document_date(decision.date),
            },
            y,
            13,
            width=width,
        )
        right = width * 0.70
        base = 50 * mm
        canvas.setFillColorRGB(0, 0, 0)
        canvas.setFont(font_name(italic=True), 14)
        canvas.drawCentredString(right, base, place_date_line(decision.place_name, decision.date))
        canvas.setFont(font_name(bold=True), 14)
        canvas.drawCentredString(right, base - 7 * mm, decision.signature_heading)
        if decision.authority_prefix and decision.signer_position:
            canvas.drawCentredString(right, base - 13 * mm, decision.signer_position.upper())
        canvas.drawCentredString(right, 22 * mm, decision.signer_name)
        _qr(canvas, verification_url(certificate.code))


def certificate_pdf(certificates: list[Any], *, title: str = "") -> bytes:
    """One PDF with a page per certificate (one certificate: a one-page file)."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=landscape(A4), pageCompression=1)
    canvas.setTitle(title or _("Bằng khen, Giấy khen"))
    canvas.setAuthor("thidua")
    for certificate in certificates:
        draw_certificate(canvas, certificate)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
