"""Legal data that keeps up with time: the base salary (lương cơ sở) and the holiday
calendar, entered by the Ban TĐKT as they are announced, and the warnings that say when
they may be out of date; and the list of values still to confirm.

Rewards are a multiple of the base salary in force on the decision date (ND 152/2025
Điều 50, 54); the Government changes it by decree (ND 24/2023: 1.800.000 đồng from
01/7/2023; ND 73/2024: 2.340.000 đồng from 01/7/2024). Deadlines count working days, so
each year needs its holidays (Bộ luật Lao động 2019 Điều 112 and the yearly notice).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.awards.codes import ErrorCode
from thidua.awards.models import AwardAuthority, AwardRule, BaseSalary, Holiday, LegalValue
from thidua.awards.rules import is_commendation_board
from thidua.awards.sources import ValueSource, legal_value_source, value_source
from thidua.core.errors import DomainError, NotPermitted
from thidua.core.text import nfc
from thidua.core.validity import valid_on

#: A base salary this many months old may have been replaced by a newer decree.
SALARY_STALE_MONTHS = 12


def _months_later(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.month - 1 + months, 12)
    try:
        return day.replace(year=day.year + year, month=month + 1)
    except ValueError:  # 29/2 → 28/2
        return day.replace(year=day.year + year, month=month + 1, day=28)


def newest_base_salary() -> BaseSalary | None:
    """The most recent base salary known (the latest ``valid_from``)."""
    return BaseSalary.objects.order_by("-valid_from").first()


def salary_may_have_changed(day: dt.date) -> BaseSalary | None:
    """The newest known base salary when ``day`` is more than 12 months after it took
    effect (a newer decree may exist that nobody entered), else None."""
    newest = newest_base_salary()
    if newest is None or day <= _months_later(newest.valid_from, SALARY_STALE_MONTHS):
        return None
    return newest


def years_without_holidays(today: dt.date) -> list[int]:
    """Years deadlines will be counted in that have no holiday at all: this year, next
    year from October (Tết of next year is announced in the autumn), and the years of
    the phases' award dates from this year on."""
    from thidua.awards.models import PhaseAwardDate

    years = {today.year}
    if today.month >= 10:
        years.add(today.year + 1)
    years |= {
        day.year
        for day in PhaseAwardDate.objects.filter(review_on__year__gte=today.year).values_list(
            "review_on", flat=True
        )
    }
    known = set(
        Holiday.objects.filter(date__year__in=sorted(years)).values_list("date__year", flat=True)
    )
    return sorted(years - known)


@dataclass(frozen=True)
class LegalDataWarning:
    """One thing the Ban TĐKT should update: ``code`` (``salary``, ``holidays``), the
    message in Vietnamese."""

    code: str
    message: str


def legal_data_warnings(today: dt.date) -> list[LegalDataWarning]:
    """What the Ban TĐKT's home page flags: a base salary that may have changed, years
    without a holiday calendar."""
    warnings = []
    stale = salary_may_have_changed(today)
    if stale is not None:
        warnings.append(
            LegalDataWarning(
                "salary",
                _(
                    "Mức lương cơ sở mới nhất đã nhập (%(amount)s đồng, từ %(date)s theo "
                    "%(basis)s) đã quá 12 tháng: có thể đã có mức mới. Hãy kiểm tra và nhập."
                )
                % {
                    "amount": f"{stale.amount:,}".replace(",", "."),
                    "date": f"{stale.valid_from:%d/%m/%Y}",
                    "basis": stale.legal_basis,
                },
            )
        )
    for year in years_without_holidays(today):
        warnings.append(
            LegalDataWarning(
                "holidays",
                _(
                    "Chưa có lịch nghỉ lễ năm %(year)s: thời hạn tính theo ngày làm việc sẽ "
                    "sai. Hãy nhập các ngày nghỉ lễ, nghỉ bù của năm."
                )
                % {"year": year},
            )
        )
    return warnings


