"""The document's own facts where a header block does not hold them (issue #17).

Plans as people have them are often not a clean header block:

- a header flattened into one line of cells, as a table copies from a web page:
  "ỦY BAN NHÂN DÂN | CỘNG HÒA … | Số: 99/KH-UBND | Bình Sơn, ngày 27 tháng 6 năm 2025 |";
- the number and date inside a sentence: "… vừa ban hành Kế hoạch số 45/KH-UBND ngày
  3/4/2024 về …", "(Kế hoạch số 12/KH-UBND, ngày 14/8/2023)", "Ngày 9/2/2024, UBND huyện
  X ban hành Kế hoạch số … về …";
- the title in a sentence's "về …", or a first line "Kế hoạch thi đua … giai đoạn 2021 -
  2025" in ordinary case.

Values read from a sentence carry a lower confidence (0.6) and the place "prose"; from cells,
0.9 and "table". A document named after "Căn cứ", "Thực hiện", "theo" or "của" is another
document (a legal basis), never the plan itself.
"""

from __future__ import annotations

import re
from dataclasses import replace

from thidua.core.dates import PartialDate
from thidua.core.text import fold
from thidua.plan_import.extract.dates import find_dates
from thidua.plan_import.extract.model import Draft
from thidua.plan_import.extract.structure import Para
from thidua.plan_import.extract.words import capital, expand, is_caps, strip_end, trim_runon

PROSE = 0.6
_MOTTO = re.compile(r"\s*(?:CỘNG HÒA|CỘNG HOÀ|ĐỘC LẬP|Độc lập)\b.*$")
_KINDS = r"Kế hoạch|Chương trình|Hướng dẫn|Kế hoạch liên tịch"
_OWN = re.compile(
    rf"(?P<lead>\(|\bban hành\s+|\bphát động\s+|^)\s*(?P<kind>{_KINDS})\s+số\s*:?\s*"
    r"(?P<n>\d+[^\s,;)]*/[^\s,;)]+)",
    re.IGNORECASE,
)
_OTHER = re.compile(r"\b(?:căn cứ|thực hiện|theo|của|tại|kèm theo)\s*$", re.IGNORECASE)
_AFTER_DATE = re.compile(r"^[\s,]*(?:ngày\b|\d{1,2}/\d{1,2}/\d{4})", re.IGNORECASE)
_ORGAN = re.compile(
    r"(?P<org>(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Hội đồng Thi đua\s*-\s*Khen thưởng|"
    r"Ban Thường vụ|Sở|Ban|Bộ)\b[^;,.()]{0,60}?)\s+(?:đã\s+|vừa\s+|mới\s+)*ban hành\b"
)
_OPENING_DATE = re.compile(
    r"^Ngày\s+(?P<date>\d{1,2}\s*(?:/|tháng)\s*\d{1,2}\s*(?:/|năm)\s*\d{4})\s*,", re.IGNORECASE
)
#: A sentence that opens with a date gives the plan's date only when it reports the plan.
_ISSUES = re.compile(rf"\b(?:ban hành|phát động)\s+(?:{_KINDS})\b", re.IGNORECASE)
_ABOUT = re.compile(r"^[^.;()]{0,40}?\s+về\s+(?:việc\s+)?(?P<t>[^.;()]{12,400})")


def split_cells(paras: list[Para]) -> list[Para]:
    """Paragraphs of the head with each line of cells ("… | … |") cut into its cells, each
    cell a paragraph of the same line; the national motto cut off a merged cell."""
    out: list[Para] = []
    for para in paras:
        if para.text.count("|") < 2:
            out.append(para)
            continue
        for cell in para.text.split("|"):
            text = cell.strip(" *")
            if is_caps(text) or text.upper().startswith("ỦY BAN"):
                text = _MOTTO.sub("", text).strip() or text
            if text:
                out.append(replace(para, text=text, kind="text", mark="", body=text))
    return out


def left_column(text: str) -> str:
    """The left column of a head line where both columns were merged: the text before the
    national motto ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI …" → "ỦY BAN NHÂN DÂN")."""
    return _MOTTO.sub("", text).strip()


def is_cell(draft: Draft, para: Para) -> bool:
    """Whether ``para`` is a cell of a flattened header line."""
    return draft.lines[para.line - 1].count("|") >= 2 if para.line <= len(draft.lines) else False


