"""Writes of targets: actual values (recorded one by one or loaded from a file) and units'
own targets in line with the campaign's.

Every actual value goes through ``_save_value``: check → upsert by (target, period) →
``full_clean`` → save, inside the caller's transaction. ``target_value_record`` adds the
permission check; ``target_values_import`` loads a validated file in one transaction.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.campaigns.models import Campaign, CampaignStatus
from thidua.core.dates import PartialDate, Precision, Quarter, format_date, quarter_of
from thidua.core.errors import DomainError, NotPermitted
from thidua.core.text import nfc
from thidua.organisations.models import Unit
from thidua.targets.models import Comparator, Target, TargetKind, TargetValue
from thidua.targets.rules import can_manage_target, line_problems

#: The largest value the database stores (20 digits, 4 of them after the point).
MAX_VALUE = Decimal(10) ** 16
LABEL_MAX = 64


def period_label(start: dt.date, end: dt.date) -> str:
    """A name for a period: "Năm 2024", "Quý IV/2024", "6 tháng đầu năm 2025",
    "Tháng 11/2024", or "01/01/2025 – 15/03/2025"."""
    if start == dt.date(start.year, 1, 1) and end == dt.date(start.year, 12, 31):
        return _("Năm %(year)s") % {"year": start.year}
    if start == dt.date(start.year, 1, 1) and end == dt.date(start.year, 6, 30):
        return _("6 tháng đầu năm %(year)s") % {"year": start.year}
    quarter = Quarter(start.year, quarter_of(start))
    if (start, end) == (quarter.start, quarter.end):
        return _("Quý %(quarter)s") % {"quarter": quarter.label}
    following = (end + dt.timedelta(days=1)).day == 1
    if start.day == 1 and following and (start.year, start.month) == (end.year, end.month):
        return _("Tháng %(month)s/%(year)s") % {"month": start.month, "year": start.year}
    return f"{format_date(start)} – {format_date(end)}"


@dataclass(frozen=True)
class ValueData:
    """One actual value as a person, a program or a file states it."""

    period_start: dt.date
    period_end: dt.date
    label: str = ""
    value: Decimal | None = None
    achieved_on: dt.date | None = None
    is_estimate: bool = False
    source: str = ""
    note: str = ""


def value_problems(target: Target, data: ValueData, today: dt.date) -> list[str]:
    """What is wrong with ``data`` for ``target``, in Vietnamese (empty when it fits)."""
    problems = []
    if not nfc(data.source):
        problems.append(_("Hãy ghi nguồn số liệu: văn bản, trang thông tin hoặc cơ quan công bố."))
    if len(nfc(data.label)) > LABEL_MAX:
        problems.append(_("Tên kỳ dài quá 64 ký tự."))
    if data.period_end < data.period_start:
        problems.append(_("Ngày cuối kỳ phải từ ngày đầu kỳ trở đi."))
    if target.kind == TargetKind.MILESTONE or target.comparator == Comparator.BEFORE:
        return problems + _milestone_problems(target, data, today)
    return problems + _number_problems(target, data, today)


def _milestone_problems(target: Target, data: ValueData, today: dt.date) -> list[str]:
    """A milestone takes the day it was reached: in the period, not after today."""
    problems = []
    if data.achieved_on is None or data.value is not None:
        problems.append(
            _(
                "Chỉ tiêu %(code)s là mốc hoàn thành: ghi ngày đạt (achieved_on), không ghi giá trị số."
            )
            % {"code": target.code}
        )
    if data.achieved_on is not None and data.achieved_on > today:
        problems.append(_("Ngày đạt không được sau hôm nay."))
    elif data.achieved_on is not None and not (
        data.period_start <= data.achieved_on <= data.period_end
    ):
        problems.append(_("Ngày đạt phải nằm trong kỳ số liệu."))
    return problems


def _number_problems(target: Target, data: ValueData, today: dt.date) -> list[str]:
    """Any other target takes a number the database can hold; a period not yet over
    (a year-end figure published in December) only an estimate."""
    problems = []
    if data.value is None or data.achieved_on is not None:
        problems.append(
            _(
                "Chỉ tiêu %(code)s cần giá trị số (value) theo đơn vị tính %(unit)s; "
                "ngày đạt chỉ dùng cho chỉ tiêu mốc hoàn thành."
            )
            % {"code": target.code, "unit": target.measure_unit or "—"}
        )
    elif (
        not data.value.is_finite()
        or abs(data.value) >= MAX_VALUE
        or -int(data.value.as_tuple().exponent) > 4
    ):
        problems.append(_("Giá trị phải nhỏ hơn 10^16 và có tối đa 4 chữ số thập phân."))
    if data.period_start <= data.period_end and data.period_end > today and not data.is_estimate:
        problems.append(
            _("Kỳ số liệu chưa kết thúc (đến %(end)s): chỉ ghi được số ước tính (is_estimate).")
            % {"end": format_date(data.period_end)}
        )
    return problems


def _reporting_unit(target: Target, unit: Unit | None) -> Unit:
    """The unit that reports: a unit's own target is reported by that unit; a campaign
    target by a unit of the campaign's territory (the issuer when none is named)."""
    owner = target.unit
    if owner is not None:
        if unit is not None and unit.pk != owner.pk:
            raise DomainError(
                _("Số liệu chỉ tiêu riêng của đơn vị do chính đơn vị đó báo cáo."),
                code="invalid_target_value",
            )
        return owner
    issuer = target.campaign.issuer_unit
    if unit is None:
        return issuer
    if not unit.path.startswith(issuer.path):
        raise DomainError(
            _("Đơn vị báo cáo không thuộc phạm vi của phong trào."), code="invalid_target_value"
        )
    return unit


