"""Decisions (Quyết định khen thưởng), their attached list, certificates and batches."""

from thidua.decisions.models.certificates import (
    BatchState,
    Certificate,
    CertificateBatch,
)
from thidua.decisions.models.decisions import (
    CONTENT_FIELDS,
    AuthorityPrefix,
    Decision,
    DecisionEntry,
    DecisionEvent,
    DecisionState,
    ImmutableDecisionError,
)
from thidua.decisions.models.revocations import (
    RecoveryState,
    Revocation,
    RevocationEntry,
    RevocationEvent,
    RevocationReason,
    RevocationState,
)

__all__ = [
    "CONTENT_FIELDS",
    "AuthorityPrefix",
    "BatchState",
    "Certificate",
    "CertificateBatch",
    "Decision",
    "DecisionEntry",
    "DecisionEvent",
    "DecisionState",
    "ImmutableDecisionError",
    "RecoveryState",
    "Revocation",
    "RevocationEntry",
    "RevocationEvent",
    "RevocationReason",
    "RevocationState",
]
