"""Checks on the nominee's history: R9 (one achievement, one award), R10 (hold list),
R8 (campaign and exceptional awards do not count towards merit counters)."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from thidua.awards import codes
from thidua.awards.eligibility.result import WARN, CheckResult, failed, passed
from thidua.awards.models import AwardBasis, AwardRecord, HoldKind, Nomination
from thidua.awards.models.nominations import CLAIMING_STATES

ART_ONE_AWARD = "Luật TĐKT 2022 Điều 5"
ART_HOLD = "Nghị định 152/2025/NĐ-CP Điều 4 khoản 4"
ART_MERIT = "Nghị định 152/2025/NĐ-CP Điều 4 khoản 3; Luật TĐKT 2022 Điều 22, 74.1.d"

#: Bases that count towards merit (công trạng) counters (ND 152/2025 Điều 4.3).
COUNTING_BASES = (AwardBasis.ANNUAL, AwardBasis.MERIT)


def check_one_award(nomination: Nomination) -> CheckResult:
    """R9: no other live nomination of the same nominee in the same phase, whatever the form
    (also the database constraint ``nomination_one_live_per_phase``)."""
    other = (
        Nomination.objects.filter(
            phase_id=nomination.phase_id,
            nominee_id=nomination.nominee_id,
            state__in=CLAIMING_STATES,
        )
        .exclude(pk=nomination.pk)
        .select_related("form", "proposer_unit")
        .first()
    )
    if other is not None:
        return failed(
            "one_award",
            _(
                "%(nominee)s đã được %(unit)s đề nghị “%(form)s” trong đợt này; một thành tích "
                "chỉ được khen một hình thức."
            )
            % {
                "nominee": nomination.nominee.name,
                "unit": other.proposer_unit.name,
                "form": other.form.name,
            },
            ART_ONE_AWARD,
        )
    return passed(
        "one_award", _("Thành tích này chưa được đề nghị khen hình thức khác."), ART_ONE_AWARD
    )


def check_holds(nomination: Nomination, as_of: dt.date) -> CheckResult:
    """R10: no proposal while a hold is open on ``as_of``; after a discipline ends, only
    achievements after its end count (blocks when the discipline covers the whole phase)."""
    holds = list(nomination.nominee.holds.filter(start__lte=as_of).order_by("start", "pk"))
    phase = nomination.phase
    for hold in holds:
        if hold.end is None or hold.end >= as_of:
            return failed(
                "hold",
                _("%(nominee)s đang trong diện tạm dừng khen thưởng: %(kind)s (%(source)s).")
                % {
                    "nominee": nomination.nominee.name,
                    "kind": HoldKind(hold.kind).label.lower(),
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


def consecutive_years(nominee_id: int, form_code: str, *, up_to: int) -> tuple[int, int]:
    """Consecutive years ending at ``up_to`` (or the year before) with ``form_code``:
    (counting only annual and merit records, counting every record). R8."""
    rows = list(
        AwardRecord.objects.filter(nominee_id=nominee_id, form__code=form_code).values_list(
            "year", "basis"
        )
    )

    def run(years: set[int]) -> int:
        end = up_to if up_to in years else up_to - 1
        count = 0
        while end - count in years:
            count += 1
        return count

    counting = {year for year, basis in rows if basis in COUNTING_BASES}
    return run(counting), run({year for year, _basis in rows})


def check_merit_history(nomination: Nomination) -> CheckResult | None:
    """R8 with R4/R7: CSTĐ cấp tỉnh needs 3 consecutive CSTĐCS years, a merit Bằng khen
    2; campaign and exceptional records are not counted. None when the form has no such
    counter."""
    form_code = nomination.form.code
    if form_code == codes.CSTD_TINH:
        needed, severity = 3, "block"
    elif form_code == codes.BANG_KHEN_TINH and nomination.basis == AwardBasis.MERIT:
        needed, severity = 2, WARN
    else:
        return None
    year = nomination.phase.last_day.year
    counted, all_records = consecutive_years(nomination.nominee_id, codes.CSTDCS, up_to=year)
    values = {"needed": needed, "counted": counted}
    if counted >= needed:
        return passed(
            "merit_history",
            _("Có %(counted)s năm liên tục đạt CSTĐCS (cần %(needed)s).") % values,
            ART_MERIT,
        )
    message = _("Chỉ có %(counted)s năm liên tục đạt CSTĐCS; cần %(needed)s.") % values
    if all_records >= needed:
        message += " " + _(
            "Danh hiệu khen theo chuyên đề, đột xuất không được tính để đề nghị khen công trạng."
        )
    return failed("merit_history", message, ART_MERIT, severity=severity)
