"""A real S3-compatible server for the tests: moto in server mode, a separate HTTP process
on a free port of 127.0.0.1 (the outside world of ``THIDUA_STORAGE=s3``; nothing of
thidua's is replaced). ``s3_storage`` points the test's default storage at a new bucket
of it; ``s3_environment`` gives the ``THIDUA_S3_*`` variables for subprocesses."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from thidua.core.file_storage import s3_options

ACCESS_KEY, SECRET_KEY, REGION = "thidua-test", "thidua-test-secret", "us-east-1"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_port(port: int, process: subprocess.Popen[Any], timeout: float = 30) -> None:
    """Until something accepts connections on ``port``; fails when ``process`` died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{process.args!r} exited with {process.returncode} before listening")
        with socket.socket() as probe:
            probe.settimeout(0.5)
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    pytest.fail(f"nothing listens on port {port} after {timeout} s")


def stop(process: subprocess.Popen[Any]) -> None:
    """Terminate ``process`` (kill it when it lingers) and reap it."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
    process.wait(timeout=10)


@dataclass(frozen=True)
class S3Bucket:
    endpoint: str
    name: str

    def environment(self, prefix: str = "") -> dict[str, str]:
        """The variables a thidua process needs to keep its files in this bucket."""
        return {
            "THIDUA_STORAGE": "s3",
            "THIDUA_S3_BUCKET": self.name,
            "THIDUA_S3_ENDPOINT_URL": self.endpoint,
            "THIDUA_S3_REGION": REGION,
            "THIDUA_S3_ACCESS_KEY_ID": ACCESS_KEY,
            "THIDUA_S3_SECRET_ACCESS_KEY": SECRET_KEY,
            "THIDUA_S3_PREFIX": prefix,
        }

    def options(self, prefix: str = "") -> dict[str, Any]:
        """The storage OPTIONS settings.py builds from ``environment(prefix)``."""
        return s3_options({
            "bucket": self.name, "endpoint_url": self.endpoint, "region": REGION,
            "access_key_id": ACCESS_KEY, "secret_access_key": SECRET_KEY, "prefix": prefix,
        })  # fmt: skip

    def client(self) -> Any:
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            region_name=REGION,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
        )

    def stored_keys(self) -> list[str]:
        pages = self.client().get_paginator("list_objects_v2").paginate(Bucket=self.name)
        return sorted(item["Key"] for page in pages for item in page.get("Contents", []))

    def read(self, key: str) -> bytes:
        return bytes(self.client().get_object(Bucket=self.name, Key=key)["Body"].read())


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    """moto's S3 server, started once for the session."""
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 - moto, run with this Python
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)


@pytest.fixture
def s3_bucket(s3_endpoint: str) -> S3Bucket:
    """A new, empty bucket of its own for the test."""
    bucket = S3Bucket(endpoint=s3_endpoint, name=f"thidua-{uuid.uuid4().hex[:12]}")
    bucket.client().create_bucket(Bucket=bucket.name)
    return bucket


@pytest.fixture
def s3_storage(s3_bucket: S3Bucket, settings: Any) -> S3Bucket:
    """This test's files go to the bucket, as with ``THIDUA_STORAGE=s3``."""
    settings.THIDUA_STORAGE = "s3"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "thidua.core.s3_storage.PrivateS3Storage",
            "OPTIONS": s3_bucket.options(prefix="media"),
        },
    }
    return s3_bucket
