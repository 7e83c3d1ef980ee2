"""Privacy of the public site: data with distinctive private values is built everywhere the
public pages read from, every public address is crawled (links followed, images fetched),
and not one private value appears on any of them."""

from __future__ import annotations

import re
from decimal import Decimal
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.core.files.base import ContentFile
from django.test import Client

from tests.factories import UserFactory
from tests.factories.exemplars import add_photo, nomination_for, story_in
from tests.factories.public import drain, issued_decision, published_ranking
from tests.factories.reviews import open_review
from tests.factories.works import WorkFactory
from thidua.awards.models import DossierFile
from thidua.exemplars import workflow as exemplar_workflow
from thidua.exemplars.models import ExemplarState
from thidua.reviews import workflow as review_workflow
from thidua.works import services as work_services
from thidua.works.models import WorkState

#: Private values, each distinctive enough that it cannot appear by chance.
PRIVATE = {
    "birth year": "1937",
    "nominee position": "Chủ nhiệm Hợp tác xã Bí Mật",
    "dossier file name": "ho-so-thanh-tich-bi-mat-4821.pdf",
    "nomination return reason": "Thiếu biên bản họp xét 7731",
    "nomination summary": "Tóm tắt thành tích nội bộ 5519",
    "decision amount": "7654321",
    "decision amount (formatted)": "7.654.321",
    "decision entry position": "Phó trưởng ấp Bí Mật",
    "user name": "nguoidung_bimat",
    "user e-mail": "bimat.canbo@example.org",
    "user full name": "Đoàn Thị Bí Mật",
    "story return reason": "Lý do trả lại câu chuyện 6620",
    "approver note": "Ghi chú người duyệt 4410",
    "draft story": "Câu chuyện nháp chưa công bố 3318",
    "approved unpublished story": "Câu chuyện đã duyệt chưa công bố 2207",
    "withdrawn story": "Câu chuyện đã thu hồi 9902",
    "photo original name": "anh-goc-bi-mat-9931.png",
    "work draft": "Công trình nháp bí mật 8123",
    "work submitted": "Công trình chờ duyệt bí mật 8124",
    "work return reason": "Lý do trả lại công trình 8125",
    "work budget": "98.765,4",
    "evidence file name": "minh-chung-bi-mat-5512.png",
    "progress narrative": "Diễn giải tiến độ nội bộ 3391",
    "self score": "93,25",
    "self score (raw)": "93.25",
    "self note": "Ghi chú tự chấm 1177",
    "review note": "Nhận xét thẩm định 1178",
    "phase review notes": "Ghi chú sơ kết nội bộ 6061",
}
PUBLIC = ["Câu chuyện công bố 1001", "Thạch Thị Sô Phi", "123/QĐ-UBND", "Cầu công khai 2002"]


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src", "action") and value:
                self.links.append(value)


def _crawl(client: Client, start: str, limit: int = 200) -> dict[str, str]:
    """Every same-site /public/ address reachable from ``start``: address → body."""
    seen: dict[str, str] = {}
    queue = [start]
    while queue and len(seen) < limit:
        url = queue.pop(0)
        if url in seen:
            continue
        response = client.get(url)
        assert response.status_code == 200, url
        if response.streaming:
            body = drain(response).decode("latin-1")
        else:
            body = response.content.decode()
        seen[url] = body
        if not response["Content-Type"].startswith("text/html"):
            continue
        parser = _Links()
        parser.feed(body)
        for link in parser.links:
            target = urlsplit(urljoin(url, link))
            if target.netloc or not target.path.startswith("/public/"):
                continue
            if target.path.startswith("/public/xac-minh/"):
                continue  # the decisions helper's pages, tested there
            address = target.path + (f"?{target.query}" if target.query else "")
            if address not in seen:
                queue.append(address)
    return seen


