"""What the eligibility checks read about one nomination, each fact fetched once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

from django.db.models import Q, QuerySet
from pydantic import BaseModel

from thidua.awards.authority import rule_for
from thidua.awards.models import AwardRule, Nomination, Quota

T = TypeVar("T", bound=BaseModel)


def quotas_for(nomination: Nomination) -> QuerySet[Quota]:
    """Quota rows that cap this nomination, in primary-key order (the lock order)."""
    return Quota.objects.filter(
        Q(phase__isnull=True) | Q(phase_id=nomination.phase_id),
        Q(unit__isnull=True) | Q(unit_id=nomination.proposer_unit_id),
        Q(subject_kind="") | Q(subject_kind=nomination.nominee.kind),
        campaign_id=nomination.campaign_id,
        form_id=nomination.form_id,
    ).order_by("pk")


@dataclass
class Facts:
    """The nomination under check; ``as_of``, the decision date (authority, rule version,
    holds, dissolved units follow it: LAW-NOTES R1, R2); ``today`` for the timing checks
    (submission deadline, appraisal time)."""

    nomination: Nomination
    as_of: dt.date
    today: dt.date

    @cached_property
    def rule(self) -> AwardRule | None:
        """The form's rule version in force on ``as_of``, or None when none is loaded."""
        return rule_for(self.nomination.form, self.as_of)

    @cached_property
    def quotas(self) -> list[Quota]:
        """The quota rows that cap the nomination, with their form and unit."""
        return list(quotas_for(self.nomination).select_related("form", "unit"))

    def thresholds(self, code: str, model: type[T]) -> T | None:
        """The thresholds the rule in force gives the check ``code`` (``thresholds:`` in
        ``award-forms.yaml``, validated by ``model`` when loaded), or None when it gives
        none: the check does not apply to this form on that date."""
        values = self.rule.thresholds.get(code) if self.rule is not None else None
        return None if values is None else model.model_validate(values)
