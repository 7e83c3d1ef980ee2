"""The revocation workflow as tables: (state, action) → new state.

A revocation: draft ─edit→ draft ─issue→ issued (then fixed, like a decision). Each of its
rows: pending (chưa thu hồi) ─record_recovery→ recovered (đã thu hồi), once the
revocation is issued. Only the secretariat covering the grantor acts
(``decisions.rules.is_decision_issuer`` on the revoked decision).
"""

from __future__ import annotations

from enum import StrEnum

from thidua.decisions.models import RecoveryState, RevocationState


class RevocationAction(StrEnum):
    EDIT = "edit"
    ISSUE = "issue"


S = RevocationState
TRANSITIONS: dict[tuple[RevocationState, RevocationAction], RevocationState] = {
    (S.DRAFT, RevocationAction.EDIT): S.DRAFT,
    (S.DRAFT, RevocationAction.ISSUE): S.ISSUED,
}


class RecoveryAction(StrEnum):
    RECORD = "record_recovery"


R = RecoveryState
RECOVERY_TRANSITIONS: dict[tuple[RecoveryState, RecoveryAction], RecoveryState] = {
    (R.PENDING, RecoveryAction.RECORD): R.RECOVERED,
}
