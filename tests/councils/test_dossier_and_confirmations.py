"""Council members vote with the dossier in reach and confirm each vote; closing a session
says first who has not voted (issue 12, items 4 and 5)."""

from __future__ import annotations

import hashlib

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from tests.factories.councils import make_session, nominations, seats
from tests.pages import page_text, signed_in
from thidua.awards.models import DossierFile, DossierKind
from thidua.councils import services
from thidua.councils.models import BallotReceipt, SessionState, Vote, VoteChoice
from thidua.works.demo_images import minimal_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def held(kh, people, province):  # type: ignore[no-untyped-def]
    """An open session of five present members (councillors[0..2] first) and two items;
    the first nomination has a PDF in its dossier."""
    session = make_session(kh, people, members=5, items=nominations(kh, province, 2))
    first = session.items.order_by("order").first().nomination
    content = minimal_pdf(["To trinh de nghi khen thuong"])
    DossierFile.objects.create(
        nomination=first,
        kind=DossierKind.COVER,
        file=ContentFile(content, name="to-trinh.pdf"),
        original_name="Tờ trình.pdf",
        content_type="application/pdf",
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        uploaded_by=people.secretariat,
    )
    return services.session_open(actor=people.secretariat, session=session)


# --- The dossier from the ballot card ---------------------------------------------------


def test_the_ballot_card_links_the_nomination_its_checks_and_files(held, people):
    item = held.items.order_by("order").first()
    nomination = item.nomination

    html = signed_in(people.councillors[1]).get(reverse("councils:ballot", args=[held.pk]))

    text = page_text(html)
    page = html.content.decode()
    detail = reverse("awards:detail", args=[nomination.pk])
    assert f'href="{detail}"' in page
    assert f'href="{detail}#kiem-tra"' in page and "Kết quả kiểm tra điều kiện" in text
    assert f'href="{detail}#ho-so"' in page and "Hồ sơ: 1 tài liệu" in text


def test_a_seated_member_reads_the_dossier_and_its_files(held, people):
    nomination = held.items.order_by("order").first().nomination
    file = nomination.files.get()
    client = signed_in(people.councillors[1])

    detail = client.get(reverse("awards:detail", args=[nomination.pk]))
    download = client.get(reverse("awards:file", args=[nomination.pk, file.pk]))

    text = page_text(detail)
    assert nomination.nominee.name in text and "Kiểm tra điều kiện" in text
    assert f'href="{reverse("awards:file", args=[nomination.pk, file.pk])}"' in (
        detail.content.decode()
    )
    assert "/media/" not in detail.content.decode()
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    download.close()


def test_a_member_of_no_session_reads_neither_the_dossier_nor_its_files(held, people):
    nomination = held.items.order_by("order").first().nomination
    file = nomination.files.get()
    client = signed_in(people.outsider_councillor)

    detail = client.get(reverse("awards:detail", args=[nomination.pk]))
    download = client.get(reverse("awards:file", args=[nomination.pk, file.pk]))

    assert detail.status_code == 404 and download.status_code == 404


# --- A vote is confirmed before it is cast -----------------------------------------------


def test_a_vote_asks_for_confirmation_naming_the_nominee_and_the_choice(held, people):
    item = held.items.order_by("order").first()
    client = signed_in(people.councillors[1])
    url = reverse("councils:vote", args=[held.pk, item.pk])

    asked = client.post(url, {"choice": "no"})
    cast = client.post(url, {"choice": "no", "confirmed": "1"}, follow=True)

    text = page_text(asked)
    assert "Xác nhận phiếu biểu quyết" in text
    assert f"Bạn chọn Không đồng ý khen thưởng {item.nomination.nominee.name}" in text
    assert item.nomination.form.name in text
    assert "Bạn có thể đổi ý kiến đến khi Thư ký kết thúc phiên họp" in text
    assert "Gửi phiếu: Không đồng ý" in text and "Chọn lại" in text
    assert "Tờ trình.pdf" in text
    assert Vote.objects.get(item=item, member__user=people.councillors[1]).choice == "no"
    assert "Đã ghi nhận phiếu của bạn." in page_text(cast)


def test_nothing_is_cast_until_the_member_confirms(held, people):
    item = held.items.order_by("order").first()

    signed_in(people.councillors[1]).post(
        reverse("councils:vote", args=[held.pk, item.pk]), {"choice": "yes"}
    )

    assert not Vote.objects.exists() and not BallotReceipt.objects.exists()


# --- Closing a session: what is missing, what will happen --------------------------------


def test_closing_says_who_has_not_voted_and_waits_for_confirmation(held, people):
    first, second = held.items.order_by("order")
    present = seats(held)
    for seat in present[:3]:
        services.council_vote(actor=seat.user, item=first, choice=VoteChoice.YES)
    client = signed_in(people.secretariat)
    url = reverse("councils:close", args=[held.pk])

    detail = client.get(reverse("councils:detail", args=[held.pk])).content.decode()
    summary = page_text(client.get(url))
    unconfirmed = client.post(url, {})
    held.refresh_from_db()
    still_open = held.state

    assert f'href="{url}"' in detail
    assert "Còn 7 phiếu chưa bỏ." in summary
    names = ", ".join(s.name for s in present[3:])
    assert f"Nội dung 1: {first.nomination.nominee.name}" in summary
    assert f"Có mặt, chưa bỏ phiếu: {names}" in summary
    assert f"Có mặt, chưa bỏ phiếu: {', '.join(s.name for s in present)}" in summary
    assert "phiếu chưa bỏ không được tính là đồng ý" in summary
    assert "Không thể hoàn tác." in summary
    assert unconfirmed.status_code == 400
    assert "Hãy đánh dấu ô xác nhận để kết thúc phiên họp." in page_text(unconfirmed)
    assert still_open == SessionState.OPEN
    closed = client.post(url, {"confirm": "yes"}, follow=True)
    held.refresh_from_db()
    assert held.state == SessionState.CLOSED
    assert "Kết quả biểu quyết" in page_text(closed)
    assert second.pk


def test_closing_counts_written_opinions_still_to_record(kh, people, province):
    session = make_session(
        kh, people, members=5, present=4, written=1, items=nominations(kh, province, 1)
    )
    session = services.session_open(actor=people.secretariat, session=session)
    for seat in seats(session)[:4]:
        services.council_vote(actor=seat.user, item=session.items.get(), choice=VoteChoice.YES)

    summary = page_text(
        signed_in(people.secretariat).get(reverse("councils:close", args=[session.pk]))
    )

    assert "Còn 1 phiếu chưa bỏ." in summary
    assert f"Vắng, chưa ghi nhận ý kiến bằng văn bản: {seats(session)[4].name}" in summary


def test_only_the_secretariat_sees_the_closing_page(held, people):
    page = signed_in(people.councillors[0]).get(reverse("councils:close", args=[held.pk]))

    assert page.status_code == 403
