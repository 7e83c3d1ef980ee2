"""Works in Excel: the registration template, its all-or-nothing import, the register export."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from io import StringIO
from pathlib import Path

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import include, path, reverse

from tests.factories import CampaignFactory, PhaseFactory, Province, TargetFactory, member
from thidua.accounts.models import User
from thidua.campaigns.models import Campaign, CampaignWork, ContentArea, Phase, RegistrationRule
from thidua.targets.models import Target
from thidua.works.excel import registration_import, registration_template
from thidua.works.models import Work, WorkState
from thidua.works.services import (
    WorkData,
    work_approve,
    work_complete,
    work_create,
    work_start,
    work_submit,
)


def _urlpatterns() -> list:
    """The site's routes with the Excel routes inside the "works" namespace.

    Until the lead wires ``works/urls.py`` into the site, the works routes that exist
    (if any) are combined here with the Excel ones, exactly as they will be included.
    """
    from thidua import urls as site
    from thidua.works import urls_excel

    try:
        from thidua.works import urls as works_urls

        works_patterns = list(works_urls.urlpatterns)
    except ImportError:
        works_patterns = []
    others = [p for p in site.urlpatterns if getattr(p, "namespace", None) != "works"]
    works = ([*works_patterns, *urls_excel.urlpatterns], "works")
    return [*others, path("cong-trinh/", include(works))]


urlpatterns = _urlpatterns()
pytestmark = pytest.mark.urls(__name__)

HEADERS = [
    "STT",
    "Loại (Công trình/Dự án/Phần việc)",
    "Tên công trình, dự án, phần việc *",
    "Mô tả",
    "Nội dung thi đua (mã)",
    "Địa điểm (xã, phường)",
    "Kinh phí (triệu đồng)",
    "Nguồn kinh phí",
    "Ngày bắt đầu (dd/mm/yyyy) *",
    "Ngày hoàn thành (dd/mm/yyyy) *",
    "Chào mừng đợt",
    "Chỉ tiêu phục vụ (mã, cách nhau dấu phẩy)",
]
EXPORT_HEADERS = [
    "STT",
    "Mã",
    "Đơn vị thực hiện",
    "Cấp duyệt",
    "Loại",
    "Tên",
    "Nội dung thi đua",
    "Địa điểm",
    "Kinh phí (triệu đồng)",
    "Nguồn kinh phí",
    "Bắt đầu",
    "Hoàn thành dự kiến",
    "Hoàn thành thực tế",
    "Tiến độ (%)",
    "Trạng thái",
    "Trễ hạn",
    "Vượt tiến độ",
]
FIRST_ROW = 5  # title, unit, header, example, then the data


@dataclass
class World:
    province: Province
    campaign: Campaign
    phases: list[Phase]
    areas: list[ContentArea]
    targets: list[Target]
    officer: User  # commune A1
    sibling: User  # commune A2, same district
    district: User  # district A, approves its communes' works


@pytest.fixture(autouse=True)
def _frozen_time() -> None:
    """Not frozen: the works tests' clock (tests/works/conftest.py) stops at 01/3/2025, and
    these tests run on the real clock, or travel to their own day."""


@pytest.fixture
def world(province: Province) -> World:
    campaign = CampaignFactory(issuer_unit=province.root, code="kh-thu", doc_number="128/KH-UBND")
    phases = [
        PhaseFactory(campaign=campaign, code="dot-1", name="Đợt 1", position=1),
        PhaseFactory(
            campaign=campaign,
            code="dot-2",
            name="Đợt 2",
            position=2,
            start=dt.date(2025, 5, 1),
            end=dt.date(2025, 9, 30),
        ),
    ]
    areas = [
        ContentArea.objects.create(
            campaign=campaign, code="ND1", title="Sản xuất nông nghiệp", position=1
        ),
        ContentArea.objects.create(
            campaign=campaign, code="ND2", title="Văn hóa, xã hội", position=2
        ),
    ]
    targets = [
        TargetFactory(campaign=campaign, code="T01", position=1),
        TargetFactory(campaign=campaign, code="T02", position=2),
    ]
    RegistrationRule.objects.create(
        campaign=campaign,
        unit_kinds=["commune"],
        minimum=1,
        work_kinds=["construction", "project"],
        alternative_work_kinds=["task"],
        via_parent=True,
        approver="parent",
    )
    return World(
        province=province,
        campaign=campaign,
        phases=phases,
        areas=areas,
        targets=targets,
        officer=member(province.commune_a1),
        sibling=member(province.commune_a2),
        district=member(province.district_a),
    )


def good_rows() -> list[list[object]]:
    return [
        [
            1,
            "Công trình",
            "Nâng cấp đường giao thông ấp Phú Hòa",
            "Láng nhựa 2 km",
            "ND1",
            "xa hoa an",
            "1.234,5",
            "Ngân sách xã",
            "01/12/2024",
            "30/04/2025",
            "dot-1",
            "T01, T02",
        ],
        [
            2,
            "Dự án",
            "Xây dựng nhà văn hóa ấp Bình Tân",
            None,
            "ND2",
            "Phong Phú",
            1234.5,
            None,
            dt.datetime(2025, 1, 15),
            dt.datetime(2025, 8, 31),
            "Đợt 2",
            None,
        ],
        [
            3,
            "phan viec",
            "Trồng cây xanh tuyến kênh Ba Số",
            None,
            None,
            None,
            None,
            None,
            "15/01/2025",
            "15/03/2025",
            None,
            "T02",
        ],
    ]


def fill(template: bytes, rows: list[list[object]], *, start: int = FIRST_ROW) -> bytes:
    """Type ``rows`` into the template's registration sheet, as a person would."""
    workbook = openpyxl.load_workbook(io.BytesIO(template))
    sheet = workbook["Đăng ký"]
    for offset, row in enumerate(rows):
        for column, value in enumerate(row, start=1):
            sheet.cell(row=start + offset, column=column, value=value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(world: World, rows: list[list[object]], **kw: object) -> object:
    content = fill(registration_template(world.campaign, world.province.commune_a1), rows)
    return registration_import(
        actor=world.officer,
        campaign=world.campaign,
        unit=world.province.commune_a1,
        content=content,
        **kw,
    )


def register(world: World, user: User, unit: object, title: str, **kw: object) -> Work:
    data = WorkData(
        kind="construction",
        title=title,
        planned_start=dt.date(2024, 12, 1),
        planned_finish=dt.date(2025, 6, 30),
        **kw,
    )
    return work_create(actor=user, campaign=world.campaign, unit=unit, data=data)


def messages(result: object) -> list[str]:
    return [str(error) for error in result.errors]


# --- Template ---------------------------------------------------------------------------------


def test_template_has_header_example_dropdowns_and_lists(world: World) -> None:
    content = registration_template(world.campaign, world.province.commune_a1)

    workbook = openpyxl.load_workbook(io.BytesIO(content))
    sheet = workbook["Đăng ký"]
    lists = workbook["Danh mục"]
    validated = {
        str(v.sqref).split(":")[0][0]: v.formula1 for v in sheet.data_validations.dataValidation
    }
    column = {
        letter: [c.value for c in lists[letter][1:] if c.value is not None] for letter in "ABDFH"
    }

    assert workbook.sheetnames == ["Đăng ký", "Hướng dẫn", "Danh mục"]
    assert "128/KH-UBND" in sheet["A1"].value
    assert "Xã Phong Phú" in sheet["A2"].value
    assert [c.value for c in sheet[3]] == HEADERS
    assert sheet["A4"].value == "VD"
    assert sheet["C4"].font.i is True
    assert sheet.freeze_panes == "A4"
    assert lists.sheet_state == "hidden"
    assert set(validated) == {"B", "E", "F", "K"}
    assert validated["B"] == "'Danh mục'!$A$2:$A$4"
    assert validated["E"] == "'Danh mục'!$B$2:$B$3"
    assert column["A"] == ["Công trình", "Dự án", "Phần việc"]
    assert column["B"] == ["ND1", "ND2"]
    assert column["D"] == ["dot-1", "dot-2"]
    assert column["F"] == ["T01", "T02"]
    assert column["H"] == ["Xã Hòa Ân", "Xã Phong Phú"]  # district A only, not Xã Tập Sơn
    assert "dd/mm/yyyy" in "\n".join(c.value for c in workbook["Hướng dẫn"]["A"])


def test_template_unchanged_imports_nothing_with_a_clear_message(world: World) -> None:
    result = upload(world, [])

    assert messages(result) == [
        "Tệp chưa có dòng nào để đăng ký: hãy điền từ dòng dưới dòng ví dụ."
    ]


# --- Import: round trip -------------------------------------------------------------------------


def test_import_round_trip_creates_three_drafts_with_their_fields(world: World) -> None:
    result = upload(world, good_rows())

    works = {w.title: w for w in Work.objects.filter(campaign=world.campaign)}
    road = works["Nâng cấp đường giao thông ấp Phú Hòa"]
    hall = works["Xây dựng nhà văn hóa ấp Bình Tân"]
    trees = works["Trồng cây xanh tuyến kênh Ba Số"]
    assert result.ok and result.created == 3
    assert {w.state for w in works.values()} == {WorkState.DRAFT}
    assert {w.unit for w in works.values()} == {world.province.commune_a1}
    assert {w.approver_unit for w in works.values()} == {world.province.district_a}
    assert (road.kind, hall.kind, trees.kind) == ("construction", "project", "task")
    assert road.description == "Láng nhựa 2 km"
    assert road.content_area == world.areas[0] and hall.content_area == world.areas[1]
    assert road.place == world.province.commune_a2 and hall.place == world.province.commune_a1
    assert road.budget == Decimal("1234.5") and hall.budget == Decimal("1234.5")
    assert road.budget_source == "Ngân sách xã" and trees.budget is None
    assert (road.planned_start, road.planned_finish) == (dt.date(2024, 12, 1), dt.date(2025, 4, 30))
    assert (hall.planned_start, hall.planned_finish) == (dt.date(2025, 1, 15), dt.date(2025, 8, 31))
    assert road.phase == world.phases[0] and hall.phase == world.phases[1]
    assert road.deadline == dt.date(2025, 4, 30)
    assert sorted(t.code for t in road.targets.all()) == ["T01", "T02"]
    assert [t.code for t in trees.targets.all()] == ["T02"]


def test_import_skips_blank_rows_between_data(world: World) -> None:
    rows = good_rows()
    rows.insert(1, [None] * 12)
    rows.insert(2, [4, None, "   ", None])  # only an STT and spaces: blank

    result = upload(world, rows)

    assert result.ok and result.created == 3


# --- Import: broken rows ------------------------------------------------------------------------

BAD_CELLS = [
    (2, None, "Dòng 5, cột “Tên công trình, dự án, phần việc”: Hãy nhập tên"),
    (1, "Nhà ở", "Dòng 5, cột “Loại”: “Nhà ở” không phải loại hợp lệ"),
    (1, None, "Dòng 5, cột “Loại”: Hãy chọn loại: Công trình, Dự án, Phần việc."),
    (8, "31/02/2025", "Dòng 5, cột “Ngày bắt đầu”: Ngày “31/02/2025” không có thật"),
    (8, "2025/01/15", "Dòng 5, cột “Ngày bắt đầu”: “2025/01/15” không phải ngày"),
    (9, None, "Dòng 5, cột “Ngày hoàn thành”: Hãy nhập ngày, ghi dạng dd/mm/yyyy"),
    (9, "30/11/2024", "Dòng 5, cột “Ngày hoàn thành”: Ngày hoàn thành (30/11/2024) phải sau"),
    (6, "hai tỷ", "Dòng 5, cột “Kinh phí”: “hai tỷ” không phải số"),
    (6, -5, "Dòng 5, cột “Kinh phí”: Kinh phí không được âm."),
    (4, "ND9", "Dòng 5, cột “Nội dung thi đua”: Không có nội dung thi đua mã “ND9”"),
    (10, "dot-9", "Dòng 5, cột “Chào mừng đợt”: Không có đợt “dot-9”"),
    (11, "T01, T99", "Dòng 5, cột “Chỉ tiêu phục vụ”: Không có chỉ tiêu mã T99"),
    (5, "Xã Tập Sơn", "Dòng 5, cột “Địa điểm”: Không tìm thấy xã, phường “Xã Tập Sơn”"),
]


@pytest.mark.parametrize(("index", "value", "expected"), BAD_CELLS)
def test_import_bad_cell_reports_row_and_column_and_saves_nothing(
    world: World, index: int, value: object, expected: str
) -> None:
    rows = good_rows()
    rows[0][index] = value
    before = Work.objects.count()

    result = upload(world, rows)

    assert not result.ok
    assert any(message.startswith(expected) for message in messages(result)), messages(result)
    assert Work.objects.count() == before


def test_import_good_row_then_bad_row_saves_nothing(world: World) -> None:
    rows = good_rows()[:2]
    rows[1][9] = "ngày mai"

    result = upload(world, rows)

    assert messages(result)[0].startswith("Dòng 6, cột “Ngày hoàn thành”: “ngày mai”")
    assert Work.objects.count() == 0


def test_import_collects_every_error_of_every_row(world: World) -> None:
    rows = good_rows()
    rows[0][6] = "abc"
    rows[2][1] = "Nhà"
    rows[2][8] = "32/01/2025"

    result = upload(world, rows)

    assert [(e.row, e.column) for e in result.errors] == [
        (5, "Kinh phí"),
        (7, "Loại"),
        (7, "Ngày bắt đầu"),
    ]


def test_import_duplicate_title_in_file_is_an_error(world: World) -> None:
    rows = good_rows()
    rows[2][2] = "nâng cấp đường giao thông ấp phú hòa"

    result = upload(world, rows)

    assert messages(result) == [
        "Dòng 7, cột “Tên công trình, dự án, phần việc”: Trùng tên với dòng 5 của tệp; "
        "mỗi công trình chỉ ghi một dòng."
    ]
    assert Work.objects.count() == 0


def test_import_same_file_twice_refuses_the_second(world: World) -> None:
    upload(world, good_rows())

    again = upload(world, good_rows())

    assert again.created == 0 and len(again.errors) == 3
    assert "Đơn vị đã đăng ký công trình cùng tên" in messages(again)[0]
    assert Work.objects.count() == 3


def test_import_refusal_by_work_create_rolls_back_earlier_rows(world: World) -> None:
    CampaignWork.objects.create(
        campaign=world.campaign, code="CT01", title="Trồng cây xanh tuyến kênh Ba Số", stage="start"
    )

    result = upload(world, good_rows())

    assert result.created == 0
    assert messages(result) == [
        "Dòng 7: Trùng với công trình của tỉnh “Trồng cây xanh tuyến kênh Ba Số”: "
        "KH yêu cầu không đăng ký trùng."
    ]
    assert Work.objects.count() == 0


def test_import_similar_work_asks_for_confirmation_then_saves(world: World) -> None:
    register(world, world.sibling, world.province.commune_a2, "Xây dựng nhà văn hóa ấp Bình Tân")

    first = upload(world, good_rows())
    confirmed = upload(world, good_rows(), confirm_similar=True)

    assert first.needs_confirmation and first.created == 0
    assert messages(first)[0].startswith(
        "Dòng 6, cột “Tên công trình, dự án, phần việc”: Tên gần giống công trình đã đăng ký: "
        "“Xây dựng nhà văn hóa ấp Bình Tân” (Xã Hòa Ân)."
    )
    assert "đánh dấu ô “Tôi đã kiểm tra" in messages(first)[0]
    assert confirmed.created == 3
    assert Work.objects.filter(unit=world.province.commune_a1).count() == 3


def test_import_wrong_header_names_missing_and_moved_columns(world: World) -> None:
    workbook = openpyxl.load_workbook(
        io.BytesIO(registration_template(world.campaign, world.province.commune_a1))
    )
    sheet = workbook["Đăng ký"]
    sheet["D3"], sheet["E3"] = "Nội dung thi đua (mã)", "Mô tả"
    sheet["L3"] = "Ghi chú"
    buffer = io.BytesIO()
    workbook.save(buffer)

    result = registration_import(
        actor=world.officer,
        campaign=world.campaign,
        unit=world.province.commune_a1,
        content=buffer.getvalue(),
    )

    assert messages(result)[:3] == [
        "Dòng 3: Cột “Mô tả” đang ở cột E; theo mẫu phải ở cột D.",
        "Dòng 3: Cột “Nội dung thi đua” đang ở cột D; theo mẫu phải ở cột E.",
        "Dòng 3: Thiếu cột “Chỉ tiêu phục vụ” (theo mẫu là cột L).",
    ]


def test_import_template_of_another_unit_is_refused(world: World) -> None:
    content = fill(registration_template(world.campaign, world.province.commune_a2), good_rows())

    result = registration_import(
        actor=world.officer,
        campaign=world.campaign,
        unit=world.province.commune_a1,
        content=content,
    )

    assert messages(result) == ["Tệp này là mẫu của đơn vị khác; hãy tải mẫu của Xã Phong Phú."]


# --- Views --------------------------------------------------------------------------------------


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def _wrong_header() -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active.append(["STT", "Tên", "Ngày"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


NOT_A_REGISTRATION = [
    ("empty", b"", "Tệp rỗng."),
    ("png", b"\x89PNG\r\n\x1a\n" + bytes(200), "Đây là tệp ảnh, không phải Excel."),
    ("docx", _docx(), "Đây là tệp Word (.docx), không phải Excel."),
    ("csv", "STT,Loại,Tên\n1,Công trình,Đường\n".encode(), "Đây là tệp văn bản (CSV)"),
    ("broken", b"PK\x03\x04" + bytes(300), "Tệp không phải Excel (.xlsx)."),
    ("header", _wrong_header(), "Thiếu cột “Loại” (theo mẫu là cột B)."),
    ("six-mb", b"PK\x03\x04" + bytes(6 * 1024 * 1024), "Tệp lớn 6,0 MB, quá giới hạn 5 MB."),
]


@pytest.mark.parametrize(
    ("content", "expected"),
    [case[1:] for case in NOT_A_REGISTRATION],
    ids=[case[0] for case in NOT_A_REGISTRATION],
)
def test_upload_not_a_registration_file_shows_message(
    client: Client, world: World, content: bytes, expected: str
) -> None:
    client.force_login(world.officer)
    url = reverse("works:excel_upload", args=[world.campaign.pk, world.province.commune_a1.pk])

    response = client.post(url, {"file": SimpleUploadedFile("cong-trinh.xlsx", content)})

    assert response.status_code == 200
    assert expected in response.content.decode()
    assert "chưa lưu công trình nào" in response.content.decode()
    assert Work.objects.count() == 0


def test_upload_page_round_trip_through_the_views(client: Client, world: World) -> None:
    client.force_login(world.officer)
    args = [world.campaign.pk, world.province.commune_a1.pk]
    template = client.get(reverse("works:excel_template", args=args))
    page = client.get(reverse("works:excel_upload", args=args))
    filled = fill(template.content, good_rows())

    response = client.post(
        reverse("works:excel_upload", args=args),
        {"file": SimpleUploadedFile("dang-ky.xlsx", filled)},
        headers={"HX-Request": "true"},
    )

    assert "attachment" in template["Content-Disposition"]
    assert template["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "Tải mẫu Excel của đơn vị" in page.content.decode()
    assert 'data-import-created="3"' in response.content.decode()
    assert "<html" not in response.content.decode()  # the HTMX fragment only
    assert Work.objects.filter(unit=world.province.commune_a1).count() == 3


def test_upload_without_file_asks_for_one(client: Client, world: World) -> None:
    client.force_login(world.officer)
    url = reverse("works:excel_upload", args=[world.campaign.pk, world.province.commune_a1.pk])

    response = client.post(url, {}, headers={"HX-Request": "true"})

    assert "Hãy chọn tệp Excel đã điền theo mẫu." in response.content.decode()


@pytest.mark.parametrize("who", ["sibling", "district"])
def test_template_and_upload_for_a_unit_not_theirs_are_forbidden(
    client: Client, world: World, who: str
) -> None:
    client.force_login(getattr(world, who))
    args = [world.campaign.pk, world.province.commune_a1.pk]
    content = fill(registration_template(world.campaign, world.province.commune_a1), good_rows())

    template = client.get(reverse("works:excel_template", args=args))
    posted = client.post(
        reverse("works:excel_upload", args=args),
        {"file": SimpleUploadedFile("dang-ky.xlsx", content)},
    )

    assert template.status_code == 403 and posted.status_code == 403
    assert not template.content.startswith(b"PK")
    assert Work.objects.count() == 0


def test_template_of_a_campaign_not_visible_is_not_found(client: Client, world: World) -> None:
    other = CampaignFactory(issuer_unit=world.province.district_b)
    client.force_login(world.officer)

    response = client.get(
        reverse("works:excel_template", args=[other.pk, world.province.commune_a1.pk])
    )

    assert response.status_code == 404
    assert not response.content.startswith(b"PK")


# --- Export -------------------------------------------------------------------------------------


def export_rows(client: Client, query: str = "") -> tuple[list[object], list[list[object]]]:
    response = client.get(reverse("works:excel_export") + query)
    content = b"".join(response.streaming_content)  # the client closes it once read
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    sheet = workbook.active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    return values, [list(row) for row in sheet.iter_rows(min_row=3)]


def test_export_holds_the_visible_works_with_labels_and_dates(client: Client, world: World) -> None:
    a1 = world.province.commune_a1
    draft = register(world, world.officer, a1, "Nâng cấp trạm y tế xã", budget=Decimal("1234.5"))
    done = register(world, world.officer, a1, "Xây dựng cầu bê tông kênh Chín Hội")
    work_submit(actor=world.officer, work=done)
    work_approve(actor=world.district, work=done)
    work_start(actor=world.officer, work=done)
    work_complete(actor=world.officer, work=done, actual_finish=dt.date(2025, 6, 1))
    register(world, world.sibling, world.province.commune_a2, "Làm đường ấp Hòa Lạc")
    client.force_login(world.officer)

    values, cells = export_rows(client)

    by_title = {row[5].value: row for row in cells}
    done_row = by_title["Xây dựng cầu bê tông kênh Chín Hội"]
    draft_row = by_title["Nâng cấp trạm y tế xã"]
    assert values[0][0].startswith("Danh sách công trình, dự án, phần việc – xuất ngày ")
    assert values[1] == EXPORT_HEADERS
    assert set(by_title) == {draft.title, done.title}  # Xã Hòa Ân's work stays out
    assert [c.value for c in done_row[:5]][1:] == [
        done.pk,
        "Xã Phong Phú",
        "Huyện Cầu Kè",
        "Công trình",
    ]
    assert draft_row[14].value == "Nháp" and done_row[14].value == "Hoàn thành"
    assert done_row[10].value == dt.datetime(2024, 12, 1)
    assert done_row[10].number_format == "DD/MM/YYYY"
    assert done_row[12].value == dt.datetime(2025, 6, 1)
    assert (done_row[13].value, done_row[15].value, done_row[16].value) == (100, "Không", "Có")
    assert draft_row[8].value == 1234.5
    assert draft_row[8].number_format == "#,##0.0"


def test_export_district_sees_its_communes_not_the_other_district(
    client: Client, world: World
) -> None:
    register(world, world.officer, world.province.commune_a1, "Đường ấp Phú Thạnh")
    register(world, world.sibling, world.province.commune_a2, "Nhà văn hóa ấp Hòa Lạc")
    other = member(world.province.commune_b1)
    register(world, other, world.province.commune_b1, "Cống thủy lợi ấp Chợ")
    client.force_login(world.district)

    _values, cells = export_rows(client)

    assert sorted(row[5].value for row in cells) == ["Nhà văn hóa ấp Hòa Lạc", "Đường ấp Phú Thạnh"]


def test_export_applies_the_register_filters(client: Client, world: World) -> None:
    a1 = world.province.commune_a1
    register(world, world.officer, a1, "Đường ấp Phú Thạnh")
    sent = register(world, world.officer, a1, "Cầu ấp Trà Mẹt")
    work_submit(actor=world.officer, work=sent)
    client.force_login(world.officer)

    _v, submitted = export_rows(client, "?state=submitted")
    _v, searched = export_rows(client, "?q=cau+tra+met")
    _v, nonsense = export_rows(client, "?state=bogus&campaign=x&late=maybe")

    assert [row[5].value for row in submitted] == ["Cầu ấp Trà Mẹt"]
    assert [row[14].value for row in submitted] == ["Chờ duyệt"]
    assert [row[5].value for row in searched] == ["Cầu ấp Trà Mẹt"]
    assert len(nonsense) == 2


def test_export_query_count_does_not_grow_with_works(client: Client, world: World) -> None:
    a1 = world.province.commune_a1
    client.force_login(world.officer)
    url = reverse("works:excel_export")
    register(world, world.officer, a1, "Đường ấp Phú Thạnh", place=a1, content_area=world.areas[0])
    with CaptureQueriesContext(connection) as one:
        b"".join(client.get(url).streaming_content)
    register(world, world.officer, a1, "Cầu ấp Trà Mẹt", place=a1, phase=world.phases[0])
    register(world, world.officer, a1, "Trường mẫu giáo ấp Ô Chát", content_area=world.areas[1])

    with CaptureQueriesContext(connection) as three:
        b"".join(client.get(url).streaming_content)

    assert len(one) == len(three) == 4  # session, user, memberships, works


# --- Command ------------------------------------------------------------------------------------


def test_command_template_import_export(world: World, tmp_path: Path) -> None:
    template = tmp_path / "mau.xlsx"
    filled = tmp_path / "da-dien.xlsx"
    exported = tmp_path / "xuat.xlsx"
    out = StringIO()

    call_command(
        "works_excel", "template", "--campaign", "kh-thu", "--unit", "P-A-1", "--out", str(template)
    )
    filled.write_bytes(fill(template.read_bytes(), good_rows()))
    call_command(
        "works_excel",
        "import",
        str(filled),
        "--campaign",
        "kh-thu",
        "--unit",
        "P-A-1",
        "--user",
        world.officer.username,
        stdout=out,
    )
    call_command(
        "works_excel",
        "export",
        "--user",
        world.officer.username,
        "--out",
        str(exported),
        stdout=out,
    )

    assert "Đã tạo 3 công trình ở trạng thái Nháp." in out.getvalue()
    assert "Đã xuất 3 công trình" in out.getvalue()
    assert openpyxl.load_workbook(exported).active.max_row == 5
