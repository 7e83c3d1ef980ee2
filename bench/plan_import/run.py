"""Score the plan extractor on the corpus: precision and recall per field kind.

    python bench/plan_import/run.py            # the table, every plan of plans/
    python bench/plan_import/run.py --json     # the same as JSON
    python bench/plan_import/run.py --plan kh-128-ubnd-tra-vinh-2024 --details

Each plan is ``plans/<name>.txt``: a header of ``#`` lines (source, retrieval date, what was
edited) ended by ``# ---``, then the plan's text. Its expected reading is
``expected/<name>.yaml``, written by hand (see each header). The harness needs no network
and no database: Django settings are configured in memory (no apps, no database) only so
that the extractor's Vietnamese messages can be built. Matching rules: ``scoring.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1] / "src"))

import yaml  # noqa: E402

from scoring import KINDS, Score, score_plan  # noqa: E402


def _setup() -> None:
    from django.conf import settings

    if not settings.configured:
        settings.configure(USE_I18N=False, INSTALLED_APPS=[], DATABASES={})


def plan_lines(path: Path) -> list[str]:
    """The plan's text without its provenance header, as ``read_plan`` reads it."""
    from thidua.plan_import.reading import read_plan

    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    if lines and lines[0].startswith("#"):
        end = next((i for i, line in enumerate(lines) if line.strip() == "# ---"), -1)
        lines = lines[end + 1 :]
    return read_plan("\n".join(lines).encode("utf-8"), path.name)


def evaluate(names: list[str] | None = None) -> dict[str, Any]:
    """Scores of every plan (or of ``names``) and their totals."""
    _setup()
    from thidua.plan_import.extract import extract_plan

    plans = sorted(p for p in (HERE / "plans").glob("*.txt") if not names or p.stem in names)
    result: dict[str, Any] = {"plans": {}, "total": {}}
    totals = {kind: Score() for kind in KINDS}
    for path in plans:
        expected = yaml.safe_load((HERE / "expected" / f"{path.stem}.yaml").read_text("utf-8"))
        started = time.perf_counter()
        extraction = extract_plan(plan_lines(path))
        elapsed = time.perf_counter() - started
        scores = score_plan(expected or {}, extraction.data)
        for kind, score in scores.items():
            totals[kind].add(score)
        result["plans"][path.stem] = {
            "seconds": round(elapsed, 3),
            "kinds": {kind: _as_dict(score) for kind, score in scores.items()},
        }
    result["total"] = {kind: _as_dict(score) for kind, score in totals.items()}
    return result


def _as_dict(score: Score) -> dict[str, Any]:
    return {
        "expected": score.expected,
        "extracted": score.extracted,
        "correct": score.correct,
        "precision": None if score.precision is None else round(score.precision, 3),
        "recall": None if score.recall is None else round(score.recall, 3),
        "misses": score.misses,
    }


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:5.1f} %"


HEADER = ("field kind", "expected", "extracted", "correct", "precision", "recall")


def table(rows: dict[str, dict[str, Any]]) -> str:
    """A plain-text table, one row per field kind, then the sum."""
    lines = [
        f"{HEADER[0]:<22} {HEADER[1]:>8} {HEADER[2]:>9} {HEADER[3]:>7} {HEADER[4]:>9} {HEADER[5]:>8}"
    ]
    lines.append("-" * len(lines[0]))
    total = Score()
    for kind in KINDS:
        row = rows[kind]
        total.expected += row["expected"]
        total.extracted += row["extracted"]
        total.correct += row["correct"]
        lines.append(
            f"{kind:<22} {row['expected']:>8} {row['extracted']:>9} {row['correct']:>7} "
            f"{_pct(row['precision']):>9} {_pct(row['recall']):>8}"
        )
    lines.append("-" * len(lines[0]))
    lines.append(
        f"{'all':<22} {total.expected:>8} {total.extracted:>9} {total.correct:>7} "
        f"{_pct(total.precision):>9} {_pct(total.recall):>8}"
    )
    return "\n".join(lines)


def _say(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--plan", action="append", help="only this plan (file name without .txt)")
    parser.add_argument("--details", action="store_true", help="list the header fields missed")
    args = parser.parse_args(argv)
    result = evaluate(args.plan)
    if args.json:
        _say(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    for name, plan in result["plans"].items():
        kinds = plan["kinds"]
        correct = sum(k["correct"] for k in kinds.values())
        expected = sum(k["expected"] for k in kinds.values())
        extracted = sum(k["extracted"] for k in kinds.values())
        _say(
            f"{name}: {correct} correct of {expected} expected, {extracted} extracted ({plan['seconds']} s)"
        )
        if args.details:
            for kind in kinds.values():
                for miss in kind["misses"]:
                    _say(f"    {miss}")
    _say()
    _say(table(result["total"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
