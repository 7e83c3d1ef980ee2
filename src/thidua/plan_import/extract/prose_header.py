"""The document's own facts told in a sentence, where no header block holds them (issue #17).

- "… vừa ban hành Kế hoạch số 45/KH-UBND ngày 3/4/2024 về …", "(Kế hoạch số 12/KH-UBND,
  ngày 14/8/2023)", "Ngày 9/2/2024, UBND huyện X ban hành Kế hoạch số … về …";
- "Ngày 03/12/2025, UBND tỉnh X đã ban hành Kế hoạch 0219/KH-UBND về …" ("số" left out);
- news reports: "… ngày 18/3/2021, Ủy ban nhân dân tỉnh đã ban hành Kế hoạch số 42/KH-UBND
  tổ chức phong trào …", "Ngày 03/5, UBND tỉnh ban hành Kế hoạch số …" (the year from the
  page's own date, confidence 0.5), "Sở X đã ban hành Kế hoạch phát động …" (no number),
  "Chủ tịch UBND tỉnh Gia Lai Võ Ngọc Thành vừa ký ban hành …" (the signer).

Values read from a sentence carry a lower confidence (0.6) and the place "prose". A document
named after "Căn cứ", "Thực hiện", "theo" or "của" is another document (a legal basis),
never the plan itself.
"""

from __future__ import annotations

import re

from thidua.core.dates import PartialDate
from thidua.plan_import.extract.dates import find_dates
from thidua.plan_import.extract.model import Draft
from thidua.plan_import.extract.structure import Para
from thidua.plan_import.extract.words import capital, expand, is_caps, strip_end, trim_runon

PROSE = 0.6
_KINDS = r"Kế hoạch|Chương trình|Hướng dẫn|Kế hoạch liên tịch|Công văn"
_OWN = re.compile(
    rf"(?P<lead>\(|\bban hành\s+|\bphát động\s+|^)\s*(?P<kind>{_KINDS})\s+(?P<so>số\s*:?\s*)?"
    r"(?P<n>\d+[^\s,;)]*/[^\s,;)]+)",
    re.IGNORECASE,
)
_OTHER = re.compile(r"\b(?:căn cứ|thực hiện|theo|của|tại|kèm theo)\s*$", re.IGNORECASE)
_AFTER_DATE = re.compile(r"^[\s,]*(?:ngày\b|\d{1,2}/\d{1,2}/\d{4})", re.IGNORECASE)
_ORGAN = re.compile(
    r"(?:(?P<position>(?:Phó\s+)?Chủ tịch|(?:Phó\s+)?Giám đốc|(?:Phó\s+)?Trưởng ban)\s+)?"
    r"(?P<org>(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Hội đồng Thi đua\s*-\s*Khen thưởng|"
    r"Ban Thường vụ|Công đoàn|Sở|Ban|Bộ|Phòng|Trung tâm)\b[^;,.()]{0,60}?)"
    r"\s+(?:(?:đã|vừa|mới|ký|chính thức)\s+)*(?:ban hành|phát động)\b"
)
_OPENING_DATE = re.compile(
    r"^Ngày\s+(?P<date>\d{1,2}\s*(?:/|tháng)\s*\d{1,2}\s*(?:/|năm)\s*\d{4})\s*,", re.IGNORECASE
)
#: A sentence that opens with a date gives the plan's date only when it reports the plan.
_ISSUES = re.compile(rf"\b(?:ban hành|phát động)\s+(?:{_KINDS})\b", re.IGNORECASE)
_ABOUT = re.compile(r"^[^.;()]{0,40}?\s+về\s+(?:việc\s+)?(?P<t>[^;]{12,600})")


def read_own_sentence(paras: list[Para], draft: Draft) -> None:
    """Number, date, issuer and title of the plan from a sentence near the top: each only
    where the header block did not give it."""
    page_date = published(paras[:4])
    for para in paras[:12]:
        match = _own_number(para.text) or _own_plain(para.text)
        opening = _OPENING_DATE.match(para.text) if _ISSUES.search(para.text) else None
        if match is None and opening is None:
            _passive(para, page_date, draft)
            continue
        if match is not None:
            _read_match(para, match, page_date, draft)
        if opening is not None:
            _fill_date(draft, find_dates(opening["date"]), para.line)
        _issuer_of(para, draft)
        if "document.number" in draft.result.sources or match is not None:
            return
    _launch_title(paras[:4], draft)


#: "… tại Kế hoạch tổ chức thực hiện Phong trào thi đua …, do UBND tỉnh ban hành vào ngày
#: 24/11.": the plan named before the organ that issued it.
_PASSIVE = re.compile(
    rf"\b(?P<kind>{_KINDS})\s+(?P<t>[^\d\W][^.;]{{10,300}}?),?\s+do\s+[^.;,]{{3,60}}?\s+"
    r"(?:ký\s+)?ban hành\s+(?:vào\s+)?(?P<date>ngày\s+\d{1,2}\s*(?:/|-|tháng)\s*\d{1,2}[^.;,]{0,12})"
)


