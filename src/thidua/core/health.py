"""``GET /health/``: is this web server able to serve? For a load balancer in front of
several web servers (docs/operations.md, "Scaling out").

It asks what every page needs and each host could lose on its own: the database (one
query) and the file storage (one lookup: on S3, a request that proves the endpoint and
the keys answer). 200 with ``{"status": "ok", …}`` when both answer, 503 naming the one
that does not. It shows no data and needs no sign-in; nothing is cached.
"""

from __future__ import annotations

import logging

from django.core.files.storage import default_storage
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger("thidua.core.health")
#: A name that is never stored: looking it up costs one request and finds nothing.
PROBE = "health-probe/never-stored"


def _database() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        logger.exception("Health check: the database does not answer")
        return False


def _storage() -> bool:
    try:
        default_storage.exists(PROBE)
    except Exception:  # boto3's errors, an OSError of the disk: any is a failure here
        logger.exception("Health check: the file storage does not answer")
        return False
    return True


@never_cache
@require_GET
def health_view(request: HttpRequest) -> JsonResponse:
    """The state of the database and the file storage, as JSON (200 or 503)."""
    parts = {"database": _database(), "storage": _storage()}
    ok = all(parts.values())
    body = {"status": "ok" if ok else "error"} | {
        name: "ok" if up else "error" for name, up in parts.items()
    }
    return JsonResponse(body, status=200 if ok else 503)
