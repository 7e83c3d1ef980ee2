"""The evaluation harness runs on the seed, without a database, and prints its table."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUN = ROOT / "bench" / "plan_import" / "run.py"
KINDS = [
    "header",
    "period",
    "legal_bases",
    "phases",
    "targets",
    "registration_rules",
    "reporting_rules",
    "awards",
    "duties",
]


def _run(*args: str) -> str:
    env = {
        k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL"}
    }
    done = subprocess.run(  # noqa: S603 - our own script, run with this Python
        [sys.executable, str(RUN), "--plan", "kh-128-ubnd-tra-vinh-2024", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    return done.stdout


def _table_rows(out: str, part: str) -> list[list[str]]:
    """The cells of the Markdown table under ``## <part>``."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"## {part} "))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


def test_harness_prints_a_markdown_table_per_part_with_one_row_per_kind():
    out = _run()

    rows = _table_rows(out, "all")
    assert rows[0] == [
        "field kind",
        "plans",
        "expected",
        "extracted",
        "correct",
        "precision",
        "recall",
        "invented",
        'wrongly "not stated"',
        "unrecognised",
    ]
    assert set(rows[1][0]) <= {"-", ":"}
    assert [row[0] for row in rows[2:]] == [*KINDS, "all"]
    assert out.splitlines()[0].startswith("kh-128-ubnd-tra-vinh-2024 [development]: ")
    assert "## development (1 plans)" in out
    assert "## held_out (0 plans)" in out
    assert "Facts in the right field: " in out


def test_harness_reports_only_the_split_asked_for():
    out = _run("--split", "development")

    assert "## development (1 plans)" in out
    assert "## held_out" not in out
    assert "## all" not in out


def test_harness_json_has_counts_and_rates_per_kind_and_part():
    result = json.loads(_run("--json"))

    assert list(result["plans"]) == ["kh-128-ubnd-tra-vinh-2024"]
    assert list(result["parts"]) == ["development", "held_out", "all"]
    assert result["parts"]["development"]["plans"] == ["kh-128-ubnd-tra-vinh-2024"]
    assert result["parts"]["held_out"]["plans"] == []
    assert list(result["total"]) == KINDS
    for row in result["total"].values():
        assert {
            "expected",
            "extracted",
            "correct",
            "precision",
            "recall",
            "invented",
            "wrongly_missing",
            "unrecognised",
        } <= set(row)
        assert row["correct"] <= min(row["expected"], row["extracted"])
    overall = result["parts"]["all"]["all"]
    assert overall["right_field"] == round(overall["correct"] / overall["expected"], 3)
    assert result["total"]["header"]["expected"] == 8
    assert result["total"]["period"]["expected"] == 2


def _scoring():
    sys.path.insert(0, str(RUN.parent))
    import scoring

    return scoring


def test_matching_rules_text_numbers_dates_sets():
    s = _scoring()

    assert s.same("document.issuer", "UBND tỉnh Trà Vinh", "Ủy ban nhân dân tỉnh Trà Vinh")
    assert s.same("document.place", "Hoà Bình", "Hòa Bình")
    assert not s.same("document.signer.name", "Lê Văn Hẳn", "Lê Văn Hân")
    assert s.same("value", 10, 10.0)
    assert not s.same("start", "2024-11", "2024-11-01")
    assert s.same("unit_kinds", ["district", "commune"], ["commune", "district"])


def test_list_items_are_paired_by_best_match_whatever_their_order():
    s = _scoring()
    expected = {
        "legal_bases": [
            {"number": "1/KH", "kind": "Kế hoạch"},
            {"number": "2/CT", "kind": "Chỉ thị"},
        ]
    }
    extracted = {
        "legal_bases": [
            {"number": "2/CT", "kind": "Chỉ thị"},
            {"number": "9/X", "kind": "Kế hoạch"},
        ]
    }

    score = s.score_kind("legal_bases", expected, extracted)

    assert (score.expected, score.extracted, score.correct) == (4, 4, 3)
