"""Checks on the nominee's history: R9 (one achievement, one award), R10 (hold list),
R8 (merit counters, where campaign and exceptional awards do not count). What they read
about the nominees is loaded once for a list (``load_history``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator

from thidua.awards.eligibility.facts import Facts, any_of
from thidua.awards.eligibility.registry import eligibility_check
from thidua.awards.eligibility.result import BLOCK, WARN, CheckResult, failed, passed
from thidua.awards.eligibility.text import cached
from thidua.awards.eligibility.text import gettext as _
from thidua.awards.models import (
    AwardBasis,
    AwardForm,
    AwardRecord,
    Hold,
    HoldKind,
    Nomination,
    NominationState,
)
from thidua.awards.models.nominations import CLAIMING_STATES, IN_FORCE

ART_ONE_AWARD = "Luật TĐKT 2022 Điều 5"
ART_HOLD = "Nghị định 152/2025/NĐ-CP Điều 4 khoản 4"
#: States in which the proposing unit still prepares the nomination (or has just sent it).
UNIT_STATES = (NominationState.DRAFT, NominationState.RETURNED, NominationState.SUBMITTED)


def _bases(values: list[str]) -> list[str]:
    unknown = [value for value in values if value not in AwardBasis.values]
    if unknown:
        raise ValueError(_("loại thành tích không có: %(v)s") % {"v": ", ".join(unknown)})
    return values


class MeritCounter(BaseModel):
    """R8 thresholds of one form (``thresholds: merit_history:`` of its rule): ``years``
    consecutive years of the title ``counts`` up to the phase's year, counting only
    records whose basis is in ``counted_bases`` (ND 152/2025 Điều 4.3: not campaign or
    exceptional awards); for nominations whose basis is in ``bases`` (every basis when
    empty); a failure blocks or warns (``severity``); ``legal_basis`` is cited."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    counts: str
    years: int
    counted_bases: list[str]
    bases: list[str] = []
    severity: Literal["block", "warn"] = "block"
    legal_basis: str

    _known_bases = field_validator("counted_bases", "bases")(_bases)

    @field_validator("years")
    @classmethod
    def _at_least_one(cls, value: int) -> int:
        if value < 1:
            raise ValueError(_("số năm phải từ 1 trở lên"))
        return value


def _decided(state: str) -> bool:
    return state == NominationState.DECIDED


@dataclass(frozen=True)
class Claim:
    """A nomination that still claims its nominee's achievement (``CLAIMING_STATES``):
    what R9 reads and says about it."""

    pk: int
    campaign_id: int
    phase_id: int
    nominee_id: int
    form_id: int
    state: str
    phase_position: int
    phase_name: str
    unit_code: str
    unit_name: str
    form_name: str


#: The columns of a ``Claim``, in its order.
CLAIM_FIELDS = (
    "pk", "campaign_id", "phase_id", "nominee_id", "form_id", "state", "phase__position",
    "phase__name", "proposer_unit__code", "proposer_unit__name", "form__name",
)  # fmt: skip


def _elsewhere(nomination: Nomination, claiming: Iterable[Claim]) -> Claim | None:
    """Among the nominee's ``claiming`` nominations of the campaign, the one for the same
    form in another phase, a decided one first."""
    others = sorted(
        (
            other
            for other in claiming
            if other.campaign_id == nomination.campaign_id
            and other.nominee_id == nomination.nominee_id
            and other.form_id == nomination.form_id
            and other.phase_id != nomination.phase_id
            and other.pk != nomination.pk
        ),
        key=lambda other: (other.phase_position, other.pk),
    )
    decided = [other for other in others if _decided(other.state)]
    chosen = decided or others
    return chosen[0] if chosen else None


def _claiming(nominee_ids: set[int], campaign_ids: set[int]) -> list[Claim]:
    rows = (
        Nomination.objects.filter(
            any_of("nominee_id", nominee_ids),
            campaign_id__in=campaign_ids,
            state__in=CLAIMING_STATES,
        )
        .order_by()
        .values_list(*CLAIM_FIELDS)
    )
    return [Claim(*row) for row in rows]


