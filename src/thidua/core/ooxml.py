"""Office files (DOCX, XLSX) checked as archives before any parser opens them.

A DOCX or an XLSX is a zip of XML parts, and a few kilobytes of zip can unpack to
gigabytes (a decompression bomb): a 45 KB DOCX holding 30 MB of XML took a web worker to
1.2 GB, a 249 KB XLSX with 102 MB of shared strings held one for 30 s. Every Office
upload (a plan, a works or nominations import, evidence and dossier files, which others
open) goes through ``ooxml_problem`` before it is read or stored, which guarantees, in
bounded memory (one 64 KB chunk at a time) and in well under a second:

- no more than ``members`` parts;
- every part's declared unpacked size and, read through, its actual size within
  ``member_bytes``, and all of them together within ``total_bytes``; a part whose actual
  size differs from the declared one (a forged header) or whose data is damaged is refused;
- every part over ``RATIO_GRACE_BYTES`` compressed no more than ``ratio`` times (Office
  XML compresses 5–20 times; a bomb hundreds or thousands of times);
- no XML part declares a DOCTYPE (Office parts never do; entities are how XML bombs grow);
- no more than ``elements`` XML elements in all parts, when the limits name a number (what
  a parser builds objects for: within the byte limits, a part of empty cells or empty
  strings is still millions of them).

The declared sizes are checked first, so a bomb that tells the truth is refused without
unpacking a byte. The parsers read through ``zipfile`` too, which stops at the declared
size, so what they are given is exactly what was measured here.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from typing import IO

from django.utils.translation import gettext as _

from thidua.core.codes import ErrorCode
from thidua.core.errors import DomainError
from thidua.core.numbers import MEBIBYTE, format_number, megabytes

#: Parts smaller than this may compress any amount (a blank styles part of repeated tags).
RATIO_GRACE_BYTES = MEBIBYTE
_CHUNK = 64 * 1024
_PROLOG = 4096
_DOCTYPE = (b"<!DOCTYPE", b"<!ENTITY")
_XML_SUFFIXES = (".xml", ".rels", ".vml")
#: Office writes its parts stored or deflated; other methods unpack without a size bound.
_OFFICE_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_ENCRYPTED = 0x1
#: The end record is the last 22 bytes, after a comment of at most 64 KB.
_END_RECORD_REACH = 22 + 65535


@dataclass(frozen=True)
class UnpackLimits:
    """How much an Office file may unpack to (see the module docstring)."""

    member_bytes: int
    total_bytes: int
    ratio: int = 100
    members: int = 2000
    #: Most XML elements (counted as "<") in all parts: what a parser builds objects for.
    elements: int | None = None


#: Documents kept as evidence or dossier files, or read as a plan: a long plan with photos
#: (a part stored as it is cannot be larger than the 20 MB a document may be).
DOCUMENT_LIMITS = UnpackLimits(
    member_bytes=20 * MEBIBYTE, total_bytes=64 * MEBIBYTE, elements=1_000_000
)
#: Workbooks imported row by row (works, nominations): a full template of 2,000 rows and
#: 12 columns of distinct text has about 200,000 elements. openpyxl reads every shared
#: string into memory, at ~15 µs each, before the first row: the count bounds that time
#: (to about what saving 2,000 rows costs anyway).
IMPORT_LIMITS = UnpackLimits(member_bytes=8 * MEBIBYTE, total_bytes=16 * MEBIBYTE, elements=250_000)


class UnpackRefused(DomainError):
    """An Office file that unpacks to too much, or whose archive is forged or damaged."""

    code = ErrorCode.UNPACK_REFUSED


def ooxml_problem(stream: IO[bytes], *, limits: UnpackLimits = DOCUMENT_LIMITS) -> str | None:
    """Why the zip in ``stream`` may not be unpacked (a Vietnamese clause), or None.

    The stream is left at its start.
    """
    listed = _listed_parts(stream)
    if listed > limits.members:
        return _members_problem(listed, limits)
    stream.seek(0)
    try:
        with zipfile.ZipFile(stream) as archive:
            infos = archive.infolist()
            problem = _declared_problem(infos, limits)
            if problem is None:
                problem = _actual_problem(archive, infos, limits)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, RuntimeError, EOFError, OSError):
        problem = _("tệp nén bên trong bị hỏng")
    finally:
        stream.seek(0)
    return problem


def ooxml_check(stream: IO[bytes], *, name: str, limits: UnpackLimits = DOCUMENT_LIMITS) -> None:
    """Refuse (``UnpackRefused``, in Vietnamese, saying what to do) an Office file that
    ``ooxml_problem`` finds a problem with; ``name`` is the file's name, for the message."""
    problem = ooxml_problem(stream, limits=limits)
    if problem is not None:
        raise UnpackRefused(refusal_message(name, problem))


