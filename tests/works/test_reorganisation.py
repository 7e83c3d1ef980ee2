"""2025 reorganisation: a dissolved or merged unit's open works move to its successor."""

from __future__ import annotations

import pytest

from tests.factories.works import TODAY, WorkFactory, advance, register
from thidua.core.errors import NotPermitted
from thidua.works import services
from thidua.works.models import Work, WorkState
from thidua.works.selectors import approval_queue

S = WorkState


@pytest.fixture
def district_a_works(kh, province, people) -> dict[str, Work]:
    running = register(
        people.district_a_officer, kh, province.district_a, title="Trung tâm văn hóa huyện"
    )
    advance(
        running, S.IN_PROGRESS, unit_actor=people.district_a_officer, approver=people.secretariat
    )
    return {
        "running": running,
        "submitted": WorkFactory(campaign=kh.campaign, unit=province.district_a, state=S.SUBMITTED),
        "done": WorkFactory(campaign=kh.campaign, unit=province.district_a, state=S.COMPLETED),
        "cancelled": WorkFactory(campaign=kh.campaign, unit=province.district_a, state=S.CANCELLED),
        "a1_submitted": WorkFactory(
            campaign=kh.campaign, unit=province.commune_a1, state=S.SUBMITTED
        ),
        "a1_done": WorkFactory(campaign=kh.campaign, unit=province.commune_a1, state=S.COMPLETED),
    }


def fresh(works: dict[str, Work]) -> dict[str, Work]:
    return {name: Work.objects.get(pk=w.pk) for name, w in works.items()}


def test_works_move_to_successor_moves_open_works_and_keeps_the_registrant(
    district_a_works, province, people
):
    moved = services.works_move_to_successor(
        unit=province.district_a, successor=province.district_b, actor=people.admin
    )

    works = fresh(district_a_works)
    assert moved == 2
    for name in ("running", "submitted"):
        work = works[name]
        assert (work.unit, work.registrant_unit, work.approver_unit) == (
            province.district_b,
            province.district_a,
            province.root,
        ), name
    assert works["running"].state == S.IN_PROGRESS
    for name in ("done", "cancelled"):
        assert works[name].unit == province.district_a, name


def test_works_move_to_successor_keeps_history_and_adds_a_moved_event(
    district_a_works, province, people
):
    services.works_move_to_successor(
        unit=province.district_a, successor=province.district_b, actor=people.admin
    )

    events = list(Work.objects.get(pk=district_a_works["running"].pk).events.all())
    assert [e.kind for e in events] == ["created", "submit", "approve", "start", "moved"]
    assert (events[-1].actor, events[-1].payload) == (
        people.admin,
        {
            "from_unit": "P-A",
            "to_unit": "P-B",
            "from_approver": province.root.pk,
            "to_approver": province.root.pk,
        },
    )
    assert not Work.objects.get(pk=district_a_works["done"].pk).events.exists()


def test_works_move_to_successor_hands_over_approval_of_the_communes(
    district_a_works, province, people
):
    services.works_move_to_successor(
        unit=province.district_a, successor=province.district_b, actor=people.admin
    )

    works = fresh(district_a_works)
    assert (works["a1_submitted"].unit, works["a1_submitted"].approver_unit) == (
        province.commune_a1,
        province.district_b,
    )
    assert works["a1_done"].approver_unit == province.district_a
    event = works["a1_submitted"].events.get()
    assert (event.kind, event.payload) == ("approver_moved", {"from": "P-A", "to": "P-B"})
    assert works["a1_submitted"] in approval_queue(people.district_b_officer)
    assert works["a1_submitted"] not in approval_queue(people.district_a_officer)
    with pytest.raises(NotPermitted):
        services.work_approve(actor=people.district_a_officer, work=works["a1_submitted"])
    services.work_approve(actor=people.district_b_officer, work=works["a1_submitted"])
    assert Work.objects.get(pk=works["a1_submitted"].pk).state == S.APPROVED


def test_works_move_to_successor_staff_follow_the_work(
    district_a_works, province, people, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    services.works_move_to_successor(unit=province.district_a, successor=province.district_b)
    running = Work.objects.get(pk=district_a_works["running"].pk)

    with pytest.raises(NotPermitted):
        services.progress_add(
            actor=people.district_a_officer, work=running, on=TODAY, percent=50, narrative="x"
        )
    services.progress_add(
        actor=people.district_b_officer,
        work=running,
        on=TODAY,
        percent=50,
        narrative="Xong phần thô",
    )

    running.refresh_from_db()
    assert running.percent_complete == 50


def test_works_move_to_province_when_the_district_level_ends(district_a_works, province, people):
    services.works_move_to_successor(unit=province.district_a, successor=province.root)

    works = fresh(district_a_works)
    assert works["a1_submitted"].approver_unit == province.root
    # The province is the issuing level: Ban TĐKT now approves the commune's work.
    assert set(approval_queue(people.secretariat)) == {works["a1_submitted"], works["submitted"]}
    services.work_approve(actor=people.secretariat, work=works["a1_submitted"])
    assert Work.objects.get(pk=works["a1_submitted"].pk).state == S.APPROVED


def test_works_move_to_successor_commune_merged_across_districts(kh, province, people):
    work = WorkFactory(campaign=kh.campaign, unit=province.commune_a2, state=S.APPROVED)

    moved = services.works_move_to_successor(
        unit=province.commune_a2, successor=province.commune_b1
    )

    work.refresh_from_db()
    assert moved == 1
    assert (work.unit, work.registrant_unit, work.approver_unit) == (
        province.commune_b1,
        province.commune_a2,
        province.district_b,
    )
    assert people.b1_officer.has_perm("works.edit_work", work)
    assert not people.a2_officer.has_perm("works.view_work", work)
    assert people.district_b_officer.has_perm("works.approve_work", work)