def same_form_elsewhere(nomination: Nomination) -> Claim | None:
    """The nominee's nomination for the same form in another phase of the campaign that
    was decided or still claims it (a decided one first)."""
    claiming = _claiming({nomination.nominee_id}, {nomination.campaign_id})
    return _elsewhere(nomination, claiming)


def _same_phase(nomination: Nomination, claiming: Iterable[Claim]) -> Claim | None:
    """Another nomination of the nominee in the same phase that still claims the
    achievement (the first in the nominations' order: unit code, then pk)."""
    others = [
        other
        for other in claiming
        if other.phase_id == nomination.phase_id
        and other.nominee_id == nomination.nominee_id
        and other.pk != nomination.pk
    ]
    others.sort(key=lambda other: (other.unit_code, other.pk))
    return others[0] if others else None


@dataclass
class History:
    """What R8–R10 read about one nomination's nominee: the other live nomination in
    its phase (R9), the same form in another phase (R9) and that one's award record
    when decided, the nominee's holds by start (R10), and for the merit counter the
    rule asks (R8) the years and bases of the title's records in force and the title."""

    same_phase: Claim | None = None
    elsewhere: Claim | None = None
    decision: AwardRecord | None = None
    holds: list[Hold] = field(default_factory=list)
    counted: list[tuple[int, str]] = field(default_factory=list)
    title: AwardForm | None = None


def _counter(facts: Facts) -> MeritCounter | None:
    """The merit counter the rule in force sets for the nomination's basis, or None."""
    counter = facts.thresholds("merit_history", MeritCounter)
    if counter is None or (counter.bases and facts.nomination.basis not in counter.bases):
        return None
    return counter


def load_history(many: Sequence[Facts]) -> list[History]:
    """The ``History`` of every nomination, in five queries at most: the nominees'
    claiming nominations in the campaigns, the award records of the decided ones, the
    holds, the records of the counted titles and those titles."""
    nominations = [facts.nomination for facts in many]
    nominee_ids = {n.nominee_id for n in nominations}
    claiming: dict[int, list[Claim]] = {}
    for other in _claiming(nominee_ids, {n.campaign_id for n in nominations}):
        claiming.setdefault(other.nominee_id, []).append(other)
    histories = []
    for nomination in nominations:
        mine = claiming.get(nomination.nominee_id, [])
        elsewhere = _elsewhere(nomination, mine)
        same_phase = _same_phase(nomination, mine)
        histories.append(History(same_phase=same_phase, elsewhere=elsewhere))
    decided = {h.elsewhere.pk for h in histories if h.elsewhere and _decided(h.elsewhere.state)}
    records: dict[int, AwardRecord] = {}
    for record in AwardRecord.objects.filter(nomination_id__in=decided):
        records.setdefault(record.nomination_id, record)  # type: ignore[arg-type]
    holds: dict[int, list[Hold]] = {}
    for hold in Hold.objects.filter(any_of("nominee_id", nominee_ids)).order_by("start", "pk"):
        holds.setdefault(hold.nominee_id, []).append(hold)
    counters = [_counter(facts) for facts in many]
    codes = {counter.counts for counter in counters if counter is not None}
    counted_ids = {n.nominee_id for n, c in zip(nominations, counters, strict=True) if c}
    rows: dict[tuple[int, str], list[tuple[int, str]]] = {}
    titles: dict[str, AwardForm] = {}
    if codes:
        found = AwardRecord.objects.filter(
            IN_FORCE, any_of("nominee_id", counted_ids), form__code__in=codes
        ).values_list("nominee_id", "form__code", "year", "basis")
        for nominee_id, code, year, basis in found:
            rows.setdefault((nominee_id, code), []).append((year, basis))
        titles = {form.code: form for form in AwardForm.objects.filter(code__in=codes)}
    for nomination, history, counter in zip(nominations, histories, counters, strict=True):
        if history.elsewhere is not None:
            history.decision = records.get(history.elsewhere.pk)
        history.holds = holds.get(nomination.nominee_id, [])
        if counter is not None:
            history.counted = rows.get((nomination.nominee_id, counter.counts), [])
            history.title = titles.get(counter.counts)
    return histories


