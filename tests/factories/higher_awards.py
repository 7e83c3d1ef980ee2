"""Test data of proposals to higher levels: a province's Ban TĐKT, its nominees and a
proposal driven to a state (``proposal_in``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tests.factories.accounts import member
from tests.factories.awards import NomineeFactory
from tests.factories.organisations import Province
from thidua.accounts.models import Role, User
from thidua.awards.models import AwardForm, Nominee
from thidua.higher_awards import workflow
from thidua.higher_awards.models import Proposal

#: Monday; ten full working days run 06/01–19/01/2026, the council may meet from 20/01.
POSTED = dt.date(2026, 1, 5)


@dataclass
class World:
    province: Province
    board: User
    leader: User
    officer: User
    person: Nominee
    deputy: Nominee


def world(province: Province) -> World:
    return World(
        province=province,
        board=member(province.home_affairs, Role.SECRETARIAT),
        leader=member(province.root, Role.LEADER),
        officer=member(province.health, Role.UNIT_OFFICER),
        person=NomineeFactory(unit=province.health, name="Lê Thị Mỹ Duyên"),
        deputy=NomineeFactory(unit=province.health, name="Trần Văn Hậu", gender="male"),
    )


def proposal_in(w: World, state: str = "draft", *, posted_on: dt.date = POSTED) -> Proposal:
    """A proposal with two entries (Bằng khen Thủ tướng; CSTĐ toàn quốc, BTV-managed)
    driven to ``state`` (draft, posted, reviewed, sent)."""
    proposal = workflow.proposal_create(
        actor=w.board, province=w.province.root, year=2025, posting_channel="Cổng TTĐT tỉnh"
    )
    workflow.entry_add(
        actor=w.board,
        proposal=proposal,
        nominee=w.person,
        form=AwardForm.objects.get(code="bang-khen-thu-tuong"),
        achievement="Hai năm liên tục hoàn thành xuất sắc nhiệm vụ.",
    )
    workflow.entry_add(
        actor=w.board,
        proposal=proposal,
        nominee=w.deputy,
        form=AwardForm.objects.get(code="cstd-toan-quoc"),
        achievement="Sáng kiến áp dụng toàn quốc.",
        btv_managed=True,
    )
    if state == "draft":
        return proposal
    proposal = workflow.proposal_post(actor=w.board, proposal=proposal, posted_on=posted_on)
    if state == "posted":
        return proposal
    assert proposal.window_closes_on is not None
    meeting = proposal.window_closes_on + dt.timedelta(days=1)
    proposal = workflow.proposal_review(
        actor=w.board, proposal=proposal, meeting_on=meeting, record="Biên bản số 3/BB-HĐ"
    )
    if state == "reviewed":
        return proposal
    for entry in workflow.missing_btv_opinions(proposal):
        workflow.btv_opinion_record(
            actor=w.board,
            entry=entry,
            opinion="Thống nhất.",
            reference="CV 1-CV/TU",
            opinion_on=meeting,
        )
    return workflow.proposal_send(
        actor=w.board, proposal=proposal, sent_on=meeting, reference="", number="9/TTr-UBND"
    )
