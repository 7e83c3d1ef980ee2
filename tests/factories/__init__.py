"""Test data, one module per app (``tests.factories.works``, ``tests.factories.awards`` …).

The factories every app needs are re-exported here: ``from tests.factories import
UnitFactory, member``. Each module also holds the types and builders of its app's test
world (the ``Kh`` and ``People`` a conftest fixture returns, the steps that drive a row to
a state), so that tests import them from here and conftest files hold fixtures only.
"""

from tests.factories.accounts import MembershipFactory, UserFactory, member
from tests.factories.campaigns import CampaignFactory, PhaseFactory, ReportingRuleFactory
from tests.factories.organisations import (
    GroupFactory,
    GroupMembershipFactory,
    Province,
    UnitFactory,
    small_province,
)
from tests.factories.targets import TargetFactory

__all__ = [
    "CampaignFactory",
    "GroupFactory",
    "GroupMembershipFactory",
    "MembershipFactory",
    "PhaseFactory",
    "Province",
    "ReportingRuleFactory",
    "TargetFactory",
    "UnitFactory",
    "UserFactory",
    "member",
    "small_province",
]
