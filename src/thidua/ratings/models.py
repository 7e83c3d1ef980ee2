"""The year's results a title is judged on: each person's quality rating (xếp loại chất
lượng) with any discipline, each collective's rating, and the register of recognised
initiatives (sáng kiến) and accepted research (Luật Thi đua, khen thưởng 2022 Điều 22–28)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.awards.models import Nominee
from thidua.core.models import Event
from thidua.organisations.models import Unit


class Rating(models.TextChoices):
    """The year's quality rating of a cán bộ, công chức, viên chức (or a collective)."""

    EXCELLENT = "excellent", _("Hoàn thành xuất sắc nhiệm vụ")
    GOOD = "good", _("Hoàn thành tốt nhiệm vụ")
    COMPLETE = "complete", _("Hoàn thành nhiệm vụ")
    INCOMPLETE = "incomplete", _("Không hoàn thành nhiệm vụ")


#: Higher is better: "at least good" compares ranks.
RATING_RANK = {
    Rating.INCOMPLETE: 0,
    Rating.COMPLETE: 1,
    Rating.GOOD: 2,
    Rating.EXCELLENT: 3,
}


class Discipline(models.TextChoices):
    """A disciplinary measure taken in the year, lightest first."""

    NONE = "", _("Không bị kỷ luật")
    REPRIMAND = "reprimand", _("Khiển trách")
    WARNING = "warning", _("Cảnh cáo")
    PAY_DEMOTION = "pay_demotion", _("Hạ bậc lương")
    DEMOTION = "demotion", _("Giáng chức")
    REMOVAL = "removal", _("Cách chức")
    DISMISSAL = "dismissal", _("Buộc thôi việc")


#: Higher is heavier: "disciplined at cảnh cáo or above" compares ranks.
DISCIPLINE_RANK = {value: rank for rank, value in enumerate(Discipline.values)}


class AnnualRating(models.Model):
    """One person's rating for one year, as the unit's assessment recorded it, with the
    heaviest discipline of the year (if any) and the decision it comes from."""

    nominee = models.ForeignKey(
        Nominee, on_delete=models.PROTECT, related_name="annual_ratings", verbose_name=_("cá nhân")
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    rating = models.CharField(_("xếp loại chất lượng"), max_length=16, choices=Rating.choices)
    discipline = models.CharField(
        _("kỷ luật"), max_length=16, choices=Discipline.choices, blank=True, default=""
    )
    discipline_source = models.CharField(
        _("quyết định kỷ luật"), max_length=255, blank=True, help_text=_("Số, ngày quyết định.")
    )
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("xếp loại cá nhân")
        verbose_name_plural = _("xếp loại cá nhân")
        ordering = ["year", "nominee"]
        constraints = [
            models.UniqueConstraint(fields=["nominee", "year"], name="rating_one_per_year"),
            models.CheckConstraint(
                condition=Q(discipline="") | ~Q(discipline_source=""),
                name="rating_discipline_has_source",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nominee} {self.year}: {self.get_rating_display()}"


class CollectiveRating(models.Model):
    """A collective's (unit's) rating for one year (Luật TĐKT 2022 Điều 27–28)."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="collective_ratings", verbose_name=_("đơn vị")
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    rating = models.CharField(_("xếp loại tập thể"), max_length=16, choices=Rating.choices)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("xếp loại tập thể")
        verbose_name_plural = _("xếp loại tập thể")
        ordering = ["year", "unit"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="collective_rating_one_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.year}: {self.get_rating_display()}"


class InitiativeKind(models.TextChoices):
    INITIATIVE = "initiative", _("Sáng kiến")
    RESEARCH = "research", _("Đề tài, đề án nghiên cứu khoa học được nghiệm thu")


class InitiativeLevel(models.TextChoices):
    """The level whose body recognised it (Luật TĐKT 2022 Điều 22–23, 74)."""

    BASE = "base", _("Cấp cơ sở")
    PROVINCE = "province", _("Cấp tỉnh")
    NATIONAL = "national", _("Toàn quốc")


class Initiative(models.Model):
    """A recognised initiative or an accepted research work, with its authors, the year,
    the level and body that recognised it and the decision that did. ``unit`` is the unit
    that registered it (whose staff see and edit it)."""

    kind = models.CharField(
        _("loại"), max_length=16, choices=InitiativeKind.choices, default=InitiativeKind.INITIATIVE
    )
    title = models.CharField(_("tên sáng kiến, đề tài"), max_length=500)
    year = models.PositiveSmallIntegerField(_("năm công nhận"))
    level = models.CharField(_("cấp công nhận"), max_length=16, choices=InitiativeLevel.choices)
    recognised_by = models.CharField(_("cơ quan công nhận"), max_length=255)
    decision_number = models.CharField(_("số quyết định"), max_length=64)
    decision_date = models.DateField(_("ngày quyết định"))
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="initiatives", verbose_name=_("đơn vị")
    )
    nominees = models.ManyToManyField(
        Nominee, related_name="initiatives", verbose_name=_("tác giả")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(_("ghi nhận lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("sáng kiến, đề tài được công nhận")
        verbose_name_plural = _("sáng kiến, đề tài được công nhận")
        ordering = ["-year", "title", "pk"]
        indexes = [models.Index(fields=["unit", "year"])]

    def __str__(self) -> str:
        return self.title


class RatingsEvent(Event):
    """An append-only record of a change to a unit's year results: a rating set, a file
    imported, an initiative registered, the year's nominations drafted."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("năm"))

    class Meta(Event.Meta):
        verbose_name = _("sự kiện xếp loại")
        verbose_name_plural = _("sự kiện xếp loại")

    def __str__(self) -> str:
        return f"{self.unit_id} {self.year}: {self.kind}"
