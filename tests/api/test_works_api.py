"""Works through the API: the journey, leak tests, look-alikes, bad input, N+1.

Time is frozen at 01/3/2025 09:00 (Asia/Ho_Chi_Minh): flags, progress dates and
completion dates all depend on "today".
"""

from __future__ import annotations

import datetime as dt
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import CampaignFactory, PhaseFactory, Province, TargetFactory, member
from thidua.accounts.models import Role, Scope, User
from thidua.campaigns.models import Approver, Campaign, ContentArea, Phase, RegistrationRule
from thidua.organisations.models import Unit, UnitKind
from thidua.targets.models import Target
from thidua.works import services
from thidua.works.models import ChangeRequest, Evidence, ProgressUpdate, Work, WorkState

NOW = dt.datetime(2025, 3, 1, 9, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
WORKS = "/api/v1/works/"
QUEUE = "/api/v1/works/approval-queue/"
TITLE = "Đường giao thông nông thôn ấp Trà Kha"


@pytest.fixture(autouse=True)
def _frozen_time() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


def client_for(user: User) -> APIClient:
    """An API client sending the user's token, as a program would."""
    client = APIClient()
    token, _created = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def png_bytes() -> bytes:
    """A real 1×1 red PNG, built by hand (signature, IHDR, IDAT, IEND with CRCs)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def photo(name: str = "anh-cong-trinh.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")


@dataclass
class Kh:
    """A KH 128-like campaign issued by the province of the ``province`` fixture."""

    campaign: Campaign
    phase: Phase
    area: ContentArea
    target: Target


@pytest.fixture
def kh(province: Province) -> Kh:
    campaign = CampaignFactory(issuer_unit=province.root, code="kh-128-thu")
    phase = PhaseFactory(
        campaign=campaign, code="dot-1", name="Đợt 1", position=1, end=dt.date(2025, 4, 30)
    )
    area = ContentArea.objects.create(
        campaign=campaign, code="ND2", position=2, title="Đầu tư xây dựng kết cấu hạ tầng"
    )
    target = TargetFactory(campaign=campaign, code="T05")
    RegistrationRule.objects.create(
        campaign=campaign, position=1, unit_kinds=["commune"], minimum=1,
        work_kinds=["construction", "project"], alternative_work_kinds=["task"],
        via_parent=True, approver=Approver.PARENT,
    )  # fmt: skip
    RegistrationRule.objects.create(
        campaign=campaign, position=2, unit_kinds=["district"], minimum=2,
        work_kinds=["construction", "project"],
    )  # fmt: skip
    RegistrationRule.objects.create(
        campaign=campaign, position=3, unit_kinds=["department"], minimum=1,
        work_kinds=["construction", "project"], alternative_work_kinds=["task"],
    )  # fmt: skip
    return Kh(campaign, phase, area, target)


@pytest.fixture
def a1(province: Province) -> User:
    return member(province.commune_a1)


@pytest.fixture
def district_a(province: Province) -> User:
    return member(province.district_a)


def body(kh: Kh, unit: Unit, /, **overrides: Any) -> dict[str, Any]:
    """A registration as a client sends it."""
    values: dict[str, Any] = {
        "campaign": kh.campaign.pk,
        "unit": unit.pk,
        "kind": "construction",
        "title": TITLE,
        "planned_start": "2025-01-01",
        "planned_finish": "2025-06-30",
    }
    values.update(overrides)
    return values


def make_work(kh: Kh, unit: Unit, user: User, n: int, **fields: Any) -> Work:
    """A work saved straight in a state (no events), for lists and query counts."""
    values: dict[str, Any] = {
        "campaign": kh.campaign,
        "unit": unit,
        "registrant_unit": unit,
        "approver_unit": services.approver_for(kh.campaign, unit),
        "kind": "construction",
        "title": f"Nhà văn hóa ấp số {n}",
        "planned_start": dt.date(2025, 1, 1),
        "planned_finish": dt.date(2025, 6, 30),
        "content_area": kh.area,
        "phase": kh.phase,
        "place": unit if unit.kind == UnitKind.COMMUNE else None,
        "created_by": user,
    }
    values.update(fields)
    return Work.objects.create(**values)


def url(work: Work | int, suffix: str = "") -> str:
    pk = work if isinstance(work, int) else work.pk
    return f"{WORKS}{pk}/{suffix}"


def ok(response: Any, status: int = 200) -> dict[str, Any]:
    assert response.status_code == status, response.content
    data: dict[str, Any] = response.json()
    return data


# --- The journey


def test_work_journey_from_draft_to_completed(kh, province, a1, district_a):
    commune = client_for(a1)
    district = client_for(district_a)

    created = ok(commune.post(WORKS, body(kh, province.commune_a1), format="json"), 201)
    work_url = url(created["id"])
    assert (created["state"], created["state_label"]) == ("draft", "Nháp")
    assert created["allowed_actions"] == ["submit", "cancel"]
    assert created["approver_unit"]["code"] == "P-A"

    submitted = ok(commune.post(work_url + "submit/"))
    assert (submitted["state"], submitted["allowed_actions"]) == ("submitted", [])

    queue = ok(district.get(QUEUE))
    assert [row["id"] for row in queue["results"]] == [created["id"]]
    assert queue["results"][0]["allowed_actions"] == ["approve", "return"]

    approved = ok(district.post(work_url + "approve/", {"note": "Đồng ý"}, format="json"))
    assert approved["state"] == "approved"
    assert ok(district.get(QUEUE))["count"] == 0

    progress = commune.post(
        work_url + "progress/",
        {
            "on": "2025-02-25",
            "percent": 40,
            "narrative": "Đã đổ xong nền đường.",
            "files": [photo()],
        },
        format="multipart",
    )
    update = ok(progress, 201)
    assert (update["on"], update["percent"]) == ("2025-02-25", 40)
    [evidence] = update["evidence"]
    assert (evidence["kind"], evidence["content_type"], evidence["original_name"]) == (
        "photo",
        "image/png",
        "anh-cong-trinh.png",
    )
    assert evidence["size"] == len(png_bytes())
    download = commune.get(evidence["url"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == png_bytes()
    assert download["Content-Type"] == "image/png"
    started = ok(commune.get(work_url))
    assert (started["state"], started["percent_complete"]) == ("in_progress", 40)

    completed = ok(
        commune.post(work_url + "complete/", {"actual_finish": "2025-02-28"}, format="json")
    )

    assert (completed["state"], completed["percent_complete"]) == ("completed", 100)
    assert completed["actual_finish"] == "2025-02-28"
    assert completed["ahead"] is True and completed["late"] is False
    detail = ok(commune.get(work_url))
    assert [(e["kind"], e["from_state"], e["to_state"], e["actor"]) for e in detail["events"]] == [
        ("created", "", "draft", str(a1)),
        ("submit", "draft", "submitted", str(a1)),
        ("approve", "submitted", "approved", str(district_a)),
        ("start", "approved", "in_progress", str(a1)),
        ("progress", "", "", str(a1)),
        ("complete", "in_progress", "completed", str(a1)),
    ]
    assert detail["events"][2]["payload"] == {"note": "Đồng ý"}
    assert detail["events"][0]["at"].startswith("2025-03-01T09:00:00")
    assert detail["progress_updates"][0]["evidence"][0]["url"] == evidence["url"]


def test_work_item_shows_numbers_dates_and_references(kh, province, a1):
    payload = body(
        kh, province.commune_a1, content_area=kh.area.pk, phase=kh.phase.pk,
        place=province.commune_a1.pk, latitude=9.9347123, longitude="106.3452",
        budget=1250.5, budget_source="Ngân sách xã", targets=[kh.target.pk],
        cooperating_units=[province.health.pk], description="Dài 1,2 km, rộng 3,5 m.",
    )  # fmt: skip

    created = ok(client_for(a1).post(WORKS, payload, format="json"), 201)
    detail = ok(client_for(a1).get(url(created["id"])))

    assert created["budget"] == 1250.5
    assert created["latitude"] == 9.934712 and created["longitude"] == 106.3452
    assert created["place"] == {"id": province.commune_a1.pk, "name": "Xã Phong Phú"}
    assert created["content_area"] == {"id": kh.area.pk, "code": "ND2", "title": kh.area.title}
    assert created["phase"] == {"id": kh.phase.pk, "code": "dot-1", "name": "Đợt 1"}
    assert created["campaign"] == {"id": kh.campaign.pk, "code": "kh-128-thu"}
    assert created["deadline"] == "2025-04-30"
    assert (created["planned_start"], created["planned_finish"]) == ("2025-01-01", "2025-06-30")
    assert (created["late"], created["ahead"], created["at_risk"]) == (False, False, False)
    assert created["url"] == f"http://testserver{url(created['id'])}"
    assert detail["targets"] == ["T05"]
    assert detail["cooperating_units"] == [
        {"id": province.health.pk, "code": "P-SYT", "name": "Sở Y tế"}
    ]
    assert (detail["description"], detail["budget_source"]) == (
        "Dài 1,2 km, rộng 3,5 m.",
        "Ngân sách xã",
    )


def test_work_returned_then_corrected_and_resubmitted(kh, province, a1, district_a):
    work = services.work_create(
        actor=a1, campaign=kh.campaign, unit=province.commune_a1,
        data=services.WorkData(kind="construction", title=TITLE,
                               planned_start=dt.date(2025, 1, 1), planned_finish=dt.date(2025, 6, 30)),
    )  # fmt: skip
    services.work_submit(actor=a1, work=work)
    district = client_for(district_a)

    no_reason = district.post(
        url(work, "return/"), {"reason": " ", "what_to_fix": "x"}, format="json"
    )
    returned = ok(
        district.post(
            url(work, "return/"),
            {"reason": "Thiếu kinh phí", "what_to_fix": "Ghi nguồn vốn"},
            format="json",
        )
    )
    edited = ok(client_for(a1).patch(url(work), {"budget_source": "Ngân sách xã"}, format="json"))

    assert no_reason.status_code == 400
    assert no_reason.json()["errors"] == {"reason": ["Trường này không được để trống."]}
    assert returned["state"] == "returned"
    assert edited["title"] == TITLE
    work.refresh_from_db()
    assert work.budget_source == "Ngân sách xã"
    assert ok(client_for(a1).post(url(work, "submit/")))["state"] == "submitted"


def test_work_patch_after_submit_is_not_editable(kh, province, a1):
    work = make_work(kh, province.commune_a1, a1, 1, state=WorkState.SUBMITTED)

    response = client_for(a1).patch(url(work), {"title": "Tên mới"}, format="json")
    moved = client_for(a1).patch(url(work), {"campaign": kh.campaign.pk}, format="json")

    assert response.status_code == 400
    assert response.json()["code"] == "not_editable"
    assert response.json()["detail"].startswith("Công trình đã gửi hoặc đã duyệt")
    assert moved.json()["errors"] == {
        "campaign": ["Không đổi được phong trào hay đơn vị của công trình."]
    }
    work.refresh_from_db()
    assert work.title == "Nhà văn hóa ấp số 1"


def test_work_change_request_accepted_by_district(kh, province, a1, district_a):
    work = make_work(kh, province.commune_a1, a1, 1, state=WorkState.APPROVED)

    bad = client_for(a1).post(
        url(work, "change-requests/"),
        {"changes": {"planned_finish": "31/07/2025", "state": "completed"}, "reason": "Mưa"},
        format="json",
    )
    created = ok(
        client_for(a1).post(
            url(work, "change-requests/"),
            {"changes": {"planned_finish": "2025-07-31"}, "reason": "Mưa kéo dài"},
            format="json",
        ),
        201,
    )
    refused = client_for(a1).post(f"/api/v1/change-requests/{created['id']}/accept/")
    accepted = ok(
        client_for(district_a).post(
            f"/api/v1/change-requests/{created['id']}/accept/", {"note": "Đồng ý"}, format="json"
        )
    )

    assert bad.json()["errors"] == {"changes": ["Không điều chỉnh được: state."]}
    assert (created["state"], created["changes"]) == ("pending", {"planned_finish": "2025-07-31"})
    assert refused.status_code == 403
    assert refused.json()["code"] == "permission_denied"
    assert (accepted["state"], accepted["decision_note"]) == ("accepted", "Đồng ý")
    work.refresh_from_db()
    assert work.planned_finish == dt.date(2025, 7, 31)
    detail = ok(client_for(a1).get(url(work)))
    assert detail["change_requests"][0]["state_label"] == "Chấp thuận"


# --- Leaks and permissions


def test_work_of_commune_hidden_from_sibling_commune(kh, province, a1):
    work = make_work(kh, province.commune_a1, a1, 1)
    sibling = client_for(member(province.commune_a2))

    detail = sibling.get(url(work))
    missing = sibling.get(url(999999))
    listed = ok(sibling.get(WORKS))

    assert detail.status_code == missing.status_code == 404
    assert (
        detail.json()
        == missing.json()
        == {
            "detail": "Không tìm thấy.",
            "code": "not_found",
            "errors": {},
        }
    )
    assert listed["count"] == 0
    assert ok(client_for(a1).get(WORKS))["results"][0]["id"] == work.pk


def test_work_evidence_hidden_from_sibling_commune(kh, province, a1):
    work = make_work(kh, province.commune_a1, a1, 1, state=WorkState.APPROVED)
    update = services.progress_add(
        actor=a1, work=work, on=dt.date(2025, 2, 25), percent=10, narrative="Khởi công.",
        files=[photo()],
    )  # fmt: skip
    address = url(work, f"evidence/{update.evidence.get().pk}/")

    own = client_for(a1).get(address, HTTP_ACCEPT="image/png")
    sibling = client_for(member(province.commune_a2)).get(address, HTTP_ACCEPT="image/png")

    assert b"".join(own.streaming_content) == png_bytes()
    assert sibling.status_code == 404
    assert sibling.json() == {"detail": "Không tìm thấy.", "code": "not_found", "errors": {}}


def test_work_other_district_cannot_approve(kh, province, a1):
    work = make_work(kh, province.commune_a1, a1, 1, state=WorkState.SUBMITTED)
    other = client_for(member(province.district_b))

    response = other.post(url(work, "approve/"), {"note": "?"}, format="json")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert ok(other.get(QUEUE))["count"] == 0
    work.refresh_from_db()
    assert work.state == WorkState.SUBMITTED
    assert not work.events.exists()


def test_work_wrong_actor_is_forbidden(kh, province, a1, district_a):
    draft = make_work(kh, province.commune_a1, a1, 1)
    submitted = make_work(kh, province.commune_a1, a1, 2, state=WorkState.SUBMITTED)

    by_district = client_for(district_a).post(url(draft, "submit/"))
    by_unit = client_for(a1).post(url(submitted, "approve/"), {}, format="json")
    as_district = ok(client_for(district_a).get(url(draft)))

    assert by_district.status_code == by_unit.status_code == 403
    assert by_unit.json() == {
        "detail": "Bạn không có quyền thực hiện thao tác này.",
        "code": "permission_denied",
        "errors": {},
    }
    assert as_district["allowed_actions"] == []
    assert {w.state for w in Work.objects.all()} == {WorkState.DRAFT, WorkState.SUBMITTED}


def test_work_invalid_transition_refused(kh, province, a1):
    draft = make_work(kh, province.commune_a1, a1, 1)

    response = client_for(a1).post(
        url(draft, "complete/"), {"actual_finish": "2025-02-01"}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["code"] == "invalid_transition"
    assert response.json()["detail"] == "Không thể “hoàn thành” khi công trình đang “Nháp”."


def test_work_create_for_unit_not_theirs_refused(kh, province, a1):
    subtree = member(province.district_a, Role.UNIT_OFFICER, Scope.SUBTREE)

    sibling = client_for(a1).post(WORKS, body(kh, province.commune_a2), format="json")
    below = client_for(subtree).post(WORKS, body(kh, province.commune_a1), format="json")

    assert sibling.status_code == 400
    assert sibling.json()["errors"] == {
        "unit": [f"Không tìm thấy đơn vị {province.commune_a2.pk}."]
    }
    assert below.status_code == 403
    assert below.json()["detail"] == "Chỉ cán bộ của đơn vị mới đăng ký công trình cho đơn vị."
    assert not Work.objects.exists()


def test_work_create_with_hidden_references_says_not_found(kh, province, a1):
    other = CampaignFactory(issuer_unit=province.district_b)
    foreign_area = ContentArea.objects.create(campaign=other, code="X", position=1, title="X")

    hidden_campaign = client_for(a1).post(
        WORKS, body(kh, province.commune_a1, campaign=other.pk), format="json"
    )
    foreign = client_for(a1).post(
        WORKS,
        body(kh, province.commune_a1, content_area=foreign_area.pk, targets=[kh.target.pk, 999999]),
        format="json",
    )

    assert hidden_campaign.json()["errors"] == {
        "campaign": [f"Không tìm thấy phong trào {other.pk}."]
    }
    assert foreign.json()["errors"] == {
        "content_area": [
            f"Không tìm thấy nội dung thi đua {foreign_area.pk} trong phong trào này."
        ],
        "targets": ["Không tìm thấy chỉ tiêu 999999 trong phong trào này."],
    }
    assert not Work.objects.exists()


# --- Look-alikes


def test_work_similar_title_answers_409_then_confirm_saves(kh, province, a1):
    existing = make_work(kh, province.commune_a1, a1, 1, title=TITLE)
    client = client_for(a1)
    again = body(kh, province.commune_a1, title=TITLE + " nối dài")

    conflict = client.post(WORKS, again, format="json")
    confirmed = client.post(WORKS, {**again, "confirm_similar": True}, format="json")

    assert conflict.status_code == 409
    answer = conflict.json()
    assert answer["code"] == "similar_works"
    assert answer["detail"].startswith("Có công trình gần giống")
    [match] = answer["matches"]
    assert (match["title"], match["source"], match["work_id"]) == (
        TITLE,
        "Xã Phong Phú",
        existing.pk,
    )
    assert 0.8 <= match["score"] <= 1
    assert ok(confirmed, 201)["title"] == TITLE + " nối dài"
    assert Work.objects.count() == 2


# --- Bad input: 400 with a Vietnamese message, nothing saved


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"state": "xong"}, "state", "Giá trị “xong” không có; dùng một trong: draft, submitted, returned, approved, in_progress, completed, cancelled."),
        ({"late": "maybe"}, "late", "Phải là true hoặc false."),
        ({"ahead": "co"}, "ahead", "Phải là true hoặc false."),
        ({"campaign": "abc"}, "campaign", "Phải là id nguyên dương, ví dụ 12."),
        ({"unit": "1.5"}, "unit", "Phải là id nguyên dương, ví dụ 12."),
        ({"district": "-3"}, "district", "Phải là id nguyên dương, ví dụ 12."),
        ({"phase": "99999999999999999999999"}, "phase", "Phải là id nguyên dương, ví dụ 12."),
        ({"kind": "nha"}, "kind", "Giá trị “nha” không có; dùng một trong: construction, project, task."),
        ({"search": "a" * 201}, "search", "Dài quá 200 ký tự."),
    ],
)  # fmt: skip
def test_work_list_bad_filter_refused(kh, province, a1, params, field, message):
    response = client_for(a1).get(WORKS, params)

    assert response.status_code == 400
    assert response.json() == {
        "detail": "Dữ liệu gửi lên không hợp lệ: xem “errors”.",
        "code": "invalid",
        "errors": {field: [message]},
    }


@pytest.mark.parametrize(
    ("overrides", "errors"),
    [
        ({"title": None}, {"title": ["Trường này không được để null."]}),
        ({"title": "   "}, {"title": ["Trường này không được để trống."]}),
        ({"campaign": "abc", "unit": "x1"}, {"campaign": ["Phải là id nguyên dương, ví dụ 12."], "unit": ["Phải là id nguyên dương, ví dụ 12."]}),
        ({"planned_start": "01/01/2025"}, {"planned_start": ["Ngày không hợp lệ: dùng dạng YYYY-MM-DD, ví dụ 2025-07-01."]}),
        ({"targets": ["a"]}, {"targets.0": ["Phải là id nguyên dương, ví dụ 12."]}),
        ({"targets": 5}, {"targets": ["Phải là một mảng, ví dụ [1, 2]."]}),
        ({"latitude": 95}, {"latitude": ["Vĩ độ phải là số từ -90 đến 90."]}),
        ({"latitude": "1e30"}, {"latitude": ["Vĩ độ phải là số từ -90 đến 90."]}),
        ({"longitude": "NaN"}, {"longitude": ["Kinh độ phải là số từ -180 đến 180."]}),
        ({"budget": "12.25"}, {"budget": ["Kinh phí có tối đa 1 chữ số thập phân."]}),
        ({"kind": "building"}, {"kind": ["Giá trị “building” không có; dùng một trong: construction, project, task."]}),
    ],
)  # fmt: skip
def test_work_create_bad_field_refused(kh, province, a1, overrides, errors):
    response = client_for(a1).post(WORKS, body(kh, province.commune_a1, **overrides), format="json")

    assert response.status_code == 400
    assert response.json()["errors"] == errors
    assert not Work.objects.exists()


def test_work_create_missing_title_refused(kh, province, a1):
    payload = body(kh, province.commune_a1)
    del payload["title"]

    response = client_for(a1).post(WORKS, payload, format="json")

    assert response.status_code == 400
    assert response.json()["errors"] == {"title": ["Thiếu trường này."]}
    assert not Work.objects.exists()


def test_work_create_finish_before_start_refused(kh, province, a1):
    payload = body(kh, province.commune_a1, planned_start="2025-06-30", planned_finish="2025-01-01")

    response = client_for(a1).post(WORKS, payload, format="json")

    assert response.status_code == 400
    assert response.json() == {
        "detail": "Ngày hoàn thành dự kiến phải sau ngày bắt đầu.",
        "code": "invalid_work",
        "errors": {},
    }
    assert not Work.objects.exists()


def test_work_create_not_an_object_refused(kh, province, a1):
    response = client_for(a1).post(WORKS, [1, 2], format="json")

    assert response.status_code == 400
    assert response.json()["detail"] == "Nội dung gửi lên phải là một đối tượng JSON."


def test_work_progress_with_fake_photo_saves_nothing(kh, province, a1):
    work = make_work(kh, province.commune_a1, a1, 1, state=WorkState.APPROVED)
    fake = SimpleUploadedFile("photo.jpg", b"not an image at all\n", content_type="image/jpeg")

    response = client_for(a1).post(
        url(work, "progress/"),
        {"on": "2025-02-25", "percent": 30, "narrative": "Xong móng.", "files": [photo(), fake]},
        format="multipart",
    )

    assert response.status_code == 400
    assert response.json()["code"] == "bad_file_type"
    assert response.json()["detail"] == (
        "Tệp “photo.jpg” không phải ảnh (JPEG, PNG, WebP) hay tài liệu (PDF, DOCX, XLSX); "
        "hãy gửi đúng loại tệp."
    )
    work.refresh_from_db()
    assert (work.state, work.percent_complete) == (WorkState.APPROVED, 0)
    assert not ProgressUpdate.objects.exists()
    assert not Evidence.objects.exists()
    assert not work.events.exists()


def test_work_progress_accepts_files_under_bracket_name(kh, province, a1):
    work = make_work(kh, province.commune_a1, a1, 1, state=WorkState.IN_PROGRESS)

    response = client_for(a1).post(
        url(work, "progress/"),
        {
            "on": "2025-02-25",
            "percent": 50,
            "narrative": "Xong nửa.",
            "files[]": [photo(), photo("b.png")],
        },
        format="multipart",
    )

    update = ok(response, 201)
    assert [e["original_name"] for e in update["evidence"]] == ["anh-cong-trinh.png", "b.png"]
    work.refresh_from_db()
    assert work.percent_complete == 50


def test_work_list_needs_credentials(kh):
    response = APIClient().get(WORKS)

    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        ({"on": "25/02/2025", "percent": 10, "narrative": "x"}, {"on": ["Ngày không hợp lệ: dùng dạng YYYY-MM-DD, ví dụ 2025-07-01."]}),
        ({"on": "2025-02-25", "percent": 140, "narrative": "x"}, {"percent": ["Tiến độ phải là số nguyên từ 0 đến 100."]}),
        ({"on": "2025-02-25", "percent": "mot nua", "narrative": "x"}, {"percent": ["Tiến độ phải là số nguyên từ 0 đến 100."]}),
        ({"on": "2025-02-25", "percent": 10}, {"narrative": ["Thiếu trường này."]}),
    ],
)  # fmt: skip
def test_work_progress_bad_field_refused(kh, province, a1, fields, errors):
    work = make_work(kh, province.commune_a1, a1, 1, state=WorkState.IN_PROGRESS)

    response = client_for(a1).post(url(work, "progress/"), fields, format="multipart")

    assert response.status_code == 400
    assert response.json()["errors"] == errors
    assert not ProgressUpdate.objects.exists()


def test_work_complete_with_bad_date_refused(kh, province, a1):
    work = make_work(kh, province.commune_a1, a1, 1, state=WorkState.IN_PROGRESS)

    response = client_for(a1).post(
        url(work, "complete/"), {"actual_finish": "2025-2-30"}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["errors"] == {
        "actual_finish": ["Ngày không hợp lệ: dùng dạng YYYY-MM-DD, ví dụ 2025-07-01."]
    }
    work.refresh_from_db()
    assert work.state == WorkState.IN_PROGRESS


@pytest.mark.parametrize("pk", ["abc", "1.5", "-1", "99999999999999999999999"])
def test_work_detail_with_bad_id_is_404(kh, a1, pk):
    response = client_for(a1).get(f"{WORKS}{pk}/")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


# --- Filters


def test_work_list_filters_late_state_and_search(kh, province, a1):
    late = make_work(
        kh, province.commune_a1, a1, 1, state=WorkState.IN_PROGRESS,
        planned_finish=dt.date(2025, 2, 1), title="Cầu bê tông kênh Ba Sơn",
    )  # fmt: skip
    on_time = make_work(kh, province.commune_a1, a1, 2, state=WorkState.APPROVED)
    client = client_for(a1)

    def ids(params: dict[str, str]) -> list[int]:
        return [row["id"] for row in ok(client.get(WORKS, params))["results"]]

    assert ids({"late": "true"}) == [late.pk]
    assert ids({"late": "false"}) == [on_time.pk]
    assert ids({"state": "approved"}) == [on_time.pk]
    assert ids({"search": "cau be tong"}) == [late.pk]
    assert ids({"district": str(province.district_a.pk)}) == [on_time.pk, late.pk]
    assert ids({"district": str(province.district_b.pk)}) == []
    row = ok(client.get(WORKS, {"late": "true"}))["results"][0]
    assert (row["late"], row["at_risk"]) == (True, False)


# --- N+1: the query count does not grow with the data


def count_queries(client: APIClient, address: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200, response.content
    return len(queries)


def test_work_list_queries_do_not_grow(kh, province, a1, district_a):
    client = client_for(district_a)
    make_work(kh, province.commune_a1, a1, 1, state=WorkState.SUBMITTED)
    one = count_queries(client, WORKS)
    one_queue = count_queries(client, QUEUE)
    make_work(kh, province.commune_a1, a1, 2, state=WorkState.SUBMITTED)
    make_work(kh, province.commune_a2, a1, 3, state=WorkState.SUBMITTED, place=None)

    three = count_queries(client, WORKS)
    three_queue = count_queries(client, QUEUE)

    assert ok(client.get(WORKS))["count"] == ok(client.get(QUEUE))["count"] == 3
    # token + memberships (reach) + count + the page's ids + its rows
    assert one == three == 5
    assert one_queue == three_queue == 5


def test_work_detail_queries_do_not_grow(kh, province, a1):
    client = client_for(a1)
    small = make_work(kh, province.commune_a1, a1, 1, state=WorkState.IN_PROGRESS)
    large = make_work(kh, province.commune_a1, a1, 2, state=WorkState.IN_PROGRESS)
    for work, percents in ((small, [10]), (large, [10, 20, 30])):
        work.targets.add(kh.target)
        work.cooperating_units.add(province.health)
        for percent in percents:
            services.progress_add(
                actor=a1, work=work, on=dt.date(2025, 2, percent // 10),
                percent=percent, narrative="Tiến triển.", files=[photo(), photo("b.png")],
            )  # fmt: skip

    one = count_queries(client, url(small))
    three = count_queries(client, url(large))

    assert len(ok(client.get(url(large)))["progress_updates"]) == 3
    # token + memberships + work + registrant unit + 8 prefetched parts
    assert one == three == 12


def test_change_request_of_hidden_work_is_404(kh, province, a1):
    work = make_work(kh, province.commune_a1, a1, 1, state=WorkState.APPROVED)
    pending = ChangeRequest.objects.create(
        work=work, changes={"title": "Tên mới"}, reason="Đổi tên", requested_by=a1
    )

    response = client_for(member(province.district_b)).post(
        f"/api/v1/change-requests/{pending.pk}/reject/", {"note": "Không"}, format="json"
    )

    assert response.status_code == 404
    pending.refresh_from_db()
    assert pending.state == "pending"


def test_work_budget_is_a_number_not_a_string(kh, province, a1):
    make_work(kh, province.commune_a1, a1, 1, budget=Decimal("100.0"), latitude=None)

    row = ok(client_for(a1).get(WORKS))["results"][0]

    assert row["budget"] == 100 and isinstance(row["budget"], int)
    assert row["latitude"] is None and row["longitude"] is None
