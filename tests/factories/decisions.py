"""Factories of the awards rows decisions need (forms, rules, authorities, salaries,
nominees, nominations already approved by the council)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import factory

from tests.factories import CampaignFactory, PhaseFactory, UnitFactory, UserFactory
from tests.factories.organisations import Province
from thidua.accounts.models import User
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
from thidua.campaigns.models import Campaign, Phase
from thidua.core.text import fold
from thidua.decisions.models import Decision, Revocation, RevocationReason
from thidua.decisions.revocations.services import (
    revocation_draft,
    revocation_edit,
    revocation_issue,
)
from thidua.decisions.services import decision_draft, decision_edit, decision_issue
from thidua.organisations.models import Unit, UnitKind

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


VN = ZoneInfo("Asia/Ho_Chi_Minh")

NOW = dt.datetime(2025, 7, 10, 9, 0, tzinfo=VN)


@dataclass
class World:
    province: Province
    campaign: Campaign
    phase: Phase
    bk: AwardForm
    gk: AwardForm
    hoa: Nomination
    nam: Nomination
    clinic: Nomination
    household: Nomination
    secretariat: User
    leader: User
    officer_a1: User
    officer_b1: User
    officer_district_a: User
    other_secretariat: User

    @property
    def nominations(self) -> list[Nomination]:
        return [self.hoa, self.nam, self.clinic, self.household]


def other_province_home_affairs() -> Unit:
    """Sở Nội vụ of a second province (leak tests)."""
    root = UnitFactory(code="Q", name="UBND tỉnh Khác", kind=UnitKind.PROVINCE)
    return UnitFactory(
        code="Q-SNV", name="Sở Nội vụ tỉnh Khác", kind=UnitKind.DEPARTMENT, parent=root
    )


NUMBER = "1234/QĐ-UBND"

DATE = dt.date(2025, 6, 5)


def draft(
    world: Any,
    *,
    form: AwardForm | None = None,
    grantor: Unit | None = None,
    nominations: list[Nomination] | None = None,
    actor: Any = None,
) -> Decision:
    return decision_draft(
        actor=actor or world.secretariat,
        campaign=world.campaign,
        form=form or world.bk,
        grantor_unit=grantor or world.province.root,
        phase=world.phase,
        nominations=[n.pk for n in nominations] if nominations is not None else None,
    )


def fill(
    world: Any,
    decision: Decision,
    *,
    number: str = NUMBER,
    date: dt.date = DATE,
    actor: Any = None,
    **kw: Any,
) -> Decision:
    values = {
        "signer_name": "Lê Văn Hẳn",
        "signer_title": "Chủ tịch",
        **kw,
    }
    return decision_edit(
        actor=actor or world.secretariat, decision=decision, number=number, date=date, **values
    )


def issued(world: Any, **kw: Any) -> Decision:
    """The Bằng khen decision 1234/QĐ-UBND of 05/6/2025 with all four nominations."""
    decision = fill(world, draft(world), **kw)
    return decision_issue(actor=world.secretariat, decision=decision)


REVOCATION_NUMBER = "56/QĐ-UBND"

REVOCATION_DATE = dt.date(2025, 7, 8)


def revocation_drafted(
    world: Any, decision: Decision, *, names: tuple[str, ...] = ("Trần Thị Hoa",), actor: Any = None
) -> Revocation:
    """A draft revoking the rows of ``decision`` named ``names`` (fraud, the default basis)."""
    rows = decision.entries.filter(name__in=names).values_list("pk", flat=True)
    return revocation_draft(
        actor=actor or world.secretariat,
        decision=decision,
        entries=list(rows),
        reason_kind=RevocationReason.FRAUD,
        reason="Kết luận thanh tra số 12/KL-TTr xác định khai man thành tích",
    )


def revocation_issued(world: Any, decision: Decision | None = None, **kw: Any) -> Revocation:
    """Revocation 56/QĐ-UBND of 08/7/2025 of Trần Thị Hoa's Bằng khen (``issued``)."""
    decision = decision or issued(world)
    revocation = revocation_drafted(world, decision, **kw)
    revocation = revocation_edit(
        actor=world.secretariat,
        revocation=revocation,
        number=REVOCATION_NUMBER,
        date=REVOCATION_DATE,
        signer_name="Lê Văn Hẳn",
        signer_title="Chủ tịch",
        reason_kind=revocation.reason_kind,
        reason=revocation.reason,
        legal_basis=revocation.legal_basis,
    )
    return revocation_issue(actor=world.secretariat, revocation=revocation)
