"""Compare an extraction of the KH 128 seed with the shipped KH 128 campaign file.

The seed text ``tests/plan_import/data/kh-128-ubnd-tra-vinh-2024.txt`` is a copy of
``../shared/seed/kh-128-ubnd-tra-vinh-2024.txt`` (the text the shipped file was encoded
from), so that the tests do not depend on a folder outside the repository.

Every leaf of the shipped file is put in one class:

- **stated**: the text states it; the draft must hold the same value;
- **corrected**: the shipped file corrects a slip of the seed's text recognition (its
  comments say so); the draft must hold the *text's* value, given here;
- **not stated**: unit codes and defaults the text does not hold; the draft leaves them out;
- **read in**: the shipped file's reading beyond the words (conventions for years, the
  content area of a target, a rephrased indicator, the unit kinds of the general rule):
  not compared, each with its reason.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

import thidua.campaigns

DATA = Path(__file__).resolve().parent / "data"
SEED = DATA / "kh-128-ubnd-tra-vinh-2024.txt"
SHIPPED = Path(thidua.campaigns.__file__).parent / "data" / "kh-128-ubnd-tra-vinh-2024.yaml"

#: The shipped file corrects the seed; the draft keeps the text's words.
CORRECTED = {
    # "Lê Văn Hân" in the seed; the shipped file names the real chairman, Lê Văn Hẳn.
    "document.signer.name": "Lê Văn Hân",
}
#: (path, seed words, shipped words): a lost tone mark corrected in the shipped file.
CORRECTED_WORDS = (
    ("content_areas.0.description", "phần đầu tỉnh", "phấn đấu tỉnh"),
    ("content_areas.3.description", "Huy động lòng ghép", "Huy động lồng ghép"),
    ("registration.rules.3.text", "đăng ký phân việc", "đăng ký phần việc"),
    ("registration.campaign_works.2.title", "Tuyên đường", "Tuyến đường"),
    ("duties.3.text", "của quân chúng", "của quần chúng"),
)
#: Unit codes and defaults the text does not hold.
NOT_STATED = (
    r"status",
    r"document\.issuer_unit",
    r"reporting\.recipient_unit",
    r"reporting\.weekend_policy",
    r"duties\.\d+\.agency_units",
)
#: The shipped file's reading beyond the words, not compared.
READ_IN = {
    r"targets\.\d+\.note": "an explanation written by the encoder",
    r"targets\.\d+\.content_area": "which content area a target belongs to is not written",
    r"registration\.campaign_works\.\d+\.content_area": "idem for the province's works",
    r"registration\.rules\.0\.unit_kinds": "the general rule names no unit kind",
    r"registration\.rules\.2\.(minimum|work_kinds)": "the commune rule states no number",
    # Years the plan does not write: conventions of the encoder (docs/campaign-file.md).
    r"targets\.(4|5|7|8|9|10|11|12|15|16|17|18|19|20|21|22|23)\.period\.(from|to)": "no year written",
    # Indicators the encoder rephrased ("Số lao động được tạo việc làm mới" for "tạo việc
    # làm mới cho 23.000 lao động").
    r"targets\.(9|16|20|21|22|23)\.indicator": "rephrased by the encoder",
}


def flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """Leaves of nested data as {dotted path: value}; dates as ISO text."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            out.update(flatten(item, f"{prefix}{key}."))
        return out
    if isinstance(value, list) and value and isinstance(value[0], dict):
        out = {}
        for index, item in enumerate(value):
            out.update(flatten(item, f"{prefix}{index}."))
        return out
    if isinstance(value, dt.date):
        value = value.isoformat()
    return {prefix.rstrip("."): value}


def classify(path: str) -> str:
    """stated, corrected, not_stated or read_in."""
    if any(re.fullmatch(p, path) for p in NOT_STATED):
        return "not_stated"
    if any(re.fullmatch(p, path) for p in READ_IN):
        return "read_in"
    if path in CORRECTED or any(path == p for p, _, _ in CORRECTED_WORDS):
        return "corrected"
    return "stated"


def expected_value(path: str, shipped: Any) -> Any:
    """The value the draft must hold for a stated or corrected leaf."""
    if path in CORRECTED:
        return CORRECTED[path]
    for where, seed_words, shipped_words in CORRECTED_WORDS:
        if where == path:
            return shipped.replace(shipped_words, seed_words)
    return shipped


def shipped_leaves() -> dict[str, Any]:
    return flatten(yaml.safe_load(SHIPPED.read_text(encoding="utf-8")))


def compare(draft: dict[str, Any]) -> dict[str, list[str]]:
    """Each shipped leaf by outcome: matched, differs, absent (stated but not in the draft),
    not_stated_ok, not_stated_present, read_in."""
    got = flatten(draft)
    outcome: dict[str, list[str]] = {
        k: []
        for k in ("matched", "differs", "absent", "not_stated_ok", "not_stated_present", "read_in")
    }
    for path, value in shipped_leaves().items():
        kind = classify(path)
        if kind == "read_in":
            outcome["read_in"].append(path)
        elif kind == "not_stated":
            outcome["not_stated_present" if path in got else "not_stated_ok"].append(path)
        elif path not in got:
            outcome["absent"].append(path)
        elif got[path] == expected_value(path, value):
            outcome["matched"].append(path)
        else:
            outcome["differs"].append(f"{path}: {got[path]!r} != {expected_value(path, value)!r}")
    return outcome
