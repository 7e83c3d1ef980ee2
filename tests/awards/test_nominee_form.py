"""The nominee form reads "this year" when it is submitted, not when the server started."""

from __future__ import annotations

import datetime as dt

import time_machine

from thidua.awards.forms import NomineeForm

VIETNAM = dt.timezone(dt.timedelta(hours=7))


def _form(year: int) -> NomineeForm:
    return NomineeForm(data={"kind": "individual", "name": "Trần Thị Mai", "birth_year": year})


def test_nominee_birth_year_this_year_is_accepted_after_new_year():
    with time_machine.travel(dt.datetime(2027, 1, 1, 8, 0, tzinfo=VIETNAM), tick=False):
        form = _form(2027)

        assert form.is_valid(), form.errors


def test_nominee_birth_year_next_year_is_refused_in_vietnamese():
    with time_machine.travel(dt.datetime(2026, 12, 31, 20, 0, tzinfo=VIETNAM), tick=False):
        form = _form(2027)

        assert not form.is_valid()
        assert form.errors["birth_year"] == ["Năm sinh không được sau năm 2026."]
