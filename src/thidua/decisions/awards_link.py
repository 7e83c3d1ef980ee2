"""What decisions need from the nominations workflow (``thidua.awards``): the signer's
authority as of a date (LAW-NOTES R1) and the nomination's step approved → decided."""

from __future__ import annotations

import datetime as dt
from typing import Any

from thidua.awards.eligibility import authority_for as _authority_for
from thidua.awards.models import AwardAuthority, Nomination, NominationState
from thidua.awards.services import nomination_mark_decided
from thidua.organisations.models import Unit


def authority_for(
    *, form: Any, subject_kind: str, grantor_unit: Unit, on: dt.date
) -> AwardAuthority | None:
    """The authority row under which the head of ``grantor_unit`` may grant ``form`` to a
    ``subject_kind`` on ``on`` (Luật TĐKT 2022 Điều 80; ND 129/2025 Điều 59), or None."""
    return _authority_for(form=form, subject_kind=subject_kind, grantor_unit=grantor_unit, on=on)


def authority_windows(*, form: Any, grantor_unit: Unit) -> list[AwardAuthority]:
    """Every authority row of ``form`` for heads of units of this kind (for messages)."""
    return list(
        AwardAuthority.objects.filter(form=form, grantor_kind=grantor_unit.kind).order_by(
            "valid_from"
        )
    )


def mark_decided(nomination: Nomination, *, by: Any, decision_ref: str) -> None:
    """Move an approved nomination to *decided* through the awards workflow; a nomination
    already decided (a correcting decision lists it again) stays as it is."""
    if nomination.state == NominationState.APPROVED:
        nomination_mark_decided(nomination, by=by, decision_ref=decision_ref)
