"""The /dien-hinh/ pages: list, create, edit, photos, actions; 404 for hidden stories;
constant query counts; strict CSP."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories.exemplars import completed_work_with_photo, story_in
from tests.factories.public import drain
from tests.pages import csp_problems, page_text, signed_in
from tests.uploads import png_upload
from thidua.exemplars.models import Exemplar, ExemplarState


def test_list_shows_own_and_published_stories_only(kh, people, province):
    mine = story_in(ExemplarState.DRAFT, kh, people, province.commune_a1, n=0)
    sibling = story_in(ExemplarState.SUBMITTED, kh, people, province.commune_a2, n=1)
    public = story_in(ExemplarState.PUBLISHED, kh, people, province.commune_b1, n=2)

    text = page_text(signed_in(people.a1_officer).get(reverse("exemplars:index")))

    assert mine.title in text and public.title in text
    assert sibling.title not in text


def test_search_ignores_diacritics(kh, people, province):
    story_in(ExemplarState.DRAFT, kh, people, province.commune_a1, n=0)
    story_in(ExemplarState.DRAFT, kh, people, province.commune_a1, n=1)

    text = page_text(
        signed_in(people.secretariat).get(reverse("exemplars:index"), {"q": "co giao vung kho"})
    )

    assert "Cô giáo vùng khó giữ lửa con chữ" in text
    assert "Xã Phong Phú chung sức" not in text


def test_create_edit_photo_submit_through_the_pages(kh, people, province):
    client = signed_in(people.a1_officer)
    response = client.post(
        reverse("exemplars:create"),
        {
            "campaign": kh.campaign.pk,
            "unit": province.commune_a1.pk,
            "subject_kind": "individual",
            "subject_name": "Nguyễn Văn Ba",
            "title": "Người nông dân hiến đất làm đường",
            "achievements": "Hiến 500 m² đất.",
            "results": "",
            "content_area": kh.area.pk,
            "place": province.commune_a1.pk,
        },
    )
    story = Exemplar.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/dien-hinh/{story.pk}/"

    client.post(reverse("exemplars:edit", args=[story.pk]), {
        "subject_kind": "individual", "subject_name": "Nguyễn Văn Ba",
        "title": "Ông Ba hiến đất làm đường", "achievements": "Hiến 500 m² đất.",
    })  # fmt: skip
    client.post(
        reverse("exemplars:photo_add", args=[story.pk]),
        {"photo": png_upload(), "caption": "Ông Ba"},
    )
    client.post(reverse("exemplars:action", args=[story.pk, "submit"]))

    story.refresh_from_db()
    assert (story.title, story.state, story.photos.count()) == (
        "Ông Ba hiến đất làm đường",
        ExemplarState.SUBMITTED,
        1,
    )
    detail = client.get(reverse("exemplars:detail", args=[story.pk]))
    assert "Ông Ba" in page_text(detail)
    assert csp_problems(detail) == []


def test_a_refused_action_is_a_message_not_an_error(kh, people, province):
    story = story_in(ExemplarState.APPROVED, kh, people, province.commune_a1, photo=False)
    client = signed_in(people.secretariat)

    response = client.post(reverse("exemplars:action", args=[story.pk, "publish"]), follow=True)

    assert "Câu chuyện cần ít nhất một ảnh trước khi công bố." in page_text(response)
    story.refresh_from_db()
    assert story.state == ExemplarState.APPROVED


def test_return_from_the_page_shows_the_reason_to_the_author(kh, people, province):
    story = story_in(ExemplarState.SUBMITTED, kh, people, province.commune_a1)
    signed_in(people.secretariat).post(
        reverse("exemplars:action", args=[story.pk, "return"]), {"reason": "Thiếu số hộ hưởng lợi"}
    )

    text = page_text(signed_in(people.a1_officer).get(reverse("exemplars:detail", args=[story.pk])))

    assert "Thiếu số hộ hưởng lợi" in text


def test_a_unit_officer_may_not_approve(kh, people, province):
    story = story_in(ExemplarState.SUBMITTED, kh, people, province.commune_a1)

    events = story.events.count()

    response = signed_in(people.a1_officer).post(
        reverse("exemplars:action", args=[story.pk, "approve"])
    )

    assert response.status_code == 403
    story.refresh_from_db()
    assert story.state == ExemplarState.SUBMITTED
    assert story.events.count() == events


@pytest.mark.parametrize("name", ["detail", "edit"])
def test_a_sibling_gets_404(kh, people, province, name):
    story = story_in(ExemplarState.DRAFT, kh, people, province.commune_a1)

    response = signed_in(people.a2_officer).get(reverse(f"exemplars:{name}", args=[story.pk]))

    assert response.status_code == 404
    assert story.title not in response.content.decode()


def test_photo_of_a_draft_is_hidden_from_a_sibling(kh, people, province):
    story = story_in(ExemplarState.DRAFT, kh, people, province.commune_a1)
    photo = story.photos.get()

    own = signed_in(people.a1_officer).get(reverse("exemplars:photo", args=[photo.pk]))
    body = drain(own)

    assert (own.status_code, own["Content-Type"], body[:4]) == (200, "image/png", b"\x89PNG")
    sibling = signed_in(people.a2_officer).get(reverse("exemplars:photo", args=[photo.pk]))
    assert sibling.status_code == 404
    assert b"\x89PNG" not in sibling.content


def test_from_work_button_drafts_and_redirects(kh, people, province):
    work = completed_work_with_photo(kh, people, province)

    response = signed_in(people.secretariat).post(reverse("exemplars:from_work", args=[work.pk]))

    story = Exemplar.objects.get()
    assert response["Location"] == f"/dien-hinh/{story.pk}/"
    assert story.photos.count() == 1
    assert (
        signed_in(people.b1_officer)
        .post(reverse("exemplars:from_work", args=[work.pk]))
        .status_code
        == 404
    )


@pytest.mark.parametrize("count", [1, 3])
def test_list_query_count_is_constant(kh, people, province, django_assert_num_queries, count):
    for n in range(count):
        story_in(ExemplarState.PUBLISHED, kh, people, province.commune_a1, n=n)
    client = signed_in(people.secretariat)

    with django_assert_num_queries(6):
        response = client.get(reverse("exemplars:index"))

    assert response.content.decode().count('class="story-card"') == count


def test_suggestions_offer_works_and_nominations_without_a_story(kh, people, province):
    from tests.factories.exemplars import nomination_for

    work = completed_work_with_photo(kh, people, province, title="Đường bê tông ấp Trà Kha")
    nomination = nomination_for(kh, people, province, state="approved")
    nomination_for(kh, people, province, name="Người chưa được đồng ý", state="submitted")
    client = signed_in(people.secretariat)

    text = page_text(client.get(reverse("exemplars:suggestions")))
    assert "Đường bê tông ấp Trà Kha" in text and "Thạch Thị Sô Phi" in text
    assert "Người chưa được đồng ý" not in text

    response = client.post(reverse("exemplars:from_nomination", args=[nomination.pk]))
    story = Exemplar.objects.get(source_nomination=nomination)
    assert response["Location"] == f"/dien-hinh/{story.pk}/"
    client.post(reverse("exemplars:from_work", args=[work.pk]))
    after = page_text(client.get(reverse("exemplars:suggestions")))
    assert "Đường bê tông ấp Trà Kha" not in after and "Thạch Thị Sô Phi" not in after


def test_a_sibling_cannot_draft_from_a_nomination(kh, people, province):
    from tests.factories.exemplars import nomination_for

    nomination = nomination_for(kh, people, province, state="approved")

    response = signed_in(people.b1_officer).post(
        reverse("exemplars:from_nomination", args=[nomination.pk])
    )

    assert response.status_code == 404
    assert not Exemplar.objects.exists()
