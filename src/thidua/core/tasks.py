"""Background tasks of the core: e-mail copies of notifications."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone
from django_tasks import task

from thidua.core.models import Notification


@task()
def send_notification_emails(notification_ids: list[int]) -> int:
    """E-mail each notification not yet e-mailed to a user with an address; return the count."""
    sent = 0
    pending = Notification.objects.filter(
        pk__in=notification_ids, emailed_at__isnull=True
    ).select_related("user")
    for notification in pending:
        if not notification.user.email:
            continue
        body = notification.body
        if notification.url:
            body = f"{body}\n\n{notification.url}".strip()
        send_mail(
            subject=f"[thidua] {notification.title}",
            message=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[notification.user.email],
        )
        Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
        sent += 1
    return sent
