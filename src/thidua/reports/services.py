"""Writes of reports: the periods and reports of a campaign, drafts, and the workflow.

Every state change goes through ``_transition``: lock → check the table → check
permission → apply → save → append an event → effects after commit. No other code
assigns ``UnitReport.state``.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.campaigns.models import Campaign, ContentArea
from thidua.campaigns.selectors import DueDate, reporting_calendar
from thidua.core.dates import Quarter
from thidua.core.errors import DomainError, NotPermitted
from thidua.core.notifications import notify
from thidua.core.text import nfc
from thidua.core.uploads import check_evidence
from thidua.reports.models import (
    ReportAttachment,
    ReportEvent,
    ReportPeriod,
    ReportSection,
    ReportState,
    UnitReport,
)
from thidua.reports.prefill import report_prefill
from thidua.reports.reminders import unit_staff
from thidua.reports.rules import can_view_report, is_report_unit_staff, may_act
from thidua.reports.selectors import participating_units
from thidua.reports.transitions import EDITABLE_STATES, TRANSITIONS, Action


def period_label(quarter: Quarter) -> str:
    """The period's name as documents write it, e.g. "Quý IV/2024" (stored data)."""
    return f"Quý {quarter.label}"


@dataclass(frozen=True)
class GenerateResult:
    """What ``report_periods_generate`` changed."""

    periods: int
    periods_created: int
    periods_updated: int
    reports_created: int
    lateness_changed: int


def _recheck_lateness(period: ReportPeriod, actor: Any) -> int:
    """Re-judge submitted reports against a moved effective due date; return the count."""
    changed = 0
    for report in UnitReport.objects.select_for_update().filter(
        period=period, submitted_at__isnull=False
    ):
        assert report.submitted_at is not None
        late = timezone.localdate(report.submitted_at) > period.effective_due
        if late != report.submitted_late:
            report.submitted_late = late
            report.save(update_fields=["submitted_late", "updated_at"])
            ReportEvent.objects.create(
                report=report,
                actor=actor,
                kind="lateness_changed",
                payload={"effective_due": period.effective_due.isoformat(), "late": late},
            )
            changed += 1
    return changed


def _upsert_period(
    campaign: Campaign, due: DueDate, existing: dict[tuple[int, int], ReportPeriod]
) -> tuple[ReportPeriod, str]:
    quarter = due.quarter
    values = {
        "label": period_label(quarter),
        "start": quarter.start,
        "end": quarter.end,
        "nominal_due": due.nominal,
        "effective_due": due.effective,
    }
    period = existing.get((quarter.year, quarter.number))
    if period is None:
        period = ReportPeriod.objects.create(
            campaign=campaign, year=quarter.year, number=quarter.number, **values
        )
        return period, "created"
    changed = {name for name, value in values.items() if getattr(period, name) != value}
    if not changed:
        return period, "same"
    for name in changed:
        setattr(period, name, values[name])
    period.save()
    return period, "due_moved" if "effective_due" in changed else "updated"


def _create_reports(campaign: Campaign, period: ReportPeriod, actor: Any) -> int:
    have = set(UnitReport.objects.filter(period=period).values_list("unit_id", flat=True))
    missing = [
        pk
        for pk in participating_units(campaign, period.end).values_list("pk", flat=True)
        if pk not in have
    ]
    if not missing:
        return 0
    UnitReport.objects.bulk_create([UnitReport(period=period, unit_id=pk) for pk in missing])
    created = UnitReport.objects.filter(period=period, unit_id__in=missing).values_list(
        "pk", flat=True
    )
    ReportEvent.objects.bulk_create(
        ReportEvent(report_id=pk, actor=actor, kind="created", to_state=ReportState.OPEN)
        for pk in created
    )
    return len(missing)


@transaction.atomic
def report_periods_generate(campaign: Campaign, *, actor: Any = None) -> GenerateResult:
    """Create or update the campaign's report periods, then each missing unit report.

    Periods follow ``campaigns.selectors.reporting_calendar`` (KH 128 IV.2: quarterly, the
    15th of the last month of the quarter; the weekend policy gives the effective due
    date). Re-running after the policy changed moves ``effective_due`` and re-judges the
    lateness of reports already submitted. Each participating unit (see
    ``selectors.participating_units``) gets one open report per period. Idempotent:
    nothing is deleted, and a second run changes nothing.
    """
    # Locked and read afresh: one run at a time, and never a stale reporting rule.
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    existing = {
        (p.year, p.number): p
        for p in ReportPeriod.objects.select_for_update().filter(campaign=campaign)
    }
    created = updated = reports = lateness = 0
    calendar = reporting_calendar(campaign)
    for due in calendar:
        period, outcome = _upsert_period(campaign, due, existing)
        created += outcome == "created"
        updated += outcome in {"updated", "due_moved"}
        if outcome == "due_moved":
            lateness += _recheck_lateness(period, actor)
        reports += _create_reports(campaign, period, actor)
    return GenerateResult(len(calendar), created, updated, reports, lateness)


_BAD = object()


