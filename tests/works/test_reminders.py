"""Registration reminders: who is reminded, when, once, and by e-mail through the worker."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django_tasks_db.models import DBTaskResult

from tests.factories import CampaignFactory, PhaseFactory, Province, member
from thidua.accounts.models import Role, User
from thidua.campaigns.models import Approver, Campaign, RegistrationRule, WorkKind
from thidua.core.models import Notification
from thidua.organisations.models import Unit, UnitKind
from thidua.works.reminders import (
    registration_reminders_due,
    reminder_days,
    send_registration_reminders,
)
from thidua.works.services import WorkData, work_create, work_submit

VN = ZoneInfo("Asia/Ho_Chi_Minh")
DEADLINE = dt.date(2024, 12, 31)


def at(day: dt.date) -> time_machine.travel:
    """Freeze the clock at 08:00 in Trà Vinh on ``day``."""
    return time_machine.travel(dt.datetime(day.year, day.month, day.day, 8, tzinfo=VN), tick=False)


@dataclass
class Setup:
    campaign: Campaign
    province: Province
    officers: dict[str, User]


def _rule(campaign: Campaign, position: int, kinds: list[str], minimum: int, **kw: object) -> None:
    RegistrationRule.objects.create(
        campaign=campaign,
        position=position,
        unit_kinds=kinds,
        minimum=minimum,
        work_kinds=[WorkKind.CONSTRUCTION.value, WorkKind.PROJECT.value, WorkKind.TASK.value],
        **kw,
    )


@pytest.fixture(autouse=True)
def _frozen_time() -> None:
    """Not frozen: the works tests' clock (tests/works/conftest.py) stops at 01/3/2025, and
    these tests run on the real clock, or travel to their own day."""


@pytest.fixture
def setup(province: Province) -> Setup:
    """KH 128's registration rules on the test province, a deadline of 31/12/2024, and an
    officer in each unit; the province's own staff are no participants."""
    campaign = CampaignFactory(
        issuer_unit=province.root, doc_number="128/KH-UBND", registration_deadline=DEADLINE
    )
    PhaseFactory(campaign=campaign, code="dot-1", end=dt.date(2025, 4, 30))
    _rule(campaign, 1, [UnitKind.DISTRICT.value], 2)
    _rule(campaign, 2, [UnitKind.COMMUNE.value], 1, approver=Approver.PARENT, via_parent=True)
    _rule(campaign, 3, [UnitKind.DEPARTMENT.value], 1)
    units = {
        "a": province.district_a,
        "b": province.district_b,
        "a1": province.commune_a1,
        "a2": province.commune_a2,
        "b1": province.commune_b1,
        "health": province.health,
        "home": province.home_affairs,
    }
    officers = {key: member(unit, Role.UNIT_OFFICER) for key, unit in units.items()}
    return Setup(campaign, province, officers)


def register(setup: Setup, key: str, unit: Unit, count: int = 1) -> None:
    """``count`` works registered and sent by the unit's officer (they count from submission)."""
    for n in range(count):
        work = work_create(
            actor=setup.officers[key],
            campaign=setup.campaign,
            unit=unit,
            data=WorkData(
                kind=WorkKind.CONSTRUCTION,
                title=f"Công trình số {n + 1} của {unit.name}",
                planned_start=dt.date(2025, 1, 1),
                planned_finish=dt.date(2025, 6, 30),
            ),
            confirm_similar=True,
        )
        work_submit(actor=setup.officers[key], work=work)


@pytest.fixture
def registered(setup: Setup) -> Setup:
    """District A has 1 of 2, district B 2 of 2; commune A1 and Sở Y tế have theirs."""
    p = setup.province
    register(setup, "a", p.district_a, 1)
    register(setup, "b", p.district_b, 2)
    register(setup, "a1", p.commune_a1, 1)
    register(setup, "health", p.health, 1)
    return setup


BELOW = {"P-A", "P-A-2", "P-B-1", "P-SNV"}


@pytest.mark.parametrize("days", [7, 3, 1])
def test_registration_reminders_due_on_reminder_days_for_units_below_minimum(
    registered: Setup, days: int
) -> None:
    today = DEADLINE - dt.timedelta(days=days)

    with at(today):
        due = registration_reminders_due(registered.campaign, today)

    assert {unit.code for unit, _days in due} == BELOW
    assert {days_left for _unit, days_left in due} == {days}


def test_registration_reminders_due_five_days_before_none(registered: Setup) -> None:
    today = DEADLINE - dt.timedelta(days=5)

    with at(today):
        due = registration_reminders_due(registered.campaign, today)
        sent = send_registration_reminders(registered.campaign, today)

    assert due == []
    assert sent == 0
    assert not Notification.objects.exists()


