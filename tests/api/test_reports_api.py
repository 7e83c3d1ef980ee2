"""Periodic reports through the API: periods, drafts, the workflow, leaks, bad input, N+1.

The campaign is shaped like KH 128 (quarterly reports due on the 15th of the quarter's
last month, IV.2); the clock is frozen in Vietnam time inside quý IV/2024 unless a test
travels elsewhere with ``at``.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import Province, UnitFactory, member
from tests.factories.reports import Kh, at, make_campaign, put_in_state, report_of
from thidua.accounts.models import Role, User
from thidua.core.dates import WeekendPolicy
from thidua.organisations.models import UnitKind
from thidua.reports.models import ReportAttachment, ReportPeriod, ReportState, UnitReport
from thidua.reports.services import report_periods_generate

PERIODS = "/api/v1/report-periods/"
REPORTS = "/api/v1/reports/"


@pytest.fixture(autouse=True)
def _in_q4() -> Iterator[None]:
    """10/12/2024 09:00 in Vietnam: inside quý IV/2024, before its due date (15/12)."""
    with at(2024, 12, 10, 9):
        yield


@dataclass
class Cast:
    """The people of the tests: who they are says where they work."""

    health_officer: User
    health_head: User
    district_a_head: User
    district_b_head: User
    secretariat: User
    leader: User


@pytest.fixture
def kh(province: Province) -> Kh:
    return make_campaign(
        province.root, province.home_affairs, code="kh-128-thu", doc_number="128/KH-UBND"
    )


@pytest.fixture
def periods(kh: Kh) -> list[ReportPeriod]:
    report_periods_generate(kh.campaign)
    return list(ReportPeriod.objects.filter(campaign=kh.campaign).order_by("year", "number"))


@pytest.fixture
def cast(province: Province) -> Cast:
    return Cast(
        health_officer=member(province.health),
        health_head=member(province.health, Role.UNIT_HEAD),
        district_a_head=member(province.district_a, Role.UNIT_HEAD),
        district_b_head=member(province.district_b, Role.UNIT_HEAD),
        secretariat=member(province.home_affairs, Role.SECRETARIAT),
        leader=member(province.root, Role.LEADER),
    )


@pytest.fixture
def other_province_head(db: None) -> User:
    root = UnitFactory(code="Q", name="UBND tỉnh Khác", kind=UnitKind.PROVINCE)
    health = UnitFactory(code="Q-SYT", name="Sở Y tế Khác", kind=UnitKind.DEPARTMENT, parent=root)
    return member(health, Role.UNIT_HEAD)


@pytest.fixture
def health_q4(periods: list[ReportPeriod], province: Province) -> UnitReport:
    return report_of(periods[0], province.health)


def client_for(user: User) -> APIClient:
    """An API client sending the user's token, as a program would."""
    client = APIClient()
    token, _created = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def ok(response: Any, status: int = 200) -> Any:
    assert response.status_code == status, response.content.decode()
    return response.json()


def url(report: UnitReport, tail: str = "") -> str:
    return f"{REPORTS}{report.pk}/{tail}"


def written(client: APIClient, report: UnitReport, summary: str = "Kết quả quý IV/2024") -> None:
    ok(client.patch(url(report), {"summary": summary}, format="json"))


