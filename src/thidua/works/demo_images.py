"""Small pictures and a one-page PDF for the demo works, built without any imaging library.

The demo's progress updates carry real evidence: PNG photos (sky and ground gradients with
the work drawn on them — a building rising with its progress, a road, a canal with its
sluice gate, a square with its monument) and a minimal valid PDF. Everything is drawn as
horizontal spans, so a 320×200 picture costs a few milliseconds in pure Python.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

Colour = tuple[int, int, int]

#: What a picture shows, chosen from the kind of work.
SCENES = ("building", "road", "canal", "square")


@dataclass(frozen=True)
class Palette:
    """The colours of one work's pictures, so each work looks like itself."""

    sky_top: Colour
    sky_bottom: Colour
    ground_top: Colour
    ground_bottom: Colour
    main: Colour
    accent: Colour


_MAINS: tuple[Colour, ...] = (
    (222, 196, 120),
    (205, 120, 90),
    (236, 226, 200),
    (170, 190, 210),
    (214, 160, 80),
    (190, 110, 130),
    (150, 170, 120),
    (230, 205, 160),
)
_ACCENTS: tuple[Colour, ...] = (
    (170, 45, 40),
    (40, 90, 150),
    (60, 120, 60),
    (120, 60, 130),
    (200, 90, 30),
)


