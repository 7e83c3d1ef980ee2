"""Reads of standing councils: who may see and run them, the roster in force on a day,
the attendance quorum with its source.

A council belongs to a unit; the Ban Thi đua - Khen thưởng and the leaders of a province
see the councils of its units, the unit's own head and officers see their unit's council
(they run it: a unit's council is chaired by its head), a member sees the councils they
hold a seat in, and nobody else (a sibling commune never sees another's council).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from thidua.accounts.models import Role
from thidua.accounts.selectors import reach_of, secretariat_covers
from thidua.awards.models import LegalValueCode
from thidua.awards.sources import ValueSource, legal_value, legal_value_source
from thidua.core.tree import root_path
from thidua.core.validity import valid_on
from thidua.councils.models import DEFAULT_QUORUM_SHARE, Council, CouncilSeat, CouncilSession
from thidua.organisations.selectors import unit_scope_q

#: Roles that see every council of the units their province holds.
_OVERSEERS = (Role.SECRETARIAT, Role.LEADER)
#: Roles that run their own unit's council (its head chairs it; an officer is its secretary).
UNIT_RUNNERS = (Role.UNIT_HEAD, Role.UNIT_OFFICER)


def units_run_by(user: Any) -> frozenset[int]:
    """The units whose own council ``user`` may run: those where they are head or officer."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    reach = reach_of(user)
    ids: set[int] = set()
    for role in UNIT_RUNNERS:
        ids |= reach.roles.get(role, frozenset())
    return frozenset(ids)


def is_unit_council(council: Council | None) -> bool:
    """A council of a unit below the province (a department, a commune…): its unit runs it.
    The province's council is run by the Ban Thi đua - Khen thưởng."""
    return council is not None and root_path(council.unit.path) != council.unit.path


def runs_unit_council(user: Any, council: Council | None) -> bool:
    """The head or an officer of a unit council's own unit (not of a sibling, not above)."""
    return is_unit_council(council) and council.unit_id in units_run_by(user)  # type: ignore[union-attr]


def councils_visible_to(user: Any) -> QuerySet[Council]:
    """Councils the user may see (the rule in the module's docstring)."""
    if not getattr(user, "is_authenticated", False):
        return Council.objects.none()
    reach = reach_of(user)
    if reach.is_admin:
        return Council.objects.all()
    query = Q(pk__in=[])
    if any(role in reach.roles for role in _OVERSEERS):
        query |= unit_scope_q(user, prefix="unit__")
    runs = units_run_by(user)
    if runs:
        query |= Q(unit_id__in=sorted(runs))
    query |= Q(pk__in=CouncilSeat.objects.filter(user=user).values("council_id"))
    return Council.objects.filter(query)


def councils_run_by(user: Any) -> QuerySet[Council]:
    """Councils whose sessions and roster ``user`` may manage: the Ban TĐKT of the province
    (every council of its units), or the head or an officer of the council's own unit."""
    visible = councils_visible_to(user).select_related("unit")
    reach = reach_of(user)
    if reach.is_admin:
        return visible
    ids = [c.pk for c in visible if can_run_council(user, c)]
    return Council.objects.filter(pk__in=ids)


def can_run_council(user: Any, council: Council) -> bool:
    """The Ban TĐKT covering the council's unit (or an administrator), or the head or an
    officer of a unit council's own unit."""
    return secretariat_covers(user, council.unit.path) or runs_unit_council(user, council)


def _seats_prefetch(day: dt.date | None = None) -> Prefetch[Any]:
    seats = CouncilSeat.objects.select_related("user").order_by("position_order", "pk")
    if day is not None:
        seats = seats.filter(valid_on(day))
    return Prefetch("seats", queryset=seats)


