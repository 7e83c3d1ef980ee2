"""The shipped campaign file of Kế hoạch 128/KH-UBND (Trà Vinh, 11/11/2024) says what the plan says.

Parsed with the schema alone (no database): the loader has its own tests.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

import thidua.campaigns
from thidua.campaigns.files.schema import CampaignFile, TargetSpec
from thidua.campaigns.files.validate import validate_text
from thidua.core.dates import PartialDate, Precision

KH128 = Path(thidua.campaigns.__file__).parent / "data" / "kh-128-ubnd-tra-vinh-2024.yaml"


@pytest.fixture(scope="module")
def text() -> str:
    return KH128.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def plan(text: str) -> CampaignFile:
    return CampaignFile.model_validate(yaml.safe_load(text))


def target(plan: CampaignFile, code: str) -> TargetSpec:
    return next(t for t in plan.targets if t.code == code)


def targets_where(plan: CampaignFile, words: str) -> list[TargetSpec]:
    return [t for t in plan.targets if words in t.indicator]


def test_kh128_file_passes_cross_field_checks(text):
    spec = validate_text(text, check_units=False)

    assert spec.code == "kh-128-2024-tra-vinh"


def test_kh128_file_is_nfc_and_has_no_greek_letters(text):
    assert unicodedata.normalize("NFC", text) == text
    assert not [ch for ch in text if "GREEK" in unicodedata.name(ch, "")]
    assert "Láng Thé" in text


def test_kh128_document_states_number_date_issuer_and_signer(plan):
    doc = plan.document

    assert (plan.kind, plan.status) == ("thematic", "active")
    assert (doc.kind, doc.number, doc.date, doc.place) == (
        "Kế hoạch",
        "128/KH-UBND",
        dt.date(2024, 11, 11),
        "Trà Vinh",
    )
    assert (doc.issuer, doc.issuer_unit) == ("Ủy ban nhân dân tỉnh Trà Vinh", "TV")
    assert (doc.signer.name, doc.signer.position, doc.signer.authority) == (
        "Lê Văn Hẳn",
        "Chủ tịch",
        "",
    )
    assert plan.title.startswith("Phát động đợt thi đua lập thành tích chào mừng")
    assert plan.title.endswith("Đại hội Thi đua yêu nước toàn quốc lần thứ XI")
    assert "\n" not in plan.title


def test_kh128_legal_bases_are_the_directive_the_letter_and_the_regulation(plan):
    bases = [(b.relation, b.kind, b.number, b.date, b.issuer) for b in plan.legal_bases]

    assert bases == [
        ("thuc_hien", "Chỉ thị", "39/CT-TTg", dt.date(2024, 10, 15), "Thủ tướng Chính phủ"),
        ("thuc_hien", "Công văn", "977-CV/TU", dt.date(2024, 8, 5), "Ban Thường vụ Tỉnh ủy"),
        (
            "quy_dinh",
            "Quyết định",
            "11/2024/QĐ-UBND",
            dt.date(2024, 6, 28),
            "Ủy ban nhân dân tỉnh Trà Vinh",
        ),
    ]
    assert plan.legal_bases[0].title.startswith("về việc đẩy mạnh phong trào thi đua yêu nước")
    assert plan.legal_bases[1].title.endswith("nhiệm kỳ 2025 - 2030")
    assert plan.preamble.startswith("Thực hiện Chỉ thị số 39/CT-TTg")


def test_kh128_purposes_and_requirements_keep_each_bullet(plan):
    assert len(plan.purposes) == 2
    assert "trước năm 2025”" in plan.purposes[0]
    assert len(plan.requirements) == 2
    assert plan.requirements[1].startswith("Các cấp, các ngành")


def test_kh128_phases_keep_the_precision_the_plan_states(plan):
    dot1, dot2 = plan.phases

    assert plan.period.start == PartialDate(2024, 11)
    assert plan.period.end == PartialDate(2025, 9, 30)
    assert (dot1.code, dot1.name, dot1.review) == ("dot-1", "Đợt 1", "so_ket")
    assert (dot1.start, dot1.end) == (PartialDate(2024, 11), PartialDate(2025, 4, 30))
    assert dot1.start.precision is Precision.MONTH
    assert dot1.end.precision is Precision.DAY
    assert (dot2.code, dot2.name, dot2.review) == ("dot-2", "Đợt 2", "tong_ket")
    assert (dot2.start, dot2.end) == (PartialDate(2025, 5), PartialDate(2025, 9, 30))
    assert dot2.start.precision is Precision.MONTH


def test_kh128_content_areas_are_the_seven_groups_of_ii_1_b(plan):
    codes = [a.code for a in plan.content_areas]

    assert codes == ["ND1", "ND2", "ND3", "ND4", "ND5", "ND6", "ND7"]
    assert plan.content_areas[0].title.startswith("Đẩy mạnh phong trào thi đua sản xuất nông")
    assert "phấn đấu tỉnh đạt chuẩn nông thôn mới" in plan.content_areas[0].description
    assert "Nâng cao hiệu lực của bộ máy quản lý nhà nước" in plan.content_areas[5].description
    assert all(a.description for a in plan.content_areas)
    assert not [a.title for a in plan.content_areas if a.title.endswith(":")]


def test_kh128_has_every_indicator_as_its_own_target(plan):
    codes = [t.code for t in plan.targets]

    assert len(plan.targets) >= 20
    assert len(codes) == len(set(codes))
    assert codes == [f"T{n:02d}" for n in range(1, len(codes) + 1)]
    assert {t.section for t in plan.targets} == {"II.1.a", "II.1.b"}
    assert all(t.source_text for t in plan.targets)


def test_kh128_grdp_growth_is_three_targets_between_10_and_11(plan):
    growth = targets_where(plan, "Tốc độ tăng trưởng GRDP")

    assert [(t.kind, t.period.from_, t.period.to) for t in growth if t.period] == [
        ("per_year", PartialDate(2024), PartialDate(2024)),
        ("per_year", PartialDate(2025), PartialDate(2025)),
        ("average_growth", PartialDate(2020), PartialDate(2025)),
    ]
    assert {(t.comparator, t.value, t.value_max, t.measure_unit) for t in growth} == {
        ("between", Decimal(10), Decimal(11), "%")
    }


def test_kh128_labour_targets_are_split(plan):
    trained, degrees = target(plan, "T08"), target(plan, "T09")
    jobs = targets_where(plan, "việc làm mới")[0]
    unemployment = targets_where(plan, "thất nghiệp")[0]

    assert (trained.comparator, trained.value, trained.measure_unit) == ("gte", Decimal(70), "%")
    assert (degrees.comparator, degrees.value) == ("gte", Decimal(35))
    assert (jobs.kind, jobs.comparator, jobs.value, jobs.measure_unit) == (
        "per_year",
        "gte",
        Decimal(23000),
        "lao động",
    )
    assert jobs.period is not None
    assert (jobs.period.from_, jobs.period.to) == (PartialDate(2024), PartialDate(2025))
    assert "Hằng năm" in jobs.note
    assert (unemployment.comparator, unemployment.value, unemployment.measure_unit) == (
        "lt",
        Decimal(2),
        "%",
    )


def test_kh128_enrolment_is_two_targets(plan):
    enrolment = targets_where(plan, "Tỷ lệ học sinh trong độ tuổi đi học")

    assert [(t.comparator, t.value) for t in enrolment] == [
        ("gte", Decimal(100)),
        ("gte", Decimal(99)),
    ]
    assert "Tiểu học" in enrolment[0].indicator
    assert "Trung học cơ sở" in enrolment[1].indicator


def test_kh128_clean_water_is_two_targets_with_decimal_values(plan):
    water = targets_where(plan, "nước sạch")

    assert [(t.comparator, t.value, t.measure_unit) for t in water] == [
        ("gte", Decimal("99.5"), "%"),
        ("gte", Decimal(99), "%"),
    ]
    assert "thành thị" in water[0].indicator
    assert "nông thôn" in water[1].indicator


def test_kh128_new_rural_standard_is_a_milestone_before_2025(plan):
    ntm = targets_where(plan, "nông thôn mới")[0]

    assert (ntm.kind, ntm.comparator, ntm.deadline) == ("milestone", "before", dt.date(2025, 1, 1))
    assert (ntm.value, ntm.value_max, ntm.content_area) == (None, None, "ND1")


def test_kh128_health_targets_use_their_own_units(plan):
    beds = targets_where(plan, "giường bệnh")[0]
    doctors = targets_where(plan, "bác sĩ")[0]
    insurance = targets_where(plan, "bảo hiểm y tế")[0]

    assert (beds.comparator, beds.value, beds.measure_unit) == (
        "gte",
        Decimal(30),
        "giường bệnh/vạn dân",
    )
    assert (doctors.comparator, doctors.value, doctors.value_max, doctors.measure_unit) == (
        "between",
        Decimal(10),
        Decimal(12),
        "bác sĩ/vạn dân",
    )
    assert (insurance.comparator, insurance.value) == ("gt", Decimal(95))


def test_kh128_growth_and_reduction_targets_have_yearly_rates(plan):
    revenue = targets_where(plan, "Thu ngân sách")[0]
    poverty = targets_where(plan, "hộ nghèo")[0]
    enterprises = targets_where(plan, "doanh nghiệp thành lập mới")[0]

    assert (revenue.kind, revenue.comparator, revenue.value, revenue.measure_unit) == (
        "average_growth",
        "gte",
        Decimal(12),
        "%/năm",
    )
    assert (poverty.kind, poverty.comparator, poverty.value, poverty.value_max) == (
        "annual_reduction",
        "between",
        Decimal("1.5"),
        Decimal(2),
    )
    assert (enterprises.kind, enterprises.value, enterprises.measure_unit) == (
        "cumulative",
        Decimal(2500),
        "doanh nghiệp",
    )
    assert enterprises.note


def test_kh128_security_figures_are_three_yearly_targets(plan):
    security = [t for t in plan.targets if t.content_area == "ND5"]

    assert [(t.kind, t.comparator, t.value) for t in security] == [
        ("per_year", "gte", Decimal(95)),
        ("per_year", "gte", Decimal(90)),
        ("per_year", "gte", Decimal(95)),
    ]


def test_kh128_science_spending_comes_from_ii_1_b(plan):
    science = [t for t in plan.targets if t.section == "II.1.b"]

    assert [(t.comparator, t.value, t.content_area) for t in science] == [
        ("gte", Decimal(2), "ND3")
    ]
    assert "không dưới 2% chi thường xuyên ngân sách" in science[0].source_text


def test_kh128_every_content_area_reference_exists(plan):
    areas = {a.code for a in plan.content_areas}
    used = {t.content_area for t in plan.targets} | {
        w.content_area for w in plan.registration.campaign_works
    }

    assert used - {None} <= areas
    assert {"ND1", "ND3", "ND4", "ND5"} <= used


def test_kh128_registration_rules_follow_ii_2(plan):
    rules = {tuple(r.unit_kinds): r for r in plan.registration.rules}
    district, commune, department = (
        rules[("district",)],
        rules[("commune",)],
        rules[("department",)],
    )

    assert (district.minimum, district.work_kinds) == (2, ["construction", "project"])
    assert (commune.via_parent, commune.approver) == (True, "parent")
    assert (department.minimum, department.alternative_work_kinds) == (1, ["task"])
    assert all(r.minimum >= 1 and r.no_duplicate_of_campaign_works for r in rules.values())
    assert all(r.text for r in rules.values())
    kinds = [k for r in plan.registration.rules for k in r.unit_kinds]
    assert len(kinds) == len(set(kinds))


def test_kh128_province_has_three_works_to_start_and_five_to_finish(plan):
    works = plan.registration.campaign_works
    start = [w for w in works if w.stage == "start"]
    finish = [w for w in works if w.stage == "finish"]

    assert (len(works), len(start), len(finish)) == (8, 3, 5)
    assert {(w.deadline, w.deadline_event) for w in finish} == {
        (PartialDate(2025, 9), "Đại hội đại biểu Đảng bộ tỉnh lần thứ XII")
    }
    assert all(w.deadline is None for w in start)
    titles = [w.title for w in works]
    assert "Khởi động dự án Tuyến đường hành lang ven biển" in titles
    assert "Hạ tầng Hồ chứa nước ngọt dọc bờ sông Láng Thé" in titles


def test_kh128_reports_are_due_on_the_15th_of_the_last_month_of_each_quarter(plan):
    rule = plan.reporting

    assert rule is not None
    assert (rule.frequency, rule.due_day, rule.due_month_of_period, rule.weekend_policy) == (
        "quarterly",
        15,
        3,
        "keep",
    )
    assert (rule.recipient, rule.recipient_unit) == (
        "Sở Nội vụ (Ban Thi đua - Khen thưởng)",
        "TV-SNV",
    )
    assert "ngày 15 của tháng cuối quý" in rule.text


def test_kh128_awards_offer_bang_khen_and_giay_khen(plan):
    awards = plan.awards
    bk, gk = awards.forms

    assert set(awards.subjects) == {
        "department",
        "mass_organisation",
        "district",
        "commune",
        "collective",
        "individual",
        "household",
        "enterprise",
    }
    assert "11/2024/QĐ-UBND" in awards.procedure
    assert awards.criteria.startswith("Giao Sở Nội vụ")
    assert (bk.code, bk.name) == ("BK-CTUBND", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh")
    assert [(g.title, g.unit_kinds) for g in bk.grantors] == [
        ("Chủ tịch Ủy ban nhân dân tỉnh", ["province"])
    ]
    assert (gk.code, gk.name) == ("GK", "Giấy khen")
    assert [g.unit_kinds for g in gk.grantors] == [
        ["department", "mass_organisation"],
        ["district"],
        ["enterprise"],
    ]
    assert set(bk.subjects) == set(gk.subjects) == set(awards.subjects)
    assert bk.criteria and gk.criteria


def test_kh128_duties_are_the_eight_items_of_section_iv(plan):
    duties = plan.duties

    assert [d.section for d in duties] == [f"IV.{n}" for n in range(1, 9)]
    assert duties[4].agency_units == ["TV-SKHDT", "TV-SNV"]
    assert duties[5].agency_units == ["TV-BAO", "TV-BTG", "TV-DAI", "TV-STTTT"]
    assert duties[3].agency_units == ["TV-MTTQ"]
    assert duties[6].agency_units == ["TV-SVHTTDL"]
    assert "quần chúng" in duties[3].text
    assert all(d.agencies and d.text for d in duties)
    known = {
        "TV",
        "TV-SNV",
        "TV-SKHDT",
        "TV-STTTT",
        "TV-SVHTTDL",
        "TV-MTTQ",
        "TV-BTG",
        "TV-BAO",
        "TV-DAI",
    }
    assert {code for d in duties for code in d.agency_units} <= known
