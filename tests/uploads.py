"""Real files to upload in tests, built by hand so that no imaging library is needed."""

from __future__ import annotations

import io
import os
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile


def png_bytes(width: int = 2, height: int = 2) -> bytes:
    """A real (tiny) PNG image, built by hand so the test needs no imaging library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\xc0\x20\x20" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    stream = io.BytesIO()
    stream.write(b"\x89PNG\r\n\x1a\n")
    stream.write(chunk(b"IHDR", header))
    stream.write(chunk(b"IDAT", zlib.compress(rows)))
    stream.write(chunk(b"IEND", b""))
    return stream.getvalue()


def png_upload(name: str = "anh-hien-truong.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")


def noisy_png(width: int, height: int) -> bytes:
    """A real PNG of random pixels (it does not compress: width × height × 3 bytes)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + os.urandom(width * 3) for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"".join(
        [
            b"\x89PNG\r\n\x1a\n",
            chunk(b"IHDR", header),
            chunk(b"IDAT", zlib.compress(rows, 1)),
            chunk(b"IEND", b""),
        ]
    )
