"""The document itself: number, date, place, issuer, title, signer and preamble."""

from __future__ import annotations

import re

from thidua.core.text import fold
from thidua.plan_import.extract.dates import find_dates
from thidua.plan_import.extract.head_layout import (
    complete_issuer,
    is_cell,
    left_column,
    read_prose_title,
)
from thidua.plan_import.extract.model import Draft
from thidua.plan_import.extract.prose_header import read_own_sentence
from thidua.plan_import.extract.structure import Para
from thidua.plan_import.extract.words import (
    capital,
    expand,
    is_caps,
    name_of_caps,
    organ_of_caps,
    title_of_caps,
    trim_runon,
)

_NUMBER = re.compile(r"^Số\s*[:.]?\s*(?P<n>\d+[^\s,;]*/[^\s,;]+)", re.IGNORECASE)
_DATE_LINE = re.compile(r"^(?P<place>[^\d,]{2,40}),\s*ngày\b", re.IGNORECASE)
_KIND = re.compile(r"^(KẾ HOẠCH|CHƯƠNG TRÌNH|HƯỚNG DẪN|KẾ HOẠCH LIÊN TỊCH)\b")
_NATIONAL = (
    "cong hoa xa hoi",
    "chu nghia viet nam",
    "doc lap - tu do",
    "doc lap – tu do",
    "doc lap-tu do",
)
_BODY_START = ("can cu", "thuc hien", "nham ", "de ", "tiep tuc", "huong ung")
_POSITIONS = ("CHỦ TỊCH", "GIÁM ĐỐC", "TRƯỞNG BAN", "BÍ THƯ", "TRƯỞNG", "THỦ TRƯỞNG")
_AUTHORITY = re.compile(r"^(TM|KT|TL|TUQ|Q)\.\s*(?P<rest>.*)$")
_NOT_NAME = ("da ky", "ky ten", "noi nhan", "luu", "dong dau")
_PREAMBLE_ISSUER = re.compile(
    r"(?P<org>(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Hội đồng Thi đua - Khen thưởng|Ban Thường vụ|"
    r"Ban Chấp hành|BCH|Sở|Ban|Phòng|Trung tâm|Trường)[^;,.]{0,60}?)\s+"
    r"(?:xây dựng|ban hành|phát động)\s+[Kk]ế hoạch",
)


def read_header(paras: list[Para], draft: Draft) -> int:
    """Read the head of the document; return the index of the first body paragraph."""
    kind_at = _read_kind(paras, draft)
    top = paras[: kind_at if kind_at >= 0 else min(len(paras), 10)]
    for para in top:
        number = _NUMBER.match(para.text)
        if number and "document.number" not in draft.result.sources:
            draft.set("document.number", number["n"], para.line, _cell_confidence(para, draft))
        _read_date_line(para, draft)
    _read_issuer(top, draft)
    if kind_at < 0:
        body_start = read_prose_title(paras, draft)
        if body_start < 0:
            body_start = _first_basis(paras)
    else:
        body_start = _read_title(paras, kind_at + 1, draft)
    own = ("document.number", "document.date", "title")
    if any(path not in draft.result.sources for path in own):
        read_own_sentence(paras, draft)
    complete_issuer(draft)
    return body_start


def _first_basis(paras: list[Para]) -> int:
    """No title at all: the preamble opens at the first "Căn cứ"/"Thực hiện" of the head
    (the header cells above it are no basis), else at the top."""
    return next((i for i, p in enumerate(paras[:15]) if p.key.startswith(_BASES)), 0)


def _cell_confidence(para: Para, draft: Draft) -> float:
    """A value of a flattened header's cell: 0.9 (the cells may have been cut wrongly)."""
    return 0.9 if is_cell(draft, para) else 1.0


def _read_kind(paras: list[Para], draft: Draft) -> int:
    for index, para in enumerate(paras[:20]):
        match = _KIND.match(para.text)
        if match and is_caps(para.text[: len(match[1])]):
            draft.set("document.kind", capital(match[1].lower()), para.line)
            rest = para.text[match.end() :].strip(" :-")
            if rest:
                draft.set("title", rest, para.line)
            return index
    return -1


_NUMBER_THEN_PLACE = re.compile(r"^Số\s*[:.]?\s*\S+\s+(?=[^\d\s,][^\d,]{1,40},\s*ngày\b)")


