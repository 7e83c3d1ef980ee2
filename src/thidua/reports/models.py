"""Periodic reports (báo cáo định kỳ) of units to the secretariat, and their consolidation.

KH 128 section IV.2: units report on the campaign to Sở Nội vụ (Ban Thi đua - Khen thưởng)
every quarter, on the 15th of the last month of the quarter.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.campaigns.models import Campaign, ContentArea
from thidua.core.models import Event
from thidua.organisations.models import Unit


class ReportPeriod(models.Model):
    """One reporting period of a campaign (a quarter) and when its reports are due.

    ``nominal_due`` is the date the rule gives; ``effective_due`` is where the campaign's
    weekend policy moves it (a setting: keep, previous or next working day).
    """

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="report_periods")
    year = models.PositiveSmallIntegerField(_("năm"))
    number = models.PositiveSmallIntegerField(_("quý"))
    label = models.CharField(_("kỳ báo cáo"), max_length=64)
    start = models.DateField(_("từ ngày"))
    end = models.DateField(_("đến ngày"))
    nominal_due = models.DateField(_("hạn theo quy định"))
    effective_due = models.DateField(_("hạn áp dụng"))

    class Meta:
        verbose_name = _("kỳ báo cáo")
        verbose_name_plural = _("kỳ báo cáo")
        ordering = ["campaign", "year", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "year", "number"], name="report_period_unique"
            ),
            models.CheckConstraint(condition=Q(number__gte=1, number__lte=4), name="quarter_1_4"),
        ]

    def __str__(self) -> str:
        return f"{self.campaign.doc_number} – {self.label}"


class ReportState(models.TextChoices):
    """States of a unit report; the transition table is in ``reports/transitions.py``."""

    OPEN = "open", _("Chưa nộp")
    SUBMITTED = "submitted", _("Đã nộp")
    RETURNED = "returned", _("Trả lại")
    ACCEPTED = "accepted", _("Đã tiếp nhận")


class UnitReport(models.Model):
    """One unit's report for one period."""

    period = models.ForeignKey(ReportPeriod, on_delete=models.CASCADE, related_name="reports")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="reports")
    state = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=ReportState.choices,
        default=ReportState.OPEN,
        editable=False,
    )
    summary = models.TextField(_("tóm tắt kết quả"), blank=True)
    figures = models.JSONField(_("số liệu"), default=dict, blank=True)
    prefill = models.JSONField(
        _("số liệu tự động"),
        default=dict,
        blank=True,
        help_text=_("Ảnh chụp tiến độ công trình và chỉ tiêu của đơn vị khi lập báo cáo."),
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("thủ trưởng xác nhận"),
    )
    confirmed_at = models.DateTimeField(_("xác nhận lúc"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("nộp lúc"), null=True, blank=True)
    submitted_late = models.BooleanField(_("nộp trễ"), default=False)
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    accepted_at = models.DateTimeField(_("tiếp nhận lúc"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("báo cáo của đơn vị")
        verbose_name_plural = _("báo cáo của đơn vị")
        ordering = ["period", "unit__code"]
        constraints = [
            models.UniqueConstraint(fields=["period", "unit"], name="one_report_per_unit"),
            models.CheckConstraint(
                condition=Q(state__in=[s.value for s in ReportState]), name="report_state_valid"
            ),
        ]
        indexes = [models.Index(fields=["period", "state"])]

    def __str__(self) -> str:
        return f"{self.unit} – {self.period.label}"


class ReportSection(models.Model):
    """The narrative of a report for one content area of the campaign."""

    report = models.ForeignKey(UnitReport, on_delete=models.CASCADE, related_name="sections")
    content_area = models.ForeignKey(ContentArea, on_delete=models.CASCADE, related_name="+")
    narrative = models.TextField(_("nội dung"), blank=True)

    class Meta:
        verbose_name = _("nội dung báo cáo")
        verbose_name_plural = _("nội dung báo cáo")
        ordering = ["report", "content_area__position"]
        constraints = [
            models.UniqueConstraint(fields=["report", "content_area"], name="one_section_per_area")
        ]

    def __str__(self) -> str:
        return f"{self.report_id}: {self.content_area_id}"


class ReportAttachment(models.Model):
    """A file attached to a report (checked by content and size)."""

    report = models.ForeignKey(UnitReport, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="reports/%Y/", max_length=255)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")
        ordering = ["report", "pk"]

    def __str__(self) -> str:
        return self.original_name


class ReportEvent(Event):
    """Append-only history of a unit report."""

    report = models.ForeignKey(UnitReport, on_delete=models.CASCADE, related_name="events")
    from_state = models.CharField(max_length=16, blank=True)
    to_state = models.CharField(max_length=16, blank=True)

    class Meta(Event.Meta):
        verbose_name = _("lịch sử báo cáo")
        verbose_name_plural = _("lịch sử báo cáo")

    def __str__(self) -> str:
        return f"{self.report_id}: {self.kind}"


class ConsolidationState(models.TextChoices):
    QUEUED = "queued", _("Đang chờ")
    RUNNING = "running", _("Đang tổng hợp")
    DONE = "done", _("Hoàn tất")
    FAILED = "failed", _("Lỗi")
    CANCELLED = "cancelled", _("Đã hủy")


class Consolidation(models.Model):
    """One run of the consolidated report of a period (DOCX + XLSX), made by a task."""

    period = models.ForeignKey(
        ReportPeriod, on_delete=models.CASCADE, related_name="consolidations"
    )
    state = models.CharField(
        max_length=16, choices=ConsolidationState.choices, default=ConsolidationState.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    docx = models.FileField(upload_to="consolidations/%Y/", blank=True, max_length=255)
    xlsx = models.FileField(upload_to="consolidations/%Y/", blank=True, max_length=255)
    docx_sha256 = models.CharField(max_length=64, blank=True)
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    #: Who cancelled the run (the Ban TĐKT, from its progress page); empty otherwise.
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("báo cáo tổng hợp")
        verbose_name_plural = _("báo cáo tổng hợp")
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.period} ({self.get_state_display()})"
