"""The folder of temporary upload files, and removing the ones a dead server left.

Django streams an upload larger than ``FILE_UPLOAD_MAX_MEMORY_SIZE`` to a temporary file
while it parses the request, and deletes that file when the request ends. A web server
killed mid-upload (kill -9, out of memory, a reboot) never ends the request: the file
stays. thidua puts these files in ``FILE_UPLOAD_TEMP_DIR`` (under the data folder, owned
by the app, not the shared /tmp) and removes there every file older than
``UPLOAD_TEMP_MAX_AGE_HOURS``: no live upload lasts that long, so a file that old belongs
to no request. ``python -m thidua uploads_clean`` does it (a daily job), and so does the
worker when it starts (``db_worker``). No database row refers to these files: an upload
is stored (and its row written) only after the whole request was read.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

logger = logging.getLogger("thidua.core.upload_temp")


def upload_temp_dir() -> Path:
    """The folder, created when missing (Django does not create it)."""
    folder = Path(settings.FILE_UPLOAD_TEMP_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@dataclass
class Cleanup:
    removed: list[Path] = field(default_factory=list)
    kept: int = 0


def upload_temp_clean(max_age_hours: float | None = None) -> Cleanup:
    """Remove the regular files of the upload folder not modified for ``max_age_hours``
    (``UPLOAD_TEMP_MAX_AGE_HOURS`` when None). Files being written now are kept; links
    and sub-folders are never followed."""
    hours = settings.UPLOAD_TEMP_MAX_AGE_HOURS if max_age_hours is None else max_age_hours
    limit = time.time() - dt.timedelta(hours=hours).total_seconds()
    result = Cleanup()
    with os.scandir(upload_temp_dir()) as entries:
        for entry in entries:
            if not entry.is_file(follow_symlinks=False):
                continue
            try:
                if entry.stat(follow_symlinks=False).st_mtime >= limit:
                    result.kept += 1
                    continue
                Path(entry.path).unlink()
            except FileNotFoundError:
                continue  # its request ended meanwhile and removed it
            result.removed.append(Path(entry.path))
            logger.warning("Removed a temporary upload file left by a dead request: %s", entry.path)
    return result
