"""Printed certificates (Bằng khen, Giấy khen) and the batches that generate them."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.decisions.models.decisions import Decision, DecisionEntry

#: Letters and digits a person cannot confuse when reading a printed code aloud or
#: typing it on a phone (RFC 4648 base 32: no 0/O, 1/I/L, 8/B).
CODE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
CODE_GROUPS, CODE_GROUP_SIZE = 5, 4


def new_certificate_code() -> str:
    """A random, unguessable code of 100 bits printed on the certificate, in capitals and
    groups of four ("K7QX-2MDA-…"), so that it can be typed in any case, with or
    without the dashes and spaces (``normalise_certificate_code``)."""
    letters = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUPS * CODE_GROUP_SIZE))
    return "-".join(
        letters[i : i + CODE_GROUP_SIZE] for i in range(0, len(letters), CODE_GROUP_SIZE)
    )


def normalise_certificate_code(typed: str) -> str:
    """The stored form of a code as a person typed it: capitals, grouped by four.

    Spaces and dashes are dropped first, then the groups put back; a code of another
    shape (printed before codes were grouped) is returned stripped and otherwise as typed.
    """
    compact = "".join(typed.split()).replace("-", "").upper()
    if len(compact) == CODE_GROUPS * CODE_GROUP_SIZE and set(compact) <= set(CODE_ALPHABET):
        return "-".join(
            compact[i : i + CODE_GROUP_SIZE] for i in range(0, len(compact), CODE_GROUP_SIZE)
        )
    return "".join(typed.split())


def certificate_upload_to(instance: Certificate, filename: str) -> str:
    return f"chung-nhan/{instance.issued_at:%Y}/{filename}"


class Certificate(models.Model):
    """The printed Bằng khen or Giấy khen of one row of an issued decision (ND 98/2023
    Điều 104); its public ``code`` (in the QR code) opens the verification page."""

    entry = models.OneToOneField(
        DecisionEntry, on_delete=models.PROTECT, related_name="certificate"
    )
    code = models.CharField(
        _("mã xác minh"), max_length=32, unique=True, default=new_certificate_code
    )
    pdf = models.FileField(upload_to=certificate_upload_to, blank=True, max_length=255)
    issued_at = models.DateTimeField(_("cấp lúc"))

    class Meta:
        verbose_name = _("bằng khen, giấy khen")
        verbose_name_plural = _("bằng khen, giấy khen")
        ordering = ["entry__decision", "entry__order", "pk"]

    def __str__(self) -> str:
        return self.code


class BatchState(models.TextChoices):
    QUEUED = "queued", _("Đang chờ")
    RUNNING = "running", _("Đang tạo")
    DONE = "done", _("Hoàn tất")
    FAILED = "failed", _("Lỗi")
    CANCELLED = "cancelled", _("Đã hủy")


def batch_upload_to(instance: CertificateBatch, filename: str) -> str:
    return f"chung-nhan/lo/{instance.decision_id}/{filename}"


class CertificateBatch(models.Model):
    """One run of the task printing every certificate of a decision: a ZIP of the PDFs
    and one combined PDF, with its progress for the progress bar."""

    decision = models.ForeignKey(
        Decision, on_delete=models.PROTECT, related_name="certificate_batches"
    )
    state = models.CharField(max_length=16, choices=BatchState.choices, default=BatchState.QUEUED)
    progress = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    total = models.PositiveIntegerField(_("số chứng nhận"), default=0)
    done_count = models.PositiveIntegerField(_("đã tạo"), default=0)
    archive = models.FileField(upload_to=batch_upload_to, blank=True, max_length=255)
    combined = models.FileField(upload_to=batch_upload_to, blank=True, max_length=255)
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("lô in chứng nhận")
        verbose_name_plural = _("lô in chứng nhận")
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.decision} ({self.get_state_display()})"
