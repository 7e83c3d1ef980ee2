"""A decision revoking awards (Quyết định hủy bỏ quyết định khen thưởng) and its rows.

Luật Thi đua, khen thưởng 2022, Chương VII: an award obtained by fraud, a false dossier
or an unlawful appraisal is cancelled by the authority that granted it, and the award
object and the reward money are recovered. The issued award decision stays as it was
signed (DESIGN.md §4); the revocation is a new decision linked to it (like a correction,
``Decision.supersedes``) that names the rows it cancels, the reason, the legal basis, the
amount to recover per row and whether the certificate or medal must be handed back.
Once issued, its content is fixed like a decision's; only the recovery of each row
(chưa thu hồi → đã thu hồi, with its date) is recorded afterwards.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from thidua.core.models import Event
from thidua.decisions.models.decisions import (
    AuthorityPrefix,
    Decision,
    DecisionEntry,
    ImmutableDecisionError,
    SignedDocumentMixin,
    _snapshot,
    decision_upload_to,
)
from thidua.organisations.models import Unit

#: The legal basis a revocation cites by default. LAW-NOTES verifies the chapter
#: (Chương VII); the article number is for the Ban TĐKT to confirm on the draft.
DEFAULT_BASIS = (
    "Luật Thi đua, khen thưởng số 06/2022/QH15, Chương VII (hủy bỏ quyết định khen thưởng, "
    "thu hồi hiện vật và tiền thưởng)"
)


class RevocationState(models.TextChoices):
    """draft → issued (``revocations.transitions``)."""

    DRAFT = "draft", _("Dự thảo")
    ISSUED = "issued", _("Đã ban hành")


class RevocationReason(models.TextChoices):
    """Why an award is cancelled (Luật Thi đua, khen thưởng 2022, Chương VII)."""

    FRAUD = "fraud", _("Gian lận, khai man hồ sơ, thành tích")
    UNLAWFUL = "unlawful", _("Vi phạm pháp luật")
    WRONG_APPRAISAL = "wrong_appraisal", _("Đề nghị, thẩm định, xét khen sai quy định")
    OTHER = "other", _("Lý do khác")


class RecoveryState(models.TextChoices):
    """Whether a revoked row's reward and object have been recovered."""

    PENDING = "pending", _("Chưa thu hồi")
    RECOVERED = "recovered", _("Đã thu hồi")


def _immutable_message() -> str:
    return gettext("Quyết định hủy bỏ đã ban hành không được sửa.")


#: Fields fixed once a revocation is issued.
REVOCATION_FIELDS = (
    "decision_id",
    "grantor_unit_id",
    "number",
    "date",
    "issuing_body",
    "parent_body",
    "place_name",
    "grantor_title",
    "signer_name",
    "signer_title",
    "authority_prefix",
    "signer_position",
    "reason_kind",
    "reason",
    "legal_basis",
    "content_sha256",
    "docx",
    "pdf",
    "issued_at",
    "issued_by_id",
)


