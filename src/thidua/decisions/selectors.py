"""Reads of decisions, certificates and the award history.

Every page, export and API call starts from one of the ``*_visible_to(user)`` selectors:
the secretariat sees every decision of its province (drafts included), a granting unit's
staff their unit's own decisions (drafts included); leaders and
council members the issued ones; a unit only the issued decisions that concern its own
people, and only their rows (leak tests).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from thidua.accounts.models import Role
from thidua.accounts.selectors import reach_of
from thidua.awards.models import AwardRecord, Nominee
from thidua.core.text import fold
from thidua.core.tree import path_ids
from thidua.decisions.models import (
    Certificate,
    Decision,
    DecisionEntry,
    DecisionEvent,
    DecisionState,
)
from thidua.decisions.models.certificates import normalise_certificate_code
from thidua.decisions.rules import issuer_units, province_paths
from thidua.organisations.models import Unit, UnitSuccession
from thidua.organisations.selectors import (
    inherited_q,
    predecessions,
    subtree_q,
    unit_scope_grants,
    unit_scope_q,
    units_visible_to,
)

_WIDE_READERS = (Role.LEADER, Role.COUNCIL_MEMBER)
PUBLISHED = (DecisionState.ISSUED, DecisionState.SUPERSEDED)


def _own_units_q(user: Any, prefix: str) -> Q | None:
    """Entries about the user's own people (nominee's unit or proposing unit in scope),
    leaving out the provinces the user already reads province-wide; None when nothing
    is left.

    A decision about a province's people is granted inside that province (the granting
    unit is the proposer's own level or one above it, Luật TĐKT 2022 Điều 80), so the
    province-wide branch already covers them: OR-ing an "own people" join over every
    decision entry, nomination and nominee of the country into the secretariat's query
    only made PostgreSQL scan them all (issue #16).
    """
    reach = reach_of(user)
    # The same two look-ups as the callers' branches (cached on the user: no query more).
    wide = province_paths(user, (Role.SECRETARIAT,)) | province_paths(user, _WIDE_READERS)
    if reach.roles.get(Role.CLUSTER_LEADER):
        scopes = [unit_scope_q(user, prefix=f"{prefix}{via}__") for via in _VIAS]
        return scopes[0] | scopes[1]
    paths = {p for p in reach.subtree_paths if not any(p.startswith(w) for w in wide)}
    if not paths and not reach.exact:
        return None
    query = Q()
    for via in _VIAS:
        unit = f"{prefix}{via}__"
        query |= Q(**{f"{unit}pk__in": sorted(reach.exact)}) | subtree_q(paths, unit)
    return query


_VIAS = ("nomination__nominee__unit", "nomination__proposer_unit")


def decisions_visible_to(user: Any) -> QuerySet[Decision]:
    """Decisions the user may open (see the module docstring for who sees what)."""
    if not getattr(user, "is_authenticated", False):
        return Decision.objects.none()
    if reach_of(user).is_admin:
        return Decision.objects.all()
    query = subtree_q(province_paths(user, (Role.SECRETARIAT,)), "grantor_unit__")
    query |= Q(grantor_unit__in=sorted(issuer_units(user)))
    wide = province_paths(user, _WIDE_READERS)
    query |= Q(state__in=PUBLISHED) & subtree_q(wide, "grantor_unit__")
    own_q = _own_units_q(user, "")
    if own_q is not None:
        own = DecisionEntry.objects.filter(own_q).values("decision_id")
        query |= Q(state__in=PUBLISHED, pk__in=own)
    return Decision.objects.filter(query)


def _sees_all_rows(user: Any) -> Q:
    reach = reach_of(user)
    if reach.is_admin:
        return Q()
    sec = province_paths(user, (Role.SECRETARIAT,))
    wide = province_paths(user, _WIDE_READERS)
    return (
        subtree_q(sec, "decision__grantor_unit__")
        | Q(decision__grantor_unit__in=sorted(issuer_units(user)))
    ) | (Q(decision__state__in=PUBLISHED) & subtree_q(wide, "decision__grantor_unit__"))


def entries_visible_to(user: Any) -> QuerySet[DecisionEntry]:
    """Rows of attached lists the user may see: all rows of the decisions the user sees
    province-wide; for a unit, the published rows of its own people."""
    if not getattr(user, "is_authenticated", False):
        return DecisionEntry.objects.none()
    if reach_of(user).is_admin:
        return DecisionEntry.objects.all()
    own_q = _own_units_q(user, "")
    if own_q is None:  # province-wide reader: one condition on the decision's grantor
        return DecisionEntry.objects.filter(_sees_all_rows(user))
    own = Q(decision__state__in=PUBLISHED) & own_q
    ids = DecisionEntry.objects.filter(_sees_all_rows(user) | own).values("pk")
    return DecisionEntry.objects.filter(pk__in=ids)


def certificates_visible_to(user: Any) -> QuerySet[Certificate]:
    """Certificates of the rows the user may see."""
    if getattr(user, "is_authenticated", False) and reach_of(user).is_admin:
        return Certificate.objects.all()
    return Certificate.objects.filter(entry__in=entries_visible_to(user))


def decision_list(user: Any, *, state: str = "", campaign: int | None = None) -> QuerySet[Decision]:
    """Visible decisions with what a list row shows, in a fixed number of queries."""
    decisions = decisions_visible_to(user).select_related(
        "form", "grantor_unit", "campaign", "phase"
    )
    if state:
        decisions = decisions.filter(state=state)
    if campaign:
        decisions = decisions.filter(campaign_id=campaign)
    # The rows are counted for the page's decisions only: a subquery each, not a GROUP BY
    # of every row of every decision before the sort (a country: 5.000 decisions with
    # 300.000 rows took half a second).
    rows = (
        DecisionEntry.objects.filter(decision=OuterRef("pk"))
        .order_by()
        .values("decision")
        .annotate(n=Count("pk"))
        .values("n")
    )
    entry_count = Coalesce(Subquery(rows, output_field=IntegerField()), 0)
    return decisions.annotate(entry_count=entry_count).order_by("-date", "-pk")


def decision_detail(user: Any, pk: int) -> Decision:
    """One visible decision with the rows the user may see (``Decision.DoesNotExist``)."""
    rows = (
        entries_visible_to(user)
        .select_related("nomination__nominee", "certificate")
        .order_by("order", "pk")
    )
    return (
        decisions_visible_to(user)
        .select_related(
            "form",
            "grantor_unit",
            "campaign",
            "phase",
            "supersedes",
            "created_by",
            "issued_by",
        )
        .prefetch_related(
            Prefetch("entries", queryset=rows, to_attr="visible_entries"),
            "superseded_by",
            Prefetch(
                "events",
                queryset=DecisionEvent.objects.select_related("actor"),
                to_attr="event_list",
            ),
        )
        .get(pk=pk)
    )


# --- Public reads (no sign-in) ----------------------------------------------------------


def decisions_public() -> QuerySet[Decision]:
    """Issued decisions with their public fields only (number, date, form, grantor,
    counts): what the law asks to be made public (Luật TĐKT 2022 Điều 10)."""
    return (
        Decision.objects.filter(state__in=PUBLISHED)
        .select_related("form")
        .annotate(entry_count=Count("entries"))
        .only(
            "number",
            "date",
            "state",
            "grantor_title",
            "place_name",
            "campaign_id",
            "form__name",
            "form__code",
        )
        .order_by("-date", "-pk")
    )


def certificate_by_code(code: str) -> Certificate | None:
    """The certificate printed with ``code`` (of a published decision), or None.

    The code may be typed in any case, with stray spaces and with or without its
    dashes; the look-up stays an exact match on the unique index.
    """
    code = normalise_certificate_code(code or "")
    if not code or len(code) > 32:
        return None
    return (
        Certificate.objects.filter(code=code, entry__decision__state__in=PUBLISHED)
        .select_related("entry__decision__form", "entry__decision__campaign")
        .first()
    )


# --- Award history ----------------------------------------------------------------------


def award_records_visible_to(user: Any) -> QuerySet[AwardRecord]:
    """Award records of nominees the user may see: province-wide for the secretariat,
    leaders and council members (archive records of nominees without a unit included
    when they belong to the user's province, ``AwardRecord.province``); a unit's
    own people for unit staff; and in both cases the records of the units whose duties
    passed to a covered unit (Trà Vinh's communes for the Vĩnh Long commune that took
    them over on 01/7/2025, Nghị quyết 1687/NQ-UBTVQH15)."""
    return _records_of(_visible_parts(user))


def _records_of(parts: list[Q] | None) -> QuerySet[AwardRecord]:
    """The records of the union of ``parts`` (none for None)."""
    if parts is None:
        return AwardRecord.objects.none()
    query = parts[0]
    for part in parts[1:]:
        query |= part
    return AwardRecord.objects.filter(query)


def _visible_parts(user: Any) -> list[Q] | None:
    """Disjoint filters whose union is what the user may see: records of nominees in a
    covered unit (or in one whose duties passed to it), and archive records of unit-less
    nominees kept by a covered province. None for an anonymous user; one empty filter
    for the administrator. Apart, each is a query an index serves (a country's history
    is counted part by part, ``award_history_listing``)."""
    if not getattr(user, "is_authenticated", False):
        return None
    if reach_of(user).is_admin:
        return [Q()]
    wide = province_paths(user, (Role.SECRETARIAT, *_WIDE_READERS))
    covered = Unit.objects.filter(subtree_q(wide) | unit_scope_q(user)).values("pk")
    # History follows the successor: the records of a merged commune or department are
    # seen by whoever covers the unit that took over its duties (``inherited_q``). The
    # ids are read first (a province's few hundred units): a list PostgreSQL can weigh,
    # where a subquery of subqueries made it expect every nominee of the country.
    units = list(
        Unit.objects.filter(Q(pk__in=covered) | inherited_q(covered)).values_list("pk", flat=True)
    )
    parts = [Q(nominee__unit_id__in=units)]
    if wide:
        # An archive record of a nominee without a unit belongs to the province that
        # keeps it (``AwardRecord.province``): never to every province's secretariat.
        provinces = sorted(path_ids(path)[0] for path in wide)
        parts.append(Q(nominee__unit__isnull=True, province_id__in=provinces))
    return parts


def award_records_visible_grants(user: Any) -> frozenset[str]:
    """The rights ``award_records_visible_to(user)`` rests on, as tokens: the provinces
    read wide (``province:<path>``, secretariat, leaders, council members) and the units
    the user's roles cover (``unit_scope_grants``). What an award history export records
    with its file (``decisions.history_export``). Kept beside the selector."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    if reach_of(user).is_admin:
        return unit_scope_grants(user)
    wide = province_paths(user, (Role.SECRETARIAT, *_WIDE_READERS))
    return unit_scope_grants(user) | {f"province:{path}" for path in wide}


def award_history(user: Any, *, search: str = "", kind: str = "") -> QuerySet[AwardRecord]:
    """Visible award records, newest first, matching ``search`` typed with or without
    diacritics ("nguyen van an" finds "Nguyễn Văn An") on the nominee's name."""
    return award_history_listing(user, search=search, kind=kind)[0]


def award_history_listing(
    user: Any, *, search: str = "", kind: str = ""
) -> tuple[QuerySet[AwardRecord], list[QuerySet[AwardRecord]]]:
    """:func:`award_history`, and its rows as disjoint sets to count them part by part
    (``core.paging.CappedPaginator``)."""
    visible = _visible_parts(user)
    records = _history_filter(_records_of(visible), search, kind)
    parts = [_history_filter(_records_of([part]), search, kind) for part in visible or []]
    ordered = records.select_related("nominee", "form", "campaign").order_by(
        "nominee__search_key", "nominee_id", "-decision_date", "-pk"
    )
    return ordered, parts


def _history_filter(
    records: QuerySet[AwardRecord], search: str, kind: str
) -> QuerySet[AwardRecord]:
    for word in fold(search).split():
        records = records.filter(nominee__search_key__contains=word)
    if kind:
        records = records.filter(nominee__kind=kind)
    return records


def nominee_history(user: Any, nominee_id: int) -> tuple[Nominee, list[AwardRecord]]:
    """One nominee and every award the user may see, across campaigns and years."""
    records = list(
        award_records_visible_to(user)
        .filter(nominee_id=nominee_id)
        .select_related("nominee__unit", "form", "campaign")
        .order_by("-decision_date", "-pk")
    )
    if not records:
        raise Nominee.DoesNotExist
    return records[0].nominee, records


def unit_award_history(
    user: Any, unit_id: int
) -> tuple[Unit, list[UnitSuccession], QuerySet[AwardRecord]]:
    """A unit's own award history: the records of its people (collective included) and
    of every unit whose duties passed to it, with the successions that link them.

    The unit must be one the user sees (``Unit.DoesNotExist`` otherwise, a 404); the
    records are those the user may see, newest first.
    """
    unit = units_visible_to(user).get(pk=unit_id)
    own = Unit.objects.filter(pk=unit.pk).values("pk")
    records = (
        award_records_visible_to(user)
        .filter(Q(nominee__unit=unit) | inherited_q(own, prefix="nominee__unit__"))
        .select_related("nominee__unit", "form", "campaign")
        .order_by("-decision_date", "-pk")
    )
    return unit, predecessions(unit), records
