"""Every eligibility rule on both sides of its boundary (LAW-NOTES §10)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from tests.factories import CampaignFactory, PhaseFactory, UnitFactory
from tests.factories.awards import (
    AwardRecordFactory,
    HoldFactory,
    Kh,
    NomineeFactory,
    QuotaFactory,
    bk_nomination,
    form,
    full_dossier,
)
from thidua.awards.eligibility import CheckResult, check_nomination
from thidua.awards.models import AwardBasis, Nomination, NominationState, PhaseAwardDate
from thidua.organisations.models import UnitKind, UnitSuccession

D = dt.date
AS_OF = D(2025, 3, 1)


def _result(nomination: Nomination, code: str, as_of: dt.date = AS_OF, **kw: Any) -> CheckResult:
    results = {r.code: r for r in check_nomination(nomination, as_of=as_of, **kw)}
    return results[code]


def test_a_complete_nomination_passes_every_blocking_check(kh: Kh) -> None:
    results = check_nomination(bk_nomination(kh), as_of=AS_OF)

    assert [r.code for r in results if r.blocks] == []
    assert {r.code for r in results} >= {
        "authority",
        "campaign_form",
        "dissolved",
        "one_award",
        "hold",
        "dossier",
        "deadline",
        "quota",
    }


# R1 — authority as of the decision date
def test_authority_district_giay_khen_both_sides_of_1_july_2025(kh: Kh) -> None:
    district = kh.province.district_a
    nomination = bk_nomination(
        kh, form=form("giay-khen"), grantor_unit=district, proposer_unit=district
    )

    assert _result(nomination, "authority", D(2025, 6, 30)).ok
    refused = _result(nomination, "authority", D(2025, 7, 1))
    assert not refused.ok and refused.blocks
    assert "không có thẩm quyền" in refused.message and "Điều 80" in refused.article


# R11 — only Bằng khen / Giấy khen from a campaign under 3 years
def test_flag_refused_for_a_short_campaign_allowed_for_three_years(kh: Kh) -> None:
    short = bk_nomination(
        kh,
        form=form("co-thi-dua-tinh"),
        nominee=NomineeFactory(kind="collective", unit=kh.province.health),
    )
    long_campaign = CampaignFactory(
        issuer_unit=kh.province.root, start=D(2022, 1, 1), end=D(2025, 1, 1)
    )
    long_phase = PhaseFactory(campaign=long_campaign)
    long = bk_nomination(kh, campaign=long_campaign, phase=long_phase, form=form("co-thi-dua-tinh"),
                       nominee=NomineeFactory(kind="collective", unit=kh.province.health))  # fmt: skip

    refused = _result(short, "campaign_form")
    assert not refused.ok and "chỉ được đề nghị Bằng khen hoặc Giấy khen" in refused.message
    assert _result(long, "campaign_form").ok
    assert not _result(bk_nomination(kh, form=form("ldtt")), "campaign_form").ok


def test_annual_flag_of_a_cluster_leader_is_not_a_campaign_award(kh: Kh) -> None:
    collective = NomineeFactory(kind="collective", unit=kh.province.health)
    annual = bk_nomination(
        kh, form=form("co-thi-dua-tinh"), nominee=collective, basis=AwardBasis.ANNUAL
    )

    assert _result(annual, "campaign_form").ok


# R18 — dissolved units
def test_dissolved_proposer_must_be_its_successor(kh: Kh) -> None:
    p = kh.province
    old = UnitFactory(
        kind=UnitKind.DEPARTMENT, parent=p.root, name="Sở cũ", valid_to=D(2025, 2, 28)
    )
    new = UnitFactory(kind=UnitKind.DEPARTMENT, parent=p.root, name="Sở mới")
    UnitSuccession.objects.create(
        predecessor=old, successor=new, effective=D(2025, 3, 1), kind="merge"
    )
    nomination = bk_nomination(kh, proposer_unit=old)

    assert _result(nomination, "dissolved", D(2025, 2, 28)).ok
    refused = _result(nomination, "dissolved", D(2025, 3, 1))
    assert refused.blocks and "Sở mới" in refused.message


def test_no_award_to_a_collective_of_a_dissolved_unit(kh: Kh) -> None:
    gone = UnitFactory(kind=UnitKind.DISTRICT, parent=kh.province.root, valid_to=D(2025, 6, 30))
    nominee = NomineeFactory(kind="collective", unit=gone, gender="")
    nomination = bk_nomination(kh, nominee=nominee)

    assert _result(nomination, "dissolved", D(2025, 6, 30)).ok
    assert _result(nomination, "dissolved", D(2025, 7, 1)).blocks


# R9 — one achievement, one award
def test_second_live_nomination_in_the_phase_is_flagged_not_after_withdrawal(kh: Kh) -> None:
    first = bk_nomination(kh)
    second = Nomination(
        campaign=kh.campaign, phase=kh.phase1, proposer_unit=kh.province.home_affairs,
        grantor_unit=kh.province.root, nominee=first.nominee, form=form("giay-khen"),
    )  # fmt: skip

    assert _result(second, "one_award").blocks
    Nomination.objects.filter(pk=first.pk).update(state=NominationState.WITHDRAWN)
    assert _result(second, "one_award").ok


def test_other_phase_is_another_achievement(kh: Kh) -> None:
    # Issue 12 item 20: the same form in another phase now asks the reviewer to confirm a
    # distinct achievement (tests/awards/test_one_award_phases.py); another form does not.
    first = bk_nomination(kh)

    other = bk_nomination(kh, phase=kh.phase2, nominee=first.nominee, form=form("giay-khen"))

    assert _result(other, "one_award").ok


# R10 — hold list
def test_open_hold_blocks_and_ended_hold_does_not(kh: Kh) -> None:
    nomination = bk_nomination(kh)
    HoldFactory(
        nominee=nomination.nominee, kind="inspection", start=D(2024, 1, 1), end=D(2025, 2, 28)
    )

    assert _result(nomination, "hold", D(2025, 2, 28)).blocks
    assert _result(nomination, "hold", D(2025, 3, 1)).ok


def test_discipline_ending_in_the_phase_counts_later_achievements_only(kh: Kh) -> None:
    nomination = bk_nomination(kh)
    HoldFactory(nominee=nomination.nominee, start=D(2024, 1, 1), end=D(2025, 1, 15))
    covered = bk_nomination(kh, phase=kh.phase2)
    HoldFactory(nominee=covered.nominee, start=D(2024, 1, 1), end=D(2025, 9, 30))

    warned = _result(nomination, "hold")
    assert not warned.ok and warned.severity == "warn" and "16/01/2025" in warned.message
    assert _result(covered, "hold", D(2025, 10, 1)).blocks


def test_discipline_ended_before_the_phase_is_no_concern(kh: Kh) -> None:
    nomination = bk_nomination(kh)
    HoldFactory(nominee=nomination.nominee, start=D(2023, 1, 1), end=D(2024, 10, 31))

    assert _result(nomination, "hold").ok


# R8 — campaign and exceptional awards do not count towards merit counters
def test_cstd_tinh_counts_annual_cstdcs_only(kh: Kh) -> None:
    nomination = bk_nomination(kh, form=form("cstd-tinh"), grantor_unit=kh.province.root)
    nominee = nomination.nominee
    for year in (2022, 2023):
        AwardRecordFactory(nominee=nominee, year=year, basis=AwardBasis.ANNUAL)
    campaign_record = AwardRecordFactory(nominee=nominee, year=2024, basis=AwardBasis.CAMPAIGN)

    refused = _result(nomination, "merit_history")
    assert refused.blocks and "chuyên đề" in refused.message
    campaign_record.basis = AwardBasis.ANNUAL
    campaign_record.save()
    assert _result(nomination, "merit_history").ok


def test_merit_bang_khen_needs_two_consecutive_years_as_advice(kh: Kh) -> None:
    nomination = bk_nomination(kh, basis=AwardBasis.MERIT)
    AwardRecordFactory(nominee=nomination.nominee, year=2024, basis=AwardBasis.ANNUAL)

    one_year = _result(nomination, "merit_history")
    AwardRecordFactory(nominee=nomination.nominee, year=2023, basis=AwardBasis.ANNUAL)

    assert not one_year.ok and one_year.severity == "warn"
    assert _result(nomination, "merit_history").ok
    assert "merit_history" not in {r.code for r in check_nomination(bk_nomination(kh), as_of=AS_OF)}


# R12 — dossier completeness per rule version and simplified procedure
def test_dossier_missing_minutes_blocks_then_passes(kh: Kh) -> None:
    nomination = bk_nomination(kh, dossier=False)
    full_dossier(nomination, ("cover", "report"))

    refused = _result(nomination, "dossier")
    full_dossier(nomination, ("minutes",))

    assert refused.blocks and "Biên bản xét khen thưởng" in refused.message
    assert _result(nomination, "dossier").ok


def test_cstdcs_needs_ballot_and_evidence_under_both_decrees(kh: Kh) -> None:
    nomination = bk_nomination(kh, form=form("cstdcs"), grantor_unit=kh.province.health)

    before, after = (
        _result(nomination, "dossier", D(2025, 6, 30)),
        _result(nomination, "dossier", D(2025, 7, 1)),
    )

    assert (
        before.blocks and "98/2023" in before.article and "Kết quả bỏ phiếu kín" in before.message
    )
    assert after.blocks and "152/2025" in after.article


def test_simplified_procedure_only_for_exceptional_achievements(kh: Kh) -> None:
    campaign_basis = bk_nomination(kh, dossier=False, simplified=True)
    exceptional = bk_nomination(kh, dossier=False, simplified=True, basis=AwardBasis.EXCEPTIONAL)
    full_dossier(exceptional, ("cover", "summary"))

    assert _result(campaign_basis, "dossier").blocks
    assert "đột xuất" in _result(campaign_basis, "dossier").message
    assert _result(exceptional, "dossier").ok


# R13 — deadlines in working days
def test_dossier_due_ten_working_days_before_the_review(kh: Kh) -> None:
    PhaseAwardDate.objects.create(phase=kh.phase1, review_on=D(2025, 5, 15))  # due 28/4/2025
    on_time = bk_nomination(kh, submitted_on=D(2025, 4, 28))
    late = bk_nomination(kh, submitted_on=D(2025, 4, 29))
    exceptional = bk_nomination(kh, submitted_on=D(2025, 5, 14), basis=AwardBasis.EXCEPTIONAL)

    assert _result(on_time, "deadline").ok and "28/04/2025" in _result(on_time, "deadline").message
    assert _result(late, "deadline").blocks
    assert _result(exceptional, "deadline").ok


def test_appraisal_over_ten_working_days_is_a_warning(kh: Kh) -> None:
    nomination = bk_nomination(kh, state=NominationState.UNDER_REVIEW, submitted_on=D(2025, 3, 3))

    within = _result(nomination, "appraisal_time", today=D(2025, 3, 17))
    over = _result(nomination, "appraisal_time", today=D(2025, 3, 18))

    assert within.ok
    assert not over.ok and over.severity == "warn" and "11" in over.message


# Quotas (configuration) and R17 tie-break advice
def test_quota_counts_approved_and_decided_only(kh: Kh) -> None:
    QuotaFactory(campaign=kh.campaign, phase=kh.phase1, unit=kh.province.health, maximum=2)
    bk_nomination(kh, state=NominationState.APPROVED)
    bk_nomination(kh, state=NominationState.TO_COUNCIL)
    nomination = bk_nomination(kh)

    assert _result(nomination, "quota").ok
    bk_nomination(kh, state=NominationState.DECIDED)
    refused = _result(nomination, "quota")
    assert refused.blocks and "Đã đủ chỉ tiêu 2" in refused.message


def test_quota_of_another_unit_or_subject_kind_does_not_apply(kh: Kh) -> None:
    QuotaFactory(campaign=kh.campaign, unit=kh.province.home_affairs, maximum=0)
    QuotaFactory(campaign=kh.campaign, subject_kind="collective", maximum=0)

    assert _result(bk_nomination(kh), "quota").ok


def test_tie_break_advice_when_candidates_exceed_the_quota(kh: Kh) -> None:
    QuotaFactory(campaign=kh.campaign, maximum=1)
    woman = bk_nomination(
        kh,
        nominee=NomineeFactory(gender="female", unit=kh.province.health),
        state=NominationState.SUBMITTED,
    )

    alone = {r.code for r in check_nomination(woman, as_of=AS_OF)}
    man = bk_nomination(
        kh,
        nominee=NomineeFactory(gender="male", unit=kh.province.health),
        state=NominationState.SUBMITTED,
    )
    advice = _result(woman, "tie_break")

    assert "tie_break" not in alone
    assert advice.severity == "warn" and "ưu tiên nữ" in advice.message
    assert "thuộc diện ưu tiên" in advice.message
    assert "thuộc diện ưu tiên" not in _result(man, "tie_break").message


def test_collective_with_seventy_percent_women_has_priority(kh: Kh) -> None:
    QuotaFactory(campaign=kh.campaign, maximum=0)
    at = NomineeFactory(
        kind="collective", gender="", women_share=Decimal("0.700"), unit=kh.province.health
    )
    below = NomineeFactory(
        kind="collective", gender="", women_share=Decimal("0.699"), unit=kh.province.health
    )

    assert "thuộc diện ưu tiên" in _result(bk_nomination(kh, nominee=at), "tie_break").message
    assert (
        "thuộc diện ưu tiên" not in _result(bk_nomination(kh, nominee=below), "tie_break").message
    )