def read_own_sentence(paras: list[Para], draft: Draft) -> None:
    """Number, date, issuer and title of the plan from a sentence near the top: each only
    where the header block did not give it."""
    for para in paras[:12]:
        match = _own_number(para.text)
        opening = _OPENING_DATE.match(para.text) if _ISSUES.search(para.text) else None
        if match is None and opening is None:
            continue
        if match is not None:
            _fill(draft, "document.kind", capital(match["kind"].lower()), para.line)
            _fill(draft, "document.number", match["n"], para.line)
            rest = para.text[match.end() :]
            if _AFTER_DATE.match(rest):
                _fill_date(draft, find_dates(rest[:40]), para.line)
            _title_from_about(rest, para.line, draft)
        if opening is not None:
            _fill_date(draft, find_dates(opening["date"]), para.line)
        _issuer_of(para, draft)
        if "document.number" in draft.result.sources:
            return


def _own_number(text: str) -> re.Match[str] | None:
    for match in _OWN.finditer(text):
        before = text[: match.start()]
        if match["lead"] == "(" or match["lead"] == "":
            if _OTHER.search(before.rstrip(" (")):
                continue
            if match["lead"] == "" and match.start() > 0:
                continue
        if re.search(r"\b(?:căn cứ|thực hiện)\b", before[-60:], re.IGNORECASE):
            continue
        return match
    return None


def _fill(draft: Draft, path: str, value: object, line: int) -> None:
    if path not in draft.result.sources and value:
        draft.set(path, value, line, PROSE, "prose")


def _fill_date(draft: Draft, dates: list[tuple[PartialDate, int, int]], line: int) -> None:
    if dates and dates[0][0].day is not None:
        _fill(draft, "document.date", dates[0][0].iso(), line)


def _title_from_about(rest: str, line: int, draft: Draft) -> None:
    about = _ABOUT.match(rest)
    if about and "title" not in draft.result.data:
        _fill(draft, "title", capital(strip_end(about["t"])), line)


def _issuer_of(para: Para, draft: Draft) -> None:
    """ "UBND huyện Bình Sơn vừa ban hành …": the organ before "ban hành", without the
    adverbs that run on ("vừa", "đã"); kept only when it names its place."""
    match = _ORGAN.search(para.text)
    if match is None or "document.issuer" in draft.result.sources:
        return
    organ = trim_runon(expand(match["org"].strip()))
    if re.search(r"\b(?:tỉnh|thành phố|huyện|thị xã|quận|xã|phường)$", organ):
        return
    _fill(draft, "document.issuer", organ, para.line)


_PROSE_KIND = re.compile(rf"^(?P<kind>{_KINDS})\s+(?P<rest>[^\d\W][^.;]{{10,300}})$")


def read_prose_title(paras: list[Para], draft: Draft) -> int:
    """A first line "Kế hoạch thi đua … giai đoạn 2021 - 2025" in ordinary case: the kind
    and the title (the words after the kind). The index of the next paragraph, or -1."""
    for index, para in enumerate(paras[:4]):
        match = _PROSE_KIND.match(para.text.strip())
        if match is None or re.search(r"\bsố\s*\d", para.text) or para.kind != "text":
            continue
        if "document.kind" not in draft.result.sources:
            draft.set("document.kind", match["kind"], para.line, 0.8)
        if "title" not in draft.result.data:
            draft.set("title", capital(strip_end(match["rest"])), para.line, 0.7)
        return index + 1
    return -1


_TERM = re.compile(
    r"\b(?:giai đoạn|nhiệm kỳ)\s+(?P<a>(?:19|20)\d{2})\s*[-–]\s*(?P<b>(?:19|20)\d{2})"
)
_YEAR_END = re.compile(r"\bnăm\s+(?P<y>(?:19|20)\d{2})\s*$")


def period_of_title(draft: Draft) -> None:
    """The period a title states: "… giai đoạn 2021 - 2025" → 2021 to 2025; "… thi đua năm
    2025" (the year closing the title) → 2025 to 2025. Only when no other period was read."""
    title = str(draft.result.data.get("title", ""))
    if not title or "period" in draft.result.data:
        return
    line = draft.result.sources["title"].line
    term = _TERM.search(title) or _TERM.search(fold(title).replace("giai doan", "giai đoạn"))
    year = _YEAR_END.search(strip_end(title))
    if term:
        start, end = int(term["a"]), int(term["b"])
    elif year and "thi dua" in fold(title):
        start = end = int(year["y"])
    else:
        return
    draft.set("period", {"start": start, "end": end}, line, 0.7)
    draft.cite_tree("period", draft.result.data["period"], line, 0.7)
