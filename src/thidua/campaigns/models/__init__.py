"""Campaign models; see campaign.py (document, calendar) and provisions.py (rules)."""

from thidua.campaigns.models.campaign import (
    Campaign,
    CampaignEvent,
    CampaignKind,
    CampaignStatus,
    ContentArea,
    LegalBasis,
    Phase,
    PrecisionField,
)
from thidua.campaigns.models.provisions import (
    Approver,
    CampaignAward,
    CampaignWork,
    Duty,
    RegistrationRule,
    ReportingRule,
    WorkKind,
    WorkStage,
)

__all__ = [
    "Approver",
    "Campaign",
    "CampaignAward",
    "CampaignEvent",
    "CampaignKind",
    "CampaignStatus",
    "CampaignWork",
    "ContentArea",
    "Duty",
    "LegalBasis",
    "Phase",
    "PrecisionField",
    "RegistrationRule",
    "ReportingRule",
    "WorkKind",
    "WorkStage",
]
