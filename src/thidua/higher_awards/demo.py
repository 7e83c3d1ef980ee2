"""The demo's proposal of central awards: Vĩnh Long (province 86) proposes three
nominees for their achievements of 2025, posts the shortlist in February 2026 (ten
working days with Tết Bính Ngọ inside the window), answers one comment, has its council
review it in March and sends the dossier. Idempotent: a second run changes nothing.

The people are made up; the units are the official ones. Tolerates the other annual
demos being absent: it creates its own nominees (or finds those already there).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from thidua.accounts.models import User
from thidua.awards.loading import award_forms_load_shipped
from thidua.awards.models import AwardForm
from thidua.awards.nominees import NomineeData, nominee_find_or_create
from thidua.core.event_time import events_dated
from thidua.higher_awards import workflow
from thidua.higher_awards.models import Proposal
from thidua.organisations.models import Unit

PROVINCE = "86"
SECRETARIAT_USER = "bantdkt_vl"

#: (unit code, kind, name, gender, birth year, position, form code, BTV-managed, achievement)
ENTRIES = [
    (
        "86-SYT", "individual", "Lê Thị Mỹ Duyên", "female", 1978,
        "Trưởng phòng Nghiệp vụ Y, Sở Y tế", "bang-khen-thu-tuong", False,
        "Hai năm liên tục hoàn thành xuất sắc nhiệm vụ (2024, 2025); chủ trì đề án liên thông "
        "kết quả xét nghiệm giữa các bệnh viện trong tỉnh sau hợp nhất.",
    ),
    (
        "86-SYT", "individual", "Trần Văn Hậu", "male", 1972,
        "Phó Giám đốc Sở Y tế", "cstd-toan-quoc", True,
        "Hai lần liên tục Chiến sĩ thi đua cấp tỉnh; sáng kiến điều phối cấp cứu ngoại viện "
        "được áp dụng hiệu quả, có khả năng nhân rộng trong toàn quốc.",
    ),
    (
        "29308", "collective", "Ủy ban nhân dân xã Cầu Kè", "", None,
        "", "bang-khen-thu-tuong", False,
        "Hoàn thành xuất sắc việc sắp xếp, vận hành chính quyền địa phương hai cấp từ "
        "01/7/2025; dẫn đầu tỉnh về giải quyết thủ tục hành chính trực tuyến năm 2025.",
    ),
]  # fmt: skip

CREATED = dt.date(2026, 1, 12)
POSTED = dt.date(2026, 2, 9)  # closes 02/3/2026: Tết 16–20/02/2026 is not counted
OBJECTION = dt.date(2026, 2, 12)
ANSWERED = dt.date(2026, 2, 25)
COUNCIL = dt.date(2026, 3, 5)
BTV = dt.date(2026, 3, 12)
SENT = dt.date(2026, 3, 20)


def _actor() -> User | None:
    """The Vĩnh Long Ban TĐKT's demo sign-in (made by the present-day demo, desk)."""
    return User.objects.filter(username=SECRETARIAT_USER).first()


def _entries(actor: Any, proposal: Proposal) -> None:
    for code, kind, name, gender, born, position, form, managed, text in ENTRIES:
        unit = Unit.objects.get(code=code)
        nominee, _new = nominee_find_or_create(
            by=actor,
            data=NomineeData(
                kind=kind, name=name, unit=unit, gender=gender, birth_year=born, position=position
            ),
        )
        workflow.entry_add(
            actor=actor,
            proposal=proposal,
            nominee=nominee,
            form=AwardForm.objects.get(code=form),
            achievement=text,
            btv_managed=managed,
        )


def annual_demo(year: int = 2025) -> list[str]:
    """Vĩnh Long's proposal of central awards for ``year``'s achievements (2025 only)."""
    if year != 2025:
        return []
    province = Unit.objects.get(code=PROVINCE)
    existing = Proposal.objects.filter(province=province, year=year).first()
    if existing is not None:
        return [f"Tờ trình đề nghị khen thưởng cấp Nhà nước năm {year}: đã có (#{existing.pk})."]
    if not AwardForm.objects.filter(code="cstd-toan-quoc").exists():
        award_forms_load_shipped()
    actor = _actor()
    if actor is None:
        return [
            f"Tờ trình đề nghị khen thưởng cấp Nhà nước: chưa lập (cần tài khoản {SECRETARIAT_USER})."
        ]
    with events_dated(CREATED):
        proposal = workflow.proposal_create(
            actor=actor,
            province=province,
            year=year,
            posting_channel="Cổng Thông tin điện tử tỉnh Vĩnh Long và Báo Vĩnh Long",
            comment_contact=(
                "Ban Thi đua - Khen thưởng, Sở Nội vụ tỉnh Vĩnh Long (thư, thư điện tử hoặc "
                "trực tiếp tại Sở)"
            ),
            signer_name="Nguyễn Văn Minh",
        )
        _entries(actor, proposal)
    with events_dated(POSTED):
        workflow.proposal_post(actor=actor, proposal=proposal, posted_on=POSTED)
    first = proposal.entries.order_by("position").first()
    with events_dated(OBJECTION):
        objection = workflow.objection_record(
            actor=actor,
            proposal=proposal,
            received_on=OBJECTION,
            channel="email",
            author="Một cán bộ Bệnh viện Đa khoa tỉnh (đề nghị giữ kín tên)",
            content="Đề nghị làm rõ đề án liên thông xét nghiệm đã được nghiệm thu hay chưa.",
            entry=first,
        )
    with events_dated(ANSWERED):
        workflow.objection_answer(
            actor=actor,
            objection=objection,
            answered_on=ANSWERED,
            answer=(
                "Đề án đã được Sở Khoa học và Công nghệ nghiệm thu ngày 18/11/2025; Ban TĐKT đã "
                "trả lời bằng thư điện tử và báo cáo Hội đồng."
            ),
        )
    votes = {e.pk: (11, 11) for e in proposal.entries.all()}
    with events_dated(COUNCIL):
        workflow.proposal_review(
            actor=actor,
            proposal=proposal,
            meeting_on=COUNCIL,
            record="Biên bản họp Hội đồng Thi đua - Khen thưởng tỉnh ngày 05/3/2026",
            votes=votes,
        )
    for entry in workflow.missing_btv_opinions(proposal):
        with events_dated(BTV):
            workflow.btv_opinion_record(
                actor=actor,
                entry=entry,
                opinion="Thống nhất đề nghị.",
                reference="Công văn số 215-CV/TU ngày 12/3/2026 của Ban Thường vụ Tỉnh ủy",
                opinion_on=BTV,
            )
    with events_dated(SENT):
        workflow.proposal_send(
            actor=actor,
            proposal=proposal,
            sent_on=SENT,
            number="45/TTr-UBND",
            reference="Gửi Bộ Nội vụ qua Hệ thống quản lý hồ sơ khen thưởng điện tử",
        )
    return [
        f"Tờ trình 45/TTr-UBND đề nghị khen thưởng cấp Nhà nước năm {year}: "
        f"{proposal.entries.count()} đối tượng, công khai 09/02–02/3/2026, 1 ý kiến đã trả lời, "
        "Hội đồng xét 05/3/2026, gửi 20/3/2026."
    ]
