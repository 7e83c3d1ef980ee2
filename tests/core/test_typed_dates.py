"""Days typed the way a Vietnamese user types them, on a phone's number pad or a keyboard."""

from __future__ import annotations

import datetime as dt

import pytest
from django import forms

from thidua.core.dates import parse_typed_date
from thidua.core.forms import VnDateField

DAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize(
    "typed",
    [
        "7/12/2026",
        "07/12/2026",
        "07-12-2026",
        "7-12-2026",
        "7.12.2026",
        "07.12.2026",
        "07122026",
        " 07 / 12 / 2026 ",
        "7,12,2026",
        "2026-12-07",
    ],
)
def test_parse_typed_date_reads_day_month_year(typed):
    assert parse_typed_date(typed) == DAY


@pytest.mark.parametrize(
    "typed",
    ["", "abc", "31/02/2026", "7122026", "2026/12/07", "07/12/26", "7/13/2026", "1/1/99999"],
)
def test_parse_typed_date_refuses_what_is_no_day(typed):
    assert parse_typed_date(typed) is None


class _Form(forms.Form):
    day = VnDateField(label="Ngày")


@pytest.mark.parametrize("typed", ["01032026", "1-3-2026", "1.3.2026", "01/03/2026"])
def test_vn_date_field_accepts_the_phone_ways(typed):
    form = _Form(data={"day": typed})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["day"] == dt.date(2026, 3, 1)


def test_vn_date_field_says_how_to_type_a_day():
    form = _Form(data={"day": "31/02/2026"})

    assert not form.is_valid()
    assert "30-06-2025" in form.errors["day"][0]
    assert "30062025" in form.errors["day"][0]
