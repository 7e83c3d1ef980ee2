"""The titles computed from the year's results: each rule on both sides of its threshold
(LĐTT Điều 24, R3 Điều 23, R4 Điều 22, R6 Điều 27–28, R7 Điều 74.1.d, R8)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories.awards import AwardRecordFactory, NomineeFactory, form
from tests.factories.organisations import UnitFactory
from tests.factories.ratings import AnnualRatingFactory, CollectiveRatingFactory, initiative
from thidua.awards.models import AwardBasis, Nominee
from thidua.ratings.facts import load_people, year_rules
from thidua.ratings.titles import Member, Verdict, collective, cstd_tinh, cstdcs, ldtt, route_d

pytestmark = pytest.mark.usefixtures("forms")
YEAR = 2025


def _judge(judge: object, nominee: Nominee, year: int = YEAR) -> Verdict:
    person = load_people([nominee.pk], year)[nominee.pk]
    return judge(person, year, year_rules(year))  # type: ignore[operator]


def _cstdcs_record(nominee: Nominee, year: int, **kw: object) -> None:
    AwardRecordFactory(
        nominee=nominee, form=form("cstdcs"), year=year, decision_date=dt.date(year, 12, 20), **kw
    )


# LĐTT (Điều 24)


@pytest.mark.parametrize(
    ("rating", "ok"), [("good", True), ("excellent", True), ("complete", False)]
)
def test_ldtt_needs_at_least_good(rating: str, ok: bool) -> None:
    nominee = AnnualRatingFactory(rating=rating).nominee

    verdict = _judge(ldtt, nominee)

    assert verdict.ok is ok
    assert verdict.article == "Luật Thi đua, khen thưởng 2022 Điều 24"
    assert verdict.reason.startswith("Đủ" if ok else "Chưa đủ")


def test_ldtt_without_a_rating_is_missing_not_refused() -> None:
    verdict = _judge(ldtt, NomineeFactory())

    assert (verdict.ok, verdict.missing) == (False, True)
    assert "chưa có xếp loại năm 2025" in verdict.reason


# R3: CSTĐ cơ sở (Điều 23)


def test_r3_excellent_rating_earns_cstdcs() -> None:
    nominee = AnnualRatingFactory(rating="excellent").nominee

    verdict = _judge(cstdcs, nominee)

    assert (verdict.ok, verdict.via) == (True, "excellent")
    assert verdict.article == "Luật Thi đua, khen thưởng 2022 Điều 23"


def test_r3_good_rating_with_an_initiative_of_the_year_earns_cstdcs() -> None:
    nominee = AnnualRatingFactory(rating="good").nominee
    initiative(nominee, title="Số hóa hồ sơ bệnh án")

    verdict = _judge(cstdcs, nominee)

    assert (verdict.ok, verdict.via) == (True, "initiative")
    assert "Số hóa hồ sơ bệnh án" in verdict.reason


def test_r3_good_rating_with_last_years_initiative_only_is_not_enough() -> None:
    nominee = AnnualRatingFactory(rating="good").nominee
    initiative(nominee, year=YEAR - 1)

    verdict = _judge(cstdcs, nominee)

    assert verdict.ok is False
    assert "không có sáng kiến, đề tài được công nhận năm 2025" in verdict.reason


def test_r3_an_initiative_without_ldtt_is_not_enough() -> None:
    nominee = AnnualRatingFactory(rating="complete").nominee
    initiative(nominee)

    verdict = _judge(cstdcs, nominee)

    assert verdict.ok is False
    assert "chưa đạt Lao động tiên tiến" in verdict.reason


# R4: CSTĐ cấp tỉnh (Điều 22)


def _r4_person(years: list[int], *, level: str = "province", **record: object) -> Nominee:
    nominee = NomineeFactory()
    for year in years:
        _cstdcs_record(nominee, year, **record)
    initiative(nominee, year=YEAR - 1, level=level, title="Quy trình cấp cứu liên viện")
    return nominee


def test_r4_three_consecutive_years_and_a_province_initiative_qualify() -> None:
    nominee = _r4_person([2023, 2024, 2025])

    verdict = _judge(cstd_tinh, nominee)

    assert verdict.ok is True
    assert "3/3 năm liên tục" in verdict.reason


def test_r4_two_years_are_not_enough_and_say_so_with_the_article() -> None:
    nominee = _r4_person([2024, 2025])

    verdict = _judge(cstd_tinh, nominee)

    assert verdict.ok is False
    assert verdict.reason == "Chưa đủ: 2/3 năm liên tục CSTĐCS"
    assert verdict.article.startswith("Luật Thi đua, khen thưởng 2022 Điều 22")


def test_r4_a_gap_year_breaks_the_run() -> None:
    nominee = _r4_person([2021, 2022, 2023, 2025])

    verdict = _judge(cstd_tinh, nominee)

    assert verdict.ok is False
    assert "1/3" in verdict.reason


def test_r4_the_years_may_end_the_year_before() -> None:
    nominee = _r4_person([2022, 2023, 2024])

    assert _judge(cstd_tinh, nominee).ok is True


def test_r4_this_years_results_count_as_the_third_year() -> None:
    nominee = _r4_person([2023, 2024])
    AnnualRatingFactory(nominee=nominee, rating="excellent")

    verdict = _judge(cstd_tinh, nominee)

    assert verdict.ok is True


def test_r4_a_base_level_initiative_is_not_enough() -> None:
    nominee = _r4_person([2023, 2024, 2025], level="base")

    verdict = _judge(cstd_tinh, nominee)

    assert verdict.ok is False
    assert "cấp tỉnh trở lên" in verdict.reason


def test_r4_r8_a_campaign_award_does_not_count() -> None:
    nominee = _r4_person([2023, 2024])
    _cstdcs_record(nominee, 2025, basis=AwardBasis.CAMPAIGN)

    verdict = _judge(cstd_tinh, nominee)

    assert verdict.ok is False
    assert "2/3" in verdict.reason
    assert "chuyên đề, đột xuất không được tính" in verdict.reason


def test_r4_a_revoked_award_does_not_count() -> None:
    nominee = _r4_person([2023, 2024])
    _cstdcs_record(nominee, 2025, revoked_on=dt.date(2026, 3, 1))

    verdict = _judge(cstd_tinh, nominee)

    assert verdict.ok is False
    assert "2/3" in verdict.reason


# R7: Bằng khen, route 74.1.d


def test_r7_two_consecutive_cstdcs_qualify_and_one_does_not() -> None:
    two, one = NomineeFactory(), NomineeFactory()
    for year in (2024, 2025):
        _cstdcs_record(two, year)
    _cstdcs_record(one, 2025)
    _cstdcs_record(one, 2023)

    assert _judge(route_d, two).ok is True
    verdict = _judge(route_d, one)
    assert verdict.ok is False
    assert "1/2 năm liên tục CSTĐCS" in verdict.reason
    assert verdict.article.startswith("Luật Thi đua, khen thưởng 2022 Điều 74 khoản 1 điểm d")


def _excellent(nominee: Nominee, years: list[int]) -> None:
    for year in years:
        AnnualRatingFactory(nominee=nominee, year=year, rating="excellent")


def test_r7_two_excellent_years_with_two_initiatives_in_them_qualify() -> None:
    nominee = NomineeFactory()
    _excellent(nominee, [2024, 2025])
    initiative(nominee, year=2024)
    initiative(nominee, year=2025)

    verdict = _judge(route_d, nominee)

    assert verdict.ok is True


def test_r7_an_initiative_outside_the_excellent_years_does_not_count() -> None:
    nominee = NomineeFactory()
    _excellent(nominee, [2024, 2025])
    AnnualRatingFactory(nominee=nominee, year=2023, rating="good")
    initiative(nominee, year=2023)
    initiative(nominee, year=2025)

    verdict = _judge(route_d, nominee)

    # Past years count as CSTĐCS only through their records: 2025 alone is computed.
    assert verdict.ok is False
    assert "2/2 năm liên tục hoàn thành xuất sắc nhiệm vụ với 1/2 sáng kiến" in verdict.reason


def test_r7_one_excellent_year_is_not_enough() -> None:
    nominee = NomineeFactory()
    _excellent(nominee, [2025])
    AnnualRatingFactory(nominee=nominee, year=2024, rating="complete")
    initiative(nominee, year=2025)
    initiative(nominee, year=2025)

    verdict = _judge(route_d, nominee)

    assert verdict.ok is False
    assert "1/2 năm liên tục hoàn thành xuất sắc nhiệm vụ" in verdict.reason


def test_r7_a_cstdcs_earned_through_htxs_counts() -> None:
    nominee = NomineeFactory()
    _cstdcs_record(nominee, 2024)
    AnnualRatingFactory(nominee=nominee, year=2025, rating="excellent")

    verdict = _judge(route_d, nominee)

    assert verdict.ok is True
    assert "2 năm liên tục CSTĐCS" in verdict.reason


def test_r7_r8_campaign_and_revoked_awards_do_not_count() -> None:
    nominee = NomineeFactory()
    _cstdcs_record(nominee, 2024, basis=AwardBasis.EXCEPTIONAL)
    _cstdcs_record(nominee, 2025, revoked_on=dt.date(2026, 1, 5))

    verdict = _judge(route_d, nominee)

    assert verdict.ok is False
    assert "0/2 năm liên tục CSTĐCS" in verdict.reason


# R6: TTLĐTT (Điều 28), TTLĐXS (Điều 27)


def _team(ratings: list[str], **kw: object) -> list[Member]:
    unit = UnitFactory()
    members = []
    for index, rating in enumerate(ratings):
        row = AnnualRatingFactory(nominee__unit=unit, rating=rating, **kw)
        members.append((row.nominee.pk, f"Người {index}"))
    people = load_people([pk for pk, _n in members], YEAR)
    return [Member(name, people[pk]) for pk, name in members]


def _collective(code: str, rating: str, members: list[Member]) -> Verdict:
    return collective(code, rating, members, YEAR, year_rules(YEAR))


def test_r6_seventy_percent_ldtt_qualify_for_ttldtt() -> None:
    members = _team(["good"] * 7 + ["complete"] * 3)

    verdict = _collective("ttldtt", "good", members)

    assert verdict.ok is True
    assert "7/10 thành viên (70,0 %) đạt LĐTT" in verdict.reason
    assert verdict.article == "Luật Thi đua, khen thưởng 2022 Điều 28"


def test_r6_sixty_nine_percent_do_not() -> None:
    members = _team(["good"] * 9 + ["complete"] * 4)

    verdict = _collective("ttldtt", "good", members)

    assert verdict.ok is False
    assert "9/13 thành viên (69,2 %) đạt LĐTT, cần từ 70 %" in verdict.reason


def test_r6_a_member_disciplined_with_canh_cao_bars_ttldtt_but_khien_trach_does_not() -> None:
    warned = _team(["good"] * 3)
    reprimanded = _team(["good"] * 3)
    rating = warned[0].person.ratings[YEAR]
    rating.discipline, rating.discipline_source = "warning", "5/QĐ-SYT"
    other = reprimanded[0].person.ratings[YEAR]
    other.discipline, other.discipline_source = "reprimand", "6/QĐ-SYT"

    assert _collective("ttldtt", "good", reprimanded).ok is True
    verdict = _collective("ttldtt", "good", warned)
    assert verdict.ok is False
    assert "Người 0 bị kỷ luật từ cảnh cáo trở lên" in verdict.reason


def test_r6_ttldxs_needs_every_member_to_complete_and_one_cstdcs() -> None:
    with_star = _team(["excellent"] + ["good"] * 9)
    without_star = _team(["good"] * 10)
    one_short = _team(["excellent"] + ["good"] * 8 + ["incomplete"])

    assert _collective("ttldxs", "excellent", with_star).ok is True
    no_star = _collective("ttldxs", "excellent", without_star)
    assert no_star.ok is False
    assert "0 CSTĐ cơ sở (cần ít nhất 1)" in no_star.reason
    short = _collective("ttldxs", "excellent", one_short)
    assert short.ok is False
    assert "Người 9 không hoàn thành nhiệm vụ" in short.reason


def test_r6_ttldxs_needs_the_collective_rated_excellent() -> None:
    members = _team(["excellent"] + ["good"] * 9)

    verdict = _collective("ttldxs", "good", members)

    assert verdict.ok is False
    assert "cần từ “hoàn thành xuất sắc nhiệm vụ”" in verdict.reason


def test_collective_rating_model_in_the_data() -> None:
    unit = UnitFactory()
    CollectiveRatingFactory(unit=unit)

    assert year_rules(YEAR).get("ttldxs").min_cstdcs == 1


def test_the_thresholds_are_the_rule_data_not_code() -> None:
    from thidua.awards.loading import SHIPPED_FILE, award_forms_load

    nominee = _r4_person([2024, 2025])
    assert _judge(cstd_tinh, nominee).ok is False
    text = SHIPPED_FILE.read_text(encoding="utf-8")
    block = "annual_cstd_tinh:\n            counts: cstdcs\n            years: 3"
    assert block in text

    award_forms_load(data=text.replace(block, block.replace("years: 3", "years: 2")))

    verdict = _judge(cstd_tinh, nominee)
    assert verdict.ok is True
    assert "2/2 năm liên tục" in verdict.reason


def test_a_wrong_threshold_is_refused_when_the_rule_data_load() -> None:
    from thidua.awards.loading import SHIPPED_FILE, AwardDataError, award_forms_load

    text = SHIPPED_FILE.read_text(encoding="utf-8").replace(
        "ldtt_share: 0.7\n            discipline_from: warning",
        "ldtt_share: 1.7\n            discipline_from: warning",
    )

    with pytest.raises(AwardDataError, match="tỷ lệ phải từ 0 đến 1"):
        award_forms_load(data=text)
