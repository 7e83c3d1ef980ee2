"""The award history export writes text typed like a formula as text (issue 15, item 4)."""

from __future__ import annotations

import io

from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories.decisions import AwardRecordFactory, World


def test_history_export_writes_formula_like_text_as_text(world: World) -> None:
    AwardRecordFactory(
        nominee=world.hoa.nominee,
        form=world.gk,
        unit_name="=cmd|' /C calc'!A0",
        decision_number='=HYPERLINK("http://evil.example/","click")',
        grantor_title="+Chủ tịch",
    )
    client = Client()
    client.force_login(world.officer_a1)

    answer = client.get(reverse("decisions:history_xlsx"))

    sheet = load_workbook(io.BytesIO(answer.content)).active
    row = next(
        r for r in sheet.iter_rows(min_row=2) if r[2].value != "Xã Thử" and "cmd" in str(r[2].value)
    )
    assert [(row[i].data_type, row[i].value) for i in (2, 6, 8)] == [
        ("s", "'=cmd|' /C calc'!A0"),
        ("s", '\'=HYPERLINK("http://evil.example/","click")'),
        ("s", "'+Chủ tịch"),
    ]
    assert [c.coordinate for r in sheet.iter_rows() for c in r if c.data_type == "f"] == []
