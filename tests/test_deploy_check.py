"""docs/operations.md says the demo's secret key is caught by ``check --deploy``: it is;
and so is what several hosts would not share (thidua.core.checks, "Scaling out")."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks

from thidua.core.file_storage import default_storage_setting


def test_the_default_secret_key_is_reported_by_the_deploy_check() -> None:
    assert settings.SECRET_KEY.startswith("django-insecure-")  # the default in tests

    found = checks.run_checks(include_deployment_checks=True, tags=[checks.Tags.security])

    assert "security.W009" in {message.id for message in found}


def _thidua_warnings() -> dict[str, str]:
    found = checks.run_checks(include_deployment_checks=True)
    return {m.id: m.msg for m in found if m.id and m.id.startswith("thidua.")}


def test_the_default_configuration_has_nothing_local_to_one_host() -> None:
    assert _thidua_warnings() == {}


def test_s3_without_a_bucket_is_reported(settings: Any) -> None:
    settings.THIDUA_STORAGE = "s3"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": default_storage_setting("s3", {"access_key_id": "AKIA-THU"}),
    }

    found = _thidua_warnings()

    assert found == {
        "thidua.W002": "THIDUA_STORAGE=s3 nhưng cấu hình kho S3 chưa đủ: thiếu "
        "THIDUA_S3_BUCKET, THIDUA_S3_SECRET_ACCESS_KEY."
    }


def test_an_unknown_storage_kind_is_reported(settings: Any) -> None:
    settings.THIDUA_STORAGE = "ftp"

    assert list(_thidua_warnings()) == ["thidua.W001"]


def test_a_local_memory_cache_and_sessions_in_it_are_reported(settings: Any) -> None:
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "t"},
        "fast": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    settings.SESSION_CACHE_ALIAS = "fast"

    found = _thidua_warnings()

    assert sorted(found) == ["thidua.W003", "thidua.W004"]
    assert "“fast” (django.core.cache.backends.locmem.LocMemCache)" in found["thidua.W003"]


def test_sessions_in_the_database_cache_are_shared(settings: Any) -> None:
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

    assert _thidua_warnings() == {}


def test_file_sessions_are_reported(settings: Any) -> None:
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.file"

    assert list(_thidua_warnings()) == ["thidua.W004"]