def _save_value(
    *, target: Target, data: ValueData, unit: Unit | None, actor: Any, today: dt.date
) -> tuple[TargetValue, str]:
    """Check ``data`` against the target, then insert or update the value of that period.

    Returns the value and what happened: ``created``, ``updated`` or ``unchanged``.
    Guarantees: one value per (target, period) (the constraint ``target_value_once``), a
    source on every value, a day for a milestone and a number for everything else. The
    caller holds the transaction.
    """
    problems = value_problems(target, data, today)
    if problems:
        raise DomainError(" ".join(problems), code="invalid_target_value")
    reporter = _reporting_unit(target, unit)
    existing = (
        TargetValue.objects.select_for_update()
        .filter(target=target, period_start=data.period_start, period_end=data.period_end)
        .first()
    )
    row = existing or TargetValue(
        target=target, period_start=data.period_start, period_end=data.period_end
    )
    fields = {
        "label": nfc(data.label) or period_label(data.period_start, data.period_end),
        "value": data.value,
        "achieved_on": data.achieved_on,
        "is_estimate": data.is_estimate,
        "source": nfc(data.source),
        "note": nfc(data.note),
        "unit_id": reporter.pk,
        "reported_by_id": actor.pk if getattr(actor, "is_authenticated", False) else None,
    }
    if existing is not None and all(getattr(row, k) == v for k, v in fields.items()):
        return row, "unchanged"
    for name, new in fields.items():
        setattr(row, name, new)
    try:
        row.full_clean()
    except ValidationError as exc:  # a guard: the checks above should have said it
        raise DomainError(" ".join(exc.messages), code="invalid_target_value") from exc
    row.save()
    return row, "updated" if existing is not None else "created"


@transaction.atomic
def target_value_record(
    *,
    actor: Any,
    target: Target,
    period_start: dt.date,
    period_end: dt.date,
    label: str,
    value: Decimal | None = None,
    achieved_on: dt.date | None = None,
    is_estimate: bool = False,
    source: str,
    note: str = "",
    unit: Unit | None = None,
) -> TargetValue:
    """Record (or correct) the actual value of ``target`` for one period, with its source.

    Who: the secretariat covering the campaign or an administrator; for a unit's own
    target also that unit's officers and head (``rules.can_manage_target``). A second
    value for the same period replaces the first (a corrected or final figure). A blank
    ``label`` is named from the period ("Năm 2024", "Quý I/2025"). Refused, in
    Vietnamese: no source; a number for a milestone or a day for anything else; a period
    not yet over unless the figure is an estimate (ước tính).
    """
    if not can_manage_target(actor, target):
        raise NotPermitted(
            _(
                "Chỉ Ban Thi đua - Khen thưởng phụ trách phong trào (hoặc chính đơn vị, với chỉ "
                "tiêu riêng của đơn vị) mới ghi được số liệu của chỉ tiêu này."
            )
        )
    data = ValueData(
        period_start=period_start,
        period_end=period_end,
        label=label,
        value=value,
        achieved_on=achieved_on,
        is_estimate=is_estimate,
        source=source,
        note=note,
    )
    row, _created = _save_value(
        target=target, data=data, unit=unit, actor=actor, today=timezone.localdate()
    )
    return row


