"""Turn an uploaded plan (DOCX, PDF with a text layer, plain text) into lines of text.

``read_plan`` decides the kind of file by its first bytes, never by its name, and returns
the plan as a list of lines:

- one line per paragraph of a DOCX (table cells too, in document order, each cell's
  paragraphs in turn), per line of a text file, per text line of a PDF page (a line
  wrapped at the right margin is joined with the next: a PDF has no paragraphs);
- every line NFC, spaces tidied (non-breaking and zero-width spaces, tabs, runs of spaces,
  a space before ``, . ; : ) %``), look-alike letters fixed ("Ð" → "Đ", a Greek "έ" inside
  a Vietnamese word → "é");
- **empty lines are left out**, so line *n* is the *n*-th line that has text. ``SourceRef.line``
  of an extraction counts in this list, from 1.

A text that is not a launch plan (no "KẾ HOẠCH" title, no words of a campaign) is refused
too. Refusals raise ``DomainError`` with a Vietnamese message saying what to do.
"""

from __future__ import annotations

import io
import os
import re
import unicodedata
import zipfile
from collections.abc import Iterator

from django.conf import settings
from django.utils.translation import gettext as _

from thidua.core.errors import DomainError
from thidua.core.numbers import megabytes
from thidua.core.ooxml import ooxml_check
from thidua.plan_import.extract.plan import looks_like_plan

#: Default upper bound of an uploaded plan (THIDUA_PLAN_IMPORT_MAX_BYTES).
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_SPACE_BEFORE = re.compile(r" +([,.;:)%?!])")
_SPACE_AFTER_OPEN = re.compile(r"\( +")
# Greek letters that text recognition puts for Latin ones inside Vietnamese words.
_LOOKALIKES = str.maketrans(
    {"\u00d0": "Đ", "\u00f0": "đ", "\u03ad": "é", "\u03ac": "á", "\u03cc": "ó", "\u03bf": "o"}
)
_LATIN_AROUND = re.compile(
    r"(?<=[A-Za-zÀ-ỹ])[\u03ac\u03ad\u03bf\u03cc]|[\u03ac\u03ad\u03bf\u03cc](?=[A-Za-zÀ-ỹ])"
)


def max_bytes() -> int:
    """The largest plan accepted, in bytes (setting or env THIDUA_PLAN_IMPORT_MAX_BYTES)."""
    value = getattr(settings, "THIDUA_PLAN_IMPORT_MAX_BYTES", None) or os.environ.get(
        "THIDUA_PLAN_IMPORT_MAX_BYTES"
    )
    return int(value) if value else DEFAULT_MAX_BYTES


def read_plan(data: bytes, filename: str) -> list[str]:
    """Return the lines of the plan in ``data`` (``filename`` is only used in messages)."""
    refuse_size(len(data), filename)
    if not data.strip():
        raise DomainError(_("Tệp %(name)s rỗng, không có nội dung.") % {"name": filename})
    raw = list(_raw_lines(data, filename))
    lines = [tidy(line) for line in raw]
    lines = [line for line in lines if line]
    if not lines:
        raise DomainError(_("Tệp %(name)s không có chữ nào đọc được.") % {"name": filename})
    if not looks_like_plan(lines):
        raise DomainError(
            _(
                "Tệp %(name)s không phải là một kế hoạch thi đua: không thấy tiêu đề "
                '"KẾ HOẠCH" và các nội dung phát động thi đua, khen thưởng. Hãy chọn đúng '
                "tệp kế hoạch."
            )
            % {"name": filename}
        )
    return lines


def refuse_size(size: int, filename: str) -> None:
    """Refuse a file over the limit before anything reads it."""
    limit = max_bytes()
    if size > limit:
        raise DomainError(
            _(
                "Tệp %(name)s quá lớn (%(size)s MB); chỉ nhận tệp đến %(limit)s MB. "
                "Hãy tải lên bản DOCX hoặc PDF của riêng kế hoạch."
            )
            % {"name": filename, "size": _mb(size), "limit": _mb(limit)}
        )


def tidy(line: str) -> str:
    """One line NFC, with spaces and look-alike letters tidied."""
    text = unicodedata.normalize("NFC", _INVISIBLE.sub("", line))
    text = _LATIN_AROUND.sub(lambda m: m.group(0).translate(_LOOKALIKES), text)
    text = text.replace("\u00d0", "Đ").replace("\u00f0", "đ")
    text = _SPACES.sub(" ", text).strip()
    text = _SPACE_BEFORE.sub(r"\1", text)
    return unicodedata.normalize("NFC", _SPACE_AFTER_OPEN.sub("(", text))


