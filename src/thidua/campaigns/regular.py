"""The province's regular campaign of a year (phong trào thi đua thường xuyên): opened by
the Ban Thi đua – Khen thưởng from the fields of the province's plan (its number, date and
signer), with one phase covering the calendar year. A year's annual-title nominations
(basis ANNUAL: LĐTT, CSTĐ, TTLĐTT, TTLĐXS, Cờ thi đua) live in it (Luật Thi đua, khen
thưởng 2022 Điều 16: thi đua thường xuyên is organised by year)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from thidua.accounts.selectors import secretariat_covers
from thidua.campaigns.codes import EventKind
from thidua.campaigns.models import Campaign, CampaignEvent, CampaignKind, Phase
from thidua.campaigns.selectors import regular_campaign
from thidua.core.errors import DomainError, NotPermitted
from thidua.core.text import nfc
from thidua.organisations.models import Unit, UnitKind


@dataclass(frozen=True)
class YearPlan:
    """What the Ban TĐKT types from the province's plan of the year: its number and date,
    who signed it, and optionally its title and place (default: the province's name)."""

    doc_number: str
    doc_date: dt.date
    signer_name: str
    signer_position: str
    signer_authority: str = "KT."
    title: str = ""
    doc_place: str = ""
    illustrative: bool = False


def regular_code(province: Unit, year: int) -> str:
    """The code of the province's regular campaign of ``year`` (unique among campaigns)."""
    return f"thuong-xuyen-{province.code.lower()}-{year}"


def _check(by: Any, province: Unit, year: int, plan: YearPlan) -> None:
    if not secretariat_covers(by, province.path):
        raise NotPermitted()
    if province.kind != UnitKind.PROVINCE:
        raise DomainError(_("Phong trào thi đua thường xuyên của năm do UBND tỉnh phát động."))
    if not 2000 <= year <= 2100:
        raise DomainError(_("Năm không hợp lệ."), field="year")
    if not plan.doc_number.strip():
        raise DomainError(_("Hãy nhập số, ký hiệu kế hoạch."), field="doc_number")
    if not plan.signer_name.strip() or not plan.signer_position.strip():
        raise DomainError(_("Hãy nhập người ký và chức vụ."), field="signer_name")
    if plan.doc_date.year not in (year - 1, year):
        raise DomainError(
            _("Kế hoạch của năm %(year)s phải ban hành trong năm %(before)s hoặc %(year)s.")
            % {"year": year, "before": year - 1},
            field="doc_date",
        )


def open_year(*, by: Any, province: Unit, year: int, plan: YearPlan) -> Campaign:
    """Open ``year`` for ``province``: its regular campaign (kind REGULAR, running) with one
    phase "Năm YYYY" from 01/01 to 31/12, from the Ban TĐKT's fields (``plan``).
    Idempotent: a year already opened is returned unchanged (no second campaign, no
    event). Only the Ban TĐKT covering the province (or an admin) may open it."""
    _check(by, province, year, plan)
    return regular_campaign_ensure(by=by, province=province, year=year, plan=plan)


def regular_campaign_ensure(*, by: Any, province: Unit, year: int, plan: YearPlan) -> Campaign:
    """The writing half of ``open_year``, without its permission check: the demo (which
    runs before any Ban TĐKT account exists) and ``open_year`` call it. Idempotent."""
    existing = regular_campaign(province, year)
    if existing is not None:
        return existing
    # Stored text is the document's own Vietnamese, never a translation of the page.
    title = nfc(plan.title.strip()) or f"Phong trào thi đua yêu nước năm {year}"
    with transaction.atomic():
        campaign = Campaign(
            code=regular_code(province, year),
            title=title,
            kind=CampaignKind.REGULAR,
            # Running from the start (the model's default status): the plan is issued.
            illustrative=plan.illustrative,
            issuer_unit=province,
            doc_kind="Kế hoạch",
            doc_number=nfc(plan.doc_number.strip()),
            doc_date=plan.doc_date,
            doc_place=nfc(plan.doc_place.strip()) or province.name.replace("UBND tỉnh ", ""),
            issuer_name="Ủy ban nhân dân tỉnh",
            signer_name=nfc(plan.signer_name.strip()),
            signer_position=nfc(plan.signer_position.strip()),
            signer_authority=plan.signer_authority,
            start=dt.date(year, 1, 1),
            start_precision="day",
            end=dt.date(year, 12, 31),
            end_precision="day",
        )
        campaign.full_clean()
        campaign.save()
        Phase.objects.create(
            campaign=campaign,
            code=f"nam-{year}",
            name=f"Năm {year}",
            start=dt.date(year, 1, 1),
            start_precision="day",
            end=dt.date(year, 12, 31),
            end_precision="day",
            review="tổng kết năm",
        )
        CampaignEvent.objects.create(
            campaign=campaign,
            actor=by,
            kind=EventKind.YEAR_OPENED,
            payload={"year": year, "doc_number": campaign.doc_number},
        )
    return campaign


def year_phase(campaign: Campaign) -> Phase:
    """The one phase of a regular campaign (the year)."""
    phase = campaign.phases.order_by("position", "pk").first()
    if phase is None:
        raise DomainError(_("Phong trào thường xuyên của năm chưa có đợt; hãy mở lại năm."))
    return phase
