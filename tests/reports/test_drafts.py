"""Writing a report: drafts by officers and heads, sections per content area, figures,
attachments checked by content, and the pre-filled snapshot on first opening."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import CampaignFactory, Province
from tests.factories.reports import Kh, People, at, put_in_state, report_of
from tests.factories.works import WorkFactory
from thidua.campaigns.models import ContentArea
from thidua.core.errors import DomainError, NotPermitted
from thidua.reports.models import ReportAttachment, ReportPeriod, ReportState, UnitReport
from thidua.reports.services import (
    report_open,
    report_prefill_refresh,
    report_save,
)
from thidua.works.models import WorkState

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _in_q4() -> Iterator[None]:
    with at(2024, 12, 10, 9):
        yield


@pytest.fixture
def report(generated: list[ReportPeriod], province: Province) -> UnitReport:
    return report_of(generated[0], province.district_a)


def pdf(name: str = "bao-cao-quy-iv.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def test_report_save_by_officer_writes_summary_figures_sections_and_files(
    report: UnitReport, kh: Kh, people: People
) -> None:
    nd1, nd2 = kh.areas

    saved = report_save(
        actor=people.district_a_officer,
        report=report,
        summary="  Huyện đã khởi công 02 công trình.  ",
        figures={
            "Số công trình khởi công": 2,
            "Kinh phí (triệu đồng)": "1.250,5",
            "Tỷ lệ giải ngân (%)": Decimal("87.50"),
            "Ghi chú": None,
        },
        sections={nd1.pk: "Tăng trưởng 7,2%.", nd2.pk: "Khởi công cầu Ba Sơn."},
        files=[pdf()],
    )

    saved.refresh_from_db()
    assert saved.summary == "Huyện đã khởi công 02 công trình."
    assert saved.figures == {
        "Số công trình khởi công": 2,
        "Kinh phí (triệu đồng)": "1.250,5",
        "Tỷ lệ giải ngân (%)": "87.50",
        "Ghi chú": None,
    }
    assert [(s.content_area.code, s.narrative) for s in saved.sections.all()] == [
        ("ND1", "Tăng trưởng 7,2%."),
        ("ND2", "Khởi công cầu Ba Sơn."),
    ]
    attachment = saved.attachments.get()
    assert (attachment.original_name, attachment.content_type, attachment.size) == (
        "bao-cao-quy-iv.pdf",
        "application/pdf",
        len(PDF),
    )
    assert attachment.sha256 == hashlib.sha256(PDF).hexdigest()
    with attachment.file.open("rb") as stored:
        assert stored.read() == PDF
    assert saved.prefill["as_of"] == "2024-12-10"
    event = saved.events.get(kind="saved")
    assert (event.actor, event.payload) == (
        people.district_a_officer,
        {"sections": sorted([nd1.pk, nd2.pk]), "files": ["bao-cao-quy-iv.pdf"]},
    )
    assert saved.state == ReportState.OPEN


def test_report_save_again_updates_sections_and_keeps_figures_when_not_given(
    report: UnitReport, kh: Kh, people: People
) -> None:
    nd1 = kh.areas[0]
    report_save(
        actor=people.district_a_officer,
        report=report,
        summary="Bản nháp",
        figures={"Số hộ thoát nghèo": 120},
        sections={nd1.pk: "Bản nháp"},
    )

    report_save(
        actor=people.district_a_head,
        report=report,
        summary="Bản cuối",
        sections={nd1.pk: "Bản cuối"},
    )

    report.refresh_from_db()
    assert (report.summary, report.figures) == ("Bản cuối", {"Số hộ thoát nghèo": 120})
    assert list(report.sections.values_list("narrative", flat=True)) == ["Bản cuối"]


@pytest.mark.parametrize(
    "who", ["health_officer", "a1_officer", "home_head", "secretariat", "leader"]
)
def test_report_save_by_anyone_but_the_units_staff_is_denied(
    report: UnitReport, people: People, who: str
) -> None:
    with pytest.raises(NotPermitted):
        report_save(actor=getattr(people, who), report=report, summary="Không được phép")

    report.refresh_from_db()
    assert report.summary == ""
    assert not report.events.filter(kind="saved").exists()


@pytest.mark.parametrize(
    ("state", "allowed"),
    [
        (ReportState.OPEN, True),
        (ReportState.RETURNED, True),
        (ReportState.SUBMITTED, False),
        (ReportState.ACCEPTED, False),
    ],
)
def test_report_save_only_while_open_or_returned(
    report: UnitReport, people: People, state: ReportState, allowed: bool
) -> None:
    put_in_state(report, state)

    if allowed:
        report_save(actor=people.district_a_officer, report=report, summary="Sửa lại")
    else:
        with pytest.raises(DomainError) as refused:
            report_save(actor=people.district_a_officer, report=report, summary="Sửa lại")
        assert refused.value.code == "not_editable"

    report.refresh_from_db()
    assert (report.summary == "Sửa lại") is allowed
    assert report.state == state


def test_report_save_section_of_another_campaign_is_refused(
    report: UnitReport, province: Province, people: People
) -> None:
    foreign = ContentArea.objects.create(
        campaign=CampaignFactory(issuer_unit=province.root), code="ND1", title="Khác"
    )

    with pytest.raises(DomainError) as refused:
        report_save(
            actor=people.district_a_officer,
            report=report,
            summary="x",
            sections={foreign.pk: "Không thuộc phong trào"},
        )

    assert refused.value.code == "invalid_section"
    assert not report.sections.exists()


@pytest.mark.parametrize(
    "figures",
    [
        {"Tỷ lệ": True},
        {"Tỷ lệ": float("nan")},
        {"Tỷ lệ": Decimal("NaN")},
        {"Tỷ lệ": [1, 2]},
        {" ": 3},
        {"Số": {"a": 1}},
    ],
)
def test_report_save_bad_figures_are_refused(
    report: UnitReport, people: People, figures: dict
) -> None:
    with pytest.raises(DomainError) as refused:
        report_save(actor=people.district_a_officer, report=report, summary="x", figures=figures)

    assert refused.value.code == "invalid_figures"
    report.refresh_from_db()
    assert report.figures == {}


def test_report_save_bad_file_writes_nothing(report: UnitReport, kh: Kh, people: People) -> None:
    fake = SimpleUploadedFile(
        "bao-cao.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"
    )

    with pytest.raises(DomainError) as refused:
        report_save(
            actor=people.district_a_officer,
            report=report,
            summary="Có tệp lỗi",
            sections={kh.areas[0].pk: "Nội dung"},
            files=[pdf(), fake],
        )

    assert refused.value.code == "bad_file_type"
    assert "bao-cao.pdf" in refused.value.message
    report.refresh_from_db()
    assert report.summary == ""
    assert not report.sections.exists()
    assert not ReportAttachment.objects.exists()


def test_report_open_stores_the_snapshot_once(
    report: UnitReport, kh: Kh, province: Province, people: People
) -> None:
    WorkFactory(campaign=kh.campaign, unit=province.district_a, state=WorkState.IN_PROGRESS)

    opened = report_open(actor=people.district_a_officer, report=report)
    WorkFactory(campaign=kh.campaign, unit=province.district_a, state=WorkState.APPROVED)
    again = report_open(actor=people.secretariat, report=UnitReport.objects.get(pk=report.pk))

    assert opened.prefill["works"]["active"] == 1
    assert again.prefill == opened.prefill
    assert list(report.events.filter(kind="prefilled").values_list("actor", flat=True)) == [
        people.district_a_officer.pk
    ]


def test_report_open_hidden_report_is_denied(report: UnitReport, people: People) -> None:
    with pytest.raises(NotPermitted):
        report_open(actor=people.health_officer, report=report)

    report.refresh_from_db()
    assert report.prefill == {}


def test_report_prefill_refresh_while_open_only(
    report: UnitReport, kh: Kh, province: Province, people: People
) -> None:
    report_open(actor=people.district_a_officer, report=report)
    WorkFactory(campaign=kh.campaign, unit=province.district_a, state=WorkState.APPROVED)

    refreshed = report_prefill_refresh(actor=people.district_a_head, report=report)
    put_in_state(report, ReportState.SUBMITTED)
    with pytest.raises(DomainError) as refused:
        report_prefill_refresh(actor=people.district_a_head, report=report)

    assert refreshed.prefill["works"]["active"] == 1
    assert refused.value.code == "not_editable"
    with pytest.raises(NotPermitted):
        report_prefill_refresh(actor=people.secretariat, report=report)