@dataclass(frozen=True)
class ImportRow:
    """One value of a values file, resolved to its target and reporting unit."""

    target: Target
    unit: Unit | None
    data: ValueData


@transaction.atomic
def target_values_import(*, rows: Sequence[ImportRow], actor: Any = None) -> dict[str, int]:
    """Upsert every row in one transaction; count what was ``created``, ``updated`` and
    left ``unchanged`` (a file loaded twice changes nothing the second time).

    For files validated whole beforehand (``targets.loading``): a refused row undoes
    them all. Without an actor (the command line) no permission is checked; with one,
    each target must be one the actor may manage.
    """
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    today = timezone.localdate()
    for row in rows:
        if actor is not None and not can_manage_target(actor, row.target):
            raise NotPermitted()
        _value, outcome = _save_value(
            target=row.target, data=row.data, unit=row.unit, actor=actor, today=today
        )
        counts[outcome] += 1
    return counts


# --- Units' own targets (KH 128 IV.1: "các chỉ tiêu, nhiệm vụ của cơ quan, đơn vị, địa phương")

_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$")


@dataclass
class UnitTargetData:
    """What a unit states for its own target; blanks are taken from the campaign target."""

    indicator: str
    kind: str
    comparator: str
    value: Decimal | None = None
    value_max: Decimal | None = None
    measure_unit: str = ""
    period_from: PartialDate | None = None
    period_to: PartialDate | None = None
    deadline: dt.date | None = None
    code: str = ""
    note: str = ""


def _shape_problems(data: UnitTargetData) -> list[str]:
    """The checks of a campaign file's targets (campaigns/files/validate.py), for one target."""
    problems = []
    if not nfc(data.indicator):
        problems.append(_("Hãy nhập tên chỉ tiêu."))
    if data.kind not in TargetKind.values or data.comparator not in Comparator.values:
        return [*problems, _("Loại chỉ tiêu hoặc phép so sánh không hợp lệ.")]
    if data.comparator == Comparator.BETWEEN:
        if data.value is None or data.value_max is None or data.value_max < data.value:
            problems.append(
                _("So sánh “trong khoảng” cần giá trị và giá trị tối đa không nhỏ hơn.")
            )
    elif data.comparator == Comparator.BEFORE:
        if data.deadline is None or data.value is not None:
            problems.append(_("Chỉ tiêu mốc hoàn thành cần thời hạn, không có giá trị số."))
    elif data.value is None or data.value_max is not None:
        problems.append(
            _("Chỉ tiêu cần một giá trị; giá trị tối đa chỉ dùng khi so sánh trong khoảng.")
        )
    if (data.kind == TargetKind.MILESTONE) != (data.comparator == Comparator.BEFORE):
        problems.append(
            _("Chỉ tiêu mốc hoàn thành đi cùng phép so sánh “hoàn thành trước”, và ngược lại.")
        )
    start, end = data.period_from, data.period_to
    if start and end and start.first_day() > end.last_day():
        problems.append(_("Thời gian bắt đầu phải trước thời gian kết thúc."))
    return problems


def _inherit(data: UnitTargetData, parent: Target) -> None:
    """Blank measure unit, period and deadline come from the campaign target."""
    data.measure_unit = data.measure_unit or parent.measure_unit
    if data.period_from is None and data.period_to is None:
        data.period_from, data.period_to = parent.period_from_partial, parent.period_to_partial
    if data.comparator == Comparator.BEFORE and data.deadline is None:
        data.deadline = parent.deadline


def _unit_code(campaign: Campaign, unit: Unit, wanted: str, parent: Target | None) -> str:
    """The code asked for, or the parent's code (``T10``, then ``T10.1``, …), or ``DV1``…"""
    taken = set(Target.objects.filter(campaign=campaign, unit=unit).values_list("code", flat=True))
    campaign_codes = set(
        Target.objects.filter(campaign=campaign, unit__isnull=True).values_list("code", flat=True)
    )
    code = nfc(wanted)
    if not code:
        stem = parent.code if parent else "DV"
        candidates = [stem] if parent else []
        candidates += [f"{stem}.{n}" if parent else f"{stem}{n}" for n in range(1, 1000)]
        code = next(c for c in candidates if c not in taken)
    problems = []
    if not _CODE.match(code):
        problems.append(
            _(
                "Mã chỉ tiêu chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới (tối đa 32 ký tự)."
            )
        )
    if code in taken:
        problems.append(
            _("Đơn vị đã có chỉ tiêu mã %(code)s trong phong trào này.") % {"code": code}
        )
    base = code.split(".", 1)[0]
    if base in campaign_codes and (parent is None or base != parent.code):
        problems.append(
            _("Mã %(code)s dành cho chỉ tiêu cụ thể hóa chỉ tiêu %(base)s của phong trào.")
            % {"code": code, "base": base}
        )
    if problems:
        raise DomainError(" ".join(problems), code="invalid_target")
    return code


