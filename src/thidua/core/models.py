"""Shared model bases: the append-only event; notifications, task leases, export jobs."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.core.event_time import event_now


class EventTimeField(models.DateTimeField):
    """``auto_now_add`` stamped by ``core.event_time.event_now`` (the demo's story time).

    Stored and migrated as a plain ``DateTimeField``: only where the time comes from differs.
    """

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        if not add:
            return super().pre_save(model_instance, add)
        value = event_now()
        setattr(model_instance, self.attname, value)
        return value

    def deconstruct(self) -> Any:
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.DateTimeField", args, kwargs


class Event(models.Model):
    """An append-only record of one state change: who, when, what, with its payload.

    Concrete event tables (one per workflow) inherit this and add a link to their subject.
    Rows are written in the same transaction as the change and never updated or deleted.
    """

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người thực hiện"),
    )
    at = EventTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    kind = models.CharField(_("loại sự kiện"), max_length=64)
    payload = models.JSONField(_("nội dung"), default=dict, blank=True)

    class Meta:
        abstract = True
        ordering = ["at", "pk"]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValueError("events are append-only")


class Notification(models.Model):
    """A message to one person in the in-app inbox (and by e-mail when ``emailed_at`` is set).

    ``dedupe_key`` makes each reminder go out exactly once: a second notification with the
    same key for the same user is refused by the database.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("loại"), max_length=64)
    title = models.CharField(_("tiêu đề"), max_length=255)
    body = models.TextField(_("nội dung"), blank=True)
    url = models.CharField(_("đường dẫn"), max_length=500, blank=True)
    dedupe_key = models.CharField(max_length=255)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    read_at = models.DateTimeField(_("đã đọc lúc"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("đã gửi thư lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "dedupe_key"], name="notification_once")
        ]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return self.title


class TaskLease(models.Model):
    """The lease of a background task being run: which worker runs it and until when.

    The worker renews it while the task runs (``core.task_leases``); a task whose lease
    expired lost its worker (killed, out of memory, machine down) and is queued again or,
    after its last attempt, failed with a clear message — never left running for ever
    and never run by two workers at once."""

    task_id = models.UUIDField(primary_key=True)
    worker_id = models.CharField(max_length=64)
    expires_at = models.DateTimeField()

    objects: models.Manager[TaskLease] = models.Manager()

    class Meta:
        verbose_name = _("quyền chạy tác vụ có thời hạn")
        verbose_name_plural = _("quyền chạy tác vụ có thời hạn")
        ordering = ["expires_at"]
        indexes = [models.Index(fields=["expires_at"])]

    def __str__(self) -> str:
        return f"{self.task_id} @ {self.worker_id}"


class ExportJobState(models.TextChoices):
    QUEUED = "queued", _("Đang chờ")
    RUNNING = "running", _("Đang tạo")
    DONE = "done", _("Hoàn tất")
    FAILED = "failed", _("Lỗi")
    CANCELLED = "cancelled", _("Đã hủy")
    EXPIRED = "expired", _("Hết hạn")


def export_upload_to(instance: ExportJob, filename: str) -> str:
    return f"xuat-tep/{instance.requested_at:%Y/%m}/{instance.pk}-{filename}"


def import_upload_to(instance: ExportJob, filename: str) -> str:
    return f"nhap-tep/{instance.requested_at:%Y/%m}/{instance.pk}-{filename}"


class ExportJob(models.Model):
    """One large export or import asked for by one person (issue #16): what they asked
    for (the ``kind`` an app registered in ``core.exports`` or ``core.imports`` and its
    ``parameters``, the filters of the page), how far the task got (``done`` of ``total``
    rows) and the file it stored, or, for an import, the uploaded ``source`` and the
    ``outcome`` (rows created, or every row's error).

    The result is private: only ``core.export_views`` serves it, to the requester, while
    they still hold the rights it was written with (``grants``, ``core.rules``); a daily
    job removes it after ``settings.EXPORT_RETENTION_DAYS`` days (*expired*). An import's
    source is read by the task alone and removed once the job is finished."""

    kind = models.CharField(_("loại tệp"), max_length=64)
    parameters = models.JSONField(_("bộ lọc"), default=dict, blank=True)
    state = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=ExportJobState.choices,
        default=ExportJobState.QUEUED,
    )
    total = models.PositiveIntegerField(_("số dòng"), default=0)
    done = models.PositiveIntegerField(_("đã ghi"), default=0)
    result = models.FileField(upload_to=export_upload_to, blank=True, max_length=255)
    file_name = models.CharField(_("tên tệp"), max_length=120, blank=True)
    error = models.TextField(blank=True)
    #: The rights the rows were read with (the kind's ``grants`` of the requester when the
    #: task read them): the file is served only while the requester still holds them all.
    grants = models.JSONField(_("quyền khi tạo tệp"), default=list, blank=True)
    source = models.FileField(upload_to=import_upload_to, blank=True, max_length=255)
    outcome = models.JSONField(_("kết quả"), default=dict, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(_("yêu cầu lúc"), auto_now_add=True)
    started_at = models.DateTimeField(_("bắt đầu lúc"), null=True, blank=True)
    finished_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)

    objects: models.Manager[ExportJob] = models.Manager()

    class Meta:
        verbose_name = _("yêu cầu xuất, nhập tệp")
        verbose_name_plural = _("yêu cầu xuất, nhập tệp")
        ordering = ["-requested_at", "-pk"]
        indexes = [models.Index(fields=["requested_by", "kind", "state"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state__in=ExportJobState.values), name="export_job_state"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk} ({self.get_state_display()})"

    @property
    def percent(self) -> int:
        """How far the task got, in whole percent (a finished job is at 100)."""
        if self.state in (ExportJobState.DONE, ExportJobState.EXPIRED):
            return 100
        if not self.total:
            return 0
        return min(99, self.done * 100 // self.total)


class ExportJobEvent(Event):
    """One state change of an export or import job (asked, started, done, failed,
    cancelled, expired)."""

    job = models.ForeignKey(ExportJob, on_delete=models.CASCADE, related_name="events")
    from_state = models.CharField(max_length=16, blank=True)
    to_state = models.CharField(max_length=16, blank=True)

    class Meta(Event.Meta):
        verbose_name = _("sự kiện xuất tệp")
        verbose_name_plural = _("sự kiện xuất tệp")

    def __str__(self) -> str:
        return f"{self.job_id}: {self.from_state} → {self.to_state}"
