"""Works pages under the strict Content-Security-Policy: no inline script or style."""

from __future__ import annotations

from django.urls import reverse

from tests.factories.works import work_in
from tests.pages import csp_problems, signed_in
from thidua.works.models import ChangeRequest, WorkState
from thidua.works.services import change_request_create


def _pages(kh, people, province) -> dict[str, tuple[object, str]]:
    returned = work_in(WorkState.RETURNED, kh, people, province)
    running = work_in(WorkState.IN_PROGRESS, kh, people, province)
    submitted = work_in(WorkState.SUBMITTED, kh, people, province)
    done = work_in(WorkState.COMPLETED, kh, people, province)
    change_request_create(
        actor=people.a1_officer, work=running, changes={"title": "Tên mới"}, reason="Rõ hơn"
    )
    assert ChangeRequest.objects.exists()
    a1, district, ban = people.a1_officer, people.district_a_officer, people.secretariat
    create = reverse("works:create", args=[kh.campaign.pk, province.commune_a1.pk])
    return {
        "unit": (a1, reverse("works:unit")),
        "create": (a1, create),
        "edit": (a1, reverse("works:edit", args=[returned.pk])),
        "detail-unit": (a1, reverse("works:detail", args=[running.pk])),
        "detail-approver": (district, reverse("works:detail", args=[submitted.pk])),
        "detail-change": (district, reverse("works:detail", args=[running.pk])),
        "detail-done": (ban, reverse("works:detail", args=[done.pk])),
        "queue": (district, reverse("works:queue")),
        "compliance": (ban, reverse("works:compliance") + "?all=1"),
        "register": (ban, reverse("works:register") + "?q=truong"),
        "charts": (ban, reverse("works:charts")),
        "ahead": (ban, reverse("works:ahead")),
        "home": (a1, reverse("core:home")),
    }


def test_every_works_page_has_no_inline_code(kh, people, province):
    pages = _pages(kh, people, province)

    for name, (user, url) in pages.items():
        response = signed_in(user).get(url)

        assert response.status_code == 200, name
        assert csp_problems(response) == [], name


def test_refused_forms_render_without_inline_code(kh, people, province):
    work = work_in(WorkState.IN_PROGRESS, kh, people, province)
    client = signed_in(people.a1_officer)

    refused = client.post(reverse("works:progress", args=[work.pk]), {"progress-percent": "abc"})
    bad_form = client.post(
        reverse("works:create", args=[kh.campaign.pk, province.commune_a1.pk]), {"title": ""}
    )

    assert csp_problems(refused) == []
    assert csp_problems(bad_form) == []
    assert "Tiến độ phải là số nguyên từ 0 đến 100." in refused.content.decode()


def test_works_pages_render_in_english(kh, people, province):
    pages = _pages(kh, people, province)

    for name, (user, url) in pages.items():
        client = signed_in(user)
        client.post("/i18n/setlang/", {"language": "en", "next": "/"})
        response = client.get(url)

        assert '<html lang="en">' in response.content.decode(), name
        assert csp_problems(response) == [], name
