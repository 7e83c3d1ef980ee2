"""Report periods from the reporting rule, the weekend setting, and who owes a report."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.factories import CampaignFactory, Province, UnitFactory, member
from tests.factories.reports import Kh, at, report_of
from thidua.accounts.models import Role
from thidua.campaigns.models import Campaign
from thidua.core.dates import WeekendPolicy
from thidua.organisations.models import Unit, UnitKind
from thidua.reports.models import ReportEvent, ReportPeriod, UnitReport
from thidua.reports.selectors import participating_units
from thidua.reports.services import report_periods_generate, report_save, report_submit

D = dt.date
NOMINAL = [D(2024, 12, 15), D(2025, 3, 15), D(2025, 6, 15), D(2025, 9, 15)]
EFFECTIVE = {
    WeekendPolicy.KEEP: NOMINAL,
    WeekendPolicy.PREVIOUS_WORKING_DAY: [
        D(2024, 12, 13), D(2025, 3, 14), D(2025, 6, 13), D(2025, 9, 15),
    ],
    WeekendPolicy.NEXT_WORKING_DAY: [
        D(2024, 12, 16), D(2025, 3, 17), D(2025, 6, 16), D(2025, 9, 15),
    ],
}  # fmt: skip
DIRECT = {"P-SNV", "P-SYT", "P-A", "P-B"}  # departments and districts; communes report via them


def periods(kh: Kh) -> list[ReportPeriod]:
    return list(ReportPeriod.objects.filter(campaign=kh.campaign).order_by("year", "number"))


def set_policy(kh: Kh, policy: WeekendPolicy) -> None:
    kh.rule.weekend_policy = policy.value
    kh.rule.save()


def test_generate_kh128_periods_and_nominal_due_dates(kh: Kh) -> None:
    result = report_periods_generate(kh.campaign)

    rows = [
        (p.label, p.year, p.number, p.start, p.end, p.nominal_due, p.effective_due)
        for p in periods(kh)
    ]
    assert rows == [
        ("Quý IV/2024", 2024, 4, D(2024, 10, 1), D(2024, 12, 31), NOMINAL[0], NOMINAL[0]),
        ("Quý I/2025", 2025, 1, D(2025, 1, 1), D(2025, 3, 31), NOMINAL[1], NOMINAL[1]),
        ("Quý II/2025", 2025, 2, D(2025, 4, 1), D(2025, 6, 30), NOMINAL[2], NOMINAL[2]),
        ("Quý III/2025", 2025, 3, D(2025, 7, 1), D(2025, 9, 30), NOMINAL[3], NOMINAL[3]),
    ]
    # Chủ nhật, Thứ Bảy, Chủ nhật, Thứ Hai (Monday is 0).
    assert [day.weekday() for day in NOMINAL] == [6, 5, 6, 0]
    assert (result.periods, result.periods_created, result.periods_updated) == (4, 4, 0)
    assert result.reports_created == 16  # 4 direct reporters × 4 quarters


@pytest.mark.parametrize("policy", list(WeekendPolicy), ids=str)
def test_generate_effective_due_follows_weekend_policy(kh: Kh, policy: WeekendPolicy) -> None:
    set_policy(kh, policy)

    report_periods_generate(kh.campaign)

    assert [p.nominal_due for p in periods(kh)] == NOMINAL
    assert [p.effective_due for p in periods(kh)] == EFFECTIVE[policy]


def test_generate_again_after_policy_change_moves_only_effective_due(kh: Kh) -> None:
    report_periods_generate(kh.campaign)
    before = {p.pk: p.nominal_due for p in periods(kh)}
    reports_before = set(UnitReport.objects.values_list("pk", flat=True))
    set_policy(kh, WeekendPolicy.PREVIOUS_WORKING_DAY)

    result = report_periods_generate(kh.campaign)

    after = periods(kh)
    assert {p.pk: p.nominal_due for p in after} == before
    assert [p.effective_due for p in after] == EFFECTIVE[WeekendPolicy.PREVIOUS_WORKING_DAY]
    assert (result.periods_created, result.periods_updated, result.reports_created) == (0, 3, 0)
    assert set(UnitReport.objects.values_list("pk", flat=True)) == reports_before


def test_generate_twice_changes_nothing(kh: Kh) -> None:
    report_periods_generate(kh.campaign)
    snapshot = list(ReportPeriod.objects.values_list("pk", "label", "effective_due"))
    reports = list(UnitReport.objects.values_list("pk", "period_id", "unit_id", "state"))
    events = ReportEvent.objects.count()

    result = report_periods_generate(kh.campaign)

    assert (result.periods_created, result.periods_updated, result.reports_created) == (0, 0, 0)
    assert list(ReportPeriod.objects.values_list("pk", "label", "effective_due")) == snapshot
    assert list(UnitReport.objects.values_list("pk", "period_id", "unit_id", "state")) == reports
    assert ReportEvent.objects.count() == events == 16


def test_generate_one_open_report_per_direct_reporter_with_created_event(kh: Kh) -> None:
    report_periods_generate(kh.campaign)

    for period in periods(kh):
        reports = UnitReport.objects.filter(period=period)
        assert set(reports.values_list("unit__code", flat=True)) == DIRECT, period.label
        assert set(reports.values_list("state", flat=True)) == {"open"}
    assert set(ReportEvent.objects.values_list("kind", "to_state", "actor")) == {
        ("created", "open", None)
    }


def test_participating_units_include_mass_organisations_and_enterprises(
    kh: Kh, province: Province
) -> None:
    union = UnitFactory(code="P-LDLD", kind=UnitKind.MASS_ORGANISATION, parent=province.root)
    company = UnitFactory(code="P-DN", kind=UnitKind.ENTERPRISE, parent=province.root)
    elsewhere = UnitFactory(code="X-SYT", kind=UnitKind.DEPARTMENT)  # not under the issuer

    units = set(participating_units(kh.campaign, D(2024, 12, 31)))

    assert {union, company} <= units
    assert elsewhere not in units
    assert province.root not in units  # the issuer does not report to itself
    assert not {u for u in units if u.kind == UnitKind.COMMUNE}


def test_generate_dissolved_unit_gets_no_report_after_its_end(kh: Kh, province: Province) -> None:
    Unit.objects.filter(pk=province.district_b.pk).update(valid_to=D(2025, 6, 30))
    merged = UnitFactory(code="P-SNNMT", kind=UnitKind.DEPARTMENT, parent=province.root)
    Unit.objects.filter(pk=merged.pk).update(valid_from=D(2025, 3, 1))
    Unit.objects.filter(pk=province.health.pk).update(valid_to=D(2025, 2, 28))

    report_periods_generate(kh.campaign)

    by_unit = {
        code: [p.label for p in periods(kh) if UnitReport.objects.filter(period=p, unit__code=code)]
        for code in ("P-B", "P-SNNMT", "P-SYT", "P-SNV")
    }
    assert by_unit == {
        "P-B": ["Quý IV/2024", "Quý I/2025", "Quý II/2025"],  # ended 30/6/2025 (valid that day)
        "P-SNNMT": ["Quý I/2025", "Quý II/2025", "Quý III/2025"],  # from 01/3/2025
        "P-SYT": ["Quý IV/2024"],  # merged away on 28/02/2025, before Q1's end
        "P-SNV": ["Quý IV/2024", "Quý I/2025", "Quý II/2025", "Quý III/2025"],
    }


def test_generate_new_unit_added_later_gets_its_reports_on_rerun(
    kh: Kh, province: Province
) -> None:
    report_periods_generate(kh.campaign)
    union = UnitFactory(code="P-HND", kind=UnitKind.MASS_ORGANISATION, parent=province.root)

    result = report_periods_generate(kh.campaign)

    assert result.reports_created == 4
    assert UnitReport.objects.filter(unit=union).count() == 4


def test_generate_policy_change_rejudges_submitted_lateness(kh: Kh, province: Province) -> None:
    report_periods_generate(kh.campaign)
    head = member(province.health, Role.UNIT_HEAD)
    q4 = periods(kh)[0]
    report = report_of(q4, province.health)
    with at(2024, 12, 16, 9):  # Monday after Sunday 15/12: late under "keep"
        report_save(actor=head, report=report, summary="Kết quả quý IV")
        report_submit(actor=head, report=report)
    report.refresh_from_db()
    assert report.submitted_late is True
    set_policy(kh, WeekendPolicy.NEXT_WORKING_DAY)

    result = report_periods_generate(kh.campaign)

    report.refresh_from_db()
    assert report.submitted_late is False
    assert result.lateness_changed == 1
    event = report.events.get(kind="lateness_changed")
    assert event.payload == {"effective_due": "2024-12-16", "late": False}


def test_generate_campaign_without_reporting_rule_makes_nothing(province: Province) -> None:
    campaign = CampaignFactory(issuer_unit=province.root)

    result = report_periods_generate(campaign)

    assert (result.periods, result.reports_created) == (0, 0)
    assert not ReportPeriod.objects.exists()


def test_reports_generate_command_prints_what_it_did(kh: Kh) -> None:
    out = StringIO()

    call_command("reports", "generate", "kh-128-thu", stdout=out)
    call_command("reports", "generate", "kh-128-thu", stdout=out)

    assert out.getvalue().splitlines() == [
        "kh-128-thu: 4 kỳ báo cáo (4 mới, 0 cập nhật), 16 báo cáo mới, "
        "0 báo cáo đổi trạng thái nộp trễ.",
        "kh-128-thu: 4 kỳ báo cáo (0 mới, 0 cập nhật), 0 báo cáo mới, "
        "0 báo cáo đổi trạng thái nộp trễ.",
    ]


def test_reports_generate_command_refuses_unknown_or_ruleless_campaign(
    province: Province,
) -> None:
    CampaignFactory(issuer_unit=province.root, code="khong-bao-cao")

    with pytest.raises(CommandError) as unknown:
        call_command("reports", "generate", "khong-co")
    with pytest.raises(CommandError) as ruleless:
        call_command("reports", "generate", "khong-bao-cao")

    assert str(unknown.value) == "Không có phong trào mã khong-co."
    assert "chưa có quy định báo cáo định kỳ" in str(ruleless.value)


MERGED_AWAY = {"TV-SGTVT", "TV-STNMT", "TV-STTTT", "TV-SLDTBXH", "TV-BDT", "TV-SKHDT", "TV-SNNPTNT"}
MERGED_INTO = {"TV-SNNMT", "TV-SDTTG"}


def test_generate_on_the_real_kh128_and_tra_vinh_files(db: None) -> None:
    call_command("units", "load", "tra-vinh", stdout=StringIO())
    call_command("campaign", "load", "kh-128", stdout=StringIO())
    campaign = Campaign.objects.get(doc_number="128/KH-UBND")

    call_command("reports", "generate", campaign.code, stdout=StringIO())

    found = periods(Kh(campaign, campaign.reporting_rule, []))
    assert [(p.label, p.nominal_due, p.effective_due) for p in found] == [
        (label, day, day)  # the file keeps weekend dates as written
        for label, day in zip(
            ["Quý IV/2024", "Quý I/2025", "Quý II/2025", "Quý III/2025"], NOMINAL, strict=True
        )
    ]
    units = {
        p.label: set(UnitReport.objects.filter(period=p).values_list("unit__code", flat=True))
        for p in found
    }
    kinds = {
        p.label: set(UnitReport.objects.filter(period=p).values_list("unit__kind", flat=True))
        for p in found
    }
    assert [len(units[p.label]) for p in found] == [36, 31, 31, 22]
    assert all(UnitKind.COMMUNE not in k and UnitKind.PROVINCE not in k for k in kinds.values())
    assert kinds["Quý II/2025"] == {"department", "mass_organisation", "other", "district"}
    assert kinds["Quý III/2025"] == {"department", "mass_organisation", "other"}
    assert units["Quý IV/2024"] >= MERGED_AWAY
    assert not MERGED_AWAY & units["Quý I/2025"]
    assert not MERGED_INTO & units["Quý IV/2024"]
    assert units["Quý I/2025"] >= MERGED_INTO
    assert {"TV-SNV", "TV-MTTQ", "TV-BAO", "TV-CK"} <= units["Quý IV/2024"]
