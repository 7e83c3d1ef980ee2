"""Nominees: duplicate detection on folded names, merging, search without diacritics."""

from __future__ import annotations

import pytest

from tests.factories import UserFactory
from tests.factories.awards import AwardRecordFactory, Kh, NominationFactory, NomineeFactory, People
from thidua.awards import services
from thidua.awards.nominees import NomineeData, PossibleDuplicate
from thidua.core.errors import DomainError, NotPermitted


def _data(kh: Kh, name: str, birth_year: int | None = 1985, **kw: object) -> NomineeData:
    return NomineeData(
        kind="individual", name=name, unit=kh.province.health, birth_year=birth_year, **kw
    )  # type: ignore[arg-type]


def test_same_folded_name_birth_year_and_unit_is_offered(kh: Kh, people: People) -> None:
    existing = services.nominee_create(by=people.officer, data=_data(kh, "Nguyễn Thị Hoa"))

    with pytest.raises(PossibleDuplicate) as caught:
        services.nominee_create(by=people.officer, data=_data(kh, "nguyen thi hoa"))

    assert caught.value.candidates == [existing]
    assert "Nguyễn Thị Hoa, 1985, Sở Y tế" in caught.value.message


def test_another_unit_is_not_a_duplicate_another_birth_year_is_a_look_alike(
    kh: Kh, people: People
) -> None:
    services.nominee_create(by=people.officer, data=_data(kh, "Nguyễn Thị Hoa"))

    with pytest.raises(PossibleDuplicate):
        services.nominee_create(by=people.officer, data=_data(kh, "Nguyễn Thị Hoa", 1990))
    other_year = services.nominee_create(
        by=people.officer, data=_data(kh, "Nguyễn Thị Hoa", 1990), confirm_new=True
    )
    other_unit = services.nominee_create(
        by=people.sibling_officer,
        data=NomineeData(
            kind="individual", name="Nguyễn Thị Hoa", unit=kh.province.home_affairs, birth_year=1985
        ),
    )

    assert other_year.pk and other_unit.pk


def test_similar_name_in_the_unit_warns_and_confirm_creates(kh: Kh, people: People) -> None:
    existing = services.nominee_create(by=people.officer, data=_data(kh, "Trần Văn Thành"))

    with pytest.raises(PossibleDuplicate) as caught:
        services.nominee_create(by=people.officer, data=_data(kh, "Trần Văn Thanh", 1990))
    confirmed = services.nominee_create(
        by=people.officer, data=_data(kh, "Trần Văn Thanh", 1990), confirm_new=True
    )

    assert caught.value.candidates == [existing]
    assert confirmed.pk != existing.pk and confirmed.search_key == "tran van thanh"


def test_nominee_for_a_sibling_unit_is_refused(kh: Kh, people: People) -> None:
    data = NomineeData(kind="individual", name="Lê Văn A", unit=kh.province.home_affairs)

    with pytest.raises(NotPermitted):
        services.nominee_create(by=people.officer, data=data)


def test_merge_moves_history_and_points_the_duplicate(kh: Kh, people: People) -> None:
    keep = NomineeFactory(unit=kh.province.health)
    duplicate = NomineeFactory(unit=kh.province.health)
    record = AwardRecordFactory(nominee=duplicate)
    nomination = NominationFactory(
        campaign=kh.campaign, phase=kh.phase1, proposer_unit=kh.province.health, nominee=duplicate
    )

    services.nominee_merge(by=people.secretariat, duplicate=duplicate, into=keep)

    duplicate.refresh_from_db()
    record.refresh_from_db()
    nomination.refresh_from_db()
    assert duplicate.merged_into == keep
    assert record.nominee == keep and nomination.nominee == keep
    assert list(services.nominee_search(people.officer, duplicate.name)) == []


def test_merge_refused_for_officers_and_conflicting_phases(kh: Kh, people: People) -> None:
    keep = NomineeFactory(unit=kh.province.health)
    duplicate = NomineeFactory(unit=kh.province.health)
    NominationFactory(
        campaign=kh.campaign, phase=kh.phase1, proposer_unit=kh.province.health, nominee=keep
    )
    NominationFactory(
        campaign=kh.campaign, phase=kh.phase1, proposer_unit=kh.province.health, nominee=duplicate
    )

    with pytest.raises(NotPermitted):
        services.nominee_merge(by=people.officer, duplicate=duplicate, into=keep)
    with pytest.raises(DomainError) as caught:
        services.nominee_merge(by=people.secretariat, duplicate=duplicate, into=keep)
    assert caught.value.code == "merge_conflict"


def test_search_without_diacritics_within_reach(kh: Kh, people: People) -> None:
    mine = NomineeFactory(name="Nguyễn Thị Hồng Đào", unit=kh.province.health)
    NomineeFactory(name="Nguyễn Thị Hồng Đào", unit=kh.province.home_affairs)

    assert list(services.nominee_search(people.officer, "hong dao")) == [mine]
    assert list(services.nominee_search(people.officer, "HỒNG ĐÀO")) == [mine]
    assert len(services.nominee_search(people.secretariat, "dao")) == 2
    assert list(services.nominee_search(UserFactory(), "dao")) == []
