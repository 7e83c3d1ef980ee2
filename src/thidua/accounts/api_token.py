"""One's own API token (khóa truy cập API): see when it was issued and when it expires,
issue a new one (shown once) or revoke it. A program signs in with ``POST
/api/v1/auth/token/``; this page lets the person behind it take the key back without
asking an administrator (issue 15: tokens that outlive a stolen laptop)."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from rest_framework.authtoken.models import Token

from thidua.accounts.models import User

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class TokenState:
    """What the page says of a person's token (never the key, except once when issued)."""

    issued: dt.datetime
    expires: dt.datetime
    expired: bool
    hint: str  # the key's first characters, to tell two programs' keys apart


def token_state(user: User) -> TokenState | None:
    """The state of ``user``'s token, or None when there is none."""
    token = Token.objects.filter(user=user).first()
    if token is None:
        return None
    expires = token.created + dt.timedelta(days=settings.API_TOKEN_DAYS)
    return TokenState(
        issued=token.created, expires=expires, expired=expires <= timezone.now(), hint=token.key[:6]
    )


def token_issue(user: User) -> str:
    """Replace ``user``'s token by a new one and return its key (the old key stops working)."""
    with transaction.atomic():
        Token.objects.filter(user=user).delete()
        key = str(Token.objects.create(user=user).key)
    logger.info("API token issued by its owner", extra={"user": user.pk})
    return key


def token_revoke(user: User) -> bool:
    """Delete ``user``'s token; whether there was one."""
    deleted, _rows = Token.objects.filter(user=user).delete()
    logger.info("API token revoked by its owner", extra={"user": user.pk})
    return bool(deleted)


class ApiTokenView(LoginRequiredMixin, View):
    """``/tai-khoan/khoa-truy-cap-api/``: one's own token only (nobody else's is reachable)."""

    template_name = "accounts/api_token.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._page(request, new_key=None)

    def post(self, request: HttpRequest) -> HttpResponse:
        action = request.POST.get("action", "")
        user = cast(User, request.user)  # LoginRequiredMixin: signed in
        if action == "issue":
            return self._page(request, new_key=token_issue(user))
        if action == "revoke":
            if token_revoke(user):
                messages.success(
                    request, _("Đã thu hồi khóa truy cập: chương trình dùng khóa cũ sẽ bị từ chối.")
                )
            else:
                messages.info(request, _("Bạn chưa có khóa truy cập nào."))
            return redirect("accounts:api_token")
        messages.error(
            request, _("Không rõ thao tác; hãy chọn “Cấp khóa mới” hoặc “Thu hồi khóa”.")
        )
        return redirect("accounts:api_token")

    def _page(self, request: HttpRequest, *, new_key: str | None) -> HttpResponse:
        context = {
            "state": token_state(cast(User, request.user)),
            "new_key": new_key,
            "days": settings.API_TOKEN_DAYS,
        }
        return render(request, self.template_name, context)
