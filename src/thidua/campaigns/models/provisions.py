"""What the plan provides beyond its calendar: registration and reporting rules,
the province's own works, award forms and each agency's duties."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.campaigns.models.campaign import Campaign, ContentArea, Ordered, PrecisionField
from thidua.core.dates import WeekendPolicy
from thidua.organisations.models import Unit


class WorkKind(models.TextChoices):
    """Kinds of registered work (KH 128 section II.2)."""

    CONSTRUCTION = "construction", _("Công trình")
    PROJECT = "project", _("Dự án")
    TASK = "task", _("Phần việc")


class Approver(models.TextChoices):
    SECRETARIAT = "secretariat", _("Ban Thi đua - Khen thưởng")
    PARENT = "parent", _("Cấp trên trực tiếp")


class RegistrationRule(Ordered):
    """Who registers how many works of which kinds, and through whom (KH 128 II.2)."""

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="registration_rules"
    )
    unit_kinds = models.JSONField(_("loại đơn vị"), default=list)
    minimum = models.PositiveSmallIntegerField(_("số lượng tối thiểu"), default=1)
    work_kinds = models.JSONField(_("loại công trình được tính"), default=list)
    alternative_work_kinds = models.JSONField(
        _("thay thế khi không có công trình"), default=list, blank=True
    )
    via_parent = models.BooleanField(_("đăng ký qua cấp trên"), default=False)
    approver = models.CharField(
        _("cấp duyệt"), max_length=16, choices=Approver.choices, default=Approver.SECRETARIAT
    )
    no_duplicate_of_campaign_works = models.BooleanField(
        _("không trùng công trình của tỉnh"), default=True
    )
    text = models.TextField(_("nguyên văn"), blank=True)

    class Meta(Ordered.Meta):
        verbose_name = _("quy định đăng ký")
        verbose_name_plural = _("quy định đăng ký")

    def __str__(self) -> str:
        return f"{', '.join(self.unit_kinds)} ≥ {self.minimum}"


class WorkStage(models.TextChoices):
    START = "start", _("Khởi công")
    FINISH = "finish", _("Hoàn thành")


class CampaignWork(Ordered):
    """A work the issuing level itself selects (KH 128 II.2.a: the province's 8 works)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="campaign_works")
    code = models.CharField(_("mã"), max_length=32)
    title = models.TextField(_("tên công trình"))
    kind = models.CharField(
        _("loại"), max_length=16, choices=WorkKind.choices, default=WorkKind.CONSTRUCTION
    )
    stage = models.CharField(_("mục tiêu"), max_length=16, choices=WorkStage.choices)
    deadline = models.DateField(_("thời hạn"), null=True, blank=True)
    deadline_precision = PrecisionField(_("độ chính xác thời hạn"))
    deadline_event = models.CharField(_("sự kiện mốc"), max_length=255, blank=True)
    content_area = models.ForeignKey(
        ContentArea, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta(Ordered.Meta):
        verbose_name = _("công trình của cấp phát động")
        verbose_name_plural = _("công trình của cấp phát động")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "code"], name="campaign_work_code_unique")
        ]

    def __str__(self) -> str:
        return self.title


class ReportingRule(models.Model):
    """When units report and to whom (KH 128 IV.2: hằng quý, ngày 15 tháng cuối quý)."""

    campaign = models.OneToOneField(
        Campaign, on_delete=models.CASCADE, related_name="reporting_rule"
    )
    frequency = models.CharField(_("định kỳ"), max_length=16, default="quarterly")
    due_day = models.PositiveSmallIntegerField(_("ngày đến hạn"))
    due_month_of_period = models.PositiveSmallIntegerField(
        _("tháng đến hạn trong kỳ"), help_text=_("1 = tháng đầu, 3 = tháng cuối quý")
    )
    weekend_policy = models.CharField(
        _("khi rơi vào ngày nghỉ"),
        max_length=32,
        choices=[
            (WeekendPolicy.KEEP.value, _("Giữ nguyên")),
            (WeekendPolicy.PREVIOUS_WORKING_DAY.value, _("Chuyển về ngày làm việc trước")),
            (WeekendPolicy.NEXT_WORKING_DAY.value, _("Chuyển sang ngày làm việc sau")),
        ],
        default=WeekendPolicy.KEEP.value,
    )
    recipient_name = models.CharField(_("nơi nhận báo cáo"), max_length=255)
    recipient_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    text = models.TextField(_("nguyên văn"), blank=True)

    class Meta:
        verbose_name = _("quy định báo cáo")
        verbose_name_plural = _("quy định báo cáo")
        ordering = ["campaign"]

    def __str__(self) -> str:
        return f"{self.campaign.doc_number}: {self.frequency}"


class CampaignAward(Ordered):
    """An award form the plan offers, with who grants it to whom (KH 128 III.2.a)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="awards")
    code = models.CharField(_("mã"), max_length=32)
    name = models.CharField(_("hình thức khen thưởng"), max_length=255)
    grantors = models.JSONField(_("người có thẩm quyền"), default=list)
    subjects = models.JSONField(_("đối tượng"), default=list)
    criteria = models.TextField(_("tiêu chuẩn"), blank=True)
    quota = models.TextField(_("số lượng"), blank=True)

    class Meta(Ordered.Meta):
        verbose_name = _("hình thức khen thưởng")
        verbose_name_plural = _("hình thức khen thưởng")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "code"], name="campaign_award_code_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Duty(Ordered):
    """What the plan asks of one or more agencies (section IV, tổ chức thực hiện)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="duties")
    section = models.CharField(_("mục"), max_length=16, blank=True)
    agencies = models.JSONField(_("cơ quan thực hiện"), default=list)
    agency_units = models.ManyToManyField(Unit, blank=True, related_name="+")
    text = models.TextField(_("nhiệm vụ"))

    class Meta(Ordered.Meta):
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")

    def __str__(self) -> str:
        return self.text[:80]
