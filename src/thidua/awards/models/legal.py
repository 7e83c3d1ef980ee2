"""Values the law (or the province) fixes for a period that are not one form's rule: the
rounding of rewards, the attendance quorum of an award session, the căn cứ lines a
decision cites. Each is a row with its validity dates and its source, loaded from
``award-forms.yaml`` (``legal_values:``) and read by date (``awards.sources``)."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class LegalValueCode(models.TextChoices):
    """What a ``LegalValue`` row fixes."""

    #: Rewards are rounded up to a multiple of this many đồng (ND 91/2017 Điều 68.2: 10.000).
    REWARD_ROUNDING = "reward_rounding", _("Làm tròn tiền thưởng (đồng)")
    #: Share of all members present for an award session of the council to open.
    COUNCIL_QUORUM = "council_quorum", _("Tỷ lệ thành viên Hội đồng có mặt tối thiểu")
    #: The căn cứ lines of a decision, by the law in force on its date.
    BASIS_LOCAL_GOVERNMENT = (
        "basis_local_government",
        _("Căn cứ: Luật Tổ chức chính quyền địa phương"),
    )
    BASIS_COMMENDATION_LAW = "basis_commendation_law", _("Căn cứ: Luật Thi đua, khen thưởng")
    BASIS_DECREE = "basis_decree", _("Căn cứ: Nghị định hướng dẫn Luật Thi đua, khen thưởng")


class LegalValue(models.Model):
    """One value during one window: a number (``value``) or a căn cứ line (``text``), its
    ``legal_basis``; ``verified`` False where the source was not found (the Ban TĐKT sees
    "chưa xác minh"); ``setting`` True where no law fixes it and the value is the
    province's own setting."""

    code = models.CharField(_("giá trị"), max_length=32, choices=LegalValueCode.choices)
    valid_from = models.DateField(_("hiệu lực từ"))
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    value = models.DecimalField(
        _("giá trị số"), max_digits=12, decimal_places=3, null=True, blank=True
    )
    text = models.TextField(_("nội dung"), blank=True)
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=255)
    verified = models.BooleanField(_("căn cứ đã xác minh"), default=True)
    setting = models.BooleanField(_("cài đặt của tỉnh"), default=False)

    class Meta:
        verbose_name = _("giá trị pháp lý")
        verbose_name_plural = _("giá trị pháp lý")
        ordering = ["code", "valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="legal_value_dates_ordered",
            ),
            models.UniqueConstraint(fields=["code", "valid_from"], name="legal_value_unique_start"),
        ]

    def __str__(self) -> str:
        return f"{self.get_code_display()} ({self.valid_from:%d/%m/%Y})"
