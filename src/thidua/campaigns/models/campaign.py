"""A campaign (phong trào / đợt thi đua) as its launch plan states it.

Every field here comes from the plan; nothing is a constant in code. A campaign file
(docs/campaign-file.md) loads into these rows and exports back from them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.core.dates import PartialDate, Precision
from thidua.core.models import Event
from thidua.core.text import fold
from thidua.organisations.models import Unit


class PrecisionField(models.CharField):
    """How much of the matching date field the plan stated (day, month or year)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 8)
        kwargs.setdefault("choices", [(p.value, p.value) for p in Precision])
        kwargs.setdefault("default", Precision.DAY.value)
        super().__init__(*args, **kwargs)


class CampaignKind(models.TextChoices):
    THEMATIC = "thematic", _("Thi đua theo chuyên đề")
    REGULAR = "regular", _("Thi đua thường xuyên")


class CampaignStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    ACTIVE = "active", _("Đang triển khai")
    CLOSED = "closed", _("Đã kết thúc")


class Campaign(models.Model):
    """An emulation campaign launched by a plan (kế hoạch phát động)."""

    code = models.CharField(_("mã"), max_length=64, unique=True)
    title = models.TextField(_("tên phong trào"))
    kind = models.CharField(
        _("loại"), max_length=16, choices=CampaignKind.choices, default=CampaignKind.THEMATIC
    )
    status = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=CampaignStatus.choices,
        default=CampaignStatus.ACTIVE,
    )
    illustrative = models.BooleanField(
        _("kế hoạch minh họa"),
        default=False,
        help_text=_("Không phải văn bản thật: mọi trang hiển thị phong trào đều ghi rõ."),
    )
    issuer_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="campaigns", verbose_name=_("cơ quan ban hành")
    )
    doc_kind = models.CharField(_("loại văn bản"), max_length=64, default="Kế hoạch")
    doc_number = models.CharField(_("số, ký hiệu"), max_length=64)
    doc_date = models.DateField(_("ngày ban hành"))
    doc_place = models.CharField(_("địa danh"), max_length=128)
    issuer_name = models.CharField(_("tên cơ quan ban hành"), max_length=255)
    parent_issuer_name = models.CharField(_("cơ quan chủ quản"), max_length=255, blank=True)
    signer_name = models.CharField(_("người ký"), max_length=128)
    signer_position = models.CharField(_("chức vụ người ký"), max_length=128)
    signer_authority = models.CharField(
        _("thẩm quyền ký"),
        max_length=16,
        blank=True,
        help_text=_("TM., KT., TL., TUQ. hoặc để trống"),
    )
    preamble = models.TextField(_("phần mở đầu"), blank=True)
    purposes = models.JSONField(_("mục đích"), default=list, blank=True)
    requirements = models.JSONField(_("yêu cầu"), default=list, blank=True)
    award_subjects = models.JSONField(_("đối tượng khen thưởng"), default=list, blank=True)
    award_criteria = models.TextField(_("tiêu chuẩn và số lượng khen thưởng"), blank=True)
    award_procedure = models.TextField(_("trình tự, thủ tục khen thưởng"), blank=True)
    start = models.DateField(_("bắt đầu"))
    start_precision = PrecisionField(_("độ chính xác ngày bắt đầu"))
    end = models.DateField(_("kết thúc"))
    end_precision = PrecisionField(_("độ chính xác ngày kết thúc"))
    registration_deadline = models.DateField(
        _("hạn đăng ký công trình"),
        null=True,
        blank=True,
        help_text=_("Theo kế hoạch nếu có; nếu không, Ban Thi đua - Khen thưởng đặt."),
    )
    source_name = models.CharField(_("tệp nguồn"), max_length=255, blank=True)
    source_sha256 = models.CharField(_("mã băm tệp nguồn"), max_length=64, blank=True)
    search_text = models.TextField(editable=False, blank=True)
    loaded_at = models.DateTimeField(_("nạp lúc"), auto_now=True)

    class Meta:
        verbose_name = _("phong trào thi đua")
        verbose_name_plural = _("phong trào thi đua")
        ordering = ["-doc_date", "code"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="campaign_dates")
        ]

    def __str__(self) -> str:
        return f"{self.doc_number} – {self.title[:80]}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_text = fold(f"{self.doc_kind} {self.doc_number} {self.title} {self.code}")
        super().save(*args, **kwargs)

    @property
    def start_partial(self) -> PartialDate:
        return PartialDate.from_parts(self.start, self.start_precision)

    @property
    def end_partial(self) -> PartialDate:
        return PartialDate.from_parts(self.end, self.end_precision)


class Ordered(models.Model):
    """A part of a campaign kept in the plan's order."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        abstract = True
        ordering = ["campaign", "position"]


class LegalBasis(Ordered):
    """A document the plan rests on (căn cứ, thực hiện)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="legal_bases")
    relation = models.CharField(_("quan hệ"), max_length=32, default="can_cu")
    doc_kind = models.CharField(_("loại văn bản"), max_length=64)
    number = models.CharField(_("số, ký hiệu"), max_length=64)
    date = models.DateField(_("ngày"), null=True, blank=True)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=255)
    title = models.TextField(_("trích yếu"), blank=True)

    class Meta(Ordered.Meta):
        verbose_name = _("căn cứ pháp lý")
        verbose_name_plural = _("căn cứ pháp lý")

    def __str__(self) -> str:
        return f"{self.doc_kind} {self.number}"


class ContentArea(Ordered):
    """A field of emulation content (nhóm, lĩnh vực thi đua) of section II.1.b."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="content_areas")
    code = models.CharField(_("mã"), max_length=32)
    title = models.TextField(_("tên"))
    description = models.TextField(_("nội dung"), blank=True)

    class Meta(Ordered.Meta):
        verbose_name = _("nội dung thi đua")
        verbose_name_plural = _("nội dung thi đua")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "code"], name="content_area_code_unique")
        ]

    def __str__(self) -> str:
        return self.title


class Phase(Ordered):
    """A time slice of the campaign (Đợt 1, Đợt 2) with its own review."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="phases")
    code = models.CharField(_("mã"), max_length=32)
    name = models.CharField(_("tên"), max_length=128)
    start = models.DateField(_("bắt đầu"))
    start_precision = PrecisionField(_("độ chính xác ngày bắt đầu"))
    end = models.DateField(_("kết thúc"))
    end_precision = PrecisionField(_("độ chính xác ngày kết thúc"))
    review = models.CharField(_("hình thức đánh giá"), max_length=32, blank=True)

    class Meta(Ordered.Meta):
        verbose_name = _("đợt thi đua")
        verbose_name_plural = _("đợt thi đua")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "code"], name="phase_code_unique"),
            models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="phase_dates"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def start_partial(self) -> PartialDate:
        return PartialDate.from_parts(self.start, self.start_precision)

    @property
    def end_partial(self) -> PartialDate:
        return PartialDate.from_parts(self.end, self.end_precision)

    @property
    def last_day(self) -> dt.date:
        """The last day the phase covers (an end stated as a month runs to its end)."""
        return self.end_partial.last_day()


class CampaignEvent(Event):
    """An append-only record of a change to a campaign (loaded, replaced, …)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="events")

    class Meta(Event.Meta):
        verbose_name = _("sự kiện phong trào")
        verbose_name_plural = _("sự kiện phong trào")

    def __str__(self) -> str:
        return f"{self.campaign.code}: {self.kind}"
