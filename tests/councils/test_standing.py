"""Standing councils per term: the roster in force on a date, "all members" = the roster,
the quorum as data with its source, unit councils run by their unit (and hidden from a
sibling), the lists' query counts, old sessions without a council."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import member
from tests.factories.councils import (
    TODAY,
    NominationFactory,
    NomineeFactory,
    form_with_rule,
    make_session,
    nominations,
)
from tests.pages import page_text, signed_in
from thidua.accounts.models import Role
from thidua.awards.loading import legal_values_load_shipped
from thidua.awards.models import AwardAuthority, NominationState, SubjectKind
from thidua.core.errors import DomainError, NotPermitted
from thidua.councils import services, standing
from thidua.councils.models import Attendance, Council, CouncilMember, Outcome, SessionState
from thidua.councils.roster import (
    councils_visible_to,
    quorum_for,
    roster_size,
    seats_in_force,
)
from thidua.councils.selectors import agenda_candidates, sessions_visible_to
from thidua.organisations.models import UnitKind

TERM = dt.date(2025, 1, 1)


def council_of(unit, actor, *, seats: int, **kwargs) -> Council:
    """A council of ``unit`` since 01/01/2025 with ``seats`` members: the first chairs,
    the last is the secretary."""
    council = standing.council_create(
        actor=actor,
        unit=unit,
        name=kwargs.pop("name", f"Hội đồng Thi đua - Khen thưởng {unit.name}"),
        term_from=TERM,
        decision_number=kwargs.pop("decision_number", "01/QĐ-UBND"),
        decision_date=TERM,
        decision_signer="Chủ tịch UBND",
        **kwargs,
    )
    for n in range(seats):
        role = "chair" if n == 0 else "secretary" if n == seats - 1 else "member"
        standing.seat_add(
            actor=actor,
            council=council,
            name=f"Thành viên {n + 1}",
            position="Ủy viên",
            role=role,
            valid_from=TERM,
            user=member(unit, Role.COUNCIL_MEMBER),
        )
    return council


def council_session(kh, actor, council, items, **kwargs):
    session = services.session_create(
        actor=actor,
        campaign=kh.campaign,
        council=council,
        title="Phiên họp xét khen thưởng",
        date=TODAY,
        place="Hội trường",
        place_name="Thử",
        **kwargs,
    )
    if items:
        services.session_add_items(actor=actor, session=session, nominations=items)
    return session


def _attend(session, actor, absent: int, written: int = 0) -> list[CouncilMember]:
    seats = list(session.members.order_by("position_order"))
    for n, seat in enumerate(reversed(seats[1:])):
        if n < absent:
            services.session_set_attendance(
                actor=actor,
                member=seat,
                attendance=Attendance.WRITTEN if n < written else Attendance.ABSENT,
            )
    return seats


def test_the_roster_on_a_date_follows_the_seats_dates(kh, people, province):
    council = council_of(province.root, people.secretariat, seats=3)
    leaving = council.seats.get(name="Thành viên 2")
    standing.seat_end(actor=people.secretariat, seat=leaving, valid_to=dt.date(2025, 3, 31))
    standing.seat_add(
        actor=people.secretariat,
        council=council,
        name="Người thay thế",
        valid_from=dt.date(2025, 4, 1),
    )

    march = [s.name for s in seats_in_force(council, dt.date(2025, 3, 31))]
    april = [s.name for s in seats_in_force(council, dt.date(2025, 4, 1))]

    assert march == ["Thành viên 1", "Thành viên 2", "Thành viên 3"]
    assert april == ["Thành viên 1", "Thành viên 3", "Người thay thế"]
    assert list(council.events.values_list("kind", flat=True)) == [
        "council_created",
        "seat_added",
        "seat_added",
        "seat_added",
        "seat_ended",
        "seat_added",
    ]


def test_a_session_seats_the_roster_in_force_on_its_date(kh, people, province):
    council = council_of(province.root, people.secretariat, seats=4)
    standing.seat_end(
        actor=people.secretariat, seat=council.seats.get(name="Thành viên 2"), valid_to=TODAY
    )
    standing.seat_end(
        actor=people.secretariat,
        seat=council.seats.get(name="Thành viên 3"),
        valid_to=TODAY - dt.timedelta(days=1),
    )

    session = council_session(kh, people.secretariat, council, [])

    names = list(session.members.order_by("position_order").values_list("name", flat=True))
    assert names == ["Thành viên 1", "Thành viên 2", "Thành viên 4"]
    assert session.council_name == council.name

    # A seat added later, from a day before the session, joins the planned session.
    standing.seat_add(actor=people.secretariat, council=council, name="Mới", valid_from=TODAY)
    assert session.members.count() == 4 == roster_size(session)

    # Members come from the roster only.
    with pytest.raises(DomainError) as refusal:
        services.session_add_member(actor=people.secretariat, session=session, name="Khách mời")
    assert refusal.value.code == "roster_members"


def test_a_session_outside_the_term_is_refused(kh, people, province):
    council = council_of(province.root, people.secretariat, seats=2)
    council.term_to = dt.date(2025, 4, 30)
    council.save()

    with pytest.raises(DomainError) as refusal:
        council_session(kh, people.secretariat, council, [])

    assert refusal.value.code == "not_in_term"
    assert "30/04/2025" in refusal.value.message


def test_one_chair_at_a_time(people, province):
    council = council_of(province.root, people.secretariat, seats=2)

    with pytest.raises(DomainError) as refusal:
        standing.seat_add(
            actor=people.secretariat,
            council=council,
            name="Chủ tịch thứ hai",
            role="chair",
            valid_from=dt.date(2025, 6, 1),
        )

    assert refusal.value.code == "duplicate_role"


@pytest.mark.parametrize(
    ("threshold", "yes", "passes"),
    [("0.8", 8, True), ("0.8", 7, False), ("0.9", 9, True), ("0.9", 8, False)],
)
def test_the_threshold_base_is_the_roster_absent_members_included(
    kh, people, province, threshold, yes, passes
):
    """10 seats in force; one absent without a written opinion: the share is still of 10."""
    council = council_of(province.root, people.secretariat, seats=10)
    form = form_with_rule(threshold=Decimal(threshold), name=f"Hình thức {threshold}")
    item_nom = NominationFactory(
        campaign=kh.campaign,
        phase=kh.phase1,
        nominee=NomineeFactory(unit=province.health),
        form=form,
    )
    session = council_session(
        kh, people.secretariat, council, [item_nom], quorum_share=Decimal("0.8")
    )
    _attend(session, people.secretariat, absent=1)
    session = services.session_open(actor=people.secretariat, session=session)
    item = session.items.get()
    present = list(session.members.filter(attendance=Attendance.PRESENT))
    assert len(present) == 9
    for n, seat in enumerate(present):
        services.council_vote(actor=seat.user, item=item, choice="yes" if n < yes else "no")

    services.session_close(actor=people.secretariat, session=session)

    item.refresh_from_db()
    assert item.base_count == 10
    assert item.yes_count == yes
    assert item.passed is passes
    assert item.outcome == (Outcome.APPROVED if passes else Outcome.NOT_APPROVED)


def test_the_quorum_counts_over_the_roster(kh, people, province):
    council = council_of(province.root, people.secretariat, seats=10)
    session = council_session(
        kh, people.secretariat, council, nominations(kh, province, 1), quorum_share=Decimal("0.8")
    )
    _attend(session, people.secretariat, absent=3, written=3)

    with pytest.raises(DomainError) as refusal:
        services.session_open(actor=people.secretariat, session=session)

    assert "có mặt 7/10 thành viên" in refusal.value.message


def test_the_quorum_is_data_with_its_source(db, people, province):
    legal_values_load_shipped()
    general = quorum_for(None, TODAY)
    assert general.share == Decimal("0.666")
    assert general.origin == "default"
    assert general.source.setting and not general.source.verified
    assert general.for_board() == "Cài đặt của tỉnh, chưa có căn cứ – cần xác nhận"

    province_council = council_of(
        province.root,
        people.secretariat,
        seats=1,
        quorum_share=Decimal("0.8"),
        quorum_basis="Quy chế hoạt động của Hội đồng Thi đua - Khen thưởng tỉnh, Điều 6",
    )
    commune_council = council_of(province.commune_a1, people.secretariat, seats=1)

    own = quorum_for(province_council, TODAY)
    inherited = quorum_for(commune_council, TODAY)
    assert (own.share, own.origin) == (Decimal("0.8"), "council")
    assert own.for_board() == "Quy chế hoạt động của Hội đồng Thi đua - Khen thưởng tỉnh, Điều 6"
    assert (inherited.share, inherited.origin) == (Decimal("0.8"), "province")

    with pytest.raises(DomainError) as refusal:
        council_of(province.commune_a2, people.secretariat, seats=0, quorum_share=Decimal("0.75"))
    assert refusal.value.code == "quorum_basis"


def test_a_session_takes_its_quorum_from_its_council(kh, people, province):
    council = council_of(
        province.root,
        people.secretariat,
        seats=2,
        quorum_share=Decimal("0.75"),
        quorum_basis="Quy chế hoạt động, Điều 6",
    )

    session = council_session(kh, people.secretariat, council, [])

    assert session.quorum_share == Decimal("0.75")


def test_the_council_page_shows_the_quorum_source_never_another_provinces_rule(people, province):
    legal_values_load_shipped()
    council = council_of(province.commune_a1, people.secretariat, seats=2)

    board = page_text(
        signed_in(people.secretariat).get(reverse("councils:council_detail", args=[council.pk]))
    )

    assert "có mặt ít nhất 66,6 % tổng số thành viên" in board
    assert "mặc định chung khi tỉnh chưa quy định" in board
    assert "chưa có căn cứ – cần xác nhận" in board
    assert "Bắc Ninh" not in board


# --- Unit councils ----------------------------------------------------------------------


@pytest.fixture
def commune(province, people):
    """Xã A1 with its head and officer, its council of three, a nomination it grants."""
    head = member(province.commune_a1, Role.UNIT_HEAD)
    officer = member(province.commune_a1, Role.UNIT_OFFICER)
    sibling_head = member(province.commune_a2, Role.UNIT_HEAD)
    council = council_of(province.commune_a1, head, seats=3, name="Hội đồng TĐKT xã A1")
    return head, officer, sibling_head, council


def _own_nomination(kh, province):
    form = form_with_rule(threshold=Decimal("0.8"), name="Lao động tiên tiến")
    AwardAuthority.objects.create(
        form=form,
        grantor_kind=UnitKind.COMMUNE,
        grantor_title="Chủ tịch UBND xã",
        subject_kinds=[SubjectKind.INDIVIDUAL],
        valid_from=dt.date(2020, 1, 1),
        legal_basis="Luật TĐKT 2022 Điều 80",
    )
    return NominationFactory(
        campaign=kh.campaign,
        phase=kh.phase1,
        nominee=NomineeFactory(unit=province.commune_a1),
        grantor_unit=province.commune_a1,
        form=form,
    )


def test_the_units_officer_runs_its_council_and_votes_its_own_titles(kh, people, province, commune):
    head, officer, _sibling, council = commune
    own = _own_nomination(kh, province)
    province_level = nominations(kh, province, 1)[0]

    session = council_session(kh, officer, council, [])
    candidates = list(agenda_candidates(session))
    assert candidates == [own] and province_level not in candidates

    services.session_add_items(actor=officer, session=session, nominations=[own])
    session = services.session_open(actor=officer, session=session)
    item = session.items.get()
    for seat in session.members.all():
        services.council_vote(actor=seat.user, item=item, choice="yes")
    services.session_close(actor=head, session=session)

    own.refresh_from_db()
    session.refresh_from_db()
    assert session.state == SessionState.CLOSED
    assert own.state == NominationState.APPROVED
    assert session.minutes


def test_a_sibling_unit_cannot_see_or_run_the_council(kh, people, province, commune):
    head, _officer, sibling, council = commune
    session = council_session(kh, head, council, [])

    assert council not in councils_visible_to(sibling)
    assert session not in sessions_visible_to(sibling)
    with pytest.raises(NotPermitted):
        standing.seat_add(actor=sibling, council=council, name="X", valid_from=TODAY)
    with pytest.raises(NotPermitted):
        council_session(kh, sibling, council, [])
    client = signed_in(sibling)
    assert client.get(reverse("councils:council_detail", args=[council.pk])).status_code == 404
    assert client.get(reverse("councils:detail", args=[session.pk])).status_code == 404
    api = client.get("/api/v1/councils/")
    assert api.status_code == 200 and api.json()["results"] == []
    assert client.get(f"/api/v1/councils/{council.pk}/").status_code == 404
    # The province's Ban TĐKT sees it; another province's does not.
    assert council in councils_visible_to(people.secretariat)
    assert council not in councils_visible_to(people.other_secretariat)


def test_a_unit_head_cannot_create_a_council_for_another_unit(people, province):
    head = member(province.commune_a1, Role.UNIT_HEAD)
    with pytest.raises(NotPermitted):
        council_of(province.commune_a2, head, seats=0)
    with pytest.raises(NotPermitted):
        council_of(province.root, head, seats=0)


def test_anonymous_visitors_are_refused(people, province):
    council = council_of(province.root, people.secretariat, seats=1)
    client = Client()
    for url in (
        reverse("councils:council_index"),
        reverse("councils:council_detail", args=[council.pk]),
        reverse("councils:council_create"),
    ):
        assert client.get(url).status_code == 302
    assert client.get("/api/v1/councils/").status_code in (401, 403)


def test_the_pages_add_and_end_a_seat(people, province):
    council = council_of(province.root, people.secretariat, seats=2)
    client = signed_in(people.secretariat)

    added = client.post(
        reverse("councils:seat_add", args=[council.pk]),
        {
            "name": "Nguyễn Văn Mới",
            "position": "Ủy viên",
            "role": "member",
            "valid_from": "01/06/2025",
        },
    )
    seat = council.seats.get(name="Nguyễn Văn Mới")
    ended = client.post(
        reverse("councils:seat_end", args=[council.pk, seat.pk]), {"valid_to": "30/06/2025"}
    )
    wrong = client.post(
        reverse("councils:seat_end", args=[council.pk, seat.pk]), {"valid_to": "31/12/2024"}
    )

    assert added.status_code == 302 and ended.status_code == 302
    seat.refresh_from_db()
    assert seat.valid_to == dt.date(2025, 6, 30)
    assert wrong.status_code == 400
    page = page_text(
        client.get(reverse("councils:council_detail", args=[council.pk]) + "?ngay=01/06/2025")
    )
    assert "Tại ngày 01/06/2025: 3 thành viên" in page


def test_the_leader_reads_but_cannot_change_the_roster(people, province):
    council = council_of(province.root, people.secretariat, seats=1)
    client = signed_in(people.leader)

    assert client.get(reverse("councils:council_detail", args=[council.pk])).status_code == 200
    response = client.post(
        reverse("councils:seat_add", args=[council.pk]),
        {"name": "X", "role": "member", "valid_from": "01/06/2025"},
    )
    assert response.status_code == 403


@pytest.mark.parametrize("count", [1, 3])
def test_council_lists_query_count(count, people, province, django_assert_num_queries):
    for n in range(count):
        council_of(province.root, people.secretariat, seats=3, decision_number=f"{n}/QĐ")
    client = signed_in(people.secretariat)

    with django_assert_num_queries(6):
        page = client.get(reverse("councils:council_index"))
    with django_assert_num_queries(6):
        api = client.get("/api/v1/councils/")

    assert page.content.decode().count("council-card") == count
    assert len(api.json()["results"]) == count
    assert len(api.json()["results"][0]["seats"]) == 3


def test_a_session_without_a_council_keeps_working(kh, people, province):
    """Sessions made before standing councils (no council) count over their own members."""
    session = make_session(kh, people, members=5, items=nominations(kh, province, 1))
    assert session.council_id is None
    assert roster_size(session) == 5
    session = services.session_open(actor=people.secretariat, session=session)
    item = session.items.get()
    for seat in session.members.all():
        services.council_vote(actor=seat.user, item=item, choice="yes")
    services.session_close(actor=people.secretariat, session=session)
    item.refresh_from_db()
    assert (item.yes_count, item.base_count, item.passed) == (5, 5, True)


def test_the_minutes_name_the_councils_decision_and_roster(kh, people, province):
    import io

    from docx import Document

    council = council_of(province.root, people.secretariat, seats=3, decision_number="77/QĐ-UBND")
    session = council_session(kh, people.secretariat, council, nominations(kh, province, 1))
    session = services.session_open(actor=people.secretariat, session=session)
    item = session.items.get()
    for seat in session.members.all():
        services.council_vote(actor=seat.user, item=item, choice="yes")
    session = services.session_close(actor=people.secretariat, session=session)

    with session.minutes.open("rb") as stored:
        content = stored.read()
    text = "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)
    assert "thành lập theo Quyết định số 77/QĐ-UBND ngày 01/01/2025" in text
    assert "Tổng số thành viên Hội đồng: 3 người" in text


def test_the_unit_head_plans_a_session_of_the_units_council_on_the_page(kh, province, commune):
    head, _officer, sibling, council = commune
    client = signed_in(head)

    form = client.get(reverse("councils:create") + f"?council={council.pk}")
    response = client.post(
        reverse("councils:create"),
        {
            "title": "Phiên họp bình xét thi đua năm 2025",
            "council": council.pk,
            "campaign": kh.campaign.pk,
            "date": "20/05/2025",
            "place": "Hội trường UBND xã",
            "place_name": "Phong Phú",
        },
    )

    assert form.status_code == 200
    assert f'<option value="{council.pk}" selected>' in form.content.decode()
    session = council.sessions.get()
    assert response.status_code == 302
    assert session.council_name == "Hội đồng TĐKT xã A1"
    assert session.members.count() == 3
    page = page_text(client.get(reverse("councils:detail", args=[session.pk])))
    assert (
        "Thành viên lấy theo danh sách Hội đồng TĐKT xã A1 tại ngày 20/05/2025: 3 thành viên"
        in page
    )
    # A sibling commune's head cannot plan a session of it (the council is not offered).
    refused = signed_in(sibling).post(
        reverse("councils:create"),
        {
            "title": "X",
            "council": council.pk,
            "campaign": kh.campaign.pk,
            "date": "20/05/2025",
            "place": "X",
            "place_name": "X",
        },
    )
    assert refused.status_code == 403
    assert council.sessions.count() == 1


def test_the_migration_keeps_existing_sessions_valid():
    """0003 adds only nullable links to existing tables, and every role an existing seat
    may hold stays valid: old sessions (no council) load and count as before."""
    from importlib import import_module

    from django.db import migrations

    migration = import_module(
        "thidua.councils.migrations.0003_standing_councils_and_rosters"
    ).Migration
    existing = {"councilsession", "councilmember"}
    for operation in migration.operations:
        if isinstance(operation, migrations.AddField) and operation.model_name in existing:
            assert operation.field.null, operation.name
        if isinstance(operation, migrations.AlterField) and operation.model_name in existing:
            assert operation.name in {"role", "quorum_share"}
    roles = next(
        op.constraint.condition.children[0][1]
        for op in migration.operations
        if isinstance(op, migrations.AddConstraint)
        and op.constraint.name == "council_member_role_valid"
    )
    assert {"chair", "vice", "member", "secretary"} <= set(roles)
