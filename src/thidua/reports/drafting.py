"""The unit's draft of a report: summary, figures, narratives, files, pre-filled snapshot.

A draft changes only while the report is open or returned (``EDITABLE_STATES``); every
write appends an event. The state itself changes in ``reports.workflow``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from thidua.campaigns.models import ContentArea
from thidua.core.errors import DomainError, NotPermitted
from thidua.core.text import nfc
from thidua.core.uploads import check_evidence
from thidua.reports.codes import ErrorCode, EventKind
from thidua.reports.models import ReportAttachment, ReportEvent, ReportSection, UnitReport
from thidua.reports.prefill import report_prefill
from thidua.reports.rules import can_view_report, is_report_unit_staff
from thidua.reports.transitions import EDITABLE_STATES

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
        raise DomainError(_("Số liệu không hợp lệ."), code=ErrorCode.INVALID_FIGURES)
    clean: dict[str, Any] = {}
    for name, value in figures.items():
        key, figure = nfc(str(name)).strip(), _figure(value)
        if not key or figure is _BAD:
            raise DomainError(
                _("Số liệu “%(name)s” không hợp lệ: hãy nhập một số hoặc một dòng chữ.")
                % {"name": key or "?"},
                code=ErrorCode.INVALID_FIGURES,
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
            code=ErrorCode.INVALID_SECTION,
        )
    return wanted


def _editable(report: UnitReport) -> None:
    if report.state not in EDITABLE_STATES:
        raise DomainError(
            _("Báo cáo đã nộp hoặc đã được tiếp nhận: không sửa được nữa."),
            code=ErrorCode.NOT_EDITABLE,
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
            kind=EventKind.SAVED,
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
        report=locked,
        actor=actor,
        kind=EventKind.PREFILLED,
        payload={"as_of": locked.prefill["as_of"]},
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
