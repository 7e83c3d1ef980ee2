"""Works (công trình, dự án, phần việc) that units register for a campaign (KH 128 II.2)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.campaigns.models import Campaign, CampaignWork, ContentArea, Phase, WorkKind
from thidua.core.models import Event
from thidua.core.text import fold, nfc
from thidua.organisations.models import Unit
from thidua.targets.models import Target

#: A work is *at risk* when its progress trails the share of time elapsed by more than this.
AT_RISK_MARGIN = 10


class WorkState(models.TextChoices):
    """States of a registered work; the transition table is in ``works/transitions.py``."""

    DRAFT = "draft", _("Nháp")
    SUBMITTED = "submitted", _("Chờ duyệt")
    RETURNED = "returned", _("Trả lại")
    APPROVED = "approved", _("Đã duyệt")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    COMPLETED = "completed", _("Hoàn thành")
    CANCELLED = "cancelled", _("Đã hủy")


OPEN_STATES = frozenset(
    {
        WorkState.DRAFT,
        WorkState.SUBMITTED,
        WorkState.RETURNED,
        WorkState.APPROVED,
        WorkState.IN_PROGRESS,
    }
)


#: What counts as registered towards a unit's minimum (KH 128 II.2): submitted or further,
#: not drafts, not cancelled.
REGISTERED_STATES = (
    WorkState.SUBMITTED,
    WorkState.APPROVED,
    WorkState.IN_PROGRESS,
    WorkState.COMPLETED,
)


class Work(models.Model):
    """One work a unit commits to finish in honour of the congresses.

    ``unit`` is the unit responsible now; ``registrant_unit`` is the unit that registered
    it and never changes, so history survives the 2025 reorganisation. ``approver_unit``
    is the level above whose staff approve it (the district for its communes, the
    campaign's issuing level for departments and district-level units: KH 128 II.2).
    """

    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="works")
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="works", verbose_name=_("đơn vị thực hiện")
    )
    registrant_unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="registered_works",
        verbose_name=_("đơn vị đăng ký"),
    )
    approver_unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="works_to_approve",
        verbose_name=_("cấp duyệt"),
    )
    campaign_work = models.OneToOneField(
        CampaignWork,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="work",
        verbose_name=_("công trình của tỉnh"),
    )
    kind = models.CharField(_("loại"), max_length=16, choices=WorkKind.choices)
    title = models.CharField(_("tên công trình, phần việc"), max_length=500)
    description = models.TextField(_("mô tả"), blank=True)
    content_area = models.ForeignKey(
        ContentArea,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="works",
        verbose_name=_("nội dung thi đua"),
    )
    cooperating_units = models.ManyToManyField(
        Unit, blank=True, related_name="cooperating_works", verbose_name=_("đơn vị phối hợp")
    )
    place = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="works_located",
        verbose_name=_("địa điểm (xã, phường)"),
    )
    latitude = models.DecimalField(
        _("vĩ độ"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("kinh độ"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    budget = models.DecimalField(
        _("kinh phí (triệu đồng)"), max_digits=14, decimal_places=1, null=True, blank=True
    )
    budget_source = models.CharField(_("nguồn kinh phí"), max_length=255, blank=True)
    planned_start = models.DateField(_("ngày bắt đầu dự kiến"))
    planned_finish = models.DateField(_("ngày hoàn thành dự kiến"))
    phase = models.ForeignKey(
        Phase,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="works",
        verbose_name=_("chào mừng đợt"),
    )
    targets = models.ManyToManyField(
        Target, blank=True, related_name="works", verbose_name=_("chỉ tiêu phục vụ")
    )
    deadline = models.DateField(
        _("thời hạn của phong trào"),
        null=True,
        blank=True,
        help_text=_(
            "Thời hạn phong trào đặt cho công trình: thời hạn của công trình cấp tỉnh, "
            "hoặc ngày kết thúc đợt thi đua mà công trình chào mừng."
        ),
    )
    state = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=WorkState.choices,
        default=WorkState.DRAFT,
        editable=False,
    )
    percent_complete = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    actual_finish = models.DateField(_("ngày hoàn thành thực tế"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    search_text = models.TextField(editable=False, blank=True)

    class Meta:
        verbose_name = _("công trình, phần việc")
        verbose_name_plural = _("công trình, phần việc")
        ordering = ["-created_at", "pk"]
        indexes = [
            models.Index(fields=["campaign", "state"]),
            models.Index(fields=["approver_unit", "state"]),
            # The register's and the public list's order, newest first (issue #16).
            models.Index(fields=["-updated_at", "-id"], name="work_recent_idx"),
            # Public counts per unit read this index alone (no table pages).
            models.Index(fields=["state", "campaign", "unit"], name="work_state_campaign_unit_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(planned_finish__gte=models.F("planned_start")),
                name="work_planned_dates",
            ),
            models.CheckConstraint(
                condition=Q(percent_complete__lte=100), name="work_percent_range"
            ),
            models.CheckConstraint(
                condition=~Q(state="completed") | Q(actual_finish__isnull=False),
                name="work_completed_has_date",
            ),
            models.CheckConstraint(
                condition=Q(state__in=[s.value for s in WorkState]), name="work_state_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.title = nfc(self.title)
        self.search_text = fold(self.title)
        super().save(*args, **kwargs)

    # Flags computed from fields alone (no query); the SQL versions are in selectors.py.
    def is_late(self, today: dt.date) -> bool:
        """Past its planned finish and not done, or done after it."""
        if self.state == WorkState.COMPLETED:
            return bool(self.actual_finish and self.actual_finish > self.planned_finish)
        return self.state in OPEN_STATES - {WorkState.DRAFT} and today > self.planned_finish

    def elapsed_percent(self, today: dt.date) -> int:
        """Share of the planned time already gone, 0–100."""
        span = (self.planned_finish - self.planned_start).days
        if span <= 0:
            return 100 if today >= self.planned_finish else 0
        gone = (today - self.planned_start).days
        return max(0, min(100, round(100 * gone / span)))

    def is_at_risk(self, today: dt.date) -> bool:
        """In progress and behind the elapsed share of time by more than the margin."""
        if self.state not in {WorkState.APPROVED, WorkState.IN_PROGRESS}:
            return False
        if self.is_late(today):
            return False
        return self.percent_complete + AT_RISK_MARGIN < self.elapsed_percent(today)

    def is_ahead(self) -> bool:
        """Completed before its planned finish, or before the campaign's deadline for it."""
        if self.state != WorkState.COMPLETED or self.actual_finish is None:
            return False
        return self.actual_finish < self.planned_finish or bool(
            self.deadline and self.actual_finish < self.deadline
        )


class WorkEvent(Event):
    """Append-only history of a work: every transition, update and change request."""

    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="events")
    from_state = models.CharField(max_length=16, blank=True)
    to_state = models.CharField(max_length=16, blank=True)

    class Meta(Event.Meta):
        verbose_name = _("lịch sử công trình")
        verbose_name_plural = _("lịch sử công trình")
        indexes = [models.Index(fields=["work", "at"])]

    def __str__(self) -> str:
        return f"{self.work_id}: {self.kind}"


