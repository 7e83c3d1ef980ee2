"""API tokens that expire: ``API_TOKEN_DAYS`` days after they were issued.

Kept apart from ``api/auth.py`` (the token endpoint, a view): DRF imports the
authentication classes while its own views module loads.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication


def token_expired(token: Any) -> bool:
    """Whether ``token`` was issued more than ``API_TOKEN_DAYS`` days ago."""
    return bool(token.created < timezone.now() - dt.timedelta(days=settings.API_TOKEN_DAYS))


class ExpiringTokenAuthentication(TokenAuthentication):
    """DRF's token header, refusing a token older than ``API_TOKEN_DAYS`` days (401)."""

    def authenticate_credentials(self, key: str) -> tuple[Any, Any]:
        user, token = super().authenticate_credentials(key)
        if token_expired(token):
            raise exceptions.AuthenticationFailed(
                _(
                    "Khóa truy cập đã hết hạn (cấp ngày %(date)s, dùng được %(days)s ngày): "
                    "hãy lấy khóa mới tại /api/v1/auth/token/."
                )
                % {
                    "date": timezone.localtime(token.created).strftime("%d/%m/%Y"),
                    "days": settings.API_TOKEN_DAYS,
                },
                code="token_expired",
            )
        return user, token