@transaction.atomic
def unit_target_create(
    *,
    actor: Any,
    campaign: Campaign,
    unit: Unit,
    parent_target_code: str | None,
    indicator: str,
    kind: str,
    comparator: str,
    value: Decimal | None,
    value_max: Decimal | None = None,
    measure_unit: str = "",
    period_from: PartialDate | None = None,
    period_to: PartialDate | None = None,
    deadline: dt.date | None = None,
    code: str = "",
    note: str = "",
) -> Target:
    """Set a unit's own target in a campaign, in line with the campaign target it refines.

    KH 128 IV.1: every body makes its own plan, setting out how it carries out "các chỉ
    tiêu, nhiệm vụ của cơ quan, đơn vị, địa phương", in line with the province's. Who:
    that unit's officers or head, the secretariat covering the campaign, an administrator.
    With ``parent_target_code`` the target refines that campaign target: its code is the
    parent's (``T10``, then ``T10.1`` …), blanks take the parent's measure unit, period and
    deadline, and ``rules.line_problems`` refuses what contradicts it — a kind that
    measures something else, a comparator the other way round ("dưới" under "từ … trở
    lên"), a deadline or period end later than the province's.
    """
    probe = Target(campaign=campaign, unit=unit)
    if not can_manage_target(actor, probe):
        raise NotPermitted(
            _(
                "Chỉ cán bộ của đơn vị (hoặc Ban Thi đua - Khen thưởng) mới đặt được chỉ tiêu của đơn vị."
            )
        )
    if not unit.path.startswith(campaign.issuer_unit.path):
        raise DomainError(
            _("Đơn vị không thuộc phạm vi của phong trào này."), code="invalid_target"
        )
    if campaign.status == CampaignStatus.CLOSED:
        raise DomainError(
            _("Phong trào đã kết thúc: không đặt thêm chỉ tiêu."), code="campaign_closed"
        )
    data = UnitTargetData(
        indicator=indicator, kind=kind, comparator=comparator, value=value,
        value_max=value_max, measure_unit=measure_unit, period_from=period_from,
        period_to=period_to, deadline=deadline, code=code, note=note,
    )  # fmt: skip
    parent = None
    if parent_target_code:
        parent = Target.objects.filter(
            campaign=campaign, unit__isnull=True, code=nfc(parent_target_code)
        ).first()
        if parent is None:
            raise DomainError(
                _("Phong trào không có chỉ tiêu mã %(code)s.") % {"code": parent_target_code},
                code="invalid_target",
            )
        _inherit(data, parent)
    problems = _shape_problems(data)
    if parent is not None and not problems:
        problems = line_problems(
            parent,
            kind=data.kind,
            comparator=data.comparator,
            deadline=data.deadline,
            period_to=data.period_to,
        )
    if problems:
        raise DomainError(" ".join(problems), code="invalid_target")
    target = _unit_target(campaign, unit, data, parent)
    try:
        target.full_clean()
    except ValidationError as exc:  # a guard: the checks above should have said it
        raise DomainError(" ".join(exc.messages), code="invalid_target") from exc
    target.save()
    return target


def _unit_target(
    campaign: Campaign, unit: Unit, data: UnitTargetData, parent: Target | None
) -> Target:
    def stored(partial: PartialDate | None) -> tuple[dt.date | None, str]:
        if partial is None:
            return None, Precision.DAY.value
        return partial.first_day(), partial.precision.value

    period_from, from_precision = stored(data.period_from)
    period_to, to_precision = stored(data.period_to)
    return Target(
        campaign=campaign,
        unit=unit,
        position=parent.position if parent else 999,
        code=_unit_code(campaign, unit, data.code, parent),
        indicator=nfc(data.indicator),
        kind=data.kind,
        comparator=data.comparator,
        value=data.value,
        value_max=data.value_max,
        measure_unit=nfc(data.measure_unit),
        period_from=period_from,
        period_from_precision=from_precision,
        period_to=period_to,
        period_to_precision=to_precision,
        deadline=data.deadline,
        content_area=parent.content_area if parent else None,
        section=parent.section if parent else "",
        note=nfc(data.note),
    )
