"""The figures of the consolidated report of a period, all from SQL aggregates.

Submission of the units' reports, the campaign's targets evaluated at the period's end,
and the works by district and by content area with the highlights. The number of queries
does not grow with the number of units, targets or works.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import (
    Avg,
    BigIntegerField,
    Case,
    Count,
    F,
    FilteredRelation,
    IntegerField,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.campaigns.models import Campaign, ContentArea, RegistrationRule
from thidua.core.dates import format_date
from thidua.core.validity import valid_on
from thidua.documents.official import body_abbreviation, vn_number
from thidua.organisations.models import Unit, UnitKind
from thidua.reports.models import ReportPeriod, ReportState
from thidua.targets.evaluation import Status, evaluate, values_in_period
from thidua.targets.models import Comparator, Target, TargetKind, TargetValue
from thidua.works.models import Work, WorkState
from thidua.works.selectors import with_flags

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
#: How many works each list of highlights shows.
HIGHLIGHTS = 10
_DONE = [ReportState.SUBMITTED, ReportState.ACCEPTED]
#: Registered works: submitted and not withdrawn (no drafts, no cancelled works).
_REGISTERED = [
    WorkState.SUBMITTED,
    WorkState.RETURNED,
    WorkState.APPROVED,
    WorkState.IN_PROGRESS,
    WorkState.COMPLETED,
]
#: Order of the units in the submission table: departments first, then districts.
_KIND_ORDER = [
    UnitKind.DEPARTMENT,
    UnitKind.MASS_ORGANISATION,
    UnitKind.DISTRICT,
    UnitKind.COMMUNE,
    UnitKind.ENTERPRISE,
    UnitKind.OTHER,
]
_SYMBOLS = {"gte": "≥ ", "gt": "> ", "lte": "≤ ", "lt": "< ", "eq": ""}


def consolidation_data(period: ReportPeriod, *, today: dt.date | None = None) -> dict[str, Any]:
    """Every figure of the consolidated report of ``period``, as plain values.

    ``today`` is the generation date (Vietnam time by default); works are flagged late or
    ahead as of the period's end, or today when the period is still running. Guarantees:
    the counts equal what the reports, targets and works tables hold; a fixed number of
    queries whatever the number of units, targets and works; nothing is written.
    """
    period = ReportPeriod.objects.select_related(
        "campaign__issuer_unit", "campaign__reporting_rule__recipient_unit"
    ).get(pk=period.pk)
    campaign = period.campaign
    generated_on = today or timezone.localdate(timezone=VIETNAM)
    as_of = min(generated_on, period.end)
    head = _letterhead(campaign)
    phrase = _period_phrase(period)
    return {
        "generated_on": generated_on,
        "as_of": as_of,
        "letterhead": head,
        "title": _("Kết quả thực hiện %(campaign)s %(period)s")
        % {"campaign": _short_title(campaign), "period": phrase},
        "campaign": {
            "code": campaign.code,
            "title": campaign.title,
            "doc_kind": campaign.doc_kind,
            "doc_number": campaign.doc_number,
            "doc_date": campaign.doc_date,
            "issuer_name": campaign.issuer_name,
        },
        "period": {
            "label": period.label,
            "phrase": phrase,
            "start": period.start,
            "end": period.end,
            "due": period.effective_due,
        },
        "submission": _submission(period, generated_on),
        "targets": _targets(period, as_of),
        "works": _works(period, as_of),
    }


# --- Letterhead and title ---------------------------------------------------------------


def _letterhead(campaign: Campaign) -> dict[str, str]:
    """The issuing body is the recipient of the units' reports (the reporting rule's unit,
    KH 128 IV.2: Sở Nội vụ), under the campaign's issuer; both come from the campaign."""
    rule = getattr(campaign, "reporting_rule", None)
    if rule is not None and rule.recipient_unit is not None:
        body = rule.recipient_unit.name
    elif rule is not None and rule.recipient_name:
        body = re.sub(r"\s*\(.*\)\s*$", "", rule.recipient_name)
    else:
        body = campaign.issuer_name
    parent = campaign.parent_issuer_name
    if body.casefold() != campaign.issuer_name.casefold():
        parent = campaign.issuer_name
    # A parent body is commonly abbreviated in the letterhead: "UBND TỈNH TRÀ VINH".
    parent = re.sub(r"^(ỦY|UỶ) BAN NHÂN DÂN\b", "UBND", parent.upper())
    return {
        "parent_body": parent,
        "issuing_body": body.upper(),
        "body_name": body,
        "body_code": body_abbreviation(body),
        "place": campaign.doc_place,
    }


