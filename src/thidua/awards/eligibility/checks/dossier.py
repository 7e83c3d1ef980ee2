"""Checks on the dossier and its timing: R12 (completeness per rule version and per
simplified procedure), R13 (deadline before the phase review, appraisal time limit).

No article of ND 98/2023 or ND 152/2025 fixes the provincial deadline or appraisal time:
they are the province's settings, cited from the rule's ``sources`` (``awards.sources``);
the Ban TĐKT sees when one has no regulation behind it yet."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from thidua.awards.calendar import WorkCalendar, add_working_days, working_days_between
from thidua.awards.eligibility.facts import Facts, any_of
from thidua.awards.eligibility.registry import eligibility_check
from thidua.awards.eligibility.result import WARN, CheckResult, failed, passed
from thidua.awards.eligibility.text import cached
from thidua.awards.eligibility.text import gettext as _
from thidua.awards.models import (
    AwardBasis,
    AwardRule,
    DossierFile,
    DossierKind,
    Nomination,
    NominationState,
)
from thidua.awards.sources import ValueSource, value_source

ART_DOSSIER = "Luật TĐKT 2022 Điều 84, 85"


def _kind_label(kind: str) -> str:
    return cached(("dossier", kind), lambda: str(DossierKind(kind).label))


def required_kinds(rule: AwardRule, nomination: Nomination) -> list[str]:
    """Document kinds the nomination needs under ``rule``."""
    return list(rule.dossier_simplified if nomination.simplified else rule.dossier)


def load_files(many: Sequence[Facts]) -> list[set[str]]:
    """The kinds of document attached to each nomination (none to one not saved yet), in
    one query."""
    pks = {facts.nomination.pk for facts in many if facts.nomination.pk}
    kinds: dict[int, set[str]] = {}
    rows = DossierFile.objects.filter(any_of("nomination_id", pks)).order_by()
    for nomination_id, kind in rows.values_list("nomination_id", "kind"):
        kinds.setdefault(nomination_id, set()).add(kind)
    return [kinds.get(facts.nomination.pk, set()) for facts in many]


@eligibility_check("dossier", order=70, prefetch=load_files)
def check_dossier(facts: Facts) -> CheckResult:
    """R12: every document the rule in force asks for is attached; the simplified procedure
    (tờ trình + báo cáo tóm tắt) only for exceptional achievements (Luật TĐKT Điều 85)."""
    nomination, rule = facts.nomination, facts.rule
    if rule is None:
        return failed(
            "dossier",
            _(
                "Chưa có quy định của “%(form)s” cho ngày này; hãy nạp danh mục hình thức khen thưởng."
            )
            % {"form": nomination.form.name},
            ART_DOSSIER,
        )
    if nomination.simplified and nomination.basis != AwardBasis.EXCEPTIONAL:
        return failed(
            "dossier",
            _(
                "Thủ tục đơn giản chỉ áp dụng cho thành tích đột xuất; hãy bỏ chọn thủ tục đơn giản."
            ),
            "Luật TĐKT 2022 Điều 85",
        )
    present = facts.loaded(load_files)
    missing = [kind for kind in required_kinds(rule, nomination) if kind not in present]
    if missing:
        labels = "; ".join(_kind_label(kind) for kind in missing)
        return failed(
            "dossier",
            _("Hồ sơ còn thiếu: %(missing)s.") % {"missing": labels},
            rule.legal_basis,
        )
    return passed("dossier", _("Hồ sơ đủ thành phần theo quy định."), rule.legal_basis)


def dossier_due(
    award_date: dt.date | None, rule: AwardRule, calendar: WorkCalendar | None = None
) -> dt.date | None:
    """The last day to submit: N working days before the phase's award date (R13), or
    None when that date is not set."""
    if award_date is None:
        return None
    return add_working_days(award_date, -rule.dossier_days_before_review, calendar)


def _setting(rule: AwardRule | None, field: str) -> tuple[str, str]:
    """The citation and the Ban TĐKT's note of ``rule``'s value ``field`` (a setting of
    the province when no rule is loaded)."""

    def read() -> tuple[str, str]:
        if rule is None:
            source = ValueSource(basis="", verified=False, setting=True)
        else:
            source = value_source(rule, field)
        return source.citation, source.board_note

    return cached(("source", rule.pk if rule else None, field), read)


@eligibility_check("deadline", order=80)
def check_deadline(facts: Facts) -> CheckResult:
    """R13: chuyên đề dossiers reach the reviewer N working days before the phase review
    (not for exceptional achievements); N is the province's setting."""
    nomination, rule = facts.nomination, facts.rule
    article, note = _setting(rule, "dossier_days_before_review")
    if rule is None or nomination.basis == AwardBasis.EXCEPTIONAL:
        return passed(
            "deadline", _("Thành tích đột xuất: không áp dụng hạn nộp."), article, note=note
        )
    due = dossier_due(facts.award_date, rule, facts.calendar)
    if due is None:
        return passed(
            "deadline",
            _("Chưa có lịch sơ kết, tổng kết của đợt; chưa xác định hạn nộp hồ sơ."),
            article,
            severity=WARN,
            note=note,
        )
    sent = nomination.submitted_on or facts.today
    values = {"due": f"{due:%d/%m/%Y}", "days": rule.dossier_days_before_review}
    if sent > due:
        return failed(
            "deadline",
            _("Quá hạn nộp hồ sơ (%(due)s, trước lễ sơ kết, tổng kết %(days)s ngày làm việc).")
            % values,
            article,
            note=note,
        )
    return passed("deadline", _("Hạn nộp hồ sơ: %(due)s.") % values, article, note=note)


@eligibility_check("appraisal_time", order=90)
def check_appraisal_time(facts: Facts) -> CheckResult | None:
    """R13: appraisal taking longer than the rule's working days is flagged (a warning);
    the limit is the province's setting."""
    nomination, rule = facts.nomination, facts.rule
    open_states = (NominationState.SUBMITTED, NominationState.UNDER_REVIEW)
    if rule is None or nomination.submitted_on is None or nomination.state not in open_states:
        return None
    citation, note = _setting(rule, "appraisal_working_days")
    used = working_days_between(nomination.submitted_on, facts.today, facts.calendar)
    values = {"used": used, "limit": rule.appraisal_working_days}
    if used > rule.appraisal_working_days:
        return failed(
            "appraisal_time",
            _("Đã thẩm định %(used)s ngày làm việc, quá thời hạn %(limit)s ngày.") % values,
            citation,
            severity=WARN,
            note=note,
        )
    return passed(
        "appraisal_time",
        _("Thẩm định %(used)s/%(limit)s ngày làm việc.") % values,
        citation,
        severity=WARN,
        note=note,
    )
