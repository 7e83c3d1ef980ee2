"""Campaign targets."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import factory

from thidua.accounts.models import User
from thidua.campaigns.models import Campaign
from thidua.targets.models import Target


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    campaign = factory.SubFactory("tests.factories.campaigns.CampaignFactory")
    code = factory.Sequence(lambda n: f"T{n:02d}")
    indicator = factory.Sequence(lambda n: f"Chỉ tiêu {n}")
    kind = "level"
    comparator = "gte"
    value = 10
    measure_unit = "%"


NOW = dt.datetime(2025, 3, 1, 9, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))

TODAY = NOW.date()


@dataclass
class Kh:
    """A campaign of the province with three of KH 128's targets and a district's own."""

    campaign: Campaign
    growth: Target  # T01: 10 - 11 % in 2024
    jobs: Target  # T10: ≥ 23.000 a year, 2024 - 2025
    rural: Target  # T07: before 01/01/2025
    district_jobs: Target  # Huyện Cầu Kè's own share of T10


@dataclass
class People:
    """One user per role that matters to targets."""

    secretariat: User
    admin: User
    district_a_head: User
    district_a_officer: User
    district_a_subtree: User
    district_b_head: User
    a1_officer: User
    b1_officer: User
