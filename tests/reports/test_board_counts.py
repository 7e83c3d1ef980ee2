"""The period's counts follow an inline accept or return (issue 12, item 7): the HTMX
answer carries the counts out of band, not only the row."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from django.urls import reverse

from tests.factories.reports import at, report_of
from tests.pages import signed_in
from thidua.reports.services import report_save, report_submit

pytestmark = pytest.mark.django_db

HX = {"HX-Request": "true"}


@pytest.fixture(autouse=True)
def _frozen_time() -> Iterator[None]:
    """10/12/2024, inside Quý IV/2024 (due 15/12/2024)."""
    with at(2024, 12, 10, 9):
        yield


def _counts(html: str) -> dict[str, str]:
    match = re.search(
        r'<dl[^>]*id="period-counts"[^>]*hx-swap-oob="true"[^>]*>(.*?)</dl>', html, re.S
    )
    assert match, "no out-of-band counts"
    return dict(re.findall(r'data-count="(\w+)">([^<]*)<', match.group(1)))


def test_accepting_inline_updates_the_periods_counts(people, province, generated):
    q4 = generated[0]
    for unit, head in (
        (province.health, people.health_head),
        (province.district_a, people.district_a_head),
    ):
        report = report_of(q4, unit)
        report_save(actor=head, report=report, summary="Tóm tắt.")
        report_submit(actor=head, report=report)
    client = signed_in(people.secretariat)

    accepted = client.post(
        reverse("reports:accept", args=[report_of(q4, province.health).pk]), headers=HX
    )
    returned = client.post(
        reverse("reports:return", args=[report_of(q4, province.district_a).pk]),
        {"reason": "Thiếu số liệu quý."},
        headers=HX,
    )

    html = accepted.content.decode()
    assert html.lstrip().startswith(f'<tr id="report-row-{report_of(q4, province.health).pk}"')
    assert _counts(html) == {
        "total": "4", "on_time": "2", "late": "0", "open": "2", "returned": "0", "accepted": "1",
    }  # fmt: skip
    assert _counts(returned.content.decode())["returned"] == "1"
    assert _counts(returned.content.decode())["accepted"] == "1"
