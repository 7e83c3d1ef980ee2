"""Reminders to units that have not submitted: before and after the deadline, once each,
through the notifications and their e-mail copies."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import call_command

from tests.factories.registrations import registration_in
from thidua.core.models import Notification
from thidua.registrations.models import RegistrationSetting, RegistrationState
from thidua.registrations.reminders import KIND, send_reminders

S = RegistrationState


def _setting(province, deadline):
    RegistrationSetting.objects.create(
        province=province.root, year=deadline.year, deadline=deadline
    )


@pytest.mark.django_db(transaction=True)
def test_units_not_submitted_are_reminded_on_reminder_days(
    province, people, django_capture_on_commit_callbacks
):
    _setting(province, dt.date(2026, 2, 28))
    registration_in(S.SUBMITTED, province.commune_a1, people.a1_officer, people.a1_head)
    registration_in(S.DRAFT, province.health, people.health_officer, people.health_head)

    quiet = send_reminders(province.root, dt.date(2026, 2, 20))
    with django_capture_on_commit_callbacks(execute=True):
        units, sent = send_reminders(province.root, dt.date(2026, 2, 21))

    assert units == 6  # Sở Nội vụ, Sở Y tế, two districts, Xã Hòa Ân, Xã Tập Sơn

    assert quiet == (0, 0)
    notified = set(Notification.objects.filter(kind=KIND).values_list("user_id", flat=True))
    assert people.health_officer.pk in notified and people.health_head.pk in notified
    assert people.a2_head.pk in notified
    assert people.a1_officer.pk not in notified and people.a1_head.pk not in notified
    assert sent == len(notified)
    note = Notification.objects.filter(user=people.health_head).get()
    assert note.title == "Còn 7 ngày đến hạn đăng ký thi đua năm 2026"
    assert "hạn đăng ký là 28/02/2026" in note.body
    assert note.url == f"/dang-ky-thi-dua/don-vi/{province.health.pk}/2026/"
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    to_head = [m for m in mail.outbox if m.to == [people.health_head.email]]
    assert len(to_head) == 1 and "Còn 7 ngày" in to_head[0].subject
    assert "hạn đăng ký là 28/02/2026" in to_head[0].body


def test_after_the_deadline_and_only_once(province, people):
    _setting(province, dt.date(2026, 2, 28))

    first = send_reminders(province.root, dt.date(2026, 3, 1))
    again = send_reminders(province.root, dt.date(2026, 3, 1))

    assert first[1] > 0 and again[1] == 0
    note = Notification.objects.filter(user=people.a1_head).get()
    assert note.title == "Đã quá hạn đăng ký thi đua năm 2026 1 ngày"


def test_daily_command_runs_for_each_province(province, people):
    out = io.StringIO()

    call_command("registrations", "remind", "--date", "2026-03-08", stdout=out)

    assert "UBND tỉnh Thử, ngày 08/03/2026:" in out.getvalue()
    # default deadline 15/03: 7 days before
    assert Notification.objects.filter(kind=KIND, user=people.a1_head).exists()
