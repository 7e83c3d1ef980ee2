"""Campaigns through the API: visibility (leak tests), the full detail, dates, N+1."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import (
    CampaignFactory,
    PhaseFactory,
    ReportingRuleFactory,
    TargetFactory,
    member,
)
from thidua.accounts.models import Role
from thidua.campaigns.models import (
    CampaignAward,
    CampaignWork,
    ContentArea,
    Duty,
    LegalBasis,
    RegistrationRule,
)

LIST = "/api/v1/campaigns/"


def client_for(user) -> APIClient:
    """An API client sending the user's token, as a program would."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def detail_url(campaign) -> str:
    return f"{LIST}{campaign.pk}/"


def codes(response) -> list[str]:
    return [row["code"] for row in response.json()["results"]]


@pytest.fixture
def commune_officer(province):
    return member(province.commune_a1, Role.UNIT_OFFICER)


def test_campaign_of_province_visible_to_commune_officer(province, commune_officer):
    campaign = CampaignFactory(issuer_unit=province.root, title="Chào mừng Đại hội")
    client = client_for(commune_officer)

    listed = client.get(LIST)
    detail = client.get(detail_url(campaign))

    assert codes(listed) == [campaign.code]
    assert detail.status_code == 200
    assert detail.json()["title"] == "Chào mừng Đại hội"
    assert detail.json()["issuer_unit"] == {
        "id": province.root.pk,
        "code": "P",
        "name": "UBND tỉnh Thử",
    }


def test_campaign_of_other_district_hidden_from_commune_officer(province, commune_officer):
    own = CampaignFactory(issuer_unit=province.district_a)
    other = CampaignFactory(issuer_unit=province.district_b)
    client = client_for(commune_officer)

    listed = client.get(LIST)
    detail = client.get(detail_url(other))

    assert codes(listed) == [own.code]
    assert detail.status_code == 404
    assert detail.json() == {"detail": "Không tìm thấy.", "code": "not_found", "errors": {}}


def test_hidden_campaign_answers_like_missing_one(province, commune_officer):
    other = CampaignFactory(issuer_unit=province.district_b)
    client = client_for(commune_officer)

    hidden = client.get(detail_url(other))
    missing = client.get(f"{LIST}999999/")

    assert hidden.status_code == missing.status_code == 404
    assert hidden.json() == missing.json()


def test_draft_visible_to_secretariat_only(province, commune_officer):
    draft = CampaignFactory(issuer_unit=province.root, status="draft")
    secretariat = member(province.home_affairs, Role.SECRETARIAT)

    as_secretariat = client_for(secretariat)
    as_officer = client_for(commune_officer)

    assert codes(as_secretariat.get(LIST)) == [draft.code]
    assert as_secretariat.get(detail_url(draft)).json()["status"] == "draft"
    assert codes(as_officer.get(LIST)) == []
    assert as_officer.get(detail_url(draft)).status_code == 404


def test_campaign_list_row_shows_document_and_dates(province, commune_officer):
    campaign = CampaignFactory(
        issuer_unit=province.root,
        doc_number="128/KH-UBND",
        start=dt.date(2024, 11, 1),
        start_precision="month",
        end=dt.date(2025, 9, 1),
        end_precision="month",
    )

    row = client_for(commune_officer).get(LIST).json()["results"][0]

    assert row["id"] == campaign.pk
    assert row["url"] == f"http://testserver{LIST}{campaign.pk}/"
    assert row["doc_number"] == "128/KH-UBND"
    assert row["doc_date"] == "2024-11-11"
    assert row["issuer_name"] == "Ủy ban nhân dân tỉnh"
    assert row["status"] == "active"
    assert row["status_label"] == "Đang triển khai"
    assert (row["start"], row["start_precision"], row["start_stated"]) == (
        "2024-11-01",
        "month",
        "2024-11",
    )
    assert (row["end"], row["end_precision"], row["end_stated"]) == (
        "2025-09-30",
        "month",
        "2025-09",
    )


def test_campaign_search_ignores_diacritics(province, commune_officer):
    wanted = CampaignFactory(issuer_unit=province.root, title="Chào mừng Đại hội Đảng bộ")
    CampaignFactory(issuer_unit=province.root, title="Chuyển đổi số")
    client = client_for(commune_officer)

    found = client.get(LIST, {"search": "dai hoi dang"})
    none = client.get(LIST, {"search": "khong co gi"})

    assert codes(found) == [wanted.code]
    assert none.json()["count"] == 0


def test_campaign_search_too_long_refused(province, commune_officer):
    response = client_for(commune_officer).get(LIST, {"search": "a" * 201})

    assert response.status_code == 400
    assert response.json()["errors"] == {"search": ["Chuỗi tìm kiếm dài quá 200 ký tự."]}


