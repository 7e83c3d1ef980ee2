"""Printed certificates (Bằng khen, Giấy khen) and the batches that generate them."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.decisions.models.decisions import Decision, DecisionEntry


def new_certificate_code() -> str:
    """A random, unguessable, URL-safe code (96 bits) printed on the certificate."""
    return secrets.token_urlsafe(12)


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
