"""Fixtures every test may use: a small province tree with two districts, fast password
hashing, Vietnamese as the language, temporary media files. Fixtures only: the test data
and helpers are in tests/factories/ and the modules beside this file (docs/development.md)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.factories import Province, small_province

#: Fixtures of every folder: Debian Chromium for the browser tests (tests/chromium.py), the
#: demo data loaded once per session (tests/demo_database.py) and an S3 server
#: (tests/s3_server.py).
pytest_plugins = ["tests.chromium", "tests.demo_database", "tests.s3_server"]


@pytest.fixture(scope="session", autouse=True)
def _no_stray_sessions(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    """Ends every other session on the test database before pytest-django drops it.

    A browser page of the live server can still be asking for something (the unread badge,
    a lazy region) when the last test ends, and its request thread holds a connection: the
    DROP DATABASE then fails with "being accessed by other users" and the run turns red."""
    yield
    from django.db import connection, connections

    with django_db_blocker.unblock():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
        connections.close_all()


@pytest.fixture(autouse=True)
def _fast_passwords(settings: pytest.FixtureRequest) -> None:
    """Tests hash passwords with MD5: the real hasher costs ~0.3 s a user."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _vietnamese_each_test() -> Iterator[None]:
    """Each test starts in Vietnamese: a request in English (the language switch) leaves
    English active in the thread, and it must not leak into the next test."""
    from django.utils import translation

    with translation.override("vi"):
        yield


@pytest.fixture(autouse=True)
def _isolated_files(
    settings: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Uploads go to a temporary folder; the static root exists (WhiteNoise warns otherwise)."""
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")
    settings.STATIC_ROOT = tmp_path_factory.mktemp("static")
    settings.FILE_UPLOAD_TEMP_DIR = tmp_path_factory.mktemp("upload-tmp")


@pytest.fixture
def province(db: None) -> Province:
    """Tỉnh → (Sở Nội vụ, Sở Y tế, Huyện A → (Xã A1, Xã A2), Huyện B → Xã B1)."""
    return small_province()
