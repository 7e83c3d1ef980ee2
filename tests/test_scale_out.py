"""Scaling out (issue 16, item 3): two web servers and two task workers, separate
processes as on separate hosts, against one PostgreSQL database, with the files in an
S3-compatible bucket (moto's server, tests/s3_server.py). Nothing is shared but what a
real installation shares: the database and the bucket.

- both servers' ``/health/`` say the database and the bucket answer;
- a user signs in on server A; the session cookie works on server B;
- a dossier file uploaded through A downloads byte for byte through B;
- certificate batches requested through A and B are printed by the two workers (each
  stops after half of them, so both take part), each batch exactly once, and every file
  the database names is in the bucket (and nothing else is); nothing lands on the local
  disk.

The processes reach the test database of pytest-django (its name and the server from
this connection); the test commits for real (``transaction=True``: the worker closes
connections between tasks, and the other processes must see the rows).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import requests
from django.contrib.sessions.models import Session
from django.db import connection
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from tests.decisions.fixtures import world  # noqa: F401 - the fixture
from tests.factories import CampaignFactory
from tests.factories.decisions import (
    AwardFormFactory,
    NominationFactory,
    World,
    draft,
    fill,
    nominee,
)
from tests.s3_server import S3Bucket, free_port, stop, wait_for_port
from tests.uploads import noisy_png
from thidua.awards.models import DossierFile, NominationState
from thidua.decisions.codes import EventKind
from thidua.decisions.models import (
    BatchState,
    Certificate,
    CertificateBatch,
    Decision,
    DecisionEvent,
)
from thidua.decisions.services import decision_issue

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="several processes on one database: PostgreSQL only (pytest-django's SQLite "
        "test database lives in this process)",
    ),
]

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "mat-khau-thu"
#: Certificate batches to print. Each worker stops after half of them (``--max-tasks``),
#: so both must take part, whichever polls the queue first.
BATCHES = 4
DEADLINE = 90.0  # seconds for the workers to print every batch


def _database_url() -> str:
    """The URL of pytest-django's test database, for the other processes."""
    db = connection.settings_dict
    auth = quote(db["USER"] or "") + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
    host = db["HOST"] or "localhost"
    return f"postgres://{auth}@{host}:{db['PORT'] or 5432}/{quote(db['NAME'])}"


@dataclass
class Cluster:
    """The two web servers (base URLs) and the two workers, with their logs."""

    web: list[str]
    workers: dict[str, subprocess.Popen[bytes]]
    data_dir: Path
    logs: dict[str, Path] = field(default_factory=dict)

    def log_text(self) -> str:
        return "\n".join(
            f"--- {name}\n{path.read_text(errors='replace')[-3000:]}"
            for name, path in self.logs.items()
        )


