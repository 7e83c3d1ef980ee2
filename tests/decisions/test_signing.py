"""The signer's authority per row while drafting (issue 12 item 1, issue 13 item 4): the
draft names the refused row and the real cause, offers the successor authority, and
issuing stays refused naming the right row and the date cause."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import MembershipFactory, UnitFactory
from tests.factories.decisions import (
    AwardAuthorityFactory,
    NominationFactory,
    World,
    draft,
    fill,
    nominee,
)
from thidua.accounts.models import Role, User
from thidua.awards.models import SubjectKind
from thidua.core.errors import DomainError, NotPermitted
from thidua.decisions.models import Decision, DecisionEvent, DecisionState
from thidua.decisions.row_authority import signing_check
from thidua.decisions.services import decision_grantor_succeed, decision_issue
from thidua.organisations.models import Unit, UnitKind, UnitSuccession

MERGER = "Người ký không có thẩm quyền từ 01/07/2025: tỉnh Trà Vinh đã hợp nhất vào tỉnh Vĩnh Long."


@pytest.fixture
def vinh_long(world: World) -> Unit:
    """Trà Vinh ends on 30/6/2025 and merges into Vĩnh Long (NQ 202/2025/QH15)."""
    tra_vinh = world.province.root
    tra_vinh.valid_to = dt.date(2025, 6, 30)
    tra_vinh.save()
    successor = UnitFactory(
        code="VL",
        name="Ủy ban nhân dân tỉnh Vĩnh Long",
        kind=UnitKind.PROVINCE,
        valid_from=dt.date(2025, 7, 1),
    )
    UnitSuccession.objects.create(
        predecessor=tra_vinh,
        successor=successor,
        effective=dt.date(2025, 7, 1),
        kind="merge",
        basis="Nghị quyết 202/2025/QH15; nguồn: https://example.vn/nq-202",
    )
    return successor


def _both_provinces(world: World, vinh_long: Unit) -> User:
    """The Ban TĐKT after the merger: its member also prepares Vĩnh Long's decisions."""
    MembershipFactory(user=world.secretariat, unit=vinh_long, role=Role.SECRETARIAT)
    return User.objects.get(pk=world.secretariat.pk)


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _company(world: World) -> Any:
    return NominationFactory(
        campaign=world.campaign,
        phase=world.phase,
        form=world.bk,
        nominee=nominee(
            world.province.commune_a1,
            "Công ty Cổ phần Cấp nước",
            SubjectKind.ENTERPRISE,
            position="",
            birth_year=None,
            gender="",
        ),
    )


def test_the_draft_names_each_refused_row_with_the_merger(world: World, vinh_long: Unit) -> None:
    decision = draft(world)  # today 10/07/2025, no date yet

    check = signing_check(decision, list(decision.entries.order_by("order", "pk")))

    assert check.day == dt.date(2025, 7, 10)
    assert [row.order for row in check.refused] == [1, 2, 3, 4]
    assert check.refused[0].label == "Dòng 1 – Trần Thị Hoa (cá nhân)"
    assert check.refused[0].verdict.reason == MERGER
    assert check.successor is not None and check.successor.unit == vinh_long


def test_a_dated_draft_before_the_merger_is_signed_by_tra_vinh(
    world: World, vinh_long: Unit
) -> None:
    decision = fill(world, draft(world), date=dt.date(2025, 6, 30))

    check = signing_check(decision, list(decision.entries.all()))

    assert check.refused == []


def test_issuing_names_the_right_row_and_the_subject_kind(world: World) -> None:
    decision = fill(world, draft(world, nominations=[world.hoa, _company(world)]))

    with pytest.raises(DomainError) as refused:
        decision_issue(actor=world.secretariat, decision=decision)

    message = refused.value.message
    assert refused.value.code == "no_authority"
    assert "cho doanh nghiệp vào ngày 05/06/2025" in message
    assert "Dòng 2 – Công ty Cổ phần Cấp nước (doanh nghiệp)" in message
    assert "Trần Thị Hoa" not in message
    assert "quy tắc R1" not in message


def test_issuing_after_the_merger_names_the_date_cause_and_the_successor(
    world: World, vinh_long: Unit
) -> None:
    decision = fill(world, draft(world, nominations=[world.household]), date=dt.date(2025, 7, 1))

    with pytest.raises(DomainError) as refused:
        decision_issue(actor=world.secretariat, decision=decision)

    message = refused.value.message
    assert "cho hộ gia đình vào ngày 01/07/2025" in message
    assert f"Dòng 1 – Hộ ông Thạch Sang (hộ gia đình): {MERGER}" in message
    assert (
        "Người có thẩm quyền: Chủ tịch UBND tỉnh, Ủy ban nhân dân tỉnh Vĩnh Long (Luật" in message
    )
    decision.refresh_from_db()
    assert decision.state == DecisionState.DRAFT


