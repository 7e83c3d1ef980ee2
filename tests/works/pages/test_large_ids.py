"""Ids above 999 are written without a thousands separator in ids, links and forms.

USE_THOUSAND_SEPARATOR shows 1.382 for numbers: an id must stay 1382, or HTMX targets,
query strings and <option> values break once a table passes a thousand rows.
"""

from __future__ import annotations

from django.urls import reverse

from tests.factories import CampaignFactory
from tests.factories.works import WorkFactory
from tests.pages import signed_in
from thidua.works.models import WorkState


def test_queue_row_ids_and_targets_have_plain_ids(kh, people, province):
    WorkFactory(id=12345, campaign=kh.campaign, unit=province.commune_a1, state=WorkState.SUBMITTED)

    html = signed_in(people.district_a_officer).get(reverse("works:queue")).content.decode()

    assert 'id="queue-work-12345"' in html
    assert 'hx-target="#queue-work-12345"' in html
    assert "12.345" not in html


def test_campaign_links_and_options_carry_plain_ids(kh, people, province):
    CampaignFactory(id=4321, issuer_unit=province.root)

    html = (
        signed_in(people.secretariat)
        .get(reverse("works:register"), {"campaign": 4321})
        .content.decode()
    )

    assert 'value="4321"' in html
    assert "4.321" not in html
