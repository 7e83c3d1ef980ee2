"""Score the plan extractor on the corpus, by split and by field kind.

    python bench/plan_import/run.py                       # development, held_out, all
    python bench/plan_import/run.py --split held_out      # one part only
    python bench/plan_import/run.py --json                # the same as JSON
    python bench/plan_import/run.py --plan kh-128-ubnd-tra-vinh-2024 --details

Each plan is ``plans/<name>.txt``: a header of ``#`` lines (source, retrieval date, what was
edited) ended by ``# ---``, then the plan's text. Its expected reading is
``expected/<name>.yaml``, written by hand (see each header); ``split.yaml`` puts every plan in
``development`` or ``held_out``. The harness needs no network and no database: Django
settings are configured in memory (no apps, no database) only so that the extractor's
Vietnamese messages can be built. Matching rules and measures: ``scoring.py``.
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

#: The parts of the corpus; "all" is both.
PARTS = ("development", "held_out")


def _setup() -> None:
    from django.conf import settings

    if not settings.configured:
        settings.configure(USE_I18N=False, INSTALLED_APPS=[], DATABASES={})


def load_split(path: Path = HERE / "split.yaml") -> dict[str, list[str]]:
    """The plan names of each part of ``split.yaml``."""
    data = yaml.safe_load(path.read_text("utf-8")) or {}
    return {part: [str(name) for name in data.get(part) or []] for part in PARTS}


def split_problems(split: dict[str, list[str]], root: Path = HERE) -> list[str]:
    """What is wrong with the split: a plan in no part or in two, a name listed twice, a
    listed name without its plan or its expected file."""
    plans = {p.stem for p in (root / "plans").glob("*.txt")}
    expected = {p.stem for p in (root / "expected").glob("*.yaml")}
    problems = []
    listed: dict[str, list[str]] = {}
    for part, names in split.items():
        for name in names:
            listed.setdefault(name, []).append(part)
    for name, parts in sorted(listed.items()):
        if len(parts) > 1:
            problems.append(f"{name}: listed {len(parts)} times ({', '.join(parts)})")
        if name not in plans:
            problems.append(f"{name}: listed in {parts[0]} but plans/{name}.txt does not exist")
        if name not in expected:
            problems.append(f"{name}: listed in {parts[0]} but expected/{name}.yaml does not exist")
    for name in sorted(plans - set(listed)):
        problems.append(f"{name}: plans/{name}.txt is in no part of split.yaml")
    return problems


def plan_lines(path: Path) -> list[str]:
    """The plan's text without its provenance header, as ``read_plan`` reads it."""
    from thidua.plan_import.reading import read_plan

    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    if lines and lines[0].startswith("#"):
        end = next((i for i, line in enumerate(lines) if line.strip() == "# ---"), -1)
        lines = lines[end + 1 :]
    return read_plan("\n".join(lines).encode("utf-8"), path.name)


def score_one(path: Path) -> tuple[dict[str, Score], float, dict[str, Any]]:
    """Extract one plan and score it: the scores, the seconds taken, what it claims."""
    from thidua.core.errors import DomainError
    from thidua.plan_import.extract import extract_plan

    expected = yaml.safe_load((HERE / "expected" / f"{path.stem}.yaml").read_text("utf-8"))
    started = time.perf_counter()
    try:
        extraction = extract_plan(plan_lines(path))
    except DomainError as refusal:
        # The upload page refuses the text (e.g. "not a plan"): the user gets no draft, so
        # every stated field counts as missed, and nothing as claimed.
        elapsed = time.perf_counter() - started
        scores = score_plan(expected or {}, {}, [], [])
        return scores, elapsed, {"missing": [], "unrecognised": [], "refused": str(refusal)}
    elapsed = time.perf_counter() - started
    missing = list(extraction.missing)
    # Paths the extractor did not recognise ("chưa nhận ra"): not a claim about the text.
    unrecognised = list(getattr(extraction, "unrecognised", []) or [])
    scores = score_plan(expected or {}, extraction.data, missing, unrecognised)
    return scores, elapsed, {"missing": missing, "unrecognised": unrecognised}


def evaluate(names: list[str] | None = None, parts: tuple[str, ...] = (*PARTS, "all")) -> dict:
    """Scores of every plan (or of ``names``), and their sums for each of ``parts``."""
    _setup()
    split = load_split()
    part_of = {name: part for part in PARTS for name in split[part]}
    plans = sorted(p for p in (HERE / "plans").glob("*.txt") if not names or p.stem in names)
    if names and len(plans) < len(set(names)):
        known = {p.stem for p in plans}
        raise SystemExit(f"no such plan: {', '.join(sorted(set(names) - known))}")
    wanted = [p for p in plans if "all" in parts or part_of.get(p.stem) in parts]
    result: dict[str, Any] = {"split": split, "plans": {}, "parts": {}}
    scores: dict[str, dict[str, Score]] = {}
    for path in wanted:
        scores[path.stem], elapsed, claims = score_one(path)
        result["plans"][path.stem] = {
            "part": part_of.get(path.stem),
            "seconds": round(elapsed, 3),
            "scope": list(scores[path.stem]),
            "kinds": {kind: as_dict(score) for kind, score in scores[path.stem].items()},
            **claims,
        }
    for part in parts:
        members = [n for n in scores if part == "all" or part_of.get(n) == part]
        result["parts"][part] = summed(members, scores)
    result["total"] = result["parts"][parts[-1]]["kinds"]
    return result


