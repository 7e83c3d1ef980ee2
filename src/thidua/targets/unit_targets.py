"""A unit's own target in a campaign (KH 128 IV.1: "các chỉ tiêu, nhiệm vụ của cơ quan,
đơn vị, địa phương"): what the unit states, the checks it must pass, the code it gets and
what it takes from the campaign target it refines.

``targets.services.unit_target_create`` writes it; ``targets.rules.line_problems`` keeps
it in line with the campaign's target.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from thidua.campaigns.models import Campaign
from thidua.core.dates import PartialDate, Precision
from thidua.core.errors import DomainError
from thidua.core.text import nfc
from thidua.organisations.models import Unit
from thidua.targets.codes import ErrorCode
from thidua.targets.models import Comparator, Target, TargetKind
from thidua.targets.rules import line_problems

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


def inherit(data: UnitTargetData, parent: Target) -> None:
    """Blank measure unit, period and deadline come from the campaign target."""
    data.measure_unit = data.measure_unit or parent.measure_unit
    if data.period_from is None and data.period_to is None:
        data.period_from, data.period_to = parent.period_from_partial, parent.period_to_partial
    if data.comparator == Comparator.BEFORE and data.deadline is None:
        data.deadline = parent.deadline


def refined_target(campaign: Campaign, code: str) -> Target:
    """The campaign's own target coded ``code``, which a unit's target refines; refused
    when the campaign has none of that code."""
    parent = Target.objects.filter(campaign=campaign, unit__isnull=True, code=nfc(code)).first()
    if parent is None:
        raise DomainError(
            _("Phong trào không có chỉ tiêu mã %(code)s.") % {"code": code},
            code=ErrorCode.INVALID_TARGET,
        )
    return parent


def target_problems(data: UnitTargetData, parent: Target | None) -> list[str]:
    """What is wrong with ``data``, in Vietnamese: first its own shape, then (once that
    holds) whatever contradicts the campaign target it refines (``rules.line_problems``)."""
    problems = _shape_problems(data)
    if parent is not None and not problems:
        problems = line_problems(
            parent,
            kind=data.kind,
            comparator=data.comparator,
            deadline=data.deadline,
            period_to=data.period_to,
        )
    return problems


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
        raise DomainError(" ".join(problems), code=ErrorCode.INVALID_TARGET)
    return code


def unit_target(
    campaign: Campaign, unit: Unit, data: UnitTargetData, parent: Target | None
) -> Target:
    """The unsaved target ``data`` states for ``unit``, with its code and, when it refines
    ``parent``, that target's place, content area and section."""

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
