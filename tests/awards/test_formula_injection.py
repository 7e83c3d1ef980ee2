"""The nominations template lists names typed like formulas as text (issue 15, item 4)."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from tests.awards.conftest import Kh
from thidua.awards.excel import template_bytes

pytestmark = pytest.mark.django_db
LINK = '=HYPERLINK("http://evil.example/","click")'


def test_a_phase_named_like_a_formula_is_listed_as_text(kh: Kh) -> None:
    kh.phase2.name = LINK
    kh.phase2.save()

    book = load_workbook(io.BytesIO(template_bytes(kh.campaign)))

    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    listed = [c for c in book["Danh mục"]["C"] if c.value == "'" + LINK]
    assert [c.data_type for c in listed] == ["s"]
