"""Not stated or not recognised: what a value the reader did not find is.

A path goes to ``Extraction.missing`` ("văn bản không ghi") only when the whole text was
searched and no wording of its kind occurs anywhere: for the date, no "ngày … tháng … năm"
or d/m/yyyy in the head of the text or beside a number "số …"; for phases, no "đợt",
"giai đoạn", "từ ngày … đến ngày"; for a signer, no position in the last lines; and so on.
Otherwise it goes to ``Extraction.unrecognised`` ("chưa nhận ra"): the text may state it, a
person must look. Telling a reviewer "not stated" when the text states the value tells them
not to look, which is worse than a value not read (issue #17).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from thidua.core.text import fold
from thidua.plan_import.extract.model import Draft

#: Paths the text never holds (unit codes, derived codes): always "not stated".
NEVER_IN_TEXT = ("document.issuer_unit", "code")
_HEAD_LINES = 25

_DATE = re.compile(r"ngay\s*\d{1,2}\s*thang\s*\d{1,2}\s*nam\s*\d{4}|^[^\d,]{2,40},\s*ngay\b")
#: The plan's own number: a "Số:" line, or "ban hành Kế hoạch số …", "(Kế hoạch số …".
_OWN_NUMBER = re.compile(
    r"^so\s*[:.]?\s*\d|^so\s*:|(?:ban hanh|^\(|^ngay [\d/]+,.{0,80}ban hanh)\s*.{0,40}?\bso\s*\d"
    r"|\(\s*(?:ke hoach|chuong trinh) so\s*\d"
)
_ISSUED = re.compile(r"\b(?:ban hanh|phat dong)\s+(?:ke hoach|chuong trinh)\b")
_ISSUER = re.compile(
    r"\b(?:uy ban|ubnd|hoi dong|tinh uy|huyen uy|thanh uy|dang uy|cong doan|doan thanh nien)"
    r"|\b(?:so|ban|bo|cuc|vien|phong|truong|hoi)\s+[a-z]+\s+[a-z]+\s+xay dung"
    r"|\b(?:bch|ban chap hanh|doan truong|chi doan|chi bo)\b"
    r"|\b(?:xay dung|ban hanh|phat dong)\s+ke hoach\b"
)
_ORGAN = re.compile(r"\b(?:Sở|Ban|Bộ|Cục|Viện|Phòng|Trường|Hội|Đoàn)\s+[A-ZĐÀ-Ỹ]")
_SIGNER = re.compile(r"\b(?:chu tich|giam doc|truong ban|bi thu|tm\.|kt\.|thu truong|truong )")
_PERIOD = re.compile(
    r"\bdot\b(?!\s*(?:xuat|bien|pha|ngot|nhap|kich))|\bgiai doan\b|\btu (?:ngay|thang)\b|\bden ngay\b"
    r"|\bthoi gian (?:thuc hien|thi dua|to chuc|phat dong)|\bthi dua (?:nam|nhiem ky) \d{4}"
    r"|\bthi dua [^.;]{0,40}?\bnam (?:19|20)\d{2}\b"
    r"|\btu nay\b|\bden het (?:thang|nam|ngay)\b|\bden khi\b"
)
_TITLE = re.compile(r"\bke hoach\b|\bchuong trinh\b|\bhuong dan\b|\bphat dong\b")


def _head_lines(draft: Draft) -> list[str]:
    return [fold(line.strip(" *#|")) for line in draft.lines[:_HEAD_LINES]]


def _whole(draft: Draft) -> str:
    return fold(" ".join(draft.lines))


def _number_cue(draft: Draft) -> bool:
    """A "Số:" line or cell in the head, or the plan's own number in a sentence."""
    cells = [cell.strip() for line in _head_lines(draft) for cell in line.split("|")]
    return any(_OWN_NUMBER.search(cell) for cell in cells)


