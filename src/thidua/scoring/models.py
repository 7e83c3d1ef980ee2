"""Scoring of Cụm, Khối thi đua: criteria, score sheets, rankings (LAW-NOTES §5).

Each year a cluster (Cụm) or block (Khối) scores its members against a table of criteria
(bảng chấm điểm), usually out of 100 points plus bonus and deduction points; a campaign
plan may add criteria (KH 128 IV.3). Members self-score, the cluster leader reviews
(cross-scores), the Ban Thi đua - Khen thưởng confirms and publishes the ranking; the
leading unit(s) are proposed for the Cờ thi đua of the UBND tỉnh and the next ones for
the Bằng khen of the Chairman (Law Điều 26, 74; LAW-NOTES §2.2, §5).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.campaigns.models import Campaign
from thidua.core.models import Event
from thidua.core.text import nfc
from thidua.organisations.models import EmulationGroup, Unit


class SetState(models.TextChoices):
    DRAFT = "draft", _("Đang soạn")
    ACTIVE = "active", _("Đang áp dụng")


class TieBreak(models.TextChoices):
    """Ordered keys that separate equal totals (the set lists the ones it uses, in order)."""

    CRITERIA_AT_MAX = "criteria_at_max", _("Nhiều tiêu chí đạt điểm tối đa hơn")
    FEWER_DEDUCTIONS = "fewer_deductions", _("Ít điểm trừ hơn")
    COMPUTED_TOTAL = "computed_total", _("Điểm các tiêu chí tính tự động cao hơn")
    BONUS_TOTAL = "bonus_total", _("Điểm thưởng cao hơn")
    SMALLER_GAP = "smaller_gap", _("Điểm tự chấm sát điểm thẩm định hơn")


#: The tie-break order a new criteria set starts with (the set may change it).
DEFAULT_TIE_BREAKS = [
    TieBreak.CRITERIA_AT_MAX.value,
    TieBreak.FEWER_DEDUCTIONS.value,
    TieBreak.COMPUTED_TOTAL.value,
]


class CriteriaSet(models.Model):
    """The scoring table (bảng chấm điểm) of one Cụm/Khối for one year, signed in the
    emulation covenant (giao ước thi đua) early in the year (LAW-NOTES §5)."""

    group = models.ForeignKey(
        EmulationGroup,
        on_delete=models.PROTECT,
        related_name="criteria_sets",
        verbose_name=_("cụm, khối thi đua"),
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="criteria_sets",
        verbose_name=_("phong trào bổ sung tiêu chí"),
    )
    title = models.CharField(_("tên bảng tiêu chí"), max_length=255)
    state = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=SetState.choices,
        default=SetState.DRAFT,
        editable=False,
    )
    tie_break_rules = models.TextField(_("quy tắc xếp hạng khi bằng điểm"), blank=True)
    tie_break_keys = models.JSONField(_("thứ tự tiêu chí phụ"), default=list, blank=True)
    gap_threshold_percent = models.PositiveSmallIntegerField(
        _("ngưỡng chênh lệch (% điểm tối đa)"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Chênh lệch giữa điểm tự chấm và điểm thẩm định từ ngưỡng này được đánh dấu."),
    )
    flag_count = models.PositiveSmallIntegerField(_("số đơn vị đề nghị Cờ thi đua"), default=1)
    merit_count = models.PositiveSmallIntegerField(_("số đơn vị đề nghị Bằng khen"), default=2)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bảng tiêu chí chấm điểm")
        verbose_name_plural = _("bảng tiêu chí chấm điểm")
        ordering = ["-year", "group__kind", "group__code", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["group", "year"], name="criteria_set_group_year"),
            models.CheckConstraint(
                condition=Q(state__in=[s.value for s in SetState]), name="criteria_set_state"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.title = nfc(self.title)
        self.tie_break_rules = nfc(self.tie_break_rules)
        super().save(*args, **kwargs)


class CriterionGroup(models.Model):
    """A heading of the scoring table (e.g. "I. Thực hiện nhiệm vụ chính trị")."""

    criteria_set = models.ForeignKey(
        CriteriaSet, on_delete=models.CASCADE, related_name="criterion_groups"
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    code = models.CharField(_("mã"), max_length=16)
    title = models.CharField(_("nhóm tiêu chí"), max_length=255)

    class Meta:
        verbose_name = _("nhóm tiêu chí")
        verbose_name_plural = _("nhóm tiêu chí")
        ordering = ["criteria_set", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["criteria_set", "code"], name="criterion_group_code")
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.title}"


class CriterionKind(models.TextChoices):
    MANUAL = "manual", _("Chấm tay")
    COMPUTED = "computed", _("Tính tự động")


class ComputedSource(models.TextChoices):
    """Where a computed criterion takes its figure (what thidua itself holds)."""

    REPORTS_ON_TIME = "reports_on_time", _("Báo cáo định kỳ đúng hạn")
    WORKS_REGISTERED = "works_registered", _("Đăng ký công trình, phần việc")
    WORKS_COMPLETED = "works_completed", _("Công trình, phần việc hoàn thành")
    TARGETS_MET = "targets_met", _("Chỉ tiêu đạt, vượt")


class Effect(models.TextChoices):
    NORMAL = "normal", _("Điểm chuẩn")
    BONUS = "bonus", _("Điểm thưởng")
    DEDUCTION = "deduction", _("Điểm trừ")


class Criterion(models.Model):
    """One line of the scoring table with its maximum points.

    A deduction's points are entered as a positive number and subtracted from the total;
    a computed criterion is filled from the unit's reports, works or targets.
    """

    criteria_set = models.ForeignKey(CriteriaSet, on_delete=models.CASCADE, related_name="criteria")
    group = models.ForeignKey(
        CriterionGroup, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("nhóm")
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    code = models.CharField(_("mã"), max_length=16)
    text = models.TextField(_("nội dung tiêu chí"))
    max_points = models.DecimalField(
        _("điểm tối đa"),
        max_digits=6,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    kind = models.CharField(
        _("cách chấm"), max_length=16, choices=CriterionKind.choices, default=CriterionKind.MANUAL
    )
    source = models.CharField(
        _("nguồn số liệu"), max_length=32, choices=ComputedSource.choices, blank=True
    )
    target_count = models.PositiveSmallIntegerField(
        _("số lượng cần đạt"),
        default=1,
        help_text=_("Với tiêu chí đăng ký công trình: số công trình cần đăng ký để đạt tối đa."),
    )
    effect = models.CharField(
        _("loại điểm"), max_length=16, choices=Effect.choices, default=Effect.NORMAL
    )
    evidence_required = models.TextField(_("minh chứng cần có"), blank=True)
    added_by_campaign = models.BooleanField(_("tiêu chí do phong trào bổ sung"), default=False)

    class Meta:
        verbose_name = _("tiêu chí")
        verbose_name_plural = _("tiêu chí")
        ordering = ["criteria_set", "group__position", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["criteria_set", "code"], name="criterion_code"),
            models.CheckConstraint(
                condition=(Q(kind="manual") & Q(source="")) | (Q(kind="computed") & ~Q(source="")),
                name="criterion_source_iff_computed",
            ),
            models.CheckConstraint(condition=Q(max_points__gt=0), name="criterion_max_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.text[:60]}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.text = nfc(self.text)
        super().save(*args, **kwargs)


class SheetState(models.TextChoices):
    """States of a score sheet; the transition table is in ``scoring/transitions.py``."""

    DRAFT = "draft", _("Đang tự chấm")
    SELF_SUBMITTED = "self_submitted", _("Đã gửi tự chấm")
    RETURNED = "returned", _("Trả lại")
    REVIEWED = "reviewed", _("Đã thẩm định")
    CONFIRMED = "confirmed", _("Ban TĐKT đã xác nhận")
    PUBLISHED = "published", _("Đã công bố")


class ScoreSheet(models.Model):
    """One member unit's score sheet (phiếu chấm điểm) against a criteria set."""

    criteria_set = models.ForeignKey(CriteriaSet, on_delete=models.PROTECT, related_name="sheets")
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="score_sheets", verbose_name=_("đơn vị")
    )
    state = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=SheetState.choices,
        default=SheetState.DRAFT,
        editable=False,
    )
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    self_note = models.TextField(_("ghi chú tự đánh giá"), blank=True)
    review_note = models.TextField(_("nhận xét thẩm định"), blank=True)
    submitted_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("thẩm định lúc"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(_("xác nhận lúc"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("phiếu chấm điểm")
        verbose_name_plural = _("phiếu chấm điểm")
        ordering = ["criteria_set", "unit__code"]
        constraints = [
            models.UniqueConstraint(fields=["criteria_set", "unit"], name="one_sheet_per_unit"),
            models.CheckConstraint(
                condition=Q(state__in=[s.value for s in SheetState]), name="sheet_state_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} – {self.criteria_set}"


def _evidence_path(instance: Score, filename: str) -> str:
    return f"scoring/{instance.sheet_id}/{instance.evidence_sha256[:2]}/{filename}"


class Score(models.Model):
    """The points of one criterion on one sheet: the unit's own, then the reviewer's."""

    sheet = models.ForeignKey(ScoreSheet, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="scores")
    self_points = models.DecimalField(
        _("điểm tự chấm"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    self_note = models.TextField(_("giải trình"), blank=True)
    computed_value = models.DecimalField(
        _("số liệu tính"), max_digits=9, decimal_places=4, null=True, blank=True
    )
    computed_detail = models.CharField(_("diễn giải"), max_length=255, blank=True)
    evidence = models.FileField(
        _("minh chứng"), upload_to=_evidence_path, max_length=255, blank=True
    )
    evidence_name = models.CharField(max_length=255, blank=True)
    evidence_type = models.CharField(max_length=100, blank=True)
    evidence_sha256 = models.CharField(max_length=64, blank=True)
    reviewed_points = models.DecimalField(
        _("điểm thẩm định"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    review_note = models.TextField(_("ý kiến thẩm định"), blank=True)

    class Meta:
        verbose_name = _("điểm tiêu chí")
        verbose_name_plural = _("điểm tiêu chí")
        ordering = ["sheet", "criterion__group__position", "criterion__position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["sheet", "criterion"], name="one_score_per_criterion"),
            models.CheckConstraint(
                condition=Q(self_points__isnull=True) | Q(self_points__gte=0),
                name="score_self_nonnegative",
            ),
            models.CheckConstraint(
                condition=Q(reviewed_points__isnull=True) | Q(reviewed_points__gte=0),
                name="score_reviewed_nonnegative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sheet_id}/{self.criterion_id}"


class Ranking(models.Model):
    """The published ranking of one criteria set; locked once published."""

    criteria_set = models.OneToOneField(
        CriteriaSet, on_delete=models.PROTECT, related_name="ranking"
    )
    published_at = models.DateTimeField(_("công bố lúc"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    locked = models.BooleanField(_("đã khóa"), default=True)
    tie_break_keys = models.JSONField(_("thứ tự tiêu chí phụ đã áp dụng"), default=list)
    handed_over_at = models.DateTimeField(_("chuyển đề nghị khen thưởng lúc"), null=True)

    class Meta:
        verbose_name = _("kết quả xếp hạng")
        verbose_name_plural = _("kết quả xếp hạng")
        ordering = ["-published_at", "pk"]

    def __str__(self) -> str:
        return str(self.criteria_set)


class Proposal(models.TextChoices):
    FLAG = "flag", _("Cờ thi đua của UBND tỉnh")
    MERIT = "merit", _("Bằng khen của Chủ tịch UBND tỉnh")
    NONE = "none", _("Không đề nghị")


class RankingRow(models.Model):
    """One unit's place in a published ranking, with the figures its tie-breaks used."""

    ranking = models.ForeignKey(Ranking, on_delete=models.CASCADE, related_name="rows")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="ranking_rows")
    sheet = models.OneToOneField(ScoreSheet, on_delete=models.PROTECT, related_name="ranking_row")
    rank = models.PositiveSmallIntegerField(_("hạng"))
    total = models.DecimalField(_("tổng điểm"), max_digits=7, decimal_places=2)
    self_total = models.DecimalField(_("tổng điểm tự chấm"), max_digits=7, decimal_places=2)
    criteria_at_max = models.PositiveSmallIntegerField(default=0)
    deductions = models.DecimalField(max_digits=7, decimal_places=2, default=Decimal(0))
    bonus = models.DecimalField(max_digits=7, decimal_places=2, default=Decimal(0))
    computed_total = models.DecimalField(max_digits=7, decimal_places=2, default=Decimal(0))
    tie_note = models.CharField(_("giải thích thứ hạng"), max_length=500, blank=True)
    proposal = models.CharField(
        _("đề nghị khen thưởng"), max_length=16, choices=Proposal.choices, default=Proposal.NONE
    )
    nomination_id = models.PositiveBigIntegerField(_("mã hồ sơ đề nghị"), null=True, blank=True)

    class Meta:
        verbose_name = _("dòng xếp hạng")
        verbose_name_plural = _("dòng xếp hạng")
        ordering = ["ranking", "rank", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["ranking", "unit"], name="ranking_unit_once"),
        ]

    def __str__(self) -> str:
        return f"{self.rank}. {self.unit}"


class ScoringEvent(Event):
    """Append-only history of scoring: sheet transitions, publication, hand-over."""

    criteria_set = models.ForeignKey(CriteriaSet, on_delete=models.CASCADE, related_name="events")
    sheet = models.ForeignKey(
        ScoreSheet, on_delete=models.CASCADE, null=True, blank=True, related_name="events"
    )
    from_state = models.CharField(max_length=16, blank=True)
    to_state = models.CharField(max_length=16, blank=True)

    class Meta(Event.Meta):
        verbose_name = _("lịch sử chấm điểm")
        verbose_name_plural = _("lịch sử chấm điểm")
        indexes = [models.Index(fields=["criteria_set", "at"])]

    def __str__(self) -> str:
        return f"{self.criteria_set_id}: {self.kind}"