def _read_date_line(para: Para, draft: Draft) -> None:
    """ "Trà Vinh, ngày 11 tháng 11 năm 2024", also after the number on the same line
    ("Số: 12/KH-UBND   Trà Vinh, ngày …", two columns merged)."""
    text = _NUMBER_THEN_PLACE.sub("", para.text)
    match = _DATE_LINE.match(text)
    if not match or "document.date" in draft.result.sources:
        return
    dates = find_dates(text)
    if dates and dates[0][0].day is not None:
        confidence = _cell_confidence(para, draft)
        draft.set("document.date", dates[0][0].iso(), para.line, confidence)
        draft.set("document.place", match["place"].strip(), para.line, confidence)


#: Words that open the name of an organ ("ỦY BAN NHÂN DÂN", "SỞ NỘI VỤ", "BAN QUẢN LÝ …").
_ORGAN_WORDS = re.compile(
    r"^(?:uy ban|ubnd|hoi dong|ban|so|bo|cuc|chi cuc|tong cuc|phong|trung tam|truong|doan|"
    r"dang uy|dang bo|huyen uy|tinh uy|thanh uy|mat tran|hoi|vien|benh vien|cong an|"
    r"bo chi huy|cong ty|tap doan|lien doan|van phong|quan|huyen|tinh|thanh pho|thi xa|xa|"
    r"phuong|thi tran)\b"
)
#: A news headline in capitals: "BAN QUẢN LÝ … PHÁT ĐỘNG PHONG TRÀO THI ĐUA …".
_HEADLINE_VERB = re.compile(r"\s+(?:PHÁT ĐỘNG|BAN HÀNH|TRIỂN KHAI|TỔ CHỨC|KÝ KẾT)\s+(?P<rest>.+)$")


def _read_issuer(top: list[Para], draft: Draft) -> None:
    """The issuer printed in capitals at the top left (after the national motto is left out;
    a line where the two columns were merged, "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI …", "TỈNH
    AN GIANG Độc lập - Tự do - Hạnh phúc", keeps its left part). Its first line names an
    organ ("ỦY BAN …", "SỞ …", "BAN …"): a byline ("LÊ HƯƠNG"), a heading ("1. MỤC ĐÍCH") or
    a page's date is no issuer. A headline "BAN X PHÁT ĐỘNG PHONG TRÀO …" gives the organ."""
    organ: list[tuple[Para, str]] = []
    for para in top:
        text = left_column(para.text)
        key = fold(text)
        if not text or any(word in key for word in _NATIONAL) or _NUMBER.match(text):
            continue
        if _DATE_LINE.match(text) or not is_caps(text) or para.kind != "text":
            continue
        if not organ and not _ORGAN_WORDS.match(key):
            continue
        headline = _HEADLINE_VERB.search(text)
        organ.append((para, text[: headline.start()] if headline else text))
        if headline:
            break
    if organ:
        lines = [text.strip("- ") for _, text in organ]
        draft.set("document.issuer", organ_of_caps(lines), organ[0][0].line, 0.9)


def _read_title(paras: list[Para], start: int, draft: Draft) -> int:
    """The title lines under "KẾ HOẠCH", up to the preamble or the first section."""
    title: list[Para] = []
    index = start
    while index < len(paras) and len(title) < 6 and "title" not in draft.result.data:
        para = paras[index]
        # A caps line wrapped at a hyphen ("… TỈNH BÀ RỊA" / "- VŨNG TÀU GIAI ĐOẠN …") goes on.
        wrapped = bool(title) and para.kind == "dash" and para.text.startswith("- ")
        caps = is_caps(para.text) and (para.kind == "text" or wrapped)
        body = (
            para.key.startswith(_BODY_START)
            or len(para.text) > 400
            or para.text.rstrip().endswith(":")
            or bool(_PREAMBLE_ISSUER.search(para.text))
        )
        if not caps and (para.kind != "text" or body):
            break
        if title and para.text[-1:] in ".;" and len(para.text) > 120:
            break
        title.append(para)
        index += 1
    if title:
        text = " ".join(p.text for p in title).strip(" .")
        draft.set("title", text, title[0].line)
    return index