def base_salary_add(
    *, actor: Any, valid_from: dt.date, amount: int, legal_basis: str
) -> BaseSalary:
    """Record a new base salary from ``valid_from`` under the decree ``legal_basis``
    (Ban TĐKT or an administrator). Refused: an amount not above zero, no decree, a date
    that already has one."""
    if not is_commendation_board(actor):
        raise NotPermitted()
    legal_basis = nfc(legal_basis).strip()
    if amount <= 0:
        raise DomainError(_("Mức lương cơ sở phải lớn hơn 0."), code=ErrorCode.BAD_VALUE)
    if not legal_basis:
        raise DomainError(
            _("Hãy ghi nghị định quy định mức lương cơ sở, ví dụ “Nghị định 73/2024/NĐ-CP”."),
            code=ErrorCode.BAD_VALUE,
        )
    try:
        with transaction.atomic():
            return BaseSalary.objects.create(
                valid_from=valid_from, amount=amount, legal_basis=legal_basis, entered_by=actor
            )
    except IntegrityError as exc:
        raise DomainError(
            _("Đã có mức lương cơ sở áp dụng từ %(date)s.") % {"date": f"{valid_from:%d/%m/%Y}"},
            code=ErrorCode.BAD_VALUE,
        ) from exc


def holiday_add(
    *, actor: Any, date: dt.date, name: str, working: bool = False, source: str = ""
) -> Holiday:
    """Record a public holiday, a day off in lieu, or a Saturday worked in exchange
    (``working``), with the notice it comes from (Ban TĐKT or an administrator)."""
    if not is_commendation_board(actor):
        raise NotPermitted()
    name = nfc(name).strip()
    if not name:
        raise DomainError(_("Hãy ghi tên ngày nghỉ."), code=ErrorCode.BAD_VALUE)
    try:
        with transaction.atomic():
            return Holiday.objects.create(
                date=date,
                name=name,
                working=working,
                source=nfc(source).strip()[:255],
                entered_by=actor,
            )
    except IntegrityError as exc:
        raise DomainError(
            _("Ngày %(date)s đã có trong lịch.") % {"date": f"{date:%d/%m/%Y}"},
            code=ErrorCode.BAD_VALUE,
        ) from exc


@dataclass(frozen=True)
class PendingValue:
    """A value in force that the Ban TĐKT should confirm: what, its value, its source."""

    what: str
    value: str
    source: ValueSource


_FIELD_LABELS = {
    "council_threshold": gettext_lazy("tỷ lệ phiếu đồng ý"),
    "secret_ballot": gettext_lazy("bỏ phiếu kín"),
    "multiplier_individual": gettext_lazy("hệ số tiền thưởng cá nhân"),
    "multiplier_collective": gettext_lazy("hệ số tiền thưởng tập thể"),
    "multiplier_household": gettext_lazy("hệ số tiền thưởng hộ gia đình"),
    "appraisal_working_days": gettext_lazy("thời hạn thẩm định (ngày làm việc)"),
    "dossier_days_before_review": gettext_lazy(
        "hạn nộp hồ sơ trước sơ kết, tổng kết (ngày làm việc)"
    ),
}


def shown_value(value: Any) -> str:
    """A value as the page shows it: "có"/"không", "0,8", "10.000"."""
    if isinstance(value, bool):
        return _("có") if value else _("không")
    if isinstance(value, Decimal):
        text = format(value, "f")
        whole, _sep, fraction = text.partition(".")
        whole = f"{int(whole):,}".replace(",", ".")
        fraction = fraction.rstrip("0")
        return f"{whole},{fraction}" if fraction else whole
    return str(value)


def values_to_confirm(on: dt.date) -> list[PendingValue]:
    """Every value in force on ``on`` whose source is unverified or a setting without a
    regulation: rule values, authorities, legal values (what the legal data page lists)."""
    pending: list[PendingValue] = []
    for rule in (
        AwardRule.objects.filter(valid_on(on))
        .select_related("form")
        .order_by("form__position", "form__code")
    ):
        for field in sorted(rule.sources or {}):
            source = value_source(rule, field)
            if not source.verified:
                what = f"{rule.form.short_name or rule.form.name}: {_FIELD_LABELS[field]}"
                pending.append(PendingValue(what, shown_value(getattr(rule, field)), source))
    for authority in AwardAuthority.objects.filter(valid_on(on), verified=False).select_related(
        "form"
    ):
        what = f"{authority.form.short_name or authority.form.name}: {authority.grantor_title}"
        pending.append(
            PendingValue(what, _("có thẩm quyền"), ValueSource(authority.legal_basis, False))
        )
    for value in LegalValue.objects.filter(valid_on(on), verified=False):
        shown = shown_value(value.value) if value.value is not None else value.text
        pending.append(PendingValue(value.get_code_display(), shown, legal_value_source(value)))
    return pending
