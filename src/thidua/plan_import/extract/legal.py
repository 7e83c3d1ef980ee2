"""Legal bases: "Căn cứ …", "Thực hiện …" and the regulations a procedure follows."""

from __future__ import annotations

import re
from typing import Any

from thidua.plan_import.extract.dates import first_date
from thidua.plan_import.extract.model import Draft
from thidua.plan_import.extract.structure import Para
from thidua.plan_import.extract.words import capital, clauses, expand, strip_end

KINDS = (
    "Nghị quyết liên tịch",
    "Thông tư liên tịch",
    "Nghị quyết",
    "Nghị định",
    "Quyết định",
    "Chỉ thị",
    "Thông tư",
    "Công văn",
    "Kế hoạch",
    "Hướng dẫn",
    "Kết luận",
    "Thông báo",
    "Thông tri",
    "Luật",
)
_DOC = re.compile(
    r"(?P<kind>" + "|".join(KINDS) + r")\s+(?:số\s*)?(?P<number>\d+[\w./-]*/[\w./Đđ&-]+)",
)
_ISSUER = re.compile(
    r"\bcủa\s+(?P<issuer>.+?)(?=\s+(?:về|ban hành|quy định|hướng dẫn|phát động|triển khai|"
    r"phê duyệt|thông qua|sửa đổi|bổ sung|kiện toàn|giao|công bố|tổ chức|thực hiện|tiếp tục|"
    r"đẩy mạnh|tăng cường|nâng cao|chỉ đạo|"
    + "|".join(KINDS)
    + r"|Kết luận|Đề án|Chương trình|Chiến lược)\b|\s*[“\"«]|[,;(:]|$)"
)
_TITLE = re.compile(r"\s(?P<title>(?:về|ban hành|quy định|hướng dẫn)\b.*)$")
_RELATION = (("căn cứ", "can_cu"), ("thực hiện", "thuc_hien"))
_REGULATION = re.compile(
    r"theo\s+(?P<what>Quy định[^()]*?)\s*\(\s*ban hành kèm theo\s+(?P<doc>[^)]*)\)"
)


_LAW = re.compile(
    r"\bLuật\s+(?P<name>[^;]+?)(?:\s+số\s*(?P<number>\d+/\d{4}/QH\d+))?(?=\s+ngày|\s+của|\s*;|$)"
)


def _law(clause: str, relation: str) -> dict[str, Any] | None:
    """ "Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/6/2022": kind Luật, its name as
    title; number and issuer only when written."""
    match = _LAW.search(clause)
    if not match:
        return None
    basis: dict[str, Any] = {"relation": relation, "kind": "Luật"}
    if match["number"]:
        basis["number"] = match["number"]
    rest = clause[match.end() :]
    date = first_date(rest[:40])
    if date is not None and date.day is not None:
        basis["date"] = date.iso()
    issuer = _ISSUER.search(rest)
    if issuer:
        basis["issuer"] = expand(issuer["issuer"].strip())
    basis["title"] = match["name"].strip()
    return basis


def _basis(clause: str, relation: str) -> dict[str, Any] | None:
    match = _DOC.search(clause)
    if not match or (clause.find("Luật") >= 0 and clause.find("Luật") < match.start()):
        return _law(clause, relation)
    rest = clause[match.end() :]
    basis: dict[str, Any] = {
        "relation": relation,
        "kind": match["kind"],
        "number": match["number"].rstrip(".,"),
    }
    date = first_date(rest[:40])
    if date is not None and date.day is not None:
        basis["date"] = date.iso()
    issuer = _ISSUER.search(rest)
    before = _ISSUER_BEFORE.search(clause[: match.start()])
    if issuer:
        basis["issuer"] = expand(issuer["issuer"].strip())
        title = _TITLE.search(rest[issuer.end() :])
        if title and not re.fullmatch(r"về(?: việc)?", strip_end(title["title"])):
            basis["title"] = strip_end(title["title"])
    elif before:
        basis["issuer"] = expand(before["issuer"].strip())
    return basis


#: "… hướng dẫn của Bộ Nội vụ tại Công văn số …": the issuer written before the document.
_ISSUER_BEFORE = re.compile(r"\bcủa\s+(?P<issuer>[^,;]{3,60}?)\s+tại\s+$")


_NEXT_DOC = re.compile(
    r"(?:,\s*|\s+và\s+|;\s*)(?=(?:" + "|".join(KINDS) + r")\s+số\b)"
    r"|\s+và\s+(?=(?:hướng dẫn|chỉ đạo|ý kiến chỉ đạo)\s+của\s+[^,;]{3,60}?\s+tại\s+"
    r"(?:" + "|".join(KINDS) + r")\s+số\b)"
)


