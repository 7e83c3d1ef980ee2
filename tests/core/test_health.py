"""``/health/`` for a load balancer (docs/operations.md, "Scaling out"): ok while the
database and the file storage answer, 503 naming the storage when it does not."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.config import Config
from django.test import Client

from tests.s3_server import S3Bucket, free_port


@pytest.mark.django_db
def test_health_is_ok_with_the_local_disk() -> None:
    response = Client().get("/health/")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "storage": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_is_ok_with_a_bucket_that_answers(s3_storage: S3Bucket) -> None:
    response = Client().get("/health/")

    assert response.json() == {"status": "ok", "database": "ok", "storage": "ok"}
    assert s3_storage.stored_keys() == []  # the probe stores nothing


@pytest.mark.django_db
def test_health_is_503_when_the_storage_does_not_answer(settings: Any) -> None:
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "thidua.core.s3_storage.PrivateS3Storage",
            "OPTIONS": {
                "bucket_name": "thidua",
                "endpoint_url": f"http://127.0.0.1:{free_port()}",  # nothing listens there
                "access_key": "k",
                "secret_key": "s",
                "region_name": "us-east-1",
                "client_config": Config(retries={"max_attempts": 1}, connect_timeout=2),
            },
        },
    }

    response = Client().get("/health/")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "storage": "error"}
