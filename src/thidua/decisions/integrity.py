"""The seal of an issued decision: a SHA-256 over its signed content and files, chained.

An issued decision is a signed administrative act (Luật Ban hành văn bản quy phạm pháp
luật does not apply, but Nghị định 30/2020/NĐ-CP Điều 5 makes a signed document fixed;
DESIGN.md §4): nobody may change it, and a change made behind the application's back
(a direct database edit, bytes appended to a stored file) must be noticed.

``seal_sha256`` is the SHA-256 of a canonical JSON text of everything the decision says
— number, date, issuing body, grantor, signer, form, legal bases, achievement, every row
of the attached list (name, kind, position, unit, multiplier, amount, order) — with the
SHA-256 of its DOCX and of its PDF, and the seal of the decision issued before it
(``previous_seal``). The chain makes a decision deleted from the database noticed: the
next decision's ``previous_seal`` names a seal that no longer exists.

``decision_integrity`` re-computes one decision's seal from the rows and files as they
are now (every display of an issued decision and of a certificate calls it; a mismatch
is logged; the files' hashes are reused while a file keeps its size and modification
time, the rows are read every time); ``chain_problems`` checks the links; ``python -m thidua decisions verify``
runs both over every issued decision.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import connection
from django.utils.translation import gettext as _

from thidua.decisions.models import DecisionEntry
from thidua.decisions.models.decisions import CONTENT_FIELDS, ENTRY_FIELDS

logger = logging.getLogger("thidua.decisions.integrity")

#: The decision's own fields the seal covers: every field fixed at issue, less the hashes
#: and files the seal is made of or stands beside (the DOCX and PDF count by their hash).
SEALED_FIELDS = tuple(
    name
    for name in CONTENT_FIELDS
    if name not in {"content_sha256", "seal_sha256", "previous_seal", "docx", "pdf"}
)
#: The fields of each row of the attached list the seal covers (not the row's decision).
SEALED_ENTRY_FIELDS = tuple(name for name in ENTRY_FIELDS if name != "decision_id")
#: A lock number for PostgreSQL's advisory lock: one decision is sealed at a time, so
#: two decisions issued at once never chain to the same predecessor.
CHAIN_LOCK = 7_346_201


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | str | list | dict):
        return value
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _bytes_of(field: Any) -> bytes | None:
    """A stored file's bytes, b"" when there is none, None when it cannot be read."""
    if not field or not field.name:
        return b""
    try:
        with field.storage.open(field.name, "rb") as handle:
            return bytes(handle.read())
    except OSError:
        return None