def _short_title(campaign: Campaign) -> str:
    """The campaign's title without "Phát động" and cut at its first comma when long:
    "đợt thi đua lập thành tích chào mừng Đại hội đảng bộ các cấp"."""
    title = re.sub(r"^phát động\s+", "", campaign.title.strip(), flags=re.IGNORECASE)
    if len(title) > 90 and "," in title:
        title = title.split(",", 1)[0]
    return title[:1].lower() + title[1:]


def _period_phrase(period: ReportPeriod) -> str:
    """The period as a title says it: "Quý IV/2024" → "quý IV/2024"."""
    label = period.label.strip()
    return label[:1].lower() + label[1:] if label.casefold().startswith("quý") else label


# --- I. Submission ---------------------------------------------------------------------


def _owed(period: ReportPeriod) -> QuerySet[Unit]:
    """Units that owe a report for ``period``, with their report joined (if any).

    Those of a kind that reports directly (a registration rule not "via parent": KH 128
    II.2.b) under the campaign's issuer and existing at the period's end, plus any unit
    that has a report for the period.
    """
    campaign = period.campaign
    kinds = {
        kind
        for kinds in RegistrationRule.objects.filter(
            campaign=campaign, via_parent=False
        ).values_list("unit_kinds", flat=True)
        for kind in kinds
    }
    issuer = campaign.issuer_unit
    owed = (
        Q(kind__in=sorted(kinds), path__startswith=issuer.path)
        & valid_on(period.end)
        & ~Q(pk=issuer.pk)
    )
    return Unit.objects.annotate(
        report=FilteredRelation("reports", condition=Q(reports__period=period))
    ).filter(owed | Q(report__pk__isnull=False))


def _submission_row(row: dict[str, Any], overdue: bool) -> dict[str, Any]:
    """A unit's line: its report's state, the day it was submitted (Vietnam time) and
    whether that was on time; a report still open (or returned) is *quá hạn* once the
    due date has passed."""
    state = row["report__state"] or ReportState.OPEN.value
    submitted = row["report__submitted_at"]
    done = state in _DONE
    if done:
        note = _("Trễ hạn") if row["report__submitted_late"] else _("Đúng hạn")
    else:
        note = _("Quá hạn") if overdue else ""
    return {
        "code": row["code"],
        "name": row["name"],
        "state": state,
        "state_label": str(ReportState(state).label),
        "submitted_on": timezone.localtime(submitted, VIETNAM).date() if submitted else None,
        "late": done and bool(row["report__submitted_late"]),
        "note": note,
    }


def _submission(period: ReportPeriod, today: dt.date) -> dict[str, Any]:
    """How many units owe a report, submitted it on time, late or not yet (returned
    reports count as not yet: they must be submitted again), and one line per unit:
    departments and other provincial bodies first, then districts, by code."""
    units = _owed(period)
    done = Q(report__state__in=_DONE)
    counts = units.aggregate(
        owed=Count("pk"),
        on_time=Count("pk", filter=done & Q(report__submitted_late=False)),
        late=Count("pk", filter=done & Q(report__submitted_late=True)),
    )
    counts["missing"] = counts["owed"] - counts["on_time"] - counts["late"]
    rank = Case(
        *(When(kind=kind, then=Value(i)) for i, kind in enumerate(_KIND_ORDER)),
        default=Value(len(_KIND_ORDER)),
        output_field=IntegerField(),
    )
    rows = units.annotate(rank=rank).order_by("rank", "code")
    fields = ("code", "name", "report__state", "report__submitted_at", "report__submitted_late")
    overdue = today > period.effective_due
    return {
        "counts": counts,
        "rows": [_submission_row(row, overdue) for row in rows.values(*fields)],
    }