def _passive(para: Para, page_date: PartialDate | None, draft: Draft) -> None:
    """Kind, title and date of a plan named in the passive ("… do X ban hành vào ngày …");
    a day and month alone take the year of the page (confidence 0.5)."""
    match = _PASSIVE.search(para.text)
    if match is None or re.search(
        r"\b(?:căn cứ|thực hiện|theo)\s*$", para.text[: match.start()], re.I
    ):
        return
    _fill(draft, "document.kind", capital(match["kind"].lower()), para.line)
    _fill(draft, "title", capital(strip_end(match["t"])), para.line)
    dates = find_dates(match["date"])
    if dates and dates[0][0].day is not None:
        _fill_date(draft, dates, para.line)
    else:
        _date_before(match["date"], page_date, para.line, draft)


def _read_match(
    para: Para, match: re.Match[str], published: PartialDate | None, draft: Draft
) -> None:
    """Kind, number, date and title around the plan's own mention."""
    _fill(draft, "document.kind", capital(match["kind"].lower()), para.line)
    if match.groupdict().get("n"):
        _fill(draft, "document.number", match["n"], para.line)
    rest = para.text[match.end() :]
    if _AFTER_DATE.match(rest):
        _fill_date(draft, find_dates(rest[:40]), para.line)
    sentence_start = max(para.text.rfind(". ", 0, match.start()) + 1, 0)
    _date_before(para.text[sentence_start : match.start()], published, para.line, draft)
    _title_after(rest, para.line, draft)


_PLAIN = re.compile(
    rf"\b(?:ban hành|phát động)\s+(?P<kind>{_KINDS})\b(?!\s+(?:số|này)\b)", re.IGNORECASE
)


def _own_plain(text: str) -> re.Match[str] | None:
    """ "Sở X đã ban hành Kế hoạch phát động …": the plan named without its number."""
    match = _PLAIN.search(text)
    if match is None or re.search(r"\b(?:căn cứ|thực hiện)\b", text[: match.start()], re.I):
        return None
    return match


def _own_number(text: str) -> re.Match[str] | None:
    for match in _OWN.finditer(text):
        before = text[: match.start()]
        if not match["so"] and match["lead"].strip().lower() not in ("ban hành", "phát động"):
            continue  # "Kế hoạch 0219/KH-UBND" without "số": only as the object of "ban hành"
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


_LEAD_IN = re.compile(
    r"^[\s,]*(?:ngày\s*[\d/]+(?:\s*tháng\s*\d+\s*năm\s*\d{4})?[\s,]*)?(?:về\s+(?:việc\s+)?)?",
    re.IGNORECASE,
)
_TITLE_END = re.compile(
    r"\.\s|\.$|;|,?\s+nhằm\b|,\s*với\b|,\s*theo đó\b|\s+như sau\b|,?\s+cụ thể\s*:"
)


def _title_after(rest: str, line: int, draft: Draft) -> None:
    """The words after the plan's mention ("… số 42/KH-UBND tổ chức phong trào …", "… về
    việc …"), up to the end of the sentence."""
    if "title" in draft.result.data:
        return
    about = _ABOUT.match(rest)
    text = about["t"] if about else rest[_LEAD_IN.match(rest).end() :]  # type: ignore[union-attr]
    end = _TITLE_END.search(text)
    title = strip_end(text[: end.start()] if end else text)
    if 12 <= len(title) <= 400 and title[:1].isalpha():
        _fill(draft, "title", capital(title), line)


_DAY_MONTH = re.compile(
    r"\bngày\s+(?P<d>\d{1,2})\s*(?:/|-|tháng)\s*(?P<m>\d{1,2})(?!\s*(?:/|-|năm)\s*\d)",
    re.IGNORECASE,
)


def published(paras: list[Para]) -> PartialDate | None:
    """The date a news page was published: the latest d/m/yyyy of its first lines (a title
    may name older dates: "(11/6/1948 - 11/6/2018)")."""
    found = []
    for para in paras:
        for match in re.finditer(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})", para.text):
            try:
                found.append(PartialDate(int(match[3]), int(match[2]), int(match[1])))
            except ValueError:
                continue
    return max(found, key=lambda d: (d.year, d.month or 0, d.day or 0), default=None)


def _date_before(before: str, published: PartialDate | None, line: int, draft: Draft) -> None:
    """ "… ngày 18/3/2021, Ủy ban nhân dân tỉnh đã ban hành …": the date earlier in the
    sentence; "Ngày 03/5, …", "Ngày 3-8, …" take the year of the page's date (confidence 0.5)."""
    if "document.date" in draft.result.sources:
        return
    dates = [d for d, _, _ in find_dates(before) if d.day is not None]
    if dates:
        _fill(draft, "document.date", dates[-1].iso(), line)
        return
    short = list(_DAY_MONTH.finditer(before))
    if not short or published is None or published.month is None:
        return
    day, month = int(short[-1]["d"]), int(short[-1]["m"])
    year = published.year - ((month, day) > (published.month, published.day or 31))
    try:
        date = PartialDate(year, month, day)
    except ValueError:
        return
    draft.set("document.date", date.iso(), line, 0.5, "prose")


