"""Hostile Office files for the tests: decompression bombs and forged archives.

Each is built in the test, streamed into the zip a chunk at a time (so building one does
not itself take the memory it would cost a parser). The shapes are those of issue 15: a
DOCX of ~45 KB holding ~30 MB of XML, an XLSX of ~250 KB holding ~100 MB of shared
strings (just under the 100 MiB the works import used to accept).
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Iterable, Iterator
from random import Random

import openpyxl

MB = 1024 * 1024
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_SHARED_STRINGS_TYPE = (
    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.spreadsheetml.sharedStrings+xml"/>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def _repeated(unit: str, size: int) -> Iterator[bytes]:
    """``unit`` repeated to about ``size`` bytes, in blocks of ~256 KB."""
    block = (unit * max(1, (256 * 1024) // len(unit))).encode()
    for _written in range(0, size, len(block)):
        yield block


def _streamed(
    archive: zipfile.ZipFile, name: str, head: str, body: Iterable[bytes], tail: str
) -> None:
    """Write part ``name``: ``head``, each block of ``body``, ``tail``."""
    with archive.open(name, "w") as part:
        part.write(head.encode())
        for block in body:
            part.write(block)
        part.write(tail.encode())


def docx_bomb(xml_bytes: int = 30 * MB) -> bytes:
    """A DOCX whose ``word/document.xml`` unpacks to ``xml_bytes`` of paragraphs."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        head = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W}"><w:body>'
        paragraph = "<w:p><w:r><w:t>KẾ HOẠCH THI ĐUA</w:t></w:r></w:p>"
        body = _repeated(paragraph, xml_bytes)
        _streamed(archive, "word/document.xml", head, body, "</w:body></w:document>")
    return buffer.getvalue()


def xlsx_bomb(strings_bytes: int = 95 * MB, header: list[str] | None = None) -> bytes:
    """A real workbook (one sheet with ``header``) whose ``xl/sharedStrings.xml``, listed
    in its content types as openpyxl looks for it, holds ``strings_bytes`` of strings."""
    return _with_shared_strings(_repeated("<si><t>Công trình</t></si>", strings_bytes), header)


def xlsx_many_strings(count: int) -> bytes:
    """A workbook with ``count`` short distinct shared strings (compressing as little as
    real text does: within every size and ratio limit, but many elements)."""
    random = Random(15)
    blocks = (
        b"".join(b"<si><t>%08x</t></si>" % random.getrandbits(32) for _ in range(1000))
        for _block in range(count // 1000)
    )
    return _with_shared_strings(blocks, None)


def _with_shared_strings(body: Iterable[bytes], header: list[str] | None) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(header or ["STT", "Tên"])
    plain = io.BytesIO()
    book.save(plain)
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(plain) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
    ):
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "[Content_Types].xml":
                content = content.replace(b"</Types>", _SHARED_STRINGS_TYPE + b"</Types>")
            if info.filename != "xl/sharedStrings.xml":
                archive.writestr(info.filename, content)
        head = (
            '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main">'
        )
        _streamed(archive, "xl/sharedStrings.xml", head, body, "</sst>")
    return buffer.getvalue()


def forged_sizes(data: bytes, member: str, declared: int) -> bytes:
    """``data`` with ``member``'s unpacked size declared as ``declared`` (in its local
    header and in the central directory) whatever it really unpacks to."""
    out = bytearray(data)
    name = member.encode()
    # (signature, offset of the unpacked size, of the name's length, of the name)
    for signature, size_at, length_at, name_at in (
        (b"PK\x03\x04", 22, 26, 30),
        (b"PK\x01\x02", 24, 28, 46),
    ):
        at = out.find(signature)
        while at >= 0:
            (length,) = struct.unpack_from("<H", out, at + length_at)
            if bytes(out[at + name_at : at + name_at + length]) == name:
                struct.pack_into("<I", out, at + size_at, declared)
            at = out.find(signature, at + 4)
    return bytes(out)


def with_doctype(data: bytes, member: str) -> bytes:
    """``data`` with ``member`` replaced by a small XML declaring entities (a "billion
    laughs" prologue)."""
    doctype = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        f'<w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    return replaced(data, member, doctype.encode())


def replaced(data: bytes, member: str, content: bytes) -> bytes:
    """``data`` with part ``member`` holding ``content`` instead."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        for info in source.infolist():
            archive.writestr(
                info.filename, content if info.filename == member else source.read(info)
            )
    return buffer.getvalue()


def many_parts(count: int) -> bytes:
    """A DOCX padded with ``count`` tiny extra parts."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("word/document.xml", f'<w:document xmlns:w="{_W}"/>')
        for number in range(count):
            archive.writestr(f"customXml/item{number}.xml", "<a/>")
    return buffer.getvalue()
