"""A decision granting awards (Quyết định khen thưởng) and its attached list.

An issued decision is a signed act: its content never changes (DESIGN.md §4). A mistake
is corrected by a new decision that supersedes it (``Decision.supersedes``). Besides the
services refusing it, ``save()`` and ``delete()`` refuse any change to an issued
decision's content, so no code path can rewrite one.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from thidua.awards.models import AwardForm, AwardRecord, Nomination, SubjectKind
from thidua.campaigns.models import Campaign, Phase
from thidua.core.errors import DomainError
from thidua.core.models import Event
from thidua.decisions.codes import ErrorCode
from thidua.organisations.models import Unit


class DecisionState(models.TextChoices):
    """draft → issued → superseded (by a correcting decision); see ``transitions.py``."""

    DRAFT = "draft", _("Dự thảo")
    ISSUED = "issued", _("Đã ban hành")
    SUPERSEDED = "superseded", _("Đã được thay thế")


class AuthorityPrefix(models.TextChoices):
    """The signature block's prefix (ND 30/2020 Phụ lục I): the head signs in person, or
    a deputy signs on the head's behalf ("KT."). "TM." is for collective bodies and does
    not apply to the Chủ tịch's personal authority over Bằng khen (LAW-NOTES §7.1)."""

    NONE = "", _("Người đứng đầu ký")
    KT = "KT.", _("Ký thay (KT.)")


class ImmutableDecisionError(DomainError):
    """An attempt to change an issued decision."""

    code = ErrorCode.DECISION_IMMUTABLE


#: Fields fixed once a decision is issued (everything the signed text and its hash say).
CONTENT_FIELDS = (
    "campaign_id",
    "phase_id",
    "form_id",
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
    "legal_bases",
    "proposal",
    "achievement",
    "recipients",
    "content_sha256",
    "seal_sha256",
    "previous_seal",
    "docx",
    "pdf",
    "supersedes_id",
    "issued_at",
    "issued_by_id",
)


def _immutable_message() -> str:
    return gettext(
        "Quyết định đã ban hành không được sửa. Muốn đính chính, hãy lập quyết định "
        "thay thế (mục “Lập quyết định thay thế”)."
    )


class SignedDocumentMixin:
    """What an issued decision and an issued revocation share: fixed once signed.

    The loaded values of ``sealed_fields`` (and the state) are kept when a row is read,
    so ``save`` can refuse a change after issue; only a draft may be deleted (Nghị định
    30/2020/NĐ-CP: a signed document is corrected by another document, never edited)."""

    sealed_fields: tuple[str, ...] = ()
    draft_state: str = "draft"
    authority_prefix: str
    signer_title: str

    def _remember(self) -> None:
        self._loaded = _snapshot(self, ("state", *self.sealed_fields))  # type: ignore[arg-type]

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        if getattr(self, "state", None) != self.draft_state:
            raise ImmutableDecisionError(self.immutable_message())
        return super().delete(*args, **kwargs)  # type: ignore[misc]

    @classmethod
    def from_db(cls, db: str | None, field_names: Any, values: Any) -> Any:
        instance = super().from_db(db, field_names, values)  # type: ignore[misc]
        instance._remember()
        return instance

    @staticmethod
    def immutable_message() -> str:
        return _immutable_message()

    @property
    def signature_heading(self) -> str:
        """ "KT. CHỦ TỊCH" or "CHỦ TỊCH" (the first line of the signature block)."""
        return f"{self.authority_prefix} {self.signer_title}".strip().upper()


def decision_upload_to(instance: Decision, filename: str) -> str:
    return f"quyet-dinh/{instance.date:%Y}/{filename}"


