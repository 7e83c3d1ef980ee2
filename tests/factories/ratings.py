"""Factories of ratings: a person's yearly rating, a collective's, an initiative."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import factory

from tests.factories.awards import NomineeFactory
from tests.factories.organisations import Province, UnitFactory
from thidua.accounts.models import User
from thidua.awards.models import Nominee
from thidua.campaigns.models import Campaign
from thidua.campaigns.regular import YearPlan, open_year
from thidua.ratings.models import AnnualRating, CollectiveRating, Initiative


class AnnualRatingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AnnualRating

    nominee = factory.SubFactory(NomineeFactory)
    year = 2025
    rating = "good"


class CollectiveRatingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CollectiveRating

    unit = factory.SubFactory(UnitFactory)
    year = 2025
    rating = "good"


class InitiativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Initiative

    title = factory.Sequence(lambda n: f"Sáng kiến cải tiến quy trình số {n}")
    year = 2025
    level = "base"
    recognised_by = "Hội đồng sáng kiến cơ sở"
    decision_number = factory.Sequence(lambda n: f"{n}/QĐ-SYT")
    decision_date = dt.date(2025, 11, 20)
    unit = factory.SubFactory(UnitFactory)


def initiative(nominee: Nominee, **kw: object) -> Initiative:
    """A recognised initiative of ``nominee`` registered by their unit."""
    item = InitiativeFactory(unit=nominee.unit, **kw)
    item.nominees.add(nominee)
    return item


@dataclass
class Staff:
    """Sở Y tế's officer and head, a sibling department's officer, the Ban TĐKT."""

    officer: User
    head: User
    sibling: User
    secretariat: User


def open_year_2025(province: Province, by: User) -> Campaign:
    """The province's regular campaign of 2025, as the Ban TĐKT opens it."""
    return open_year(
        by=by,
        province=province.root,
        year=2025,
        plan=YearPlan(
            doc_number="15/KH-UBND",
            doc_date=dt.date(2025, 1, 20),
            signer_name="Lê Văn Hòa",
            signer_position="Phó Chủ tịch",
        ),
    )