def council_list(user: Any, *, on: dt.date | None = None) -> QuerySet[Council]:
    """Visible councils with their unit, the seats in force on ``on`` (default: all seats
    of the term) and the number of sessions, in a fixed number of queries."""
    return (
        councils_visible_to(user)
        .select_related("unit")
        .prefetch_related(_seats_prefetch(on))
        .annotate(session_count=Count("sessions", distinct=True))
        .order_by("unit__path", "-term_from", "pk")
    )


def council_detail(user: Any, pk: int) -> Council:
    """One visible council with every seat of its term; ``Council.DoesNotExist`` else."""
    return (
        councils_visible_to(user)
        .select_related("unit")
        .prefetch_related(_seats_prefetch())
        .get(pk=pk)
    )


def seats_in_force(council: Council | int, day: dt.date) -> QuerySet[CouncilSeat]:
    """The roster of the council on ``day``, in its order."""
    council_id = council if isinstance(council, int) else council.pk
    return CouncilSeat.objects.filter(valid_on(day), council_id=council_id).order_by(
        "position_order", "pk"
    )


def roster_size(session: CouncilSession) -> int:
    """ "All members" of the session's council: the roster seats in force on its date
    (absent members included: they vote in writing, ND 98/2023/NĐ-CP Điều 30.7); for a
    session without a standing council, the members seated in it."""
    if session.council_id is None:
        return session.members.count()
    return seats_in_force(session.council_id, session.date).count()


@dataclass(frozen=True)
class QuorumSetting:
    """The attendance quorum that applies to a council's session, and where it comes from:
    ``origin`` is ``council`` (the council's own setting), ``province`` (the province's
    council's setting) or ``default`` (the legal data's general value)."""

    share: Decimal
    source: ValueSource
    origin: str

    @property
    def percent(self) -> Decimal:
        return (self.share * 100).quantize(Decimal("0.1")).normalize()

    def for_board(self) -> str:
        """The citation and what the Ban TĐKT has to confirm."""
        return self.source.for_board()


def _council_setting(council: Council, origin: str) -> QuorumSetting | None:
    if council.quorum_share is None:
        return None
    source = ValueSource(
        basis=council.quorum_basis, verified=bool(council.quorum_basis), setting=True
    )
    return QuorumSetting(council.quorum_share, source, origin)


def general_quorum(day: dt.date) -> QuorumSetting:
    """The general default where no council sets one: the legal data's ``council_quorum``
    (two thirds of the members; its article was not found, so it is a setting the Ban TĐKT
    confirms), or the model default when no legal data is loaded."""
    value = legal_value(LegalValueCode.COUNCIL_QUORUM, day)
    if value is None or value.value is None:
        return QuorumSetting(
            DEFAULT_QUORUM_SHARE, ValueSource(basis="", verified=False, setting=True), "default"
        )
    return QuorumSetting(value.value, legal_value_source(value), "default")


def province_council(unit_path: str, day: dt.date) -> Council | None:
    """The standing council of the province holding ``unit_path`` whose term covers ``day``."""
    return (
        Council.objects.filter(unit__path=root_path(unit_path), term_from__lte=day)
        .filter(Q(term_to__isnull=True) | Q(term_to__gte=day))
        .order_by("-term_from", "-pk")
        .first()
    )


def quorum_for(council: Council | None, day: dt.date) -> QuorumSetting:
    """The quorum of a session of ``council`` on ``day``: the council's own setting with
    its source; else the province's council's; else the general default."""
    if council is not None:
        own = _council_setting(council, "council")
        if own is not None:
            return own
        province = province_council(council.unit.path, day)
        if province is not None and province.pk != council.pk:
            inherited = _council_setting(province, "province")
            if inherited is not None:
                return inherited
    return general_quorum(day)


def quorum_origin_label(setting: QuorumSetting) -> str:
    """Where the quorum comes from, in words for the pages."""
    labels = {
        "council": _("cài đặt của Hội đồng"),
        "province": _("cài đặt của Hội đồng tỉnh"),
        "default": _("mặc định chung khi tỉnh chưa quy định"),
    }
    return str(labels[setting.origin])
