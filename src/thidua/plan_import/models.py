"""Plan import drafts: a launch plan (kế hoạch) read from a file, reviewed field by field.

A draft holds what the extraction engine read from one uploaded plan (its lines, the
campaign-file data, the source line of each field, the fields the text does not state and
those the reader could not read although the text may state them)
and what the secretariat decided on each field. Confirming it loads a real campaign
through the same validation as ``campaign load``; nothing is written to the campaign
tables before that.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.campaigns.models import Campaign
from thidua.core.models import Event
from thidua.organisations.models import Unit


class DraftStatus(models.TextChoices):
    """States of a draft; the transition table is in ``plan_import/transitions.py``."""

    DRAFT = "draft", _("Đang rà soát")
    CONFIRMED = "confirmed", _("Đã xác nhận")
    DISCARDED = "discarded", _("Đã hủy")


class ReviewState(models.TextChoices):
    """What the person decided on one field."""

    ACCEPTED = "accepted", _("Đã chấp nhận")
    CORRECTED = "corrected", _("Đã sửa")
    FILLED = "filled", _("Đã điền")
    REMOVED = "removed", _("Đã bỏ")


class ImportDraft(models.Model):
    """One uploaded plan on its way to becoming a campaign.

    ``review`` maps a field path (``document.number``, ``targets.3.value``) to
    ``{"state": ReviewState, "value": …}``; ``suggestions`` holds values the system
    proposes for fields the text cannot state (campaign code, issuer unit code), shown
    as suggestions and used only once the person accepts them.
    """

    file_name = models.CharField(_("tên tệp"), max_length=255)
    file_size = models.PositiveBigIntegerField(_("dung lượng (byte)"))
    sha256 = models.CharField(_("mã băm SHA-256"), max_length=64)
    lines = models.JSONField(_("các dòng văn bản"), default=list, blank=True)
    data = models.JSONField(_("dữ liệu trích xuất"), default=dict, blank=True)
    sources = models.JSONField(_("nguồn của từng trường"), default=dict, blank=True)
    missing = models.JSONField(_("trường văn bản không nêu"), default=list, blank=True)
    unrecognised = models.JSONField(_("trường máy chưa nhận ra"), default=list, blank=True)
    warnings = models.JSONField(_("cảnh báo"), default=list, blank=True)
    suggestions = models.JSONField(_("gợi ý"), default=dict, blank=True)
    review = models.JSONField(_("rà soát từng trường"), default=dict, blank=True)
    extract_ms = models.PositiveIntegerField(_("thời gian đọc (ms)"), default=0)
    status = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=DraftStatus.choices,
        default=DraftStatus.DRAFT,
        editable=False,
    )
    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="import_drafts",
        verbose_name=_("phong trào đã nạp"),
    )
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("đơn vị của người nhập"),
        help_text=_("Đơn vị nơi người nhập giữ vai trò Ban Thi đua - Khen thưởng."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("người nhập"),
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("bản nháp nhập kế hoạch")
        verbose_name_plural = _("bản nháp nhập kế hoạch")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=[s.value for s in DraftStatus]),
                name="import_draft_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status=DraftStatus.CONFIRMED) | Q(campaign__isnull=False),
                name="import_draft_confirmed_has_campaign",
            ),
        ]
        indexes = [models.Index(fields=["created_by", "status"])]

    def __str__(self) -> str:
        return self.file_name

    @property
    def document_number(self) -> str:
        document = self.data.get("document") if isinstance(self.data, dict) else None
        value = document.get("number") if isinstance(document, dict) else None
        return str(value or "")


class ImportDraftEvent(Event):
    """Append-only history of a draft: upload, each decision on a field, confirm, discard."""

    draft = models.ForeignKey(ImportDraft, on_delete=models.CASCADE, related_name="events")
    from_state = models.CharField(max_length=16, blank=True)
    to_state = models.CharField(max_length=16, blank=True)

    class Meta(Event.Meta):
        verbose_name = _("lịch sử bản nháp nhập kế hoạch")
        verbose_name_plural = _("lịch sử bản nháp nhập kế hoạch")
        indexes = [models.Index(fields=["draft", "at"])]

    def __str__(self) -> str:
        return f"{self.draft_id}: {self.kind}"
