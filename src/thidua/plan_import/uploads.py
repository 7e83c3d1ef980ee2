"""Refuse an oversized plan before its bytes are read.

Two gates: the request's Content-Length (a 50 MB upload is refused without reading it)
and an upload handler that stops counting bytes past the limit (a client that lies about
or omits the length). Both leave a flag that the view turns into a Vietnamese message.
"""

from __future__ import annotations

from typing import Any

from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest

#: Room for the multipart headers and the other form fields around the file.
ENVELOPE_BYTES = 64 * 1024


class SizeLimitHandler(FileUploadHandler):
    """First in the chain: passes chunks on until the file passes ``limit`` bytes."""

    def __init__(self, request: HttpRequest | None = None, *, limit: int) -> None:
        super().__init__(request)
        self.limit = limit
        self.received = 0
        self.too_large = False

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        self.received += len(raw_data)
        if self.received > self.limit:
            self.too_large = True
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size: int) -> Any:
        return None


def too_large_by_header(request: HttpRequest, limit: int) -> bool:
    """The declared body is larger than a plan may be."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    return length > limit + ENVELOPE_BYTES


def install_limit(request: HttpRequest, limit: int) -> SizeLimitHandler:
    """Put the size gate in front of the request's upload handlers (before POST is read)."""
    handler = SizeLimitHandler(request, limit=limit)
    handlers = list(request.upload_handlers)
    request.upload_handlers = [handler, *handlers]
    return handler
