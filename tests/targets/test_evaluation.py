"""The evaluation of a target: every kind × comparator on both sides of its boundary,
sums and means over the period only, milestones against their deadline, the forecast
from the trend and the early warning. Pure functions: no database."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from thidua.targets.evaluation import Status, compare, evaluate, forecast, measure
from thidua.targets.models import Target, TargetValue

D = dt.date
MET, EXCEEDED, NOT_MET, NO_DATA = Status.MET, Status.EXCEEDED, Status.NOT_MET, Status.NO_DATA


def target(
    kind: str = "level",
    comparator: str = "gte",
    value: str | None = None,
    value_max: str | None = None,
    *,
    years: tuple[int | None, int | None] = (None, None),
    deadline: dt.date | None = None,
) -> Target:
    """An unsaved target; ``years`` is its period (from, to) stated as years."""
    start, end = years
    return Target(
        code="T",
        kind=kind,
        comparator=comparator,
        value=Decimal(value) if value is not None else None,
        value_max=Decimal(value_max) if value_max is not None else None,
        period_from=D(start, 1, 1) if start else None,
        period_from_precision="year",
        period_to=D(end, 1, 1) if end else None,
        period_to_precision="year",
        deadline=deadline,
    )


def value(amount: str, start: dt.date, end: dt.date | None = None) -> TargetValue:
    return TargetValue(period_start=start, period_end=end or start, value=Decimal(amount))


def year(amount: str, number: int) -> TargetValue:
    """A value for a whole year."""
    return value(amount, D(number, 1, 1), D(number, 12, 31))


def done(on: dt.date) -> TargetValue:
    return TargetValue(period_start=D(on.year, 1, 1), period_end=D(on.year, 12, 31), achieved_on=on)


# --- Comparators, both sides of every boundary, for every kind


NUMERIC_KINDS = ["level", "per_year", "cumulative", "average_growth", "annual_reduction"]
BOUNDARIES = [
    ("gte", "23000", None, [("22999", NOT_MET), ("23000", MET), ("23001", EXCEEDED)]),
    ("between", "10", "11", [("9.99", NOT_MET), ("10", MET), ("11", MET), ("11.01", EXCEEDED)]),
    ("lt", "2", None, [("1.99", MET), ("2", NOT_MET)]),
    ("gt", "95", None, [("95", NOT_MET), ("95.01", MET)]),
    ("lte", "5", None, [("5", MET), ("5.01", NOT_MET)]),
    ("eq", "100", None, [("99.99", NOT_MET), ("100", MET), ("100.01", NOT_MET)]),
]


@pytest.mark.parametrize("kind", NUMERIC_KINDS)
@pytest.mark.parametrize(
    ("comparator", "goal", "top", "amount", "expected"),
    [(c, g, t, a, e) for c, g, t, cases in BOUNDARIES for a, e in cases],
)
def test_evaluate_status_on_each_side_of_the_boundary(
    kind, comparator, goal, top, amount, expected
):
    # One yearly value inside the period: each kind measures that value itself.
    aim = target(kind, comparator, goal, top, years=(2020, 2025))

    result = evaluate(aim, [year(amount, 2023)], D(2026, 1, 1))

    assert (result.status, result.measured, result.values_used) == (expected, Decimal(amount), 1)


def test_compare_without_a_measure_or_a_goal_is_no_data():
    assert compare(target("level", "gte", "10"), None) is NO_DATA
    assert compare(target("level", "gte", None), Decimal(12)) is NO_DATA


def test_evaluate_without_values_is_no_data_and_no_warning():
    result = evaluate(target("level", "gte", "70", years=(None, 2025)), [], D(2025, 3, 1))

    assert (result.status, result.measured, result.forecast, result.warning) == (
        NO_DATA,
        None,
        None,
        False,
    )


def test_status_label_is_vietnamese():
    assert [s.label for s in Status] == ["Vượt", "Đạt", "Chưa đạt", "Chưa đủ dữ liệu"]


# --- What is measured


def test_level_measures_the_latest_value_up_to_the_period_end():
    aim = target("level", "gte", "100", years=(None, 2025))
    values = [year("94.37", 2024), year("82.33", 2023), year("120", 2026)]

    assert measure(aim, values) == (Decimal("94.37"), 1)


def test_cumulative_sums_the_period_only():
    aim = target("cumulative", "gte", "2500", years=(2021, 2025))
    values = [year("900", 2020), year("500", 2021), year("600", 2022), year("700", 2026)]

    result = evaluate(aim, values, D(2023, 1, 1))

    assert (result.measured, result.values_used, result.status) == (Decimal(1100), 2, NOT_MET)


def test_cumulative_counts_a_quarter_inside_its_year_once():
    aim = target("cumulative", "gte", "2500", years=(2021, 2025))
    quarter = value("100", D(2023, 1, 1), D(2023, 3, 31))

    assert measure(aim, [year("500", 2022), quarter, year("450", 2023)]) == (Decimal(950), 2)


def test_average_growth_is_the_mean_of_the_years_after_the_base_year():
    # "Nhiệm kỳ 2020 - 2025": 2020 is the base year, its growth does not count.
    aim = target("average_growth", "between", "10", "11", years=(2020, 2025))
    values = [year("30", 2020), year("8", 2021), year("11", 2022), year("14", 2023)]

    result = evaluate(aim, values, D(2024, 1, 1))

    assert (result.measured, result.values_used, result.status) == (Decimal(11), 3, MET)


def test_annual_reduction_is_the_mean_reduction():
    aim = target("annual_reduction", "between", "1.5", "2", years=(2020, 2025))

    assert evaluate(aim, [year("1.0", 2022), year("2.4", 2023)], D(2024, 1, 1)).status is MET
    assert measure(aim, [year("1.0", 2022), year("2.4", 2023)]) == (Decimal("1.7"), 2)
    assert evaluate(aim, [year("0.68", 2023)], D(2024, 1, 1)).status is NOT_MET


def test_per_year_is_as_good_as_its_worst_year():
    aim = target("per_year", "gte", "23000", years=(2024, 2025))

    missed = evaluate(aim, [year("22000", 2024), year("30000", 2025)], D(2026, 1, 1))
    both = evaluate(aim, [year("24000", 2024), year("30000", 2025)], D(2026, 1, 1))

    assert (missed.status, missed.measured, missed.values_used) == (NOT_MET, Decimal(22000), 2)
    assert (both.status, both.measured) == (EXCEEDED, Decimal(30000))


def test_per_year_takes_the_whole_year_over_its_half_year():
    aim = target("per_year", "between", "10", "11", years=(2024, 2024))
    half = value("10.27", D(2024, 1, 1), D(2024, 6, 30))

    result = evaluate(aim, [half, year("10.04", 2024)], D(2025, 3, 1))

    assert (result.status, result.measured, result.values_used) == (MET, Decimal("10.04"), 1)


# --- Milestones ("trước năm 2025": before 01/01/2025)


RURAL = target("milestone", "before", deadline=D(2025, 1, 1))


def test_milestone_achieved_the_day_before_the_deadline_is_met():
    assert evaluate(RURAL, [done(D(2024, 12, 31))], D(2025, 3, 1)).status is MET


def test_milestone_achieved_on_the_deadline_is_not_met():
    assert evaluate(RURAL, [done(D(2025, 1, 1))], D(2025, 3, 1)).status is NOT_MET


def test_milestone_not_achieved_is_no_data_before_the_deadline_and_not_met_from_it():
    before = evaluate(RURAL, [], D(2024, 12, 31))
    after = evaluate(RURAL, [], D(2025, 1, 1))

    assert (before.status, before.warning) == (NO_DATA, False)
    assert (after.status, after.warning) == (NOT_MET, False)


def test_milestone_counts_its_first_achievement():
    values = [done(D(2025, 2, 1)), done(D(2024, 11, 20))]

    result = evaluate(RURAL, values, D(2025, 3, 1))

    assert (result.status, result.values_used, result.measured) == (MET, 2, None)


# --- Forecast and warning


def test_forecast_of_a_linear_level_reaches_the_expected_end_value():
    aim = target("level", "gte", "100", years=(None, 2025))
    values = [year("70", 2022), year("80", 2023), year("90", 2024)]

    expected = forecast(aim, values)

    assert expected is not None
    assert abs(expected - 100) < Decimal("0.05")


def test_forecast_of_a_cumulative_target_keeps_the_pace():
    aim = target("cumulative", "gte", "1500", years=(2021, 2023))

    result = evaluate(aim, [year("500", 2021), year("500", 2022)], D(2023, 1, 1))

    # 1.000 in 730 days; 365 days left at the same pace: 500 more.
    assert (result.forecast, result.forecast_status, result.warning) == (Decimal(1500), MET, False)


def test_forecast_of_a_cumulative_target_from_quarters_uses_days_not_values():
    aim = target("cumulative", "gte", "400", years=(2025, 2025))
    quarter = value("100", D(2025, 1, 1), D(2025, 3, 31))

    expected = forecast(aim, [quarter])

    assert expected is not None
    assert abs(expected - Decimal(100) * 365 / 90) < Decimal("0.001")


def test_forecast_of_an_average_adds_every_year_left_on_the_trend():
    aim = target("average_growth", "gte", "10", years=(2020, 2025))

    expected = forecast(aim, [year("8", 2021), year("9", 2022)])

    # The trend gives about 10, 11 and 12 for 2023-2025: the mean of 8…12 is 10.
    assert expected is not None
    assert abs(expected - 10) < Decimal("0.01")


def test_forecast_of_a_single_value_stays_flat():
    aim = target("level", "gte", "100", years=(None, 2025))

    assert forecast(aim, [year("94.37", 2024)]) == Decimal("94.37")


def test_forecast_needs_a_period_end():
    assert forecast(target("level", "gte", "100"), [year("90", 2024)]) is None


def test_warning_when_the_forecast_misses_while_the_period_is_open():
    aim = target("level", "gte", "100", years=(None, 2025))
    values = [year("80", 2023), year("85", 2024)]

    open_ = evaluate(aim, values, D(2025, 12, 31))
    closed = evaluate(aim, values, D(2026, 1, 1))

    assert abs(open_.forecast - 90) < Decimal("0.05")
    assert (open_.forecast_status, open_.warning) == (NOT_MET, True)
    assert (closed.forecast_status, closed.warning) == (NOT_MET, False)


def test_no_warning_when_the_forecast_meets_the_target():
    aim = target("level", "gte", "100", years=(None, 2025))

    result = evaluate(aim, [year("82.33", 2023), year("94.37", 2024)], D(2025, 3, 1))

    assert (result.status, result.forecast_status, result.warning) == (NOT_MET, EXCEEDED, False)


def test_per_year_warning_stays_once_a_year_is_missed():
    # 2024 missed 95 %: a rising trend for 2025 cannot make "hằng năm" met any more.
    aim = target("per_year", "gte", "95", years=(2024, 2025))
    values = [year("94", 2024), value("97", D(2025, 1, 1), D(2025, 3, 31))]

    result = evaluate(aim, values, D(2025, 4, 1))

    assert result.forecast is not None and result.forecast > 97
    assert (result.status, result.forecast_status, result.warning) == (NOT_MET, NOT_MET, True)


def test_lower_is_better_target_warns_when_the_trend_rises():
    aim = target("level", "lt", "2", years=(None, 2025))

    result = evaluate(aim, [year("1.6", 2023), year("1.9", 2024)], D(2025, 3, 1))

    assert (result.status, result.forecast_status, result.warning) == (MET, NOT_MET, True)
