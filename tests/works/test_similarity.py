"""No copy of a provincial work, and look-alikes shown before saving (KH 128 II.2)."""

from __future__ import annotations

import pytest

from tests.factories import CampaignFactory
from tests.factories.works import WorkFactory, register
from thidua.core.errors import DomainError
from thidua.works import services
from thidua.works.models import Work, WorkState
from thidua.works.selectors import similar_titles

ROAD = "Nâng cấp đường giao thông nông thôn ấp 3"
ROAD_PLAIN = "Nang cap duong giao thong nong thon ap 3"


@pytest.mark.parametrize(
    "title",
    ["San van dong tinh", "Sân vận động tỉnh (mới)", "SÂN VẬN ĐỘNG TỈNH", "Sân  vận động tỉnh"],
)
def test_work_create_copy_of_province_work_is_refused(kh, province, people, title):
    with pytest.raises(DomainError) as refused:
        register(people.a1_officer, kh, province.commune_a1, title=title, confirm_similar=True)

    assert refused.value.code == "duplicate_province_work"
    assert refused.value.message == (
        "Trùng với công trình của tỉnh “Sân vận động tỉnh”: KH yêu cầu không đăng ký trùng."
    )
    assert not Work.objects.exists()


def test_work_create_look_alike_of_another_units_work_lists_it(kh, province, people):
    other = WorkFactory(
        campaign=kh.campaign, unit=province.commune_a2, title=ROAD_PLAIN, state=WorkState.SUBMITTED
    )

    with pytest.raises(services.SimilarWorks) as similar:
        register(people.a1_officer, kh, province.commune_a1, title=ROAD)

    assert similar.value.code == "similar_works"
    assert similar.value.matches == [(1.0, ROAD_PLAIN, "Xã Hòa Ân", other.pk)]
    assert similar.value.message == (
        "Có công trình gần giống: “Nang cap duong giao thong nong thon ap 3” (Xã Hòa Ân). "
        "Kiểm tra lại, rồi xác nhận nếu không trùng."
    )
    assert Work.objects.count() == 1


def test_work_create_look_alike_saved_when_confirmed(kh, province, people):
    WorkFactory(campaign=kh.campaign, unit=province.commune_a2, title=ROAD_PLAIN)

    work = register(people.a1_officer, kh, province.commune_a1, title=ROAD, confirm_similar=True)

    assert Work.objects.get(pk=work.pk).title == ROAD
    assert work.search_text == "nang cap duong giao thong nong thon ap 3"
    assert [e.kind for e in work.events.all()] == ["created"]


@pytest.mark.parametrize(
    "title",
    [
        "Trường mẫu giáo Hoa Sen",
        "Sân vận động xã Phong Phú",
        "Nhà thi đấu tỉnh",
        "Đường giao thông",
    ],
)
def test_work_create_unrelated_title_passes(kh, province, people, title):
    WorkFactory(campaign=kh.campaign, unit=province.commune_a2, title=ROAD_PLAIN)

    work = register(people.a1_officer, kh, province.commune_a1, title=title)

    assert work.pk is not None
    assert work.state == WorkState.DRAFT


def test_work_create_ignores_cancelled_and_other_campaigns_works(kh, province, people):
    WorkFactory(
        campaign=kh.campaign, unit=province.commune_a2, title=ROAD_PLAIN, state=WorkState.CANCELLED
    )
    WorkFactory(
        campaign=CampaignFactory(issuer_unit=province.root), unit=province.commune_a2, title=ROAD
    )

    work = register(people.a1_officer, kh, province.commune_a1, title=ROAD)

    assert work.title == ROAD


def test_work_update_does_not_match_the_work_itself(kh, province, people):
    work = register(people.a1_officer, kh, province.commune_a1, title=ROAD)

    services.work_update(
        actor=people.a1_officer,
        work=work,
        data=services.WorkData(
            kind="construction",
            title=ROAD,
            planned_start=work.planned_start,
            planned_finish=work.planned_finish,
            description="Dài 1,2 km",
        ),
    )

    work.refresh_from_db()
    assert work.description == "Dài 1,2 km"


def test_work_update_to_copy_of_province_work_is_refused(kh, province, people):
    work = register(people.a1_officer, kh, province.commune_a1, title=ROAD)

    with pytest.raises(DomainError) as refused:
        services.work_update(
            actor=people.a1_officer,
            work=work,
            data=services.WorkData(
                kind="construction",
                title="san van dong tinh",
                planned_start=work.planned_start,
                planned_finish=work.planned_finish,
            ),
            confirm_similar=True,
        )

    assert refused.value.code == "duplicate_province_work"
    work.refresh_from_db()
    assert work.title == ROAD


def test_similar_titles_scores_best_first(kh, province):
    exact = WorkFactory(campaign=kh.campaign, unit=province.commune_a2, title=ROAD_PLAIN)
    close = WorkFactory(
        campaign=kh.campaign,
        unit=province.commune_b1,
        title="Nâng cấp đường giao thông nông thôn ấp Trà Kha",
    )
    WorkFactory(campaign=kh.campaign, unit=province.commune_b1, title="Đường giao thông")
    WorkFactory(campaign=kh.campaign, unit=province.commune_b1, title="Trường mẫu giáo Hoa Sen")

    found = similar_titles(kh.campaign, ROAD)

    assert found == [
        (1.0, ROAD_PLAIN, "Xã Hòa Ân", exact.pk),
        (0.953, "Nâng cấp đường giao thông nông thôn ấp Trà Kha", "Xã Tập Sơn", close.pk),
    ]


def test_similar_titles_marks_province_works_and_excludes_a_pk(kh, province):
    own = WorkFactory(campaign=kh.campaign, unit=province.commune_a1, title="Sân vận động tỉnh")

    found = similar_titles(kh.campaign, "san van dong tinh", exclude_pk=own.pk)
    with_own = similar_titles(kh.campaign, "san van dong tinh")

    assert found == [(1.0, "Sân vận động tỉnh", "province", None)]
    assert with_own == [
        (1.0, "Sân vận động tỉnh", "province", None),
        (1.0, "Sân vận động tỉnh", "Xã Phong Phú", own.pk),
    ]


def test_similar_titles_of_short_words_only_is_empty(kh):
    assert similar_titles(kh.campaign, "ấp 3") == []


def test_copy_of_provincial_work_allowed_when_the_rule_allows_it(kh, people, province):
    from thidua.campaigns.models import RegistrationRule

    RegistrationRule.objects.filter(campaign=kh.campaign).update(
        no_duplicate_of_campaign_works=False
    )

    work = register(
        people.a1_officer, kh, province.commune_a1, title="Sân vận động tỉnh", confirm_similar=True
    )

    assert work.title == "Sân vận động tỉnh"
