"""Daily reminders to the Ban TĐKT while the year's report is not sent."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command

from tests.factories.award_statistics import StatsPeople
from tests.factories.organisations import Province
from thidua.award_statistics.reminders import send_statistics_reminders, stage_on
from thidua.award_statistics.workflow import statistics_mark_sent
from thidua.core.models import Notification

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("day", "stage"),
    [
        (dt.date(2026, 12, 7), None),
        (dt.date(2026, 12, 8), ("before", 7)),
        (dt.date(2026, 12, 14), ("before", 1)),
        (dt.date(2026, 12, 15), ("due", 0)),
        (dt.date(2026, 12, 16), ("after", 1)),
        (dt.date(2026, 12, 17), None),
        (dt.date(2026, 12, 22), ("after", 7)),
    ],
)
def test_reminder_days_around_the_due_date(day: dt.date, stage: tuple[str, int] | None) -> None:
    assert stage_on(2026, day) == stage


def test_due_date_is_a_setting(settings) -> None:  # type: ignore[no-untyped-def]
    settings.THIDUA_STATISTICS_DUE = "20/12"

    assert stage_on(2026, dt.date(2026, 12, 20)) == ("due", 0)
    assert stage_on(2026, dt.date(2026, 12, 15)) is None


def test_each_province_secretariat_is_reminded_once(
    province: Province, people: StatsPeople
) -> None:
    day = dt.date(2026, 12, 8)

    first = send_statistics_reminders(day)
    again = send_statistics_reminders(day)

    mine = Notification.objects.get(user=people.secretariat)
    assert (first, again) == (2, 0)  # this province's and the other province's Ban TĐKT
    assert mine.title == "Nhắc gửi báo cáo thống kê thi đua, khen thưởng năm 2026: còn 7 ngày"
    assert "15/12/2026" in mine.body and f"province={province.root.pk}" in mine.url
    assert not Notification.objects.filter(user__in=[people.officer, people.leader]).exists()


def test_a_sent_report_stops_the_reminders(
    province: Province, people: StatsPeople, settings
) -> None:  # type: ignore[no-untyped-def]
    statistics_mark_sent(
        actor=people.secretariat, province=province.root, year=2026, sent_on=dt.date(2026, 12, 1)
    )

    send_statistics_reminders(dt.date(2026, 12, 15))

    assert not Notification.objects.filter(user=people.secretariat).exists()
    assert Notification.objects.filter(user=people.other_secretariat).count() == 1


def test_daily_command_reminds(province: Province, people: StatsPeople, capsys) -> None:  # type: ignore[no-untyped-def]
    call_command("award_statistics", "remind", "--date", "2026-12-16")

    assert "Ngày 16/12/2026: 2 lời nhắc báo cáo thống kê." in capsys.readouterr().out
    assert Notification.objects.get(user=people.secretariat).title == (
        "Báo cáo thống kê thi đua, khen thưởng năm 2026 quá hạn 1 ngày"
    )
