"""Drafting the year's nominations: one title per nominee, the collective as the unit,
all or nothing; ratings only by the person's own unit."""

from __future__ import annotations

import pytest

from tests.factories import Province
from tests.factories.awards import NomineeFactory
from tests.factories.ratings import AnnualRatingFactory, Staff, open_year_2025
from thidua.awards.models import AwardBasis, Nomination
from thidua.core.errors import DomainError, NotPermitted
from thidua.ratings.models import AnnualRating
from thidua.ratings.services import nominations_draft, rating_set


def test_two_titles_for_one_person_are_refused_and_nothing_is_drafted(
    province: Province, staff: Staff
) -> None:
    person = AnnualRatingFactory(nominee__unit=province.health, rating="excellent").nominee
    open_year_2025(province, staff.secretariat)

    with pytest.raises(DomainError, match="một danh hiệu trong năm"):
        nominations_draft(
            by=staff.head,
            unit=province.health,
            year=2025,
            choices=[(person.pk, "ldtt"), (person.pk, "cstdcs")],
        )

    assert not Nomination.objects.exists()


def test_the_collective_title_is_drafted_for_the_unit_itself(
    province: Province, staff: Staff
) -> None:
    open_year_2025(province, staff.secretariat)

    created = nominations_draft(
        by=staff.officer, unit=province.health, year=2025, choices=[(None, "ttldtt")]
    )

    nomination = created[0]
    assert (nomination.nominee.kind, nomination.nominee.name) == ("collective", "Sở Y tế")
    assert (nomination.form.code, nomination.basis) == ("ttldtt", AwardBasis.ANNUAL)


def test_a_person_of_another_unit_cannot_be_chosen(province: Province, staff: Staff) -> None:
    other = NomineeFactory(unit=province.home_affairs)
    open_year_2025(province, staff.secretariat)

    with pytest.raises(DomainError, match="Lựa chọn không hợp lệ"):
        nominations_draft(
            by=staff.officer, unit=province.health, year=2025, choices=[(other.pk, "ldtt")]
        )

    assert not Nomination.objects.exists()


def test_only_the_persons_unit_rates_them(province: Province, staff: Staff) -> None:
    person = NomineeFactory(unit=province.health)

    with pytest.raises(NotPermitted):
        rating_set(by=staff.sibling, nominee=person, year=2025, rating="good")
    with pytest.raises(NotPermitted):
        rating_set(by=staff.secretariat, nominee=person, year=2025, rating="good")

    assert not AnnualRating.objects.exists()
