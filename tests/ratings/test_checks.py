"""The title rules as eligibility checks of nominations: an annual CSTĐCS nomination
without LĐTT + HTXS/initiative is flagged with the article; missing results warn."""

from __future__ import annotations

import datetime as dt

from tests.factories import Province
from tests.factories.awards import NominationFactory, NomineeFactory, form
from tests.factories.ratings import AnnualRatingFactory, Staff, initiative, open_year_2025
from thidua.awards.eligibility import check_nomination
from thidua.awards.models import AwardBasis, Nomination

AS_OF = dt.date(2025, 12, 20)


def _nomination(province: Province, staff: Staff, code: str, nominee: object) -> Nomination:
    campaign = open_year_2025(province, staff.secretariat)
    return NominationFactory(
        campaign=campaign,
        phase=campaign.phases.get(),
        proposer_unit=province.health,
        grantor_unit=province.health,
        nominee=nominee,
        form=form(code),
        basis=AwardBasis.ANNUAL,
    )


def _result(nomination: Nomination, code: str):  # type: ignore[no-untyped-def]
    results = check_nomination(nomination, as_of=AS_OF, today=AS_OF)
    return next(r for r in results if r.code == code)


def test_a_cstdcs_nomination_with_a_good_rating_only_is_blocked_with_the_article(
    province: Province, staff: Staff
) -> None:
    nominee = AnnualRatingFactory(nominee__unit=province.health, rating="good").nominee

    result = _result(_nomination(province, staff, "cstdcs", nominee), "annual_cstdcs")

    assert (result.ok, result.blocks) == (False, True)
    assert result.article == "Luật Thi đua, khen thưởng 2022 Điều 23"
    assert "không có sáng kiến, đề tài được công nhận năm 2025" in result.message


def test_a_cstdcs_nomination_with_an_initiative_passes(province: Province, staff: Staff) -> None:
    nominee = AnnualRatingFactory(nominee__unit=province.health, rating="good").nominee
    initiative(nominee)

    result = _result(_nomination(province, staff, "cstdcs", nominee), "annual_cstdcs")

    assert result.ok is True


def test_without_a_rating_the_check_warns(province: Province, staff: Staff) -> None:
    nominee = NomineeFactory(unit=province.health)

    result = _result(_nomination(province, staff, "ldtt", nominee), "annual_ldtt")

    assert (result.ok, result.severity) == (False, "warn")


def test_a_campaign_nomination_is_not_judged_by_the_annual_rules(
    province: Province, staff: Staff
) -> None:
    nominee = AnnualRatingFactory(nominee__unit=province.health, rating="complete").nominee
    nomination = _nomination(province, staff, "cstdcs", nominee)
    nomination.basis = AwardBasis.CAMPAIGN
    nomination.save()

    results = check_nomination(nomination, as_of=AS_OF, today=AS_OF)

    assert "annual_cstdcs" not in {r.code for r in results}


def test_a_ttldtt_nomination_reads_the_units_members(province: Province, staff: Staff) -> None:
    from tests.factories.ratings import CollectiveRatingFactory

    for rating in ["good"] * 2 + ["complete"] * 2:
        AnnualRatingFactory(nominee__unit=province.health, rating=rating)
    CollectiveRatingFactory(unit=province.health, rating="good")
    team = NomineeFactory(kind="collective", unit=province.health, name="Sở Y tế")

    result = _result(_nomination(province, staff, "ttldtt", team), "annual_collective")

    assert result.ok is False
    assert "2/4 thành viên (50,0 %) đạt LĐTT, cần từ 70 %" in result.message
    assert result.article == "Luật Thi đua, khen thưởng 2022 Điều 28"
