"""The home page's commendation card: what waits for this person, and where to go."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.accounts.models import Role
from thidua.accounts.selectors import reach_of

register = template.Library()

#: Links of the card per role: (URL name, label). Unit staff first, then the board.
_UNIT_LINKS = [
    ("awards:index", _("Đề nghị khen thưởng của đơn vị")),
    ("scoring:index", _("Chấm điểm cụm, khối thi đua")),
    ("exemplars:index", _("Điển hình tiên tiến")),
]
_SECRETARIAT_LINKS = [
    ("awards:review_queue", _("Thẩm định đề nghị khen thưởng")),
    ("councils:index", _("Phiên họp Hội đồng")),
    ("decisions:index", _("Quyết định khen thưởng")),
    ("scoring:index", _("Chấm điểm, xếp hạng cụm, khối")),
    ("reviews:index", _("Sơ kết, tổng kết")),
    ("exemplars:index", _("Điển hình tiên tiến")),
    ("higher_awards:index", _("Đề nghị khen thưởng cấp Nhà nước")),
    ("awards:legal_data", _("Dữ liệu pháp lý: lương cơ sở, lịch nghỉ lễ")),
]
_COUNCIL_LINKS = [("councils:index", _("Phiên họp của tôi"))]
_LEADER_LINKS = [
    ("awards:overview", _("Tổng quan khen thưởng")),
    ("decisions:index", _("Quyết định khen thưởng")),
    ("reviews:index", _("Sơ kết, tổng kết")),
    ("higher_awards:index", _("Đề nghị khen thưởng cấp Nhà nước")),
]


def _links_for(roles: set[str], is_admin: bool) -> list[tuple[str, Any]]:
    chosen: list[tuple[str, Any]] = []
    if is_admin or Role.SECRETARIAT in roles:
        chosen += _SECRETARIAT_LINKS
    if roles & {Role.UNIT_OFFICER, Role.UNIT_HEAD, Role.CLUSTER_LEADER}:
        chosen += _UNIT_LINKS
    if Role.COUNCIL_MEMBER in roles:
        chosen += _COUNCIL_LINKS
    if Role.LEADER in roles:
        chosen += _LEADER_LINKS
    unique: dict[str, Any] = {}
    for name, label in chosen:
        unique.setdefault(name, label)
    return list(unique.items())


@register.inclusion_tag("desk/partials/awards_card.html", takes_context=True)
def awards_home_card(context: dict[str, Any]) -> dict[str, Any]:
    """Links by role, with the nominations waiting for this person's appraisal, the
    council sessions still to be held, and for the Ban TĐKT the legal data that may be
    out of date (``legal_data_warnings``: base salary, years without holidays)."""
    from thidua.awards.legal_data import legal_data_warnings
    from thidua.awards.selectors import review_queue
    from thidua.councils.models import SessionState
    from thidua.councils.selectors import sessions_visible_to

    user = context["request"].user
    if not getattr(user, "is_authenticated", False):
        return {"links": []}
    reach = reach_of(user)
    roles = set(reach.roles)
    links = _links_for(roles, reach.is_admin)
    waiting = 0
    warnings: list[Any] = []
    if reach.is_admin or Role.SECRETARIAT in roles:
        waiting = review_queue(user).count()
        warnings = legal_data_warnings(timezone.localdate())
    sessions = 0
    if roles & {Role.SECRETARIAT, Role.COUNCIL_MEMBER} or reach.is_admin:
        sessions = sessions_visible_to(user).exclude(state=SessionState.CLOSED).count()
    return {"links": links, "waiting": waiting, "sessions": sessions, "warnings": warnings}