def png_bytes() -> bytes:
    """A real 1×1 PNG, built by hand (signature, IHDR, IDAT, IEND with CRCs)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


# --- Periods


def test_report_periods_show_nominal_and_effective_due(periods, cast):
    rows = ok(client_for(cast.health_officer).get(PERIODS))["results"]

    q4 = rows[0]
    assert [row["label"] for row in rows] == [
        "Quý IV/2024",
        "Quý I/2025",
        "Quý II/2025",
        "Quý III/2025",
    ]
    assert (q4["year"], q4["number"], q4["start"], q4["end"]) == (
        2024,
        4,
        "2024-10-01",
        "2024-12-31",
    )
    assert (q4["nominal_due"], q4["effective_due"], q4["moved"]) == (
        "2024-12-15",
        "2024-12-15",
        False,
    )
    assert q4["campaign"]["code"] == "kh-128-thu"


def test_report_periods_effective_due_follows_the_weekend_policy(kh, periods, cast):
    kh.rule.weekend_policy = WeekendPolicy.PREVIOUS_WORKING_DAY.value
    kh.rule.save()
    report_periods_generate(kh.campaign)

    rows = ok(client_for(cast.health_officer).get(PERIODS))["results"]

    due = {row["label"]: (row["nominal_due"], row["effective_due"], row["moved"]) for row in rows}
    assert due["Quý IV/2024"] == ("2024-12-15", "2024-12-13", True)  # a Sunday → Friday
    assert due["Quý I/2025"] == ("2025-03-15", "2025-03-14", True)  # a Saturday → Friday
    assert due["Quý III/2025"] == ("2025-09-15", "2025-09-15", False)  # a Monday


def test_report_periods_stats_for_secretariat_and_own_states_for_units(
    periods, cast, province, health_q4
):
    put_in_state(health_q4, ReportState.SUBMITTED, submitted_late=False)

    for_secretariat = ok(client_for(cast.secretariat).get(PERIODS))["results"][0]
    for_leader = ok(client_for(cast.leader).get(PERIODS))["results"][0]
    for_officer = ok(client_for(cast.health_officer).get(PERIODS))["results"][0]

    # Sở Nội vụ, Sở Y tế, Huyện A, Huyện B report; communes go through their district.
    expected = {
        "required": 4,
        "open": 3,
        "submitted": 1,
        "returned": 0,
        "accepted": 0,
        "on_time": 1,
        "late": 0,
        "missing": 0,
    }
    assert for_secretariat["stats"] == for_leader["stats"] == expected
    assert for_secretariat["own_reports"] == []
    assert for_officer["stats"] is None
    assert [
        (r["unit"]["code"], r["state"], r["state_label"]) for r in for_officer["own_reports"]
    ] == [("P-SYT", "submitted", "Đã nộp")]


def test_report_periods_missing_counted_after_the_due_date(periods, cast):
    with at(2024, 12, 16, 9):
        row = ok(client_for(cast.secretariat).get(PERIODS))["results"][0]

    assert (row["stats"]["missing"], row["stats"]["open"]) == (4, 4)


def test_report_periods_of_hidden_campaign_are_not_listed(periods, other_province_head):
    assert ok(client_for(other_province_head).get(PERIODS))["count"] == 0


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"campaign": "abc"}, "Phải là id nguyên dương, ví dụ 12."),
        ({"campaign": "0"}, "Phải là id nguyên dương, ví dụ 12."),
    ],
)
def test_report_periods_bad_filter_refused(periods, cast, params, message):
    body = ok(client_for(cast.secretariat).get(PERIODS, params), 400)

    assert body["code"] == "invalid"
    assert body["errors"] == {"campaign": [message]}


# --- The journey


def test_report_head_submits_on_the_due_day_and_is_on_time(cast, health_q4):
    head = client_for(cast.health_head)
    written(client_for(cast.health_officer), health_q4)

    with at(2024, 12, 15, 23, 59):
        item = ok(head.post(url(health_q4, "submit/")))

    assert (item["state"], item["state_label"], item["submitted_late"]) == (
        "submitted",
        "Đã nộp",
        False,
    )
    assert item["submitted_at"] == "2024-12-15T23:59:00+07:00"
    assert item["confirmed_by"] == str(cast.health_head)
    assert item["allowed_actions"] == []


def test_report_head_submits_a_minute_after_the_due_day_and_is_late(cast, health_q4):
    written(client_for(cast.health_head), health_q4)

    with at(2024, 12, 16, 0, 1):
        item = ok(client_for(cast.health_head).post(url(health_q4, "submit/")))
        listed = ok(client_for(cast.secretariat).get(REPORTS, {"late": "true"}))["results"]

    assert (item["state"], item["submitted_late"]) == ("submitted", True)
    assert [row["id"] for row in listed] == [health_q4.pk]
    assert listed[0]["allowed_actions"] == ["return", "accept"]


def test_report_officer_cannot_submit(cast, health_q4):
    written(client_for(cast.health_officer), health_q4)

    body = ok(client_for(cast.health_officer).post(url(health_q4, "submit/")), 403)

    assert body == {
        "detail": "Bạn không có quyền thực hiện thao tác này.",
        "code": "permission_denied",
        "errors": {},
    }
    health_q4.refresh_from_db()
    assert health_q4.state == ReportState.OPEN


def test_report_submit_without_summary_refused(cast, health_q4):
    body = ok(client_for(cast.health_head).post(url(health_q4, "submit/")), 400)

    assert body["code"] == "summary_required"
    assert body["detail"] == "Hãy nhập tóm tắt kết quả trước khi nộp báo cáo."


def test_report_secretariat_returns_then_accepts(cast, health_q4):
    head, secretariat = client_for(cast.health_head), client_for(cast.secretariat)
    written(head, health_q4)
    ok(head.post(url(health_q4, "submit/")))

    returned = ok(
        secretariat.post(url(health_q4, "return/"), {"reason": "Thiếu số liệu"}, format="json")
    )
    written(head, health_q4, "Kết quả quý IV/2024, đã bổ sung số liệu")
    ok(head.post(url(health_q4, "submit/")))
    with at(2024, 12, 17, 10):
        accepted = ok(secretariat.post(url(health_q4, "accept/")))
    detail = ok(secretariat.get(url(health_q4)))

    assert returned["state"] == "returned"
    assert accepted["state"] == "accepted"
    assert accepted["accepted_at"] == "2024-12-17T10:00:00+07:00"
    assert detail["return_reason"] == ""  # cleared by the new submission
    assert [e["kind"] for e in detail["events"]] == [
        "created",
        "saved",
        "submit",
        "return",
        "saved",
        "submit",
        "accept",
    ]
    assert detail["events"][3]["payload"] == {"reason": "Thiếu số liệu"}
    assert detail["events"][3]["actor"] == str(cast.secretariat)


def test_report_head_cannot_accept_own_report(cast, health_q4):
    written(client_for(cast.health_head), health_q4)
    ok(client_for(cast.health_head).post(url(health_q4, "submit/")))

    body = ok(client_for(cast.health_head).post(url(health_q4, "accept/")), 403)

    assert body["code"] == "permission_denied"


def test_report_accept_of_open_report_is_invalid_transition(cast, health_q4):
    body = ok(client_for(cast.secretariat).post(url(health_q4, "accept/")), 400)

    assert body["code"] == "invalid_transition"
    assert body["detail"] == "Không thể “tiếp nhận” khi báo cáo đang “Chưa nộp”."


def test_report_return_without_reason_refused(cast, health_q4):
    put_in_state(health_q4, ReportState.SUBMITTED, summary="Kết quả")

    body = ok(client_for(cast.secretariat).post(url(health_q4, "return/"), {}, format="json"), 400)

    assert body["errors"] == {"reason": ["Thiếu trường này."]}
    health_q4.refresh_from_db()
    assert health_q4.state == ReportState.SUBMITTED


# --- Drafts and files


def test_report_patch_saves_summary_figures_and_sections_by_code(cast, kh, health_q4):
    client = client_for(cast.health_officer)

    detail = ok(
        client.patch(
            url(health_q4),
            {
                "summary": "Sở đã triển khai kế hoạch.",
                "figures": {"Số công trình": 2, "Tỷ lệ giải ngân (%)": 87.5},
                "sections": {"ND2": "Khởi công 02 công trình.", "ND1": "Tăng trưởng 7,2%."},
            },
            format="json",
        )
    )

    assert detail["summary"] == "Sở đã triển khai kế hoạch."
    assert detail["figures"] == {"Số công trình": 2, "Tỷ lệ giải ngân (%)": 87.5}
    assert detail["sections"] == [
        {
            "content_area": {"code": "ND1", "title": "Phát triển kinh tế"},
            "narrative": "Tăng trưởng 7,2%.",
        },
        {
            "content_area": {"code": "ND2", "title": "Đầu tư xây dựng kết cấu hạ tầng"},
            "narrative": "Khởi công 02 công trình.",
        },
    ]
    assert detail["prefill"]["as_of"] == "2024-12-10"
    assert detail["period"] == {
        "id": health_q4.period_id,
        "campaign": kh.campaign.pk,
        "label": "Quý IV/2024",
        "effective_due": "2024-12-15",
    }


def test_report_patch_keeps_what_is_not_sent(cast, health_q4):
    client = client_for(cast.health_officer)
    ok(client.patch(url(health_q4), {"summary": "Tóm tắt", "figures": {"Số xã": 3}}, format="json"))

    detail = ok(client.patch(url(health_q4), {"sections": {"ND1": "Nội dung"}}, format="json"))

    assert (detail["summary"], detail["figures"]) == ("Tóm tắt", {"Số xã": 3})


def test_report_first_opening_stores_the_prefill(cast, health_q4):
    detail = ok(client_for(cast.health_officer).get(url(health_q4)))

    health_q4.refresh_from_db()
    assert detail["prefill"] == health_q4.prefill
    assert detail["prefill"]["period"] == {"start": "2024-10-01", "end": "2024-12-31"}
    assert [e["kind"] for e in detail["events"]] == ["created", "prefilled"]


@pytest.mark.parametrize(
    ("payload", "errors"),
    [
        ({"sections": {"ND9": "x"}}, {"sections": ["Phong trào không có nội dung thi đua: ND9."]}),
        (
            {"sections": ["ND1"]},
            {"sections": ["Phải là một đối tượng JSON: mã nội dung thi đua → nội dung."]},
        ),
        ({"figures": [1, 2]}, {"figures": ["Phải là một đối tượng JSON: tên số liệu → giá trị."]}),
        ({"summary": "x" * 20001}, {"summary": ["Dài quá 20000 ký tự."]}),
        ({}, {"non_field_errors": ["Không có gì để lưu: gửi summary, figures hoặc sections."]}),
    ],
)
def test_report_patch_bad_input_refused(cast, health_q4, payload, errors):
    body = ok(client_for(cast.health_officer).patch(url(health_q4), payload, format="json"), 400)

    assert body["errors"] == errors
    assert body["detail"]


def test_report_patch_bad_figure_value_refused_by_the_service(cast, health_q4):
    body = ok(
        client_for(cast.health_officer).patch(
            url(health_q4), {"figures": {"Số xã": [1, 2]}}, format="json"
        ),
        400,
    )

    assert body["code"] == "invalid_figures"
    assert "Số xã" in body["detail"]


def test_report_patch_after_submit_not_editable(cast, health_q4):
    put_in_state(health_q4, ReportState.SUBMITTED, summary="Kết quả")

    body = ok(
        client_for(cast.health_head).patch(url(health_q4), {"summary": "x"}, format="json"), 400
    )

    assert body["code"] == "not_editable"


def test_report_patch_by_leader_forbidden(cast, health_q4):
    body = ok(client_for(cast.leader).patch(url(health_q4), {"summary": "x"}, format="json"), 403)

    assert body["detail"] == "Chỉ cán bộ, thủ trưởng của đơn vị mới lập báo cáo này."


def test_report_attachment_upload_and_download(cast, health_q4):
    client = client_for(cast.health_officer)
    photo = SimpleUploadedFile("anh-hoi-nghi.png", png_bytes(), content_type="image/png")

    detail = ok(client.post(url(health_q4, "attachments/"), {"files": [photo]}), 201)
    [attachment] = detail["attachments"]
    download = client.get(attachment["url"])

    assert (attachment["name"], attachment["type"], attachment["size"]) == (
        "anh-hoi-nghi.png",
        "image/png",
        len(png_bytes()),
    )
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == png_bytes()
    assert download["Content-Type"] == "image/png"


def test_report_attachment_fake_file_saves_nothing(cast, health_q4):
    fake = SimpleUploadedFile(
        "bao-cao.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"
    )

    body = ok(
        client_for(cast.health_officer).post(url(health_q4, "attachments/"), {"files": [fake]}),
        400,
    )

    assert body["code"] == "bad_file_type"
    assert not ReportAttachment.objects.exists()


def test_report_attachment_without_files_refused(cast, health_q4):
    body = ok(client_for(cast.health_officer).post(url(health_q4, "attachments/"), {}), 400)

    assert body["errors"] == {"files": ["Gửi ít nhất một tệp trong trường “files”."]}


# --- Leaks


def test_report_of_sibling_unit_is_404(cast, periods, province):
    district_a_q4 = report_of(periods[0], province.district_a)
    written(client_for(cast.district_a_head), district_a_q4)
    attachment = ReportAttachment.objects.create(
        report=district_a_q4, file="reports/x.png", original_name="x.png",
        content_type="image/png", size=1, sha256="0" * 64,
    )  # fmt: skip
    sibling = client_for(cast.district_b_head)

    listed = ok(sibling.get(REPORTS))["results"]
    answers = [
        sibling.get(url(district_a_q4)),
        sibling.patch(url(district_a_q4), {"summary": "x"}, format="json"),
        sibling.post(url(district_a_q4, "submit/")),
        sibling.get(url(district_a_q4, f"attachments/{attachment.pk}/")),
    ]

    assert {row["unit"]["code"] for row in listed} == {"P-B"}
    assert [a.status_code for a in answers] == [404, 404, 404, 404]
    assert {a.json()["code"] for a in answers} == {"not_found"}
    district_a_q4.refresh_from_db()
    assert (district_a_q4.state, district_a_q4.summary) == (ReportState.OPEN, "Kết quả quý IV/2024")


@pytest.mark.parametrize("pk", ["abc", "0x1", "99999999"])
def test_report_detail_with_bad_id_is_404(cast, periods, pk):
    response = client_for(cast.secretariat).get(f"{REPORTS}{pk}/")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_report_list_needs_credentials(periods):
    response = APIClient().get(REPORTS)

    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


# --- The list and its filters


def test_report_list_filters(cast, periods, province, health_q4):
    put_in_state(
        health_q4, ReportState.ACCEPTED, submitted_late=True, confirmed_by=cast.health_head
    )
    client = client_for(cast.secretariat)

    def ids(params: dict[str, str]) -> list[int]:
        return [row["id"] for row in ok(client.get(REPORTS, params))["results"]]

    q4 = periods[0]
    assert len(ids({"period": str(q4.pk)})) == 4
    assert ids({"state": "accepted"}) == [health_q4.pk]
    assert ids({"late": "true"}) == [health_q4.pk]
    assert ids({"unit": str(province.health.pk), "period": str(q4.pk)}) == [health_q4.pk]
    assert ids({"missing": "true"}) == []
    with at(2024, 12, 16, 9):
        assert len(ids({"missing": "true"})) == 3
    row = ok(client.get(url(health_q4)))
    assert (row["confirmed_by"], row["unit"]["code"]) == (str(cast.health_head), "P-SYT")


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        (
            {"state": "xong"},
            "state",
            "Giá trị “xong” không có; dùng một trong: open, submitted, returned, accepted.",
        ),
        ({"late": "co"}, "late", "Phải là true hoặc false."),
        ({"period": "abc"}, "period", "Phải là id nguyên dương, ví dụ 12."),
    ],
)
def test_report_list_bad_filter_refused(cast, periods, params, field, message):
    body = ok(client_for(cast.secretariat).get(REPORTS, params), 400)

    assert body["errors"] == {field: [message]}


# --- N+1: the query count does not grow with the data


def count_queries(client: APIClient, address: str, params: dict[str, str] | None = None) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address, params or {})
    assert response.status_code == 200, response.content
    return len(queries)


def submitted(report: UnitReport, head: User) -> None:
    put_in_state(report, ReportState.SUBMITTED, summary="Kết quả", confirmed_by=head)


def test_report_list_queries_do_not_grow(cast, periods, province):
    client = client_for(cast.secretariat)
    q4, q1 = periods[0], periods[1]
    submitted(report_of(q4, province.health), cast.health_head)
    one = count_queries(client, REPORTS, {"state": "submitted"})
    submitted(report_of(q4, province.district_a), cast.district_a_head)
    submitted(report_of(q1, province.district_b), cast.district_b_head)

    three = count_queries(client, REPORTS, {"state": "submitted"})

    assert ok(client.get(REPORTS, {"state": "submitted"}))["count"] == 3
    # token + memberships (reach) + count + page
    assert one == three == 4


def test_report_period_list_queries_do_not_grow(cast, kh, periods, province):
    secretariat, officer = client_for(cast.secretariat), client_for(cast.health_officer)
    ReportPeriod.objects.exclude(pk=periods[0].pk).delete()
    one = count_queries(secretariat, PERIODS)
    one_officer = count_queries(officer, PERIODS)
    report_periods_generate(kh.campaign)
    ReportPeriod.objects.filter(campaign=kh.campaign, year=2025, number=3).delete()

    three = count_queries(secretariat, PERIODS)
    three_officer = count_queries(officer, PERIODS)

    assert ok(secretariat.get(PERIODS))["count"] == 3
    # token + memberships + visible campaigns' count + page + stats (one grouped query)
    assert one == three == 5
    # token + memberships + count + page + own units' reports
    assert one_officer == three_officer == 5


def test_report_detail_queries_do_not_grow(cast, kh, periods, province):
    client = client_for(cast.secretariat)
    small = report_of(periods[0], province.health)
    large = report_of(periods[1], province.health)
    officer = client_for(cast.health_officer)
    ok(officer.patch(url(small), {"summary": "x", "sections": {"ND1": "a"}}, format="json"))
    for text in ("a", "b", "c"):
        ok(
            officer.patch(
                url(large), {"summary": text, "sections": {"ND1": text, "ND2": text}}, format="json"
            )
        )

    one = count_queries(client, url(small))
    three = count_queries(client, url(large))

    assert len(ok(client.get(url(large)))["events"]) == 4
    # token + memberships + report + detail + 5 prefetches (sections, areas, files, events, actors)
    assert one == three == 9
