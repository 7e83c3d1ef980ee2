"""Targets pages under the strict Content-Security-Policy: no inline script or style."""

from __future__ import annotations

from django.urls import reverse

from tests.factories import Province
from tests.factories.targets import Kh, People
from tests.pages import csp_problems, signed_in
from tests.targets.pages.forms import add_target, record
from thidua.targets.models import Target


def test_targets_pages_have_no_inline_code(kh: Kh, people: People, province: Province):
    head = signed_in(people.district_b_head)
    add_target(head, kh, province.district_b)
    target = Target.objects.get(unit=province.district_b)

    pages = {
        "unit": head.get(reverse("targets:unit")),
        "refused-target": add_target(head, kh, province.district_b, comparator="lt"),
        "refused-value": record(head, target.pk, value="abc"),
        "summary": signed_in(people.secretariat).get(reverse("targets:summary")),
    }

    for name, response in pages.items():
        assert response.status_code in (200, 422), name
        assert csp_problems(response) == [], name
        assert "Chỉ tiêu" in response.content.decode(), name


def test_targets_pages_render_in_english(kh: Kh, people: People):
    client = signed_in(people.district_b_head)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})

    response = client.get(reverse("targets:unit"))

    assert '<html lang="en">' in response.content.decode()
    assert csp_problems(response) == []