def palette_for(seed: int) -> Palette:
    """A distinct, stable palette for the work numbered ``seed``."""
    shade = (seed * 37) % 40
    return Palette(
        sky_top=(60 + shade, 120 + shade // 2, 200),
        sky_bottom=(190, 220 - shade // 2, 245),
        ground_top=(110 + shade, 150, 70),
        ground_bottom=(60, 100 + shade // 2, 40),
        main=_MAINS[seed % len(_MAINS)],
        accent=_ACCENTS[(seed // len(_MAINS)) % len(_ACCENTS)],
    )


def _blend(a: Colour, b: Colour, t: float) -> Colour:
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


class Canvas:
    """An RGB picture held as one bytearray per row, drawn with horizontal spans."""

    def __init__(self, width: int, height: int) -> None:
        self.width = width
        self.height = height
        self.rows = [bytearray(width * 3) for _ in range(height)]

    def span(self, y: int, x0: int, x1: int, colour: Colour) -> None:
        """Fill row ``y`` from ``x0`` to ``x1`` (exclusive), clipped to the picture."""
        if not 0 <= y < self.height:
            return
        x0, x1 = max(0, x0), min(self.width, x1)
        if x1 > x0:
            self.rows[y][x0 * 3 : x1 * 3] = bytes(colour) * (x1 - x0)

    def rect(self, x0: int, y0: int, x1: int, y1: int, colour: Colour) -> None:
        for y in range(max(0, y0), min(self.height, y1)):
            self.span(y, x0, x1, colour)

    def gradient(self, y0: int, y1: int, top: Colour, bottom: Colour) -> None:
        for y in range(y0, y1):
            self.span(y, 0, self.width, _blend(top, bottom, (y - y0) / max(1, y1 - y0 - 1)))

    def disc(self, cx: int, cy: int, r: int, colour: Colour) -> None:
        for dy in range(-r, r + 1):
            half = int((r * r - dy * dy) ** 0.5)
            self.span(cy + dy, cx - half, cx + half + 1, colour)

    def png(self) -> bytes:
        """The picture as a PNG file (8-bit RGB, no interlace)."""
        raw = b"".join(b"\x00" + bytes(row) for row in self.rows)

        def chunk(kind: bytes, data: bytes) -> bytes:
            body = kind + data
            return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)
        return (
            b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 6))
            + chunk(b"IEND", b"")
        )


def _building(c: Canvas, p: Palette, horizon: int, progress: float) -> None:
    left, right = c.width // 4, c.width * 3 // 4
    full = c.height * 2 // 5
    top = horizon + 10 - max(12, round(full * progress))
    c.rect(left - 10, horizon + 6, right + 10, horizon + 14, (150, 150, 150))  # foundation
    c.rect(left, top, right, horizon + 8, p.main)
    for x in range(left + 12, right - 16, 28):  # windows, row by row as the walls rise
        for y in range(horizon - 14, top + 6, -26):
            c.rect(x, y - 12, x + 14, y, (90, 120, 150))
    if progress >= 0.8:  # the roof goes on last
        roof = (right - left) // 2 + 14
        for dy in range(roof // 2):
            c.span(top - dy, left - 14 + dy * 2, right + 14 - dy * 2, p.accent)
    else:  # scaffolding while the building rises
        for x in range(left - 6, right + 8, 16):
            c.rect(x, top - 8, x + 2, horizon + 8, (120, 90, 60))


def _road(c: Canvas, p: Palette, horizon: int, progress: float) -> None:
    cx = c.width // 2
    done_until = c.height - round((c.height - horizon) * progress)
    for y in range(horizon, c.height):
        t = (y - horizon) / max(1, c.height - horizon)
        half = round(6 + t * c.width * 0.42)
        surface = (70, 70, 75) if y >= done_until else (170, 130, 90)  # asphalt or dirt
        c.span(y, cx - half, cx + half, surface)
        if y >= done_until and (y // 8) % 2 == 0:
            c.span(y, cx - max(1, half // 40), cx + max(2, half // 40), (240, 240, 240))
        if (y - horizon) % 14 == 7:  # flowers along the verges (đường hoa)
            radius = 1 + round(t * 4)
            c.disc(cx - half - 4 - radius, y, radius, p.accent)
            c.disc(cx + half + 4 + radius, y, radius, (240, 200, 60))


def _canal(c: Canvas, p: Palette, horizon: int, progress: float) -> None:
    water = (60, 120, 160)
    band_top = horizon + (c.height - horizon) // 3
    c.gradient(band_top, band_top + 40, water, (40, 90, 130))
    gate_left, gate_right = c.width // 2 - 40, c.width // 2 + 40
    c.rect(gate_left - 12, band_top - 30, gate_left, band_top + 44, (160, 160, 160))
    c.rect(gate_right, band_top - 30, gate_right + 12, band_top + 44, (160, 160, 160))
    gate_h = round(40 * progress)
    c.rect(gate_left, band_top + 40 - gate_h, gate_right, band_top + 40, p.accent)
    c.rect(gate_left - 12, band_top - 38, gate_right + 12, band_top - 30, p.main)


def _square(c: Canvas, p: Palette, horizon: int, progress: float) -> None:
    c.rect(20, horizon + 10, c.width - 20, c.height - 10, (200, 195, 185))
    cx = c.width // 2
    height = round((c.height // 2) * max(0.2, progress))
    c.rect(cx - 30, horizon - 2, cx + 30, horizon + 12, (150, 150, 150))
    c.rect(cx - 9, horizon - height, cx + 9, horizon, p.main)
    c.disc(cx, horizon - height - 6, 8, p.accent)
    for x in range(40, c.width - 40, 44):
        c.disc(x, horizon + 2, 9, (50, 120, 50))


_DRAW = {"building": _building, "road": _road, "canal": _canal, "square": _square}


def work_photo(
    seed: int,
    *,
    scene: str = "building",
    progress: float = 1.0,
    width: int = 320,
    height: int = 200,
) -> bytes:
    """A PNG "site photo" of a work: its scene, its palette (from ``seed``), its progress 0–1."""
    canvas = Canvas(width, height)
    palette = palette_for(seed)
    horizon = height * 3 // 5
    canvas.gradient(0, horizon, palette.sky_top, palette.sky_bottom)
    canvas.gradient(horizon, height, palette.ground_top, palette.ground_bottom)
    canvas.disc(width - 40 - (seed % 5) * 30, 30, 14, (250, 230, 140))  # sun
    _DRAW.get(scene, _building)(canvas, palette, horizon, max(0.0, min(1.0, progress)))
    return canvas.png()


def _pdf_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def minimal_pdf(lines: list[str]) -> bytes:
    """A valid one-page A4 PDF showing ``lines`` in Helvetica (ASCII text only).

    The standard fonts carry no Vietnamese marks, so demo documents are written without
    them; the cross-reference table has exact offsets, so readers open it without repair.
    """
    ops = ["BT", "/F1 14 Tf", "72 770 Td", "18 TL"]
    for line in lines:
        ascii_line = line.encode("ascii", "replace").decode("ascii")
        ops.append(f"({_pdf_text(ascii_line)}) Tj T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)
