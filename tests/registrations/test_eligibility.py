"""The rule "nobody is nominated for an annual title they did not register for", plugged
into the awards eligibility registry: both sides, warn by default, block as a setting."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import CampaignFactory, PhaseFactory
from tests.factories.awards import NominationFactory, NomineeFactory
from tests.factories.registrations import form, registration_in
from thidua.awards.eligibility import check_nomination
from thidua.awards.eligibility.registry import registry
from thidua.awards.models import AwardBasis, Nominee
from thidua.registrations.eligibility import CODE
from thidua.registrations.models import RegistrationSetting, RegistrationState, Severity

S = RegistrationState


@pytest.fixture
def year_phase(province):
    campaign = CampaignFactory(
        issuer_unit=province.root,
        start=dt.date(2026, 1, 1),
        end=dt.date(2026, 12, 31),
        kind="regular",
    )
    return PhaseFactory(campaign=campaign, start=dt.date(2026, 1, 1), end=dt.date(2026, 12, 31))


def _nomination(phase, unit, nominee, code="ldtt", basis=AwardBasis.ANNUAL):
    return NominationFactory(
        campaign=phase.campaign,
        phase=phase,
        proposer_unit=unit,
        nominee=nominee,
        form=form(code),
        basis=basis,
    )


def _result(nomination):
    results = check_nomination(nomination, as_of=dt.date(2026, 12, 1))
    return next((r for r in results if r.code == CODE), None)


def test_check_is_in_the_registry(forms):
    assert registry.get(CODE) is not None


def test_registered_nominee_passes(province, people, year_phase):
    registration_in(S.SUBMITTED, province.commune_a1, people.a1_officer, people.a1_head)
    hoa = Nominee.objects.get(name="Nguyễn Thị Hoa")

    result = _result(_nomination(year_phase, province.commune_a1, hoa))

    assert result.ok
    assert "đã đăng ký “Lao động tiên tiến” năm 2026" in result.message


def test_unregistered_nominee_warns_by_default(province, people, year_phase):
    registration_in(S.SUBMITTED, province.commune_a1, people.a1_officer, people.a1_head)
    other = NomineeFactory(name="Phạm Văn Chưa", unit=province.commune_a1)

    result = _result(_nomination(year_phase, province.commune_a1, other))

    assert (result.ok, result.severity, result.blocks) == (False, "warn", False)
    assert "chưa đăng ký “Lao động tiên tiến” năm 2026" in result.message
    assert "cài đặt do Ban Thi đua – Khen thưởng xác nhận" in result.message
    assert result.note  # the Ban TĐKT is told that the setting awaits confirmation


def test_registered_for_another_title_or_year_does_not_count(province, people, year_phase):
    registration_in(S.SUBMITTED, province.commune_a1, people.a1_officer, people.a1_head, year=2025)
    hoa = Nominee.objects.get(name="Nguyễn Thị Hoa")

    for_2026 = _nomination(year_phase, province.commune_a1, hoa)
    result_2026 = _result(for_2026)
    for_2026.form = form("cstdcs")

    assert not result_2026.ok
    assert not _result(for_2026).ok


def test_a_draft_registration_does_not_count(province, people, year_phase):
    registration_in(S.DRAFT, province.commune_a1, people.a1_officer, people.a1_head)
    hoa = Nominee.objects.get(name="Nguyễn Thị Hoa")

    assert not _result(_nomination(year_phase, province.commune_a1, hoa)).ok


def test_province_setting_blocks(province, people, year_phase):
    RegistrationSetting.objects.create(
        province=province.root,
        year=2026,
        deadline=dt.date(2026, 2, 28),
        severity=Severity.BLOCK,
        source="Hướng dẫn số 1/HD-UBND của UBND tỉnh",
    )
    other = NomineeFactory(name="Phạm Văn Chưa", unit=province.commune_a1)

    result = _result(_nomination(year_phase, province.commune_a1, other))

    assert (result.ok, result.blocks) == (False, True)
    assert result.article == "Hướng dẫn số 1/HD-UBND của UBND tỉnh"
    assert result.note == ""


def test_campaign_basis_or_non_title_is_not_checked(province, people, year_phase):
    other = NomineeFactory(name="Phạm Văn Chưa", unit=province.commune_a1)

    campaign_basis = _nomination(year_phase, province.commune_a1, other, basis=AwardBasis.CAMPAIGN)
    not_a_title = NomineeFactory(name="Phạm Văn Khác", unit=province.commune_a1)
    bang_khen = _nomination(year_phase, province.commune_a1, not_a_title, code="bang-khen-tinh")

    assert _result(campaign_basis) is None
    assert _result(bang_khen) is None


def test_collective_registration_counts_for_the_unit(province, people, year_phase):
    from tests.factories.registrations import collective
    from thidua.registrations.workflow import entry_add, registration_submit

    registration = registration_in(S.DRAFT, province.commune_a1, people.a1_officer, people.a1_head)
    entry_add(actor=people.a1_officer, registration=registration, data=collective("ttldtt"))
    registration_submit(actor=people.a1_head, registration=registration)
    unit_nominee = Nominee.objects.get(name="Xã Phong Phú", kind="collective")

    result = _result(_nomination(year_phase, province.commune_a1, unit_nominee, code="ttldtt"))

    assert result.ok
