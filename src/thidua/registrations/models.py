"""Annual registration (đăng ký thi đua) of a unit for a year.

At the start of the year each unit registers the emulation titles it aims at: the
collective titles (Tập thể lao động tiên tiến, Tập thể lao động xuất sắc, Cờ thi đua …)
and the list of its people registering for the individual titles (Lao động tiên tiến,
Chiến sĩ thi đua cơ sở, Chiến sĩ thi đua cấp tỉnh). Regular (thường xuyên) emulation is
one of the two forms of emulation of Luật Thi đua, khen thưởng 2022 Điều 16; the
registration's deadline and whether a title needs it are the province's settings
(``RegistrationSetting``), confirmed by its Ban Thi đua – Khen thưởng.

The state field is written only by ``registrations.workflow``.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.awards.models import AwardForm, Nominee
from thidua.core.models import Event
from thidua.organisations.models import Unit


class RegistrationState(models.TextChoices):
    DRAFT = "draft", _("Đang soạn")
    SUBMITTED = "submitted", _("Đã gửi")
    RETURNED = "returned", _("Trả lại")
    ACCEPTED = "accepted", _("Đã tiếp nhận")


#: States in which the unit has registered (a draft is not yet a registration).
REGISTERED_STATES = frozenset({RegistrationState.SUBMITTED, RegistrationState.ACCEPTED})


class Severity(models.TextChoices):
    """What a nomination for an annual title without a registration meets."""

    WARN = "warn", _("Cảnh báo")
    BLOCK = "block", _("Không cho đề nghị")


class Registration(models.Model):
    """One unit's registration for one year: the titles it and its people register for."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="registrations", verbose_name=_("đơn vị")
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    state = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=RegistrationState.choices,
        default=RegistrationState.DRAFT,
        editable=False,
    )
    note = models.TextField(_("ghi chú"), blank=True)
    return_reason = models.TextField(_("lý do trả lại"), blank=True, editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("người gửi"),
    )
    submitted_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("đăng ký thi đua")
        verbose_name_plural = _("đăng ký thi đua")
        ordering = ["-year", "unit__path", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="registration_one_per_year"),
            models.CheckConstraint(
                condition=Q(state__in=[s.value for s in RegistrationState]),
                name="registration_state_valid",
            ),
            models.CheckConstraint(
                condition=Q(year__gte=2000) & Q(year__lte=2100), name="registration_year_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} – {self.year}"


class RegistrationEntry(models.Model):
    """One title registered: a collective of the unit or one of its people (a nominee of
    the unit), for one award form of kind title."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="entries")
    nominee = models.ForeignKey(
        Nominee,
        on_delete=models.PROTECT,
        related_name="registration_entries",
        verbose_name=_("đối tượng"),
    )
    form = models.ForeignKey(
        AwardForm,
        on_delete=models.PROTECT,
        related_name="registration_entries",
        verbose_name=_("danh hiệu đăng ký"),
    )
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("danh hiệu đăng ký")
        verbose_name_plural = _("danh hiệu đăng ký")
        ordering = ["registration", "form__position", "nominee__search_key", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "nominee", "form"], name="registration_entry_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.nominee} – {self.form}"


EVENT_LABELS = {
    "create": _("Lập bản đăng ký"),
    "entry_add": _("Thêm danh hiệu"),
    "entry_remove": _("Bỏ danh hiệu"),
    "import": _("Nhập danh sách từ Excel"),
    "note": _("Sửa ghi chú"),
    "submit": _("Gửi đăng ký"),
    "return": _("Trả lại"),
    "accept": _("Tiếp nhận"),
}


class RegistrationEvent(Event):
    """Append-only history of a registration: every transition and edit."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="events")
    from_state = models.CharField(max_length=16, blank=True)
    to_state = models.CharField(max_length=16, blank=True)

    class Meta(Event.Meta):
        verbose_name = _("lịch sử đăng ký thi đua")
        verbose_name_plural = _("lịch sử đăng ký thi đua")
        indexes = [models.Index(fields=["registration", "at"])]

    @property
    def label(self) -> str:
        return str(EVENT_LABELS.get(self.kind, self.kind))

    def __str__(self) -> str:
        return f"{self.registration_id}: {self.kind}"


class RegistrationSetting(models.Model):
    """A province's settings for one year's registration. No law fixes the day or whether
    an annual title needs a registration: each value is the province's setting, confirmed
    by its Ban Thi đua – Khen thưởng, and ``source`` names the document that fixes it
    (empty: not yet confirmed)."""

    province = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("tỉnh")
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    deadline = models.DateField(_("hạn đăng ký"))
    severity = models.CharField(
        _("đề nghị danh hiệu chưa đăng ký"),
        max_length=8,
        choices=Severity.choices,
        default=Severity.WARN,
    )
    source = models.CharField(
        _("văn bản quy định"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: Kế hoạch, hướng dẫn của UBND tỉnh về đăng ký thi đua năm."),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("cài đặt đăng ký thi đua")
        verbose_name_plural = _("cài đặt đăng ký thi đua")
        ordering = ["province", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "year"], name="registration_setting_one_per_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.province} – {self.year}"


def default_deadline(year: int) -> dt.date:
    """The deadline when the province has set none: the setting
    ``THIDUA_ANNUAL_REGISTRATION_DEADLINE`` ("MM-DD", default 03-15) of ``year``."""
    raw = str(getattr(settings, "THIDUA_ANNUAL_REGISTRATION_DEADLINE", "03-15"))
    try:
        month, day = (int(part) for part in raw.split("-"))
        return dt.date(year, month, day)
    except ValueError:
        return dt.date(year, 3, 15)