def _figure(value: Any) -> Any:
    """A figure as JSON: None, a text, a whole or finite number (a decimal kept exact as
    text); ``_BAD`` for anything else (a yes/no, a list, NaN)."""
    if value is None:
        return None
    if isinstance(value, str):
        return nfc(value).strip()
    if isinstance(value, Decimal):
        return format(value, "f") if value.is_finite() else _BAD
    if isinstance(value, float):
        return value if math.isfinite(value) else _BAD
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return _BAD


def _clean_figures(figures: Mapping[str, Any]) -> dict[str, Any]:
    """Figures: names to numbers or short texts; refuses anything else, in Vietnamese."""
    if not isinstance(figures, Mapping):
        raise DomainError(_("Số liệu không hợp lệ."), code="invalid_figures")
    clean: dict[str, Any] = {}
    for name, value in figures.items():
        key, figure = nfc(str(name)).strip(), _figure(value)
        if not key or figure is _BAD:
            raise DomainError(
                _("Số liệu “%(name)s” không hợp lệ: hãy nhập một số hoặc một dòng chữ.")
                % {"name": key or "?"},
                code="invalid_figures",
            )
        clean[key] = figure
    return clean


def _clean_sections(report: UnitReport, sections: Mapping[int, str]) -> dict[int, str]:
    """Narratives keyed by content areas of the report's campaign (others refused)."""
    try:
        wanted = {int(pk): nfc(text or "").strip() for pk, text in sections.items()}
    except (TypeError, ValueError):
        wanted = {-1: ""}  # not an id: refused below like an unknown content area
    known = set(
        ContentArea.objects.filter(
            campaign_id=report.period.campaign_id, pk__in=list(wanted)
        ).values_list("pk", flat=True)
    )
    if set(wanted) - known:
        raise DomainError(
            _("Nội dung thi đua được chọn không thuộc phong trào của báo cáo này."),
            code="invalid_section",
        )
    return wanted


def _editable(report: UnitReport) -> None:
    if report.state not in EDITABLE_STATES:
        raise DomainError(
            _("Báo cáo đã nộp hoặc đã được tiếp nhận: không sửa được nữa."), code="not_editable"
        )


def report_save(
    *,
    actor: Any,
    report: UnitReport,
    summary: str,
    figures: Mapping[str, Any] | None = None,
    sections: Mapping[int, str] | None = None,
    files: list[Any] | None = None,
) -> UnitReport:
    """Save the unit's draft: summary, figures, a narrative per content area, new files.

    Only the unit's officers and head (or an administrator) may, and only while the
    report is open or returned. Every file is checked by content and size before
    anything is written: a bad file rejects the whole save. The first save stores the
    pre-filled snapshot when the report has none yet.
    """
    if not is_report_unit_staff(actor, report):
        raise NotPermitted(_("Chỉ cán bộ, thủ trưởng của đơn vị mới lập báo cáo này."))
    clean_figures = None if figures is None else _clean_figures(figures)
    clean_sections = {} if sections is None else _clean_sections(report, sections)
    checked = [(f, check_evidence(f, name=f.name, size=f.size)) for f in files or []]
    with transaction.atomic():
        locked = UnitReport.objects.select_for_update().select_related("period").get(pk=report.pk)
        _editable(locked)
        locked.summary = nfc(summary).strip()
        if clean_figures is not None:
            locked.figures = clean_figures
        if not locked.prefill:
            locked.prefill = report_prefill(locked)
        locked.save()
        for area_id, narrative in clean_sections.items():
            ReportSection.objects.update_or_create(
                report=locked, content_area_id=area_id, defaults={"narrative": narrative}
            )
        for upload, info in checked:
            ReportAttachment.objects.create(
                report=locked,
                file=upload,
                original_name=upload.name,
                content_type=info.content_type,
                size=info.size,
                sha256=info.sha256,
            )
        ReportEvent.objects.create(
            report=locked,
            actor=actor,
            kind="saved",
            payload={
                "sections": sorted(clean_sections),
                "files": [upload.name for upload, _info in checked],
            },
        )
    return locked


def _store_prefill(locked: UnitReport, actor: Any) -> None:
    locked.prefill = report_prefill(locked)
    locked.save(update_fields=["prefill", "updated_at"])
    ReportEvent.objects.create(
        report=locked, actor=actor, kind="prefilled", payload={"as_of": locked.prefill["as_of"]}
    )


def report_open(*, actor: Any, report: UnitReport) -> UnitReport:
    """Open a report to read or write it: the first opening of an open or returned report
    stores its pre-filled snapshot (works and targets as of that day).

    Anyone who may see the report may open it; a hidden report is refused.
    """
    if not can_view_report(actor, report):
        raise NotPermitted()
    if report.prefill or report.state not in EDITABLE_STATES:
        return report
    with transaction.atomic():
        locked = UnitReport.objects.select_for_update().select_related("period").get(pk=report.pk)
        if not locked.prefill and locked.state in EDITABLE_STATES:
            _store_prefill(locked, actor)
    return locked


