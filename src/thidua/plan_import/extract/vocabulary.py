"""Words that name kinds of units, works and award subjects (folded, no diacritics)."""

from __future__ import annotations

import re

from thidua.core.text import fold

#: (folded words, unit kind): "sở, ban, ngành" → department, "cấp huyện" → district, …
UNIT_WORDS = (
    (("so, ban, nganh", "so, nganh", "cac so", "co quan chuyen mon"), "department"),
    (("doan the", "to chuc hoi", "hoi cap tinh", "mat tran"), "mass_organisation"),
    (("cap huyen", "huyen, thi xa", "huyen, thanh pho", "ủy ban nhan dan huyen"), "district"),
    (("cap xa", "xa, phuong, thi tran", "xa, phuong"), "commune"),
    (("doanh nghiep",), "enterprise"),
)
SUBJECT_WORDS = (
    (("so, ban, nganh",), "department"),
    (("doan the",), "mass_organisation"),
    (("huyen, thi xa", "cap huyen"), "district"),
    (("xa, phuong, thi tran", "cap xa"), "commune"),
    (("tap the",), "collective"),
    (("ca nhan",), "individual"),
    (("ho gia dinh",), "household"),
    (("doanh nghiep",), "enterprise"),
)
WORK_WORDS = (
    (("cong trinh",), "construction"),
    (("du an",), "project"),
    (("phan viec", "phan viec", "viec lam", "nhiem vu"), "task"),
)


def kinds_in(text: str, table: tuple[tuple[tuple[str, ...], str], ...]) -> list[str]:
    """The kinds whose words ``text`` holds, in the table's order, each once."""
    key = fold(text)
    found: list[str] = []
    for words, kind in table:
        if (
            any(re.search(rf"(?<![a-z]){re.escape(fold(w))}", key) for w in words)
            and kind not in found
        ):
            found.append(kind)
    return found


def province_grantor(text: str) -> bool:
    """Whether a grantor is the province's own head ("Chủ tịch Ủy ban nhân dân tỉnh")."""
    key = fold(text)
    return bool(re.search(r"(uy ban nhan dan|ubnd) tinh\b", key)) and "huyen" not in key
