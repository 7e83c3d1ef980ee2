"""Pages under /khen-thuong/: content by role, the live checks, actions, query counts."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories.awards import (
    PDF,
    Kh,
    NominationFactory,
    NomineeFactory,
    People,
    form,
    full_dossier,
)
from tests.factories.organisations import UnitFactory
from thidua.awards.models import Nomination, NominationState
from thidua.organisations.models import UnitKind

S = NominationState


def signed_in(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def _nominations(kh: Kh, count: int, state: str, **kw: object) -> list[Nomination]:
    made = []
    for _ in range(count):
        nomination = NominationFactory(
            campaign=kh.campaign, phase=kh.phase1, proposer_unit=kh.province.health,
            grantor_unit=kh.province.root, nominee=NomineeFactory(unit=kh.province.health),
            state=state, submitted_on=None if state == S.DRAFT else dt.date(2025, 3, 3), **kw,
        )  # fmt: skip
        made.append(nomination)
    return made


def test_unit_list_shows_the_units_nominations(kh: Kh, people: People) -> None:
    draft = _nominations(kh, 1, S.DRAFT)[0]

    text = signed_in(people.officer).get(reverse("awards:index")).content.decode()

    assert draft.nominee.name in text and "Lập đề nghị" in text and "Dự thảo" in text


def test_create_page_saves_a_draft_with_its_report(kh: Kh, people: People) -> None:
    nominee = NomineeFactory(unit=kh.province.health, name="Đặng Thị Mai")
    client = signed_in(people.officer)
    url = reverse("awards:create") + f"?unit={kh.province.health.pk}&campaign={kh.campaign.pk}"

    page = client.get(url)
    response = client.post(url, {
        "phase": kh.phase1.pk, "nominee": nominee.pk, "form": form("bang-khen-tinh").pk,
        "basis": "campaign", "summary": "Tiêu biểu", "section_results": "Vượt 20% chỉ tiêu",
    })  # fmt: skip

    nomination = Nomination.objects.get(nominee=nominee)
    assert "Báo cáo thành tích" in page.content.decode()
    assert response.status_code == 302 and response["Location"].endswith(
        f"/de-nghi/{nomination.pk}/"
    )
    assert nomination.achievement == {"results": "Vượt 20% chỉ tiêu"}
    assert nomination.proposer_unit == kh.province.health


def test_live_checks_partial_lists_blocking_results(kh: Kh, people: People) -> None:
    nominee = NomineeFactory(unit=kh.province.health)

    response = signed_in(people.officer).post(reverse("awards:checks"), {
        "unit": kh.province.health.pk, "campaign": kh.campaign.pk, "phase": kh.phase1.pk,
        "nominee": nominee.pk, "form": form("co-thi-dua-tinh").pk, "basis": "campaign",
    })  # fmt: skip

    text = response.content.decode()
    assert 'data-check="campaign_form"' in text and "check--block" in text
    assert "chỉ được đề nghị Bằng khen hoặc Giấy khen" in text
    assert "Hồ sơ còn thiếu" in text


def test_live_checks_hint_until_the_essentials_are_chosen(kh: Kh, people: People) -> None:
    response = signed_in(people.officer).post(
        reverse("awards:checks"), {"unit": kh.province.health.pk, "campaign": kh.campaign.pk}
    )

    assert "Chọn đợt, đối tượng và hình thức" in response.content.decode()


def test_detail_upload_and_head_submits(kh: Kh, people: People) -> None:
    nomination = _nominations(kh, 1, S.DRAFT)[0]
    full_dossier(nomination, ("report", "minutes"))
    officer, head = signed_in(people.officer), signed_in(people.head)
    from django.core.files.uploadedfile import SimpleUploadedFile

    officer.post(
        reverse("awards:file_upload", args=[nomination.pk]),
        {"kind": "cover", "file": SimpleUploadedFile("to-trinh.pdf", PDF)},
    )
    officer_view = officer.get(reverse("awards:detail", args=[nomination.pk])).content.decode()
    head.post(reverse("awards:action", args=[nomination.pk, "submit"]))

    nomination.refresh_from_db()
    assert "to-trinh.pdf" in officer_view and "Ký, gửi đề nghị" not in officer_view
    assert nomination.state == S.SUBMITTED


def test_refusal_is_shown_as_a_message(kh: Kh, people: People) -> None:
    nomination = _nominations(kh, 1, S.DRAFT)[0]

    response = signed_in(people.head).post(
        reverse("awards:action", args=[nomination.pk, "submit"]), follow=True
    )

    assert "Hồ sơ còn thiếu" in response.content.decode()


def test_step_refused_for_permission_is_the_403_page(kh: Kh, people: People) -> None:
    nomination = _nominations(kh, 1, S.DRAFT)[0]
    full_dossier(nomination, ("report", "minutes"))

    response = signed_in(people.officer).post(
        reverse("awards:action", args=[nomination.pk, "submit"])
    )

    nomination.refresh_from_db()
    assert response.status_code == 403
    assert "Không có quyền truy cập" in response.content.decode()
    assert nomination.state == S.DRAFT
    assert not nomination.events.filter(kind="submit").exists()


def test_upload_refused_for_permission_is_the_403_page(kh: Kh, people: People) -> None:
    nomination = _nominations(kh, 1, S.RETURNED)[0]
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = signed_in(people.secretariat).post(
        reverse("awards:file_upload", args=[nomination.pk]),
        {"kind": "cover", "file": SimpleUploadedFile("to-trinh.pdf", PDF)},
    )

    assert response.status_code == 403
    assert "Bạn không có quyền thực hiện thao tác này." in response.content.decode()
    assert not nomination.files.exists()
    assert not nomination.events.filter(kind="file_add").exists()


def test_review_queue_return_with_reason(kh: Kh, people: People) -> None:
    nomination = _nominations(kh, 1, S.UNDER_REVIEW)[0]
    client = signed_in(people.secretariat)

    queue = client.get(reverse("awards:review_queue")).content.decode()
    client.post(
        reverse("awards:action", args=[nomination.pk, "return"]), {"reason": "Bổ sung biên bản"}
    )

    nomination.refresh_from_db()
    assert nomination.nominee.name in queue
    assert nomination.state == S.RETURNED and nomination.return_reason == "Bổ sung biên bản"


def test_overview_counts_by_state_and_form(kh: Kh, people: People) -> None:
    _nominations(kh, 2, S.SUBMITTED)
    _nominations(kh, 1, S.DRAFT)

    response = signed_in(people.leader).get(reverse("awards:overview"))

    text = response.content.decode()
    assert response.context["counts"]["total"] == 2  # the draft stays with its unit
    assert "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh" in text
    assert signed_in(people.officer).get(reverse("awards:overview")).status_code == 403


def test_nominee_search_page_folds_diacritics(kh: Kh, people: People) -> None:
    NomineeFactory(unit=kh.province.health, name="Lâm Thị Bích Thủy")

    text = (
        signed_in(people.officer)
        .get(reverse("awards:nominees"), {"q": "bich thuy"})
        .content.decode()
    )

    assert "Lâm Thị Bích Thủy" in text


def test_nominee_create_offers_the_existing_record(kh: Kh, people: People) -> None:
    NomineeFactory(unit=kh.province.health, name="Ngô Văn Lộc", birth_year=1980)
    url = reverse("awards:nominee_create") + f"?unit={kh.province.health.pk}"

    response = signed_in(people.officer).post(
        url, {"kind": "individual", "name": "ngo van loc", "birth_year": 1980}
    )

    assert "Có thể đã có đối tượng này" in response.content.decode()


# The review queue: 9 for the page, 9 for its rows' checks together (issue #16). The
# visibility reads the units under a province-wide or subtree role and the user's Council
# agendas first (one query each), so that its conditions are served by indexes; the unit's
# list is paginated (one count).
EXPECTED = {"index": 9, "review": 18, "submit": 6, "overview": 8}


@pytest.mark.parametrize("count", [1, 3])
def test_unit_list_query_count(
    kh: Kh, people: People, django_assert_num_queries, count: int
) -> None:
    _nominations(kh, count, S.DRAFT)
    client = signed_in(people.officer)

    with django_assert_num_queries(EXPECTED["index"]):
        response = client.get(reverse("awards:index"))

    assert response.content.decode().count('class="ncard"') == count


@pytest.mark.parametrize("count", [1, 25])
def test_review_queue_query_count(
    kh: Kh, people: People, django_assert_num_queries, count: int
) -> None:
    _nominations(kh, count, S.SUBMITTED)
    client = signed_in(people.secretariat)

    with django_assert_num_queries(EXPECTED["review"]):
        response = client.get(reverse("awards:review_queue"))

    text = response.content.decode()
    assert 'hx-trigger="load"' not in text  # no check request per row (issue #16)
    assert re.search(r"/de-nghi/\d+/kiem-tra/", text) is None
    # Every row's checks, run together for the page: the dossier is missing in each.
    assert text.count('class="row-checks"') == count
    assert text.count("Hồ sơ còn thiếu") == count


@pytest.mark.parametrize("count", [1, 3])
def test_submit_queue_query_count(
    kh: Kh, people: People, django_assert_num_queries, count: int
) -> None:
    _nominations(kh, count, S.DRAFT)
    client = signed_in(people.head)

    with django_assert_num_queries(EXPECTED["submit"]):
        response = client.get(reverse("awards:submit_queue"))

    assert response.content.decode().count('class="ncard"') == count


@pytest.mark.parametrize("count", [1, 3])
def test_overview_query_count(
    kh: Kh, people: People, django_assert_num_queries, count: int
) -> None:
    _nominations(kh, count, S.SUBMITTED)
    client = signed_in(people.leader)

    with django_assert_num_queries(EXPECTED["overview"]):
        client.get(reverse("awards:overview"))


def test_review_queue_holds_what_each_body_grants(kh: Kh, people: People) -> None:
    bang_khen = _nominations(kh, 1, S.SUBMITTED)[0]
    giay_khen = _nominations(kh, 1, S.SUBMITTED, form=form("giay-khen"))[0]
    Nomination.objects.filter(pk=giay_khen.pk).update(grantor_unit=kh.province.health)

    ban = signed_in(people.secretariat).get(reverse("awards:review_queue")).content.decode()
    health = signed_in(people.head).get(reverse("awards:review_queue")).content.decode()

    assert bang_khen.nominee.name in ban and giay_khen.nominee.name not in ban
    assert giay_khen.nominee.name in health and bang_khen.nominee.name not in health


def test_detail_offers_only_the_steps_open_to_the_user(kh: Kh, people: People) -> None:
    bang_khen = _nominations(kh, 1, S.UNDER_REVIEW)[0]
    giay_khen = _nominations(kh, 1, S.UNDER_REVIEW, form=form("giay-khen"))[0]
    Nomination.objects.filter(pk=giay_khen.pk).update(grantor_unit=kh.province.health)

    ban = (
        signed_in(people.secretariat)
        .get(reverse("awards:detail", args=[bang_khen.pk]))
        .content.decode()
    )
    head = (
        signed_in(people.head).get(reverse("awards:detail", args=[giay_khen.pk])).content.decode()
    )

    assert "Trình Hội đồng" in ban and "Trả lại để bổ sung" in ban and ">Đồng ý<" not in ban
    assert ">Đồng ý<" in head and "Không đồng ý" in head


def test_review_queue_holds_only_its_own_province_grants(kh: Kh, people: People) -> None:
    """Issue #16: Ban TĐKT's queue matches its own province as grantor, not every
    province (a nomination of its province sent to another province's grantor stays out)."""
    own, elsewhere = _nominations(kh, 2, S.SUBMITTED)
    other = UnitFactory(code="KHAC", name="UBND tỉnh Khác", kind=UnitKind.PROVINCE)
    Nomination.objects.filter(pk=elsewhere.pk).update(grantor_unit=other)

    ban = signed_in(people.secretariat).get(reverse("awards:review_queue")).content.decode()

    assert own.nominee.name in ban and elsewhere.nominee.name not in ban


def test_unit_list_is_paginated_and_keeps_its_filters(
    kh: Kh, people: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    from thidua.awards import views

    monkeypatch.setattr(views, "UNIT_PAGE_SIZE", 2)
    made = _nominations(kh, 3, S.DRAFT)
    client = signed_in(people.officer)
    query = f"?unit={kh.province.health.pk}&campaign={kh.campaign.pk}"

    first = client.get(reverse("awards:index") + query).content.decode()
    second = client.get(reverse("awards:index") + query + "&page=2").content.decode()

    assert first.count('class="ncard"') == 2 and second.count('class="ncard"') == 1
    assert "Trang 1/2" in first and "Trang 2/2" in second
    assert f"campaign={kh.campaign.pk}" in first.split('rel="next"')[0].rsplit("href=", 1)[1]
    shown = [n for n in made if f"/de-nghi/{n.pk}/" in first + second]
    assert len(shown) == 3
