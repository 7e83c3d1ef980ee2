"""In-app notifications and their e-mail copies, sent through the task worker."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction

from thidua.core.models import Notification


def notify(
    users: Iterable[Any], *, kind: str, title: str, body: str = "", url: str = "", key: str
) -> list[Notification]:
    """Put a notification in each user's inbox once per ``key``, and e-mail it after commit.

    A user who already has a notification with ``key`` gets nothing new: reminders that
    run twice (a retried job, a re-run command) never send twice.
    """
    created = []
    for user in users:
        try:
            with transaction.atomic():
                created.append(
                    Notification.objects.create(
                        user=user, kind=kind, title=title, body=body, url=url, dedupe_key=key
                    )
                )
        except IntegrityError:
            continue  # already sent under this key
    if created:
        from thidua.core.tasks import send_notification_emails

        ids = [n.pk for n in created]
        transaction.on_commit(lambda: send_notification_emails.enqueue(ids))
    return created