def test_send_registration_reminders_says_count_minimum_and_deadline(registered: Setup) -> None:
    today = DEADLINE - dt.timedelta(days=3)
    head = member(registered.province.district_a, Role.UNIT_HEAD)
    member(registered.province.district_a, Role.CLUSTER_LEADER)  # not a registrant

    with at(today):
        sent = send_registration_reminders(registered.campaign, today)

    key = f"reg-min:{registered.campaign.pk}:{registered.province.district_a.pk}:3"
    district_a = Notification.objects.filter(dedupe_key=key)
    assert sorted(n.user_id for n in district_a) == sorted([registered.officers["a"].pk, head.pk])
    note = district_a.first()
    assert note is not None
    assert note.body == (
        "Đơn vị Huyện Cầu Kè mới đăng ký 1/2 công trình; hạn đăng ký 31/12/2024 (còn 3 ngày)."
    )
    assert "128/KH-UBND" in note.title and "còn 3 ngày" in note.title
    assert sent == 5  # officer + head of district A, officers of A2, B1 and Sở Nội vụ
    reminded = set(Notification.objects.values_list("user__memberships__unit__code", flat=True))
    assert reminded == BELOW


def test_send_registration_reminders_twice_sends_nothing_more(registered: Setup) -> None:
    today = DEADLINE - dt.timedelta(days=7)

    with at(today):
        first = send_registration_reminders(registered.campaign, today)
        second = send_registration_reminders(registered.campaign, today)

    assert first == 4
    assert second == 0
    assert Notification.objects.count() == 4


def test_send_registration_reminders_unit_reaching_minimum_gets_nothing(registered: Setup) -> None:
    week_before = DEADLINE - dt.timedelta(days=7)
    three_before = DEADLINE - dt.timedelta(days=3)
    district_a = registered.province.district_a
    with at(week_before):
        send_registration_reminders(registered.campaign, week_before)
    register(registered, "a", district_a, 1)  # now 2 of 2

    with at(three_before):
        due = registration_reminders_due(registered.campaign, three_before)
        send_registration_reminders(registered.campaign, three_before)

    assert district_a not in {unit for unit, _days in due}
    keys = set(
        Notification.objects.filter(user=registered.officers["a"]).values_list(
            "dedupe_key", flat=True
        )
    )
    assert keys == {f"reg-min:{registered.campaign.pk}:{district_a.pk}:7"}


def test_registration_reminders_due_follows_setting(registered: Setup, settings: object) -> None:
    settings.THIDUA_REGISTRATION_REMINDER_DAYS = "10, 2"  # type: ignore[attr-defined]
    ten_before = DEADLINE - dt.timedelta(days=10)
    seven_before = DEADLINE - dt.timedelta(days=7)

    with at(ten_before):
        due_ten = registration_reminders_due(registered.campaign, ten_before)
    with at(seven_before):
        due_seven = registration_reminders_due(registered.campaign, seven_before)

    assert reminder_days() == (10, 2)
    assert {unit.code for unit, _days in due_ten} == BELOW
    assert due_seven == []


def test_registration_reminders_due_without_deadline_none(registered: Setup) -> None:
    registered.campaign.registration_deadline = None
    registered.campaign.save()
    today = DEADLINE - dt.timedelta(days=3)

    with at(today):
        due = registration_reminders_due(registered.campaign, today)

    assert due == []


@pytest.mark.django_db(transaction=True)
def test_remind_registration_emails_through_worker(registered: Setup) -> None:
    today = DEADLINE - dt.timedelta(days=1)

    with at(today):
        call_command("remind_registration", stdout=io.StringIO())
        queued = DBTaskResult.objects.filter(task_path__endswith="registration_reminders")
        assert queued.count() == 1
        assert mail.outbox == []
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    to_district_a = [m for m in mail.outbox if m.to == [registered.officers["a"].email]]
    assert len(to_district_a) == 1
    message = to_district_a[0]
    assert message.subject.startswith("[thidua] Nhắc đăng ký công trình")
    assert "mới đăng ký 1/2 công trình; hạn đăng ký 31/12/2024 (còn 1 ngày)" in message.body
    assert {m.to[0] for m in mail.outbox} == {
        registered.officers[k].email for k in ("a", "a2", "b1", "home")
    }
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()


def test_remind_registration_now_prints_what_it_did(registered: Setup, capsys: object) -> None:
    today = DEADLINE - dt.timedelta(days=3)

    with at(today):
        call_command("remind_registration", "--now", "--date", today.isoformat())

    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert f"{registered.campaign.code}, ngày 28/12/2024: 4 đơn vị chưa đủ, 4 thông báo mới." in out
    assert Notification.objects.count() == 4


def test_remind_registration_bad_date_fails_in_vietnamese(registered: Setup) -> None:
    with pytest.raises(CommandError) as error:
        call_command("remind_registration", "--date", "31/12/2024")

    assert "Ngày “31/12/2024” không hợp lệ" in str(error.value)
    assert not DBTaskResult.objects.exists()


def test_remind_registration_unknown_campaign_fails(registered: Setup) -> None:
    with pytest.raises(CommandError) as error:
        call_command("remind_registration", "--campaign", "khong-co")

    assert "khong-co" in str(error.value)
