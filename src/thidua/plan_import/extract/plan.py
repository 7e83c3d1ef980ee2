"""The whole extraction: each part of the plan read by its own module.

Derived values (documented in docs/campaign-file.md, "Nhập kế hoạch từ văn bản"): the
campaign ``code`` is "<kind initials>-<number>-<year>-<place>" ("kh-128-2024-tra-vinh");
phase codes ``dot-1``…, content areas ``ND1``…, targets ``T01``…, works ``CT01``…; award
form codes from their names. Unit codes (``issuer_unit``, ``recipient_unit``,
``agency_units``) are never derived: the text does not hold them.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

from thidua.core.text import fold
from thidua.plan_import.extract.awards import read_awards
from thidua.plan_import.extract.content import read_aims, read_areas
from thidua.plan_import.extract.duties import read_duties
from thidua.plan_import.extract.gaps import sort_gaps
from thidua.plan_import.extract.head_layout import period_of_title, split_cells
from thidua.plan_import.extract.header import read_header, read_preamble, read_signer
from thidua.plan_import.extract.legal import read_bases, read_regulations
from thidua.plan_import.extract.model import Draft, Extraction
from thidua.plan_import.extract.phases import read_phases
from thidua.plan_import.extract.registration import read_registration
from thidua.plan_import.extract.reporting import read_reporting
from thidua.plan_import.extract.structure import Para, headed, outline, under
from thidua.plan_import.extract.targets import read_targets
from thidua.plan_import.values import REQUIRED_HEADER

logger = logging.getLogger(__name__)
FORMAT = "thidua/campaign@1"
_PLAN_WORDS = ("ke hoach", "thi dua", "phat dong", "khen thuong")


def looks_like_plan(lines: list[str]) -> bool:
    """Whether the text is a plan or reports one: a "KẾ HOẠCH" title line near its top (a
    plan of any kind: its bases, period and targets are read), "kế hoạch" near its top and a
    word of a campaign (thi đua, phát động, khen thưởng) somewhere, a text that launches a
    movement ("phát động phong trào thi đua") near its top, or a page reporting a plan by its
    number ("Kế hoạch 0219/KH-UBND") and headed by no document of another kind ("QUYẾT
    ĐỊNH", "BIÊN BẢN"…)."""
    head = fold(" ".join(lines[:40]))
    whole = fold(" ".join(lines))
    titles = [_title_kind(line) for line in lines[:40]]
    if "ke hoach" in titles:
        return True
    if "ke hoach" in head and any(word in whole for word in _PLAN_WORDS[1:]):
        return True
    if "phat dong" in head and "thi dua" in head:
        return True
    return not any(titles) and bool(_PLAN_NUMBER.search(head))


_OTHER_TITLES = (
    "quyet dinh",
    "bien ban",
    "thong bao",
    "bao cao",
    "to trinh",
    "chi thi",
    "nghi quyet",
    "cong van",
    "giay moi",
    "huong dan",
    "quy che",
)
_PLAN_NUMBER = re.compile(r"\bke hoach (?:so )?\d+[\w.]*/kh-|\bke hoach (?:so )?\d+-kh/")


def _title_kind(line: str) -> str:
    """The kind a title line names ("KẾ HOẠCH", "QUYẾT ĐỊNH" in capitals, alone or followed
    by the subject), or ""."""
    if line != line.upper():
        return ""
    folded = fold(line).strip(" .:")
    for kind in ("ke hoach", *_OTHER_TITLES):
        if folded == kind or folded.startswith(kind + " "):
            return kind
    return ""


def extract_plan(lines: list[str]) -> Extraction:
    """Read ``lines`` (1-based in every ``SourceRef``) into a campaign draft."""
    draft = Draft(lines)
    draft.result.data["format"] = FORMAT
    paras = outline(lines)
    paras = split_cells(paras[:10]) + paras[10:]
    body_start = read_header(paras, draft)
    preamble = read_preamble(paras, body_start, draft)
    content = _content_ids(paras)
    issuer = draft.result.data.get("document", {}).get("issuer", "")
    parts: list[tuple[str, Callable[[], object]]] = [
        ("căn cứ", lambda: read_bases(preamble, draft)),
        ("mục đích, yêu cầu", lambda: read_aims(paras, draft)),
        ("nội dung thi đua", lambda: read_areas(paras, draft)),
        ("chỉ tiêu", lambda: read_targets(paras, draft, content)),
        ("thời gian, đợt", lambda: read_phases(paras, draft)),
        ("thời gian trong tên", lambda: period_of_title(draft)),
        ("đăng ký", lambda: read_registration(paras, draft)),
        ("báo cáo", lambda: read_reporting(paras, draft)),
        ("khen thưởng", lambda: read_awards(paras, draft)),
        ("tổ chức thực hiện", lambda: read_duties(paras, draft)),
        ("quy định", lambda: read_regulations(paras, draft, issuer)),
        ("người ký", lambda: read_signer(paras, draft)),
    ]
    searched_all = all([_guarded(name, read, draft) for name, read in parts])  # noqa: C419 (every part must run)
    _derive(draft)
    _check_required(draft)
    sort_gaps(draft, searched_all=searched_all)
    if not draft.result.data.get("legal_bases"):
        draft.result.data.pop("legal_bases", None)
    return draft.result


def _guarded(name: str, read: Callable[[], object], draft: Draft) -> bool:
    """Run one part's reader; a text it cannot handle costs that part, not the draft.
    Whether the part was read to its end."""
    try:
        read()
    except (ValueError, IndexError, KeyError, TypeError, AttributeError):
        logger.exception("plan import: part %s failed", name)
        draft.warn(f"Không đọc được phần {name} của văn bản: hãy nhập phần này bằng tay.")
        return False
    return True


def _content_ids(paras: list[Para]) -> set[int]:
    heads = [h for h in headed(paras, "noi dung") if "muc tieu" not in h.key]
    return {id(p) for p in under(paras, heads[-1])} if heads else set()


def _derive(draft: Draft) -> None:
    """The campaign code and kind, from what the text states."""
    data = draft.result.data
    document = data.get("document", {})
    number, date, place = document.get("number"), document.get("date"), document.get("place")
    if number and date and place:
        initials = "".join(word[0] for word in fold(document.get("kind", "Kế hoạch")).split())
        serial = re.split(r"[/-]", number)[0]
        slug = re.sub(r"[^a-z0-9]+", "-", fold(place)).strip("-")
        data["code"] = f"{initials}-{serial}-{date[:4]}-{slug}"
        draft.cite("code", draft.result.sources["document.number"].line, 0.9)
    title = fold(data.get("title", ""))
    if "thuong xuyen" in title:
        data["kind"] = "regular"
    elif "dot thi dua" in title or "chuyen de" in title or "chao mung" in title:
        data["kind"] = "thematic"
    if "kind" in data and "title" in draft.result.sources:
        draft.cite("kind", draft.result.sources["title"].line, 0.8)


def _check_required(draft: Draft) -> None:
    for path in REQUIRED_HEADER:
        node: Any = draft.result.data
        for key in path.split("."):
            node = node.get(key) if isinstance(node, dict) else None
        if node in (None, ""):
            draft.miss(path)
    for index, target in enumerate(draft.result.data.get("targets", [])):
        if target.get("comparator") != "before" and "value" not in target:
            draft.miss(f"targets.{index}.value")