class ProgressUpdate(models.Model):
    """A dated progress report on a work, with its evidence."""

    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="progress_updates")
    on = models.DateField(_("ngày"))
    percent = models.PositiveSmallIntegerField(_("tiến độ (%)"))
    narrative = models.TextField(_("nội dung"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("cập nhật tiến độ")
        verbose_name_plural = _("cập nhật tiến độ")
        ordering = ["work", "on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(percent__lte=100), name="progress_percent_range")
        ]

    def __str__(self) -> str:
        return f"{self.work_id} {self.on}: {self.percent}%"


class EvidenceKind(models.TextChoices):
    PHOTO = "photo", _("Hình ảnh")
    DOCUMENT = "document", _("Tài liệu")


def _evidence_path(instance: Evidence, filename: str) -> str:
    return f"works/{instance.update.work_id}/{instance.sha256[:2]}/{instance.sha256}-{filename}"


class Evidence(models.Model):
    """A photo or document attached to a progress update (checked by content and size)."""

    update = models.ForeignKey(ProgressUpdate, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(_("loại"), max_length=16, choices=EvidenceKind.choices)
    file = models.FileField(_("tệp"), upload_to=_evidence_path, max_length=255)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("minh chứng")
        verbose_name_plural = _("minh chứng")
        ordering = ["update", "pk"]

    def __str__(self) -> str:
        return self.original_name


class Milestone(models.Model):
    """A dated step of a work (khởi công, hoàn thành móng, nghiệm thu…)."""

    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("mốc"), max_length=255)
    due = models.DateField(_("thời hạn"))
    done_on = models.DateField(_("hoàn thành ngày"), null=True, blank=True)

    class Meta:
        verbose_name = _("mốc tiến độ")
        verbose_name_plural = _("mốc tiến độ")
        ordering = ["work", "due", "pk"]

    def __str__(self) -> str:
        return self.title


class ChangeRequestState(models.TextChoices):
    PENDING = "pending", _("Chờ duyệt")
    ACCEPTED = "accepted", _("Chấp thuận")
    REJECTED = "rejected", _("Không chấp thuận")


class ChangeRequest(models.Model):
    """A change to an approved work; applied only when the approver accepts it."""

    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="change_requests")
    changes = models.JSONField(_("nội dung thay đổi"))
    reason = models.TextField(_("lý do"))
    state = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=ChangeRequestState.choices,
        default=ChangeRequestState.PENDING,
        editable=False,
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("ý kiến"), blank=True)

    class Meta:
        verbose_name = _("đề nghị điều chỉnh")
        verbose_name_plural = _("đề nghị điều chỉnh")
        ordering = ["-requested_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["work"], condition=Q(state="pending"), name="one_pending_change"
            )
        ]

    def __str__(self) -> str:
        return f"{self.work_id}: {self.get_state_display()}"
