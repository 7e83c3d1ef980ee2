"""The evaluation's measures on small hand-made readings: invented values, wrong "not
stated" claims, scope, the period, and the development / held-out split."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "plan_import"


def _run_module() -> ModuleType:
    """``bench/plan_import/run.py`` as a module (it puts ``scoring`` on the path itself)."""
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location("plan_import_bench_run", BENCH / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


run = _run_module()
scoring = importlib.import_module("scoring")


def _counts(score) -> tuple[int, int, int, int, int, int]:
    return (
        score.expected,
        score.extracted,
        score.correct,
        score.invented,
        score.wrongly_missing,
        score.unrecognised,
    )


# --- invented values


def test_a_single_field_the_expected_file_leaves_out_is_invented():
    expected = {"document": {"number": "5/KH-UBND", "kind": "Kế hoạch"}}
    extracted = {"document": {"number": "5/KH-UBND", "date": "2024-11-11", "place": "Trà Vinh"}}

    score = scoring.score_kind("header", expected, extracted)

    assert _counts(score) == (2, 3, 1, 2, 0, 0)
    assert "document.date: invented '2024-11-11'" in score.misses


def test_a_wrong_value_where_the_expected_file_states_one_is_not_invented():
    expected = {"document": {"number": "5/KH-UBND"}}
    extracted = {"document": {"number": "6/KH-UBND"}}

    score = scoring.score_kind("header", expected, extracted)

    assert _counts(score) == (1, 1, 0, 0, 0, 0)


def test_every_field_of_an_unpaired_item_and_extra_fields_of_a_paired_one_are_invented():
    expected = {"phases": [{"name": "Đợt 1", "start": "2025-01"}]}
    extracted = {
        "phases": [
            {"name": "Đợt 1", "start": "2025-01", "end": "2025-06"},  # pairs; end is extra
            {"name": "Giai đoạn hai", "start": "2025-07", "end": "2025-12"},  # pairs with none
        ]
    }

    score = scoring.score_kind("phases", expected, extracted)

    assert _counts(score) == (2, 6, 2, 4, 0, 0)


def test_an_item_left_unpaired_because_another_pairs_better_counts_as_invented():
    expected = {"targets": [{"indicator": "Tỷ lệ hộ nghèo giảm", "value": 1.5}]}
    extracted = {
        "targets": [
            {"indicator": "Tỷ lệ hộ nghèo giảm", "value": 1.5, "comparator": "gte"},
            {"indicator": "Tỷ lệ hộ nghèo giảm", "value": 2},
        ]
    }

    score = scoring.score_kind("targets", expected, extracted)

    # The first pairs (2 of 3 stated fields match): its comparator is invented; the
    # second pairs with nothing: its indicator and value are invented.
    assert _counts(score) == (2, 5, 2, 3, 0, 0)


# --- wrong "not stated" claims


def test_a_claim_on_the_field_itself_or_on_a_parent_is_a_wrong_claim():
    expected = {
        "document": {
            "number": "5/KH-UBND",
            "signer": {"name": "Lê Văn Hẳn", "position": "Chủ tịch"},
        }
    }
    extracted: dict = {"document": {}}

    score = scoring.score_kind(
        "header", expected, extracted, missing=["document.number", "document.signer"]
    )

    assert _counts(score) == (3, 0, 0, 0, 3, 0)


def test_a_claim_on_a_field_the_expected_file_does_not_state_is_not_wrong():
    expected = {"document": {"number": "5/KH-UBND"}}
    extracted = {"document": {"number": "5/KH-UBND"}}

    score = scoring.score_kind(
        "header", expected, extracted, missing=["document.date", "document.signer.name"]
    )

    assert _counts(score) == (1, 1, 1, 0, 0, 0)


def test_claiming_a_whole_list_not_stated_counts_every_expected_field_of_it():
    expected = {
        "phases": [
            {"name": "Đợt 1", "start": "2025-01", "end": "2025-06"},
            {"name": "Đợt 2", "start": "2025-07"},
        ]
    }

    score = scoring.score_kind("phases", expected, {}, missing=["period.start", "phases"])

    assert _counts(score) == (5, 0, 0, 0, 5, 0)


def test_a_claim_on_an_item_position_follows_the_pairing():
    expected = {
        "targets": [
            {"indicator": "Tỷ lệ hộ nghèo giảm", "value": 1.5},
            {"indicator": "Tỷ lệ trẻ em đến trường", "value": 99},
        ]
    }
    extracted = {
        "targets": [
            {"indicator": "Tỷ lệ trẻ em đến trường"},  # pairs with expected 1
            {"indicator": "Số hội thi tổ chức"},  # pairs with none
        ]
    }

    score = scoring.score_kind(
        "targets", expected, extracted, missing=["targets.0.value", "targets.1.value"]
    )

    # targets.0.value names the value of expected target 1 (stated): one wrong claim;
    # targets.1.value names an item that pairs with no expected one: no claim on a fact.
    assert _counts(score) == (4, 2, 1, 1, 1, 0)


def test_a_star_stands_for_any_position_even_of_an_unpaired_expected_item():
    expected = {"registration": {"rules": [{"unit_kinds": ["commune"], "minimum": 2}]}}

    score = scoring.score_kind(
        "registration_rules", expected, {}, missing=["registration.rules.*.minimum"]
    )

    assert _counts(score) == (2, 0, 0, 0, 1, 0)


def test_an_unrecognised_path_is_counted_apart_and_is_not_a_wrong_claim():
    expected = {"reporting": {"frequency": "quarterly", "due_day": 15}}

    score = scoring.score_kind(
        "reporting_rules",
        expected,
        {},
        missing=["reporting.due_day"],
        unrecognised=["reporting.frequency", "reporting.due_day"],
    )

    assert _counts(score) == (2, 0, 0, 0, 1, 1)


# --- scope


def test_scope_scores_only_the_kinds_it_names_in_kinds_order():
    expected = {
        "scope": ["targets", "header"],
        "document": {"number": "5/KH-UBND"},
        "period": {"start": "2025-01"},
    }
    extracted = {"document": {"number": "5/KH-UBND"}, "period": {"start": "2024-01"}}

    scores = scoring.score_plan(expected, extracted)

    assert list(scores) == ["header", "targets"]
    assert _counts(scores["header"]) == (1, 1, 1, 0, 0, 0)


def test_no_scope_scores_every_kind():
    scores = scoring.score_plan({"document": {"number": "1"}}, {})

    assert list(scores) == list(scoring.KINDS)
    assert "period" in scores


@pytest.mark.parametrize("scope", [["header", "dutys"], [], "header"])
def test_a_scope_with_an_unknown_kind_or_not_a_list_is_refused(scope):
    with pytest.raises(ValueError, match="scope"):
        scoring.score_plan({"scope": scope}, {})


def test_a_kind_outside_a_plans_scope_is_not_summed_for_that_plan():
    scores = {
        "a": scoring.score_plan({"scope": ["header"], "document": {"number": "1"}}, {}),
        "b": scoring.score_plan({"document": {"number": "2"}}, {"document": {"number": "2"}}),
    }

    part = run.summed(["a", "b"], scores)

    assert part["kinds"]["header"]["plans"] == 2
    assert part["kinds"]["header"]["expected"] == 2
    assert part["kinds"]["period"]["plans"] == 1
    assert part["all"]["expected"] == 2
    assert part["all"]["right_field"] == 0.5


# --- the period


def test_the_period_is_scored_at_the_precision_written():
    expected = {"period": {"start": "2024-11", "end": dt.date(2025, 9, 30)}}

    right = scoring.score_kind(
        "period", expected, {"period": {"start": "2024-11", "end": "2025-09-30"}}
    )
    too_precise = scoring.score_kind(
        "period", expected, {"period": {"start": "2024-11-01", "end": "2025-09"}}
    )

    assert _counts(right) == (2, 2, 2, 0, 0, 0)
    assert _counts(too_precise) == (2, 2, 0, 0, 0, 0)


def test_a_period_claimed_not_stated_is_a_wrong_claim_and_one_not_written_invented():
    stated = scoring.score_kind(
        "period",
        {"period": {"start": "2025", "end": "2026"}},
        {},
        missing=["period.start", "period.end"],
    )
    unstated = scoring.score_kind("period", {}, {"period": {"start": "2025", "end": "2026"}})

    assert _counts(stated) == (2, 0, 0, 0, 2, 0)
    assert _counts(unstated) == (0, 2, 0, 2, 0, 0)


# --- the split


def test_every_plan_is_in_exactly_one_part_and_every_name_has_its_files():
    split = run.load_split()

    assert run.split_problems(split) == []
    listed = split["development"] + split["held_out"]
    assert len(listed) == len(set(listed))
    assert sorted(listed) == sorted(p.stem for p in (BENCH / "plans").glob("*.txt"))
    for name in listed:
        assert (BENCH / "expected" / f"{name}.yaml").is_file()


def test_split_problems_names_each_fault(tmp_path):
    (tmp_path / "plans").mkdir()
    (tmp_path / "expected").mkdir()
    for name in ("a", "b", "c"):
        (tmp_path / "plans" / f"{name}.txt").write_text("x", "utf-8")
    for name in ("a", "b"):
        (tmp_path / "expected" / f"{name}.yaml").write_text("{}", "utf-8")
    split = {"development": ["a", "b", "d"], "held_out": ["b"]}

    problems = run.split_problems(split, tmp_path)

    assert problems == [
        "b: listed 2 times (development, held_out)",
        "d: listed in development but plans/d.txt does not exist",
        "d: listed in development but expected/d.yaml does not exist",
        "c: plans/c.txt is in no part of split.yaml",
    ]
