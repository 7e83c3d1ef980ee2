"""Excel import of a unit's nomination list: the template, good and bad files."""

from __future__ import annotations

from io import BytesIO

from django.test import Client
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from tests.factories.awards import Kh, People
from thidua.awards.excel import COLUMNS, SHEET, import_nominations, template_bytes
from thidua.awards.models import Nomination, Nominee


def _book(rows: list[list[object]]) -> BytesIO:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    sheet.append([label for _key, label in COLUMNS])
    for row in rows:
        sheet.append(row)
    out = BytesIO()
    book.save(out)
    out.seek(0)
    return out


GOOD = [
    [
        "Nguyễn Thị Hoa",
        "Cá nhân",
        "Nữ",
        1985,
        "Kế toán",
        "",
        "Bằng khen UBND tỉnh",
        "Đợt 1",
        "",
        "Tiêu biểu",
    ],
    ["Khoa Nhi", "Tập thể", "", "", "", "", "Giấy khen", "dot-2", "Thành tích đột xuất", ""],
]


def test_template_has_the_header_and_the_choices(kh: Kh) -> None:
    book = load_workbook(BytesIO(template_bytes(kh.campaign)))

    header = [c.value for c in book[SHEET][1]]
    choices = [c.value for c in book["Danh mục"]["B"]]
    assert header == [label for _key, label in COLUMNS]
    assert "Bằng khen UBND tỉnh" in choices and "Giấy khen" in choices


def test_good_file_creates_every_row(kh: Kh, people: People) -> None:
    stream = _book(GOOD)

    result = import_nominations(
        by=people.officer,
        campaign=kh.campaign,
        unit=kh.province.health,
        stream=stream,
        size=len(stream.getvalue()),
    )

    assert result.errors == [] and result.created == 2
    hoa = Nomination.objects.get(nominee__name="Nguyễn Thị Hoa")
    assert (
        hoa.form.code == "bang-khen-tinh"
        and hoa.phase == kh.phase1
        and hoa.grantor_unit == kh.province.root
    )
    khoa = Nomination.objects.get(nominee__name="Khoa Nhi")
    assert khoa.basis == "exceptional" and khoa.grantor_unit == kh.province.health


def test_bad_rows_are_listed_and_nothing_is_saved(kh: Kh, people: People) -> None:
    rows = [
        *GOOD,
        ["", "Cá nhân", "", "abc", "", "", "Huân chương", "Đợt 9", "", ""],
        ["Tổ Điều dưỡng", "Tập thể", "", "", "", "", "Lao động tiên tiến", "Đợt 1", "", ""],
    ]
    stream = _book(rows)

    result = import_nominations(
        by=people.officer,
        campaign=kh.campaign,
        unit=kh.province.health,
        stream=stream,
        size=len(stream.getvalue()),
    )

    assert result.created == 0
    assert "Dòng 4: thiếu họ tên / tên." in result.errors
    assert any("Dòng 4: hình thức khen thưởng “Huân chương” không có" in e for e in result.errors)
    assert any("Dòng 4: năm sinh “abc”" in e for e in result.errors)
    assert any(
        e.startswith("Dòng 5:") and "không tặng cho đối tượng loại này" in e for e in result.errors
    )
    assert Nomination.objects.count() == 0 and Nominee.objects.count() == 0


def test_duplicate_in_the_phase_rolls_back_all_rows(kh: Kh, people: People) -> None:
    stream = _book([GOOD[0], GOOD[0]])

    result = import_nominations(
        by=people.officer,
        campaign=kh.campaign,
        unit=kh.province.health,
        stream=stream,
        size=len(stream.getvalue()),
    )

    assert result.created == 0 and result.errors[0].startswith("Dòng 3:")
    assert "một thành tích chỉ được khen một hình thức" in result.errors[0]
    assert Nomination.objects.count() == 0


def test_not_an_excel_file_and_wrong_header(kh: Kh, people: People) -> None:
    book = Workbook()
    book.active.append(["Tên", "Khác"])  # type: ignore[union-attr]
    wrong = BytesIO()
    book.save(wrong)
    wrong.seek(0)

    text = import_nominations(
        by=people.officer,
        campaign=kh.campaign,
        unit=kh.province.health,
        stream=BytesIO(b"%PDF-1.4"),
        size=8,
    )
    client = Client()
    client.force_login(people.officer)
    wrong.name = "sai.xlsx"
    page = client.post(
        reverse("awards:excel_upload") + f"?unit={kh.province.health.pk}&campaign={kh.campaign.pk}",
        {"file": wrong},
    )

    assert "Hãy tải lên tệp Excel" in text.errors[0]
    assert "Dòng tiêu đề không đúng mẫu" in page.content.decode()


def test_template_download_page(kh: Kh, people: People) -> None:
    client = Client()
    client.force_login(people.officer)

    response = client.get(
        reverse("awards:excel_template"),
        {"unit": kh.province.health.pk, "campaign": kh.campaign.pk},
    )

    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert load_workbook(BytesIO(response.content))[SHEET]["A1"].value == "Họ tên / tên (*)"
