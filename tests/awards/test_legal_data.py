"""Legal data that keeps up with time (issue 13 item 5): the Ban TĐKT adds a base salary
with its decree and a holiday with its notice on a page of its own; a base salary more
than 12 months old and a year without holidays are flagged; the values still to confirm
are listed with what the Ban TĐKT must check."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from tests.factories.awards import Kh, People
from tests.pages import page_text, signed_in
from thidua.awards.calendar import add_working_days
from thidua.awards.legal_data import (
    base_salary_add,
    holiday_add,
    legal_data_warnings,
    salary_may_have_changed,
    values_to_confirm,
    years_without_holidays,
)
from thidua.awards.models import BaseSalary, Holiday, PhaseAwardDate
from thidua.core.errors import DomainError, NotPermitted

D = dt.date
VN = ZoneInfo("Asia/Ho_Chi_Minh")


def test_a_base_salary_is_stale_12_months_after_it_took_effect(forms: None) -> None:
    assert salary_may_have_changed(D(2025, 7, 1)) is None  # ND 73/2024 from 01/7/2024
    stale = salary_may_have_changed(D(2025, 7, 2))
    assert stale is not None and stale.legal_basis == "Nghị định 73/2024/NĐ-CP"


def test_years_without_holidays_this_year_next_from_october_and_award_dates(kh: Kh) -> None:
    assert years_without_holidays(D(2026, 9, 30)) == []
    assert years_without_holidays(D(2026, 10, 1)) == [2027]
    PhaseAwardDate.objects.create(phase=kh.phase2, review_on=D(2028, 3, 1))
    assert years_without_holidays(D(2026, 9, 30)) == [2028]


def test_warnings_name_the_salary_and_the_year(forms: None) -> None:
    warnings = {w.code: w.message for w in legal_data_warnings(D(2026, 12, 7))}

    assert "2.340.000 đồng, từ 01/07/2024 theo Nghị định 73/2024/NĐ-CP" in warnings["salary"]
    assert "Chưa có lịch nghỉ lễ năm 2027" in warnings["holidays"]
    assert legal_data_warnings(D(2025, 3, 1)) == []


def test_the_board_adds_a_base_salary_and_it_counts_from_its_date(
    forms: None, people: People
) -> None:
    with pytest.raises(NotPermitted):
        base_salary_add(
            actor=people.officer, valid_from=D(2026, 7, 1), amount=2_530_000, legal_basis="NĐ"
        )
    with pytest.raises(DomainError):
        base_salary_add(
            actor=people.secretariat, valid_from=D(2026, 7, 1), amount=2_530_000, legal_basis=" "
        )

    salary = base_salary_add(
        actor=people.secretariat,
        valid_from=D(2026, 7, 1),
        amount=2_530_000,
        legal_basis="Nghị định 999/2026/NĐ-CP",
    )

    assert salary.entered_by == people.secretariat
    assert salary_may_have_changed(D(2026, 12, 7)) is None
    with pytest.raises(DomainError, match="Đã có mức lương cơ sở áp dụng từ 01/07/2026"):
        base_salary_add(
            actor=people.secretariat, valid_from=D(2026, 7, 1), amount=1, legal_basis="x"
        )


def test_a_holiday_added_moves_the_working_day_deadlines(forms: None, people: People) -> None:
    before = add_working_days(D(2027, 1, 29), 1)

    holiday_add(
        actor=people.secretariat,
        date=D(2027, 2, 1),
        name="Tết Nguyên đán (thử)",
        source="Thông báo của Bộ Nội vụ",
    )

    assert before == D(2027, 2, 1)
    assert add_working_days(D(2027, 1, 29), 1) == D(2027, 2, 2)
    assert Holiday.objects.get(date=D(2027, 2, 1)).source == "Thông báo của Bộ Nội vụ"


def test_values_to_confirm_list_the_unverified_and_the_settings(forms: None) -> None:
    pending = {p.what: p for p in values_to_confirm(D(2025, 6, 30))}

    individual = pending["Bằng khen UBND tỉnh: hệ số tiền thưởng cá nhân"]
    assert individual.value == "1,5"
    assert individual.source.for_board() == (
        "Nghị định 98/2023/NĐ-CP (chưa xác minh – Ban TĐKT xác nhận)"
    )
    assert pending["Bằng khen UBND tỉnh: tỷ lệ phiếu đồng ý"].source.for_board() == (
        "Cài đặt của tỉnh, chưa có căn cứ – cần xác nhận"
    )
    assert "Giấy khen: Người đứng đầu tổ chức" in pending
    assert pending["Tỷ lệ thành viên Hội đồng có mặt tối thiểu"].value == "0,666"
    after = {p.what for p in values_to_confirm(D(2025, 7, 1))}
    assert "Bằng khen UBND tỉnh: hệ số tiền thưởng cá nhân" not in after  # ND 152 Điều 54
    assert "CSTĐCS: tỷ lệ phiếu đồng ý" in after  # ND 152's clause not read


def test_the_legal_data_page_for_the_board_only(forms: None, people: People) -> None:
    with time_machine.travel(dt.datetime(2026, 12, 7, 9, 0, tzinfo=VN), tick=False):
        client = signed_in(people.secretariat)
        page = page_text(client.get(reverse("awards:legal_data")))
        posted = client.post(
            reverse("awards:legal_data"),
            {
                "salary-valid_from": "01/07/2026",
                "salary-amount": "2530000",
                "salary-legal_basis": "Nghị định 999/2026/NĐ-CP",
            },
        )
        officer = signed_in(people.officer).get(reverse("awards:legal_data"))

    assert "Mức lương cơ sở mới nhất đã nhập (2.340.000 đồng" in page
    assert "Cài đặt của tỉnh, chưa có căn cứ – cần xác nhận" in page
    assert posted.status_code == 302
    assert BaseSalary.objects.get(valid_from=D(2026, 7, 1)).amount == 2_530_000
    assert officer.status_code == 403
    assert not BaseSalary.objects.filter(valid_from=D(2027, 1, 1)).exists()


def test_the_home_card_flags_legal_data_for_the_board(forms: None, people: People) -> None:
    with time_machine.travel(dt.datetime(2026, 12, 7, 9, 0, tzinfo=VN), tick=False):
        board = page_text(signed_in(people.secretariat).get(reverse("core:home")))
        officer = page_text(signed_in(people.officer).get(reverse("core:home")))

    assert "Chưa có lịch nghỉ lễ năm 2027" in board
    assert "lương cơ sở" in board and "Cập nhật dữ liệu pháp lý" in board
    assert "Chưa có lịch nghỉ lễ năm 2027" not in officer
