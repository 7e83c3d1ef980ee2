"""Factories of awards: nominees, nominations, dossier files, holds, quotas, records."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import factory
from django.core.files.base import ContentFile

from tests.factories import CampaignFactory, PhaseFactory, UnitFactory, UserFactory
from tests.factories.organisations import Province
from thidua.accounts.models import User
from thidua.awards.models import (
    AwardBasis,
    AwardForm,
    AwardRecord,
    DossierFile,
    Hold,
    Nomination,
    Nominee,
    Quota,
)
from thidua.campaigns.models import Campaign, Phase

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class NomineeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Nominee

    kind = "individual"
    name = factory.Sequence(lambda n: f"Trần Thị Mẫu {n}")
    gender = "female"
    birth_year = 1985
    position = "Chuyên viên"
    unit = factory.SubFactory(UnitFactory)


def form(code: str) -> AwardForm:
    """A form loaded from the shipped file (the ``forms`` fixture loads it)."""
    return AwardForm.objects.get(code=code)


class NominationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Nomination

    campaign = factory.SubFactory(CampaignFactory)
    phase = factory.SubFactory(PhaseFactory, campaign=factory.SelfAttribute("..campaign"))
    proposer_unit = factory.SubFactory(UnitFactory)
    grantor_unit = factory.LazyAttribute(lambda o: o.campaign.issuer_unit)
    nominee = factory.SubFactory(NomineeFactory, unit=factory.SelfAttribute("..proposer_unit"))
    form = factory.LazyFunction(lambda: form("bang-khen-tinh"))
    basis = AwardBasis.CAMPAIGN
    summary = "Hoàn thành xuất sắc công trình đăng ký."
    created_by = factory.SubFactory(UserFactory)


class DossierFileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DossierFile

    nomination = factory.SubFactory(NominationFactory)
    kind = "cover"
    file = factory.LazyFunction(lambda: ContentFile(PDF, name="to-trinh.pdf"))
    original_name = "to-trinh.pdf"
    content_type = "application/pdf"
    size = len(PDF)
    sha256 = "0" * 64
    uploaded_by = factory.SubFactory(UserFactory)


def full_dossier(
    nomination: Nomination, kinds: tuple[str, ...] = ("cover", "report", "minutes")
) -> None:
    for kind in kinds:
        DossierFileFactory(nomination=nomination, kind=kind, uploaded_by=nomination.created_by)


class HoldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Hold

    nominee = factory.SubFactory(NomineeFactory)
    kind = "discipline"
    start = dt.date(2024, 1, 1)
    end = None
    source = "Công văn của Sở Nội vụ"


class QuotaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quota

    campaign = factory.SubFactory(CampaignFactory)
    form = factory.LazyFunction(lambda: form("bang-khen-tinh"))
    maximum = 1


class AwardRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AwardRecord

    nominee = factory.SubFactory(NomineeFactory)
    form = factory.LazyFunction(lambda: form("cstdcs"))
    year = 2023
    basis = AwardBasis.ANNUAL
    decision_number = factory.Sequence(lambda n: f"{n}/QĐ-UBND")
    decision_date = dt.date(2023, 12, 20)
    grantor_title = "Giám đốc Sở"


@dataclass
class Kh:
    """KH 128-like campaign with Đợt 1 and Đợt 2, issued by the province."""

    province: Province
    campaign: Campaign
    phase1: Phase
    phase2: Phase


@dataclass
class People:
    officer: User
    head: User
    sibling_officer: User
    sibling_head: User
    secretariat: User
    leader: User
    council: User
    district_officer: User
    stranger: User


def bk_nomination(kh: Kh, *, dossier: bool = True, **kw: object) -> Nomination:
    """A Bằng khen UBND tỉnh nomination of Sở Y tế in Đợt 1 of ``kh`` (``kw`` overrides
    any field), for a new nominee of the proposing unit unless ``nominee`` is given, with
    its full dossier unless ``dossier`` is False."""
    values: dict[str, object] = {
        "campaign": kh.campaign,
        "phase": kh.phase1,
        "proposer_unit": kh.province.health,
        "grantor_unit": kh.province.root,
        "form": form("bang-khen-tinh"),
    }
    values.update(kw)
    if "nominee" not in values:
        values["nominee"] = NomineeFactory(unit=values["proposer_unit"])
    nomination = NominationFactory(**values)
    if dossier:
        full_dossier(nomination)
    return nomination
