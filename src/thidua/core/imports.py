"""Imports of large files as a job (issue #16: no request over 5 s), on the export jobs'
machinery (``core.exports``: the same ``ExportJob``, workflow, page and worker).

Core knows no domain app: each app whose import may run as a job registers an
``ImportKind`` in its ``AppConfig.ready()``::

    register_import_kind(ImportKind(key="nominations", label=…, run=…, back=…))

``run(user, parameters, content, steps)`` imports ``content`` (the uploaded file's bytes)
with the requester's rights re-checked from ``parameters`` (the unit, the campaign),
all or nothing: it calls ``steps.progress(done, total)`` while it reads and
``steps.commit(created, notes)`` last inside the transaction that saves the rows (``notes``:
what the person should still look at in the rows saved), and returns the rows' errors
when it saved nothing. ``back(parameters)`` is the page to go back to.

A page calls ``import_job_request`` for a file above ``settings.IMPORT_DIRECT_ROWS`` rows;
the file is stored privately (``ExportJob.source``) until the job is finished, and the
task (``core.import_tasks``) records the ``outcome``: rows created, or each error.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, Any, Protocol

from django.core.files.base import ContentFile

from thidua.core.exports import export_kinds, job_request
from thidua.core.models import ExportJob

_ROW_TAG = re.compile(rb"<(?:\w+:)?row[\s>/]")


class ImportSteps(Protocol):
    """What an import tells its job: how far it read; that it is about to commit."""

    def progress(self, done: int, total: int) -> None: ...

    def commit(self, created: int, notes: list[str]) -> None: ...


@dataclass(frozen=True)
class ImportKind:
    """An import an app runs as a job: how to run it, and the page to go back to."""

    key: str
    label: Any
    #: ``(user, parameters, content, steps) → errors`` (empty: the rows were saved).
    run: Callable[[Any, dict[str, Any], bytes, ImportSteps], list[str]]
    back: Callable[[dict[str, Any]], str]


_KINDS: dict[str, ImportKind] = {}


def register_import_kind(kind: ImportKind) -> None:
    """Offer an import under ``kind.key`` (registered again: replaced, not doubled).

    Imports and exports share ``ExportJob.kind``: a key an export holds is refused (the
    job's page would take one for the other)."""
    if kind.key in {export.key for export in export_kinds()}:
        raise ValueError(f"{kind.key!r} is an export's key: give the import its own")
    _KINDS[kind.key] = kind


def import_kind(key: str) -> ImportKind | None:
    """The registered import ``key``, or None (an export's key)."""
    return _KINDS.get(key)


def sheet_row_count(stream: IO[bytes], names: set[str]) -> int:
    """How many rows the first sheet named in ``names`` (else the first sheet) holds,
    counted on its XML without reading the cells (the size a file states may be missing
    or wrong: one written in a single stream states none). 0 for a file that cannot be
    read (its import then says what is wrong). Unpack the upload's limits first
    (``core.ooxml``): the sheet is read in full."""
    from openpyxl import load_workbook

    rows, tail = 0, b""
    try:
        book = load_workbook(stream, read_only=True, data_only=True)
        sheet = next((ws for ws in book.worksheets if ws.title in names), book.worksheets[0])
        # openpyxl names the sheet's part only privately.
        with book._archive.open(sheet._worksheet_path) as xml:
            while chunk := xml.read(1 << 20):
                rows += len(_ROW_TAG.findall(tail + chunk)) - len(_ROW_TAG.findall(tail))
                tail = chunk[-32:]
        book.close()
    except Exception:  # any damaged file: its import reports it in words
        return 0
    finally:
        stream.seek(0)
    return rows


def import_job_request(
    *, actor: Any, kind: str, parameters: dict[str, Any], content: bytes, name: str
) -> ExportJob:
    """Queue the import of ``content`` (a file named ``name``) for ``actor``.

    Guarantees: only a signed-in person (``NotPermitted``); the same file sent again for
    the same parameters while its job is pending gets that job back (a double click
    imports once); the file is stored privately and read by the task alone, which
    checks the requester's rights again before it saves anything.
    """
    from thidua.core.import_tasks import import_job_run

    if kind not in _KINDS:
        raise KeyError(kind)
    parameters = parameters | {"sha256": hashlib.sha256(content).hexdigest()}
    return job_request(
        actor=actor,
        kind=kind,
        parameters=parameters,
        task=import_job_run,
        source=ContentFile(content, name=name[-80:] or "tep.xlsx"),
    )
