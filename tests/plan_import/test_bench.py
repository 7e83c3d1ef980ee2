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


def test_harness_prints_one_row_per_field_kind_and_a_total():
    out = _run()

    lines = out.strip().splitlines()
    header = next(line for line in lines if line.startswith("field kind"))
    assert header.split() == [
        "field",
        "kind",
        "expected",
        "extracted",
        "correct",
        "precision",
        "recall",
    ]
    rows = [
        line.split()[0] for line in lines[lines.index(header) + 2 :] if not line.startswith("-")
    ]
    assert rows == [*KINDS, "all"]
    assert lines[0].startswith("kh-128-ubnd-tra-vinh-2024: ")


def test_harness_json_has_counts_and_rates_per_kind():
    result = json.loads(_run("--json"))

    assert list(result["plans"]) == ["kh-128-ubnd-tra-vinh-2024"]
    assert list(result["total"]) == KINDS
    for row in result["total"].values():
        assert {"expected", "extracted", "correct", "precision", "recall"} <= set(row)
        assert row["correct"] <= min(row["expected"], row["extracted"]) or row["correct"] == 0
    assert result["total"]["header"]["expected"] == 8


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
