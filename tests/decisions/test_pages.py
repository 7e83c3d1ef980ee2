"""Decision pages: the permission matrix (every role × every action), leak tests (a
sibling commune's rows exist and stay invisible), the drafting → issue path over HTTP."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories.decisions import World, draft, fill, issued
from thidua.decisions.models import Certificate, Decision, DecisionState


@pytest.fixture
def decisions(world: World) -> dict[str, Decision]:
    issued_decision = issued(world)
    from tests.factories.decisions import NominationFactory, nominee

    extra = NominationFactory(
        campaign=world.campaign,
        phase=world.phase,
        form=world.bk,
        nominee=nominee(world.province.commune_a1, "Phan Thị Dự Thảo"),
    )
    return {"issued": issued_decision, "draft": draft(world, nominations=[extra])}


def _client(user: Any) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


USERS = ["secretariat", "leader", "officer_a1", "officer_b1", "other_secretariat", None]


def _user(world: World, name: str | None) -> Any:
    return getattr(world, name) if name else None


@pytest.mark.parametrize(
    ("who", "issued_status", "draft_status"),
    [
        ("secretariat", 200, 200),
        ("leader", 200, 404),
        ("officer_a1", 200, 404),
        ("officer_b1", 200, 404),
        ("other_secretariat", 404, 404),
        (None, 302, 302),
    ],
)
def test_decision_detail_matrix(
    world: World,
    decisions: dict[str, Decision],
    who: str | None,
    issued_status: int,
    draft_status: int,
) -> None:
    client = _client(_user(world, who))

    seen_issued = client.get(reverse("decisions:detail", args=[decisions["issued"].pk]))
    seen_draft = client.get(reverse("decisions:detail", args=[decisions["draft"].pk]))

    assert (seen_issued.status_code, seen_draft.status_code) == (issued_status, draft_status)
    if issued_status == 200:
        assert "Quyết định số 1234/QĐ-UBND" in seen_issued.content.decode()


@pytest.mark.parametrize(
    ("who", "visible", "hidden"),
    [
        (
            "officer_a1",
            ["Trần Thị Hoa", "Trạm Y tế xã Phong Phú", "Hộ ông Thạch Sang"],
            ["Lê Văn Nam"],
        ),
        ("officer_b1", ["Lê Văn Nam"], ["Trần Thị Hoa", "Trạm Y tế xã Phong Phú"]),
        ("leader", ["Trần Thị Hoa", "Lê Văn Nam"], []),
    ],
)
def test_decision_detail_shows_a_unit_only_its_own_people(
    world: World, decisions: dict[str, Decision], who: str, visible: list[str], hidden: list[str]
) -> None:
    page = _client(_user(world, who)).get(
        reverse("decisions:detail", args=[decisions["issued"].pk])
    )

    text = page.content.decode()
    assert all(name in text for name in visible)
    assert not any(name in text for name in hidden)


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("secretariat", {"1234/QĐ-UBND", "(chưa có số)"}),
        ("leader", {"1234/QĐ-UBND"}),
        ("officer_b1", {"1234/QĐ-UBND"}),
        ("other_secretariat", set()),
    ],
)
def test_decision_list_matrix(
    world: World, decisions: dict[str, Decision], who: str, expected: set[str]
) -> None:
    text = _client(_user(world, who)).get(reverse("decisions:index")).content.decode()

    for number in {"1234/QĐ-UBND", "(chưa có số)"}:
        assert (number in text) == (number in expected), number


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("secretariat", 200),
        ("leader", 200),
        ("officer_a1", 403),
        ("officer_b1", 403),
        ("other_secretariat", 404),
    ],
)
def test_decision_files_matrix(
    world: World, decisions: dict[str, Decision], who: str, status: int
) -> None:
    client = _client(_user(world, who))

    docx = client.get(reverse("decisions:docx", args=[decisions["issued"].pk]))
    pdf = client.get(reverse("decisions:pdf", args=[decisions["issued"].pk]))

    assert (docx.status_code, pdf.status_code) == (status, status)
    if status == 200:
        assert b"".join(pdf.streaming_content).startswith(b"%PDF")
        assert b"".join(docx.streaming_content).startswith(b"PK")


@pytest.mark.parametrize(
    ("who", "hoa", "nam"),
    [
        ("secretariat", 200, 200),
        ("leader", 200, 200),
        ("officer_a1", 200, 404),
        ("officer_b1", 404, 200),
        ("other_secretariat", 404, 404),
    ],
)
def test_certificate_download_matrix(
    world: World, decisions: dict[str, Decision], who: str, hoa: int, nam: int
) -> None:
    client = _client(_user(world, who))
    codes = {c.entry.name: c.pk for c in Certificate.objects.select_related("entry")}

    got = []
    for name in ("Trần Thị Hoa", "Lê Văn Nam"):
        answer = client.get(reverse("decisions:certificate", args=[codes[name]]))
        got.append(answer.status_code)
        if answer.status_code == 200:
            assert b"".join(answer.streaming_content).startswith(b"%PDF")

    assert got == [hoa, nam]


@pytest.mark.parametrize(
    ("who", "create", "edit", "issue"),
    [
        ("secretariat", 200, 200, 302),
        ("leader", 403, 404, 404),
        ("officer_a1", 200, 404, 404),  # a commune may draft its own Giấy khen, not this
        ("other_secretariat", 200, 404, 404),
        (None, 302, 302, 302),
    ],
)
def test_decision_actions_matrix(
    world: World,
    decisions: dict[str, Decision],
    who: str | None,
    create: int,
    edit: int,
    issue: int,
) -> None:
    client = _client(_user(world, who))
    pk = decisions["draft"].pk
    fill(world, decisions["draft"], number="1240/QĐ-UBND")

    got = (
        client.get(reverse("decisions:create")).status_code,
        client.get(reverse("decisions:edit", args=[pk])).status_code,
        client.post(reverse("decisions:issue", args=[pk])).status_code,
    )

    assert got == (create, edit, issue)
    expected_state = DecisionState.ISSUED if who == "secretariat" else DecisionState.DRAFT
    assert Decision.objects.get(pk=pk).state == expected_state


def test_create_page_drafts_from_the_ticked_nominations(world: World) -> None:
    client = _client(world.secretariat)
    query = {
        "campaign": world.campaign.pk,
        "phase": world.phase.pk,
        "form": world.bk.pk,
        "grantor_unit": world.province.root.pk,
    }

    listing = client.get(reverse("decisions:create"), query)
    created = client.post(
        reverse("decisions:create"), {**query, "nomination": [world.hoa.pk, world.nam.pk]}
    )

    assert "Trần Thị Hoa" in listing.content.decode()
    decision = Decision.objects.get()
    assert created.status_code == 302 and created["Location"] == reverse(
        "decisions:edit", args=[decision.pk]
    )
    assert sorted(decision.entries.values_list("name", flat=True)) == ["Lê Văn Nam", "Trần Thị Hoa"]


def test_edit_then_issue_over_http(world: World) -> None:
    client = _client(world.secretariat)
    decision = draft(world)
    form = {
        "number": "1234/qđ-ubnd",
        "date": "05/06/2025",
        "signer_title": "Chủ tịch",
        "authority_prefix": "",
        "signer_name": "Lê Văn Hẳn",
        "place_name": "Trà Vinh",
        "legal_bases": "\n".join(decision.legal_bases),
        "proposal": decision.proposal,
        "achievement": decision.achievement,
    }

    saved = client.post(reverse("decisions:edit", args=[decision.pk]), form)
    confirm = client.get(reverse("decisions:issue", args=[decision.pk]))
    done = client.post(reverse("decisions:issue", args=[decision.pk]), follow=True)

    assert saved.status_code == 302
    assert "Xác nhận ban hành" in confirm.content.decode()
    assert "Đã ban hành Quyết định số 1234/QĐ-UBND" in done.content.decode()
    assert Decision.objects.get().date == dt.date(2025, 6, 5)


def test_issue_refusal_is_shown_not_a_server_error(world: World) -> None:
    client = _client(world.secretariat)
    decision = fill(world, draft(world), date=dt.date(2025, 12, 31))

    answer = client.post(reverse("decisions:issue", args=[decision.pk]))

    assert answer.status_code == 400
    assert "Ngày ký không được sau hôm nay." in answer.content.decode()


def test_edit_bad_kt_shows_the_message(world: World) -> None:
    client = _client(world.secretariat)
    decision = draft(world)

    answer = client.post(
        reverse("decisions:edit", args=[decision.pk]),
        {"signer_title": "Chủ tịch", "authority_prefix": "KT.", "place_name": "Trà Vinh"},
    )

    assert answer.status_code == 400
    assert "Khi ký thay (KT.)" in answer.content.decode()


def test_supersede_over_http_opens_the_new_draft(
    world: World, decisions: dict[str, Decision]
) -> None:
    client = _client(world.secretariat)

    answer = client.post(
        reverse("decisions:supersede", args=[decisions["issued"].pk]), {"reason": "Sai chức vụ"}
    )

    new = Decision.objects.get(supersedes=decisions["issued"])
    assert answer["Location"] == reverse("decisions:edit", args=[new.pk])


def test_the_edit_page_of_a_draft_offers_today_as_its_date(world: World) -> None:
    decision = draft(world)
    assert decision.date is None

    page = _client(world.secretariat).get(reverse("decisions:edit", args=[decision.pk]))

    today = timezone.localdate().strftime("%d/%m/%Y")
    assert f'name="date" value="{today}"' in page.content.decode()