_BASES = ("can cu", "thuc hien")
_PREAMBLE_END = re.compile(
    r"\bnhư sau\s*:?\s*$|\bban hành\s+(?:Kế hoạch|văn bản|Chương trình)\b", re.IGNORECASE
)


def read_preamble(paras: list[Para], start: int, draft: Draft) -> list[Para]:
    """The paragraphs between the title and the first section ("Căn cứ …; Thực hiện …").

    It ends at the first heading (roman, or a numbered one that is not a "Căn cứ"), after
    the plan's own sentence ("… ban hành Kế hoạch … như sau:"), or at a title in capitals:
    documents named further on are the plan's content, not its bases (issue #17)."""
    preamble: list[Para] = []
    for para in paras[start:]:
        numbered = para.kind in ("arabic", "letter") and not para.key.startswith(_BASES)
        if para.kind == "roman" or numbered or (preamble and is_caps(para.text)):
            break
        preamble.append(para)
        if _PREAMBLE_END.search(para.text) and not para.key.startswith(_BASES):
            break
    if preamble:
        draft.set("preamble", "\n".join(p.text for p in preamble), preamble[0].line)
        _issuer_from_preamble(preamble, draft)
    return preamble


def _issuer_from_preamble(preamble: list[Para], draft: Draft) -> None:
    """No issuer at the top: "Ủy ban nhân dân tỉnh xây dựng Kế hoạch" + the place."""
    if "document.issuer" in draft.result.sources:
        return
    for para in preamble:
        match = _PREAMBLE_ISSUER.search(para.text)
        if not match:
            continue
        organ = trim_runon(expand(match["org"].strip()))
        place = draft.result.data.get("document", {}).get("place", "")
        if re.search(r"\b(tỉnh|thành phố|huyện|thị xã)$", organ):
            if not place:
                draft.warn(
                    f'Dòng {para.line}: văn bản chỉ ghi "{organ}", không ghi tên địa phương.'
                )
                draft.set("document.issuer", organ, para.line, 0.5, "prose")
                return
            organ = f"{organ} {place}"
            draft.warn(
                "Cơ quan ban hành không in ở đầu văn bản: đã ghép từ phần mở đầu "
                f"và địa danh ({organ}); hãy kiểm tra."
            )
        draft.set("document.issuer", organ, para.line, 0.7, "prose")
        return


_APPENDIX = re.compile(r"^\s*(?:PHỤ LỤC|Phụ lục)\b")


def read_signer(paras: list[Para], draft: Draft) -> None:
    """The signature block at the end (before an appendix "PHỤ LỤC", when one follows):
    authority (TM., KT.), position and name."""
    recipients = next((i for i, p in enumerate(paras) if p.key.startswith("noi nhan")), 0)
    end = next(
        (i for i, p in enumerate(paras) if i > recipients and _APPENDIX.match(p.text)),
        len(paras),
    )
    for last in dict.fromkeys((end, len(paras))):
        for index in range(last - 1, max(last - 25, -1), -1):
            para = paras[index]
            text = para.text.strip()
            authority = _AUTHORITY.match(text)
            position_text = authority["rest"] if authority else text
            if not (is_caps(text) and any(word in position_text for word in _POSITIONS)):
                continue
            if authority and not any(w in authority["rest"] for w in ("CHỦ TỊCH", "GIÁM ĐỐC")):
                continue
            _set_signer(paras, index, draft)
            return


def _set_signer(paras: list[Para], index: int, draft: Draft) -> None:
    para = paras[index]
    authority = _AUTHORITY.match(para.text.strip())
    position = authority["rest"] if authority else para.text.strip()
    draft.set("document.signer.position", title_of_caps(position), para.line)
    before = paras[index - 1].text.strip() if index else ""
    prefix = authority or _AUTHORITY.match(before)
    if prefix:
        line = para.line if authority else paras[index - 1].line
        draft.set("document.signer.authority", f"{prefix[1]}.", line)
    else:
        draft.set("document.signer.authority", "", para.line)
    for after in paras[index + 1 : index + 5]:
        words = after.text.strip().split()
        if any(w in after.key for w in _NOT_NAME) or not 2 <= len(words) <= 6:
            continue
        if all(w[:1].isupper() for w in words) and not any(ch.isdigit() for ch in after.text):
            draft.set("document.signer.name", name_of_caps(after.text.strip()), after.line)
            return
