"""Award forms, rules and nominations sent to the council, for the council tests.

Nominations are saved straight in state ``to_council`` (no events): the council tests
start where the awards workflow hands over; approving and rejecting them at closing goes
through the real awards services.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory

from tests.factories import CampaignFactory, PhaseFactory, UnitFactory, UserFactory
from thidua.awards.models import (
    AwardAuthority,
    AwardForm,
    AwardFormKind,
    AwardRule,
    Nomination,
    NominationState,
    Nominee,
    SubjectKind,
)
from thidua.core.text import fold
from thidua.organisations.models import UnitKind

NAMES = [
    "Nguyễn Thị Mai",
    "Trần Văn Bảy",
    "Lê Hoàng Nam",
    "Thạch Thị Sa Ra",
    "Phạm Minh Tuấn",
    "Kiên Văn Sơn",
    "Huỳnh Thị Ngọc",
    "Võ Thanh Phong",
]


class AwardFormFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AwardForm
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"FORM{n}")
    name = factory.Sequence(lambda n: f"Bằng khen số {n}")
    kind = AwardFormKind.FORM
    subject_kinds = [SubjectKind.INDIVIDUAL, SubjectKind.COLLECTIVE]
    campaign_allowed = True
    legal_basis = "Luật TĐKT 2022 Điều 74"


def form_with_rule(
    *,
    threshold: Decimal | None = Decimal("0.8"),
    over_all: bool = True,
    secret: bool = False,
    name: str = "",
) -> AwardForm:
    """A form granted by the province's chairman, with its vote rule (in force since 2024)."""
    form = AwardFormFactory(**({"name": name} if name else {}))
    AwardRule.objects.create(
        form=form,
        valid_from=dt.date(2024, 1, 1),
        legal_basis="Nghị định 98/2023/NĐ-CP Điều 30.7",
        dossier=[],
        council_required=True,
        council_threshold=threshold,
        threshold_over_all_members=over_all,
        secret_ballot=secret,
    )
    AwardAuthority.objects.create(
        form=form,
        grantor_kind=UnitKind.PROVINCE,
        grantor_title="Chủ tịch UBND tỉnh",
        subject_kinds=[SubjectKind.INDIVIDUAL, SubjectKind.COLLECTIVE],
        valid_from=dt.date(2020, 1, 1),
        legal_basis="Luật TĐKT 2022 Điều 80",
    )
    return form


class NomineeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Nominee

    kind = SubjectKind.INDIVIDUAL
    name = factory.Sequence(lambda n: NAMES[n % len(NAMES)] + ("" if n < len(NAMES) else f" {n}"))
    position = "Chuyên viên"
    unit = factory.SubFactory(UnitFactory, kind=UnitKind.DEPARTMENT)
    search_key = factory.LazyAttribute(lambda o: fold(o.name))


class NominationFactory(factory.django.DjangoModelFactory):
    """A nomination already sent to the council (state ``to_council``)."""

    class Meta:
        model = Nomination

    campaign = factory.SubFactory(CampaignFactory)
    phase = factory.SubFactory(PhaseFactory, campaign=factory.SelfAttribute("..campaign"))
    proposer_unit = factory.SelfAttribute("nominee.unit")
    grantor_unit = factory.SelfAttribute("campaign.issuer_unit")
    nominee = factory.SubFactory(NomineeFactory)
    form = factory.LazyFunction(form_with_rule)
    state = NominationState.TO_COUNCIL
    summary = "Hoàn thành xuất sắc nhiệm vụ, có sáng kiến được công nhận cấp tỉnh."
    created_by = factory.SubFactory(UserFactory)
