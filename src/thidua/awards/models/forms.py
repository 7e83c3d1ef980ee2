"""Award forms and the date-versioned rules that govern them (LAW-NOTES §2, §4, §10).

Everything the law fixes (who may grant, the dossier, the council threshold, the reward
multiplier) is a row with its legal citation and validity dates, never a constant in
code: the same check gives the ND 98/2023 answer for a decision signed on 30/6/2025 and
the ND 152/2025 answer for one signed on 01/7/2025 (LAW-NOTES R1, R2).
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from thidua.campaigns.models import Campaign, Phase
from thidua.organisations.models import Unit


class SubjectKind(models.TextChoices):
    """Who can be awarded (Luật TĐKT 2022 Điều 74, 75: cá nhân, tập thể, hộ gia đình)."""

    INDIVIDUAL = "individual", _("Cá nhân")
    COLLECTIVE = "collective", _("Tập thể")
    HOUSEHOLD = "household", _("Hộ gia đình")
    ENTERPRISE = "enterprise", _("Doanh nghiệp")


class GrantorKind(models.TextChoices):
    """Whose head grants (Luật TĐKT 2022 Điều 80): the kinds of ``UnitKind`` that grant,
    and a unit under a department (a hospital, a school: a unit of kind "other" whose
    parent is a department; ``awards.authority.grantor_kind_of``)."""

    PROVINCE = "province", _("Chủ tịch UBND tỉnh")
    DEPARTMENT = "department", _("Giám đốc sở, thủ trưởng ban, ngành tỉnh")
    DEPARTMENT_UNIT = "department_unit", _("Thủ trưởng đơn vị trực thuộc sở, ngành")
    MASS_ORGANISATION = "mass_organisation", _("Người đứng đầu Mặt trận, đoàn thể tỉnh")
    DISTRICT = "district", _("Chủ tịch UBND huyện")
    COMMUNE = "commune", _("Chủ tịch UBND xã")
    ENTERPRISE = "enterprise", _("Giám đốc doanh nghiệp")


class AwardFormKind(models.TextChoices):
    TITLE = "title", _("Danh hiệu thi đua")
    FORM = "form", _("Hình thức khen thưởng")


class AwardForm(models.Model):
    """A title (danh hiệu thi đua) or an award form (hình thức khen thưởng), e.g. Bằng khen
    của Chủ tịch UBND tỉnh, Giấy khen, Lao động tiên tiến, Cờ thi đua của UBND tỉnh."""

    code = models.CharField(_("mã"), max_length=32, unique=True)
    name = models.CharField(_("tên"), max_length=255)
    short_name = models.CharField(_("tên ngắn"), max_length=64, blank=True)
    kind = models.CharField(_("loại"), max_length=16, choices=AwardFormKind.choices)
    subject_kinds = models.JSONField(_("đối tượng"), default=list)
    campaign_allowed = models.BooleanField(
        _("được khen theo phong trào thi đua"),
        default=False,
        help_text=_("Chỉ Bằng khen và Giấy khen được khen từ phong trào dưới 3 năm."),
    )
    min_campaign_years = models.PositiveSmallIntegerField(
        _("phong trào tối thiểu (năm)"),
        default=0,
        help_text=_("Cờ thi đua theo chuyên đề chỉ khi phong trào kéo dài từ 3 năm trở lên."),
    )
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=255)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("hình thức khen thưởng")
        verbose_name_plural = _("hình thức khen thưởng")
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.name


class AwardRule(models.Model):
    """The rules of one form during one validity window: criteria, dossier, vote, reward.

    ``dossier`` lists the document kinds (``DossierKind``) a nomination needs;
    ``dossier_simplified`` those of the simplified procedure (Luật TĐKT Điều 85).
    ``council_threshold`` is the share of yes votes needed (0,8 = 80 %), counted over all
    members when ``threshold_over_all_members`` (ND 98/2023 Điều 30.7). ``thresholds``
    holds, by check code, the values of the eligibility checks that read some (e.g.
    ``merit_history``: 3 consecutive CSTĐCS years for CSTĐ tỉnh), each with its citation;
    the check's own model validates them on loading (``awards.eligibility.registry``).
    ``ranking_proposal`` names the proposal of a Cụm/Khối ranking that becomes a
    nomination for this form (``flag``: the Cờ thi đua, ``merit``: the Bằng khen; LAW-NOTES
    §5), blank for none. ``sources`` gives, by field name, the citation of one value when it
    is not the rule's ``legal_basis``, whether it was verified, and whether the value is the
    province's setting rather than the law's (``awards.sources.value_source``).
    """

    form = models.ForeignKey(AwardForm, on_delete=models.CASCADE, related_name="rules")
    valid_from = models.DateField(_("hiệu lực từ"))
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=255)
    criteria = models.TextField(_("tiêu chuẩn"), blank=True)
    dossier = models.JSONField(_("hồ sơ"), default=list)
    dossier_simplified = models.JSONField(_("hồ sơ thủ tục đơn giản"), default=list, blank=True)
    council_required = models.BooleanField(_("cần Hội đồng xét"), default=True)
    council_threshold = models.DecimalField(
        _("tỷ lệ phiếu đồng ý"), max_digits=4, decimal_places=3, null=True, blank=True
    )
    threshold_over_all_members = models.BooleanField(
        _("tính trên tổng số thành viên"), default=True
    )
    secret_ballot = models.BooleanField(_("bỏ phiếu kín"), default=False)
    multiplier_individual = models.DecimalField(
        _("hệ số (cá nhân)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    multiplier_collective = models.DecimalField(
        _("hệ số (tập thể)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    multiplier_household = models.DecimalField(
        _("hệ số (hộ gia đình)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    appraisal_working_days = models.PositiveSmallIntegerField(
        _("thời hạn thẩm định (ngày làm việc)"), default=10
    )
    dossier_days_before_review = models.PositiveSmallIntegerField(
        _("nộp hồ sơ trước lễ tổng kết (ngày)"), default=10
    )
    thresholds = models.JSONField(_("ngưỡng kiểm tra điều kiện"), default=dict, blank=True)
    ranking_proposal = models.CharField(
        _("đề nghị từ xếp hạng cụm, khối"), max_length=16, blank=True
    )
    sources = models.JSONField(
        _("căn cứ của từng giá trị"),
        default=dict,
        blank=True,
        help_text=_(
            "Căn cứ riêng của một giá trị (hệ số, tỷ lệ phiếu, thời hạn) và việc đã xác minh."
        ),
    )

    class Meta:
        verbose_name = _("quy định khen thưởng")
        verbose_name_plural = _("quy định khen thưởng")
        ordering = ["form", "valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="award_rule_dates_ordered",
            ),
            models.UniqueConstraint(fields=["form", "valid_from"], name="award_rule_unique_start"),
        ]

    def __str__(self) -> str:
        return f"{self.form} ({self.legal_basis})"


class AwardAuthority(models.Model):
    """Who may grant a form to which subjects during a window (Luật TĐKT Điều 80; from
    01/7/2025 ND 129/2025 Điều 59 moves the district chair's powers to the commune chair).

    The grantor is the head of a unit of ``grantor_kind`` (e.g. the chairman of a
    province's People's Committee, the director of a department, the director of a
    hospital under a department). ``verified`` is False where the article is not known:
    the Ban TĐKT sees the row marked "chưa xác minh" until it confirms it."""

    form = models.ForeignKey(AwardForm, on_delete=models.CASCADE, related_name="authorities")
    grantor_kind = models.CharField(
        _("cấp có thẩm quyền"), max_length=32, choices=GrantorKind.choices
    )
    grantor_title = models.CharField(_("chức danh người ký"), max_length=128)
    subject_kinds = models.JSONField(_("đối tượng"), default=list)
    valid_from = models.DateField(_("hiệu lực từ"))
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=255)
    verified = models.BooleanField(
        _("căn cứ đã xác minh"),
        default=True,
        help_text=_("Bỏ chọn khi chưa tìm được điều khoản: Ban TĐKT xác nhận trước khi dùng."),
    )

    class Meta:
        verbose_name = _("thẩm quyền khen thưởng")
        verbose_name_plural = _("thẩm quyền khen thưởng")
        ordering = ["form", "grantor_kind", "valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="award_authority_dates_ordered",
            )
        ]

    def __str__(self) -> str:
        return f"{self.grantor_title}: {self.form}"


class PhaseAwardDate(models.Model):
    """The day a phase's awards are decided, at its review (sơ kết, tổng kết): the checks
    of its nominations are judged as of that day (authority and rule version follow the
    decision date: LAW-NOTES R1, R2), and chuyên đề dossiers are due a number of working
    days before it (Bắc Ninh QĐ 86/2025 Điều 6.1, LAW-NOTES §4.3, R13)."""

    phase = models.OneToOneField(Phase, on_delete=models.CASCADE, related_name="award_date")
    review_on = models.DateField(_("ngày sơ kết, tổng kết"))
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("lịch sơ kết, tổng kết đợt")
        verbose_name_plural = _("lịch sơ kết, tổng kết đợt")
        ordering = ["review_on", "pk"]

    def __str__(self) -> str:
        return f"{self.phase}: {self.review_on:%d/%m/%Y}"


class Quota(models.Model):
    """How many nominations of a form may be approved: configuration, since no law sets a
    quota for Bằng khen or Giấy khen from a campaign (LAW-NOTES §3.2). A row without a
    unit caps the whole campaign (or phase); with a unit, that proposing unit."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="award_quotas")
    phase = models.ForeignKey(Phase, on_delete=models.CASCADE, null=True, blank=True)
    form = models.ForeignKey(AwardForm, on_delete=models.PROTECT, related_name="quotas")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, null=True, blank=True)
    subject_kind = models.CharField(
        _("đối tượng"), max_length=16, choices=SubjectKind.choices, blank=True
    )
    maximum = models.PositiveIntegerField(_("số lượng tối đa"))
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("chỉ tiêu số lượng khen thưởng")
        verbose_name_plural = _("chỉ tiêu số lượng khen thưởng")
        ordering = ["campaign", "form", "pk"]

    def __str__(self) -> str:
        return f"{self.form}: {self.maximum}"
