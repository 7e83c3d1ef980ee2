"""Stored files served through a view that has checked who may see them.

Uploaded and generated files are never under a public /media/ address: a page view or
an API action checks access, then answers with the file through ``stored_file_response``.
"""

from __future__ import annotations

from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404


def stored_file_response(
    field: FieldFile,
    *,
    content_type: str,
    filename: str,
    as_attachment: bool,
    missing: str | None = None,
    private: bool = False,
) -> FileResponse:
    """The stored file of ``field`` as a response named ``filename`` of ``content_type``.

    ``as_attachment`` makes the browser download it rather than show it. Http404 (with
    the message ``missing``, when given) when the file is no longer in the storage; the
    API's exception handler answers that as its own "not found". A ``private`` file (a
    decision, a unit's report, a print batch) is never kept by a browser or proxy cache.
    """
    try:
        handle = field.open("rb")
    except FileNotFoundError:
        if missing is None:
            raise Http404 from None
        raise Http404(missing) from None
    response = FileResponse(
        handle, content_type=content_type, as_attachment=as_attachment, filename=filename
    )
    if private:
        response["Cache-Control"] = "private, no-store"
    return response
