"""Duties (tổ chức thực hiện): each numbered item, its agencies and its text."""

from __future__ import annotations

import re
from typing import Any

from thidua.core.text import fold
from thidua.plan_import.extract.model import Draft
from thidua.plan_import.extract.structure import Para, headed, under
from thidua.plan_import.extract.words import capital, strip_end

_LEAD = re.compile(r"^(?:Đề nghị|Giao|Yêu cầu|Riêng)\s*:?\s+", re.IGNORECASE)
_VERB = re.compile(
    r"(?<!các)(?<!của)\s(?:tích cực|đăng ký|bổ sung|căn cứ|theo dõi|phối hợp|chủ trì|tổ chức|sơ kết|chỉ đạo|"
    r"xây dựng|triển khai|hướng dẫn|thực hiện|có trách nhiệm|chịu trách nhiệm|tham mưu|quan tâm|"
    r"đẩy mạnh|tăng cường|kịp thời|định kỳ|lựa chọn|rà soát|nghiên cứu|đôn đốc|phát huy|tiếp tục|"
    r"phân công|ban hành|vận động|tuyên truyền|chủ động|thường xuyên)\b"
)
_AGENCY_START = re.compile(
    r"^(?:các|Các|Ủy ban|Sở|Ban|Báo|Đài|Hội|Thủ trưởng|Cổng|hệ thống|Liên đoàn|Tỉnh đoàn|Công an|"
    r"Bộ Chỉ huy|Văn phòng|Phòng|Trung tâm|Cục|Kho bạc|Ngân hàng|Bảo hiểm|Liên minh|Hiệp hội|"
    r"Mặt trận|Chi cục|Hội đồng|Bệnh viện|Trường|Viện|Đoàn)\b"
)


_PAIRS = ("cac nganh cac cap", "cac cap cac nganh", "cac so ban nganh", "cac co quan don vi")


_WITH = re.compile(
    r"phối hợp (?:chặt chẽ )?với\s+(?P<who>[^;,(]+?(?:\([^)]*\))?)(?=\s+(?:chọn|chỉ đạo|thực hiện|tổ chức|hướng dẫn|theo dõi|triển khai)\b|[;,.]|$)"
)
_LISTED = re.compile(r"\((?P<items>[^()]*(?:,|\svà\s)[^()]*)\)")


def agencies_of(text: str) -> list[str]:
    """The agencies a duty names: the subject before its first verb, a body it works with
    ("phối hợp với Sở Kế hoạch và Đầu tư") and a bracketed list of bodies ("(Báo Trà Vinh,
    Đài Phát thanh và Truyền hình Trà Vinh, …)")."""
    subject = _LEAD.sub("", text)
    head, colon, _tail = subject.partition(":")
    if colon and len(head) < 160 and _AGENCY_START.match(head.strip()):
        # "Sở Nội vụ: Tham mưu UBND tỉnh …": the agencies are the words before the colon.
        return _subject_agencies(head)
    verb = _VERB.search(subject)
    found = _subject_agencies(subject[: verb.start()] if verb else subject[:160])
    rest = subject[verb.start() :] if verb else ""
    for match in _WITH.finditer(rest):
        who = strip_end(match["who"])
        if _AGENCY_START.match(who) and who[:1].isupper():
            found.append(who)
    for match in _LISTED.finditer(rest):
        items = [
            strip_end(piece)
            for item in match["items"].split(",")
            for piece in re.split(r"\s+và\s+(?=" + _AGENCY_START.pattern[1:] + ")", item)
        ]
        if len(items) > 1 and all(_AGENCY_START.match(i) for i in items):
            found.extend(capital(i) for i in items)
    return list(dict.fromkeys(found))


def _subject_agencies(subject: str) -> list[str]:
    pieces: list[str] = []
    parts = re.split(r"(;\s*|,\s+|\s+và\s+)", subject)
    separator = ""
    for index, part in enumerate(parts):
        if index % 2:
            separator = part
            continue
        part = strip_end(part)
        if not part:
            continue
        together = fold(f"{pieces[-1]} {part}") in _PAIRS if pieces else False
        if pieces and (together or not _AGENCY_START.match(part)):
            pieces[-1] = f"{pieces[-1]}{separator}{part}"
        else:
            pieces.append(part)
    return [capital(p) for p in pieces]


_HEADS = ("to chuc thuc hien", "trach nhiem thuc hien", "phan cong thuc hien", "phan cong nhiem vu")
_END = ("noi nhan", "tren day la")


def _duty_heads(paras: list[Para]) -> list[Para]:
    """ "Tổ chức thực hiện", else "Trách nhiệm thực hiện" / "Phân công …" (issue #17)."""
    for words in _HEADS:
        heads = [h for h in headed(paras, words) if h.key.startswith(words)]
        if heads:
            return heads
    return []


def _agency_heading(para: Para, children: list[Para]) -> bool:
    """ "1. Sở Y tế" over its tasks "a) …", "- …": a heading that names the agency only."""
    body = _LEAD.sub("", para.body)
    return bool(children) and len(body) < 160 and not _VERB.search(f" {body}") and ". " not in body


def read_duties(paras: list[Para], draft: Draft) -> None:
    """Every item of the "Tổ chức thực hiện" section: an item that only names an agency
    holds the tasks listed under it as its text."""
    heads = _duty_heads(paras)
    if not heads:
        return
    inside = under(paras, heads[0])
    end = next((i for i, p in enumerate(inside) if p.key.startswith(_END)), len(inside))
    inside = inside[:end]
    items = [
        p
        for p in inside
        if p.kind in ("arabic", "letter") or (p.kind == "dash" and p.section == heads[0].section)
    ]
    duties: list[dict[str, Any]] = []
    taken: set[int] = set()
    for para in items:
        if id(para) in taken:
            continue
        within = {id(p) for p in inside}
        below = [p for p in under(paras, para) if id(p) in within] if para.kind != "dash" else []
        if _agency_heading(para, below):
            taken.update(id(p) for p in below)
            text = "\n".join(p.body for p in below)
            agencies = agencies_of(_LEAD.sub("", para.body))
        else:
            children = [p for p in below if p.kind in ("dash", "plus")]
            text = "\n".join([para.body, *(c.body for c in children)])
            agencies = agencies_of(para.body)
        duty = {"section": para.section, "agencies": agencies, "text": text}
        index = len(duties)
        duties.append(duty)
        draft.cite_tree(f"duties.{index}", duty, para.line)
        draft.cite(f"duties.{index}.agencies", para.line, 0.7)
    if duties:
        draft.result.data["duties"] = duties
