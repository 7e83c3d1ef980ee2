"""A campaign's stage by date, and closing it through the workflow engine."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.test import Client

from tests.factories import CampaignFactory, member
from thidua.accounts.models import Role, Scope
from thidua.campaigns.lifecycle import Stage, campaign_close, campaign_stage
from thidua.campaigns.models import CampaignEvent, CampaignStatus
from thidua.core.errors import DomainError, NotPermitted

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def campaign(province):
    """A province campaign of 11/2024 – 30/09/2025, covering the whole province."""
    return CampaignFactory(issuer_unit=province.root)


@pytest.fixture
def secretariat(province):
    return member(province.home_affairs, Role.SECRETARIAT, Scope.SUBTREE)


@pytest.mark.parametrize(
    ("today", "stage"),
    [
        (dt.date(2024, 10, 31), Stage.NOT_STARTED),
        (dt.date(2024, 11, 1), Stage.RUNNING),
        (dt.date(2025, 9, 30), Stage.RUNNING),
        (dt.date(2025, 10, 1), Stage.ENDED),
        (dt.date(2026, 12, 7), Stage.ENDED),
    ],
)
def test_stage_follows_the_dates_of_a_running_campaign(campaign, today, stage):
    result = campaign_stage(campaign, today)

    assert result.stage is stage
    assert result.last_day == dt.date(2025, 9, 30)
    assert result.may_close is (stage is Stage.ENDED)


def test_stage_of_a_closed_or_draft_campaign_ignores_the_dates(campaign):
    campaign.status = CampaignStatus.DRAFT  # arranging a draft, not a transition

    draft = campaign_stage(campaign, dt.date(2025, 1, 1))

    assert draft.stage is Stage.DRAFT


def test_close_writes_the_status_and_an_event(campaign, secretariat):
    closed = campaign_close(actor=secretariat, campaign=campaign, note="BC tổng kết số 12")

    campaign.refresh_from_db()
    assert closed.status == CampaignStatus.CLOSED == campaign.status
    event = CampaignEvent.objects.get(campaign=campaign, kind="close")
    assert event.actor == secretariat
    assert event.payload == {"note": "BC tổng kết số 12"}
    assert campaign_stage(campaign, dt.date(2026, 1, 1)).stage is Stage.CLOSED


def test_close_twice_is_refused_with_the_reason(campaign, secretariat):
    campaign_close(actor=secretariat, campaign=campaign)

    with pytest.raises(DomainError, match="Đã kết thúc"):
        campaign_close(actor=secretariat, campaign=campaign)

    assert CampaignEvent.objects.filter(campaign=campaign, kind="close").count() == 1


def test_a_unit_officer_cannot_close(campaign, province):
    officer = member(province.commune_a1)

    with pytest.raises(NotPermitted):
        campaign_close(actor=officer, campaign=campaign)

    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.ACTIVE
    assert not CampaignEvent.objects.filter(campaign=campaign).exists()


@time_machine.travel(dt.datetime(2026, 12, 7, 9, 0), tick=False)
def test_page_says_ended_and_offers_closing_to_the_secretariat_only(
    campaign, secretariat, province
):
    officer_page = client_for(member(province.commune_a1)).get(f"/phong-trao/{campaign.pk}/")
    page = client_for(secretariat).get(f"/phong-trao/{campaign.pk}/").content.decode()

    assert "Đã hết thời gian, chờ tổng kết" in page
    assert "Đang triển khai" not in page
    assert f"/phong-trao/{campaign.pk}/ket-thuc/" in page
    assert "Đã hết thời gian, chờ tổng kết" in officer_page.content.decode()
    assert "/ket-thuc/" not in officer_page.content.decode()


@time_machine.travel(dt.datetime(2026, 12, 7, 9, 0), tick=False)
def test_close_page_summarises_then_needs_confirmation(campaign, secretariat):
    client = client_for(secretariat)
    url = f"/phong-trao/{campaign.pk}/ket-thuc/"

    summary = client.get(url).content.decode()
    unconfirmed = client.post(url, {"note": "x"})
    campaign.refresh_from_db()
    status_before = campaign.status
    confirmed = client.post(url, {"note": "BC 12", "confirm": "yes"})
    campaign.refresh_from_db()

    assert "Không thể hoàn tác." in summary
    assert "30/09/2025" in summary
    assert unconfirmed.status_code == 400
    assert "Hãy đánh dấu ô xác nhận" in unconfirmed.content.decode()
    assert status_before == CampaignStatus.ACTIVE
    assert confirmed.status_code == 302
    assert campaign.status == CampaignStatus.CLOSED


def test_close_page_refuses_a_unit_officer_and_hides_other_provinces(campaign, province):
    officer = client_for(member(province.commune_a1))
    stranger = client_for(member(CampaignFactory().issuer_unit, Role.SECRETARIAT, Scope.SUBTREE))

    refused = officer.post(f"/phong-trao/{campaign.pk}/ket-thuc/", {"confirm": "yes"})
    hidden = stranger.get(f"/phong-trao/{campaign.pk}/ket-thuc/")

    campaign.refresh_from_db()
    assert refused.status_code == 403
    assert hidden.status_code == 404
    assert campaign.status == CampaignStatus.ACTIVE
