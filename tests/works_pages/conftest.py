"""Fixtures of the works page tests: the works tests' campaign and people, frozen at
01/3/2025 09:00, and small helpers to post forms and read pages."""

from __future__ import annotations

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.browser.conftest import _static_root, browser  # noqa: F401  (browser journey)
from tests.pages.conftest import csp_problems, page_text, signed_in
from tests.works.conftest import (  # noqa: F401  (shared fixtures)
    TODAY,
    Kh,
    People,
    _frozen_time,
    kh,
    other_province,
    people,
)
from tests.works.factories import TITLES, advance, register
from thidua.organisations.models import UnitKind
from thidua.works.models import Work, WorkState

__all__ = [
    "TODAY",
    "Kh",
    "People",
    "advance",
    "csp_problems",
    "page_text",
    "png_bytes",
    "png_upload",
    "register",
    "signed_in",
    "work_in",
]


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


def work_in(
    state: WorkState, plan: Kh, staff: People, province, *, unit=None, actor=None, **overrides
) -> Work:
    """A work of commune A1 (or ``unit``) driven through the services to ``state``.

    Titles come from the works factories' list of eight distinct names unless given, so
    that (up to eight in a test) works made here never trip the look-alike check.
    """
    unit = unit or province.commune_a1
    actor = actor or staff.a1_officer
    overrides.setdefault("title", TITLES[Work.objects.count() % len(TITLES)])
    work = register(actor, plan, unit, **overrides)
    if unit.kind == UnitKind.COMMUNE:
        a_side = unit.parent_id == province.district_a.pk
        approver = staff.district_a_officer if a_side else staff.district_b_officer
    else:
        approver = staff.secretariat
    return advance(work, state, unit_actor=actor, approver=approver)


def client_for(user) -> Client:
    return signed_in(user)
