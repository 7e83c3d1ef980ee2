"""The central forms' proposal rules as data (``data/central-proposals.yaml``): which forms
the province proposes upward, whether their shortlist must be posted publicly before the
provincial council meets and for how many working days (R15: Nghị định 98/2023/NĐ-CP
Điều 46, then Nghị định 152/2025/NĐ-CP Điều 60 khoản 3), and whether the Ban Thường vụ
Tỉnh ủy's written opinion is recorded (the province's setting).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict

DATA_FILE = Path(__file__).parent / "data" / "central-proposals.yaml"


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PostingWindow(_Spec):
    """How long the shortlist stays posted, for postings made in one date range."""

    valid_from: dt.date
    valid_to: dt.date | None = None
    working_days: int
    basis: str
    verified: bool = True

    def covers(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


class Posting(_Spec):
    public_basis: str
    windows: list[PostingWindow]


class CentralForm(_Spec):
    posting: Literal["law", "setting", "none"]
    btv_opinion: Literal["always", "managed", "none"]


class CentralData(_Spec):
    posting: Posting
    forms: dict[str, CentralForm]

    def posting_window(self, day: dt.date) -> PostingWindow:
        """The window of postings made on ``day`` (the latest one before it if none)."""
        for window in self.posting.windows:
            if window.covers(day):
                return window
        return max(self.posting.windows, key=lambda w: w.valid_from)


@lru_cache(maxsize=1)
def central_data() -> CentralData:
    """The shipped file, read and validated once."""
    return CentralData.model_validate(yaml.safe_load(DATA_FILE.read_text(encoding="utf-8")))


def central_codes() -> list[str]:
    """Codes of the award forms the province proposes upward."""
    return list(central_data().forms)


def posting_required(form_code: str) -> bool:
    """Whether an entry of this form needs the public posting before the council (by law
    or by the province's setting)."""
    spec = central_data().forms.get(form_code)
    return spec is not None and spec.posting != "none"


def btv_opinion_required(form_code: str, *, btv_managed: bool) -> bool:
    """Whether an entry needs the Ban Thường vụ Tỉnh ủy's written opinion (a setting)."""
    spec = central_data().forms.get(form_code)
    if spec is None:
        return False
    return spec.btv_opinion == "always" or (spec.btv_opinion == "managed" and btv_managed)
