"""Where uploaded and generated files are kept: the local disk, or an S3-compatible bucket.

``THIDUA_STORAGE=local`` (the default) keeps them under ``MEDIA_ROOT``, which suits one
machine. Several web servers and workers on separate hosts need one place every process
reads and writes: ``THIDUA_STORAGE=s3`` keeps them in a bucket through django-storages'
S3 backend (AWS S3, MinIO, Ceph RGW, Garage, a provider's object storage). Django's
"Managing files" guide is the reference: every reader and writer goes through the
``Storage`` API (``FieldFile.open``, ``.save``, ``.delete``, ``storage.size``), never
through a local path, so the code is the same for both.

The files stay private either way: no page links to a storage address; a view checks
who may see a file and streams it (``core.files.stored_file_response``). This module
only builds the settings from the environment; it imports nothing from Django or boto3
so that settings.py may use it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

LOCAL = "local"
S3 = "s3"
KINDS = (LOCAL, S3)
LOCAL_BACKEND = "django.core.files.storage.FileSystemStorage"
S3_BACKEND = "thidua.core.s3_storage.PrivateS3Storage"
#: A file read from the bucket is held in memory up to this size, then in a temporary
#: file of ``FILE_UPLOAD_TEMP_DIR`` (django-storages keeps all of it in memory otherwise).
S3_MEMORY_BYTES = 2_621_440


def storage_kind(value: str) -> str:
    """``THIDUA_STORAGE`` as written by an operator ("S3 ", "Local"), normalised."""
    return value.strip().lower() or LOCAL


def s3_options(env: Mapping[str, str]) -> dict[str, Any]:
    """The S3 backend's OPTIONS from the ``THIDUA_S3_*`` values (empty ones left out, so
    that boto3 falls back on its own chain: instance role, ``AWS_*`` variables).

    Names never overwrite each other (``file_overwrite`` off, as on the local disk: a
    second file of the same name gets a suffix); a file read is never public
    (``querystring_auth`` on, no ACL set: the bucket's own policy, which must be private,
    applies)."""
    endpoint = env.get("endpoint_url", "").strip()
    # A custom endpoint (MinIO, a provider) is addressed by path; on AWS boto3 chooses.
    addressing = env.get("addressing_style", "").strip() or ("path" if endpoint else None)
    options: dict[str, Any] = {
        "bucket_name": env.get("bucket", "").strip(),
        "location": env.get("prefix", "").strip().strip("/"),
        "file_overwrite": False,
        "querystring_auth": True,
        "default_acl": None,
        "signature_version": "s3v4",
        "max_memory_size": S3_MEMORY_BYTES,
        "addressing_style": addressing,
    }
    optional = {
        "endpoint_url": endpoint,
        "region_name": env.get("region", "").strip(),
        "access_key": env.get("access_key_id", "").strip(),
        "secret_key": env.get("secret_access_key", "").strip(),
    }
    options |= {name: value for name, value in optional.items() if value}
    return options


def default_storage_setting(kind: str, s3_env: Mapping[str, str]) -> dict[str, Any]:
    """``STORAGES["default"]`` for ``THIDUA_STORAGE=kind``: the local disk unless ``s3``
    (an unknown kind stays local; the deploy check ``thidua.W001`` reports it)."""
    if kind != S3:
        return {"BACKEND": LOCAL_BACKEND}
    return {"BACKEND": S3_BACKEND, "OPTIONS": s3_options(s3_env)}


def s3_problems(kind: str, options: Mapping[str, Any]) -> list[str]:
    """What is missing from an S3 configuration: the names of the variables to set."""
    if kind != S3:
        return []
    missing = [] if options.get("bucket_name") else ["THIDUA_S3_BUCKET"]
    has_id, has_secret = bool(options.get("access_key")), bool(options.get("secret_key"))
    if has_id and not has_secret:
        missing.append("THIDUA_S3_SECRET_ACCESS_KEY")
    if has_secret and not has_id:
        missing.append("THIDUA_S3_ACCESS_KEY_ID")
    return missing
