"""How works read on the pages: state badges, flags, history lines, change requests.

``{% load works_format %}`` gives the filters ``state_tone`` (a CSS modifier per state),
``work_flags`` (trễ hạn / có nguy cơ chậm / vượt tiến độ, from the fields alone),
``timing_warnings`` (dates that do not fit the campaign's calendar: ``works.timing``),
``event_line`` (what a history event says, with its reasons) and ``change_lines``
(a change request's fields with readable values). None of them runs a query.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django import template
from django.utils import formats
from django.utils.translation import gettext as _

from thidua.core.dates import format_date
from thidua.works.models import Work, WorkState
from thidua.works.timing import TimingWarning, work_timing_warnings

register = template.Library()

_TONES = {
    WorkState.DRAFT: "draft",
    WorkState.SUBMITTED: "waiting",
    WorkState.RETURNED: "returned",
    WorkState.APPROVED: "approved",
    WorkState.IN_PROGRESS: "progress",
    WorkState.COMPLETED: "done",
    WorkState.CANCELLED: "cancelled",
}


@register.filter
def state_tone(state: str) -> str:
    """A CSS modifier for a state's badge (``state--returned``)."""
    return _TONES.get(WorkState(state), "draft") if state in WorkState.values else "draft"


@dataclass(frozen=True)
class Flag:
    label: str
    tone: str  # "late", "risk" or "ahead"


@register.filter
def work_flags(work: Work, today: dt.date) -> list[Flag]:
    """The flags of a work on ``today``: late, at risk of being late, ahead of schedule."""
    flags = []
    if work.is_late(today):
        flags.append(Flag(_("Trễ hạn"), "late"))
    elif work.is_at_risk(today):
        flags.append(Flag(_("Có nguy cơ chậm"), "risk"))
    if work.is_ahead():
        flags.append(Flag(_("Vượt tiến độ"), "ahead"))
    return flags


@register.filter
def timing_warnings(work: Work) -> list[TimingWarning]:
    """How the work's dates do not fit its campaign (``works.timing``); no query when
    its campaign and phase are joined."""
    return work_timing_warnings(work)


def _field_labels() -> dict[str, str]:
    return {
        "title": _("Tên"),
        "description": _("Mô tả"),
        "planned_start": _("Ngày bắt đầu dự kiến"),
        "planned_finish": _("Ngày hoàn thành dự kiến"),
        "budget": _("Kinh phí (triệu đồng)"),
        "budget_source": _("Nguồn kinh phí"),
    }


def _readable(name: str, value: Any) -> str:
    if name in {"planned_start", "planned_finish"} and isinstance(value, str):
        try:
            return format_date(dt.date.fromisoformat(value))
        except ValueError:
            return value
    if name == "budget" and value not in (None, ""):
        try:
            return formats.number_format(Decimal(str(value)), use_l10n=True, force_grouping=True)
        except InvalidOperation:
            return str(value)
    return str(value)


@register.filter
def change_lines(changes: dict[str, Any] | None) -> list[tuple[str, str]]:
    """A change request's ``{field: value}`` as ("Ngày hoàn thành dự kiến", "30/06/2025")."""
    labels = _field_labels()
    return [
        (labels.get(name, name), _readable(name, value)) for name, value in (changes or {}).items()
    ]


@dataclass(frozen=True)
class EventLine:
    """One line of a work's history: what happened, and the details that explain it."""

    title: str
    details: list[tuple[str, str]]
    tone: str


def _details(kind: str, payload: dict[str, Any]) -> list[tuple[str, str]]:
    if kind == "return":
        return [
            (_("Lý do"), str(payload.get("reason", ""))),
            (_("Cần sửa"), str(payload.get("what_to_fix", ""))),
        ]
    if kind == "cancel":
        return [(_("Lý do"), str(payload.get("reason", "")))]
    if kind in {"approve", "change_accepted", "change_rejected"} and payload.get("note"):
        return [(_("Ý kiến"), str(payload["note"]))]
    if kind == "complete" and payload.get("actual_finish"):
        return [(_("Ngày hoàn thành"), _readable("planned_finish", payload["actual_finish"]))]
    if kind == "progress":
        details = [(_("Tiến độ"), f"{payload.get('percent', 0)} %")]
        if payload.get("on"):
            details.append((_("Ngày"), _readable("planned_finish", payload["on"])))
        if payload.get("files"):
            details.append((_("Minh chứng"), _("%(n)s tệp") % {"n": payload["files"]}))
        return details
    if kind == "change_requested":
        return change_lines(payload.get("changes"))
    if kind == "moved":
        return [(_("Từ đơn vị"), str(payload.get("from_unit", ""))),
                (_("Sang đơn vị"), str(payload.get("to_unit", "")))]  # fmt: skip
    return []


def _titles() -> dict[str, tuple[str, str]]:
    return {
        "created": (_("Tạo bản đăng ký"), "neutral"),
        "edited": (_("Sửa nội dung đăng ký"), "neutral"),
        "submit": (_("Gửi duyệt"), "waiting"),
        "approve": (_("Đã duyệt"), "approved"),
        "return": (_("Trả lại để sửa"), "returned"),
        "start": (_("Bắt đầu thực hiện"), "progress"),
        "complete": (_("Hoàn thành"), "done"),
        "cancel": (_("Hủy"), "cancelled"),
        "progress": (_("Cập nhật tiến độ"), "progress"),
        "change_requested": (_("Đề nghị điều chỉnh"), "waiting"),
        "change_accepted": (_("Chấp thuận điều chỉnh"), "approved"),
        "change_rejected": (_("Không chấp thuận điều chỉnh"), "returned"),
        "moved": (_("Chuyển sang đơn vị kế thừa"), "neutral"),
        "approver_moved": (_("Đổi cấp duyệt"), "neutral"),
        "registration_reminder": (_("Nhắc đăng ký"), "neutral"),
    }


@register.filter
def event_line(event: Any) -> EventLine:
    """What a ``WorkEvent`` says in Vietnamese, with reasons and values from its payload."""
    title, tone = _titles().get(event.kind, (event.kind, "neutral"))
    details = [
        (label, value) for label, value in _details(event.kind, event.payload or {}) if value
    ]
    return EventLine(title, details, tone)


@register.simple_tag
def quota_count(registered: int, minimum: int) -> str:
    """Works registered against the minimum, said plainly: "1/3" while short or just
    enough, "2 (tối thiểu 1)" beyond it — never "2/1"."""
    if registered > minimum:
        return _("%(n)s (tối thiểu %(m)s)") % {"n": registered, "m": minimum}
    return f"{registered}/{minimum}"
