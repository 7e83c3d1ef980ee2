"""The S3-compatible storage of ``THIDUA_STORAGE=s3`` (``core.file_storage``).

django-storages' ``S3Storage`` (boto3 underneath), with one change: it gives no address
of a file. thidua's files are private (decisions, dossiers, unit reports): each is read
by a view that checked who may see it and streams the bytes
(``core.files.stored_file_response``), one code path for the local disk and the bucket.
A signed URL would be a second path that skips that check once it leaks (mail, browser
history, a proxy log), so asking for one is a programming error.
"""

from __future__ import annotations

from typing import Any

from storages.backends.s3 import S3Storage


class PrivateS3Storage(S3Storage):
    """An S3 bucket whose files are only ever streamed through thidua's views."""

    def url(self, name: str | None, *args: Any, **kwargs: Any) -> str:
        raise NotImplementedError(
            f"{name}: thidua's stored files have no address; serve them with "
            "thidua.core.files.stored_file_response after the permission check."
        )