def summed(names: list[str], scores: dict[str, dict[str, Score]]) -> dict[str, Any]:
    """The sum of ``names``' scores per kind (over the plans whose scope has the kind)."""
    kinds: dict[str, Any] = {}
    total = Score()
    for kind in KINDS:
        score = Score()
        scored = [n for n in names if kind in scores[n]]
        for name in scored:
            score.add(scores[name][kind])
        total.add(score)
        kinds[kind] = {"plans": len(scored), **as_dict(score, misses=False)}
    overall = {"plans": len(names), **as_dict(total, misses=False)}
    overall["right_field"] = overall["recall"]
    return {"plans": names, "kinds": kinds, "all": overall}


def as_dict(score: Score, *, misses: bool = True) -> dict[str, Any]:
    row: dict[str, Any] = {
        "expected": score.expected,
        "extracted": score.extracted,
        "correct": score.correct,
        "precision": None if score.precision is None else round(score.precision, 3),
        "recall": None if score.recall is None else round(score.recall, 3),
        "invented": score.invented,
        "wrongly_missing": score.wrongly_missing,
        "unrecognised": score.unrecognised,
    }
    if misses:
        row["misses"] = score.misses
    return row


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f} %"


COLUMNS = (
    ("field kind", "kind", "<"),
    ("plans", "plans", ">"),
    ("expected", "expected", ">"),
    ("extracted", "extracted", ">"),
    ("correct", "correct", ">"),
    ("precision", "precision", ">"),
    ("recall", "recall", ">"),
    ("invented", "invented", ">"),
    ('wrongly "not stated"', "wrongly_missing", ">"),
    ("unrecognised", "unrecognised", ">"),
)


def table(part: dict[str, Any]) -> str:
    """A Markdown table, one row per field kind, then the sum over every kind scored."""
    rows = [{"kind": kind, **row} for kind, row in part["kinds"].items()]
    rows.append({"kind": "all", **part["all"]})
    cells = [
        [
            _pct(row[key]) if key in ("precision", "recall") else str(row[key])
            for _, key, _a in COLUMNS
        ]
        for row in rows
    ]
    widths = [
        max(len(title), *(len(c[i]) for c in cells)) for i, (title, _, _a) in enumerate(COLUMNS)
    ]

    def line(values: list[str]) -> str:
        padded = [
            f"{v:{align}{w}}" for v, w, (_, _k, align) in zip(values, widths, COLUMNS, strict=True)
        ]
        return "| " + " | ".join(padded) + " |"

    rule = (
        "|"
        + "|".join(
            ("-" * (w + 1) + ":" if align == ">" else ":" + "-" * (w + 1))
            for w, (_, _k, align) in zip(widths, COLUMNS, strict=True)
        )
        + "|"
    )
    out = [line([title for title, _, _a in COLUMNS]), rule]
    out += [line(c) for c in cells]
    return "\n".join(out)


def summary(part: dict[str, Any]) -> str:
    """The headline sentence of a part: facts in the right field, invented, wrong claims."""
    row = part["all"]
    return (
        f"Facts in the right field: {row['correct']} of {row['expected']} "
        f"({_pct(row['right_field'])}); invented values: {row['invented']} "
        f'of {row["extracted"]} extracted; wrongly "not stated": {row["wrongly_missing"]}; '
        f"unrecognised: {row['unrecognised']}."
    )


def _say(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--split",
        choices=[*PARTS, "all"],
        help="only this part of split.yaml (default: development, held_out and all)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    parser.add_argument("--plan", action="append", help="only this plan (file name without .txt)")
    parser.add_argument(
        "--details",
        action="store_true",
        help="list each plan's misses, invented values and wrong 'not stated' claims",
    )
    args = parser.parse_args(argv)
    for problem in split_problems(load_split()):
        sys.stderr.write(f"split.yaml: {problem}\n")
    parts = (args.split,) if args.split else (*PARTS, "all")
    result = evaluate(args.plan, parts)
    if args.json:
        _say(json.dumps(result, ensure_ascii=False, indent=2, default=str))
        return 0
    for name, plan in result["plans"].items():
        kinds = plan["kinds"].values()
        correct = sum(k["correct"] for k in kinds)
        expected = sum(k["expected"] for k in kinds)
        extracted = sum(k["extracted"] for k in kinds)
        _say(
            f"{name} [{plan['part'] or 'no part'}]: {correct} correct of {expected} expected, "
            f"{extracted} extracted ({plan['seconds']} s)"
        )
        if args.details:
            for kind in kinds:
                for miss in kind["misses"]:
                    _say(f"    {miss}")
    for part_name, part in result["parts"].items():
        _say()
        _say(f"## {part_name} ({len(part['plans'])} plans)")
        _say()
        if not part["plans"]:
            _say("No plan in this part.")
            continue
        _say(table(part))
        _say()
        _say(summary(part))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