def refusal_message(name: str | None, problem: str) -> str:
    """The whole refusal of file ``name`` (when known) for ``problem``, with the way to fix
    it."""
    fix = _(
        "Hãy mở tệp bằng Word hoặc Excel, chỉ giữ nội dung cần nộp, lưu thành tệp mới rồi "
        "tải lên lại."
    )
    if name is None:
        refused = _("Tệp không nhận được: %(problem)s.") % {"problem": problem}
    else:
        refused = _("Tệp “%(name)s” không nhận được: %(problem)s.") % {
            "name": name,
            "problem": problem,
        }
    return f"{refused} {fix}"


def _declared_problem(infos: list[zipfile.ZipInfo], limits: UnpackLimits) -> str | None:
    """A problem found from the central directory alone (nothing unpacked)."""
    if len(infos) > limits.members:
        return _members_problem(len(infos), limits)
    total = 0
    for info in infos:
        if info.compress_type not in _OFFICE_METHODS or info.flag_bits & _ENCRYPTED:
            return _("phần “%(part)s” được nén hoặc mã hóa theo cách tệp Office không dùng") % {
                "part": info.filename[:80]
            }
        if info.file_size > limits.member_bytes:
            return _(
                "phần “%(part)s” bên trong giải nén ra %(size)s MB, quá giới hạn %(limit)s MB"
            ) % {
                "part": info.filename[:80],
                "size": megabytes(info.file_size),
                "limit": megabytes(limits.member_bytes),
            }
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_GRACE_BYTES and ratio > limits.ratio:
            return _(
                "phần “%(part)s” bên trong bị nén %(ratio)s lần, quá mức của một tệp Office "
                "bình thường (tối đa %(limit)s lần)"
            ) % {
                "part": info.filename[:80],
                "ratio": format_number(int(ratio)),
                "limit": format_number(limits.ratio),
            }
        total += info.file_size
    if total > limits.total_bytes:
        return _(
            "các phần bên trong giải nén ra tổng cộng %(size)s MB, quá giới hạn %(limit)s MB"
        ) % {
            "size": megabytes(total),
            "limit": megabytes(limits.total_bytes),
        }
    return None


def _members_problem(count: int, limits: UnpackLimits) -> str:
    return _("tệp có %(count)s phần bên trong, quá giới hạn %(limit)s phần") % {
        "count": format_number(count),
        "limit": format_number(limits.members),
    }


def _listed_parts(stream: IO[bytes]) -> int:
    """The number of parts the end record of the zip declares (0 when none is found), read
    before ``zipfile`` builds its list of every part (a list as long as the archive says)."""
    stream.seek(0, 2)
    size = stream.tell()
    stream.seek(max(0, size - _END_RECORD_REACH))
    tail = stream.read()
    stream.seek(0)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) < at + 22:
        return 0
    return int.from_bytes(tail[at + 10 : at + 12], "little")


def _actual_problem(
    archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], limits: UnpackLimits
) -> str | None:
    """A problem found by unpacking each part in chunks: a size that is not the declared
    one, damaged data (``zipfile`` checks the CRC at the end), a DOCTYPE in XML, or more
    XML elements than ``limits.elements`` in all the parts together."""
    elements = 0
    for info in infos:
        if info.is_dir():
            continue
        is_xml = info.filename.endswith(_XML_SUFFIXES)
        actual = 0
        with archive.open(info) as part:
            head = part.read(_PROLOG)
            if is_xml and any(marker in head for marker in _DOCTYPE):
                return _("phần “%(part)s” khai báo DOCTYPE, điều tệp Office không bao giờ có") % {
                    "part": info.filename[:80]
                }
            chunk = head
            while chunk:
                actual += len(chunk)
                elements += chunk.count(b"<") if is_xml else 0
                if limits.elements is not None and elements > limits.elements:
                    return _elements_problem(limits.elements)
                chunk = part.read(_CHUNK)
        # zipfile stops at the declared size: a part that unpacks to more fails its CRC
        # (BadZipFile), one that unpacks to less is caught here.
        if actual != info.file_size:
            return _("phần “%(part)s” không khớp kích thước đã khai báo (tệp bị sửa)") % {
                "part": info.filename[:80]
            }
    return None


def _elements_problem(limit: int) -> str:
    return _(
        "các phần bên trong có hơn %(limit)s phần tử (ô, dòng, chuỗi chữ, đoạn văn), quá "
        "nhiều để đọc"
    ) % {"limit": format_number(limit)}
