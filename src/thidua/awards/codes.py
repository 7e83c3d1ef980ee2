"""Codes of the shipped award forms (``data/award-forms.yaml``), for code that names one."""

from __future__ import annotations

BANG_KHEN_TINH = "bang-khen-tinh"
GIAY_KHEN = "giay-khen"
LDTT = "ldtt"
CSTDCS = "cstdcs"
CSTD_TINH = "cstd-tinh"
TTLDTT = "ttldtt"
TTLDXS = "ttldxs"
CO_THI_DUA_TINH = "co-thi-dua-tinh"
