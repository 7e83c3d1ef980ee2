"""Factories of the awards rows decisions need (forms, rules, authorities, salaries,
nominees, nominations already approved by the council)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import factory

from tests.factories import CampaignFactory, PhaseFactory, UnitFactory, UserFactory
from thidua.awards.models import (
    AwardAuthority,
    AwardBasis,
    AwardForm,
    AwardFormKind,
    AwardRecord,
    AwardRule,
    BaseSalary,
    Nomination,
    NominationState,
    Nominee,
    SubjectKind,
)
from thidua.core.text import fold

ALL_SUBJECTS = [SubjectKind.INDIVIDUAL, SubjectKind.COLLECTIVE, SubjectKind.HOUSEHOLD]


class AwardFormFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AwardForm
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"F{n}")
    name = factory.Sequence(lambda n: f"Hình thức {n}")
    kind = AwardFormKind.FORM
    subject_kinds = factory.LazyFunction(lambda: list(ALL_SUBJECTS))
    campaign_allowed = True
    legal_basis = "Luật Thi đua, khen thưởng 2022"


class AwardRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AwardRule

    form = factory.SubFactory(AwardFormFactory)
    valid_from = dt.date(2024, 1, 1)
    legal_basis = "Nghị định 98/2023/NĐ-CP"
    multiplier_individual = Decimal("1.5")
    multiplier_collective = Decimal("3.0")


class AwardAuthorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AwardAuthority

    form = factory.SubFactory(AwardFormFactory)
    grantor_kind = "province"
    grantor_title = "Chủ tịch UBND tỉnh"
    subject_kinds = factory.LazyFunction(lambda: list(ALL_SUBJECTS))
    valid_from = dt.date(2024, 1, 1)
    legal_basis = "Luật Thi đua, khen thưởng 2022, Điều 80"


class BaseSalaryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BaseSalary
        django_get_or_create = ("valid_from",)

    valid_from = dt.date(2024, 7, 1)
    amount = 2_340_000
    legal_basis = "Nghị định 73/2024/NĐ-CP"


class NomineeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Nominee

    kind = SubjectKind.INDIVIDUAL
    name = factory.Sequence(lambda n: f"Nguyễn Văn Thử {n}")
    position = "Chuyên viên"
    birth_year = 1980
    gender = "male"
    unit = factory.SubFactory(UnitFactory)
    search_key = factory.LazyAttribute(lambda o: fold(o.name))


class NominationFactory(factory.django.DjangoModelFactory):
    """A nomination the council approved (tests only: the real path is the councils app)."""

    class Meta:
        model = Nomination

    campaign = factory.SubFactory(CampaignFactory)
    phase = factory.SubFactory(PhaseFactory, campaign=factory.SelfAttribute("..campaign"))
    proposer_unit = factory.LazyAttribute(lambda o: o.nominee.unit)
    grantor_unit = factory.LazyAttribute(lambda o: o.campaign.issuer_unit)
    nominee = factory.SubFactory(NomineeFactory)
    form = factory.SubFactory(AwardFormFactory)
    basis = AwardBasis.CAMPAIGN
    state = NominationState.APPROVED
    summary = "Hoàn thành xuất sắc nhiệm vụ; bí mật hồ sơ"
    created_by = factory.SubFactory(UserFactory)


class AwardRecordFactory(factory.django.DjangoModelFactory):
    """An archive record (no nomination), e.g. an annual title from before thidua."""

    class Meta:
        model = AwardRecord

    nominee = factory.SubFactory(NomineeFactory)
    form = factory.SubFactory(AwardFormFactory)
    year = 2023
    basis = AwardBasis.ANNUAL
    decision_number = factory.Sequence(lambda n: f"{n + 10}/QĐ-UBND")
    decision_date = dt.date(2023, 12, 20)
    grantor_title = "Chủ tịch UBND huyện"
    unit_name = "Xã Thử"


def nominee(unit: Any, name: str, kind: str = SubjectKind.INDIVIDUAL, **kw: Any) -> Nominee:
    return NomineeFactory(unit=unit, name=name, kind=kind, **kw)