def test_the_successor_signs_once_the_draft_moves(world: World, vinh_long: Unit) -> None:
    secretariat = _both_provinces(world, vinh_long)
    decision = fill(world, draft(world), date=dt.date(2025, 7, 10))

    moved = decision_grantor_succeed(actor=secretariat, decision=decision)

    assert moved.grantor_unit == vinh_long
    assert moved.grantor_title == "Chủ tịch Ủy ban nhân dân tỉnh Vĩnh Long"
    assert moved.issuing_body == "Ủy ban nhân dân tỉnh Vĩnh Long"
    assert moved.place_name == "Vĩnh Long" and moved.signer_name == ""
    event = DecisionEvent.objects.filter(decision=decision, kind="edit").last()
    assert event is not None and event.payload["previous_grantor"] == world.province.root.pk
    moved = fill(world, moved, date=dt.date(2025, 7, 10), actor=secretariat)
    assert decision_issue(actor=secretariat, decision=moved).state == DecisionState.ISSUED


def test_moving_to_the_successor_needs_its_secretariat(world: World, vinh_long: Unit) -> None:
    decision = draft(world)

    with pytest.raises(NotPermitted):
        decision_grantor_succeed(actor=world.secretariat, decision=decision)

    decision.refresh_from_db()
    assert decision.grantor_unit == world.province.root


def test_no_successor_no_move(world: World) -> None:
    decision = fill(world, draft(world, nominations=[_company(world)]))

    with pytest.raises(DomainError) as refused:
        decision_grantor_succeed(actor=world.secretariat, decision=decision)

    assert refused.value.code == "no_successor"


def test_the_draft_page_shows_the_refused_rows_and_the_offer(world: World, vinh_long: Unit) -> None:
    secretariat = _both_provinces(world, vinh_long)
    decision = draft(world)

    page = _client(secretariat).get(reverse("decisions:detail", args=[decision.pk]))
    html = page.content.decode()

    assert "4 dòng người ký không có thẩm quyền" in html
    assert MERGER in html and "Nghị quyết 202/2025/QH15" in html and "example.vn" not in html
    assert "Chuyển sang người ký của Ủy ban nhân dân tỉnh Vĩnh Long" in html
    assert html.count("Người ký không có thẩm quyền</span>") == 4


def test_the_offer_button_moves_the_draft(world: World, vinh_long: Unit) -> None:
    secretariat = _both_provinces(world, vinh_long)
    decision = draft(world)

    response = _client(secretariat).post(reverse("decisions:succeed", args=[decision.pk]))

    assert response.status_code == 302 and response["Location"].endswith("/sua/")
    decision.refresh_from_db()
    assert decision.grantor_unit == vinh_long


def test_changing_the_date_checks_again(world: World, vinh_long: Unit) -> None:
    decision = draft(world)
    client = _client(world.secretariat)
    url = reverse("decisions:signing", args=[decision.pk])

    before = client.get(url, {"date": "30/06/2025"}, HTTP_HX_REQUEST="true").content.decode()
    after = client.get(url, {"date": "01072025"}, HTTP_HX_REQUEST="true").content.decode()
    edit = client.get(reverse("decisions:edit", args=[decision.pk])).content.decode()

    assert "có thẩm quyền ký mọi dòng" in before and "30/06/2025" in before
    assert MERGER in after
    assert 'hx-trigger="change from:#id_date"' in edit


def test_the_new_draft_page_flags_candidates_today(world: World, vinh_long: Unit) -> None:
    client = _client(world.secretariat)

    page = client.get(
        reverse("decisions:create"),
        {
            "campaign": world.campaign.pk,
            "phase": world.phase.pk,
            "form": world.bk.pk,
            "grantor_unit": world.province.root.pk,
        },
    ).content.decode()

    assert page.count("Người ký không có thẩm quyền hôm nay") == 4
    assert MERGER in page


def test_a_province_granting_every_subject_passes(world: World) -> None:
    AwardAuthorityFactory(form=world.bk, grantor_kind="province", subject_kinds=["enterprise"])
    decision = fill(world, draft(world, nominations=[_company(world)]))

    assert decision_issue(actor=world.secretariat, decision=decision).state == "issued"
    assert isinstance(Decision.objects.get(pk=decision.pk), Decision)
