"""Progress charts of works, counted in SQL and drawn as plain SVG shapes.

The strict Content-Security-Policy forbids ``style=`` attributes and inline scripts, so
no JavaScript chart library: each bar is an ``<svg>`` whose ``<rect>`` elements carry
their position in ``x``/``width`` attributes (a 0–100 view box), coloured by CSS class.
Counts per state and the average progress come from one ``GROUP BY`` query per chart;
nothing loops over the works in Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Avg, Case, Count, F, IntegerField, Q, QuerySet, Value, When
from django.utils.translation import gettext as _

from thidua.organisations.models import Unit, UnitKind
from thidua.works.models import Work, WorkState

#: States whose progress counts in the average (a draft or a cancelled work has none).
PROGRESSING = (WorkState.APPROVED, WorkState.IN_PROGRESS, WorkState.COMPLETED)


@dataclass(frozen=True)
class Segment:
    """One state's share of a bar: ``x`` and ``width`` in view-box units (0–100)."""

    state: str
    label: str
    count: int
    x: str
    width: str


@dataclass(frozen=True)
class ChartRow:
    """One bar: a district or content area, its works per state and average progress."""

    label: str
    total: int
    segments: list[Segment]
    average: int | None  # percent, over works approved or further

    @property
    def average_width(self) -> str:
        return _coord(self.average or 0)

    @property
    def description(self) -> str:
        """The bar in words, for screen readers (the SVG's accessible name)."""
        parts = ", ".join(f"{s.label}: {s.count}" for s in self.segments)
        return f"{self.label} — {parts}"


def _coord(value: float) -> str:
    """A view-box coordinate written with a dot whatever the locale ("12.50")."""
    return f"{max(0.0, min(100.0, value)):.2f}"


def _state_counts() -> dict[str, Any]:
    return {f"n_{state}": Count("pk", filter=Q(state=state)) for state in WorkState.values}


def _grouped(works: QuerySet[Work], key: Any, *extra: str) -> list[dict[str, Any]]:
    """Counts per state, total and average progress per ``key``, in one query."""
    return list(
        works.order_by()
        .annotate(key=key)
        .values("key", *extra)
        .annotate(
            total=Count("pk"),
            average=Avg("percent_complete", filter=Q(state__in=PROGRESSING)),
            **_state_counts(),
        )
        .order_by()
    )


def _row(label: str, values: dict[str, Any], scale: int) -> ChartRow:
    segments, x = [], 0.0
    for state in WorkState:
        count = values[f"n_{state.value}"]
        if not count:
            continue
        width = 100 * count / scale
        segments.append(Segment(state.value, str(state.label), count, _coord(x), _coord(width)))
        x += width
    average = values["average"]
    return ChartRow(
        label, values["total"], segments, round(average) if average is not None else None
    )


def by_district(works: QuerySet[Work]) -> list[ChartRow]:
    """Works per district (its own and its communes'); province-level units last."""
    district = Case(
        When(unit__kind=UnitKind.DISTRICT, then=F("unit_id")),
        When(unit__parent__kind=UnitKind.DISTRICT, then=F("unit__parent_id")),
        default=Value(None),
        output_field=IntegerField(),
    )
    groups = _grouped(works, district)
    names = dict(
        Unit.objects.filter(pk__in=[g["key"] for g in groups if g["key"]]).values_list("pk", "name")
    )
    scale = max((g["total"] for g in groups), default=1)
    rows = [(names.get(g["key"], "") if g["key"] else "", g) for g in groups]
    rows.sort(key=lambda pair: (pair[0] == "", pair[0]))
    return [_row(name or _("Cấp tỉnh, sở, ban, ngành"), g, scale) for name, g in rows]


def by_content_area(works: QuerySet[Work]) -> list[ChartRow]:
    """Works per content area of the campaign, in the plan's order; unclassified last."""
    groups = _grouped(works, F("content_area_id"), "content_area__code", "content_area__title",
                      "content_area__position")  # fmt: skip
    groups.sort(key=lambda g: (g["key"] is None, g["content_area__position"] or 0))
    scale = max((g["total"] for g in groups), default=1)
    return [
        _row(
            f"{g['content_area__code']}. {g['content_area__title']}"
            if g["key"]
            else _("Chưa chọn nội dung thi đua"),
            g,
            scale,
        )
        for g in groups
    ]


def legend() -> list[tuple[str, str]]:
    """(state, label) in the order the bars stack them."""
    return [(state.value, str(state.label)) for state in WorkState]