# --- II. Targets -----------------------------------------------------------------------


def goal_text(target: Target) -> str:
    """The target as the plan states it: "≥ 99,5 %", "10 – 11 %", "trước 01/01/2025"."""
    unit = f" {target.measure_unit}" if target.measure_unit else ""
    if target.comparator == Comparator.BEFORE:
        return _("trước %(date)s") % {"date": format_date(target.deadline)}
    if target.value is None:
        return "—"
    if target.comparator == Comparator.BETWEEN:
        return f"{vn_number(target.value)} – {vn_number(target.value_max)}{unit}"
    return f"{_SYMBOLS.get(target.comparator, '')}{vn_number(target.value)}{unit}"


def _target_row(target: Target, known: list[TargetValue], as_of: dt.date) -> dict[str, Any]:
    """One target: its goal, the measured result with the source of the latest value used,
    and its status; a milestone shows the day it was achieved."""
    result = evaluate(target, known, as_of)
    used = [v for v in values_in_period(target, known) if v.value is not None]
    latest = used[-1] if used else None
    unit = f" {target.measure_unit}" if target.measure_unit else ""
    text = f"{vn_number(result.measured)}{unit}" if result.measured is not None else ""
    if target.kind == TargetKind.MILESTONE or target.comparator == Comparator.BEFORE:
        achieved = [v for v in known if v.achieved_on is not None]
        latest = min(achieved, key=lambda v: v.achieved_on or dt.date.max) if achieved else None
        if latest is not None:
            text = _("Hoàn thành ngày %(date)s") % {"date": format_date(latest.achieved_on)}
    if latest is not None and latest.is_estimate:
        text += " " + _("(ước tính)")
    return {
        "code": target.code,
        "indicator": target.indicator,
        "goal": goal_text(target),
        "value": target.value,
        "value_max": target.value_max,
        "measure_unit": target.measure_unit,
        "result": result.measured,
        "result_text": text,
        "result_label": latest.label if latest else "",
        "source": latest.source if latest else "",
        "status": result.status.value,
        "status_label": result.status.label,
    }


def _targets(period: ReportPeriod, as_of: dt.date) -> dict[str, Any]:
    """The campaign's own targets (not units' targets), each evaluated on the values known
    at the period's end (``targets.evaluation.evaluate``)."""
    known = TargetValue.objects.filter(period_end__lte=period.end).order_by("period_end", "pk")
    targets = (
        Target.objects.filter(campaign_id=period.campaign_id, unit__isnull=True)
        .prefetch_related(Prefetch("values", queryset=known, to_attr="known"))
        .order_by("position", "code")
    )
    rows = [_target_row(target, target.known, as_of) for target in targets]
    counts = {status.value: sum(r["status"] == status.value for r in rows) for status in Status}
    return {"rows": rows, "counts": counts}


# --- III and IV. Works -----------------------------------------------------------------

METRICS = ("registered", "in_progress", "completed", "late", "ahead", "average")


def _metrics() -> dict[str, Any]:
    return {
        "registered": Count("pk"),
        "in_progress": Count("pk", filter=Q(state=WorkState.IN_PROGRESS)),
        "completed": Count("pk", filter=Q(state=WorkState.COMPLETED)),
        "late": Count("pk", filter=Q(late=True)),
        "ahead": Count("pk", filter=Q(ahead=True)),
        "average": Avg("percent_complete"),
    }


