"""The registration pages: the unit's page, the compiled view, the export, the settings;
who may see and do what, sibling leaks, anonymous visitors, query counts."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from tests.factories.registrations import registration_in
from tests.pages import HX, page_text, signed_in
from thidua.registrations.excel import COLUMNS, SHEET
from thidua.registrations.models import (
    Registration,
    RegistrationEntry,
    RegistrationSetting,
    RegistrationState,
)

S = RegistrationState
YEAR = 2026


def _unit_url(unit, year=YEAR):
    return f"/dang-ky-thi-dua/don-vi/{unit.pk}/{year}/"


def test_anonymous_visitor_is_sent_to_sign_in(province, people):
    registration = registration_in(
        S.SUBMITTED, province.commune_a1, people.a1_officer, people.a1_head
    )
    from django.test import Client

    client = Client()
    for url in (
        "/dang-ky-thi-dua/",
        _unit_url(province.commune_a1),
        f"/dang-ky-thi-dua/tong-hop/{YEAR}/",
        f"/dang-ky-thi-dua/tong-hop/{YEAR}/xlsx/",
        "/dang-ky-thi-dua/mau.xlsx",
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/tai-khoan/" in response["Location"], url
    response = client.post(f"/dang-ky-thi-dua/{registration.pk}/submit/")
    assert response.status_code == 302
    assert Registration.objects.get(pk=registration.pk).state == S.SUBMITTED


def test_officer_opens_adds_and_head_submits(province, people):
    officer = signed_in(people.a1_officer)

    officer.post(f"/dang-ky-thi-dua/don-vi/{province.commune_a1.pk}/{YEAR}/mo/")
    registration = Registration.objects.get(unit=province.commune_a1, year=YEAR)
    officer.post(
        f"/dang-ky-thi-dua/{registration.pk}/them/",
        {"kind": "individual", "form": _form_pk("ldtt"), "name": "Lý Thị Mai",
         "gender": "female", "birth_year": "1990", "position": "Kế toán"},
    )  # fmt: skip
    page = page_text(officer.get(_unit_url(province.commune_a1)))
    refused = officer.post(f"/dang-ky-thi-dua/{registration.pk}/submit/")
    signed_in(people.a1_head).post(f"/dang-ky-thi-dua/{registration.pk}/submit/")

    assert "Lý Thị Mai" in page and "Lao động tiên tiến" in page
    assert "thủ trưởng đơn vị gửi bản đăng ký" in page
    assert "cài đặt do Ban Thi đua – Khen thưởng xác nhận" in page
    assert refused.status_code == 403
    assert Registration.objects.get(pk=registration.pk).state == S.SUBMITTED


def _form_pk(code):
    from thidua.awards.models import AwardForm

    return AwardForm.objects.get(code=code).pk


def test_import_page_all_or_nothing(province, people):
    registration = registration_in(
        S.DRAFT, province.commune_a1, people.a1_officer, people.a1_head, names=()
    )
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append([label for _k, label in COLUMNS])
    sheet.append(["Người Một", "Nam", 1980, "", "LĐTT", ""])
    sheet.append(["Người Hai", "Nam", "x", "", "LĐTT", ""])
    out = io.BytesIO()
    book.save(out)
    upload = SimpleUploadedFile("ds.xlsx", out.getvalue())

    response = signed_in(people.a1_officer).post(
        f"/dang-ky-thi-dua/{registration.pk}/nhap/", {"file": upload}, follow=True
    )

    text = page_text(response)
    assert "Chưa nhập dòng nào" in text
    assert "Dòng 3, cột “Năm sinh”" in text
    assert not RegistrationEntry.objects.filter(registration=registration).exists()


def test_sibling_sees_nothing_of_another_commune(province, people):
    registration = registration_in(
        S.SUBMITTED, province.commune_a1, people.a1_officer, people.a1_head, names=("Bí Mật Một",)
    )
    sibling = signed_in(people.a2_head)

    unit_page = sibling.get(_unit_url(province.commune_a1))
    index = page_text(sibling.get(f"/dang-ky-thi-dua/?year={YEAR}"))
    compiled = page_text(sibling.get(f"/dang-ky-thi-dua/tong-hop/{YEAR}/"))
    export = sibling.get(f"/dang-ky-thi-dua/tong-hop/{YEAR}/xlsx/")
    action = sibling.post(f"/dang-ky-thi-dua/{registration.pk}/accept/")

    assert unit_page.status_code == 404
    assert "Xã Phong Phú" not in index and "Xã Phong Phú" not in compiled
    assert "Xã Hòa Ân" in compiled
    cells = [
        c for row in load_workbook(io.BytesIO(export.content)).worksheets[2].values for c in row
    ]
    assert "Bí Mật Một" not in cells
    assert action.status_code == 404
    assert Registration.objects.get(pk=registration.pk).state == S.SUBMITTED


def test_secretariat_compiles_the_province(province, people):
    registration_in(
        S.SUBMITTED, province.commune_a1, people.a1_officer, people.a1_head,
        names=("Nguyễn Thị Hoa", "Trần Văn Bình"),
    )  # fmt: skip
    registration_in(S.DRAFT, province.health, people.health_officer, people.health_head)
    client = signed_in(people.secretariat)

    text = page_text(client.get(f"/dang-ky-thi-dua/tong-hop/{YEAR}/"))
    missing = page_text(client.get(f"/dang-ky-thi-dua/tong-hop/{YEAR}/?status=missing"))
    export = client.get(f"/dang-ky-thi-dua/tong-hop/{YEAR}/xlsx/")

    assert "Xã Phong Phú Đã gửi 2" in text
    assert "Sở Y tế Đang soạn" in text
    assert "Xã Hòa Ân Chưa đăng ký" in text
    assert "Lao động tiên tiến 2" in text
    assert "Xã Phong Phú" not in missing and "Sở Y tế" in missing and "Xã Tập Sơn" in missing
    book = load_workbook(io.BytesIO(export.content))
    assert book.sheetnames == ["Đơn vị", "Tổng hợp", "Danh sách"]
    names = [row[2] for row in book["Danh sách"].iter_rows(min_row=3, values_only=True)]
    assert names == ["Nguyễn Thị Hoa", "Trần Văn Bình"]


def test_secretariat_accepts_and_returns(province, people):
    first = registration_in(S.SUBMITTED, province.commune_a1, people.a1_officer, people.a1_head)
    second = registration_in(S.SUBMITTED, province.commune_a2, people.a2_head, people.a2_head)
    client = signed_in(people.secretariat)

    client.post(f"/dang-ky-thi-dua/{first.pk}/accept/")
    client.post(f"/dang-ky-thi-dua/{second.pk}/return/", {"reason": "Thiếu danh sách tập thể"})

    assert Registration.objects.get(pk=first.pk).state == S.ACCEPTED
    returned = Registration.objects.get(pk=second.pk)
    assert (returned.state, returned.return_reason) == (S.RETURNED, "Thiếu danh sách tập thể")


def test_secretariat_records_the_setting_and_units_may_not(province, people):
    form = {"deadline": "28/02/2026", "severity": "block", "source": ""}

    signed_in(people.a1_head).post(f"/dang-ky-thi-dua/tong-hop/{YEAR}/cai-dat/", form)
    assert not RegistrationSetting.objects.exists()
    signed_in(people.secretariat).post(f"/dang-ky-thi-dua/tong-hop/{YEAR}/cai-dat/", form)

    setting = RegistrationSetting.objects.get()
    assert (setting.province, setting.deadline, setting.severity) == (
        province.root,
        dt.date(2026, 2, 28),
        "block",
    )


def test_template_download(province, people):
    response = signed_in(people.a1_officer).get("/dang-ky-thi-dua/mau.xlsx")

    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert load_workbook(io.BytesIO(response.content)).sheetnames == [SHEET, "Danh mục"]


def test_bad_year_is_not_found(province, people):
    response = signed_in(people.secretariat).get("/dang-ky-thi-dua/tong-hop/99999/")

    assert response.status_code == 404


def _units_with_registrations(province, people, n):
    units = [province.commune_a1, province.commune_a2, province.commune_b1][:n]
    heads = []
    from tests.factories import member
    from thidua.accounts.models import Role

    for unit in units:
        head = member(unit, Role.UNIT_HEAD)
        heads.append(head)
        registration_in(S.SUBMITTED, unit, head, head, names=("Người A", "Người B"))


@pytest.mark.parametrize("count", [1, 3])
def test_compiled_page_query_count_is_constant(
    province, people, count, django_assert_max_num_queries
):
    _units_with_registrations(province, people, count)
    client = signed_in(people.secretariat)

    with django_assert_max_num_queries(11):
        response = client.get(f"/dang-ky-thi-dua/tong-hop/{YEAR}/")

    assert response.status_code == 200


@pytest.mark.parametrize("count", [1, 3])
def test_index_query_count_is_constant(province, people, count, django_assert_max_num_queries):
    _units_with_registrations(province, people, count)
    client = signed_in(people.secretariat)

    with django_assert_max_num_queries(5):
        response = client.get(f"/dang-ky-thi-dua/?year={YEAR}")

    assert page_text(response).count("Đã gửi") >= count


def test_htmx_add_and_remove_answer_the_titles_part(province, people):
    registration = registration_in(
        S.DRAFT, province.commune_a1, people.a1_officer, people.a1_head, names=()
    )
    officer = signed_in(people.a1_officer)
    url = f"/dang-ky-thi-dua/{registration.pk}/them/"
    data = {"kind": "individual", "form": _form_pk("cstdcs"), "name": "Đặng Văn Tư"}

    added = officer.post(url, data, headers=HX)
    twice = officer.post(url, data, headers=HX)
    entry = registration.entries.get()
    removed = officer.post(f"/dang-ky-thi-dua/{registration.pk}/bo/{entry.pk}/", headers=HX)

    html = added.content.decode()
    assert html.lstrip().startswith('<section id="rg-entries"') and "<html" not in html
    assert "Đặng Văn Tư" in page_text(added) and "Chiến sĩ thi đua cơ sở" in page_text(added)
    assert "Đặng Văn Tư đã đăng ký “Chiến sĩ thi đua cơ sở”." in page_text(twice)
    assert "Chưa có danh hiệu nào." in page_text(removed)
    assert not registration.entries.exists()
