"""Exemplary models (điển hình tiên tiến) told as stories, for the media (KH 128 IV.5).

A story says who (a person or a collective), what they did and what came of it, with
photos and its content-area and place tags. It is drafted by a unit or by the Ban TĐKT
(often from a work or a nomination), approved by the Ban TĐKT and then published on the
public site. Only *published* stories are public; the state field is written only by
``exemplars.workflow``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.campaigns.models import Campaign, ContentArea
from thidua.core.models import Event
from thidua.core.text import fold, nfc
from thidua.organisations.models import Unit


class ExemplarState(models.TextChoices):
    DRAFT = "draft", _("Nháp")
    SUBMITTED = "submitted", _("Chờ duyệt")
    RETURNED = "returned", _("Trả lại")
    APPROVED = "approved", _("Đã duyệt")
    PUBLISHED = "published", _("Đã công bố")


class SubjectKind(models.TextChoices):
    INDIVIDUAL = "individual", _("Cá nhân")
    COLLECTIVE = "collective", _("Tập thể")


class Exemplar(models.Model):
    """One exemplary person or collective and their story."""

    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="exemplars")
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="exemplars",
        verbose_name=_("đơn vị đề xuất"),
    )
    subject_kind = models.CharField(
        _("đối tượng"), max_length=16, choices=SubjectKind.choices, default=SubjectKind.COLLECTIVE
    )
    subject_name = models.CharField(_("tên tập thể, cá nhân"), max_length=255)
    title = models.CharField(_("tiêu đề"), max_length=300)
    achievements = models.TextField(_("việc đã làm"))
    results = models.TextField(_("kết quả đạt được"), blank=True)
    content_area = models.ForeignKey(
        ContentArea,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="exemplars",
        verbose_name=_("nội dung thi đua"),
    )
    place = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="exemplars_located",
        verbose_name=_("địa bàn"),
    )
    source_work = models.ForeignKey(
        "works.Work",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="exemplars",
        verbose_name=_("từ công trình"),
    )
    source_nomination = models.ForeignKey(
        "awards.Nomination",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="exemplars",
        verbose_name=_("từ hồ sơ đề nghị khen thưởng"),
    )
    state = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=ExemplarState.choices,
        default=ExemplarState.DRAFT,
        editable=False,
    )
    return_reason = models.TextField(_("lý do trả lại"), blank=True, editable=False)
    published_at = models.DateTimeField(_("công bố lúc"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    search_text = models.TextField(editable=False, blank=True)

    class Meta:
        verbose_name = _("điển hình tiên tiến")
        verbose_name_plural = _("điển hình tiên tiến")
        ordering = ["-updated_at", "-pk"]
        indexes = [models.Index(fields=["state", "published_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=[s.value for s in ExemplarState]),
                name="exemplar_state_valid",
            ),
            models.CheckConstraint(
                condition=~Q(state="published") | Q(published_at__isnull=False),
                name="exemplar_published_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.title = nfc(self.title)
        self.subject_name = nfc(self.subject_name)
        self.search_text = fold(f"{self.title} {self.subject_name}")
        super().save(*args, **kwargs)


def _photo_path(instance: ExemplarPhoto, filename: str) -> str:
    return f"exemplars/{instance.exemplar_id}/{instance.sha256[:2]}/{instance.sha256}"


class ExemplarPhoto(models.Model):
    """A photo of the story (JPEG, PNG or WebP, checked by content)."""

    exemplar = models.ForeignKey(Exemplar, on_delete=models.CASCADE, related_name="photos")
    file = models.FileField(_("tệp"), upload_to=_photo_path, max_length=255)
    caption = models.CharField(_("chú thích"), max_length=255, blank=True)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("ảnh")
        verbose_name_plural = _("ảnh")
        ordering = ["exemplar", "position", "pk"]

    def __str__(self) -> str:
        return self.caption or str(self.pk)


EVENT_LABELS = {
    "create": _("Tạo nháp"),
    "update": _("Sửa nội dung"),
    "from_work": _("Soạn từ công trình"),
    "from_nomination": _("Soạn từ hồ sơ đề nghị"),
    "photo_add": _("Thêm ảnh"),
    "photo_remove": _("Bỏ ảnh"),
    "submit": _("Gửi duyệt"),
    "approve": _("Duyệt"),
    "return": _("Trả lại"),
    "publish": _("Công bố"),
    "unpublish": _("Thu hồi công bố"),
}


class ExemplarEvent(Event):
    """Append-only history of a story: every transition and edit."""

    exemplar = models.ForeignKey(Exemplar, on_delete=models.CASCADE, related_name="events")
    from_state = models.CharField(max_length=16, blank=True)
    to_state = models.CharField(max_length=16, blank=True)

    class Meta(Event.Meta):
        verbose_name = _("lịch sử điển hình")
        verbose_name_plural = _("lịch sử điển hình")
        indexes = [models.Index(fields=["exemplar", "at"])]

    @property
    def label(self) -> str:
        return str(EVENT_LABELS.get(self.kind, self.kind))

    def __str__(self) -> str:
        return f"{self.exemplar_id}: {self.kind}"
