"""The year's title rules as eligibility checks of nominations, registered with awards'
registry from ``RatingsConfig.ready`` (awards may not import ratings). A nomination for a
title whose results do not meet its rule is flagged with the article; where the results
are not recorded yet, it is a warning."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from thidua.awards.eligibility.facts import Facts
from thidua.awards.eligibility.registry import eligibility_check
from thidua.awards.eligibility.result import WARN, CheckResult
from thidua.awards.models import Nominee, SubjectKind
from thidua.ratings.facts import load_people, year_rules
from thidua.ratings.models import CollectiveRating
from thidua.ratings.thresholds import (
    CollectiveThresholds,
    CstdcsThresholds,
    CstdTinhThresholds,
    LdttThresholds,
    RouteDThresholds,
)
from thidua.ratings.titles import Member, Verdict, collective, cstd_tinh, cstdcs, ldtt, route_d


def _applies(facts: Facts, code: str, model: type[Any]) -> Any:
    thresholds = facts.thresholds(code, model)
    if thresholds is None or facts.nomination.basis not in thresholds.bases:
        return None
    return thresholds


def _result(code: str, verdict: Verdict, severity: str) -> CheckResult:
    return CheckResult(
        code,
        verdict.ok,
        WARN if verdict.missing else severity,
        verdict.reason,
        verdict.article,
    )


def _individual(facts: Facts, code: str, model: type[Any], judge: Any) -> CheckResult | None:
    thresholds = _applies(facts, code, model)
    nomination = facts.nomination
    if thresholds is None or nomination.nominee.kind != SubjectKind.INDIVIDUAL:
        return None
    year = nomination.phase.last_day.year
    person = load_people([nomination.nominee_id], year)[nomination.nominee_id]
    return _result(code, judge(person, year, year_rules(year)), thresholds.severity)


@eligibility_check("annual_ldtt", order=61, thresholds=LdttThresholds)
def check_ldtt(facts: Facts) -> CheckResult | None:
    """Lao động tiên tiến (Luật TĐKT 2022 Điều 24): the year's rating."""
    return _individual(facts, "annual_ldtt", LdttThresholds, ldtt)


@eligibility_check("annual_cstdcs", order=62, thresholds=CstdcsThresholds)
def check_cstdcs(facts: Facts) -> CheckResult | None:
    """R3 (Luật TĐKT 2022 Điều 23): LĐTT and (HTXS or a recognised initiative/research)."""
    return _individual(facts, "annual_cstdcs", CstdcsThresholds, cstdcs)


@eligibility_check("annual_cstd_tinh", order=63, thresholds=CstdTinhThresholds)
def check_cstd_tinh(facts: Facts) -> CheckResult | None:
    """R4 (Luật TĐKT 2022 Điều 22): consecutive CSTĐCS and a province-level initiative."""
    return _individual(facts, "annual_cstd_tinh", CstdTinhThresholds, cstd_tinh)


@eligibility_check("annual_route_d", order=64, thresholds=RouteDThresholds)
def check_route_d(facts: Facts) -> CheckResult | None:
    """R7 (Luật TĐKT 2022 Điều 74.1.d): one route to the Bằng khen; advice."""
    return _individual(facts, "annual_route_d", RouteDThresholds, route_d)


@eligibility_check("annual_collective", order=65, thresholds=CollectiveThresholds)
def check_collective(facts: Facts) -> CheckResult | None:
    """R6 (Luật TĐKT 2022 Điều 27–28): the collective's composition in the year."""
    thresholds = _applies(facts, "annual_collective", CollectiveThresholds)
    nomination = facts.nomination
    nominee = nomination.nominee
    if thresholds is None or nominee.kind == SubjectKind.INDIVIDUAL:
        return None
    year = nomination.phase.last_day.year
    if nominee.unit_id is None:
        return CheckResult(
            "annual_collective",
            False,
            WARN,
            _("Tập thể chưa gắn với đơn vị: không tính được tỷ lệ thành viên."),
            thresholds.legal_basis,
        )
    people = list(
        Nominee.objects.filter(
            unit_id=nominee.unit_id, kind=SubjectKind.INDIVIDUAL, merged_into__isnull=True
        ).values_list("pk", "name")
    )
    facts_by_id = load_people([pk for pk, _name in people], year)
    members = [Member(name, facts_by_id[pk]) for pk, name in people]
    own = CollectiveRating.objects.filter(unit_id=nominee.unit_id, year=year).first()
    verdict = collective(
        nomination.form.code, own.rating if own else None, members, year, year_rules(year)
    )
    return _result("annual_collective", verdict, thresholds.severity)
