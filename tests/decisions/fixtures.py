"""The decisions' world, a fixture other folders use too (tests/test_scale_out.py):
a province with the two award forms of KH 128 as data, and approved nominations.

Bằng khen của Chủ tịch UBND tỉnh (province chair, any date; individual 1,5, collective
3,0 × lương cơ sở) and Giấy khen (district chair until 30/6/2025, commune chair from
01/7/2025; individual 0,3, collective 0,6). Lương cơ sở 1.800.000 from 01/7/2023 and
2.340.000 from 01/7/2024.

Nominations (approved by the council, phase Đợt 1, Bằng khen, grantor the province):
Trần Thị Hoa (individual, Xã Phong Phú), Lê Văn Nam (individual, Xã Tập Sơn — the sibling
district), Trạm Y tế xã Phong Phú (collective), Hộ ông Thạch Sang (household, Xã Phong Phú).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.factories import CampaignFactory, PhaseFactory, Province, member
from tests.factories.decisions import (
    AwardAuthorityFactory,
    AwardFormFactory,
    AwardRuleFactory,
    BaseSalaryFactory,
    NominationFactory,
    World,
    nominee,
    other_province_home_affairs,
)
from thidua.accounts.models import Role, Scope
from thidua.awards.loading import legal_values_load_shipped
from thidua.awards.models import SubjectKind
from thidua.organisations.models import UnitKind


@pytest.fixture
def world(province: Province) -> World:
    province.root.name = "Ủy ban nhân dân tỉnh Trà Vinh"
    province.root.save()
    bk = AwardFormFactory(code="BK-TINH", name="Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh")
    gk = AwardFormFactory(code="GK", name="Giấy khen")
    AwardRuleFactory(form=bk)
    AwardRuleFactory(
        form=gk, multiplier_individual=Decimal("0.3"), multiplier_collective=Decimal("0.6")
    )
    AwardAuthorityFactory(form=bk, grantor_kind=UnitKind.PROVINCE)
    AwardAuthorityFactory(
        form=gk,
        grantor_kind=UnitKind.DISTRICT,
        grantor_title="Chủ tịch UBND huyện",
        valid_to=dt.date(2025, 6, 30),
        legal_basis="Luật Thi đua, khen thưởng 2022, Điều 80",
    )
    AwardAuthorityFactory(
        form=gk,
        grantor_kind=UnitKind.COMMUNE,
        grantor_title="Chủ tịch UBND xã",
        valid_from=dt.date(2025, 7, 1),
        legal_basis="Nghị định 129/2025/NĐ-CP, Điều 59",
    )
    BaseSalaryFactory(valid_from=dt.date(2023, 7, 1), amount=1_800_000)
    BaseSalaryFactory(valid_from=dt.date(2024, 7, 1), amount=2_340_000)
    legal_values_load_shipped()  # căn cứ lines and rounding by date (award-forms.yaml)
    campaign = CampaignFactory(
        issuer_unit=province.root,
        doc_number="128/KH-UBND",
        issuer_name="Ủy ban nhân dân tỉnh Trà Vinh",
        signer_name="Lê Văn Hẳn",
    )
    phase = PhaseFactory(campaign=campaign, name="Đợt 1")
    common = {"campaign": campaign, "phase": phase, "form": bk}
    hoa = NominationFactory(
        nominee=nominee(
            province.commune_a1,
            "Trần Thị Hoa",
            position="Công chức Văn hóa - Xã hội",
            gender="female",
            birth_year=1987,
        ),
        **common,
    )
    nam = NominationFactory(nominee=nominee(province.commune_b1, "Lê Văn Nam"), **common)
    clinic = NominationFactory(
        nominee=nominee(
            province.commune_a1,
            "Trạm Y tế xã Phong Phú",
            SubjectKind.COLLECTIVE,
            position="",
            birth_year=None,
            gender="",
        ),
        **common,
    )
    household = NominationFactory(
        nominee=nominee(
            province.commune_a1,
            "Hộ ông Thạch Sang",
            SubjectKind.HOUSEHOLD,
            position="",
            birth_year=None,
            gender="",
        ),
        **common,
    )
    other = other_province_home_affairs()
    return World(
        province=province,
        campaign=campaign,
        phase=phase,
        bk=bk,
        gk=gk,
        hoa=hoa,
        nam=nam,
        clinic=clinic,
        household=household,
        secretariat=member(province.home_affairs, Role.SECRETARIAT),
        leader=member(province.root, Role.LEADER),
        officer_a1=member(province.commune_a1, Role.UNIT_OFFICER),
        officer_b1=member(province.commune_b1, Role.UNIT_OFFICER),
        officer_district_a=member(province.district_a, Role.UNIT_OFFICER, Scope.SUBTREE),
        other_secretariat=member(other, Role.SECRETARIAT),
    )
