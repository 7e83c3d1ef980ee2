"""Where a legal value comes from, and what each reader is told about it.

Every value the checks and decisions use is data with its source (``award-forms.yaml``):
a rule's value rests on the rule's ``legal_basis`` unless its ``sources`` entry names
another; a ``LegalValue`` row carries its own. A source is *verified* when its article
was read, and a *setting* when no law fixes the value and the province chose it. Users
see the citation (or "Cài đặt của tỉnh"); only the Ban TĐKT also sees that a value is
unverified or a setting without a regulation behind it, so that it confirms it: a value
borrowed from another province is never shown as this province's rule.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.awards.models import AwardRule, LegalValue, LegalValueCode
from thidua.core.validity import valid_on

#: What the Ban TĐKT reads beside a setting that no regulation is known to back.
UNVERIFIED_SETTING = gettext_lazy("cài đặt của tỉnh, chưa có căn cứ – cần xác nhận")
#: What the Ban TĐKT reads beside a citation whose article was not found.
UNVERIFIED_LAW = gettext_lazy("chưa xác minh – Ban TĐKT xác nhận")


@dataclass(frozen=True)
class ValueSource:
    """The citation of one value: ``basis`` (may be blank for a setting), ``verified``
    (its article was read), ``setting`` (the province's own value, no law fixes it)."""

    basis: str
    verified: bool = True
    setting: bool = False

    @property
    def citation(self) -> str:
        """What every reader sees: the citation, or "Cài đặt của tỉnh" for a setting."""
        if self.basis:
            return self.basis
        return _("Cài đặt của tỉnh") if self.setting else ""

    @property
    def board_note(self) -> str:
        """What only the Ban TĐKT sees: blank when verified, else what to confirm."""
        if self.verified:
            return ""
        return str(UNVERIFIED_SETTING if self.setting else UNVERIFIED_LAW)

    def for_board(self) -> str:
        """The citation followed by the note to confirm, for the Ban TĐKT's pages."""
        note = self.board_note
        if not note:
            return self.citation
        if self.setting and not self.basis:
            return note[:1].upper() + note[1:]
        return f"{self.citation} ({note})"


def value_source(rule: AwardRule, field: str) -> ValueSource:
    """The source of ``rule``'s value ``field`` (e.g. ``council_threshold``,
    ``multiplier_individual``): its ``sources`` entry, or the rule's own legal basis."""
    entry = (rule.sources or {}).get(field)
    if not entry:
        return ValueSource(basis=rule.legal_basis)
    return ValueSource(
        basis=entry.get("basis", ""),
        verified=bool(entry.get("verified", True)),
        setting=bool(entry.get("setting", False)),
    )


def legal_value(code: LegalValueCode | str, on: dt.date) -> LegalValue | None:
    """The ``LegalValue`` of ``code`` in force on ``on``, or None when none is loaded."""
    return LegalValue.objects.filter(valid_on(on), code=code).order_by("-valid_from", "-pk").first()


def legal_value_source(value: LegalValue) -> ValueSource:
    """The source of a ``LegalValue`` row."""
    return ValueSource(basis=value.legal_basis, verified=value.verified, setting=value.setting)


def rounded_reward(amount: Decimal, step: Decimal | int | None) -> int:
    """``amount`` rounded up to a multiple of ``step`` đồng (ND 91/2017 Điều 68.2: to the
    next 10.000 đồng); half up to the đồng when no step is known or it is one đồng."""
    if step is None or Decimal(step) <= 1:
        return int(amount.quantize(Decimal(1), ROUND_HALF_UP))
    unit = Decimal(step)
    return int((amount / unit).to_integral_value(ROUND_CEILING) * unit)