@pytest.mark.parametrize("pk", ["abc", "1.5", "-1", "99999999999999999999999"])
def test_campaign_detail_with_bad_id_is_404(province, commune_officer, pk):
    response = client_for(commune_officer).get(f"{LIST}{pk}/")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_bad_page_refused_with_message(province, commune_officer):
    CampaignFactory(issuer_unit=province.root)

    response = client_for(commune_officer).get(LIST, {"page": "abc"})

    assert response.status_code == 404
    assert response.json()["detail"].startswith("Trang không tồn tại")


def test_campaign_detail_phases_have_iso_dates(province, commune_officer):
    campaign = CampaignFactory(issuer_unit=province.root)
    PhaseFactory(
        campaign=campaign, position=1, code="dot-1", name="Đợt 1",
        start=dt.date(2024, 11, 1), start_precision="month",
        end=dt.date(2025, 4, 30), end_precision="day",
    )  # fmt: skip
    PhaseFactory(
        campaign=campaign, position=2, code="dot-2", name="Đợt 2",
        start=dt.date(2025, 5, 1), start_precision="month",
        end=dt.date(2025, 9, 1), end_precision="month",
    )  # fmt: skip

    phases = client_for(commune_officer).get(detail_url(campaign)).json()["phases"]

    assert phases == [
        {
            "code": "dot-1", "name": "Đợt 1",
            "start": "2024-11-01", "start_precision": "month", "start_stated": "2024-11",
            "end": "2025-04-30", "end_precision": "day", "end_stated": "2025-04-30",
            "review": "",
        },
        {
            "code": "dot-2", "name": "Đợt 2",
            "start": "2025-05-01", "start_precision": "month", "start_stated": "2025-05",
            "end": "2025-09-30", "end_precision": "month", "end_stated": "2025-09",
            "review": "",
        },
    ]  # fmt: skip


def test_campaign_detail_targets_have_numeric_values(province, commune_officer):
    campaign = CampaignFactory(issuer_unit=province.root)
    TargetFactory(
        campaign=campaign, position=1, code="T01", indicator="Tăng trưởng GRDP",
        kind="per_year", comparator="between", value=Decimal("10"), value_max=Decimal("11"),
        period_from=dt.date(2020, 1, 1), period_from_precision="year",
        period_to=dt.date(2025, 1, 1), period_to_precision="year",
    )  # fmt: skip
    TargetFactory(campaign=campaign, position=2, code="T02", value=Decimal("99.5"))
    TargetFactory(campaign=campaign, unit=province.commune_a1, code="T99")  # a unit's own

    targets = client_for(commune_officer).get(detail_url(campaign)).json()["targets"]

    assert [t["code"] for t in targets] == ["T01", "T02"]
    first, second = targets
    assert isinstance(first["value"], int | float) and first["value"] == 10
    assert isinstance(first["value_max"], int | float) and first["value_max"] == 11
    assert isinstance(second["value"], float) and second["value"] == 99.5
    assert second["value_max"] is None
    assert (first["period_from"], first["period_from_stated"]) == ("2020-01-01", "2020")
    assert (first["period_to"], first["period_to_stated"]) == ("2025-12-31", "2025")
    assert (second["period_from"], second["period_from_precision"]) == (None, None)
    assert (first["kind"], first["comparator"], first["measure_unit"]) == (
        "per_year",
        "between",
        "%",
    )


def test_campaign_with_month_start_shows_first_day(province, commune_officer):
    campaign = CampaignFactory(
        issuer_unit=province.root, start=dt.date(2024, 11, 1), start_precision="month"
    )

    body = client_for(commune_officer).get(detail_url(campaign)).json()

    assert body["start"] == "2024-11-01"
    assert body["start_precision"] == "month"
    assert body["start_stated"] == "2024-11"


def test_campaign_detail_reporting_calendar(province, commune_officer):
    campaign = CampaignFactory(issuer_unit=province.root)
    ReportingRuleFactory(campaign=campaign, weekend_policy="previous_working_day")

    body = client_for(commune_officer).get(detail_url(campaign)).json()

    assert body["reporting_rule"]["due_day"] == 15
    assert body["reporting_rule"]["recipient_name"] == "Sở Nội vụ (Ban Thi đua - Khen thưởng)"
    calendar = body["reporting_calendar"]
    assert [due["quarter"] for due in calendar] == ["IV/2024", "I/2025", "II/2025", "III/2025"]
    # 15/12/2024 is a Sunday: due on Friday 13/12/2024.
    assert calendar[0] == {
        "quarter": "IV/2024", "year": 2024, "number": 4,
        "nominal_due": "2024-12-15", "effective_due": "2024-12-13", "moved": True,
    }  # fmt: skip


