"""The words of a target sentence: its indicator, its time phrase, its periods and kind."""

from __future__ import annotations

import re
from typing import Any

from thidua.core.text import fold
from thidua.plan_import.extract.figures import Figure
from thidua.plan_import.extract.words import capital, strip_end

_LEAD_TIME = re.compile(
    r"^(?:(?:đến|tới|trong)\s+(?:hết\s+|cuối\s+)?năm(?:\s+\d{4})?|(?:đến|tới)\s+(?:hết\s+)?"
    r"(?:cuối\s+)?(?:quý|tháng)\s+[\dIV]+(?:/\d{4})?|(?:từ\s+)?năm\s+\d{4}(?:\s+trở đi)?|"
    r"hằng năm|hàng năm|mỗi năm|riêng)\s*[,:]?\s*",
    re.IGNORECASE,
)
_TAIL_CUES = re.compile(
    r"\s*(?:\b(?:duy trì|giữ vững|nâng|mức|giảm|tăng|bình quân|đạt|là|có|cho|từ|trên|dưới|xuống|không|"
    r"thấp hơn|ít nhất|tối thiểu|tối đa|quá|vượt|khoảng|bảo đảm|đảm bảo|phấn đấu|lên|thêm|còn)\b\s*)+$",
    re.IGNORECASE,
)
_YEARS = re.compile(
    r"\s*\bnăm\s+(?P<years>\d{4}(?:\s*(?:,|và)\s*\d{4})*)"
    r"(?:\s*(?:,|và)\s*(?P<term>nhiệm kỳ|giai đoạn)\s+(?P<a>\d{4})\s*-\s*(?P<b>\d{4}))?"
)
_TERM = re.compile(r"\b(?P<term>nhiệm kỳ|giai đoạn)\s+(?P<a>\d{4})\s*[-–]\s*(?P<b>\d{4})")
_TO_YEAR = re.compile(r"\b(?:đến|tới)\s+(?:hết\s+)?năm\s+(?P<y>\d{4})", re.IGNORECASE)
_IN_YEARS = re.compile(r"\s*\btrong\s+\d{1,2}\s+năm\b")


def time_of(sentence: str) -> dict[str, Any]:
    """The time phrase of a sentence: "Hằng năm" and "đến năm Y" (for all its clauses)."""
    key = fold(sentence)
    time: dict[str, Any] = {"every_year": any(w in key for w in ("hang nam", "moi nam"))}
    match = _TO_YEAR.search(sentence)
    if match:
        time["to"] = int(match["y"])
    return time


_ENUMERATION = re.compile(
    r"^\(?\d{1,2}\)\s*|^(?:[^;:]{0,120}?\s)?(?:phấn đấu|đặt mục tiêu|đề ra mục tiêu)(?:\s+|$)"
    r"(?:đạt\s+)?",
    re.IGNORECASE,
)


def _lead(piece: str, start: int, end: int) -> str:
    before = _ENUMERATION.sub("", piece[start:end].strip(" ,;:"))
    before = _LEAD_TIME.sub("", _ENUMERATION.sub("", before)).strip()
    before = strip_end(_IN_YEARS.sub("", _TAIL_CUES.sub("", before.rstrip(" ≥≤<>"))))
    return re.sub(r"^(?:và|,|nâng(?: cao)?|giữ vững)(?:\s+|$)", "", before)


def _scope_only(piece: str, start: int) -> bool:
    """Whether the words before the first figure are a scope and a colon, then only cue
    words ("Tại địa bàn có khu công nghiệp: Phấn đấu 100% …")."""
    head, colon, between = piece[:start].rpartition(":")
    return bool(colon) and bool(head.strip()) and not _lead(between, 0, len(between))