def report_prefill_refresh(*, actor: Any, report: UnitReport) -> UnitReport:
    """Take a new snapshot of the unit's works and targets while the report is editable."""
    if not is_report_unit_staff(actor, report):
        raise NotPermitted()
    with transaction.atomic():
        locked = UnitReport.objects.select_for_update().select_related("period").get(pk=report.pk)
        _editable(locked)
        _store_prefill(locked, actor)
    return locked


def action_label(action: Action) -> str:
    labels = {Action.SUBMIT: _("nộp"), Action.RETURN: _("trả lại"), Action.ACCEPT: _("tiếp nhận")}
    return str(labels[action])


def _transition(
    *,
    actor: Any,
    report: UnitReport,
    action: Action,
    payload: dict[str, Any] | None = None,
    apply: Callable[[UnitReport], dict[str, Any] | None] | None = None,
    effects: Callable[[UnitReport], None] | None = None,
) -> UnitReport:
    """The one place a report changes state (STYLE.md: one transition function per workflow)."""
    with transaction.atomic():
        locked = (
            UnitReport.objects.select_for_update()
            .select_related("period", "period__campaign", "unit")
            .get(pk=report.pk)
        )
        source = ReportState(locked.state)
        entry = TRANSITIONS.get((source, action))
        if entry is None:
            raise DomainError(
                _("Không thể “%(action)s” khi báo cáo đang “%(state)s”.")
                % {"action": action_label(action), "state": source.label},
                code="invalid_transition",
            )
        target, who = entry
        if not may_act(actor, locked, who):
            raise NotPermitted()
        details = dict(payload or {})
        if apply is not None:
            details.update(apply(locked) or {})
        locked.state = target
        locked.save()
        ReportEvent.objects.create(
            report=locked,
            actor=actor,
            kind=action.value,
            from_state=source,
            to_state=target,
            payload=details,
        )
        if effects is not None:
            transaction.on_commit(lambda: effects(locked))
    return locked


def _names(report: UnitReport) -> dict[str, str]:
    return {"label": report.period.label, "campaign": report.period.campaign.doc_number}


def _notify_unit(report: UnitReport, kind: str, title: str, body: str) -> None:
    notify(
        unit_staff(report.unit_id, timezone.localdate()),
        kind=kind,
        title=title,
        body=body,
        url=f"/bao-cao/{report.pk}/",
        key=f"report:{report.pk}:{kind}:{report.events.count()}",
    )


def report_submit(*, actor: Any, report: UnitReport, at: dt.datetime | None = None) -> UnitReport:
    """The unit head confirms the report and submits it (thủ trưởng xác nhận).

    Records who confirmed and when; ``submitted_late`` is whether the submission's date
    in Vietnam time is after the period's effective due date (KH 128 IV.2). Refused
    before the period starts and while the summary is empty. ``at`` records a submission
    made earlier (historical data such as the demo's past quarters); default: now.
    """

    def apply(r: UnitReport) -> dict[str, Any]:
        now = at or timezone.now()
        today = timezone.localdate(now)
        if today < r.period.start:
            raise DomainError(
                _("Kỳ báo cáo %(label)s chưa bắt đầu.") % {"label": r.period.label},
                code="period_not_started",
            )
        if not r.summary.strip():
            raise DomainError(
                _("Hãy nhập tóm tắt kết quả trước khi nộp báo cáo."), code="summary_required"
            )
        r.confirmed_by, r.confirmed_at, r.submitted_at = actor, now, now
        r.submitted_late = today > r.period.effective_due
        r.return_reason = ""
        if not r.prefill:
            r.prefill = report_prefill(r)
        return {"late": r.submitted_late}

    return _transition(actor=actor, report=report, action=Action.SUBMIT, apply=apply)


def report_return(*, actor: Any, report: UnitReport, reason: str) -> UnitReport:
    """The secretariat returns a submitted report with the reason; the unit is told."""
    if not reason.strip():
        raise DomainError(_("Hãy ghi lý do trả lại báo cáo."), code="reason_required")
    reason = nfc(reason).strip()

    def apply(r: UnitReport) -> None:
        r.return_reason = reason

    return _transition(
        actor=actor,
        report=report,
        action=Action.RETURN,
        payload={"reason": reason},
        apply=apply,
        effects=lambda r: _notify_unit(
            r,
            "report_returned",
            _("Báo cáo %(label)s theo %(campaign)s bị trả lại") % _names(r),
            _("Lý do: %(reason)s") % {"reason": reason},
        ),
    )


def report_accept(*, actor: Any, report: UnitReport, at: dt.datetime | None = None) -> UnitReport:
    """The secretariat receives (tiếp nhận) a submitted report; the unit is told.

    ``at`` records a receipt made earlier (historical data); default: now.
    """

    def apply(r: UnitReport) -> None:
        r.accepted_at = at or timezone.now()

    return _transition(
        actor=actor,
        report=report,
        action=Action.ACCEPT,
        apply=apply,
        effects=lambda r: _notify_unit(
            r,
            "report_accepted",
            _("Báo cáo %(label)s theo %(campaign)s đã được tiếp nhận") % _names(r),
            "",
        ),
    )
