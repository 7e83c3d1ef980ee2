"""Sign-in for programs: ``POST /api/v1/auth/token/`` trades a username and password for a token.

The password check goes through ``django.contrib.auth.authenticate`` with the request, so
django-axes sees every attempt and a locked-out account is refused here as on the sign-in
page; the endpoint is also rate-limited per client address (the ``token`` throttle rate,
counted in the database cache, so shared by every web server process).

A token expires ``API_TOKEN_DAYS`` days after it was issued (``ExpiringTokenAuthentication``
refuses it with a message saying where to get a new one; the token endpoint then issues
a new one), and a password change revokes it (``token_revoke_on_password_change``).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import authenticate
from django.contrib.auth.signals import user_logged_in
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiExample, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.authtoken.models import Token
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from thidua.api.kit.errors import error_responses
from thidua.api.kit.tokens import token_expired


class TokenRateThrottle(ScopedRateThrottle):
    """The ``token`` scope, counted per client address whoever the request names.

    Counting by address (not by the username sent) limits password guessing against many
    accounts from one client; django-axes separately locks one account after repeated
    failures (AXES_FAILURE_LIMIT).
    """

    def get_cache_key(self, request: Request, view: Any) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


def token_revoke_on_password_change(sender: Any, instance: Any, **kwargs: Any) -> None:
    """``pre_save`` of the user: a new password revokes the API token (a stolen token
    must not outlive the password change that follows the theft)."""
    if instance.pk is None:
        return
    old = type(instance).objects.filter(pk=instance.pk).values_list("password", flat=True).first()
    if old is not None and old != instance.password:
        Token.objects.filter(user_id=instance.pk).delete()


class TokenCredentialsSerializer(serializers.Serializer):
    """The credentials of one user."""

    username = serializers.CharField(
        label=_("Tên đăng nhập"),
        max_length=150,
        error_messages={
            "required": _("Nhập tên đăng nhập."),
            "blank": _("Nhập tên đăng nhập."),
            "max_length": _("Tên đăng nhập dài quá 150 ký tự."),
            "invalid": _("Tên đăng nhập phải là một chuỗi ký tự."),
        },
    )
    password = serializers.CharField(
        label=_("Mật khẩu"),
        max_length=4096,
        trim_whitespace=False,
        write_only=True,
        style={"input_type": "password"},
        error_messages={
            "required": _("Nhập mật khẩu."),
            "blank": _("Nhập mật khẩu."),
            "max_length": _("Mật khẩu dài quá 4096 ký tự."),
            "invalid": _("Mật khẩu phải là một chuỗi ký tự."),
        },
    )


TokenResponseSerializer = inline_serializer(
    name="TokenResponse",
    fields={"token": serializers.CharField(help_text=_("Khóa truy cập: gửi kèm mọi yêu cầu."))},
)

_WRONG = _("Tên đăng nhập hoặc mật khẩu không đúng.")
_LOCKED = _(
    "Tài khoản tạm khóa vì đăng nhập sai quá nhiều lần: hãy thử lại sau 15 phút "
    "hoặc nhờ quản trị viên mở khóa."
)


class TokenObtainView(APIView):
    """Return the user's API token, creating it on first use."""

    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    throttle_classes = [TokenRateThrottle]
    throttle_scope = "token"

    @extend_schema(
        operation_id="auth_token_create",
        summary=_("Lấy khóa truy cập (token)"),
        description=_(
            "Đổi tên đăng nhập và mật khẩu lấy khóa truy cập; gửi khóa trong tiêu đề "
            "“Authorization: Token <khóa>”. Giới hạn số lần thử theo địa chỉ máy khách; "
            "tài khoản đăng nhập sai nhiều lần bị tạm khóa."
        ),
        tags=["auth"],
        auth=[],
        request=TokenCredentialsSerializer,
        responses={200: TokenResponseSerializer, **error_responses(400, 429)},
        examples=[
            OpenApiExample(
                "token",
                value={"token": "9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b"},
                response_only=True,
            )
        ],
    )
    def post(self, request: Request) -> Response:
        """Check the credentials (through axes) and answer with the token or a 400/429."""
        serializer = TokenCredentialsSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = authenticate(
            request=request,
            username=serializer.validated_data["username"],
            password=serializer.validated_data["password"],
        )
        if user is None:
            if getattr(request, "axes_locked_out", False):
                return Response(
                    {"detail": str(_LOCKED), "code": "locked_out", "errors": {}},
                    status=status.HTTP_429_TOO_MANY_REQUESTS,
                )
            return Response(
                {"detail": str(_WRONG), "code": "invalid_credentials", "errors": {}},
                status=status.HTTP_400_BAD_REQUEST,
            )
        # A successful sign-in: updates last_login and lets axes clear the failures.
        user_logged_in.send(sender=type(user), request=request, user=user)
        token, _created = Token.objects.get_or_create(user=user)
        if token_expired(token):  # an expired token is replaced by a new one
            token.delete()
            token = Token.objects.create(user=user)
        return Response({"token": token.key})
