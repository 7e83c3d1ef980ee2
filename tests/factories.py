"""factory_boy factories shared by every test package."""

from __future__ import annotations

import datetime as dt

import factory

from thidua.accounts.models import Membership, Role, Scope, User
from thidua.campaigns.models import Campaign, Phase, ReportingRule
from thidua.organisations.models import EmulationGroup, GroupMembership, Unit, UnitKind
from thidua.targets.models import Target


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    code = factory.Sequence(lambda n: f"U{n:04d}")
    name = factory.Sequence(lambda n: f"Đơn vị {n}")
    kind = UnitKind.OTHER


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn {n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "mat-khau-thu")

    @factory.post_generation
    def saved(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            self.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    unit = factory.SubFactory(UnitFactory)
    role = Role.UNIT_OFFICER
    scope = Scope.UNIT


def member(
    unit: Unit, role: str = Role.UNIT_OFFICER, scope: str = Scope.UNIT, **kw: object
) -> User:
    """A new user holding ``role`` in ``unit``."""
    return MembershipFactory(unit=unit, role=role, scope=scope, **kw).user


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    code = factory.Sequence(lambda n: f"campaign-{n}")
    title = factory.Sequence(lambda n: f"Phong trào thi đua số {n}")
    issuer_unit = factory.SubFactory(UnitFactory, kind=UnitKind.PROVINCE)
    doc_number = factory.Sequence(lambda n: f"{n}/KH-UBND")
    doc_date = dt.date(2024, 11, 11)
    doc_place = "Trà Vinh"
    issuer_name = "Ủy ban nhân dân tỉnh"
    signer_name = "Lê Văn A"
    signer_position = "Chủ tịch"
    start = dt.date(2024, 11, 1)
    start_precision = "month"
    end = dt.date(2025, 9, 30)
    end_precision = "day"


class PhaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Phase

    campaign = factory.SubFactory(CampaignFactory)
    code = factory.Sequence(lambda n: f"dot-{n}")
    name = factory.Sequence(lambda n: f"Đợt {n}")
    start = dt.date(2024, 11, 1)
    start_precision = "month"
    end = dt.date(2025, 4, 30)


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    campaign = factory.SubFactory(CampaignFactory)
    code = factory.Sequence(lambda n: f"T{n:02d}")
    indicator = factory.Sequence(lambda n: f"Chỉ tiêu {n}")
    kind = "level"
    comparator = "gte"
    value = 10
    measure_unit = "%"


class ReportingRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportingRule

    campaign = factory.SubFactory(CampaignFactory)
    due_day = 15
    due_month_of_period = 3
    recipient_name = "Sở Nội vụ (Ban Thi đua - Khen thưởng)"


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EmulationGroup

    kind = "cluster"
    code = factory.Sequence(lambda n: f"CUM-{n}")
    name = factory.Sequence(lambda n: f"Cụm thi đua số {n}")
    year = 2025
    organiser = factory.SubFactory(UnitFactory, kind=UnitKind.PROVINCE)


class GroupMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GroupMembership

    group = factory.SubFactory(GroupFactory)
    unit = factory.SubFactory(UnitFactory)
    role = "member"