def _decision_of(record: AwardRecord | None) -> str:
    if record is None:
        return ""
    return _(" (Quyết định số %(number)s ngày %(date)s)") % {
        "number": record.decision_number,
        "date": f"{record.decision_date:%d/%m/%Y}",
    }


def across_phases(nomination: Nomination, history: History) -> CheckResult | None:
    """R9 across the campaign's phases: the same form for the same nominee in another
    phase needs the reviewer's confirmation that the achievement is a different one
    (Luật TĐKT 2022 Điều 5: "không khen thưởng nhiều lần … cho một thành tích"). Advice
    while the unit prepares the nomination; from the appraisal on, it blocks until the
    reviewer confirms. None when there is no such nomination."""
    other = history.elsewhere
    if other is None:
        return None
    values = {
        "nominee": nomination.nominee.name,
        "form": nomination.form.name,
        "phase": other.phase_name,
    }
    if _decided(other.state):
        said = _("%(nominee)s đã được khen “%(form)s” trong %(phase)s") % values
        said += _decision_of(history.decision)
    else:
        said = _("%(nominee)s đang được đề nghị “%(form)s” trong %(phase)s (đang xử lý)") % values
    if nomination.distinct_achievement:
        return passed(
            "one_award",
            said
            + ". "
            + _("Người thẩm định đã xác nhận đây là thành tích khác: %(note)s")
            % {"note": nomination.distinct_achievement},
            ART_ONE_AWARD,
        )
    preparing = nomination.state in UNIT_STATES
    return failed(
        "one_award",
        said
        + ". "
        + _(
            "Một thành tích chỉ được khen một lần: người thẩm định phải xác nhận đây là thành "
            "tích khác trước khi trình."
        ),
        ART_ONE_AWARD,
        severity=WARN if preparing else BLOCK,
    )


@eligibility_check("one_award", order=40, prefetch=load_history)
def check_one_award(facts: Facts) -> CheckResult:
    """R9: no other live nomination of the same nominee in the same phase, whatever the form
    (also the database constraint ``nomination_one_live_per_phase``); one already decided
    is said to be awarded, not pending. Then the same form in another phase
    (``across_phases``)."""
    nomination, history = facts.nomination, facts.loaded(load_history)
    other = history.same_phase
    if other is not None:
        values = {
            "nominee": nomination.nominee.name,
            "unit": other.unit_name,
            "form": other.form_name,
        }
        if _decided(other.state):
            message = _(
                "%(nominee)s đã được khen “%(form)s” trong đợt này (đề nghị của %(unit)s); "
                "một thành tích chỉ được khen một hình thức."
            )
        else:
            message = _(
                "%(nominee)s đã được %(unit)s đề nghị “%(form)s” trong đợt này; một thành tích "
                "chỉ được khen một hình thức."
            )
        return failed("one_award", message % values, ART_ONE_AWARD)
    return across_phases(nomination, history) or passed(
        "one_award", _("Thành tích này chưa được đề nghị khen hình thức khác."), ART_ONE_AWARD
    )