class Revocation(SignedDocumentMixin, models.Model):
    """A Quyết định hủy bỏ quyết định khen thưởng: which rows of which issued decision are
    cancelled, why, on which basis, signed by the authority that granted them."""

    sealed_fields = REVOCATION_FIELDS
    draft_state = RevocationState.DRAFT

    decision = models.ForeignKey(
        Decision,
        on_delete=models.PROTECT,
        related_name="revocations",
        verbose_name=_("quyết định khen thưởng bị hủy bỏ"),
    )
    grantor_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="revocations", verbose_name=_("cấp ký")
    )
    number = models.CharField(_("số, ký hiệu"), max_length=64, blank=True)
    date = models.DateField(_("ngày ký"), null=True, blank=True)
    issuing_body = models.CharField(_("cơ quan ban hành"), max_length=255)
    parent_body = models.CharField(_("cơ quan chủ quản"), max_length=255, blank=True)
    place_name = models.CharField(_("địa danh"), max_length=128)
    grantor_title = models.CharField(_("chức danh cấp khen thưởng"), max_length=255)
    signer_name = models.CharField(_("người ký"), max_length=128, blank=True)
    signer_title = models.CharField(_("chức vụ người có thẩm quyền"), max_length=128)
    authority_prefix = models.CharField(
        _("thẩm quyền ký"),
        max_length=8,
        choices=AuthorityPrefix.choices,
        default=AuthorityPrefix.NONE,
        blank=True,
    )
    signer_position = models.CharField(_("chức vụ người ký thay"), max_length=128, blank=True)
    reason_kind = models.CharField(_("lý do"), max_length=32, choices=RevocationReason.choices)
    reason = models.TextField(_("lý do cụ thể"))
    legal_basis = models.TextField(_("căn cứ pháp lý"), default=DEFAULT_BASIS)
    state = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=RevocationState.choices,
        default=RevocationState.DRAFT,
    )
    content_sha256 = models.CharField(_("mã kiểm tra SHA-256"), max_length=64, blank=True)
    docx = models.FileField(upload_to=decision_upload_to, blank=True, max_length=255)
    pdf = models.FileField(upload_to=decision_upload_to, blank=True, max_length=255)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    issued_at = models.DateTimeField(_("ban hành lúc"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("quyết định hủy bỏ khen thưởng")
        verbose_name_plural = _("quyết định hủy bỏ khen thưởng")
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=RevocationState.values), name="revocation_state_valid"
            ),
            models.CheckConstraint(
                condition=Q(state=RevocationState.DRAFT)
                | (~Q(number="") & Q(date__isnull=False) & ~Q(content_sha256="")),
                name="revocation_issued_complete",
            ),
        ]

    def __str__(self) -> str:
        return self.number or gettext("Dự thảo quyết định hủy bỏ")

    def save(self, *args: Any, **kwargs: Any) -> None:
        loaded: dict[str, Any] | None = getattr(self, "_loaded", None)
        if loaded is not None and loaded.get("state") == RevocationState.ISSUED:
            changed = [
                name
                for name in REVOCATION_FIELDS
                if name in loaded and _snapshot(self, (name,)).get(name) != loaded[name]
            ]
            if changed or self.state != RevocationState.ISSUED:
                raise ImmutableDecisionError(_immutable_message())
        super().save(*args, **kwargs)
        self._remember()

    @staticmethod
    def immutable_message() -> str:
        return _immutable_message()


class RevocationEntry(models.Model):
    """One cancelled row of the award decision's attached list: the amount to recover
    (at most the reward paid, Luật TĐKT 2022 Chương VII: "thu hồi … tiền thưởng"),
    whether the certificate or medal must be handed back, and the recovery's state."""

    revocation = models.ForeignKey(Revocation, on_delete=models.CASCADE, related_name="entries")
    entry = models.ForeignKey(
        DecisionEntry, on_delete=models.PROTECT, related_name="revocation_entries"
    )
    amount_to_recover = models.PositiveIntegerField(
        _("số tiền phải thu hồi (đồng)"), null=True, blank=True
    )
    return_object = models.BooleanField(_("thu hồi hiện vật (bằng, huy hiệu)"), default=True)
    state = models.CharField(
        _("thu hồi"), max_length=16, choices=RecoveryState.choices, default=RecoveryState.PENDING
    )
    recovered_on = models.DateField(_("ngày thu hồi"), null=True, blank=True)
    recovery_note = models.CharField(_("ghi chú thu hồi"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("dòng bị hủy bỏ")
        verbose_name_plural = _("các dòng bị hủy bỏ")
        ordering = ["revocation", "entry__order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["revocation", "entry"], name="revocation_entry_once_per_revocation"
            ),
            models.CheckConstraint(
                condition=Q(state__in=RecoveryState.values), name="revocation_entry_state_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.entry.name


class RevocationEvent(Event):
    """One step of a revocation's life: drafted, edited, issued, a row recovered."""

    revocation = models.ForeignKey(Revocation, on_delete=models.PROTECT, related_name="events")
    from_state = models.CharField(max_length=16, blank=True)
    to_state = models.CharField(max_length=16, blank=True)

    class Meta(Event.Meta):
        verbose_name = _("sự kiện quyết định hủy bỏ")
        verbose_name_plural = _("sự kiện quyết định hủy bỏ")