class Decision(SignedDocumentMixin, models.Model):
    """A Quyết định khen thưởng: who grants which form to whom, on which date, signed by
    whom (ND 30/2020 layout; skeleton in LAW-NOTES §7.1)."""

    sealed_fields = CONTENT_FIELDS
    draft_state = DecisionState.DRAFT

    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="decisions")
    phase = models.ForeignKey(
        Phase, on_delete=models.PROTECT, null=True, blank=True, related_name="decisions"
    )
    form = models.ForeignKey(AwardForm, on_delete=models.PROTECT, related_name="decisions")
    grantor_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="decisions", verbose_name=_("cấp khen thưởng")
    )
    number = models.CharField(
        _("số, ký hiệu"), max_length=64, blank=True, help_text=_("Ví dụ: 1234/QĐ-UBND.")
    )
    date = models.DateField(_("ngày ký"), null=True, blank=True)
    issuing_body = models.CharField(_("cơ quan ban hành"), max_length=255)
    parent_body = models.CharField(_("cơ quan chủ quản"), max_length=255, blank=True)
    place_name = models.CharField(
        _("địa danh"),
        max_length=128,
        help_text=_("Tên đơn vị hành chính nơi cơ quan đóng trụ sở, ví dụ: Trà Vinh."),
    )
    grantor_title = models.CharField(
        _("chức danh cấp khen thưởng"),
        max_length=255,
        help_text=_("Ví dụ: Chủ tịch Ủy ban nhân dân tỉnh Trà Vinh."),
    )
    signer_name = models.CharField(_("người ký"), max_length=128, blank=True)
    signer_title = models.CharField(
        _("chức vụ người có thẩm quyền"), max_length=128, help_text=_("Ví dụ: Chủ tịch.")
    )
    authority_prefix = models.CharField(
        _("thẩm quyền ký"),
        max_length=8,
        choices=AuthorityPrefix.choices,
        default=AuthorityPrefix.NONE,
        blank=True,
    )
    signer_position = models.CharField(
        _("chức vụ người ký thay"),
        max_length=128,
        blank=True,
        help_text=_("Khi ký thay (KT.): chức vụ của người ký, ví dụ Phó Chủ tịch."),
    )
    legal_bases = models.JSONField(_("căn cứ"), default=list, blank=True)
    proposal = models.TextField(_("xét đề nghị"), blank=True)
    achievement = models.TextField(_("thành tích (Điều 1)"), blank=True)
    recipients = models.JSONField(_("nơi nhận"), default=list, blank=True)
    state = models.CharField(
        _("trạng thái"), max_length=16, choices=DecisionState.choices, default=DecisionState.DRAFT
    )
    content_sha256 = models.CharField(_("mã kiểm tra SHA-256"), max_length=64, blank=True)
    seal_sha256 = models.CharField(
        _("mã niêm phong SHA-256"),
        max_length=64,
        blank=True,
        help_text=_("Nội dung, danh sách kèm theo, tệp và mã niêm phong của quyết định trước."),
    )
    previous_seal = models.CharField(_("mã niêm phong quyết định trước"), max_length=64, blank=True)
    docx = models.FileField(upload_to=decision_upload_to, blank=True, max_length=255)
    pdf = models.FileField(upload_to=decision_upload_to, blank=True, max_length=255)
    supersedes = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="superseded_by",
        verbose_name=_("thay thế quyết định"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    issued_at = models.DateTimeField(_("ban hành lúc"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("quyết định khen thưởng")
        verbose_name_plural = _("quyết định khen thưởng")
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=DecisionState.values), name="decision_state_valid"
            ),
            models.CheckConstraint(
                condition=Q(state=DecisionState.DRAFT)
                | (~Q(number="") & Q(date__isnull=False) & ~Q(content_sha256="")),
                name="decision_issued_complete",
            ),
            models.CheckConstraint(
                condition=Q(authority_prefix="") | ~Q(signer_position=""),
                name="decision_kt_has_position",
            ),
        ]
        indexes = [
            models.Index(fields=["state", "date"]),
            # The lists' order (newest first): a page of a country's decisions, and of
            # their certificates, stops after its own rows.
            models.Index(fields=["-date", "-id"], name="decision_date_idx"),
        ]

    def __str__(self) -> str:
        return self.number or gettext("Dự thảo quyết định")

    def save(self, *args: Any, **kwargs: Any) -> None:
        loaded: dict[str, Any] | None = getattr(self, "_loaded", None)
        if loaded is not None and "state" not in loaded:
            loaded["state"] = (
                type(self).objects.filter(pk=self.pk).values_list("state", flat=True).first()
            )
        if loaded is not None and loaded["state"] != DecisionState.DRAFT:
            changed = [
                name
                for name in CONTENT_FIELDS
                if name in loaded and _comparable(getattr(self, name)) != _comparable(loaded[name])
            ]
            moves = (loaded["state"], self.state)
            if changed or moves not in {
                (DecisionState.ISSUED, DecisionState.ISSUED),
                (DecisionState.ISSUED, DecisionState.SUPERSEDED),
                (DecisionState.SUPERSEDED, DecisionState.SUPERSEDED),
            }:
                raise ImmutableDecisionError(_immutable_message())
        super().save(*args, **kwargs)
        self._remember()


