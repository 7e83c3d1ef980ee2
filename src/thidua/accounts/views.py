"""Sign-in, sign-out and password change pages (Django's auth views, Vietnamese forms)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from thidua.accounts.forms import ChangePasswordForm, SignInForm


def _cooloff_minutes() -> int | None:
    """``AXES_COOLOFF_TIME`` (hours as a number, or a timedelta) in minutes."""
    cooloff = settings.AXES_COOLOFF_TIME
    if isinstance(cooloff, dt.timedelta):
        return round(cooloff.total_seconds() / 60)
    if isinstance(cooloff, int | float):
        return round(cooloff * 60)
    return None


class SignInView(auth_views.LoginView):
    """The sign-in page. django-axes counts failures per username and IP address and,
    after ``AXES_FAILURE_LIMIT`` of them, answers with ``accounts/locked_out.html``."""

    template_name = "accounts/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["failure_limit"] = settings.AXES_FAILURE_LIMIT
        context["cooloff_minutes"] = _cooloff_minutes()
        return context


class SignOutView(auth_views.LogoutView):
    """Sign out (POST only, as Django requires) and say so on the sign-in page."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().post(request, *args, **kwargs)
        messages.info(request, _("Bạn đã đăng xuất."))
        return response


class ChangePasswordView(auth_views.PasswordChangeView):
    """Change one's own password; the session stays signed in."""

    template_name = "accounts/password_change.html"
    form_class = ChangePasswordForm
    success_url = reverse_lazy("accounts:password_change_done")


class ChangePasswordDoneView(auth_views.PasswordChangeDoneView):
    template_name = "accounts/password_change_done.html"
