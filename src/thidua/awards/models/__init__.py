"""Commendation: award forms and their rules as data, nominees, nominations, award history.

Councils (``thidua.councils``) vote on nominations and decisions (``thidua.decisions``)
grant them; both build on these models.
"""

from thidua.awards.models.calendar import Holiday
from thidua.awards.models.forms import (
    AwardAuthority,
    AwardForm,
    AwardFormKind,
    AwardRule,
    GrantorKind,
    PhaseAwardDate,
    Quota,
    SubjectKind,
)
from thidua.awards.models.legal import LegalValue, LegalValueCode
from thidua.awards.models.nominations import (
    AwardBasis,
    AwardRecord,
    DossierFile,
    DossierKind,
    Nomination,
    NominationEvent,
    NominationState,
)
from thidua.awards.models.nominees import Gender, Hold, HoldKind, Nominee
from thidua.awards.models.salary import BaseSalary

__all__ = [
    "AwardAuthority",
    "AwardBasis",
    "AwardForm",
    "AwardFormKind",
    "AwardRecord",
    "AwardRule",
    "BaseSalary",
    "DossierFile",
    "DossierKind",
    "Gender",
    "GrantorKind",
    "Hold",
    "HoldKind",
    "Holiday",
    "LegalValue",
    "LegalValueCode",
    "Nomination",
    "NominationEvent",
    "NominationState",
    "Nominee",
    "PhaseAwardDate",
    "Quota",
    "SubjectKind",
]
