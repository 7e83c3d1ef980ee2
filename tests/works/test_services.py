"""Registration, edits before approval, change requests after it, and the unit's inbox."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from tests.factories import member
from tests.factories.works import NOW, WorkFactory, register, work_data
from thidua.accounts.models import Role
from thidua.core.errors import DomainError, NotPermitted
from thidua.core.models import Notification
from thidua.works import services
from thidua.works.models import ChangeRequest, ChangeRequestState, Work, WorkState

S = WorkState


# --- Registration ------------------------------------------------------------------------


def test_work_create_saves_a_draft_with_its_links_and_event(kh, province, people):
    work = register(
        people.a1_officer,
        kh,
        province.commune_a1,
        title="Nhà văn hoá ấp Trà Kha",
        phase=kh.phase2,
        content_area=kh.area,
        targets=kh.targets,
        cooperating_units=[province.commune_a2],
        place=province.commune_a1,
        budget=Decimal("850.5"),
        budget_source="Ngân sách xã và xã hội hóa",
    )

    work = Work.objects.get(pk=work.pk)
    assert (work.state, work.created_by, work.deadline) == (
        S.DRAFT,
        people.a1_officer,
        dt.date(2025, 9, 30),
    )
    assert (work.budget, work.content_area, work.place) == (
        Decimal("850.5"),
        kh.area,
        province.commune_a1,
    )
    assert set(work.targets.all()) == set(kh.targets)
    assert list(work.cooperating_units.all()) == [province.commune_a2]
    event = work.events.get()
    assert (event.kind, event.actor, event.to_state, event.at) == (
        "created",
        people.a1_officer,
        "draft",
        NOW,
    )


def test_work_create_title_is_nfc_and_folded(kh, province, people):
    decomposed = "Nha\u0300 va\u0306n ho\u0301a a\u0302\u0301p 5"  # NFD "Nhà văn hóa ấp 5"

    work = register(people.a1_officer, kh, province.commune_a1, title=decomposed)

    assert work.title == "Nhà văn hóa ấp 5"
    assert work.search_text == "nha van hoa ap 5"


@pytest.mark.parametrize("state", [S.SUBMITTED, S.APPROVED, S.IN_PROGRESS, S.COMPLETED])
def test_work_update_after_submission_is_refused(kh, province, people, state):
    work = WorkFactory(campaign=kh.campaign, unit=province.commune_a1, state=state)
    title = work.title

    with pytest.raises(DomainError) as refused:
        services.work_update(actor=people.a1_officer, work=work, data=work_data())

    assert refused.value.code == "not_editable"
    work.refresh_from_db()
    assert work.title == title
    assert not work.events.exists()


# --- Change requests ---------------------------------------------------------------------


@pytest.fixture
def approved(kh, province) -> Work:
    return WorkFactory(
        campaign=kh.campaign,
        unit=province.commune_a1,
        state=S.APPROVED,
        title="Cầu bê tông kênh Ba Sơn",
        budget=Decimal("500.0"),
    )


CHANGES = {"title": "Cầu bê tông kênh Ba Sơn (giai đoạn 2)", "planned_finish": "2025-08-31"}


def _request(work: Work, people) -> ChangeRequest:
    return services.change_request_create(
        actor=people.a1_officer, work=work, changes=CHANGES, reason="Mưa lũ kéo dài"
    )


def test_change_request_accepted_changes_the_work(approved, people):
    request = _request(approved, people)

    decided = services.change_request_decide(
        actor=people.district_a_officer, request=request, accept=True, note="Đồng ý"
    )

    approved.refresh_from_db()
    assert approved.title == "Cầu bê tông kênh Ba Sơn (giai đoạn 2)"
    assert approved.planned_finish == dt.date(2025, 8, 31)
    assert approved.search_text == "cau be tong kenh ba son (giai doan 2)"
    assert approved.state == S.APPROVED
    assert (decided.state, decided.decided_by, decided.decided_at, decided.decision_note) == (
        ChangeRequestState.ACCEPTED,
        people.district_a_officer,
        NOW,
        "Đồng ý",
    )
    assert [(e.kind, e.actor) for e in approved.events.all()] == [
        ("change_requested", people.a1_officer),
        ("change_accepted", people.district_a_officer),
    ]


def test_change_request_rejected_leaves_the_work_unchanged(approved, people):
    request = _request(approved, people)

    services.change_request_decide(
        actor=people.district_a_head, request=request, accept=False, note="Không đủ căn cứ"
    )

    approved.refresh_from_db()
    assert (approved.title, approved.planned_finish) == (
        "Cầu bê tông kênh Ba Sơn",
        dt.date(2025, 6, 30),
    )
    request.refresh_from_db()
    assert request.state == ChangeRequestState.REJECTED
    assert [e.kind for e in approved.events.all()] == ["change_requested", "change_rejected"]


@pytest.mark.parametrize("state", [S.DRAFT, S.SUBMITTED, S.RETURNED, S.COMPLETED, S.CANCELLED])
def test_change_request_before_approval_or_after_the_end_is_refused(kh, province, people, state):
    work = WorkFactory(campaign=kh.campaign, unit=province.commune_a1, state=state)

    with pytest.raises(DomainError) as refused:
        _request(work, people)

    assert refused.value.code == "bad_state"
    assert not ChangeRequest.objects.exists()


def test_change_request_in_progress_is_allowed(kh, province, people):
    work = WorkFactory(campaign=kh.campaign, unit=province.commune_a1, state=S.IN_PROGRESS)

    assert _request(work, people).state == ChangeRequestState.PENDING


def test_change_request_only_one_pending_at_a_time(approved, people):
    first = _request(approved, people)

    with pytest.raises(DomainError) as refused:
        services.change_request_create(
            actor=people.a1_head, work=approved, changes={"budget": "600"}, reason="Tăng giá"
        )
    services.change_request_decide(actor=people.district_a_officer, request=first, accept=False)
    second = services.change_request_create(
        actor=people.a1_head, work=approved, changes={"budget": "600"}, reason="Tăng giá"
    )

    assert refused.value.code == "pending_exists"
    assert list(approved.change_requests.order_by("pk").values_list("state", flat=True)) == [
        "rejected",
        "pending",
    ]
    assert second.state == ChangeRequestState.PENDING


@pytest.mark.parametrize(
    "user", ["a1_officer", "a1_head", "a2_officer", "district_b_officer", "secretariat"]
)
def test_change_request_decided_by_anyone_but_the_approver_is_denied(approved, people, user):
    request = _request(approved, people)

    with pytest.raises(NotPermitted):
        services.change_request_decide(actor=getattr(people, user), request=request, accept=True)

    request.refresh_from_db()
    approved.refresh_from_db()
    assert request.state == ChangeRequestState.PENDING
    assert approved.title == "Cầu bê tông kênh Ba Sơn"


@pytest.mark.parametrize(
    "changes",
    [{"state": "completed"}, {"unit": 1}, {"title": "x", "approver_unit": 2}, {}],
    ids=["state", "unit", "approver", "empty"],
)
def test_change_request_with_unknown_fields_is_refused(approved, people, changes):
    with pytest.raises(DomainError) as refused:
        services.change_request_create(
            actor=people.a1_officer, work=approved, changes=changes, reason="Thử"
        )

    assert refused.value.code == "bad_changes"
    assert not ChangeRequest.objects.exists()


@pytest.mark.parametrize(
    ("changes", "label"),
    [
        ({"planned_finish": "31/08/2025"}, "ngày hoàn thành dự kiến"),
        ({"budget": "năm trăm"}, "kinh phí (triệu đồng)"),
        ({"title": ""}, "tên công trình, phần việc"),
    ],
    ids=["date", "budget", "empty-title"],
)
def test_change_request_with_bad_values_is_refused(approved, people, changes, label):
    with pytest.raises(DomainError) as refused:
        services.change_request_create(
            actor=people.a1_officer, work=approved, changes=changes, reason="Thử"
        )

    assert refused.value.code == "bad_changes"
    assert refused.value.message == f"Giá trị của mục “{label}” không hợp lệ."
    assert not ChangeRequest.objects.exists()


def test_change_request_requires_a_reason_and_the_units_staff(approved, people):
    with pytest.raises(DomainError) as no_reason:
        services.change_request_create(
            actor=people.a1_officer, work=approved, changes=CHANGES, reason=""
        )
    with pytest.raises(NotPermitted):
        services.change_request_create(
            actor=people.district_a_officer, work=approved, changes=CHANGES, reason="Thử"
        )

    assert no_reason.value.code == "reason_required"
    assert not ChangeRequest.objects.exists()


def test_change_request_finishing_before_start_is_not_applied(approved, people):
    request = services.change_request_create(
        actor=people.a1_officer,
        work=approved,
        changes={"planned_finish": "2024-12-31"},
        reason="Sớm",
    )

    with pytest.raises(DomainError):
        services.change_request_decide(
            actor=people.district_a_officer, request=request, accept=True
        )

    request.refresh_from_db()
    approved.refresh_from_db()
    assert request.state == ChangeRequestState.PENDING
    assert approved.planned_finish == dt.date(2025, 6, 30)


def test_change_request_decided_twice_is_refused(approved, people):
    request = _request(approved, people)
    services.change_request_decide(actor=people.district_a_officer, request=request, accept=False)

    with pytest.raises(DomainError) as refused:
        services.change_request_decide(
            actor=people.district_a_officer, request=request, accept=True
        )

    assert refused.value.code == "already_decided"
    approved.refresh_from_db()
    assert approved.title == "Cầu bê tông kênh Ba Sơn"


def test_change_request_accepted_once_the_work_is_completed_is_refused(approved, people):
    request = _request(approved, people)
    Work.objects.filter(pk=approved.pk).update(
        state=S.COMPLETED, actual_finish=dt.date(2025, 5, 1), percent_complete=100
    )

    with pytest.raises(DomainError) as refused:
        services.change_request_decide(
            actor=people.district_a_officer, request=request, accept=True
        )
    rejected = services.change_request_decide(
        actor=people.district_a_officer, request=request, accept=False
    )

    assert refused.value.code == "bad_state"
    approved.refresh_from_db()
    assert (approved.state, approved.title) == (S.COMPLETED, "Cầu bê tông kênh Ba Sơn")
    assert rejected.state == ChangeRequestState.REJECTED
    assert [e.kind for e in approved.events.all()] == ["change_requested", "change_rejected"]


# --- Notifications -----------------------------------------------------------------------


@pytest.fixture
def submitted(kh, province) -> Work:
    return WorkFactory(
        campaign=kh.campaign,
        unit=province.commune_a1,
        state=S.SUBMITTED,
        title="Trạm y tế kiểu mẫu",
    )


def test_work_approve_notifies_the_commune_staff_once(
    submitted, people, province, django_capture_on_commit_callbacks
):
    both = member(province.commune_a1, Role.UNIT_OFFICER)
    member(province.commune_a1, Role.UNIT_HEAD, user=both)

    with django_capture_on_commit_callbacks(execute=True):
        services.work_approve(actor=people.district_a_officer, work=submitted, note="Đạt yêu cầu")

    inbox = Notification.objects.order_by("user_id")
    assert {n.user for n in inbox} == {people.a1_officer, people.a1_head, both}
    assert inbox.count() == 3
    assert {(n.kind, n.title, n.body, n.url) for n in inbox} == {
        (
            "work_approved",
            "Đã duyệt: Trạm y tế kiểu mẫu",
            "Đạt yêu cầu",
            f"/cong-trinh/{submitted.pk}/",
        )
    }
    task = DBTaskResult.objects.get()
    assert task.task_path == "thidua.core.tasks.send_notification_emails"
    assert sorted(task.args_kwargs["args"][0]) == sorted(n.pk for n in inbox)


def test_work_approve_does_not_notify_former_staff(
    submitted, province, people, django_capture_on_commit_callbacks
):
    former = member(province.commune_a1, valid_to=dt.date(2025, 1, 31))
    future = member(province.commune_a1, valid_from=dt.date(2025, 4, 1))

    with django_capture_on_commit_callbacks(execute=True):
        services.work_approve(actor=people.district_a_officer, work=submitted)

    assert set(Notification.objects.values_list("user", flat=True)) == {
        people.a1_officer.pk,
        people.a1_head.pk,
    }
    assert not Notification.objects.filter(user__in=[former, future]).exists()


def test_work_return_notifies_with_reason_and_fix(
    submitted, people, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.work_return(
            actor=people.district_a_officer,
            work=submitted,
            reason="Trùng với công trình của huyện",
            what_to_fix="Chọn công trình khác",
        )

    notes = Notification.objects.filter(user=people.a1_officer)
    assert [(n.kind, n.title, n.body) for n in notes] == [
        (
            "work_returned",
            "Trả lại: Trạm y tế kiểu mẫu",
            "Lý do: Trùng với công trình của huyện\nCần sửa: Chọn công trình khác",
        )
    ]
    assert not Notification.objects.exclude(user__in=[people.a1_officer, people.a1_head]).exists()


def test_work_approve_notifies_nobody_until_commit(
    submitted, people, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.work_approve(actor=people.district_a_officer, work=submitted)

    assert len(callbacks) == 1
    assert not Notification.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_work_approve_email_sent_by_the_real_worker(submitted, people):
    # transaction=True: db_worker closes "old" connections, which would end the test's
    # wrapping transaction; here every service commits for real and on_commit runs.
    services.work_approve(actor=people.district_a_officer, work=submitted)
    assert DBTaskResult.objects.count() == 1
    assert mail.outbox == []

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=StringIO())

    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [people.a1_officer.email, people.a1_head.email]
    )
    assert {m.subject for m in mail.outbox} == {"[thidua] Đã duyệt: Trạm y tế kiểu mẫu"}
    assert all(f"/cong-trinh/{submitted.pk}/" in m.body for m in mail.outbox)
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