@eligibility_check("hold", order=50, prefetch=load_history)
def check_holds(facts: Facts) -> CheckResult:
    """R10: no proposal while a hold is open on ``as_of``; after a discipline ends, only
    achievements after its end count (blocks when the discipline covers the whole phase)."""
    nomination, as_of = facts.nomination, facts.as_of
    holds = [hold for hold in facts.loaded(load_history).holds if hold.start <= as_of]
    phase = nomination.phase
    for hold in holds:
        if hold.end is None or hold.end >= as_of:
            return failed(
                "hold",
                _("%(nominee)s đang trong diện tạm dừng khen thưởng: %(kind)s (%(source)s).")
                % {
                    "nominee": nomination.nominee.name,
                    "kind": _hold_kind(hold.kind),
                    "source": hold.source,
                },
                ART_HOLD,
            )
    for hold in holds:
        ended = hold.end
        if hold.kind != HoldKind.DISCIPLINE or ended is None or ended < phase.start:
            continue
        values = {"date": f"{ended + dt.timedelta(days=1):%d/%m/%Y}", "phase": phase.name}
        if ended >= phase.last_day:
            return failed(
                "hold",
                _("Thời hạn kỷ luật kéo dài hết %(phase)s: không có thành tích nào được tính.")
                % values,
                ART_HOLD,
            )
        return failed(
            "hold",
            _("Sau kỷ luật, chỉ tính thành tích từ ngày %(date)s; báo cáo thành tích cần ghi rõ.")
            % values,
            ART_HOLD,
            severity=WARN,
        )
    return passed("hold", _("Không trong diện tạm dừng khen thưởng."), ART_HOLD)


def _hold_kind(kind: str) -> str:
    return cached(("hold", kind), lambda: HoldKind(kind).label.lower())


def consecutive_years(
    nominee_id: int, form_code: str, *, up_to: int, counted_bases: Iterable[str]
) -> tuple[int, int]:
    """Consecutive years ending at ``up_to`` (or the year before) with ``form_code``:
    (counting only records of ``counted_bases``, counting every record). R8. A revoked
    award counts for nothing (Luật Thi đua, khen thưởng 2022, Chương VII)."""
    rows = list(
        AwardRecord.objects.filter(
            IN_FORCE, nominee_id=nominee_id, form__code=form_code
        ).values_list("year", "basis")
    )
    return consecutive_in(rows, up_to=up_to, counted_bases=counted_bases)


def consecutive_in(
    rows: Iterable[tuple[int, str]], *, up_to: int, counted_bases: Iterable[str]
) -> tuple[int, int]:
    """``consecutive_years`` of the records ``rows`` (year, basis) of one title."""
    rows = list(rows)

    def run(years: set[int]) -> int:
        end = up_to if up_to in years else up_to - 1
        count = 0
        while end - count in years:
            count += 1
        return count

    counting = set(counted_bases)
    return run({year for year, basis in rows if basis in counting}), run({y for y, _b in rows})


@eligibility_check("merit_history", order=60, thresholds=MeritCounter, prefetch=load_history)
def check_merit_history(facts: Facts) -> CheckResult | None:
    """R8 with R4/R7: the consecutive years of a title the rule in force asks of the form
    (CSTĐ tỉnh: 3 years of CSTĐCS; a merit Bằng khen: 2, as advice), campaign and
    exceptional records not counted. None when the rule sets no counter for the form or
    for the nomination's basis."""
    nomination = facts.nomination
    counter = _counter(facts)
    if counter is None:
        return None
    history = facts.loaded(load_history)
    year = nomination.phase.last_day.year
    counted, all_records = consecutive_in(
        history.counted, up_to=year, counted_bases=counter.counted_bases
    )
    title = history.title
    values = {
        "needed": counter.years,
        "counted": counted,
        "title": (title.short_name or title.name) if title is not None else counter.counts,
    }
    if counted >= counter.years:
        return passed(
            "merit_history",
            _("Có %(counted)s năm liên tục đạt %(title)s (cần %(needed)s).") % values,
            counter.legal_basis,
        )
    message = _("Chỉ có %(counted)s năm liên tục đạt %(title)s; cần %(needed)s.") % values
    if all_records >= counter.years:
        message += " " + _(
            "Danh hiệu khen theo chuyên đề, đột xuất không được tính để đề nghị khen công trạng."
        )
    return failed("merit_history", message, counter.legal_basis, severity=counter.severity)
