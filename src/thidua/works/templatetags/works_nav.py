"""The works pages' own navigation and the home page's works card.

Which links a person gets follows their roles (read from the reach cached on the user,
so these tags cost no query): unit staff see their unit's works, approvers the queue,
the secretariat and provincial leaders the compliance board; every signed-in person
sees the register, the charts and the works ahead of schedule, limited to what they
may see.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext_lazy as _

from thidua.accounts.models import Role
from thidua.accounts.selectors import reach_of
from thidua.organisations.models import Unit

register = template.Library()

_UNIT = (Role.UNIT_OFFICER, Role.UNIT_HEAD)
_BOARD = (Role.SECRETARIAT, Role.LEADER, Role.COUNCIL_MEMBER)
_CACHE_ATTR = "_thidua_works_approves"


def _approves(user: Any, staff: list[int]) -> bool:
    """Whether a unit the user works in has units under it (a district: its communes
    register through it). One query, remembered on the user object for the request."""
    cached: bool | None = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        cached = bool(staff) and Unit.objects.filter(parent_id__in=staff).exists()
        setattr(user, _CACHE_ATTR, cached)
    return cached


def works_links(user: Any) -> list[tuple[str, Any]]:
    """(url name, label) of the works pages open to ``user``, in menu order."""
    reach = reach_of(user)
    held = set(reach.roles)
    staff = sorted({u for role in _UNIT for u in reach.roles.get(role, ())})
    links: list[tuple[str, Any]] = []
    if reach.is_admin or staff:
        links.append(("unit", _("Của đơn vị")))
    if reach.is_admin or Role.SECRETARIAT in held or _approves(user, staff):
        links.append(("queue", _("Duyệt đăng ký")))
    if reach.is_admin or held & set(_BOARD):
        links.append(("compliance", _("Theo dõi đăng ký")))
    links += [
        ("register", _("Sổ theo dõi")),
        ("charts", _("Biểu đồ")),
        ("ahead", _("Vượt tiến độ")),
    ]
    return links


@register.inclusion_tag("works/partials/subnav.html", takes_context=True)
def works_subnav(context: dict[str, Any]) -> dict[str, Any]:
    """The row of works links under the page header, the current page marked."""
    request = context["request"]
    match = getattr(request, "resolver_match", None)
    current = match.url_name if match else ""
    aliases = {"detail": "", "create": "unit", "edit": "unit"}
    return {
        "links": works_links(request.user),
        "current": aliases.get(current, current),
    }


_CARD_LABELS = {
    "unit": _("Công trình của đơn vị"),
    "queue": _("Duyệt đăng ký công trình"),
    "compliance": _("Theo dõi đăng ký của các đơn vị"),
    "register": _("Sổ theo dõi công trình"),
    "charts": _("Biểu đồ tiến độ"),
    "ahead": _("Công trình vượt tiến độ"),
}


@register.inclusion_tag("works/partials/home_card.html", takes_context=True)
def works_home_card(context: dict[str, Any]) -> dict[str, Any]:
    """A card on the home page leading to the works pages this person uses, with how many
    works wait for their approval (one count query, only for approvers)."""
    from thidua.works.selectors import approval_queue

    user = context["request"].user
    if not getattr(user, "is_authenticated", False):
        return {"links": []}
    names = [name for name, _label in works_links(user)]
    waiting = approval_queue(user).count() if "queue" in names else 0
    return {"links": [(name, _CARD_LABELS[name]) for name in names], "waiting": waiting}
