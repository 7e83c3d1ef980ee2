"""The issuing level's own works (KH 128 II.2.a) registered under the plan's title."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories.works import work_data
from thidua.core.errors import DomainError, NotPermitted
from thidua.works import services
from thidua.works.models import WorkEvent


def test_campaign_work_registered_with_plan_title_and_deadline(kh, people):
    work = services.campaign_work_register(
        actor=people.secretariat, campaign_work=kh.province_work, data=work_data(title="x")
    )

    assert work.title == "Sân vận động tỉnh"
    assert work.unit == kh.campaign.issuer_unit
    assert work.campaign_work == kh.province_work
    assert work.deadline == dt.date(2025, 9, 30)
    assert WorkEvent.objects.get(work=work).payload == {"campaign_work": "CT01"}


def test_campaign_work_registered_once(kh, people):
    services.campaign_work_register(
        actor=people.secretariat, campaign_work=kh.province_work, data=work_data()
    )

    with pytest.raises(DomainError, match="đã được đăng ký"):
        services.campaign_work_register(
            actor=people.secretariat, campaign_work=kh.province_work, data=work_data()
        )


def test_campaign_work_not_registered_by_a_commune(kh, people):
    with pytest.raises(NotPermitted):
        services.campaign_work_register(
            actor=people.a1_officer, campaign_work=kh.province_work, data=work_data()
        )
