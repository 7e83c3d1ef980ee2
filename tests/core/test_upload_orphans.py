"""A web server killed mid-upload leaves its temporary file in the app's own folder,
where the daily cleanup (or the worker at start) removes it (issue 15, item 7).

Reliability test: a real gunicorn on a copy of the test database, a large multipart body
streamed slowly by a signed-in unit officer, SIGKILL to the whole server mid-body, a
restart, then ``uploads_clean``."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse

from tests.factories import CampaignFactory, Province, member
from thidua.core.upload_temp import upload_temp_clean

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="copies the SQLite test database for the server",
)
SRC = Path(__file__).resolve().parents[2] / "src"
BODY_BYTES = 6 * 1024 * 1024  # above FILE_UPLOAD_MAX_MEMORY_SIZE: streamed to a file


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _environment(data_dir: Path, database: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(SRC),
        "DJANGO_SETTINGS_MODULE": "thidua.settings",
        "THIDUA_DATA_DIR": str(data_dir),
        "DATABASE_URL": f"sqlite:///{database}",
        "THIDUA_SECRET_KEY": settings.SECRET_KEY,
    }


class Server:
    def __init__(self, environment: dict[str, str]) -> None:
        self.environment = environment
        self.port = _free_port()
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        gunicorn = Path(sys.executable).with_name("gunicorn")
        command = [str(gunicorn), "thidua.wsgi:application", "--bind", f"127.0.0.1:{self.port}"]
        command += ["--workers", "1", "--timeout", "120", "--log-level", "warning"]
        self.process = subprocess.Popen(  # noqa: S603 (our own gunicorn, fixed arguments)
            command,
            env=self.environment,
            start_new_session=True,  # its own process group: SIGKILL reaches every process
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as probe:
                    probe.sendall(b"GET /static/none HTTP/1.0\r\nHost: localhost\r\n\r\n")
                    if probe.recv(16).startswith(b"HTTP/"):
                        return
            except OSError:
                time.sleep(0.3)
        raise AssertionError("gunicorn did not start")

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)


@pytest.fixture
def server_files(tmp_path: Path) -> Iterator[tuple[Server, Path, Path]]:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    server = Server(_environment(data_dir, tmp_path / "copy.sqlite3"))
    yield server, data_dir, tmp_path / "copy.sqlite3"
    server.kill()


def _temporary_files(folder: Path) -> list[Path]:
    return [path for path in folder.iterdir() if path.is_file()] if folder.exists() else []


@pytest.mark.django_db(transaction=True)
def test_server_killed_mid_upload_leaves_no_orphan_after_cleanup(
    province: Province, server_files: tuple[Server, Path, Path]
) -> None:
    server, data_dir, database = server_files
    campaign = CampaignFactory(issuer_unit=province.root)
    officer = member(province.commune_a1)
    client = Client()
    client.force_login(officer)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    with sqlite3.connect(database) as copy:
        connection.ensure_connection()
        connection.connection.backup(copy)  # the migrated test database, with the session
    server.start()

    url = reverse("works:excel_upload", args=[campaign.pk, province.commune_a1.pk])
    boundary = "----thidua-slow-upload"
    head = (
        f"--{boundary}\r\n"
        'Content-Disposition: form-data; name="file"; filename="dang-ky.xlsx"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    token = "a" * 32
    request = (
        f"POST {url} HTTP/1.1\r\nHost: localhost\r\n"
        f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
        f"Content-Length: {len(head) + BODY_BYTES + len(tail)}\r\n"
        f"Cookie: {settings.SESSION_COOKIE_NAME}={session}; {settings.CSRF_COOKIE_NAME}={token}\r\n"
        f"X-CSRFToken: {token}\r\n\r\n"
    ).encode()
    upload_dir = data_dir / "upload-tmp"
    with socket.create_connection(("127.0.0.1", server.port)) as stream:
        stream.sendall(request + head)
        # A slow client: a quarter of the file, 64 KB at a time, then the server dies.
        sent = 0
        while sent < BODY_BYTES // 4:
            stream.sendall(b"x" * 65536)
            sent += 65536
            time.sleep(0.005)
        deadline = time.monotonic() + 20
        while not _temporary_files(upload_dir) and time.monotonic() < deadline:
            time.sleep(0.1)
        server.kill()

    orphans = _temporary_files(upload_dir)
    assert len(orphans) == 1, "the half-received upload is in the app's own folder"
    assert 0 < orphans[0].stat().st_size < BODY_BYTES

    server.start()  # the server comes back; the orphan is still there, hours pass…
    hours_ago = time.time() - (settings.UPLOAD_TEMP_MAX_AGE_HOURS + 1) * 3600
    os.utime(orphans[0], (hours_ago, hours_ago))
    in_progress = upload_dir / "tmp-in-progress.upload"
    in_progress.write_bytes(b"a live upload")  # modified now: kept

    cleaned = subprocess.run(
        [sys.executable, "-m", "thidua", "uploads_clean"],
        env=server.environment,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )

    assert "đã xóa 1 tệp tạm bị bỏ lại, giữ 1 tệp" in cleaned.stdout
    assert _temporary_files(upload_dir) == [in_progress]
    with sqlite3.connect(database) as copy:
        (works,) = copy.execute("SELECT COUNT(*) FROM works_work").fetchone()
    assert works == 0  # nothing half-written
    media = data_dir / "media"
    assert not media.exists() or not [p for p in media.rglob("*") if p.is_file()]


def test_cleanup_keeps_recent_files_and_ignores_folders(tmp_path: Path, settings: object) -> None:
    folder = tmp_path / "uploads"
    settings.FILE_UPLOAD_TEMP_DIR = folder  # type: ignore[attr-defined]
    folder.mkdir()
    old, recent = folder / "old.upload", folder / "recent.upload"
    old.write_bytes(b"1")
    recent.write_bytes(b"2")
    (folder / "sub").mkdir()
    os.utime(old, (time.time() - 7 * 3600, time.time() - 7 * 3600))

    result = upload_temp_clean(6)

    assert result.removed == [old] and result.kept == 1
    assert sorted(p.name for p in folder.iterdir()) == ["recent.upload", "sub"]