_OWN_PLAN = re.compile(r"\b(?:xây dựng|ban hành)\s+Kế hoạch\b")


def _split_documents(parts: list[str]) -> list[str]:
    """Clauses cut again where a new document starts ("… và Kế hoạch số 16/KH-…"); the
    words after "ban hành Kế hoạch" (the plan's own sentence) are left out."""
    pieces = [piece for part in parts for piece in _NEXT_DOC.split(part) if piece.strip()]
    out = []
    for piece in pieces:
        own = _OWN_PLAN.search(piece)
        out.append(piece[: own.start()] if own else piece)
    return out


_UNNUMBERED = re.compile(
    r"^(?:Căn cứ|Thực hiện)\s+(?:vào\s+)?(?P<kind>[Kk]ế hoạch|[Cc]hương trình|[Hh]ướng dẫn)\b"
    r"(?!\s+số)[^;]*?\bcủa\s+(?P<issuer>[^;,.]+?)"
    r"(?=\s+(?:năm học|năm|về|giai đoạn|nhiệm kỳ|đã|đề ra)\b|\s*[;,.]|$)"
)


def _unnumbered(clause: str, relation: str) -> dict[str, Any] | None:
    """ "Căn cứ kế hoạch thực hiện nhiệm vụ năm học 2024-2025 của trường THCS An Phú": a
    plan, programme or guide named by its issuer only (kind and issuer, confidence of the
    clause); a resolution or law named without number and issuer is no reference."""
    match = _UNNUMBERED.match(clause.strip())
    if match is None:
        return None
    return {
        "relation": relation,
        "kind": capital(match["kind"].lower()),
        "issuer": capital(expand(strip_end(match["issuer"]))),
    }


def read_bases(preamble: list[Para], draft: Draft) -> list[dict[str, Any]]:
    """Every document named with its number in the preamble, with its relation (căn cứ or
    thực hiện). A document named without one ("Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVI",
    "Luật Thi đua, khen thưởng") is left out: it is no reference a reviewer can record. The document's own number (a news
    page naming "Kế hoạch 0219/KH-UBND" or "Công văn số 08/CV-…" again) is no basis."""
    bases: list[tuple[dict[str, Any], int]] = []
    own = draft.result.data.get("document", {}).get("number")
    for text, line in _unwrapped(preamble):
        relation = "can_cu"
        for clause in _split_documents(clauses(text)):
            lowered = clause.lower()
            for word, value in _RELATION:
                if lowered.startswith(word):
                    relation = value
            basis = _basis(clause, relation)
            if basis is None or "number" not in basis:
                # A document named without a number is a reference only with its issuer.
                basis = _unnumbered(clause, relation)
            known = [(b["kind"], b.get("number")) for b, _ in bases]
            if basis is not None and own and basis.get("number") == own:
                continue
            if basis is not None and (basis["kind"], basis.get("number", "-")) not in known:
                bases.append((basis, line))
    return _store(bases, draft)


def _unwrapped(preamble: list[Para]) -> list[tuple[str, int]]:
    """The preamble's paragraphs with hard line wraps joined: a paragraph that does not end
    a sentence (".", ";", ":") runs on into the next one ("… ngày 24/6/2019 của" / "Chính
    phủ về …"). Each with the line it starts on."""
    out: list[tuple[str, int]] = []
    for para in preamble:
        if out and not re.search(r"[.;:]\s*$", out[-1][0]):
            out[-1] = (f"{out[-1][0]} {para.text}", out[-1][1])
        else:
            out.append((para.text, para.line))
    return out


def read_regulations(paras: list[Para], draft: Draft, issuer: str) -> None:
    """A procedure "theo Quy định … (ban hành kèm theo Quyết định số …)": a ``quy_dinh`` basis."""
    found = []
    for para in paras:
        for match in _REGULATION.finditer(para.text):
            basis = _basis(match["doc"], "quy_dinh")
            if basis is None:
                continue
            basis["title"] = "ban hành " + strip_end(match["what"])
            if (
                issuer
                and issuer.startswith(basis.get("issuer", "\0"))
                and issuer != basis.get("issuer")
            ):
                basis["issuer"] = issuer
            found.append((basis, para.line))
    existing = draft.result.data.get("legal_bases", [])
    _store([(b, line) for b, line in found], draft, offset=len(existing))


def _store(
    found: list[tuple[dict[str, Any], int]], draft: Draft, offset: int = 0
) -> list[dict[str, Any]]:
    bases = draft.result.data.setdefault("legal_bases", [])
    for index, (basis, line) in enumerate(found, start=offset):
        bases.append(basis)
        draft.cite_tree(f"legal_bases.{index}", basis, line)
        for key in ("number", "issuer"):
            if key not in basis:
                draft.miss(f"legal_bases.{index}.{key}")
    return bases
