"""What a person typed on a score sheet, checked row by row before any service runs.

The services refuse the first bad value they meet; a person correcting a sheet of thirty
criteria needs every bad value at once, each on its row (30 over a maximum of 25 and −2
in the same pass). So the page checks every row here with the services' own rules — the
number (``parse_points``), the range (0 to the criterion's maximum, two decimals), the
evidence file (``core.uploads``) and the length of each note (``core.lengths``) — and only
a sheet without errors goes on to the service, which checks again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.core import lengths
from thidua.core.errors import DomainError
from thidua.core.uploads import check_evidence
from thidua.scoring import services
from thidua.scoring.models import CriterionKind, Score, ScoreSheet

# The services' range rule, used as it is (lead: make it public when the services move).
from thidua.scoring.services import _check_points as check_points

#: The sheet-wide notes and their labels (the row notes are "n-<id>" and "rn-<id>").
SHEET_NOTES = {
    "note": gettext_lazy("Ghi chú tự đánh giá chung"),
    "review_note": gettext_lazy("Nhận xét chung"),
    "reason": gettext_lazy("Lý do trả lại"),
}


@dataclass
class SheetInput:
    """The entries to hand to a service, and what is wrong, by criterion and for the sheet."""

    entries: dict[int, services.Entry] = field(default_factory=dict)
    row_errors: dict[int, list[str]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.row_errors and not self.errors


def _refusal(check: Callable[..., object], *args: Any, **kwargs: Any) -> str:
    """The message of the refusal ``check(*args, **kwargs)`` raises; "" when it accepts."""
    try:
        check(*args, **kwargs)
    except DomainError as refusal:
        return refusal.message
    return ""


def _row(
    score: Score, raw: str, note: str, evidence: Any, *, reviewing: bool
) -> tuple[services.Entry, list[str]]:
    points, errors = None, []
    try:
        points = services.parse_points(raw)
        check_points(score.criterion, points)
    except DomainError as refusal:
        errors.append(refusal.message)
    label = _("Ý kiến thẩm định") if reviewing else _("Giải trình")
    errors.append(_refusal(lengths.check_length, note, limit=lengths.NOTE, label=label))
    if evidence is not None:
        name, size = evidence.name or "", evidence.size or 0
        errors.append(_refusal(check_evidence, evidence, name=name, size=size))
    return services.Entry(points, note, evidence), [e for e in errors if e]


def sheet_input(
    sheet: ScoreSheet,
    post: Mapping[str, str],
    files: Mapping[str, Any],
    *,
    reviewing: bool,
) -> SheetInput:
    """Every posted row of the unit's self-assessment (``p-``, ``n-``, ``f-``) or of the
    review (``r-``, ``rn-``), checked; computed criteria are the system's, never typed."""
    prefix, note_prefix = ("r", "rn") if reviewing else ("p", "n")
    result = SheetInput()
    for score in sheet.scores.all():
        cid = score.criterion_id
        raw = post.get(f"{prefix}-{cid}")
        if raw is None or score.criterion.kind == CriterionKind.COMPUTED:
            continue
        evidence = None if reviewing else files.get(f"f-{cid}")
        note = post.get(f"{note_prefix}-{cid}", "")
        entry, errors = _row(score, raw, note, evidence, reviewing=reviewing)
        result.entries[cid] = entry
        if errors:
            result.row_errors[cid] = errors
    for name, label in SHEET_NOTES.items():
        text = post.get(name, "")
        result.errors.append(_refusal(lengths.check_length, text, limit=lengths.NOTE, label=label))
    result.errors = [e for e in result.errors if e]
    return result
