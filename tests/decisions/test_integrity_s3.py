"""The seal of issued decisions with the files in an S3 bucket (``THIDUA_STORAGE=s3``,
moto's server): the file hashes are read from the bucket, and a file changed or removed
there is caught by the pages and by ``decisions verify``."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from tests.factories.decisions import World, issued
from tests.s3_server import S3Bucket
from thidua.decisions.integrity import decision_integrity

CHANGED = "Tệp quyết định (DOCX, PDF) đã bị thay đổi hoặc mất sau khi ban hành."


def _failing_verify() -> str:
    out = io.StringIO()
    with pytest.raises(CommandError) as refused:
        call_command("decisions", "verify", stdout=out)
    return out.getvalue() + str(refused.value)


def test_issued_decision_files_are_in_the_bucket_and_verify(
    s3_storage: S3Bucket, world: World
) -> None:
    decision = issued(world)
    out = io.StringIO()

    call_command("decisions", "verify", stdout=out)

    assert f"media/{decision.docx.name}" in s3_storage.stored_keys()
    assert s3_storage.read(f"media/{decision.pdf.name}").startswith(b"%PDF")
    assert decision_integrity(decision, log=False).ok
    assert "Đã kiểm tra 1 quyết định: tất cả khớp mã niêm phong." in out.getvalue()


def test_a_file_replaced_in_the_bucket_is_caught(s3_storage: S3Bucket, world: World) -> None:
    decision = issued(world)
    assert decision_integrity(decision, log=False).ok  # its hashes are remembered
    key = f"media/{decision.pdf.name}"
    forged = s3_storage.read(key) + b"%forged"
    s3_storage.client().put_object(Bucket=s3_storage.name, Key=key, Body=forged)

    assert not decision_integrity(decision, log=False).ok
    assert CHANGED in _failing_verify()


def test_a_file_removed_from_the_bucket_is_caught(s3_storage: S3Bucket, world: World) -> None:
    decision = issued(world)
    key = f"media/{decision.docx.name}"
    s3_storage.client().delete_object(Bucket=s3_storage.name, Key=key)

    assert not decision_integrity(decision, log=False).ok
    assert CHANGED in _failing_verify()
