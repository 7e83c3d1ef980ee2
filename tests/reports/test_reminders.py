"""Report reminders: before, on and after the due date, each once, and by e-mail through the worker."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django_tasks_db.models import DBTaskResult

from tests.factories import Province, member
from tests.factories.reports import Kh, People, at, put_in_state, report_of
from thidua.accounts.models import Membership, Role
from thidua.core.dates import WeekendPolicy
from thidua.core.models import Notification
from thidua.reports.models import ReportPeriod, ReportState, UnitReport
from thidua.reports.reminders import (
    escalation_days,
    reminder_days,
    report_reminders_due,
    send_report_reminders,
)
from thidua.reports.services import report_periods_generate

D = dt.date
DUE = D(2024, 12, 15)  # quý IV/2024, kept on Sunday (policy "keep")


def send(kh: Kh, day: dt.date) -> int:
    with at(day.year, day.month, day.day):
        return send_report_reminders(kh.campaign, day)


def keys_of(user) -> set[str]:  # type: ignore[no-untyped-def]
    return set(Notification.objects.filter(user=user).values_list("dedupe_key", flat=True))


@pytest.fixture
def q4(generated: list[ReportPeriod]) -> ReportPeriod:
    return generated[0]


@pytest.fixture
def reports(q4: ReportPeriod, province: Province) -> dict[str, UnitReport]:
    return {
        "health": report_of(q4, province.health),
        "home": report_of(q4, province.home_affairs),
        "a": report_of(q4, province.district_a),
        "b": report_of(q4, province.district_b),
    }


HEADS = ("health_head", "home_head", "district_a_head", "district_b_head")


def test_reminders_three_days_before_one_per_open_reports_head(
    kh: Kh, people: People, reports: dict[str, UnitReport]
) -> None:
    sent = send(kh, DUE - dt.timedelta(days=3))

    assert sent == 4
    assert {
        name: keys_of(getattr(people, name)) for name in (*HEADS, "health_officer", "secretariat")
    } == {
        "health_head": {f"report:{reports['health'].pk}:before:3"},
        "home_head": {f"report:{reports['home'].pk}:before:3"},
        "district_a_head": {f"report:{reports['a'].pk}:before:3"},
        "district_b_head": {f"report:{reports['b'].pk}:before:3"},
        "health_officer": set(),  # reminders go to the head, who confirms the report
        "secretariat": set(),
    }
    note = Notification.objects.get(user=people.district_a_head)
    assert note.title == "Nhắc nộp báo cáo Quý IV/2024 theo 128/KH-UBND: còn 3 ngày"
    assert note.body == (
        "Báo cáo Quý IV/2024 của Huyện Cầu Kè chưa nộp; hạn nộp 15/12/2024 (còn 3 ngày). "
        "Thủ trưởng đơn vị xác nhận trước khi nộp."
    )
    assert note.url == f"/bao-cao/{reports['a'].pk}/"


def test_reminders_run_again_the_same_day_send_nothing_more(
    kh: Kh, people: People, reports: dict[str, UnitReport]
) -> None:
    day = DUE - dt.timedelta(days=3)

    first = send(kh, day)
    second = send(kh, day)

    assert (first, second) == (4, 0)
    assert Notification.objects.count() == 4


def test_reminders_skip_submitted_and_accepted_but_not_returned_reports(
    kh: Kh, people: People, reports: dict[str, UnitReport]
) -> None:
    put_in_state(reports["health"], ReportState.SUBMITTED)
    put_in_state(reports["home"], ReportState.ACCEPTED)
    put_in_state(reports["a"], ReportState.RETURNED)

    due = report_reminders_due(kh.campaign, DUE - dt.timedelta(days=3))
    send(kh, DUE - dt.timedelta(days=3))

    assert {r.report.unit.code for r in due} == {"P-A", "P-B"}
    assert keys_of(people.health_head) == set()
    assert keys_of(people.home_head) == set()
    returned = Notification.objects.get(user=people.district_a_head)
    assert "bị trả lại, chưa nộp lại" in returned.body


def test_reminders_on_the_due_day(kh: Kh, people: People, reports: dict[str, UnitReport]) -> None:
    sent = send(kh, DUE)

    assert sent == 4
    assert keys_of(people.district_b_head) == {f"report:{reports['b'].pk}:due"}
    note = Notification.objects.get(user=people.district_b_head)
    assert note.title == "Hôm nay là hạn nộp báo cáo Quý IV/2024 theo 128/KH-UBND"
    assert (
        note.body
        == "Báo cáo Quý IV/2024 của Huyện Trà Cú chưa nộp; hạn nộp là hôm nay, 15/12/2024."
    )


def test_reminders_one_day_after_escalate_to_head_and_secretariat(
    kh: Kh, q4: ReportPeriod, people: People, reports: dict[str, UnitReport]
) -> None:
    put_in_state(reports["health"], ReportState.SUBMITTED)

    sent = send(kh, DUE + dt.timedelta(days=1))

    assert sent == 3 + 1  # three heads, one summary to the province's secretariat
    assert keys_of(people.district_a_head) == {f"report:{reports['a'].pk}:after:1"}
    assert keys_of(people.health_head) == set()
    assert keys_of(people.secretariat) == {f"report-summary:{q4.pk}:after:1"}
    assert keys_of(people.other_secretariat) == set()  # another province's Ban TĐKT
    head = Notification.objects.get(user=people.district_a_head)
    assert head.title == "Báo cáo Quý IV/2024 theo 128/KH-UBND quá hạn 1 ngày"
    assert "Báo cáo trễ, thiếu được tính khi chấm điểm thi đua cụm, khối." in head.body
    summary = Notification.objects.get(user=people.secretariat)
    assert (
        summary.title == "3 đơn vị chưa nộp báo cáo Quý IV/2024 theo 128/KH-UBND (quá hạn 1 ngày)"
    )
    assert summary.body == "Hạn nộp 15/12/2024. Chưa nộp: Huyện Cầu Kè; Huyện Trà Cú; Sở Nội vụ."


@pytest.mark.parametrize(
    ("offset", "stage"), [(-7, None), (-4, None), (-2, None), (2, None), (7, "after:7"), (8, None)]
)
def test_reminders_only_on_reminder_days(
    kh: Kh, people: People, reports: dict[str, UnitReport], offset: int, stage: str | None
) -> None:
    sent = send(kh, DUE + dt.timedelta(days=offset))

    if stage is None:
        assert sent == 0
        assert not Notification.objects.exists()
    else:
        assert keys_of(people.district_a_head) == {f"report:{reports['a'].pk}:{stage}"}


def test_reminders_follow_the_effective_due_date(
    kh: Kh, people: People, province: Province
) -> None:
    kh.rule.weekend_policy = WeekendPolicy.PREVIOUS_WORKING_DAY.value
    kh.rule.save()
    report_periods_generate(kh.campaign)  # quý IV/2024 now due Friday 13/12/2024
    report = report_of(ReportPeriod.objects.get(year=2024, number=4), province.district_a)

    on_twelfth = send(kh, D(2024, 12, 12))
    on_tenth = send(kh, D(2024, 12, 10))

    assert on_twelfth == 0
    assert on_tenth == 4
    assert keys_of(people.district_a_head) == {f"report:{report.pk}:before:3"}


def test_reminders_unit_without_head_go_to_its_officers(
    kh: Kh, people: People, reports: dict[str, UnitReport]
) -> None:
    Membership.objects.filter(user=people.health_head).update(valid_to=D(2024, 11, 30))
    second_officer = member(reports["health"].unit, Role.UNIT_OFFICER)

    send(kh, DUE - dt.timedelta(days=3))

    key = f"report:{reports['health'].pk}:before:3"
    assert keys_of(people.health_officer) == {key}
    assert keys_of(second_officer) == {key}
    assert keys_of(people.health_head) == set()  # no longer head on 12/12/2024


def test_reminder_days_follow_the_settings(
    kh: Kh, people: People, reports: dict[str, UnitReport], settings: object
) -> None:
    settings.THIDUA_REPORT_REMINDER_DAYS = "5, 3, x, 0"  # type: ignore[attr-defined]
    settings.THIDUA_REPORT_ESCALATION_DAYS = [2]  # type: ignore[attr-defined]

    five = send(kh, DUE - dt.timedelta(days=5))
    one_after = send(kh, DUE + dt.timedelta(days=1))
    two_after = send(kh, DUE + dt.timedelta(days=2))

    assert (reminder_days(), escalation_days()) == ((5, 3), (2,))
    assert (five, one_after, two_after) == (4, 0, 5)


def test_reminder_days_defaults() -> None:
    assert (reminder_days(), escalation_days()) == ((3,), (7, 1))


@pytest.mark.django_db(transaction=True)
def test_reports_remind_emails_through_the_worker(
    kh: Kh, people: People, reports: dict[str, UnitReport]
) -> None:
    with at(2024, 12, 12, 7):
        call_command("reports", "remind", stdout=io.StringIO())
        queued = DBTaskResult.objects.filter(task_path__endswith="report_reminders")
        assert queued.count() == 1
        assert queued.get().args_kwargs["args"] == [kh.campaign.pk, "2024-12-12"]
        assert mail.outbox == []
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        getattr(people, name).email for name in HEADS
    )
    message = next(m for m in mail.outbox if m.to == [people.district_a_head.email])
    assert message.subject == "[thidua] Nhắc nộp báo cáo Quý IV/2024 theo 128/KH-UBND: còn 3 ngày"
    assert "hạn nộp 15/12/2024 (còn 3 ngày)" in message.body
    assert f"/bao-cao/{reports['a'].pk}/" in message.body
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()


def test_reports_remind_now_with_date_prints_what_it_did(
    kh: Kh, people: People, reports: dict[str, UnitReport]
) -> None:
    out = io.StringIO()

    with at(2024, 12, 1):
        call_command("reports", "remind", "--now", "--date", "2024-12-16", stdout=out)

    assert out.getvalue().strip() == (
        "kh-128-thu, ngày 16/12/2024: 4 báo cáo cần nhắc, 5 thông báo mới."
    )
    assert not DBTaskResult.objects.exists()


def test_reports_remind_default_date_is_today_in_vietnam(
    kh: Kh, people: People, reports: dict[str, UnitReport]
) -> None:
    out = io.StringIO()

    with at(2024, 12, 12, 0, 30):  # 17:30 on 11/12 in UTC, already the 12th in Trà Vinh
        call_command("reports", "remind", "--now", stdout=out)

    assert "ngày 12/12/2024: 4 báo cáo cần nhắc, 4 thông báo mới." in out.getvalue()


def test_reports_remind_bad_date_or_campaign_fails_in_vietnamese(kh: Kh) -> None:
    with pytest.raises(CommandError) as bad_date:
        call_command("reports", "remind", "--date", "12/12/2024")
    with pytest.raises(CommandError) as unknown:
        call_command("reports", "remind", "--campaign", "khong-co")

    assert "Ngày “12/12/2024” không hợp lệ" in str(bad_date.value)
    assert "khong-co" in str(unknown.value)
    assert not DBTaskResult.objects.exists()
