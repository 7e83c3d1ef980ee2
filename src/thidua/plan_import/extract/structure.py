"""The outline of a plan: paragraphs with their list mark and the section they sit in.

A plan numbers its parts "I.", "1.", "a)" and lists with "-" and "+". Lines that a page
break or a PDF line wrap cut in two are joined back into one paragraph; a paragraph keeps
the number of its first line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from thidua.core.text import fold

_ROMAN = re.compile(r"^(?P<m>(?:X{0,3})(?:IX|IV|V?I{0,3}))[.)]\s*(?P<rest>\S.*)$")
_ARABIC = re.compile(r"^(?P<m>\d{1,2})[.)]\s*(?P<rest>[^\d\s].*)$")
_LETTER = re.compile(
    r"^(?P<m>[a-zđ])[)]\s*(?P<rest>\S.*)$|^(?P<m2>[a-hk-uđ])\.\s+(?P<rest2>[A-ZĐÀ-Ỹ].*)$"
)
_BULLET = re.compile(r"^(?P<m>[-–—•+*])\s*(?P<rest>\S.*)$")
_END = ".;:!?…”\"'/)"
_ITEM_START = re.compile(
    r"^(?:[-–—•+*]\s|[IVX]+[.)]\s|\d{1,2}[.)]\s|[a-zđ]\)\s|Đợt\b|Căn cứ|Thực hiện|Nơi nhận)",
)


@dataclass
class Para:
    """One paragraph of the plan.

    ``line`` is its first line (1-based), ``kind`` one of "roman", "arabic", "letter",
    "dash", "plus", "text"; ``body`` is the text without its list mark; ``section`` the
    numbers of the headings it sits under, "II.1.a" (a heading's own number included).
    """

    line: int
    text: str
    kind: str
    mark: str
    body: str
    section: str = ""

    @property
    def key(self) -> str:
        """The folded body, for keyword tests."""
        return fold(self.body)


def _is_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def _strip_bold(text: str) -> str:
    return text.replace("**", "").replace("__", "").strip()


def _continues(previous: str, line: str) -> bool:
    """Whether ``line`` goes on the paragraph ``previous`` (cut by a page break)."""
    if not previous or previous[-1] in _END or _is_caps(previous) or _ITEM_START.match(line):
        return False
    return line[0].islower() or line[0].isdigit()


def join_lines(lines: list[str]) -> list[tuple[int, str]]:
    """Paragraphs as (first line number, text), cut paragraphs joined."""
    paragraphs: list[tuple[int, str]] = []
    for number, raw in enumerate(lines, start=1):
        line = _strip_bold(raw)
        if not line:
            continue
        if paragraphs and _continues(paragraphs[-1][1], line):
            first, text = paragraphs[-1]
            paragraphs[-1] = (first, f"{text} {line}")
        else:
            paragraphs.append((number, line))
    return paragraphs


def classify(line: int, text: str) -> Para:
    """A paragraph with its list mark recognised."""
    for kind, pattern in (("roman", _ROMAN), ("arabic", _ARABIC), ("letter", _LETTER)):
        match = pattern.match(text)
        if match and (match.group(1) or (kind == "letter" and match["m2"])):
            mark = match.group(1) or match["m2"]
            rest = match["rest"] if match["rest"] else match["rest2"]
            if kind == "roman" and not _is_caps(rest[:12]):
                continue
            return Para(line, text, kind, mark, rest.strip())
    bullet = _BULLET.match(text)
    if bullet:
        kind = "plus" if bullet["m"] in "+*" else "dash"
        return Para(line, text, kind, bullet["m"], bullet["rest"].strip())
    return Para(line, text, "text", "", text)


def outline(lines: list[str]) -> list[Para]:
    """Every paragraph of the plan with the number of the section it sits in."""
    numbers = {"roman": "", "arabic": "", "letter": ""}
    paras = []
    for line, text in join_lines(lines):
        para = classify(line, text)
        if para.kind == "roman":
            numbers = {"roman": para.mark, "arabic": "", "letter": ""}
        elif para.kind == "arabic":
            numbers["arabic"], numbers["letter"] = para.mark, ""
        elif para.kind == "letter":
            numbers["letter"] = para.mark
        para.section = ".".join(n for n in numbers.values() if n)
        paras.append(para)
    return paras


def headed(
    paras: list[Para], *keywords: str, kinds: tuple[str, ...] = ("roman", "arabic", "letter")
) -> list[Para]:
    """Headings whose folded body starts with (or holds) one of the folded ``keywords``."""
    return [p for p in paras if p.kind in kinds and any(k in p.key[:80] for k in keywords)]


def under(paras: list[Para], heading: Para) -> list[Para]:
    """The paragraphs inside ``heading``'s section, the heading excluded."""
    start = paras.index(heading)
    inside = []
    for para in paras[start + 1 :]:
        if not (para.section == heading.section or para.section.startswith(heading.section + ".")):
            break
        inside.append(para)
    return inside
