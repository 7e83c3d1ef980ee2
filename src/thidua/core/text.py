"""Vietnamese text: NFC normalisation and diacritics-free folding for search.

All text that enters thidua is normalised to NFC (ReportLab and some fonts misplace
accents on NFD input). Search compares *folded* text: NFD, combining marks dropped,
``đ`` → ``d``, casefolded, whitespace collapsed — so "cau ke" finds "Cầu Kè".
"""

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def nfc(value: str) -> str:
    """Return ``value`` in Unicode NFC with surrounding whitespace removed."""
    return unicodedata.normalize("NFC", value).strip()


def fold(value: str) -> str:
    """Return the search key of ``value``: no diacritics, lower case, single spaces."""
    decomposed = unicodedata.normalize("NFD", value)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("đ", "d").replace("Đ", "D")
    return _SPACES.sub(" ", stripped.casefold()).strip()
