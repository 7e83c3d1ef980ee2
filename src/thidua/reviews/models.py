"""Phase reviews (sơ kết đợt, tổng kết phong trào) of a campaign (KH 128 IV.5 and IV.8).

At the end of each phase the Ban TĐKT sums up the campaign: targets, works (those finished
ahead of schedule are chosen for commendation or for the media), reporting, rankings and
nominations, and issues the review report (Báo cáo sơ kết / tổng kết). The state field is
written only by ``reviews.workflow``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.campaigns.models import Campaign, Phase
from thidua.core.models import Event
from thidua.works.models import Work


class ReviewKind(models.TextChoices):
    INTERIM = "interim", _("Sơ kết")
    FINAL = "final", _("Tổng kết")


class ReviewState(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    ISSUED = "issued", _("Đã ban hành")


class PhaseReview(models.Model):
    """The review of one phase (sơ kết) or of the whole campaign (tổng kết)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="reviews")
    phase = models.ForeignKey(
        Phase,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reviews",
        verbose_name=_("đợt thi đua"),
    )
    kind = models.CharField(_("loại"), max_length=16, choices=ReviewKind.choices)
    held_on = models.DateField(_("ngày sơ kết, tổng kết"))
    state = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=ReviewState.choices,
        default=ReviewState.DRAFT,
        editable=False,
    )
    shortcomings = models.TextField(_("hạn chế, tồn tại"), blank=True)
    directions = models.TextField(_("phương hướng, nhiệm vụ"), blank=True)
    notes = models.TextField(_("ghi chú nội bộ"), blank=True)
    works_to_commend = models.ManyToManyField(
        Work,
        blank=True,
        related_name="reviews_commending",
        verbose_name=_("công trình đề nghị khen thưởng"),
    )
    works_to_publicise = models.ManyToManyField(
        Work,
        blank=True,
        related_name="reviews_publicising",
        verbose_name=_("công trình tuyên truyền"),
    )
    report = models.FileField(_("báo cáo"), upload_to="reviews/", max_length=255, blank=True)
    report_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    report_generated_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    issued_at = models.DateTimeField(_("ban hành lúc"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("sơ kết, tổng kết")
        verbose_name_plural = _("sơ kết, tổng kết")
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=[s.value for s in ReviewState]), name="review_state_valid"
            ),
            models.CheckConstraint(
                condition=~Q(kind="interim") | Q(phase__isnull=False),
                name="review_interim_has_phase",
            ),
            models.CheckConstraint(
                condition=~Q(state="issued") | ~Q(report_sha256=""),
                name="review_issued_has_report",
            ),
            models.UniqueConstraint(
                fields=["campaign", "phase", "kind"], name="review_once_per_phase"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.phase.name if self.phase else ''}".strip()


EVENT_LABELS = {
    "open": _("Mở hồ sơ"),
    "update": _("Sửa nội dung"),
    "select_works": _("Chọn công trình"),
    "report": _("Lập báo cáo"),
    "issue": _("Ban hành"),
    "reopen": _("Mở lại"),
}


class PhaseReviewEvent(Event):
    """Append-only history of a review: creation, edits, selections, reports, issue."""

    review = models.ForeignKey(PhaseReview, on_delete=models.CASCADE, related_name="events")
    from_state = models.CharField(max_length=16, blank=True)
    to_state = models.CharField(max_length=16, blank=True)

    class Meta(Event.Meta):
        verbose_name = _("lịch sử sơ kết")
        verbose_name_plural = _("lịch sử sơ kết")

    @property
    def label(self) -> str:
        return str(EVENT_LABELS.get(self.kind, self.kind))

    def __str__(self) -> str:
        return f"{self.review_id}: {self.kind}"