def test_campaign_without_reporting_rule_has_empty_calendar(province, commune_officer):
    campaign = CampaignFactory(issuer_unit=province.root)

    body = client_for(commune_officer).get(detail_url(campaign)).json()

    assert body["reporting_rule"] is None
    assert body["reporting_calendar"] == []


def furnish(campaign, province, n: int) -> None:
    """Give ``campaign`` ``n`` of every part its page shows."""
    for i in range(1, n + 1):
        area = ContentArea.objects.create(
            campaign=campaign, position=i, code=f"ND{i}", title=f"Lĩnh vực {i}"
        )
        LegalBasis.objects.create(
            campaign=campaign, position=i, doc_kind="Chỉ thị", number=f"{i}/CT-TTg",
            date=dt.date(2024, 10, 15), issuer="Thủ tướng Chính phủ",
        )  # fmt: skip
        PhaseFactory(campaign=campaign, position=i, code=f"dot-{i}")
        TargetFactory(campaign=campaign, position=i, code=f"T{i:02d}", content_area=area)
        RegistrationRule.objects.create(
            campaign=campaign, position=i, unit_kinds=["district"], minimum=2,
            work_kinds=["construction", "project"],
        )  # fmt: skip
        CampaignWork.objects.create(
            campaign=campaign, position=i, code=f"CT{i}", title=f"Công trình {i}",
            stage="finish", deadline=dt.date(2025, 9, 1), deadline_precision="month",
            content_area=area,
        )  # fmt: skip
        CampaignAward.objects.create(
            campaign=campaign, position=i, code=f"BK{i}", name="Bằng khen của Chủ tịch UBND tỉnh",
            grantors=[{"title": "Chủ tịch UBND tỉnh"}], subjects=["collective", "individual"],
        )  # fmt: skip
        duty = Duty.objects.create(
            campaign=campaign,
            position=i,
            section=f"IV.{i}",
            agencies=["Sở Nội vụ"],
            text="Theo dõi.",
        )
        duty.agency_units.add(province.home_affairs, province.health)
    ReportingRuleFactory(campaign=campaign, recipient_unit=province.home_affairs)


def test_campaign_detail_shows_the_whole_plan(province, commune_officer):
    campaign = CampaignFactory(
        issuer_unit=province.root, signer_authority="KT.", purposes=["Tạo khí thế thi đua."]
    )
    furnish(campaign, province, 1)

    body = client_for(commune_officer).get(detail_url(campaign)).json()

    assert body["signer"] == {"name": "Lê Văn A", "position": "Chủ tịch", "authority": "KT."}
    assert body["purposes"] == ["Tạo khí thế thi đua."]
    assert body["legal_bases"][0]["number"] == "1/CT-TTg"
    assert body["content_areas"] == [{"code": "ND1", "title": "Lĩnh vực 1", "description": ""}]
    assert body["targets"][0]["content_area"] == "ND1"
    assert body["registration_rules"][0]["minimum"] == 2
    work = body["campaign_works"][0]
    assert (work["code"], work["content_area"], work["deadline"], work["deadline_stated"]) == (
        "CT1",
        "ND1",
        "2025-09-30",
        "2025-09",
    )
    assert body["awards"]["forms"][0]["subjects"] == ["collective", "individual"]
    assert body["duties"][0]["agency_units"] == [
        {"id": province.home_affairs.pk, "code": "P-SNV", "name": "Sở Nội vụ"},
        {"id": province.health.pk, "code": "P-SYT", "name": "Sở Y tế"},
    ]
    assert body["reporting_rule"]["recipient_unit"]["code"] == "P-SNV"


def count_queries(client: APIClient, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_campaign_list_queries_do_not_grow(province, commune_officer):
    client = client_for(commune_officer)
    CampaignFactory(issuer_unit=province.root)
    one = count_queries(client, LIST)
    CampaignFactory.create_batch(2, issuer_unit=province.district_a)

    three = count_queries(client, LIST)

    assert client.get(LIST).json()["count"] == 3
    # token + memberships (reach) + count + page
    assert one == three == 4


def test_campaign_detail_queries_do_not_grow(province, commune_officer):
    client = client_for(commune_officer)
    small = CampaignFactory(issuer_unit=province.root)
    furnish(small, province, 1)
    large = CampaignFactory(issuer_unit=province.root)
    furnish(large, province, 3)

    one = count_queries(client, detail_url(small))
    three = count_queries(client, detail_url(large))

    assert len(client.get(detail_url(large)).json()["phases"]) == 3
    # token + memberships + campaign + 8 prefetched parts + duties' units
    assert one == three == 12