#: Family names that open a person's name written after an organ's place ("Chủ tịch UBND
#: tỉnh Gia Lai Võ Ngọc Thành vừa ký …").
_SURNAMES = frozenset(
    [
        "Nguyễn",
        "Trần",
        "Lê",
        "Phạm",
        "Hoàng",
        "Huỳnh",
        "Phan",
        "Vũ",
        "Võ",
        "Đặng",
        "Bùi",
        "Đỗ",
        "Hồ",
        "Ngô",
        "Dương",
        "Lý",
        "Đinh",
        "Đoàn",
        "Lâm",
        "Trịnh",
        "Mai",
        "Trương",
        "Lương",
        "Cao",
        "Hà",
        "Tạ",
        "Châu",
        "Thái",
        "Tô",
        "Lại",
        "Vương",
        "Quách",
        "Đào",
        "Triệu",
        "Kiều",
        "Nông",
        "Lò",
        "Hứa",
        "Từ",
        "Chu",
        "Tăng",
        "Lưu",
        "Khổng",
        "La",
        "Kim",
        "Y",
        "Hầu",
        "Lục",
        "Mạc",
        "Thạch",
        "Tống",
    ]
)


def _split_name(organ: str) -> tuple[str, str]:
    """An organ with a person's name after its place: (organ, name) or (organ, "")."""
    words = organ.split()
    level = next(
        (i for i, w in enumerate(words) if w in ("tỉnh", "huyện", "thành", "thị", "xã", "phường")),
        -1,
    )
    for start in range(level + 2, len(words) - 1):
        name = words[start:]
        if words[start] in _SURNAMES and 2 <= len(name) <= 4 and all(w[:1].isupper() for w in name):
            return " ".join(words[:start]), " ".join(name)
    return organ, ""


def _issuer_of(para: Para, draft: Draft) -> None:
    """ "UBND huyện Bình Sơn vừa ban hành …": the organ before "ban hành", without the
    adverbs that run on ("vừa", "đã") and without a signer's name after it; an organ that
    does not name its place ("Ủy ban nhân dân tỉnh") is kept as written, confidence 0.5."""
    match = _ORGAN.search(para.text)
    if match is None or "document.issuer" in draft.result.sources:
        return
    organ, name = _split_name(trim_runon(expand(match["org"].strip())))
    if re.search(r"\b(?:về|của|tại|theo|cho|với)\b", organ):
        return  # a clause, not an organ's name
    if name and match["position"]:
        _fill(draft, "document.signer.name", name, para.line)
        _fill(draft, "document.signer.position", match["position"], para.line)
    if re.search(r"\b(?:tỉnh|thành phố|huyện|thị xã|quận|xã|phường|Huyện|Tỉnh)$", organ):
        draft.set("document.issuer", organ, para.line, 0.5, "prose")
        return
    _fill(draft, "document.issuer", organ, para.line)


_LAUNCH = re.compile(
    r"\bphát động\s+(?P<t>(?:phong trào\s+|đợt\s+)?thi đua\b.{8,300})", re.IGNORECASE
)
_LAUNCH_END = re.compile(
    r"\.\s|\.$|;|,?\s+nhằm\b|,?\s+với (?:chủ đề|mục đích|nội dung)\b"
    r"|,\s*(?:theo đó|đồng thời|ngày)\b"
)


#: A report of another kind of document ("… ban hành văn bản số 129/UBND-KTTH …"): the
#: movement it launches is that document's subject, not a plan's title.
_OTHER_DOCUMENT = re.compile(r"\bban hành\s+(?:văn bản|công văn|chỉ thị)\s+số\b", re.IGNORECASE)


def _launch_title(paras: list[Para], draft: Draft) -> None:
    """A news report that names no plan: the movement it launches ("… vừa phát động phong
    trào thi đua lập thành tích chào mừng …", a headline "… PHÁT ĐỘNG PHONG TRÀO THI ĐUA ĐỢT
    II NĂM 2023"), the longest such mention in the first lines, confidence 0.5; its organ
    when the sentence names one."""
    if "title" in draft.result.data or any(_OTHER_DOCUMENT.search(p.text) for p in paras):
        return
    found: list[tuple[str, Para, int]] = []
    for para in paras:
        if para.kind != "text":
            continue
        for match in _LAUNCH.finditer(para.text):
            if re.search(r"\b(?:về|của|tổ chức|giao)\s*$", para.text[: match.start()], re.I):
                continue  # the subject of another document or meeting
            text = match["t"]
            end = _LAUNCH_END.search(text)
            title = strip_end(text[: end.start()] if end else text)
            found.append((title.lower() if is_caps(title) else title, para, match.start()))
    if not found:
        return
    title, para, _start = max(found, key=lambda item: len(item[0]))
    draft.set("title", capital(title), para.line, 0.5, "prose")
    for _title, para, start in found:
        organ = _ORGAN.search(para.text[: start + len("phát động")])
        if organ is not None and organ.end() == start + len("phát động"):
            _issuer_of(para, draft)
