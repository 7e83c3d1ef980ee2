"""The registry runs the checks it holds, in order; the thresholds are the rule data's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from django.core.exceptions import ImproperlyConfigured

from tests.factories.awards import AwardRecordFactory, Kh, NominationFactory, form, full_dossier
from thidua.awards.eligibility import Facts, check_nomination
from thidua.awards.eligibility.registry import eligibility_check, registry
from thidua.awards.eligibility.result import WARN, CheckResult, failed
from thidua.awards.loading import SHIPPED_FILE, AwardDataError, award_forms_load
from thidua.awards.models import AwardBasis, AwardRule, Nomination

AS_OF = dt.date(2025, 3, 1)
CODE = "test_registered"


@pytest.fixture
def unregister() -> Iterator[None]:
    yield
    registry.unregister(CODE)


def _nomination(kh: Kh, code: str = "bang-khen-tinh") -> Nomination:
    p = kh.province
    nomination = NominationFactory(
        campaign=kh.campaign,
        phase=kh.phase1,
        proposer_unit=p.health,
        grantor_unit=p.root,
        form=form(code),
    )
    full_dossier(nomination)
    return nomination


def _shipped(replace: str, by: str) -> str:
    text = SHIPPED_FILE.read_text(encoding="utf-8")
    assert replace in text
    return text.replace(replace, by)


def test_the_shipped_checks_register_themselves_in_the_law_order(db: None) -> None:
    codes = [check.code for check in registry.checks()]

    assert codes == [
        "authority",
        "annual_registration",  # plugged in by thidua.registrations (its AppConfig.ready)
        "campaign_form",
        "dissolved",
        "one_award",
        "hold",
        "merit_history",
        "annual_ldtt",
        "annual_cstdcs",
        "annual_cstd_tinh",
        "annual_route_d",
        "annual_collective",
        "dossier",
        "deadline",
        "appraisal_time",
        "quota",
        "tie_break",
    ]
    assert registry.get("merit_history").thresholds is not None  # type: ignore[union-attr]


def test_a_registered_check_is_run_in_its_place(kh: Kh, unregister: None) -> None:
    nomination = _nomination(kh)

    @eligibility_check(CODE, order=65)
    def check_registered(facts: Facts) -> CheckResult:
        return failed(CODE, f"{facts.nomination.nominee.name} {facts.as_of:%d/%m/%Y}", "Thử")

    codes = [result.code for result in check_nomination(nomination, as_of=AS_OF)]
    result = next(r for r in check_nomination(nomination, as_of=AS_OF) if r.code == CODE)
    assert codes.index(CODE) == codes.index("dossier") - 1
    assert result.blocks and result.message == f"{nomination.nominee.name} 01/03/2025"
    registry.unregister(CODE)
    assert CODE not in {r.code for r in check_nomination(nomination, as_of=AS_OF)}


def test_a_second_check_under_a_taken_code_is_refused(db: None) -> None:
    shipped = registry.get("authority")

    def impostor(facts: Facts) -> CheckResult:
        return failed("authority", "", "", severity=WARN)

    with pytest.raises(ImproperlyConfigured, match="authority"):
        eligibility_check("authority", order=1)(impostor)

    assert shipped is not None and registry.get("authority") is shipped


def test_merit_years_come_from_the_rule_data(kh: Kh) -> None:
    nomination = _nomination(kh, "cstd-tinh")
    for year in (2023, 2024):
        AwardRecordFactory(nominee=nomination.nominee, year=year, basis=AwardBasis.ANNUAL)

    shipped = {r.code: r for r in check_nomination(nomination, as_of=AS_OF)}["merit_history"]
    award_forms_load(data=_shipped("years: 3", "years: 2"))
    changed = {r.code: r for r in check_nomination(nomination, as_of=AS_OF)}["merit_history"]

    assert shipped.blocks and "Chỉ có 2 năm liên tục đạt CSTĐCS; cần 3." in shipped.message
    assert changed.ok and changed.message == "Có 2 năm liên tục đạt CSTĐCS (cần 2)."
    assert "Nghị định 152/2025/NĐ-CP Điều 4 khoản 3" in changed.article


def test_a_form_whose_rule_sets_no_counter_has_no_merit_check(kh: Kh) -> None:
    nomination = _nomination(kh, "cstd-tinh")
    rule = AwardRule.objects.get(form__code="cstd-tinh", valid_from=dt.date(2024, 1, 1))
    rule.thresholds = {}
    rule.save()

    codes = {r.code for r in check_nomination(nomination, as_of=AS_OF)}

    assert "merit_history" not in codes and "dossier" in codes


def test_merit_bang_khen_counter_applies_to_merit_basis_and_warns(kh: Kh) -> None:
    nomination = _nomination(kh)
    nomination.basis = AwardBasis.MERIT
    award_forms_load(data=_shipped("severity: warn", "severity: block"))

    result = {r.code: r for r in check_nomination(nomination, as_of=AS_OF)}["merit_history"]

    assert result.blocks and "cần 2" in result.message


def test_thresholds_no_check_reads_or_a_check_refuses_are_not_loaded(db: None) -> None:
    text = _shipped("          merit_history:\n            counts: cstdcs\n            years: 3",
                    "          merit_histroy:\n            counts: cstdcs\n            years: 3")  # fmt: skip
    text = text.replace("years: 2", "years: hai")

    with pytest.raises(AwardDataError) as caught:
        award_forms_load(data=text)

    joined = "\n".join(caught.value.errors)
    assert "không có kiểm tra điều kiện “merit_histroy” dùng ngưỡng" in joined
    assert "merit_history → years: giá trị “hai” không đúng kiểu" in joined
    assert not AwardRule.objects.exists()