def _start(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        return subprocess.Popen(  # noqa: S603 - our own program, run with this Python
            command, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT
        )


def _wait_for_line(log: Path, text: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if text in log.read_text(errors="replace"):
            return
        if process.poll() is not None:
            pytest.fail(f"{process.args!r} exited: {log.read_text(errors='replace')[-3000:]}")
        time.sleep(0.1)
    pytest.fail(f"no {text!r} after 60 s: {log.read_text(errors='replace')[-3000:]}")


@pytest.fixture
def cluster(transactional_db: None, s3_bucket: S3Bucket, tmp_path: Path) -> Iterator[Cluster]:
    """Two gunicorn servers and two ``db_worker`` processes on the test database and the
    bucket, all started at once; stopped (and reaped) before the database is flushed."""
    data = tmp_path / "data"
    (data / "static").mkdir(parents=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("THIDUA_", "DATABASE_URL"))}
    env |= s3_bucket.environment(prefix="media") | {
        "DATABASE_URL": _database_url(),
        "THIDUA_DATA_DIR": str(data),
        "THIDUA_SECRET_KEY": "one-secret-for-every-host-" + "x" * 30,
        "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT}",
    }
    ports = [free_port(), free_port()]
    started: dict[str, subprocess.Popen[bytes]] = {}
    result = Cluster(web=[f"http://127.0.0.1:{p}" for p in ports], workers={}, data_dir=data)
    try:
        for name, port in zip("ab", ports, strict=True):
            result.logs[f"web-{name}"] = tmp_path / f"web-{name}.log"
            started[f"web-{name}"] = _start(
                [sys.executable, "-m", "gunicorn", "thidua.wsgi", "--bind", f"127.0.0.1:{port}",
                 "--workers", "1", "--threads", "4", "--no-control-socket"],
                env, result.logs[f"web-{name}"],
            )  # fmt: skip
        for name in ("worker-a", "worker-b"):
            result.logs[name] = tmp_path / f"{name}.log"
            started[name] = result.workers[name] = _start(
                [sys.executable, "-m", "thidua", "db_worker", "--no-reload", "--no-startup-delay",
                 "--interval", "0.2", "--verbosity", "1", "--worker-id", name,
                 "--max-tasks", str(BATCHES // 2)],
                env, result.logs[name],
            )  # fmt: skip
        for name, port in zip("ab", ports, strict=True):
            wait_for_port(port, started[f"web-{name}"], timeout=60)
        for name, process in result.workers.items():
            _wait_for_line(result.logs[name], f"Starting worker worker_id={name}", process)
        yield result
    finally:
        for process in started.values():
            stop(process)


def _sign_in(base: str, user: Any) -> requests.Session:
    """A browser of ``user`` that signed in on the server at ``base``."""
    browser = requests.Session()
    login = base + reverse("accounts:login")
    browser.get(login, timeout=30).raise_for_status()
    answer = browser.post(
        login,
        data={"username": user.username, "password": PASSWORD},
        headers={"X-CSRFToken": browser.cookies["csrftoken"], "Referer": login},
        timeout=60,
    )
    assert answer.url == base + reverse("core:home"), answer.text[:2000]
    return browser


def _post(browser: requests.Session, url: str, **kwargs: Any) -> requests.Response:
    headers = {"X-CSRFToken": browser.cookies["csrftoken"], "Referer": url}
    return browser.post(url, headers=headers, timeout=60, **kwargs)


def _real_password(settings: Any, *users: Any) -> None:
    """The servers hash with Django's default hasher; the tests' MD5 is not among theirs."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    for user in users:
        user.set_password(PASSWORD)
        user.save(update_fields=["password"])


def _issued(scene: World, count: int) -> list[Decision]:
    """``count`` issued decisions, one nomination each (the four of the world, and more)."""
    more = [
        NominationFactory(
            campaign=scene.campaign,
            phase=scene.phase,
            form=scene.bk,
            nominee=nominee(scene.province.commune_a1, f"Nguyễn Thị Thử {n}"),
        )
        for n in range(max(0, count - len(scene.nominations)))
    ]
    decisions = []
    for n, nomination in enumerate([*scene.nominations, *more][:count]):
        decision = fill(scene, draft(scene, nominations=[nomination]), number=f"{n + 10}/QĐ-UBND")
        decisions.append(decision_issue(actor=scene.secretariat, decision=decision))
    return decisions


def _stored_names() -> set[str]:
    """Every file name the database refers to (decisions, certificates, batches, dossiers)."""
    names: set[str] = set()
    for decision in Decision.objects.all():
        names |= {decision.docx.name, decision.pdf.name}
    names |= {c.pdf.name for c in Certificate.objects.all()}
    for batch in CertificateBatch.objects.all():
        names |= {batch.archive.name, batch.combined.name}
    names |= {f.file.name for f in DossierFile.objects.all()}
    return {name for name in names if name}


def _wait_for_batches(cluster: Cluster) -> list[CertificateBatch]:
    """The batches, once every one is done (the requests were answered: they all exist)."""
    requested = CertificateBatch.objects.count()
    if requested != BATCHES:
        pytest.fail(f"{requested} of {BATCHES} batches requested\n{cluster.log_text()}")
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        batches = list(CertificateBatch.objects.order_by("pk"))
        if any(b.state == BatchState.FAILED for b in batches):
            pytest.fail(f"{[(b.pk, b.error) for b in batches]}\n{cluster.log_text()}")
        if len(batches) == BATCHES and all(b.state == BatchState.DONE for b in batches):
            return batches
        time.sleep(0.2)
    pytest.fail(f"batches not done after {DEADLINE} s\n{cluster.log_text()}")


def test_two_web_servers_and_two_workers_share_sessions_files_and_tasks(
    cluster: Cluster,
    s3_storage: S3Bucket,
    world: World,  # noqa: F811 - the fixture
    settings: Any,
) -> None:
    server_a, server_b = cluster.web
    officer, secretariat = world.officer_a1, world.secretariat
    _real_password(settings, officer, secretariat)
    decisions = _issued(world, BATCHES)
    nomination = NominationFactory(
        campaign=CampaignFactory(issuer_unit=world.province.root),
        nominee=nominee(world.province.commune_a1, "Trần Văn Tải"),
        form=AwardFormFactory(),
        state=NominationState.DRAFT,
    )
    photo = noisy_png(400, 400)

    health = [requests.get(server + "/health/", timeout=30).json() for server in cluster.web]
    # Signed in on A, known on B: the session is a row of the shared database.
    browser = _sign_in(server_a, officer)
    home_b = browser.get(server_b + "/", timeout=30)
    # Uploaded through A, read back through B.
    uploaded = _post(
        browser,
        server_a + reverse("awards:file_upload", args=[nomination.pk]),
        data={"kind": "cover"},
        files={"file": ("anh-ho-so.png", photo, "image/png")},
    )
    dossier = DossierFile.objects.get(nomination=nomination)
    download_b = browser.get(
        server_b + reverse("awards:file", args=[nomination.pk, dossier.pk]), timeout=30
    )
    # Batches requested through A and B in turn; the two workers print them.
    board = _sign_in(server_b, secretariat)
    for n, decision in enumerate(decisions):
        server = cluster.web[n % 2]
        _post(board, server + reverse("decisions:batch_start", args=[decision.pk]))
    batches = _wait_for_batches(cluster)
    archive_a = board.get(server_a + reverse("decisions:batch_zip", args=[batches[-1].pk]))
    browser.close()
    board.close()

    assert health == [{"status": "ok", "database": "ok", "storage": "ok"}] * 2
    assert officer.full_name in home_b.text and 'name="password"' not in home_b.text
    assert Session.objects.filter(session_key=browser.cookies["sessionid"]).exists()
    assert uploaded.status_code == 200 and "Đã tải lên" in uploaded.text  # followed redirect
    assert download_b.status_code == 200 and download_b.content == photo
    assert s3_storage.read(f"media/{dossier.file.name}") == photo
    tasks = list(DBTaskResult.objects.all())
    assert len(tasks) == BATCHES and {t.status for t in tasks} == {"SUCCESSFUL"}
    assert all(len(t.worker_ids) == 1 for t in tasks), [t.worker_ids for t in tasks]
    assert Counter(t.worker_ids[0] for t in tasks) == {"worker-a": 2, "worker-b": 2}
    assert [p.wait(timeout=30) for p in cluster.workers.values()] == [0, 0]  # done, no crash
    requested = DecisionEvent.objects.filter(kind=EventKind.CERTIFICATES_REQUESTED)
    assert requested.count() == BATCHES
    assert [b.done_count for b in batches] == [1] * BATCHES
    # Exactly the files the database names: a batch printed twice would have left a second
    # ZIP and PDF under another name (names are never overwritten).
    assert s3_storage.stored_keys() == sorted(f"media/{name}" for name in _stored_names())
    assert len([k for k in s3_storage.stored_keys() if "/lo/" in k]) == 2 * BATCHES
    assert archive_a.status_code == 200
    assert archive_a.content == s3_storage.read(f"media/{batches[-1].archive.name}")
    assert archive_a.headers["Cache-Control"] == "private, no-store"
    # Nothing on a local disk: not the servers' and workers' media folder, not this one's.
    assert [p for p in cluster.data_dir.glob("*/**/*") if p.is_file()] == []
    assert list(Path(settings.MEDIA_ROOT).rglob("*")) == []
