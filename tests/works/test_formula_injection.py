"""Works titled like formulas are written as text in the register export and the
registration template (issue 15, item 4)."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from tests.factories.works import TODAY, WorkFactory
from thidua.works.excel import register_export, registration_template
from thidua.works.models import Work

CALC = "=cmd|' /C calc'!A0"
LINK = '=HYPERLINK("http://evil.example/","click")'


def test_the_register_export_writes_formula_titles_as_text(kh, province):
    WorkFactory(campaign=kh.campaign, unit=province.commune_a1, title=CALC, budget_source="@SUM(1)")
    WorkFactory(campaign=kh.campaign, unit=province.commune_a1, title=LINK)

    content = register_export(Work.objects.order_by("pk"), today=TODAY)

    sheet = load_workbook(io.BytesIO(content)).active
    titles = [sheet.cell(row=row, column=6) for row in (3, 4)]
    assert [(cell.data_type, cell.value) for cell in titles] == [
        ("s", "'" + CALC),
        ("s", "'" + LINK),
    ]
    source = sheet.cell(row=3, column=10)
    assert (source.data_type, source.value) == ("s", "'@SUM(1)")
    formulas = [c.coordinate for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    assert formulas == []


def test_the_registration_template_lists_a_formula_titled_area_as_text(kh, province):
    kh.area.title = LINK
    kh.area.save()

    content = registration_template(kh.campaign, province.commune_a1)

    book = load_workbook(io.BytesIO(content))
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    assert "'" + LINK in [c.value for c in cells]
