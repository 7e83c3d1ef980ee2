"""The campaigns list leads the Ban TĐKT to the plan import, and nobody else."""

from __future__ import annotations

from django.urls import reverse

from tests.pages import page_text, signed_in
from thidua.accounts.models import User


def test_campaign_list_offers_plan_import_to_the_secretariat(importer: User):
    text = page_text(signed_in(importer).get(reverse("campaigns:list")))

    assert "Nhập kế hoạch từ văn bản" in text


def test_campaign_list_hides_plan_import_from_a_unit_officer(unit_officer: User):
    text = page_text(signed_in(unit_officer).get(reverse("campaigns:list")))

    assert "Phong trào thi đua" in text
    assert "Nhập kế hoạch từ văn bản" not in text
