"""The report pages' own navigation, the site menu's dashboard link and the home card.

Which links a person gets follows their roles (read from the reach cached on the user,
so the links cost no query): unit staff see their unit's reports; the Ban TĐKT, the
provincial leaders, the council and administrators see the periods and the dashboard.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.reports.models import ReportState
from thidua.reports.views import is_board, staff_unit_ids

register = template.Library()


def reports_links(user: Any) -> list[tuple[str, Any]]:
    """(url name, label) of the report pages open to ``user``, in menu order."""
    if not getattr(user, "is_authenticated", False):
        return []
    links: list[tuple[str, Any]] = []
    if staff_unit_ids(user):
        links.append(("index", _("Của đơn vị")))
    if is_board(user):
        links += [("periods", _("Kỳ báo cáo")), ("dashboard", _("Bảng điều khiển"))]
    return links


@register.filter
def sees_dashboard(user: Any) -> bool:
    """Whether the site menu shows "Bảng điều khiển" (no query: the reach is cached)."""
    return getattr(user, "is_authenticated", False) and is_board(user)


@register.inclusion_tag("reports/partials/subnav.html", takes_context=True)
def reports_subnav(context: dict[str, Any]) -> dict[str, Any]:
    """The row of report links under the page header, the current page marked."""
    request = context["request"]
    match = getattr(request, "resolver_match", None)
    current = match.url_name if match else ""
    aliases = {"detail": "index", "period": "periods", "consolidation": "periods"}
    links = reports_links(request.user)
    return {"links": links if len(links) > 1 else [], "current": aliases.get(current, current)}


_CARD_LABELS = {
    "index": _("Báo cáo định kỳ của đơn vị"),
    "periods": _("Theo dõi báo cáo theo kỳ"),
    "dashboard": _("Bảng điều khiển của lãnh đạo"),
}


@register.inclusion_tag("reports/partials/home_card.html", takes_context=True)
def reports_home_card(context: dict[str, Any]) -> dict[str, Any]:
    """A card on the home page: the unit's reports still to submit (one count query for
    unit staff) and the reports waiting for the Ban TĐKT (one count query for it)."""
    from thidua.reports.selectors import reports_visible_to

    user = context["request"].user
    links = reports_links(user)
    if not links:
        return {"links": []}
    names = [name for name, _label in links]
    today = timezone.localdate()
    to_submit = waiting = 0
    if "index" in names:
        to_submit = (
            reports_visible_to(user)
            .filter(
                unit_id__in=staff_unit_ids(user),
                state__in=[ReportState.OPEN, ReportState.RETURNED],
                period__start__lte=today,
            )
            .count()
        )
    if "periods" in names:
        waiting = reports_visible_to(user).filter(state=ReportState.SUBMITTED).count()
    return {
        "links": [(name, _CARD_LABELS[name]) for name in names],
        "to_submit": to_submit,
        "waiting": waiting,
    }
