"""The ranking's bar chart: one bar per unit, drawn on the server. Each bar is a small
SVG whose rectangle width is an attribute (no inline style under the strict CSP); the
labels are HTML, so they stay readable on a phone."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from thidua.scoring.models import RankingRow


@dataclass(frozen=True)
class Bar:
    row: RankingRow
    percent: str  # of the scale, "0.0"–"100.0", for the SVG width attribute


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    scale_max: Decimal


def ranking_chart(rows: list[RankingRow], maximum: Decimal) -> Chart:
    """Bars scaled to the larger of the table's maximum and the best total (bonus points
    may pass it); a negative total draws no bar."""
    top = max([maximum, *(row.total for row in rows)])
    top = top if top > 0 else Decimal(1)
    bars = [
        Bar(
            row,
            str((max(row.total, Decimal(0)) * 100 / top).quantize(Decimal("0.1"), ROUND_HALF_UP)),
        )
        for row in rows
    ]
    return Chart(bars, top)