def _snapshot(instance: models.Model, names: tuple[str, ...]) -> dict[str, Any]:
    """The loaded values of ``names`` (deferred fields are left out, not fetched)."""
    return {
        name: _comparable(instance.__dict__[name]) for name in names if name in instance.__dict__
    }


def _comparable(value: Any) -> Any:
    name = getattr(value, "name", None)
    return name if name is not None and hasattr(value, "storage") else value


#: Fields of an entry fixed once its decision is issued (the award record link may move
#: to a correcting decision's entry, so it is not one of them).
ENTRY_FIELDS = (
    "decision_id",
    "nomination_id",
    "subject_kind",
    "name",
    "position",
    "unit_name",
    "multiplier",
    "amount",
    "order",
)


class DecisionEntry(models.Model):
    """One row of the attached list (danh sách kèm theo): a nominee as named in the
    decision (a snapshot: later edits of the nominee do not change a signed list) and the
    reward amount (multiplier × lương cơ sở, ND 152/2025 Điều 50, 54)."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="entries")
    nomination = models.ForeignKey(
        Nomination, on_delete=models.PROTECT, related_name="decision_entries"
    )
    subject_kind = models.CharField(_("đối tượng"), max_length=16, choices=SubjectKind.choices)
    name = models.CharField(_("họ tên / tên"), max_length=255)
    position = models.CharField(_("chức vụ"), max_length=255, blank=True)
    unit_name = models.CharField(_("đơn vị"), max_length=255, blank=True)
    multiplier = models.DecimalField(
        _("hệ số"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    amount = models.PositiveIntegerField(_("tiền thưởng (đồng)"), null=True, blank=True)
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    award_record = models.OneToOneField(
        AwardRecord,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decision_entry",
    )

    class Meta:
        verbose_name = _("dòng danh sách kèm theo")
        verbose_name_plural = _("danh sách kèm theo")
        ordering = ["decision", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "nomination"], name="decision_entry_once_per_decision"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        loaded: dict[str, Any] | None = getattr(self, "_loaded", None)
        changed = loaded is None or any(
            getattr(self, n) != loaded[n] for n in ENTRY_FIELDS if n in loaded
        )
        if changed and self._decision_state() != DecisionState.DRAFT:
            raise ImmutableDecisionError(_immutable_message())
        super().save(*args, **kwargs)
        self._loaded = _snapshot(self, ENTRY_FIELDS)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        if self._decision_state() != DecisionState.DRAFT:
            raise ImmutableDecisionError(_immutable_message())
        return super().delete(*args, **kwargs)

    @classmethod
    def from_db(cls, db: str | None, field_names: Any, values: Any) -> DecisionEntry:
        instance = super().from_db(db, field_names, values)
        instance._loaded = _snapshot(instance, ENTRY_FIELDS)
        return instance

    def _decision_state(self) -> str:
        return (
            Decision.objects.filter(pk=self.decision_id).values_list("state", flat=True).first()
            or DecisionState.DRAFT
        )

    @property
    def is_collective(self) -> bool:
        return self.subject_kind in {SubjectKind.COLLECTIVE, SubjectKind.ENTERPRISE}


class DecisionEvent(Event):
    """One step of a decision's life: drafted, edited, issued, superseded, certificates."""

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="events")
    from_state = models.CharField(max_length=16, blank=True)
    to_state = models.CharField(max_length=16, blank=True)

    class Meta(Event.Meta):
        verbose_name = _("sự kiện quyết định")
        verbose_name_plural = _("sự kiện quyết định")
