"""The award history: search without diacritics, a nominee's awards across years
(archive records included), visibility, the XLSX export."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories.decisions import AwardRecordFactory, World, issued
from thidua.awards.models import AwardRecord


@pytest.fixture
def history(world: World) -> World:
    issued(world)
    hoa = world.hoa.nominee
    AwardRecordFactory(
        nominee=hoa,
        form=world.gk,
        year=2023,
        decision_number="77/QĐ-UBND",
        decision_date=dt.date(2023, 12, 20),
    )
    AwardRecordFactory(
        nominee=hoa,
        form=world.gk,
        year=2022,
        decision_number="66/QĐ-UBND",
        decision_date=dt.date(2022, 12, 15),
    )
    return world


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def test_history_search_without_diacritics(history: World) -> None:
    page = _client(history.secretariat).get(reverse("decisions:history"), {"q": "tran thi hoa"})

    text = page.content.decode()
    assert "Trần Thị Hoa" in text
    assert "77/QĐ-UBND" in text and "66/QĐ-UBND" in text and "1234/QĐ-UBND" in text
    assert "Lê Văn Nam" not in text


def test_history_search_no_match_says_so(history: World) -> None:
    page = _client(history.secretariat).get(reverse("decisions:history"), {"q": "khong ai"})

    assert "Không tìm thấy khen thưởng nào" in page.content.decode()


def test_nominee_page_lists_awards_across_years(history: World) -> None:
    page = _client(history.secretariat).get(
        reverse("decisions:nominee", args=[history.hoa.nominee_id])
    )

    text = page.content.decode()
    assert text.index("1234/QĐ-UBND") < text.index("77/QĐ-UBND") < text.index("66/QĐ-UBND")
    assert "lưu trữ" in text


@pytest.mark.parametrize(
    ("who", "sees", "hidden"),
    [
        ("secretariat", ["Trần Thị Hoa", "Lê Văn Nam"], []),
        ("leader", ["Trần Thị Hoa", "Lê Văn Nam"], []),
        ("officer_a1", ["Trần Thị Hoa"], ["Lê Văn Nam"]),
        ("officer_b1", ["Lê Văn Nam"], ["Trần Thị Hoa"]),
        ("officer_district_a", ["Trần Thị Hoa"], ["Lê Văn Nam"]),
        ("other_secretariat", [], ["Trần Thị Hoa", "Lê Văn Nam"]),
    ],
)
def test_history_visibility(history: World, who: str, sees: list[str], hidden: list[str]) -> None:
    text = _client(getattr(history, who)).get(reverse("decisions:history")).content.decode()

    assert all(name in text for name in sees)
    assert not any(name in text for name in hidden)


def test_nominee_page_of_a_sibling_is_404(history: World) -> None:
    answer = _client(history.officer_b1).get(
        reverse("decisions:nominee", args=[history.hoa.nominee_id])
    )

    assert answer.status_code == 404
    assert "Trần Thị Hoa" not in answer.content.decode()


def test_history_export_xlsx(history: World) -> None:
    answer = _client(history.officer_a1).get(reverse("decisions:history_xlsx"), {"q": "hoa"})

    sheet = load_workbook(io.BytesIO(answer.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Họ tên / tên", "Đối tượng", "Đơn vị khi được khen", "Hình thức")
    numbers = sorted(r[6] for r in rows[1:])
    assert numbers == ["1234/QĐ-UBND", "66/QĐ-UBND", "77/QĐ-UBND"]
    assert all(r[0] == "Trần Thị Hoa" for r in rows[1:])
    assert AwardRecord.objects.count() == 6
