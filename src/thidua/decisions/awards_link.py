"""What decisions need from the nominations workflow (``thidua.awards``): the signer's
authority windows (Luật TĐKT 2022 Điều 80) and the nomination's step approved →
decided. The per-row authority verdicts are ``decisions.row_authority``."""

from __future__ import annotations

from typing import Any

from thidua.awards.authority import grantor_kind_of
from thidua.awards.models import AwardAuthority, Nomination, NominationState
from thidua.awards.services import nomination_mark_decided
from thidua.organisations.models import Unit


def authority_windows(*, form: Any, grantor_unit: Unit) -> list[AwardAuthority]:
    """Every authority row of ``form`` for heads of units of this kind (for messages)."""
    return list(
        AwardAuthority.objects.filter(
            form=form, grantor_kind=grantor_kind_of(grantor_unit)
        ).order_by("valid_from")
    )


def mark_decided(nomination: Nomination, *, by: Any, decision_ref: str) -> None:
    """Move an approved nomination to *decided* through the awards workflow; a nomination
    already decided (a correcting decision lists it again) stays as it is."""
    if nomination.state == NominationState.APPROVED:
        nomination_mark_decided(nomination, by=by, decision_ref=decision_ref)