def _build(kh, people, province) -> None:
    insider = UserFactory(username="nguoidung_bimat", email="bimat.canbo@example.org",
                          full_name="Đoàn Thị Bí Mật")  # fmt: skip
    # Nomination, its dossier, its return reason; an issued decision with an amount.
    nomination = nomination_for(
        kh, people, province, birth_year=1937, gender="female",
        return_reason=PRIVATE["nomination return reason"], summary=PRIVATE["nomination summary"],
        created_by=insider,
    )  # fmt: skip
    nomination.nominee.position = PRIVATE["nominee position"]
    nomination.nominee.save()
    DossierFile.objects.create(
        nomination=nomination, kind="report", file=ContentFile(b"%PDF-1.4", name="x.pdf"),
        original_name=PRIVATE["dossier file name"], content_type="application/pdf", size=8,
        sha256="0" * 64, uploaded_by=insider,
    )  # fmt: skip
    issued_decision(kh, people, nomination, number="123/QĐ-UBND", amount=7654321,
                    position=PRIVATE["decision entry position"])  # fmt: skip
    # Stories: one published (with a privately named photo and an approver's note), the
    # others in every private state.
    story = story_in(
        ExemplarState.SUBMITTED, kh, people, province.commune_a1, title="Câu chuyện công bố 1001"
    )
    add_photo(people.secretariat, story_in(ExemplarState.DRAFT, kh, people, province.commune_a2,
              title=PRIVATE["draft story"]), name="khac.png")  # fmt: skip
    story = exemplar_workflow.exemplar_approve(
        actor=people.secretariat, exemplar=story, note=PRIVATE["approver note"]
    )
    from thidua.exemplars.models import ExemplarPhoto

    ExemplarPhoto.objects.filter(exemplar=story).update(
        original_name=PRIVATE["photo original name"]
    )
    exemplar_workflow.exemplar_publish(actor=people.secretariat, exemplar=story)
    story_in(ExemplarState.APPROVED, kh, people, province.commune_a1,
             title=PRIVATE["approved unpublished story"])  # fmt: skip
    returned = story_in(
        ExemplarState.SUBMITTED, kh, people, province.commune_b1, title="Câu chuyện 4"
    )
    exemplar_workflow.exemplar_return(
        actor=people.secretariat, exemplar=returned, reason=PRIVATE["story return reason"]
    )
    withdrawn = story_in(ExemplarState.PUBLISHED, kh, people, province.commune_b1,
                         title=PRIVATE["withdrawn story"])  # fmt: skip
    exemplar_workflow.exemplar_unpublish(actor=people.secretariat, exemplar=withdrawn, reason="Sai")
    # Works: draft and submitted ones are private; a public one with a budget and a photo.
    WorkFactory(campaign=kh.campaign, unit=province.commune_a1, title=PRIVATE["work draft"],
                created_by=insider)  # fmt: skip
    WorkFactory(campaign=kh.campaign, unit=province.commune_a1, title=PRIVATE["work submitted"],
                state=WorkState.SUBMITTED, created_by=insider)  # fmt: skip
    from tests.factories.works import work_in
    from tests.uploads import png_upload

    work = work_in(WorkState.SUBMITTED, kh, people, province, unit=province.commune_a2,
                   actor=people.a2_officer, title="Cầu công khai 2002", budget=Decimal("98765.4"))  # fmt: skip
    work = work_services.work_return(actor=people.district_a_officer, work=work,
                                     reason=PRIVATE["work return reason"], what_to_fix="Sửa")  # fmt: skip
    work = work_services.work_submit(actor=people.a2_officer, work=work)
    work = work_services.work_approve(actor=people.district_a_officer, work=work)
    work_services.progress_add(
        actor=people.a2_officer, work=work, on=work.planned_start, percent=30,
        narrative=PRIVATE["progress narrative"], files=[png_upload(PRIVATE["evidence file name"])],
    )  # fmt: skip
    # A published ranking whose sheets carry self-scores and notes.
    published_ranking(people, [province.district_a, province.district_b], self_total="93.25",
                      self_note=PRIVATE["self note"], review_note=PRIVATE["review note"])  # fmt: skip
    # A phase review with internal notes.
    review = open_review(kh, people)
    review_workflow.review_update(
        actor=people.secretariat, review=review, held_on=review.held_on,
        shortcomings="", directions="", notes=PRIVATE["phase review notes"],
    )  # fmt: skip


def test_no_private_value_on_any_public_page(kh, people, province):
    _build(kh, people, province)

    pages = _crawl(Client(), "/public/")
    extra = _crawl(Client(), "/public/cong-trinh/?q=cau")

    everything = {**pages, **extra}
    assert len(everything) >= 8, sorted(everything)
    for label, value in PRIVATE.items():
        leaks = [url for url, body in everything.items() if value in body]
        assert leaks == [], f"{label} leaks on {leaks}"
    joined = "\n".join(everything.values())
    for value in PUBLIC:
        assert value in joined, value
    assert not re.search(r"\bNữ\b|Giới tính|Năm sinh", joined)
    # Every story linked from the site is a published one.
    story_urls = [u for u in everything if re.fullmatch(r"/public/dien-hinh/\d+/", u)]
    assert len(story_urls) == 1
