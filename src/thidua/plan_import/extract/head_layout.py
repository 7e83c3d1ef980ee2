"""The head of a plan laid out otherwise than as a clean header block (issue #17).

- a header flattened into one line of cells, as a table copies from a web page:
  "ỦY BAN NHÂN DÂN | CỘNG HÒA … | Số: 99/KH-UBND | Bình Sơn, ngày 27 tháng 6 năm 2025 |",
  or one cell a line closed by "|" ("Số: 2870/KH-UBND |");
- the two columns merged line by line ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI …");
- a first line "Kế hoạch thi đua … giai đoạn 2021 - 2025" in ordinary case, and the period
  such a title states.
"""

from __future__ import annotations

import re
from dataclasses import replace

from thidua.core.text import fold
from thidua.plan_import.extract.model import Draft
from thidua.plan_import.extract.structure import Para
from thidua.plan_import.extract.words import capital, is_caps, strip_end

_MOTTO = re.compile(r"\s*(?:CỘNG HÒA|CỘNG HOÀ|ĐỘC LẬP|Độc lập)\b.*$")
_KINDS = r"Kế hoạch|Chương trình|Hướng dẫn|Kế hoạch liên tịch"


def split_cells(paras: list[Para]) -> list[Para]:
    """Paragraphs of the head with each line of cells ("… | … |") cut into its cells, each
    cell a paragraph of the same line; the national motto cut off a merged cell."""
    out: list[Para] = []
    for para in paras:
        if para.text.endswith(" |") and para.text.count("|") == 1:
            # one cell a line, each closed by "|" ("Số: 2870/KH-UBND |")
            text = para.text[:-2].strip()
            out.append(replace(para, text=text, body=text) if para.kind == "text" else para)
            continue
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


_TERM = re.compile(r"\bgiai đoạn\s+(?P<a>(?:19|20)\d{2})\s*[-–]\s*(?P<b>(?:19|20)\d{2})")
#: A year closing the title ("… thi đua năm 2026", "… trên địa bàn thị trấn năm 2020"); not
#: "… các ngày lễ lớn trong năm 2020" (the year of what is celebrated).
#: A place may follow it ("… thi đua yêu nước năm 2024 trên địa bàn huyện Châu Thành").
_YEAR_END = re.compile(
    r"(?<!trong )(?P<until>\bđến\s+)?\bnăm\s+(?P<y>(?:19|20)\d{2})(?:\s+(?:trên địa bàn|tại)\s+[^\d,;]{2,60})?\s*$",
    re.I,
)


def period_of_title(draft: Draft) -> None:
    """The period a title states: "… giai đoạn 2021 - 2025" → 2021 to 2025 (a "nhiệm kỳ" is a
    term of office, not the plan's period); "… thi đua năm
    2025" (the year closing the title, a place may follow) → 2025 to 2025; "… đến năm 2030"
    → the end only. Only when no other period was read."""
    title = str(draft.result.data.get("title", ""))
    if not title or "period" in draft.result.data:
        return
    line = draft.result.sources["title"].line
    term = _TERM.search(title) or _TERM.search(fold(title).replace("giai doan", "giai đoạn"))
    year = _YEAR_END.search(strip_end(title))
    if term:
        period = {"start": int(term["a"]), "end": int(term["b"])}
    elif year and year["until"]:
        period = {"end": int(year["y"])}  # "… đến năm 2030": the end only
    elif year:
        period = {"start": int(year["y"]), "end": int(year["y"])}
    else:
        return
    draft.set("period", period, line, 0.7)
    draft.cite_tree("period", draft.result.data["period"], line, 0.7)


_LEVELS = {
    "tinh": "tỉnh",
    "thanh pho": "thành phố",
    "huyen": "huyện",
    "thi xa": "thị xã",
    "quan": "quận",
    "thi tran": "thị trấn",
    "phuong": "phường",
    "xa": "xã",
}


def complete_issuer(draft: Draft) -> None:
    """An issuer read as "Ủy ban nhân dân" alone (a flattened header keeps only its first
    line) completed with the level and place the text gives: the date line's place
    ("Thanh Hoá, ngày …") named with its level in the text ("… trên địa bàn tỉnh Thanh
    Hóa") → "Ủy ban nhân dân tỉnh Thanh Hoá", confidence 0.6."""
    document = draft.result.data.get("document", {})
    issuer, place = document.get("issuer", ""), document.get("place", "")
    if fold(issuer) not in ("uy ban nhan dan", "hoi dong nhan dan") or not place:
        return
    levels = "|".join(_LEVELS)
    pattern = re.compile(rf"\b(?P<level>{levels})\s+{re.escape(fold(place))}\b")
    for index, line in enumerate(draft.lines[:60], start=1):
        match = pattern.search(fold(line))
        if match:
            named = f"{issuer} {_LEVELS[match['level']]} {place}"
            draft.set("document.issuer", named, index, 0.6)
            return