def seal_of(decision: Any, entries: Iterable[Any], *, docx: str, pdf: str, previous: str) -> str:
    """The seal of ``decision`` with these rows, file hashes and predecessor's seal."""
    content = {
        "decision": {name: _plain(getattr(decision, name)) for name in SEALED_FIELDS},
        "entries": [
            {name: _plain(getattr(entry, name)) for name in SEALED_ENTRY_FIELDS}
            for entry in sorted(entries, key=lambda e: (e.order, e.nomination_id))
        ],
        "docx_sha256": docx,
        "pdf_sha256": pdf,
        "previous": previous,
    }
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def chain_head(model: Any, *, exclude_pk: int | None = None) -> str:
    """The seal of the last sealed decision (the one the next decision chains to).

    On PostgreSQL an advisory lock held to the end of the transaction serialises
    sealing; SQLite's IMMEDIATE transactions already write one at a time."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK])
    last = (
        model.objects.exclude(seal_sha256="")
        .exclude(pk=exclude_pk)
        .order_by("-issued_at", "-pk")
        .values_list("seal_sha256", flat=True)
        .first()
    )
    return last or ""


def seal(decision: Any, *, docx: bytes, pdf: bytes) -> None:
    """Set the seal of a decision being issued (inside its locked transition), over its
    rows as stored (read back, so that the seal sees what a later check will read)."""
    entries = list(DecisionEntry.objects.filter(decision_id=decision.pk))
    decision.previous_seal = chain_head(type(decision), exclude_pk=decision.pk)
    decision.seal_sha256 = seal_of(
        decision,
        entries,
        docx=hashlib.sha256(docx).hexdigest(),
        pdf=hashlib.sha256(pdf).hexdigest(),
        previous=decision.previous_seal,
    )


@dataclass
class Integrity:
    """The outcome of checking one decision: ``ok``, or the problems in Vietnamese."""

    decision_id: int
    number: str
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


#: Hashes of the decisions' stored files already read by this process, keyed by what
#: identifies one version of the files (see ``_file_digests``); bounded.
_FILE_DIGESTS: OrderedDict[tuple[Any, ...], tuple[str, str, str]] = OrderedDict()
_FILE_DIGESTS_MAX = 2048


def _version_of(field: Any) -> tuple[Any, ...] | None:
    """What identifies the stored file's current bytes without reading them: its name,
    size and modification time (any write changes them); None when unknown."""
    if not field or not field.name:
        return ("",)
    try:
        return (
            field.name,
            field.storage.size(field.name),
            field.storage.get_modified_time(field.name).timestamp(),
        )
    except (OSError, NotImplementedError):
        return None


def _file_digests(decision: Any, *, cached: bool) -> tuple[str, str, str]:
    """SHA-256 of the DOCX, of the PDF ("missing" when unreadable) and of both together.

    A page displaying the same decision again reuses the hashes while the files keep
    their seal, name, size and modification time (one stat each instead of reading and
    hashing them); ``decisions verify`` (``cached=False``) always reads every byte."""
    key = None
    if cached:
        versions = (_version_of(decision.docx), _version_of(decision.pdf))
        if None not in versions:
            key = (decision.pk, decision.seal_sha256, decision.content_sha256, *versions)
            hit = _FILE_DIGESTS.get(key)
            if hit is not None:
                return hit
    docx, pdf = _bytes_of(decision.docx), _bytes_of(decision.pdf)
    found = (
        hashlib.sha256(docx).hexdigest() if docx is not None else "missing",
        hashlib.sha256(pdf).hexdigest() if pdf is not None else "missing",
        hashlib.sha256((docx or b"") + (pdf or b"")).hexdigest()
        if docx is not None and pdf is not None
        else "missing",
    )
    if key is not None:
        _FILE_DIGESTS[key] = found
        while len(_FILE_DIGESTS) > _FILE_DIGESTS_MAX:
            _FILE_DIGESTS.popitem(last=False)
    return found


def decision_integrity(decision: Any, *, log: bool = True, cached: bool = True) -> Integrity:
    """Re-compute the seal of an issued decision from its rows and files as they are now.

    A draft is not sealed (always ``ok``); an issued decision without a seal, a seal that
    differs or a file that no longer matches its hash is a problem, logged as an error.
    The rows are read every time; the files' hashes are reused while the files keep
    their size and modification time (``_file_digests``), unless ``cached`` is False."""
    result = Integrity(decision.pk, decision.number)
    if decision.state == "draft":
        return result
    entries = list(DecisionEntry.objects.filter(decision_id=decision.pk))
    docx_digest, pdf_digest, files = _file_digests(decision, cached=cached)
    digests = {"docx": docx_digest, "pdf": pdf_digest}
    if not decision.seal_sha256:
        result.problems.append(_("Quyết định đã ban hành nhưng không có mã niêm phong."))
    elif decision.seal_sha256 != seal_of(
        decision, entries, previous=decision.previous_seal, **digests
    ):
        result.problems.append(
            _(
                "Nội dung quyết định hoặc danh sách kèm theo trong cơ sở dữ liệu không khớp "
                "mã niêm phong lúc ban hành: dữ liệu đã bị sửa ngoài phần mềm."
            )
        )
    if files != decision.content_sha256:
        result.problems.append(
            _("Tệp quyết định (DOCX, PDF) đã bị thay đổi hoặc mất sau khi ban hành.")
        )
    if log and result.problems:
        logger.error(
            "Decision %s (%s) fails its integrity check: %s",
            decision.pk,
            decision.number,
            " | ".join(result.problems),
        )
    return result


def chain_problems(sealed: list[Any]) -> dict[int, list[str]]:
    """Broken links of the chain, by decision pk: a ``previous_seal`` naming no decision
    (one was deleted), or two decisions chained to the same predecessor."""
    seals = {d.seal_sha256 for d in sealed}
    problems: dict[int, list[str]] = {}
    followers: dict[str, int] = {}
    first = [d for d in sealed if not d.previous_seal]
    for d in sealed:
        if d.previous_seal and d.previous_seal not in seals:
            problems.setdefault(d.pk, []).append(
                _(
                    "Quyết định ban hành ngay trước quyết định này không còn trong cơ sở dữ "
                    "liệu (mắt xích niêm phong bị đứt)."
                )
            )
        if d.previous_seal:
            if d.previous_seal in followers:
                problems.setdefault(d.pk, []).append(
                    _(
                        "Hai quyết định cùng nối vào một quyết định trước (chuỗi niêm phong rẽ nhánh)."
                    )
                )
            followers[d.previous_seal] = d.pk
    for extra in first[1:]:
        problems.setdefault(extra.pk, []).append(
            _("Quyết định không nối vào quyết định ban hành trước nó (chuỗi niêm phong bị đứt).")
        )
    return problems
