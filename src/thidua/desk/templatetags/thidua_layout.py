"""Tags for the shared layout (base.html): the signed-in person's roles."""

from __future__ import annotations

from typing import Any

from django import template

from thidua.accounts.models import Role
from thidua.accounts.selectors import reach_of

register = template.Library()


@register.simple_tag
def role_labels(user: Any) -> list[str]:
    """The labels of the roles ``user`` holds today, in the order of ``Role``.

    Uses the reach cached on the user object, so the header costs no query on pages
    that already checked visibility.
    """
    if not getattr(user, "is_authenticated", False):
        return []
    held = reach_of(user).roles
    labels = [str(role.label) for role in Role if role.value in held]
    if not labels and getattr(user, "is_superuser", False):
        labels.append(str(Role.ADMIN.label))
    return labels
