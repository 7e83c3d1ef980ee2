"""Uploaded files checked by what they contain, not by what they are called."""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass
from typing import IO

from django.utils.translation import gettext as _

from thidua.core.codes import ErrorCode
from thidua.core.errors import DomainError
from thidua.core.numbers import megabytes
from thidua.core.ooxml import (
    IMPORT_LIMITS,
    UnpackLimits,
    ooxml_check,
    ooxml_problem,
    refusal_message,
)

MAX_PHOTO_BYTES = 10 * 1024 * 1024
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class CheckedFile:
    kind: str  # "photo" or "document"
    content_type: str
    size: int
    sha256: str


def _zip_member_prefix(head: IO[bytes]) -> str:
    try:
        with zipfile.ZipFile(head) as archive:
            names = archive.namelist()
    except zipfile.BadZipFile:
        return ""
    if any(n.startswith("word/") for n in names):
        return "docx"
    if any(n.startswith("xl/") for n in names):
        return "xlsx"
    return ""


def sniff(stream: IO[bytes]) -> str:
    """The real type of a file from its first bytes: jpeg, png, webp, pdf, docx, xlsx or ""."""
    stream.seek(0)
    head = stream.read(16)
    stream.seek(0)
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        kind = _zip_member_prefix(stream)
        stream.seek(0)
        return kind
    return ""


_TYPES = {
    "jpeg": ("photo", "image/jpeg"),
    "png": ("photo", "image/png"),
    "webp": ("photo", "image/webp"),
    "pdf": ("document", "application/pdf"),
    "docx": (
        "document",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "xlsx": ("document", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


def check_evidence(stream: IO[bytes], *, name: str, size: int) -> CheckedFile:
    """Accept a photo (JPEG, PNG, WebP ≤ 10 MB) or a document (PDF, DOCX, XLSX ≤ 20 MB);
    a DOCX or XLSX must also unpack within ``core.ooxml.DOCUMENT_LIMITS``.

    Raises ``DomainError`` with a Vietnamese message saying what to send instead.
    """
    real = sniff(stream)
    if real not in _TYPES:
        raise DomainError(
            _(
                "Tệp “%(name)s” không phải ảnh (JPEG, PNG, WebP) hay tài liệu (PDF, DOCX, XLSX); "
                "hãy gửi đúng loại tệp."
            )
            % {"name": name},
            code=ErrorCode.BAD_FILE_TYPE,
        )
    kind, content_type = _TYPES[real]
    limit = MAX_PHOTO_BYTES if kind == "photo" else MAX_DOCUMENT_BYTES
    if size > limit:
        raise DomainError(
            _("Tệp “%(name)s” quá lớn (%(size)s MB); tối đa %(limit)s MB.")
            % {"name": name, "size": megabytes(size), "limit": megabytes(limit)},
            code=ErrorCode.FILE_TOO_LARGE,
        )
    if real in ("docx", "xlsx"):
        ooxml_check(stream, name=name)
    digest = hashlib.sha256()
    stream.seek(0)
    for chunk in iter(lambda: stream.read(65536), b""):
        digest.update(chunk)
    stream.seek(0)
    return CheckedFile(kind, content_type, size, digest.hexdigest())


#: The largest spreadsheet an Excel import takes.
XLSX_IMPORT_BYTES = 5 * 1024 * 1024


def xlsx_import_problem(
    stream: IO[bytes], size: int, *, limits: UnpackLimits = IMPORT_LIMITS
) -> str | None:
    """What is wrong with an uploaded list before openpyxl opens it, in words for the
    user, or None: not an .xlsx by its content, over ``XLSX_IMPORT_BYTES``, or an archive
    that unpacks beyond ``limits`` (``core.ooxml.IMPORT_LIMITS``: a decompression bomb)."""
    if size > XLSX_IMPORT_BYTES or sniff(stream) != "xlsx":
        return _("Hãy tải lên tệp Excel (.xlsx) theo mẫu, tối đa 5 MB.")
    unpacked = ooxml_problem(stream, limits=limits)
    return None if unpacked is None else refusal_message(None, unpacked)
