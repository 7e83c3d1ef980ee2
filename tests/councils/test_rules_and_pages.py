"""Who sees and does what: the permission matrix of the session pages, leak tests (a
member of another session, a unit officer, another province's secretariat), the pages'
content, refusals shown in Vietnamese, CSP, and the voting page."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories.councils import make_session, nominations, seats
from tests.pages import csp_problems, page_text, signed_in
from thidua.core.text import fold
from thidua.councils import services
from thidua.councils.models import BallotReceipt, SessionState, Vote, VoteChoice
from thidua.councils.rules import (
    can_manage_session,
    can_record_written_votes,
    can_view_session,
    can_vote_in_session,
)
from thidua.councils.selectors import sessions_visible_to


@pytest.fixture
def held(kh, people, province):
    """An open session: councillors[0..2] sit in it (0 chair), plus named seats."""
    session = make_session(kh, people, members=5, items=nominations(kh, province, 2))
    return services.session_open(actor=people.secretariat, session=session)


ROLES = [
    "secretariat",
    "leader",
    "admin",
    "seated",
    "outsider_councillor",
    "unit_officer",
    "other_secretariat",
]

#: (view, manage, vote, record written votes) for each role on an open session.
MATRIX = {
    "secretariat": (True, True, False, True),
    "leader": (True, False, False, False),
    "admin": (True, True, False, True),
    "seated": (True, False, True, False),
    "outsider_councillor": (False, False, False, False),
    "unit_officer": (False, False, False, False),
    "other_secretariat": (False, False, False, False),
}


def _user(people, role):
    return people.councillors[1] if role == "seated" else getattr(people, role)


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(role, held, people):
    user = _user(people, role)
    session = held

    answers = (
        bool(can_view_session(user, session)),
        bool(can_manage_session(user, session)),
        bool(can_vote_in_session(user, session)),
        bool(can_record_written_votes(user, session)),
    )

    assert answers == MATRIX[role]
    assert (session in sessions_visible_to(user)) is MATRIX[role][0]


@pytest.mark.parametrize("role", ROLES)
def test_session_page_for_each_role(role, held, people):
    client = signed_in(_user(people, role))

    response = client.get(reverse("councils:detail", args=[held.pk]))

    if not MATRIX[role][0]:
        assert response.status_code == 404
        assert held.title not in response.content.decode()
        return
    text = page_text(response)
    assert held.title in text
    assert ("Kết thúc và kiểm phiếu" in text) is MATRIX[role][1]
    assert ("Bỏ phiếu" in text) is (role == "seated")
    assert csp_problems(response) == []


def test_leak_outsider_cannot_vote_or_list(held, people):
    client = signed_in(people.outsider_councillor)
    item = held.items.first()

    listed = client.get(reverse("councils:index"))
    ballot = client.get(reverse("councils:ballot", args=[held.pk]))
    posted = client.post(reverse("councils:vote", args=[held.pk, item.pk]), {"choice": "yes"})

    assert held.title not in listed.content.decode()
    assert "Bạn chưa được mời dự phiên họp nào." in page_text(listed)
    assert ballot.status_code == 404 and posted.status_code == 404
    assert not Vote.objects.exists() and not BallotReceipt.objects.exists()


def test_unit_officer_sees_nothing(held, people):
    client = signed_in(people.unit_officer)

    listed = client.get(reverse("councils:index"))
    minutes = client.get(reverse("councils:minutes", args=[held.pk]))

    assert held.title not in listed.content.decode()
    assert minutes.status_code == 404


def test_member_list_is_my_sessions(held, people, kh):
    other = make_session(kh, people, members=1, title="Phiên không có tôi")
    client = signed_in(people.councillors[1])

    text = page_text(client.get(reverse("councils:index")))

    assert "Phiên họp của tôi" in text
    assert held.title in text and other.title not in text


def test_member_votes_from_the_ballot_page(held, people):
    client = signed_in(people.councillors[1])
    item = held.items.order_by("order").first()

    page = page_text(client.get(reverse("councils:ballot", args=[held.pk])))
    response = client.post(
        reverse("councils:vote", args=[held.pk, item.pk]),
        {"choice": "yes", "confirmed": "1"},
        follow=True,
    )

    assert "Đồng ý" in page and "Không đồng ý" in page and "Không ý kiến" in page
    text = page_text(response)
    assert "Đã ghi nhận phiếu của bạn." in text
    assert "Đã bỏ phiếu · Ý kiến của bạn: Đồng ý" in text
    assert Vote.objects.get(item=item, member__user=people.councillors[1]).choice == "yes"


def test_ballot_page_never_shows_a_secret_choice(kh, people, province):
    session = make_session(kh, people, members=3, items=nominations(kh, province, 1, form=kh.cstd))
    session = services.session_open(actor=people.secretariat, session=session)
    client = signed_in(people.councillors[1])
    item = session.items.get()

    response = client.post(
        reverse("councils:vote", args=[session.pk, item.pk]),
        {"choice": "no", "confirmed": "1"},
        follow=True,
    )

    text = page_text(response)
    assert "Đã bỏ phiếu · phiếu kín, không ai xem được lựa chọn của bạn" in text
    assert "Ý kiến của bạn" not in text


def test_a_second_vote_is_a_change_asked_to_confirm_not_a_second_ballot(held, people):
    client = signed_in(people.councillors[1])
    item = held.items.first()
    client.post(
        reverse("councils:vote", args=[held.pk, item.pk]), {"choice": "yes", "confirmed": "1"}
    )

    response = client.post(reverse("councils:vote", args=[held.pk, item.pk]), {"choice": "no"})

    assert "Bạn đổi ý kiến thành Không đồng ý" in page_text(response)
    assert Vote.objects.get(item=item, member__user=people.councillors[1]).choice == "yes"
    assert Vote.objects.filter(item=item).count() == 1


def test_quorum_refusal_is_shown_on_the_page(kh, people, province):
    session = make_session(kh, people, members=10, present=7, items=nominations(kh, province, 1))
    client = signed_in(people.secretariat)

    response = client.post(reverse("councils:open", args=[session.pk]))

    assert "Chưa đủ số thành viên dự họp: có mặt 7/10 thành viên" in page_text(response)
    session.refresh_from_db()
    assert session.state == SessionState.PLANNED


def test_leader_cannot_open_or_close(held, people):
    client = signed_in(people.leader)

    response = client.post(reverse("councils:close", args=[held.pk]))

    assert response.status_code == 403
    held.refresh_from_db()
    assert held.state == SessionState.OPEN


def test_secretariat_prepares_a_session_on_the_pages(kh, people, province):
    [nomination] = nominations(kh, province, 1)
    client = signed_in(people.secretariat)

    created = client.post(
        reverse("councils:create"),
        {
            "title": "Phiên họp Đợt 2",
            "council_name": "Hội đồng Thi đua - Khen thưởng tỉnh Thử",
            "campaign": kh.campaign.pk,
            "phase": kh.phase1.pk,
            "date": "25/05/2025",
            "place": "Phòng họp số 1",
            "place_name": "Thử",
            "quorum_share": "0,8",
        },
        follow=True,
    )
    session = created.context["session"]
    client.post(
        reverse("councils:member_add", args=[session.pk]),
        {"user": people.councillors[0].pk, "role": "chair"},
    )
    client.post(
        reverse("councils:member_add", args=[session.pk]),
        {"name": "Bà Lê Thị Hoa", "position": "Giám đốc Sở Nội vụ", "role": "secretary"},
    )
    typed = fold(nomination.nominee.name)  # typed without accents
    searched = client.get(reverse("councils:detail", args=[session.pk]), {"q": typed})
    client.post(reverse("councils:items_add", args=[session.pk]), {"nomination": [nomination.pk]})

    assert "Đã tạo phiên họp." in page_text(created)
    assert nomination.nominee.name in page_text(searched)
    page = page_text(client.get(reverse("councils:detail", args=[session.pk])))
    assert "Bà Lê Thị Hoa" in page and "Ủy viên, Thư ký Hội đồng" in page
    assert session.items.get().nomination == nomination
    assert session.date.strftime("%d/%m/%Y") == "25/05/2025"


def test_written_vote_form_and_results(kh, people, province):
    session = make_session(
        kh, people, members=5, present=4, written=1, items=nominations(kh, province, 1)
    )
    session = services.session_open(actor=people.secretariat, session=session)
    absent = seats(session)[-1]
    item = session.items.get()
    client = signed_in(people.secretariat)

    client.post(
        reverse("councils:written_vote", args=[session.pk]),
        {"member": absent.pk, "item": item.pk, "choice": "yes"},
    )
    for seat in seats(session)[:4]:
        services.council_vote(actor=seat.user, item=item, choice=VoteChoice.YES)
    closed = client.post(
        reverse("councils:close", args=[session.pk]), {"confirm": "yes"}, follow=True
    )

    text = page_text(closed)
    assert "Kết quả biểu quyết" in text
    assert "5/5" in text and "Đồng ý khen thưởng" in text
    assert f"{absent.name} – nội dung 1: Đồng ý" in text
    minutes = client.get(reverse("councils:minutes", args=[session.pk]))
    content = b"".join(minutes.streaming_content)
    minutes.close()
    assert minutes["Content-Type"].startswith("application/vnd.openxmlformats")
    assert content.startswith(b"PK")


@pytest.mark.parametrize("count", [1, 3])
def test_session_list_query_count(count, kh, people, province, django_assert_num_queries):
    for n in range(count):
        make_session(kh, people, members=2, title=f"Phiên {n}", items=nominations(kh, province, 1))
    client = signed_in(people.secretariat)

    with django_assert_num_queries(5):
        response = client.get(reverse("councils:index"))

    assert response.content.decode().count('class="session-card"') == count


@pytest.mark.parametrize("count", [1, 3])
def test_session_page_query_count(count, kh, people, province, django_assert_num_queries):
    session = make_session(kh, people, members=count + 2, items=nominations(kh, province, count))
    nominations(kh, province, count)  # candidates to add
    client = signed_in(people.secretariat)

    with django_assert_num_queries(9):
        response = client.get(reverse("councils:detail", args=[session.pk]))

    assert response.content.decode().count('class="agenda__item"') == count


@pytest.mark.parametrize("count", [1, 3])
def test_ballot_page_query_count(count, kh, people, province, django_assert_num_queries):
    session = make_session(kh, people, members=3, items=nominations(kh, province, count))
    session = services.session_open(actor=people.secretariat, session=session)
    client = signed_in(people.councillors[1])

    with django_assert_num_queries(10):
        response = client.get(reverse("councils:ballot", args=[session.pk]))

    assert response.content.decode().count('class="ballot-card"') == count


def test_a_new_session_offers_today_as_its_date(people):
    page = signed_in(people.secretariat).get(reverse("councils:create"))

    today = timezone.localdate().strftime("%d/%m/%Y")
    assert f'name="date" value="{today}"' in page.content.decode()