def _first(rows: QuerySet[Any, dict[str, Any]]) -> dict[str, Any] | None:
    """The first row as it comes (``first()`` would order, and group, by the key)."""
    return next(iter(rows), None)


def _row(values: dict[str, Any] | None) -> dict[str, Any]:
    row = {key: (values or {}).get(key) or 0 for key in METRICS}
    average = (values or {}).get("average")
    row["average"] = None if average is None else Decimal(str(round(float(average), 1)))
    return row


def _by_district(works: QuerySet[Work], period: ReportPeriod) -> list[dict[str, Any]]:
    """One row per district of the campaign (existing at the period's end, or holding
    works), then one for the works of units outside any district (departments, mass
    organisations). A work counts for its own unit if that is a district, else for the
    district above its commune."""
    issuer = period.campaign.issuer_unit
    district = Case(
        When(unit__kind=UnitKind.DISTRICT, then=F("unit_id")),
        When(unit__parent__kind=UnitKind.DISTRICT, then=F("unit__parent_id")),
        default=None,
        output_field=BigIntegerField(),
    )
    grouped = works.annotate(district=district).values("district").annotate(**_metrics())
    per_district = {row.pop("district"): row for row in grouped.order_by()}
    districts = Unit.objects.filter(
        (Q(kind=UnitKind.DISTRICT, path__startswith=issuer.path) & valid_on(period.end))
        | Q(pk__in=[pk for pk in per_district if pk is not None])
    ).order_by("code")
    rows = [
        {"name": unit["name"], **_row(per_district.get(unit["pk"]))}
        for unit in districts.values("pk", "name")
    ]
    if None in per_district:
        others = _("Sở, ban, ngành, đoàn thể và đơn vị khác")
        rows.append({"name": others, **_row(per_district[None])})
    return rows


def _by_area(works: QuerySet[Work], campaign_id: int) -> list[dict[str, Any]]:
    """One row per content area of the campaign, in the plan's order, then one for works
    without an area."""
    grouped = works.values("content_area").annotate(**_metrics())
    per_area = {row.pop("content_area"): row for row in grouped.order_by()}
    areas = ContentArea.objects.filter(campaign_id=campaign_id).order_by("position", "code")
    rows = [
        {"code": area["code"], "name": area["title"], **_row(per_area.get(area["pk"]))}
        for area in areas.values("pk", "code", "title")
    ]
    if None in per_area:
        rows.append({"code": "", "name": _("Chưa xác định nội dung"), **_row(per_area[None])})
    return rows


def _works(period: ReportPeriod, as_of: dt.date) -> dict[str, Any]:
    """Registered works of the campaign by district and by content area, the totals, and
    the highlights: works completed ahead of schedule (latest first) and late works (most
    overdue first), at most ``HIGHLIGHTS`` each. Flags are those of ``with_flags``."""
    works = with_flags(
        Work.objects.filter(campaign_id=period.campaign_id, state__in=_REGISTERED), as_of
    )
    fields = ("title", "unit__name", "planned_finish", "actual_finish", "percent_complete")
    ahead = works.filter(Q(ahead=True)).order_by("-actual_finish", "pk")
    late = works.filter(Q(late=True)).order_by("planned_finish", "pk")
    # Grouped by the (single) campaign, not ``aggregate()``: Django writes an aggregate
    # filter on an annotation as a bare alias there ("FILTER (WHERE late)"), which SQLite
    # reads as false and PostgreSQL refuses; a grouped query inlines the expression.
    total = works.values("campaign_id").annotate(**_metrics()).order_by()
    return {
        "by_district": _by_district(works, period),
        "by_area": _by_area(works, period.campaign_id),
        "total": _row(_first(total)),
        "ahead": list(ahead.values(*fields)[:HIGHLIGHTS]),
        "late": list(late.values(*fields)[:HIGHLIGHTS]),
    }