def indicator_of(piece: str, figure: Figure, figures: list[Figure], position: int) -> str:
    """What a figure measures: the words before it (time and comparator words dropped), or,
    when the figures come first ("95% trở lên cơ quan, doanh nghiệp và 90% trở lên xã,
    phường, thị trấn đạt chuẩn …"), the words after each, with the shared predicate. A scope
    before a colon ("Tại địa bàn đô thị: 100% trẻ em …") does not name what is measured."""
    if _scope_only(piece, figures[0].start):
        pass
    elif _lead(piece, 0, figures[0].start):
        start = figures[position - 1].end if position else 0
        before = _lead(piece, start, figure.start)
        if before and not fold(before).startswith("tro "):
            return _counted(capital(before), figure.unit)
    end = figures[position + 1].start if position + 1 < len(figures) else len(piece)
    subject = re.sub(r"^\s*trở (?:lên|xuống)\s*", "", piece[figure.end : end])
    subject = strip_end(re.sub(r"\s+và\s*$", "", subject.strip()))
    predicate = ""
    if " đạt " in f" {subject} ":
        # Its own predicate: "100% trường học đạt chuẩn an toàn, 95% giáo viên đạt …".
        head, _, tail = f" {subject} ".partition(" đạt ")
        subject, predicate = head.strip(), strip_end("đạt " + tail)
    elif position + 1 < len(figures):
        # The predicate the figures share, written after the last: "95% cơ quan và 90% xã
        # đạt chuẩn an toàn".
        tail = f" {piece[figures[-1].end :]}"
        if " đạt " in tail:
            predicate = strip_end("đạt " + tail.split(" đạt ", 1)[1])
    if subject and figure.unit.startswith("%"):
        return " ".join(p for p in ("Tỷ lệ", subject, predicate) if p)
    if figure.unit and "/" in figure.unit:
        return "Số " + figure.unit.replace("/", " trên ")
    counted = re.sub(r"^(?:triệu|nghìn|ngàn|tỷ)\s+", "", figure.unit)
    return " ".join(p for p in ("Số", counted, subject, predicate) if p)


_COUNTED = ("doanh nghiệp", "lao động", "người", "hộ", "xã", "hợp tác xã", "sản phẩm", "mô hình")


def _counted(indicator: str, unit: str) -> str:
    """A count whose words do not name what is counted: "thành lập mới 380 doanh nghiệp"
    measures the "Số doanh nghiệp thành lập mới"."""
    if unit not in _COUNTED or fold(unit) in fold(indicator) or fold(indicator).startswith("so "):
        return indicator
    rest = indicator if indicator == unit else f"{indicator[:1].lower()}{indicator[1:]}"
    return f"Số {unit} {rest}" if rest != unit else f"Số {unit}"


def _kind(piece: str, time: dict[str, Any], period: dict[str, Any] | None) -> str:
    key = fold(piece)
    if "binh quan" in key and ("giam" in key or "muc giam" in key):
        return "annual_reduction"
    if "binh quan" in key and "tang" in key:
        return "average_growth"
    if re.search(r"\btrong \d{1,2} nam\b", key):
        return "cumulative"
    if period and "from" in period and period["from"] != period.get("to") and "tang truong" in key:
        return "average_growth"
    if time.get("every_year") or (
        period and period.get("from") and period.get("from") == period.get("to")
    ):
        return "per_year"
    return "level"


def periods_of(
    indicator: str, piece: str, time: dict[str, Any]
) -> list[tuple[str, str, dict[str, Any] | None]]:
    """(indicator, kind, period) for each period the indicator names; one row when it
    names none ("năm 2024, 2025 và nhiệm kỳ 2020 - 2025" gives three)."""
    match = _YEARS.search(indicator)
    spans: list[tuple[str, dict[str, Any]]] = []
    base = indicator
    if match:
        base = strip_end(indicator[: match.start()] + indicator[match.end() :])
        for year in re.findall(r"\d{4}", match["years"]):
            spans.append((f"năm {year}", {"from": int(year), "to": int(year)}))
        if match["term"]:
            spans.append(
                (
                    f"{match['term']} {match['a']} - {match['b']}",
                    {"from": int(match["a"]), "to": int(match["b"])},
                )
            )
    else:
        term = _TERM.search(piece)
        if term and not _TO_YEAR.search(piece):
            spans.append(("", {"from": int(term["a"]), "to": int(term["b"])}))
    if not spans:
        period = {"to": time["to"]} if "to" in time else None
        return [(indicator, _kind(piece, time, period), period)]
    rows: list[tuple[str, str, dict[str, Any] | None]] = []
    for label, period in spans:
        name = f"{base} {label}".strip() if len(spans) > 1 or match else indicator
        rows.append((name, _kind(piece, time, period), period))
    return rows
