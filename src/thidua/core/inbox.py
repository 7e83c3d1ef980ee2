"""The in-app inbox: each person's notifications (reminders, approvals, returns)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.core.models import Notification

PAGE_SIZE = 30


def notifications_of(user: Any) -> QuerySet[Notification]:
    """The user's own notifications, newest first (nobody sees another's)."""
    if not getattr(user, "is_authenticated", False):
        return Notification.objects.none()
    return Notification.objects.filter(user=user).order_by("-created_at", "-pk")


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    """Paginated inbox; unread notifications are marked as such."""
    notifications = notifications_of(request.user)
    page = Paginator(notifications, PAGE_SIZE).get_page(request.GET.get("page"))
    unread = notifications.filter(read_at__isnull=True).count()
    return render(request, "core/inbox.html", {"page_obj": page, "unread": unread})


def inbox_unread_badge(request: HttpRequest) -> HttpResponse:
    """The unread count beside "Thông báo" in the header, fetched by the page after it
    loads (so no page pays a query for it); empty when nothing is unread or nobody is
    signed in."""
    count = notifications_of(request.user).filter(read_at__isnull=True).count()
    return render(request, "core/partials/unread_badge.html", {"count": count})


@login_required
@require_POST
def inbox_mark_read(request: HttpRequest) -> HttpResponse:
    """Mark one notification (``id``) or all of the user's notifications as read."""
    notifications = notifications_of(request.user).filter(read_at__isnull=True)
    raw = request.POST.get("id", "")
    if raw:
        if not raw.isdigit():
            messages.error(request, _("Thông báo không hợp lệ."))
            return redirect("core:inbox")
        notifications = notifications.filter(pk=int(raw))
    count = notifications.update(read_at=timezone.now())
    messages.success(request, _("Đã đánh dấu %(n)s thông báo là đã đọc.") % {"n": count})
    return redirect("core:inbox")
