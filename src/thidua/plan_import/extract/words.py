"""Small helpers for Vietnamese wording: case, list marks, sentence pieces."""

from __future__ import annotations

import re

from thidua.core.text import fold

ABBREVIATIONS = {
    "UBND": "ỦY BAN NHÂN DÂN",
    "HĐND": "HỘI ĐỒNG NHÂN DÂN",
    "BCH": "BAN CHẤP HÀNH",
}
# Words after which a capitalised place name follows (tỉnh Trà Vinh, huyện Càng Long).
_PLACE_WORDS = ("tỉnh", "thành phố", "huyện", "thị xã", "quận", "xã", "phường", "thị trấn")
#: Names of bodies in their usual case, put back after capitals are lowered.
_NAMES = (
    "Hội đồng Thi đua - Khen thưởng",
    "Ban Thi đua - Khen thưởng",
    "Trung ương",
    "Tỉnh ủy",
    "Thành ủy",
    "Huyện ủy",
    "Mặt trận Tổ quốc Việt Nam",
    "Sở Nội vụ",
    "Chính phủ",
    "Quốc hội",
)
_TITLES = {
    "phó chủ tịch": "Phó Chủ tịch",
    "chủ tịch": "Chủ tịch",
    "phó giám đốc": "Phó Giám đốc",
    "giám đốc": "Giám đốc",
    "phó trưởng ban": "Phó Trưởng ban",
    "trưởng ban": "Trưởng ban",
    "bí thư": "Bí thư",
    "phó bí thư": "Phó Bí thư",
}


def capital(text: str) -> str:
    """``text`` with its first letter upper case."""
    return text[:1].upper() + text[1:] if text else text


def is_caps(text: str) -> bool:
    """Whether every letter of ``text`` is upper case."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def title_of_caps(text: str) -> str:
    """A position written in capitals, in its usual case: "PHÓ CHỦ TỊCH" → "Phó Chủ tịch"."""
    lower = " ".join(text.lower().split())
    return _TITLES.get(lower, capital(lower))


def name_of_caps(text: str) -> str:
    """A person's name written in capitals: "LÊ VĂN HẲN" → "Lê Văn Hẳn"."""
    return " ".join(capital(word.lower()) for word in text.split()) if is_caps(text) else text


def organ_of_caps(lines: list[str]) -> str:
    """An issuer written in capitals over lines: "ỦY BAN NHÂN DÂN" + "TỈNH TRÀ VINH".

    Lower case with a capital first letter; the place name after "tỉnh", "huyện", … takes
    capitals on each word: "Ủy ban nhân dân tỉnh Trà Vinh".
    """
    text = " ".join(" ".join(lines).split())
    if not is_caps(text):
        return expand(text)
    lower = capital(expand(text).lower())
    for name in _NAMES:
        lower = re.sub(re.escape(name), name, lower, flags=re.IGNORECASE)
    for word in _PLACE_WORDS:
        match = re.search(rf"(?<!\w){word} (.+)$", lower)
        if match:
            place = " ".join(capital(w) for w in match[1].split())
            return expand(lower[: match.start(1)] + place)
    return expand(lower)


def expand(text: str) -> str:
    """Abbreviations spelled out: "UBND tỉnh" → "Ủy ban nhân dân tỉnh"."""
    for short, long in ABBREVIATIONS.items():
        text = re.sub(rf"\b{short}\b", long if is_caps(text) else capital(long.lower()), text)
    return text


_RUN_ON = re.compile(
    r"(?:\s+(?:vừa|đã|mới|sẽ|đang|cũng|đã có|tiếp tục|chính thức|nay|trước đó|ký|vừa ký|đã ký))+\s*$",
    re.IGNORECASE,
)


def trim_runon(text: str) -> str:
    """An organ's name without the adverbs a sentence runs on with ("Ủy ban nhân dân tỉnh
    vừa", "… huyện Bình Sơn đã" → the organ alone)."""
    return _RUN_ON.sub("", text.strip()).strip()


def strip_end(text: str) -> str:
    """Drop a trailing colon, full stop, comma or semicolon (not "./." endings' content)."""
    return re.sub(r"[\s.:;,]+$", "", text.strip())


def strip_full_stop(text: str) -> str:
    """Drop a trailing colon or semicolon and a single trailing full stop of a title."""
    return re.sub(r"[\s:;,]+$", "", text.strip()).removesuffix(".").strip()


def has(text: str, *keywords: str) -> bool:
    """Whether the folded ``text`` holds one of the folded ``keywords``."""
    key = fold(text)
    return any(fold(word) in key for word in keywords)


def clauses(text: str) -> list[str]:
    """``text`` cut at semicolons (outside quotes and brackets)."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in text:
        if ch in "(“":
            depth += 1
        elif ch in ")”" and depth:
            depth -= 1
        if ch == ";" and depth == 0:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
    parts.append("".join(current).strip())
    return [part for part in parts if part]


def sentences(text: str) -> list[str]:
    """``text`` cut into sentences at ". " before a capital letter."""
    pieces = re.split(r"(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ“\"])", text.strip())
    return [piece.strip() for piece in pieces if piece.strip()]
