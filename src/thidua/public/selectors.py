"""Reads of the public site: only what is public by nature, in a fixed number of queries.

Public: campaigns that are not drafts, their campaign-level targets with each target's
latest value and status; works approved or further (title, unit, place, progress, dates);
published exemplary models; published cluster rankings; issued decisions' public fields.
Never: people's accounts, reviewers' notes, return reasons, dossiers, amounts, private
personal data (birth year, gender), drafts (Luật TĐKT 2022 Điều 5: công khai, minh bạch;
Luật Bảo vệ dữ liệu cá nhân / NĐ 13/2023: only what publicity needs).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Value, When

from thidua.campaigns.models import Campaign, CampaignStatus
from thidua.core.text import fold
from thidua.organisations.models import Unit, UnitKind
from thidua.targets.evaluation import Status, evaluate
from thidua.targets.models import Target
from thidua.targets.selectors import with_values
from thidua.works.models import Work, WorkState

#: States in which a work is public: approved by its level, or further (not cancelled).
PUBLIC_WORK_STATES = (WorkState.APPROVED, WorkState.IN_PROGRESS, WorkState.COMPLETED)


def public_campaigns() -> QuerySet[Campaign]:
    """Campaigns launched (not drafts), newest first."""
    return (
        Campaign.objects.exclude(status=CampaignStatus.DRAFT)
        .select_related("issuer_unit")
        .order_by("-doc_date", "code")
    )


@dataclass
class PublicTarget:
    code: str
    indicator: str
    goal: str
    latest: Decimal | None
    latest_label: str
    measure_unit: str
    status: str
    status_label: str


@dataclass
class CampaignBoard:
    campaign: Campaign
    targets: list[PublicTarget] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def campaign_boards(campaigns: list[Campaign], today: dt.date) -> list[CampaignBoard]:
    """Each campaign's targets, latest value and status (đạt / vượt / chưa đạt), as of
    ``today``: three queries in all, however many campaigns and values."""
    from thidua.reviews.document import goal_text

    boards = {c.pk: CampaignBoard(c, counts={s.value: 0 for s in Status}) for c in campaigns}
    targets = with_values(
        Target.objects.filter(campaign__in=list(boards), unit__isnull=True).order_by(
            "campaign_id", "position", "code"
        )
    )
    for target in targets:
        values = list(target.values.all())
        status = evaluate(target, values, today).status
        latest = values[-1] if values else None
        board = boards[target.campaign_id]
        board.counts[status.value] += 1
        board.targets.append(
            PublicTarget(
                code=target.code,
                indicator=target.indicator,
                goal=goal_text(target),
                latest=latest.value if latest else None,
                latest_label=latest.label if latest else "",
                measure_unit=target.measure_unit,
                status=status.value,
                status_label=status.label,
            )
        )
    return list(boards.values())


def public_works() -> QuerySet[Work]:
    """Works approved or further of launched campaigns, with what a public row shows."""
    return (
        Work.objects.filter(state__in=PUBLIC_WORK_STATES)
        .exclude(campaign__status=CampaignStatus.DRAFT)
        .select_related("unit__parent", "place", "campaign", "content_area")
        .only(
            "pk",
            "title",
            "kind",
            "state",
            "percent_complete",
            "planned_start",
            "planned_finish",
            "actual_finish",
            "latitude",
            "longitude",
            "updated_at",
            "unit__name",
            "unit__kind",
            "unit__parent__name",
            "unit__parent__kind",
            "place__name",
            "campaign__doc_number",
            "campaign__status",
            "content_area__code",
            "content_area__title",
        )
    )


def public_work_list(
    *, unit: int | None = None, district: int | None = None, search: str = ""
) -> QuerySet[Work]:
    """Public works filtered by unit, by district (its own and its communes') and by words
    typed with or without diacritics; newest first."""
    works = public_works()
    if unit:
        works = works.filter(unit_id=unit)
    if district:
        # Found on units, so the works are filtered on their own unit_id (issue #16).
        units = Unit.objects.filter(Q(pk=district) | Q(parent_id=district))
        works = works.filter(unit_id__in=units.values("pk"))
    for word in fold(search).split():
        works = works.filter(search_text__contains=word)
    return works.order_by("-updated_at", "-pk")


@dataclass
class DistrictCount:
    unit_id: int
    name: str
    works: int
    completed: int


def district_counts() -> tuple[list[DistrictCount], list[Unit]]:
    """Public works per district (its own and its communes'), and per province-level unit
    group ("Cấp tỉnh"), with the districts that have any (for the filter).

    Two queries: the works are counted per district in SQL (the covering index
    ``work_state_campaign_unit_idx`` is read, not the table), then the districts' names.
    The count still reads every public work of the country: it grows with them (issue #16).
    """
    rows = (
        Work.objects.filter(state__in=PUBLIC_WORK_STATES)
        .exclude(campaign__status=CampaignStatus.DRAFT)
        .annotate(
            district=Case(
                When(unit__kind=UnitKind.DISTRICT, then=F("unit_id")),
                When(
                    unit__kind=UnitKind.COMMUNE,
                    unit__parent_id__isnull=False,
                    then=F("unit__parent_id"),
                ),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
        .order_by()
        .values("district")
        .annotate(n=Count("unit"), done=Count("unit", filter=Q(state=WorkState.COMPLETED)))
    )
    found = {row["district"]: row for row in rows}
    units = sorted(
        Unit.objects.filter(pk__in=[key for key in found if key]).only("pk", "name"),
        key=lambda u: fold(u.name),
    )
    counts = [DistrictCount(u.pk, u.name, found[u.pk]["n"], found[u.pk]["done"]) for u in units]
    if 0 in found:
        counts.append(DistrictCount(0, "", found[0]["n"], found[0]["done"]))
    return counts, units


@dataclass
class MapPoint:
    pk: int
    title: str
    x: float
    y: float
    done: bool


def map_points(works: list[Work], *, width: int = 600, height: int = 420) -> list[MapPoint]:
    """Works with coordinates projected into an SVG box (equirectangular, fitted to the
    points' bounds with a margin). No map tiles: a sketch of where works are."""
    located = [w for w in works if w.latitude is not None and w.longitude is not None]
    if not located:
        return []
    lats = [float(w.latitude) for w in located]  # type: ignore[arg-type]
    lons = [float(w.longitude) for w in located]  # type: ignore[arg-type]
    span_lat = max(max(lats) - min(lats), 0.01)
    span_lon = max(max(lons) - min(lons), 0.01)
    margin = 24
    points = []
    for w, lat, lon in zip(located, lats, lons, strict=True):
        x = margin + (lon - min(lons)) / span_lon * (width - 2 * margin)
        y = margin + (max(lats) - lat) / span_lat * (height - 2 * margin)
        points.append(
            MapPoint(w.pk, w.title, round(x, 1), round(y, 1), w.state == WorkState.COMPLETED)
        )
    return points


@dataclass
class GridCell:
    name: str
    works: int
    completed: int
    district_id: int
    level: int


def district_grid(counts: list[DistrictCount]) -> list[GridCell]:
    """A schematic grid of districts (not geography: units have no coordinates), one cell
    each, shaded 1–4 by its number of public works."""
    most = max((c.works for c in counts), default=0) or 1
    return [
        GridCell(
            c.name,
            c.works,
            c.completed,
            c.unit_id,
            min(4, 1 + (3 * c.works) // most) if c.works else 0,
        )
        for c in counts
    ]


def public_rankings(year: int | None = None) -> list[dict[str, Any]] | None:
    """Published cluster and block rankings (from scoring), or None when unavailable."""
    from thidua.reviews.selectors import published_ranking_rows

    return published_ranking_rows(year)


#: Decisions a page of the public list shows (each with its whole attached list).
DECISIONS_PER_PAGE = 10


def public_decisions(page: str | None = None) -> tuple[Page[Any], list[dict[str, Any]]] | None:
    """One page (``DECISIONS_PER_PAGE``, newest first) of the issued commendation decisions
    with public fields only — number, date, form, grantor, and each recipient's name and
    unit (no birth year, gender, position, amounts or dossier) — from
    ``decisions.selectors.decisions_public``; None while the decisions part offers none.
    Three queries: the count, the page, its rows (Luật TĐKT 2022 Điều 10: decisions are
    public)."""
    try:
        from thidua.decisions.models import DecisionEntry
        from thidua.decisions.selectors import decisions_public
    except ImportError:
        return None
    from django.db.models import Prefetch

    entries = DecisionEntry.objects.only(
        "pk", "decision_id", "name", "unit_name", "order"
    ).order_by("order", "pk")
    decisions = decisions_public().prefetch_related(Prefetch("entries", queryset=entries))
    page_obj = Paginator(decisions, DECISIONS_PER_PAGE).get_page(page)
    return page_obj, [
        {
            "number": d.number,
            "date": d.date,
            "form": d.form.name,
            "grantor": d.grantor_title,
            "recipients": [{"name": e.name, "unit": e.unit_name} for e in d.entries.all()],
        }
        for d in page_obj.object_list
    ]
