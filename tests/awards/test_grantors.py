"""Authority as of a date for every kind of grantor, on both sides of 01/7/2025 (Luật TĐKT
2022 Điều 80; ND 129/2025 Điều 59; NQ 202/2025/QH15 for Trà Vinh → Vĩnh Long): the verdict
names the real cause of a refusal and the successor that holds the authority."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import Province
from tests.factories import UnitFactory
from tests.factories.awards import Kh, NominationFactory, NomineeFactory, form
from thidua.awards.authority import grantor_kind_of
from thidua.awards.authority_verdict import Cause, authority_verdict
from thidua.awards.eligibility import check_nomination
from thidua.organisations.models import Unit, UnitKind, UnitSuccession

D = dt.date
BEFORE, AFTER = D(2025, 6, 30), D(2025, 7, 1)


def _verdict(code: str, kind: str, unit: Unit, on: dt.date):  # type: ignore[no-untyped-def]
    return authority_verdict(form=form(code), subject_kind=kind, grantor_unit=unit, on=on)


@pytest.fixture
def merged(province: Province, forms: None) -> tuple[Unit, Unit]:
    """Trà Vinh (the fixture's province, ended 30/6/2025) merged into Vĩnh Long."""
    tra_vinh = province.root
    tra_vinh.name, tra_vinh.valid_to = "Ủy ban nhân dân tỉnh Trà Vinh", BEFORE
    tra_vinh.save()
    vinh_long = UnitFactory(
        code="VL", name="Ủy ban nhân dân tỉnh Vĩnh Long", kind=UnitKind.PROVINCE, valid_from=AFTER
    )
    UnitSuccession.objects.create(
        predecessor=tra_vinh,
        successor=vinh_long,
        effective=AFTER,
        kind="merge",
        basis="Nghị quyết 202/2025/QH15 về sắp xếp đơn vị hành chính cấp tỉnh; nguồn: https://x.vn/a",
    )
    return tra_vinh, vinh_long


def test_province_chairman_until_the_merger_then_the_successors(merged: tuple[Unit, Unit]) -> None:
    tra_vinh, vinh_long = merged

    before = _verdict("bang-khen-tinh", "enterprise", tra_vinh, BEFORE)
    after = _verdict("bang-khen-tinh", "enterprise", tra_vinh, AFTER)

    assert before.ok and before.authority.grantor_kind == "province"  # type: ignore[union-attr]
    assert not after.ok and after.cause is Cause.UNIT_ENDED
    assert after.reason == (
        "Người ký không có thẩm quyền từ 01/07/2025: tỉnh Trà Vinh đã hợp nhất vào tỉnh Vĩnh Long."
    )
    assert after.basis == "Nghị quyết 202/2025/QH15 về sắp xếp đơn vị hành chính cấp tỉnh"
    assert after.successor == vinh_long
    assert after.successor_authority is not None
    assert _verdict("bang-khen-tinh", "individual", vinh_long, AFTER).ok
    refused = _verdict("bang-khen-tinh", "individual", vinh_long, BEFORE)
    assert (
        refused.cause is Cause.UNIT_NOT_STARTED and "chỉ hoạt động từ 01/07/2025" in refused.reason
    )


def test_department_director_on_both_sides(province: Province, forms: None) -> None:
    for day in (BEFORE, AFTER):
        verdict = _verdict("giay-khen", "collective", province.health, day)
        assert verdict.ok and verdict.authority.legal_basis == "Luật TĐKT 2022 Điều 80"  # type: ignore[union-attr]
        assert verdict.board_note == ""


def test_hospital_director_under_a_department_grants_giay_khen_and_ldtt(
    province: Province, forms: None
) -> None:
    hospital = UnitFactory(
        name="Bệnh viện Đa khoa tỉnh", kind=UnitKind.OTHER, parent=province.health
    )
    loose = UnitFactory(name="Ban Quản lý dự án", kind=UnitKind.OTHER, parent=province.root)

    assert grantor_kind_of(hospital) == "department_unit"
    assert grantor_kind_of(loose) == "other"
    for day in (BEFORE, AFTER):
        assert _verdict("giay-khen", "individual", hospital, day).ok
        assert _verdict("ldtt", "individual", hospital, day).ok
    cstdcs = _verdict("cstdcs", "individual", hospital, AFTER)
    assert cstdcs.cause is Cause.NONE and "không có thẩm quyền tặng “Chiến sĩ thi đua cơ sở”" in (
        cstdcs.reason
    )
    assert _verdict("giay-khen", "individual", loose, AFTER).cause is Cause.NONE


def test_mass_organisation_head_grants_giay_khen_marked_unverified(
    province: Province, forms: None
) -> None:
    youth = UnitFactory(name="Tỉnh Đoàn", kind=UnitKind.MASS_ORGANISATION, parent=province.root)

    for day in (BEFORE, AFTER):
        verdict = _verdict("giay-khen", "household", youth, day)
        assert verdict.ok and not verdict.authority.verified  # type: ignore[union-attr]
        assert verdict.board_note == "chưa xác minh – Ban TĐKT xác nhận"
    assert _verdict("bang-khen-tinh", "individual", youth, AFTER).cause is Cause.NONE


def test_district_chair_until_30_june_2025(province: Province, forms: None) -> None:
    district = province.district_a

    assert _verdict("giay-khen", "individual", district, BEFORE).ok
    ended = _verdict("giay-khen", "individual", district, AFTER)
    assert ended.cause is Cause.ENDED
    assert ended.reason == (
        "Chủ tịch Ủy ban nhân dân huyện chỉ có thẩm quyền tặng “Giấy khen” đến 30/06/2025."
    )


def test_commune_chair_giay_khen_always_cstdcs_from_1_july_2025(
    province: Province, forms: None
) -> None:
    commune = province.commune_a1

    for day in (BEFORE, AFTER):
        assert _verdict("giay-khen", "household", commune, day).ok
    early = _verdict("cstdcs", "individual", commune, BEFORE)
    assert early.cause is Cause.NOT_STARTED
    assert early.reason == (
        "Chủ tịch Ủy ban nhân dân xã có thẩm quyền tặng “Chiến sĩ thi đua cơ sở” từ 01/07/2025."
    )
    assert "129/2025" in early.basis
    assert _verdict("cstdcs", "individual", commune, AFTER).ok


def test_enterprise_director_on_both_sides_not_for_households(
    province: Province, forms: None
) -> None:
    company = UnitFactory(name="Công ty Cổ phần Cấp nước", kind=UnitKind.ENTERPRISE)

    for day in (BEFORE, AFTER):
        assert _verdict("giay-khen", "individual", company, day).ok
    household = _verdict("giay-khen", "household", company, AFTER)
    assert household.cause is Cause.SUBJECT
    assert "không có thẩm quyền tặng “Giấy khen” cho hộ gia đình" in household.reason


def test_nomination_check_names_the_merger_and_the_successor(
    kh: Kh, merged: tuple[Unit, Unit]
) -> None:
    tra_vinh, _vinh_long = merged
    nomination = NominationFactory(
        campaign=kh.campaign,
        phase=kh.phase2,
        proposer_unit=kh.province.health,
        grantor_unit=tra_vinh,
        nominee=NomineeFactory(unit=kh.province.health),
    )

    results = {r.code: r for r in check_nomination(nomination, as_of=AFTER)}

    authority = results["authority"]
    assert authority.blocks
    assert "tỉnh Trà Vinh đã hợp nhất vào tỉnh Vĩnh Long" in authority.message
    assert "Người có thẩm quyền: Chủ tịch Ủy ban nhân dân tỉnh Vĩnh Long." in authority.message
    assert authority.article.startswith("Nghị quyết 202/2025/QH15")
