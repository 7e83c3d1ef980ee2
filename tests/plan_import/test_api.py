"""Plan import through the API: upload, read, visibility, bad files, N+1."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from tests.factories.plan_import import DraftFactory
from thidua.plan_import.models import ImportDraft

pytestmark = pytest.mark.django_db

URL = "/api/v1/plan-imports/"


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_post_a_plan_returns_the_draft_with_sources_and_missing(importer, seed_bytes):
    response = client_for(importer).post(
        URL, {"file": SimpleUploadedFile("kh128.txt", seed_bytes)}, format="multipart"
    )

    assert response.status_code == 201
    body = response.json()
    draft = ImportDraft.objects.get()
    assert body["id"] == draft.pk
    assert body["status"] == "draft"
    assert {"data", "sources", "missing", "warnings", "suggestions", "fields_to_review"} <= set(
        body
    )
    assert body["suggestions"]["document.issuer_unit"] == "TV"
    paths = [row["path"] for row in body["fields_to_review"]]
    assert "code" in paths and "document.issuer_unit" in paths


def test_get_detail_and_list(importer):
    draft = DraftFactory(created_by=importer)
    client = client_for(importer)

    detail = client.get(f"{URL}{draft.pk}/").json()
    listing = client.get(URL).json()

    assert detail["sources"]["document.number"]["line"] == 1
    assert detail["data"]["document"]["number"] == "5/KH-UBND"
    assert [row["id"] for row in listing["results"]] == [draft.pk]
    assert "lines" not in listing["results"][0]


def test_unit_staff_get_403_on_post_and_see_no_draft(importer, unit_officer, seed_bytes):
    draft = DraftFactory(created_by=importer)
    client = client_for(unit_officer)

    posted = client.post(
        URL, {"file": SimpleUploadedFile("kh.txt", seed_bytes)}, format="multipart"
    )

    assert posted.status_code == 403
    assert "Ban Thi đua" in posted.json()["detail"]
    assert client.get(URL).json()["results"] == []
    assert client.get(f"{URL}{draft.pk}/").status_code == 404
    assert ImportDraft.objects.count() == 1


def test_another_province_gets_404(importer, other_province_secretariat):
    draft = DraftFactory(created_by=importer, unit=importer.memberships.get().unit.parent)

    response = client_for(other_province_secretariat).get(f"{URL}{draft.pk}/")

    assert response.status_code == 404
    assert draft.file_name not in response.content.decode()


@pytest.mark.parametrize(
    ("payload", "code"),
    [({}, "file_missing"), ({"file": SimpleUploadedFile("rong.txt", b"")}, "domain_error")],
)
def test_bad_uploads_are_400_in_vietnamese_and_leave_no_draft(importer, payload, code):
    response = client_for(importer).post(URL, payload, format="multipart")

    assert response.status_code == 400
    assert response.json()["code"] == code
    assert response.json()["detail"]
    assert ImportDraft.objects.count() == 0


@pytest.mark.parametrize("count", [1, 3])
def test_list_query_count_does_not_grow(importer, django_assert_num_queries, count):
    for _ in range(count):
        DraftFactory(created_by=importer)
    client = client_for(importer)

    with django_assert_num_queries(4):
        response = client.get(URL)

    assert len(response.json()["results"]) == count
