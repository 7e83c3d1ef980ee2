"""The /so-ket/ workspace: who reaches it, what it shows, its forms, its report, and a
constant number of queries."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories.public import drain
from tests.factories.reviews import known_figures, open_review
from tests.pages import csp_problems, page_text, signed_in
from thidua.reviews.models import PhaseReview, ReviewState


@pytest.mark.parametrize(
    ("who", "status"),
    [("secretariat", 200), ("leader", 200), ("a1_officer", 403), ("district_a_head", 403)],
)
def test_index_is_for_the_secretariat_and_leaders(kh, people, who, status):
    open_review(kh, people)

    response = signed_in(getattr(people, who)).get(reverse("reviews:index"))

    assert response.status_code == status
    assert ("Sơ kết Đợt 1 28/02/2025" in page_text(response)) == (status == 200)


def test_open_a_review_from_the_index(kh, people):
    client = signed_in(people.secretariat)

    response = client.post(
        reverse("reviews:index"),
        {
            "campaign": kh.campaign.pk,
            "kind": "interim",
            "phase": kh.phase1.pk,
            "held_on": "15/05/2025",
        },
    )

    review = PhaseReview.objects.get()
    assert response["Location"] == f"/so-ket/{review.pk}/"
    assert review.held_on.isoformat() == "2025-05-15"


def test_open_a_review_with_the_day_typed_with_dots(kh, people):
    client = signed_in(people.secretariat)

    client.post(
        reverse("reviews:index"),
        {
            "campaign": kh.campaign.pk,
            "kind": "interim",
            "phase": kh.phase1.pk,
            "held_on": "7.5.2025",
        },
    )

    assert PhaseReview.objects.get().held_on.isoformat() == "2025-05-07"


def test_workspace_shows_the_figures(kh, people, province):
    known_figures(kh, people, province)
    review = open_review(kh, people)

    response = signed_in(people.secretariat).get(reverse("reviews:detail", args=[review.pk]))
    text = page_text(response)

    assert "Cầu bê tông kênh Ba Sơn" in text and "Nhà văn hóa ấp Bà Tiêm" in text
    assert "Trạm y tế kiểu mẫu" not in text  # not finished: not among those ahead
    assert "Quý IV/2024" in text
    assert "Tỷ lệ hộ dùng nước sạch" in text
    assert csp_problems(response) == []


def test_select_generate_issue_and_download(kh, people, province):
    ahead = known_figures(kh, people, province)["ahead"]
    review = open_review(kh, people)
    client = signed_in(people.secretariat)

    client.post(reverse("reviews:action", args=[review.pk, "works"]), {"commend": [ahead[0].pk]})
    client.post(
        reverse("reviews:action", args=[review.pk, "texts"]),
        {"held_on": "01/03/2025", "shortcomings": "Chậm", "directions": "Nhanh", "notes": ""},
    )
    client.post(reverse("reviews:action", args=[review.pk, "issue"]))

    review.refresh_from_db()
    assert review.state == ReviewState.ISSUED
    assert list(review.works_to_commend.all()) == [ahead[0]]
    download = client.get(reverse("reviews:report", args=[review.pk]))
    body = drain(download)
    assert download["Content-Type"].startswith("application/vnd.openxmlformats")
    assert body[:2] == b"PK"


def test_a_leader_reads_but_may_not_write(kh, people):
    review = open_review(kh, people)
    client = signed_in(people.leader)

    events = review.events.count()

    assert client.get(reverse("reviews:detail", args=[review.pk])).status_code == 200
    assert client.post(reverse("reviews:action", args=[review.pk, "issue"])).status_code == 403
    review.refresh_from_db()
    assert review.state == ReviewState.DRAFT
    assert review.events.count() == events


def test_another_province_gets_404(kh, people):
    review = open_review(kh, people)

    response = signed_in(people.other_secretariat).get(reverse("reviews:detail", args=[review.pk]))

    assert response.status_code == 404
    assert kh.campaign.title not in page_text(response)


def test_bad_date_is_a_message(kh, people):
    review = open_review(kh, people)

    response = signed_in(people.secretariat).post(
        reverse("reviews:action", args=[review.pk, "texts"]), {"held_on": "31/02/2025"}, follow=True
    )

    assert "Ngày sơ kết, tổng kết không hợp lệ" in page_text(response)


@pytest.mark.parametrize("count", [1, 3])
def test_workspace_query_count_is_constant(kh, people, province, django_assert_num_queries, count):
    from tests.factories.works import WorkFactory
    from thidua.works.models import WorkState

    for n in range(count):
        WorkFactory(
            campaign=kh.campaign,
            unit=province.commune_a1,
            state=WorkState.COMPLETED,
            created_by=people.a1_officer,
            title=f"Công trình số {n}",
        )
    review = open_review(kh, people)
    client = signed_in(people.secretariat)

    with django_assert_num_queries(16):
        response = client.get(reverse("reviews:detail", args=[review.pk]))

    assert response.content.decode().count('name="commend"') == count