def _mb(size: int) -> str:
    return megabytes(size)


def _raw_lines(data: bytes, filename: str) -> Iterator[str]:
    """Sniff the kind of file from its first bytes and read its lines."""
    head = data[:1024]
    if head.startswith(b"PK\x03\x04"):
        return _docx_lines(data, filename)
    if b"%PDF-" in head:
        return _pdf_lines(data, filename)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise DomainError(
            _(
                "Tệp %(name)s là tệp Word cũ (.doc). Hãy mở bằng Word và lưu lại dạng .docx "
                "rồi tải lên."
            )
            % {"name": filename}
        )
    return iter(_decode_text(data, filename).splitlines())


def _not_supported(filename: str) -> DomainError:
    return DomainError(
        _(
            "Tệp %(name)s không phải là văn bản DOCX, PDF hay tệp chữ (.txt). Hãy tải lên kế "
            "hoạch ở một trong ba dạng đó."
        )
        % {"name": filename}
    )


def _decode_text(data: bytes, filename: str) -> str:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16 with a BOM, else cp1258."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise _not_supported(filename) from exc
    if b"\x00" in data[:4096]:
        raise _not_supported(filename)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1258", errors="replace")
    controls = sum(
        1 for ch in text[:4096] if unicodedata.category(ch) == "Cc" and ch not in "\r\n\t\f"
    )
    if controls > 8 or text[:4096].count("\ufffd") > 8:
        raise _not_supported(filename)
    return text


def _docx_lines(data: bytes, filename: str) -> Iterator[str]:
    """Paragraphs and table cells of a DOCX body, in document order."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "word/document.xml" not in archive.namelist():
                raise _not_supported(filename)
        ooxml_check(io.BytesIO(data), name=filename)
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DomainError(
            _("Tệp %(name)s bị hỏng, không mở được như tệp DOCX.") % {"name": filename}
        ) from exc
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.extend(block.text.splitlines())
        elif isinstance(block, Table):
            lines.extend(_table_lines(block))
    return iter(lines)


def _table_lines(table: object) -> list[str]:
    """Each distinct cell of a table, row by row (a merged cell counted once)."""
    seen: set[int] = set()
    lines: list[str] = []
    for row in table.rows:  # type: ignore[attr-defined]
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            for paragraph in cell.paragraphs:
                lines.extend(paragraph.text.splitlines())
    return lines


def _pdf_lines(data: bytes, filename: str) -> Iterator[str]:
    """The text layer of a PDF, page by page."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DomainError(
                _("Tệp %(name)s được đặt mật khẩu; hãy tải lên bản không khóa.")
                % {"name": filename}
            )
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise DomainError(
            _("Tệp %(name)s bị hỏng, không mở được như tệp PDF.") % {"name": filename}
        ) from exc
    if not "".join(pages).strip():
        raise DomainError(
            _(
                "Tệp %(name)s là PDF không có lớp chữ (bản quét, chỉ có hình ảnh): không đọc "
                "được nội dung. Hãy tải lên bản DOCX hoặc PDF có chữ, hoặc nhận dạng chữ (OCR) "
                "trước khi tải lên."
            )
            % {"name": filename}
        )
    return iter(line for page in pages for line in _unwrap(page.splitlines()))


_ITEM = re.compile(r"^\s*(?:[-–—•+*]\s|[IVX]+[.)]\s|\d{1,2}[.)]\s|[a-zđ]\)\s)")


def _unwrap(lines: list[str]) -> list[str]:
    """Lines of a PDF page with the lines wrapped at the right margin joined again.

    A line at least 80 % as long as the page's longest line that does not end a sentence
    goes on with the next line, unless that one starts a list item.
    """
    longest = max((len(line.strip()) for line in lines), default=0)
    out: list[str] = []
    wrapped = False
    for line in lines:
        text = line.strip()
        if wrapped and out and text and not _ITEM.match(text):
            out[-1] = f"{out[-1]} {text}"
        else:
            out.append(text)
        wrapped = bool(text) and len(text) >= 0.8 * longest and text[-1] not in ".;:!?"
    return out
