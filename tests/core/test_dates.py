import datetime as dt

import pytest

from thidua.core.dates import (
    PartialDate,
    Precision,
    Quarter,
    WeekendPolicy,
    due_in_quarter,
    effective_due_date,
    quarters_between,
)


@pytest.mark.parametrize(
    ("raw", "precision", "first", "last", "shown"),
    [
        ("2024-11", Precision.MONTH, dt.date(2024, 11, 1), dt.date(2024, 11, 30), "11/2024"),
        ("2025-04-30", Precision.DAY, dt.date(2025, 4, 30), dt.date(2025, 4, 30), "30/04/2025"),
        (2025, Precision.YEAR, dt.date(2025, 1, 1), dt.date(2025, 12, 31), "2025"),
        ("2024-02", Precision.MONTH, dt.date(2024, 2, 1), dt.date(2024, 2, 29), "02/2024"),
        (
            dt.date(2024, 11, 11),
            Precision.DAY,
            dt.date(2024, 11, 11),
            dt.date(2024, 11, 11),
            "11/11/2024",
        ),
    ],
)
def test_partial_date_keeps_precision(raw, precision, first, last, shown):
    value = PartialDate.parse(raw)

    assert value.precision is precision
    assert (value.first_day(), value.last_day(), value.display()) == (first, last, shown)
    assert PartialDate.parse(value.iso()) == value
    assert PartialDate.from_parts(value.first_day(), precision) == value


@pytest.mark.parametrize("raw", ["2024-13", "2025-02-30", "11/2024", "", "2024-1-1x", True])
def test_partial_date_rejects_impossible_dates(raw):
    with pytest.raises(ValueError):
        PartialDate.parse(raw)


def test_month_start_is_not_the_first_day():
    assert PartialDate.parse("2024-11") != PartialDate.parse("2024-11-01")


def test_quarters_between_covers_kh128_period():
    quarters = list(quarters_between(dt.date(2024, 11, 1), dt.date(2025, 9, 30)))

    assert [q.label for q in quarters] == ["IV/2024", "I/2025", "II/2025", "III/2025"]


@pytest.mark.parametrize(
    ("quarter", "nominal", "weekday"),
    [
        (Quarter(2024, 4), dt.date(2024, 12, 15), 6),
        (Quarter(2025, 1), dt.date(2025, 3, 15), 5),
        (Quarter(2025, 2), dt.date(2025, 6, 15), 6),
        (Quarter(2025, 3), dt.date(2025, 9, 15), 0),
    ],
)
def test_due_on_15th_of_last_month(quarter, nominal, weekday):
    due = due_in_quarter(quarter, day=15, month_of_quarter=3)

    assert due == nominal
    assert due.weekday() == weekday


@pytest.mark.parametrize(
    ("policy", "expected"),
    [
        (WeekendPolicy.KEEP, dt.date(2024, 12, 15)),
        (WeekendPolicy.PREVIOUS_WORKING_DAY, dt.date(2024, 12, 13)),
        (WeekendPolicy.NEXT_WORKING_DAY, dt.date(2024, 12, 16)),
    ],
)
def test_weekend_policy_moves_sunday_due_date(policy, expected):
    assert effective_due_date(dt.date(2024, 12, 15), policy) == expected


def test_holiday_is_skipped_too():
    # 2/9/2025 (Tuesday) is Quốc khánh; moving forward from Monday 1/9 (also a holiday).
    holidays = frozenset({dt.date(2025, 9, 1), dt.date(2025, 9, 2)})

    assert effective_due_date(dt.date(2025, 8, 31), "next_working_day", holidays) == dt.date(
        2025, 9, 3
    )


def test_due_day_past_month_end_falls_on_last_day():
    assert due_in_quarter(Quarter(2025, 1), day=31, month_of_quarter=2) == dt.date(2025, 2, 28)
