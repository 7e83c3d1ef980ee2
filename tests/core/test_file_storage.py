"""Files on an S3-compatible bucket (``THIDUA_STORAGE=s3``, issue 16 item 3): the settings
read from the environment, and a dossier file uploaded, downloaded and removed through
the app's own views with the bucket served by moto (tests/s3_server.py).

The scale-out test (tests/test_scale_out.py) runs the same with two web servers and two
workers; these run on any database, in one process."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories import CampaignFactory, Province, member
from tests.factories.decisions import AwardFormFactory, NominationFactory, nominee
from tests.pages import signed_in
from tests.s3_server import S3Bucket
from tests.uploads import noisy_png
from thidua.awards.models import DossierFile, Nomination, NominationState
from thidua.core.file_storage import (
    LOCAL_BACKEND,
    S3_BACKEND,
    default_storage_setting,
    s3_options,
    s3_problems,
    storage_kind,
)

ROOT = Path(__file__).resolve().parents[2]


def test_storage_kind_is_local_unless_told() -> None:
    kinds = [storage_kind(value) for value in ("", "  ", "Local", " S3 ")]

    assert kinds == ["local", "local", "local", "s3"]


def test_local_storage_is_the_disk_whatever_the_s3_values() -> None:
    assert default_storage_setting("local", {"bucket": "b"}) == {"BACKEND": LOCAL_BACKEND}
    assert default_storage_setting("ftp", {"bucket": "b"}) == {"BACKEND": LOCAL_BACKEND}


def test_s3_options_from_the_environment_leave_out_empty_values() -> None:
    options = s3_options(
        {"bucket": " thidua ", "prefix": "/media/", "region": "", "secret_access_key": ""}
    )

    assert options["bucket_name"] == "thidua" and options["location"] == "media"
    assert "region_name" not in options and "secret_key" not in options
    assert "endpoint_url" not in options and options["addressing_style"] is None
    # As on the local disk: a second file of the same name never replaces the first.
    assert options["file_overwrite"] is False and options["default_acl"] is None


def test_s3_options_with_an_endpoint_address_the_bucket_by_path() -> None:
    options = s3_options({"bucket": "b", "endpoint_url": "https://s3.example.vn", "region": "hn"})

    assert (options["endpoint_url"], options["region_name"]) == ("https://s3.example.vn", "hn")
    assert options["addressing_style"] == "path"
    assert default_storage_setting("s3", {"bucket": "b"})["BACKEND"] == S3_BACKEND


def test_s3_problems_name_the_missing_variables() -> None:
    assert s3_problems("s3", s3_options({})) == ["THIDUA_S3_BUCKET"]
    assert s3_problems("s3", s3_options({"bucket": "b", "access_key_id": "k"})) == [
        "THIDUA_S3_SECRET_ACCESS_KEY"
    ]
    assert s3_problems("s3", s3_options({"bucket": "b", "secret_access_key": "s"})) == [
        "THIDUA_S3_ACCESS_KEY_ID"
    ]
    assert s3_problems("s3", s3_options({"bucket": "b"})) == []  # boto3's own credentials
    assert s3_problems("local", {}) == []


READ_SETTINGS = (
    "from django.conf import settings; import json;"
    "d = settings.STORAGES['default'];"
    "print(json.dumps([settings.THIDUA_STORAGE, d['BACKEND'], d.get('OPTIONS', {})]))"
)


def _settings_with(env: dict[str, str]) -> list[object]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("THIDUA_S")}
    done = subprocess.run(  # noqa: S603 - our own settings, read with this Python
        [sys.executable, "-m", "thidua", "shell", "-c", READ_SETTINGS],
        env=base | env | {"PYTHONPATH": str(ROOT / "src")},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return list(json.loads(done.stdout.strip().splitlines()[-1]))


def test_settings_read_the_s3_variables() -> None:
    kind, backend, options = _settings_with(
        {
            "THIDUA_STORAGE": "S3",
            "THIDUA_S3_BUCKET": "thidua-vinhlong",
            "THIDUA_S3_ENDPOINT_URL": "https://s3.example.vn",
            "THIDUA_S3_REGION": "vn-south",
            "THIDUA_S3_ACCESS_KEY_ID": "AKIA-THU",
            "THIDUA_S3_SECRET_ACCESS_KEY": "bi-mat",
            "THIDUA_S3_PREFIX": "thidua/media/",
        }
    )

    assert (kind, backend) == ("s3", S3_BACKEND)
    assert isinstance(options, dict)
    assert {k: options[k] for k in ("bucket_name", "endpoint_url", "region_name", "location")} == {
        "bucket_name": "thidua-vinhlong",
        "endpoint_url": "https://s3.example.vn",
        "region_name": "vn-south",
        "location": "thidua/media",
    }
    assert (options["access_key"], options["secret_key"]) == ("AKIA-THU", "bi-mat")


def test_settings_without_the_variables_keep_the_local_disk() -> None:
    assert _settings_with({}) == ["local", LOCAL_BACKEND, {}]


@pytest.fixture
def draft_nomination(province: Province) -> tuple[Nomination, object]:
    """A draft nomination of Xã A1 and an officer of that commune (who may upload)."""
    nomination = NominationFactory(
        campaign=CampaignFactory(issuer_unit=province.root),
        nominee=nominee(province.commune_a1, "Trần Thị Hoa"),
        form=AwardFormFactory(),
        state=NominationState.DRAFT,
    )
    return nomination, member(province.commune_a1)


def _upload(client: object, nomination: Nomination, content: bytes, name: str) -> DossierFile:
    response = client.post(  # type: ignore[attr-defined]
        reverse("awards:file_upload", args=[nomination.pk]),
        {"kind": "cover", "file": SimpleUploadedFile(name, content, content_type="image/png")},
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return DossierFile.objects.get(nomination=nomination, original_name=name)


def test_dossier_file_goes_to_the_bucket_and_comes_back_through_the_view(
    s3_storage: S3Bucket, draft_nomination: tuple[Nomination, object]
) -> None:
    nomination, officer = draft_nomination
    client = signed_in(officer)  # type: ignore[arg-type]
    small = noisy_png(16, 16)
    # Over FILE_UPLOAD_MAX_MEMORY_SIZE (2.5 MB): Django streams it to FILE_UPLOAD_TEMP_DIR
    # while reading the request; the storage then sends that file to the bucket.
    large = noisy_png(1000, 1000)

    first = _upload(client, nomination, small, "anh-nho.png")
    second = _upload(client, nomination, large, "anh-lon.png")
    answers = [
        client.get(reverse("awards:file", args=[nomination.pk, f.pk])) for f in (first, second)
    ]

    assert len(large) > settings.FILE_UPLOAD_MAX_MEMORY_SIZE
    assert s3_storage.stored_keys() == [
        f"media/ho-so-khen-thuong/{nomination.pk}/anh-lon.png",
        f"media/ho-so-khen-thuong/{nomination.pk}/anh-nho.png",
    ]
    assert s3_storage.read(f"media/{second.file.name}") == large
    assert [b"".join(a.streaming_content) for a in answers] == [small, large]  # type: ignore[attr-defined]
    assert answers[1]["Content-Length"] == str(len(large))
    assert answers[1]["Content-Type"] == "image/png"
    assert list(Path(settings.MEDIA_ROOT).rglob("*")) == []  # nothing on the local disk


def test_same_name_twice_keeps_both_files(
    s3_storage: S3Bucket, draft_nomination: tuple[Nomination, object]
) -> None:
    nomination, officer = draft_nomination
    client = signed_in(officer)  # type: ignore[arg-type]
    one, two = noisy_png(8, 8), noisy_png(9, 9)

    _upload(client, nomination, one, "to-trinh.png")
    client.post(
        reverse("awards:file_upload", args=[nomination.pk]),
        {"kind": "report", "file": SimpleUploadedFile("to-trinh.png", two)},
    )
    files = list(DossierFile.objects.filter(nomination=nomination).order_by("pk"))

    assert len(files) == 2 and files[0].file.name != files[1].file.name
    assert [s3_storage.read(f"media/{f.file.name}") for f in files] == [one, two]


def test_file_gone_from_the_bucket_is_the_404_page(
    s3_storage: S3Bucket, draft_nomination: tuple[Nomination, object]
) -> None:
    nomination, officer = draft_nomination
    client = signed_in(officer)  # type: ignore[arg-type]
    record = _upload(client, nomination, noisy_png(8, 8), "bien-ban.png")
    s3_storage.client().delete_object(Bucket=s3_storage.name, Key=f"media/{record.file.name}")

    response = client.get(reverse("awards:file", args=[nomination.pk, record.pk]))

    assert response.status_code == 404  # not a 500: the storage said FileNotFoundError
    assert "Không tìm thấy trang" in response.content.decode()


def test_removed_dossier_file_leaves_the_bucket(
    s3_storage: S3Bucket, draft_nomination: tuple[Nomination, object]
) -> None:
    nomination, officer = draft_nomination
    client = signed_in(officer)  # type: ignore[arg-type]
    record = _upload(client, nomination, noisy_png(8, 8), "bien-ban.png")

    client.post(reverse("awards:file_remove", args=[nomination.pk, record.pk]))

    assert not DossierFile.objects.filter(pk=record.pk).exists()
    assert s3_storage.stored_keys() == []


def test_another_commune_cannot_download_the_file(
    s3_storage: S3Bucket, draft_nomination: tuple[Nomination, object], province: Province
) -> None:
    nomination, officer = draft_nomination
    record = _upload(signed_in(officer), nomination, noisy_png(8, 8), "bien-ban.png")  # type: ignore[arg-type]

    response = signed_in(member(province.commune_b1)).get(
        reverse("awards:file", args=[nomination.pk, record.pk])
    )

    assert response.status_code == 404
    assert b"\x89PNG" not in response.content


def test_a_bucket_file_has_no_address(s3_storage: S3Bucket) -> None:
    name = default_storage.save("thu/khong-dia-chi.txt", ContentFile(b"bi mat"))

    with pytest.raises(NotImplementedError, match="stored_file_response"):
        default_storage.url(name)
    with default_storage.open(name, "rb") as handle:
        assert handle.read() == b"bi mat"
    assert io.BytesIO(s3_storage.read(f"media/{name}")).read() == b"bi mat"
