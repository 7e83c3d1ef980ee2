"""The certificate's QR code, drawn straight on the canvas, holds its verification address:
rasterised, each module's centre is dark exactly where the encoder says so."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from thidua.decisions.certificate_pdf import QR_BORDER, draw_qr, qr_modules

URL = "https://thiduakhenthuong.vinhlong.gov.vn/public/xac-minh/ABCD-1234-EFGH/"


def test_qr_modules_are_a_square_with_the_three_finder_patterns() -> None:
    modules = qr_modules(URL)
    n = len(modules)
    assert all(len(row) == n for row in modules)
    assert (n - 17) % 4 == 0  # a QR version's side: 17 + 4 × version
    finder = [row[:7] for row in modules[:7]]
    assert finder[0] == [True] * 7 and finder[6] == [True] * 7
    assert finder[3] == [True, False, True, True, True, False, True]
    assert [row[-7:] for row in modules[:7]] == finder
    assert [row[:7] for row in modules[-7:]] == finder
    assert qr_modules(URL + "x") != modules


PDFTOPPM = shutil.which("pdftoppm")


@pytest.mark.skipif(PDFTOPPM is None, reason="needs poppler's pdftoppm")
def test_the_drawn_code_has_a_dark_centre_exactly_on_each_dark_module(tmp_path: Path) -> None:
    modules = qr_modules(URL)
    size, left, bottom = 52 * mm, 20 * mm, 24 * mm
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(120 * mm, 120 * mm))
    draw_qr(canvas, modules, left, bottom, size)
    canvas.showPage()
    canvas.save()
    pdf = tmp_path / "qr.pdf"
    pdf.write_bytes(buffer.getvalue())
    dpi = 300
    subprocess.run(  # noqa: S603 - our own file, a fixed program
        [str(PDFTOPPM), "-r", str(dpi), "-png", "-gray", str(pdf), str(tmp_path / "p")], check=True
    )
    image = Image.open(next(tmp_path.glob("p*.png"))).convert("L")
    px = dpi / 72  # pixels per point
    page_height = image.height
    box = size / (len(modules) + 2 * QR_BORDER)
    seen = []
    for r in range(len(modules)):
        row = []
        for c in range(len(modules)):
            x = (left + (c + QR_BORDER + 0.5) * box) * px
            y = page_height - (bottom + size - (r + QR_BORDER + 0.5) * box) * px
            row.append(image.getpixel((round(x), round(y))) < 128)
        seen.append(row)
    assert seen == modules
    # The quiet zone stays light.
    x = (left + 0.5 * box) * px
    y = page_height - (bottom + size - 0.5 * box) * px
    assert image.getpixel((round(x), round(y))) > 200
