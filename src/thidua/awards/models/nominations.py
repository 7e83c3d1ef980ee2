"""Nominations (đề nghị khen thưởng) with their dossier and events, and the award history.

The state field is written only by ``awards.transitions`` (STYLE.md: one transition
function per workflow).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.awards.models.forms import AwardForm
from thidua.awards.models.nominees import Nominee
from thidua.campaigns.models import Campaign, Phase
from thidua.core.models import Event
from thidua.core.tree import path_ids
from thidua.organisations.models import Unit
from thidua.targets.models import Target
from thidua.works.models import Work


class NominationState(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    SUBMITTED = "submitted", _("Đã gửi")
    UNDER_REVIEW = "under_review", _("Đang thẩm định")
    RETURNED = "returned", _("Trả lại để bổ sung")
    TO_COUNCIL = "to_council", _("Trình Hội đồng")
    APPROVED = "approved", _("Hội đồng đồng ý")
    NOT_APPROVED = "not_approved", _("Không được đồng ý")
    DECIDED = "decided", _("Đã có quyết định")
    WITHDRAWN = "withdrawn", _("Đã rút")


#: States in which the nomination still claims its nominee's achievement in the phase
#: (one achievement, one award: Luật TĐKT 2022 Điều 5).
CLAIMING_STATES = (
    NominationState.DRAFT,
    NominationState.SUBMITTED,
    NominationState.UNDER_REVIEW,
    NominationState.RETURNED,
    NominationState.TO_COUNCIL,
    NominationState.APPROVED,
    NominationState.DECIDED,
)


#: States in which a nomination waits for its appraising body: the review queue (Luật TĐKT
#: 2022 Điều 80), served by its own partial indexes.
REVIEW_STATES = (
    NominationState.SUBMITTED,
    NominationState.UNDER_REVIEW,
    NominationState.TO_COUNCIL,
)


class AwardBasis(models.TextChoices):
    """What the award rewards. Campaign (chuyên đề) and exceptional (đột xuất) awards do
    not count towards merit (công trạng) proposals (ND 152/2025 Điều 4.3)."""

    CAMPAIGN = "campaign", _("Thi đua theo chuyên đề, theo đợt")
    EXCEPTIONAL = "exceptional", _("Thành tích đột xuất")
    ANNUAL = "annual", _("Thi đua thường xuyên (hằng năm)")
    MERIT = "merit", _("Công trạng")


class Nomination(models.Model):
    """A proposal that a nominee receive an award form for an achievement in a campaign
    phase, made by a proposing unit and granted by the head of ``grantor_unit``.

    ``achievement`` holds the achievement report in the sections of the decree's template
    for thematic campaigns (ND 152/2025 Phụ lục, báo cáo thành tích thi đua theo chuyên đề).
    ``distinct_achievement`` is the reviewer's confirmation that the achievement differs
    from the one the same form rewards (or is proposed for) in another phase of the
    campaign (one achievement, one award: Luật TĐKT 2022 Điều 5).
    """

    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="nominations")
    phase = models.ForeignKey(Phase, on_delete=models.PROTECT, related_name="nominations")
    proposer_unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="nominations_made",
        verbose_name=_("đơn vị đề nghị"),
    )
    grantor_unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="nominations_to_grant",
        verbose_name=_("cấp khen thưởng"),
    )
    nominee = models.ForeignKey(Nominee, on_delete=models.PROTECT, related_name="nominations")
    form = models.ForeignKey(AwardForm, on_delete=models.PROTECT, related_name="nominations")
    basis = models.CharField(
        _("loại thành tích"),
        max_length=16,
        choices=AwardBasis.choices,
        default=AwardBasis.CAMPAIGN,
    )
    simplified = models.BooleanField(_("thủ tục đơn giản"), default=False)
    state = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=NominationState.choices,
        default=NominationState.DRAFT,
    )
    summary = models.TextField(_("tóm tắt thành tích"), blank=True)
    achievement = models.JSONField(_("báo cáo thành tích"), default=dict, blank=True)
    works = models.ManyToManyField(Work, blank=True, related_name="nominations")
    targets = models.ManyToManyField(Target, blank=True, related_name="nominations")
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    distinct_achievement = models.TextField(
        _("xác nhận thành tích khác"),
        blank=True,
        help_text=_(
            "Người thẩm định ghi vì sao thành tích này khác thành tích đã được đề nghị, "
            "khen cùng hình thức ở đợt khác của phong trào."
        ),
    )
    distinct_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người xác nhận thành tích khác"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    submitted_on = models.DateField(_("ngày gửi"), null=True, blank=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("đề nghị khen thưởng")
        verbose_name_plural = _("đề nghị khen thưởng")
        ordering = ["campaign", "phase", "proposer_unit", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=NominationState.values), name="nomination_state_valid"
            ),
            # One achievement, one award (Luật TĐKT Điều 5): a nominee has at most one
            # live nomination per campaign phase, whatever the form.
            models.UniqueConstraint(
                fields=["phase", "nominee"],
                condition=Q(state__in=CLAIMING_STATES),
                name="nomination_one_live_per_phase",
            ),
        ]
        indexes = [
            models.Index(fields=["campaign", "state"]),
            # The lists' and the review queue's sort keys (newest first; oldest sent first).
            models.Index(fields=["updated_at", "id"], name="nomination_updated_idx"),
            models.Index(fields=["submitted_on", "id"], name="nomination_submitted_idx"),
            # The review queue, in its order: the admin's (every grantor) and a granting
            # body's (its grantor ids), over the waiting states only (issue #16).
            models.Index(
                fields=["submitted_on", "id"],
                condition=Q(state__in=REVIEW_STATES),
                name="nomination_queue_idx",
            ),
            models.Index(
                fields=["grantor_unit", "submitted_on", "id"],
                condition=Q(state__in=REVIEW_STATES),
                name="nomination_grantor_queue_idx",
            ),
            # The overview's counts by form and state, read from the index alone.
            models.Index(fields=["form", "state"], name="nomination_form_state_idx"),
            # A province's sent nominations (Ban TĐKT, leaders, the Council: their units'
            # ids), counted by state and form from the index alone.
            models.Index(
                fields=["proposer_unit", "state", "form"],
                condition=Q(submitted_on__isnull=False),
                name="nomination_sent_proposer_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nominee} – {self.form}"


class NominationEvent(Event):
    """One step of a nomination's life (submitted, returned with a reason, voted…)."""

    nomination = models.ForeignKey(Nomination, on_delete=models.PROTECT, related_name="events")
    from_state = models.CharField(max_length=16, blank=True)
    to_state = models.CharField(max_length=16, blank=True)

    class Meta(Event.Meta):
        verbose_name = _("sự kiện đề nghị khen thưởng")
        verbose_name_plural = _("sự kiện đề nghị khen thưởng")


