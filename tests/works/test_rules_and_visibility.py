"""Who approves which work, who sees it, and leak tests between sibling units."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Paginator

from tests.factories import CampaignFactory, GroupFactory, GroupMembershipFactory, UnitFactory
from tests.factories.accounts import member
from tests.factories.works import TITLES, TODAY, WorkFactory, work_data
from thidua.accounts.models import Role, User
from thidua.campaigns.models import RegistrationRule
from thidua.core.errors import NotPermitted
from thidua.core.paging import IdsFirst
from thidua.organisations.models import UnitKind
from thidua.works import services
from thidua.works.models import Work, WorkState
from thidua.works.rules import is_work_approver, is_work_unit_staff
from thidua.works.selectors import (
    WorkFilters,
    approval_queue,
    work_detail,
    work_list,
    works_visible_to,
)

S = WorkState


@pytest.fixture
def works(kh, province, other_province) -> dict[str, Work]:
    """One work per situation, named for its unit and state."""
    other_campaign = CampaignFactory(issuer_unit=other_province)
    other_commune = UnitFactory(code="Q-1", kind=UnitKind.COMMUNE, parent=other_province)
    made = {
        "a1_draft": (province.commune_a1, S.DRAFT),
        "a1_sub": (province.commune_a1, S.SUBMITTED),
        "a2_sub": (province.commune_a2, S.SUBMITTED),
        "b1_sub": (province.commune_b1, S.SUBMITTED),
        "da_sub": (province.district_a, S.SUBMITTED),
        "db_app": (province.district_b, S.APPROVED),
        "health_sub": (province.health, S.SUBMITTED),
    }
    result = {
        name: WorkFactory(campaign=kh.campaign, unit=unit, state=state, title=TITLES[i])
        for i, (name, (unit, state)) in enumerate(made.items())
    }
    result["other_sub"] = WorkFactory(
        campaign=other_campaign, unit=other_province, state=S.SUBMITTED
    )
    result["other_commune"] = WorkFactory(campaign=other_campaign, unit=other_commune)
    return result


def names(works: dict[str, Work], queryset) -> set[str]:
    by_pk = {work.pk: name for name, work in works.items()}
    return {by_pk[pk] for pk in queryset.values_list("pk", flat=True)}


PROVINCE_WORKS = {"a1_draft", "a1_sub", "a2_sub", "b1_sub", "da_sub", "db_app", "health_sub"}
DISTRICT_A = {"a1_draft", "a1_sub", "a2_sub", "da_sub"}

VISIBLE = {
    "a1_officer": {"a1_draft", "a1_sub"},
    "a1_head": {"a1_draft", "a1_sub"},
    "a2_officer": {"a2_sub"},
    "b1_officer": {"b1_sub"},
    "district_a_officer": DISTRICT_A,  # its own, and the communes' it approves
    "district_a_head": DISTRICT_A,
    "district_a_subtree": DISTRICT_A,
    "district_b_officer": {"b1_sub", "db_app"},
    "health_officer": {"health_sub"},
    "home_affairs_officer": set(),
    "secretariat": PROVINCE_WORKS,
    "leader": PROVINCE_WORKS,
    "admin": PROVINCE_WORKS | {"other_sub", "other_commune"},
    "other_secretariat": {"other_sub", "other_commune"},
}

QUEUE = {
    "a1_officer": set(),
    "a1_head": set(),
    "a2_officer": set(),
    "b1_officer": set(),
    "district_a_officer": {"a1_sub", "a2_sub"},
    "district_a_head": {"a1_sub", "a2_sub"},
    "district_a_subtree": {"a1_sub", "a2_sub"},
    "district_b_officer": {"b1_sub"},
    "health_officer": set(),
    "home_affairs_officer": set(),
    "secretariat": {"da_sub", "health_sub"},  # agencies and district-level units
    "leader": set(),
    "admin": {"a1_sub", "a2_sub", "b1_sub", "da_sub", "health_sub", "other_sub"},
    "other_secretariat": {"other_sub"},
}


def test_approver_for_each_unit_kind(kh, province):
    organisation = UnitFactory(kind=UnitKind.MASS_ORGANISATION, parent=province.root)

    assert services.approver_for(kh.campaign, province.commune_a1) == province.district_a
    assert services.approver_for(kh.campaign, province.commune_b1) == province.district_b
    assert services.approver_for(kh.campaign, province.district_a) == province.root
    assert services.approver_for(kh.campaign, province.health) == province.root
    assert services.approver_for(kh.campaign, organisation) == province.root


def test_approver_is_parent_only_where_the_rule_says_so(kh, province):
    RegistrationRule.objects.filter(campaign=kh.campaign, unit_kinds=["commune"]).update(
        approver="secretariat"
    )

    assert services.approver_for(kh.campaign, province.commune_a1) == province.root


def test_work_create_records_registrant_and_approver(kh, province, people):
    work = services.work_create(
        actor=people.a1_officer, campaign=kh.campaign, unit=province.commune_a1, data=work_data()
    )
    district = services.work_create(
        actor=people.district_a_officer,
        campaign=kh.campaign,
        unit=province.district_a,
        data=work_data(title="Nâng cấp trung tâm hành chính huyện"),
    )

    assert (work.unit, work.registrant_unit, work.approver_unit) == (
        province.commune_a1,
        province.commune_a1,
        province.district_a,
    )
    assert district.approver_unit == province.root


@pytest.mark.parametrize("user", sorted(VISIBLE))
def test_works_visible_to_each_role(works, people, user):
    assert names(works, works_visible_to(getattr(people, user))) == VISIBLE[user]


def test_works_visible_to_anonymous_is_empty(works):
    assert not works_visible_to(AnonymousUser()).exists()


@pytest.mark.parametrize("user", sorted(QUEUE))
def test_approval_queue_lists_exactly_what_the_user_may_approve(works, people, user):
    person = getattr(people, user)
    submitted = [w for w in works.values() if w.state == S.SUBMITTED]

    queue = names(works, approval_queue(person))

    assert queue == QUEUE[user]
    assert queue == {n for n, w in works.items() if w in submitted and is_work_approver(person, w)}


def test_approval_queue_oldest_first(kh, province, people):
    first = WorkFactory(campaign=kh.campaign, unit=province.commune_a2, state=S.SUBMITTED)
    second = WorkFactory(campaign=kh.campaign, unit=province.commune_a1, state=S.SUBMITTED)

    assert list(approval_queue(people.district_a_officer)) == [first, second]


@pytest.mark.parametrize("user", sorted(VISIBLE))
def test_rules_view_edit_approve_match_visibility_staff_and_approver(works, people, user):
    person = getattr(people, user)

    for name, work in works.items():
        assert person.has_perm("works.view_work", work) == (name in VISIBLE[user]), name
        assert person.has_perm("works.edit_work", work) == is_work_unit_staff(person, work)
        assert person.has_perm("works.approve_work", work) == is_work_approver(person, work)


def test_rules_edit_and_approve_for_a_commune_work(works, people):
    work = works["a1_sub"]
    editors = {n for n in VISIBLE if getattr(people, n).has_perm("works.edit_work", work)}
    approvers = {n for n in VISIBLE if getattr(people, n).has_perm("works.approve_work", work)}

    assert editors == {"a1_officer", "a1_head", "admin"}
    assert approvers == {"district_a_officer", "district_a_head", "district_a_subtree", "admin"}


def test_rules_edit_and_approve_for_a_department_and_a_district_work(works, people):
    for name, staff in (("health_sub", "health_officer"), ("da_sub", "district_a_officer")):
        work = works[name]
        approvers = {n for n in VISIBLE if getattr(people, n).has_perm("works.approve_work", work)}
        assert approvers == {"secretariat", "admin"}, name
        assert getattr(people, staff).has_perm("works.edit_work", work)


def test_rules_anonymous_has_no_permission(works):
    anonymous = AnonymousUser()

    assert not anonymous.has_perm("works.view_work", works["a1_sub"])
    assert not anonymous.has_perm("works.edit_work", works["a1_sub"])
    assert not anonymous.has_perm("works.approve_work", works["a1_sub"])


def test_leak_sibling_commune_cannot_read_or_change_the_work(works, people):
    work = works["a1_draft"]

    with pytest.raises(Work.DoesNotExist):
        work_detail(people.a2_officer, work.pk)
    with pytest.raises(NotPermitted):
        services.work_update(actor=people.a2_officer, work=work, data=work_data())
    with pytest.raises(NotPermitted):
        services.work_submit(actor=people.a2_officer, work=work)
    with pytest.raises(NotPermitted):
        services.progress_add(
            actor=people.a2_officer, work=work, on=TODAY, percent=10, narrative="Đã khởi công"
        )
    with pytest.raises(NotPermitted):
        services.change_request_create(
            actor=people.a2_officer, work=work, changes={"title": "Khác"}, reason="Thử"
        )
    work.refresh_from_db()
    assert (work.state, work.title, work.events.count()) == (S.DRAFT, "Trường mẫu giáo Hoa Sen", 0)


def test_leak_district_approves_only_its_own_communes(works, people):
    with pytest.raises(NotPermitted):
        services.work_approve(actor=people.district_b_officer, work=works["a1_sub"])
    with pytest.raises(NotPermitted):
        services.work_return(
            actor=people.district_a_officer, work=works["b1_sub"], reason="x", what_to_fix="y"
        )

    services.work_approve(actor=people.district_b_officer, work=works["b1_sub"])

    states = dict(Work.objects.values_list("pk", "state"))
    assert states[works["a1_sub"].pk] == S.SUBMITTED
    assert states[works["b1_sub"].pk] == S.APPROVED


def test_leak_commune_cannot_register_for_another_commune(kh, province, people):
    with pytest.raises(NotPermitted):
        services.work_create(
            actor=people.a1_officer,
            campaign=kh.campaign,
            unit=province.commune_a2,
            data=work_data(),
        )
    with pytest.raises(NotPermitted):
        services.work_create(
            actor=people.district_a_subtree,
            campaign=kh.campaign,
            unit=province.commune_a1,
            data=work_data(),
        )

    assert not Work.objects.exists()


def test_work_detail_shows_a_visible_work(works, people):
    detail = work_detail(people.district_a_officer, works["a1_sub"].pk)

    assert detail.title == works["a1_sub"].title
    assert detail.registrant_unit.name == "Xã Phong Phú"


def test_work_list_filters_by_district_search_and_state(works, people, province):
    secretariat = people.secretariat

    in_district = work_list(secretariat, WorkFilters(district=province.district_a.pk), today=TODAY)
    found = work_list(secretariat, WorkFilters(search="truong mau giao"), today=TODAY)
    submitted = work_list(
        secretariat, WorkFilters(state=S.SUBMITTED, kind="construction"), today=TODAY
    )

    assert names(works, in_district) == DISTRICT_A
    assert names(works, found) == {"a1_draft"}
    assert names(works, submitted) == {"a1_sub", "a2_sub", "b1_sub", "da_sub", "health_sub"}


def _show_rows(rows: list[Work]) -> list[tuple]:
    """What a list row prints: every related object it touches."""
    return [
        (
            w.title,
            w.unit.name,
            w.campaign.doc_number,
            w.approver_unit.name,
            w.content_area,
            w.phase,
            w.place,
            w.late,
            w.ahead,
        )
        for w in rows
    ]


@pytest.mark.parametrize("count", [1, 3])
def test_work_list_query_count_does_not_grow_with_works(
    kh, province, people, django_assert_num_queries, count
):
    for _ in range(count):
        WorkFactory(
            campaign=kh.campaign,
            unit=province.commune_a1,
            state=S.IN_PROGRESS,
            phase=kh.phase1,
            content_area=kh.area,
            place=province.commune_a1,
        )
    user = User.objects.get(pk=people.district_a_officer.pk)

    with django_assert_num_queries(2):  # the user's memberships, the rows
        rows = _show_rows(list(work_list(user, WorkFilters(), today=TODAY)))

    assert len(rows) == count


@pytest.mark.parametrize("count", [1, 3])
def test_approval_queue_query_count_does_not_grow_with_works(
    kh, province, people, django_assert_num_queries, count
):
    for _ in range(count):
        WorkFactory(campaign=kh.campaign, unit=province.health, state=S.SUBMITTED)
    user = User.objects.get(pk=people.secretariat.pk)

    with django_assert_num_queries(3):  # the memberships, the units covered, the rows
        rows = [
            (w.title, w.unit.name, w.approver_unit.name, w.campaign.doc_number)
            for w in approval_queue(user)
        ]

    assert len(rows) == count


def test_works_visible_to_a_cluster_leader_are_its_members_not_their_siblings(works, province):
    cluster = GroupFactory(organiser=province.root)
    GroupMembershipFactory(group=cluster, unit=province.district_a, role="leader")
    GroupMembershipFactory(group=cluster, unit=province.commune_b1)
    leader = member(province.district_a, Role.CLUSTER_LEADER)

    visible = names(works, works_visible_to(leader))

    # Its own unit and the cluster's members; the member's district (db_app) is not a member.
    assert visible == {"da_sub", "b1_sub"}


def test_approval_queue_pages_read_ids_first_keep_the_order_and_the_annotation(
    kh, province, people
):
    made = [
        WorkFactory(campaign=kh.campaign, unit=province.commune_a1, state=S.SUBMITTED)
        for _ in range(5)
    ]
    queue = approval_queue(people.district_a_officer)
    paginator = Paginator(IdsFirst(queue), 2)

    pages = [list(paginator.page(n).object_list) for n in paginator.page_range]

    assert paginator.count == 5
    assert [w.pk for page in pages for w in page] == [w.pk for w in queue] == [w.pk for w in made]
    assert [len(page) for page in pages] == [2, 2, 1]
    assert all(w.submitted_at is not None for page in pages for w in page)
