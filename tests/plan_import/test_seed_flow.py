"""The seed plan through the pages: upload, review against the shipped reading, confirm.

The person's reading of KH 128 is the shipped campaign file. The reviewer accepts what the
engine read right, corrects what it read wrong and fills what it could not read; the
campaign loaded must then equal the shipped file on every field the text states.
"""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories.plan_import import shipped_data
from tests.pages import page_text, signed_in
from thidua.campaigns.files.export import campaign_to_yaml
from thidua.campaigns.files.validate import validate_text
from thidua.campaigns.models import Campaign
from thidua.campaigns.services import SHIPPED
from thidua.plan_import import fields as f
from thidua.plan_import import paths, values
from thidua.plan_import.models import ImportDraft

pytestmark = pytest.mark.django_db


def _dump(text: str) -> dict:
    return validate_text(text).model_dump(mode="json", by_alias=True)


def test_seed_reviewed_and_confirmed_equals_the_shipped_file_on_stated_fields(importer, seed_bytes):
    client = signed_in(importer)
    client.post(reverse("plan_import:upload"), {"file": SimpleUploadedFile("kh.txt", seed_bytes)})
    draft = ImportDraft.objects.get()
    field_url = reverse("plan_import:field", args=[draft.pk])
    shipped = shipped_data()
    corrected = []
    for path in f.field_paths(draft.data, [*draft.missing, *draft.unrecognised]):
        truth = paths.get_path(shipped, path)
        if truth is None or paths.get_path(draft.data, path) == truth:
            continue
        kind = values.kind_of(path)
        client.post(
            field_url, {"path": path, "action": "set", "value": values.display(truth, kind)}
        )
        corrected.append(path)
    for section in f.SECTION_KEYS:
        client.post(reverse("plan_import:section", args=[draft.pk, section]))
    for path in f.PERSON_FIELDS:  # never accepted with a section: each on its own
        client.post(field_url, {"path": path, "action": "accept"})

    response = client.post(reverse("plan_import:confirm", args=[draft.pk]))

    assert response.status_code == 302, page_text(response)[:3000]
    campaign = Campaign.objects.get()
    assert response["Location"] == reverse("campaigns:detail", args=[campaign.pk])
    loaded = _dump(campaign_to_yaml(campaign))
    truth = _dump(SHIPPED["kh-128"].read_text(encoding="utf-8"))
    draft.refresh_from_db()
    stated = [p for p in paths.flatten(draft.data) if paths.get_path(truth, p) not in (None, "")]
    assert len(stated) > 150
    assert {p: paths.get_path(loaded, p) for p in stated} == {
        p: paths.get_path(truth, p) for p in stated
    }
    # What the reviewer had to do by hand: the person's fields, the engine's gaps and slips.
    assert "document.issuer_unit" in corrected
    assert "document.signer.name" in corrected  # the seed's "Hân" for Hẳn
    assert len(corrected) < 40, corrected
