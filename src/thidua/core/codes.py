"""The codes of the refusals core raises itself (``DomainError.code``): what a program
reads. Each app keeps the codes of its own refusals in its own ``codes.py``."""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    """Why core refused a request."""

    DOMAIN_ERROR = "domain_error"  # a refusal that names no code of its own
    PERMISSION_DENIED = "permission_denied"
    BAD_FILE_TYPE = "bad_file_type"
    FILE_TOO_LARGE = "file_too_large"
    UNPACK_REFUSED = "unpack_refused"  # an Office file that unpacks to too much