class DossierKind(models.TextChoices):
    """Documents of a dossier (Luật TĐKT Điều 84, 85; LAW-NOTES §4.1, R12)."""

    COVER = "cover", _("Tờ trình đề nghị khen thưởng")
    REPORT = "report", _("Báo cáo thành tích có xác nhận của cấp trình")
    SUMMARY = "summary", _("Báo cáo tóm tắt thành tích")
    MINUTES = "minutes", _("Biên bản xét khen thưởng")
    BALLOT = "ballot", _("Kết quả bỏ phiếu kín")
    EVIDENCE = "evidence", _("Tài liệu chứng minh")


def dossier_upload_to(instance: DossierFile, filename: str) -> str:
    return f"ho-so-khen-thuong/{instance.nomination_id}/{filename}"


class DossierFile(models.Model):
    """One file of a nomination's dossier, checked by content and size on upload."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(_("loại tài liệu"), max_length=16, choices=DossierKind.choices)
    file = models.FileField(_("tệp"), upload_to=dossier_upload_to)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    content_type = models.CharField(max_length=128)
    size = models.PositiveIntegerField(_("dung lượng"))
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("tải lên lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("tài liệu hồ sơ")
        verbose_name_plural = _("tài liệu hồ sơ")
        ordering = ["nomination", "kind", "pk"]

    def __str__(self) -> str:
        return self.original_name


class AwardRecord(models.Model):
    """One award a nominee received: from a decision issued in thidua (``nomination`` set)
    or entered from the archive, so the history is complete (annual titles included).

    ``basis`` tells whether it counts towards merit proposals: campaign and exceptional
    awards do not (ND 152/2025 Điều 4.3; LAW-NOTES R8).
    """

    nominee = models.ForeignKey(Nominee, on_delete=models.PROTECT, related_name="awards")
    form = models.ForeignKey(AwardForm, on_delete=models.PROTECT, related_name="records")
    year = models.PositiveSmallIntegerField(_("năm"))
    basis = models.CharField(_("loại thành tích"), max_length=16, choices=AwardBasis.choices)
    campaign = models.ForeignKey(
        Campaign, on_delete=models.PROTECT, null=True, blank=True, related_name="award_records"
    )
    nomination = models.OneToOneField(
        Nomination, on_delete=models.PROTECT, null=True, blank=True, related_name="award_record"
    )
    achievement = models.TextField(_("thành tích"), blank=True)
    decision_number = models.CharField(_("số quyết định"), max_length=64)
    decision_date = models.DateField(_("ngày quyết định"))
    grantor_title = models.CharField(_("cấp khen thưởng"), max_length=255)
    amount = models.PositiveIntegerField(_("tiền thưởng (đồng)"), null=True, blank=True)
    unit_name = models.CharField(
        _("đơn vị khi được khen"),
        max_length=255,
        blank=True,
        help_text=_("Tên đơn vị tại thời điểm khen thưởng (đơn vị có thể đã sáp nhập)."),
    )
    recorded_at = models.DateTimeField(_("ghi nhận lúc"), auto_now_add=True)
    revoked_on = models.DateField(
        _("bị hủy bỏ ngày"),
        null=True,
        blank=True,
        help_text=_(
            "Ngày ký quyết định hủy bỏ quyết định khen thưởng (Luật Thi đua, khen thưởng "
            "2022, Chương VII). Khen thưởng đã bị hủy bỏ không được tính để xét khen sau."
        ),
    )
    revocation_ref = models.CharField(
        _("quyết định hủy bỏ"), max_length=128, blank=True, help_text=_("Số và ngày.")
    )
    province = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tỉnh, thành phố quản lý hồ sơ"),
        help_text=_(
            "Tỉnh, thành phố có Ban Thi đua - Khen thưởng được xem bản ghi này khi đối tượng "
            "không còn thuộc đơn vị nào."
        ),
    )

    class Meta:
        verbose_name = _("khen thưởng đã nhận")
        verbose_name_plural = _("lịch sử khen thưởng")
        ordering = ["nominee", "-decision_date", "pk"]
        indexes = [models.Index(fields=["nominee", "year"])]

    def __str__(self) -> str:
        return f"{self.nominee}: {self.form} ({self.decision_number})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        """A record without a province takes its nominee's (the root of the nominee's
        unit), else the province of the nomination's granting unit: an archive record
        is read by that province's Ban TĐKT only, never by another province's."""
        if getattr(self, "province_id", None) is None:
            self.province_id = record_province_id(self.nominee_id, self.nomination_id)
        super().save(*args, **kwargs)

    @property
    def is_revoked(self) -> bool:
        """Revoked by a decision cancelling the award (Luật TĐKT 2022, Chương VII)."""
        return self.revoked_on is not None


def record_province_id(nominee_id: int | None, nomination_id: int | None) -> int | None:
    """The province (root unit id) an award record belongs to: the root of its nominee's
    unit, else of the granting unit of its nomination; None when neither is known."""
    path = (
        Nominee.objects.filter(pk=nominee_id).values_list("unit__path", flat=True).first()
        if nominee_id is not None
        else None
    )
    if not path and nomination_id is not None:
        path = (
            Nomination.objects.filter(pk=nomination_id)
            .values_list("grantor_unit__path", flat=True)
            .first()
        )
    ids = path_ids(path) if path else []
    return ids[0] if ids else None


#: Award records that still count: a revoked award builds no later title or proposal
#: (Luật Thi đua, khen thưởng 2022, Chương VII: the award decision is cancelled).
IN_FORCE = models.Q(revoked_on__isnull=True)