def _date_cue(draft: Draft) -> bool:
    """A full date, a "Place, ngày" or a "ngày d/m" in a sentence that issues the plan in
    the head, or a date beside the plan's own number."""
    cells = [cell.strip() for line in _head_lines(draft) for cell in line.split("|")]
    if any(_DATE.search(cell) for cell in cells):
        return True
    return any(
        re.search(r"\bso\s*\d+[^\s,;]*/[^\s,;]+[,)\s]{1,4}(?:ngay\s*)?\d", cell)
        for cell in cells
        if _OWN_NUMBER.search(cell)
    ) or any(
        re.match(r"^ngay\s*\d{1,2}/\d{1,2}/\d{4}", cell)
        or (_ISSUED.search(cell) and re.search(r"\bngay\s*\d{1,2}\s*(?:thang|/)\s*\d", cell))
        for cell in cells
    )


_CUES: dict[str, Callable[[Draft], bool]] = {
    "document.number": _number_cue,
    "document.date": _date_cue,
    "document.place": _date_cue,
    "document.issuer": lambda d: bool(
        _ISSUER.search(_whole(d)) or _ORGAN.search(" ".join(d.lines))
    ),
    # The whole text: a signature block may stand before an appendix, or be cut off.
    "document.signer": lambda d: bool(_SIGNER.search(_whole(d))),
    "period": lambda d: bool(_PERIOD.search(_whole(d))),
    "phases": lambda d: bool(_PERIOD.search(_whole(d))),
    "title": lambda d: bool(_TITLE.search(_whole(d))),
}


def _line_of(draft: Draft, path: str) -> str:
    """The folded line an item (``legal_bases.2``, ``targets.0``) was read from."""
    item = ".".join(path.split(".")[:2])
    ref = draft.result.sources.get(item)
    return fold(ref.text) if ref else ""


def _item(draft: Draft, path: str) -> dict[str, object]:
    head, index = path.split(".")[:2]
    items = draft.result.data.get(head) or []
    return items[int(index)] if index.isdigit() and int(index) < len(items) else {}


def _item_cue(draft: Draft, path: str) -> bool | None:
    """For a field of a list item: whether its own line holds a cue of its kind."""
    leaf = path.rsplit(".", 1)[-1]
    line = _line_of(draft, path)
    if path.startswith("legal_bases.") and leaf == "number":
        basis = _item(draft, path)
        kind = fold(str(basis.get("kind", "")))
        return bool(re.search(rf"{re.escape(kind)}\s*(?:so\s*)?\d", line))
    if path.startswith("legal_bases.") and leaf == "issuer":
        return " cua " in f" {line} "
    if path.startswith("targets.") and leaf == "value":
        return bool(re.search(r"\d", line))
    return None


def stated_somewhere(draft: Draft, path: str) -> bool:
    """Whether the text holds a cue of the kind of ``path`` (conservative: unknown kinds
    count as possibly stated)."""
    if path in NEVER_IN_TEXT:
        return False
    item = _item_cue(draft, path)
    if item is not None:
        return item
    for prefix, cue in _CUES.items():
        if path == prefix or path.startswith(prefix + "."):
            return cue(draft)
    return True


def _has_value(data: dict[str, object], path: str) -> bool:
    node: object = data
    for key in path.split("."):
        if isinstance(node, dict):
            node = node.get(key)
        elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
            node = node[int(key)]
        else:
            return False
    return node not in (None, "", [], {})


def sort_gaps(draft: Draft, *, searched_all: bool) -> None:
    """Move each path of ``missing`` that the text may state to ``unrecognised``.

    ``searched_all`` is False when a part of the reader failed: then nothing but the paths
    the text never holds can be claimed "not stated"."""
    result = draft.result
    missing, unrecognised = [], list(result.unrecognised)
    for path in result.missing:
        if _has_value(result.data, path):
            continue  # read by a later part (the period of the title after the phases)
        if path in NEVER_IN_TEXT or (searched_all and not stated_somewhere(draft, path)):
            missing.append(path)
        elif path not in unrecognised:
            unrecognised.append(path)
    result.missing, result.unrecognised = missing, unrecognised
