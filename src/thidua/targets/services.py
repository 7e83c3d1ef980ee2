"""Writes of targets: actual values (recorded one by one or loaded from a file) and units'
own targets in line with the campaign's (their checks: ``targets.values`` and
``targets.unit_targets``).

Every actual value goes through ``_save_value``: check → upsert by (target, period) →
``full_clean`` → save, inside the caller's transaction. ``target_value_record`` adds the
permission check; ``target_values_import`` loads a validated file in one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.campaigns.models import Campaign, CampaignStatus
from thidua.core.dates import PartialDate
from thidua.core.errors import DomainError, NotPermitted
from thidua.core.text import nfc
from thidua.organisations.models import Unit
from thidua.targets.codes import ErrorCode
from thidua.targets.models import Target, TargetValue
from thidua.targets.rules import can_manage_target
from thidua.targets.unit_targets import (
    UnitTargetData,
    inherit,
    refined_target,
    target_problems,
    unit_target,
)
from thidua.targets.values import ValueData, period_label, value_problems


def _reporting_unit(target: Target, unit: Unit | None) -> Unit:
    """The unit that reports: a unit's own target is reported by that unit; a campaign
    target by a unit of the campaign's territory (the issuer when none is named)."""
    owner = target.unit
    if owner is not None:
        if unit is not None and unit.pk != owner.pk:
            raise DomainError(
                _("Số liệu chỉ tiêu riêng của đơn vị do chính đơn vị đó báo cáo."),
                code=ErrorCode.INVALID_TARGET_VALUE,
            )
        return owner
    issuer = target.campaign.issuer_unit
    if unit is None:
        return issuer
    if not unit.path.startswith(issuer.path):
        raise DomainError(
            _("Đơn vị báo cáo không thuộc phạm vi của phong trào."),
            code=ErrorCode.INVALID_TARGET_VALUE,
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
        raise DomainError(" ".join(problems), code=ErrorCode.INVALID_TARGET_VALUE)
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
    _full_clean(row, ErrorCode.INVALID_TARGET_VALUE)
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
    _check_may_set_target(actor, campaign, unit)
    data = UnitTargetData(
        indicator=indicator, kind=kind, comparator=comparator, value=value,
        value_max=value_max, measure_unit=measure_unit, period_from=period_from,
        period_to=period_to, deadline=deadline, code=code, note=note,
    )  # fmt: skip
    parent = refined_target(campaign, parent_target_code) if parent_target_code else None
    if parent is not None:
        inherit(data, parent)
    problems = target_problems(data, parent)
    if problems:
        raise DomainError(" ".join(problems), code=ErrorCode.INVALID_TARGET)
    target = unit_target(campaign, unit, data, parent)
    _full_clean(target, ErrorCode.INVALID_TARGET)
    target.save()
    return target


def _check_may_set_target(actor: Any, campaign: Campaign, unit: Unit) -> None:
    """Refuse, before anything is read, an actor who may not set ``unit``'s targets, a
    unit outside the campaign's territory and a campaign that has ended."""
    probe = Target(campaign=campaign, unit=unit)
    if not can_manage_target(actor, probe):
        raise NotPermitted(
            _(
                "Chỉ cán bộ của đơn vị (hoặc Ban Thi đua - Khen thưởng) mới đặt được chỉ tiêu của đơn vị."
            )
        )
    if not unit.path.startswith(campaign.issuer_unit.path):
        raise DomainError(
            _("Đơn vị không thuộc phạm vi của phong trào này."), code=ErrorCode.INVALID_TARGET
        )
    if campaign.status == CampaignStatus.CLOSED:
        raise DomainError(
            _("Phong trào đã kết thúc: không đặt thêm chỉ tiêu."), code=ErrorCode.CAMPAIGN_CLOSED
        )


def _full_clean(row: Target | TargetValue, code: ErrorCode) -> None:
    """``row.full_clean()``, its refusal raised as a ``DomainError``: a guard, as the
    checks before it should have said what is wrong."""
    try:
        row.full_clean()
    except ValidationError as exc:
        raise DomainError(" ".join(exc.messages), code=code) from exc
