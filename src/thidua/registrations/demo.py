"""The demo's annual registrations in Vĩnh Long: Sở Y tế (86-SYT), Xã Cầu Kè (29308) and
Xã Phong Thạnh (29329), for a year.

For 2025 the units register again after the reorganisation of 01/7/2025 (the communes are
new from that day), in mid-July 2025; for 2026 they register in January–February 2026.
Each registration is prepared and submitted by the unit's head (a demo user where there
is one: ``thutruong_syt_vl``, ``chutich_xa_vl``; else the unit's current head; a unit
without a head is skipped) and received by the Ban TĐKT (``bantdkt_vl``) when that user
exists. The people are made up. Idempotent: a unit that has a registration for the year
is left as it is.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

from django.utils import timezone

from thidua.accounts.models import Membership, Role, User
from thidua.awards.loading import award_forms_load_shipped
from thidua.awards.models import AwardForm, Gender, SubjectKind
from thidua.core.errors import DomainError
from thidua.core.event_time import events_dated
from thidua.core.validity import valid_on
from thidua.organisations.models import Unit
from thidua.registrations.models import Registration
from thidua.registrations.workflow import (
    EntryData,
    entry_add,
    registration_accept,
    registration_note,
    registration_open,
    registration_submit,
)

HEADS = {"86-SYT": "thutruong_syt_vl", "29308": "chutich_xa_vl"}
SECRETARIAT = "bantdkt_vl"
F, M = Gender.FEMALE, Gender.MALE

#: (name, gender, birth year, position, title code) per unit; a collective has no gender.
PEOPLE: dict[str, list[tuple[str, str, int | None, str, str]]] = {
    "86-SYT": [
        ("", "", None, "", "ttldxs"),
        ("Phòng Nghiệp vụ Y", "", None, "", "ttldtt"),
        ("Lê Thị Thu Trang", F, 1984, "Trưởng phòng Nghiệp vụ Y", "cstd-tinh"),
        ("Nguyễn Hoàng Phúc", M, 1979, "Phó Giám đốc Sở", "cstdcs"),
        ("Trần Ngọc Bích", F, 1990, "Chuyên viên Phòng Tổ chức cán bộ", "cstdcs"),
        ("Võ Minh Khang", M, 1988, "Chuyên viên Văn phòng Sở", "ldtt"),
        ("Huỳnh Thị Mỹ Duyên", F, 1993, "Kế toán viên", "ldtt"),
    ],
    "29308": [
        ("", "", None, "", "ttldtt"),
        ("Thạch Thị Kim Hồng", F, 1987, "Công chức Văn phòng HĐND và UBND xã", "cstdcs"),
        ("Sơn Văn Tài", M, 1982, "Phó Chủ tịch UBND xã", "ldtt"),
        ("Lâm Thị Sa Rươne", F, 1991, "Công chức Tài chính – Kế toán", "ldtt"),
        ("Kiên Văn Ngọc", M, 1985, "Công chức Địa chính – Xây dựng", "ldtt"),
    ],
    "29329": [
        ("", "", None, "", "ttldtt"),
        ("Dương Văn Lợi", M, 1980, "Phó Chủ tịch UBND xã", "cstdcs"),
        ("Nguyễn Thị Cẩm Tú", F, 1992, "Công chức Văn hóa – Xã hội", "ldtt"),
        ("Trương Văn Hậu", M, 1986, "Chỉ huy trưởng Ban Chỉ huy Quân sự xã", "ldtt"),
    ],
}

#: The day each unit submits, by year (a 2025 registration comes after 01/7/2025).
DAYS = {
    2025: {"86-SYT": dt.date(2025, 7, 16), "29308": dt.date(2025, 7, 15), "29329": dt.date(2025, 7, 18)},
    2026: {"86-SYT": dt.date(2026, 1, 20), "29308": dt.date(2026, 2, 5), "29329": dt.date(2026, 2, 10)},
}  # fmt: skip
NOTE_2025 = "Đăng ký lại sau sắp xếp tổ chức bộ máy, đơn vị hành chính (từ ngày 01/7/2025)."


def _head(unit: Unit) -> Any:
    username = HEADS.get(unit.code)
    if username:
        user = User.objects.filter(username=username).first()
        if user is not None:
            return user
    membership = (
        Membership.objects.filter(valid_on(timezone.localdate()), unit=unit, role=Role.UNIT_HEAD)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return membership.user if membership else None


def _day(year: int, code: str) -> dt.date:
    return DAYS.get(year, {}).get(code) or dt.date(year, 2, 1)


def _register(unit: Unit, year: int, head: Any, forms: dict[str, AwardForm]) -> str:
    day = min(_day(year, unit.code), timezone.localdate())
    with events_dated(day):
        registration = registration_open(actor=head, unit=unit, year=year)
        if year == 2025:
            registration_note(actor=head, registration=registration, note=NOTE_2025)
        for name, gender, born, position, code in PEOPLE.get(unit.code, []):
            form = forms[code]
            kind = SubjectKind.INDIVIDUAL if gender else SubjectKind.COLLECTIVE
            data = EntryData(
                kind=kind, form=form, name=name, gender=gender, birth_year=born, position=position
            )
            entry_add(actor=head, registration=registration, data=data)
        registration_submit(actor=head, registration=registration)
    secretariat = User.objects.filter(username=SECRETARIAT).first()
    if secretariat is not None:
        received = min(day + dt.timedelta(days=5), timezone.localdate())
        # Not this province's Ban TĐKT any more: the registration stays submitted.
        with events_dated(received), contextlib.suppress(DomainError):
            registration_accept(actor=secretariat, registration=registration)
    count = len(PEOPLE.get(unit.code, []))
    return f"Đăng ký thi đua năm {year}: {unit.name} gửi {count} danh hiệu ngày {day:%d/%m/%Y}."


def annual_demo(year: int) -> list[str]:
    """The registrations of 86-SYT, 29308 and 29329 for ``year`` (idempotent); lines
    saying what was made or skipped."""
    if not AwardForm.objects.filter(code__in=["ldtt", "ttldtt"]).exists():
        award_forms_load_shipped()
    forms = {form.code: form for form in AwardForm.objects.all()}
    lines = []
    for code in PEOPLE:
        unit = Unit.objects.filter(code=code).first()
        if unit is None:
            lines.append(f"Đăng ký thi đua năm {year}: không có đơn vị {code}, bỏ qua.")
            continue
        if Registration.objects.filter(unit=unit, year=year).exists():
            continue
        head = _head(unit)
        if head is None:
            lines.append(f"Đăng ký thi đua năm {year}: {unit.name} chưa có thủ trưởng, bỏ qua.")
            continue
        lines.append(_register(unit, year, head, forms))
    return lines
