"""The plan's targets as a part of its campaign (``campaigns.parts``).

The campaign file lists the campaign-wide targets (KH 128 II.1, the "chỉ tiêu" of the
plan); loading the file writes them here by code, so a reload keeps their ids and the
values recorded against them. The campaign's page and API show them in plan order.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import QuerySet

from thidua.campaigns.files.load import partial_date_fields, sync_coded
from thidua.campaigns.files.schema import CampaignFile, TargetSpec
from thidua.campaigns.models import Campaign, ContentArea
from thidua.campaigns.parts import PlanPart
from thidua.targets.models import Target
from thidua.targets.serializers import TargetSerializer


def _target_row(target: TargetSpec, areas: Mapping[str, ContentArea]) -> dict[str, Any]:
    period = target.period
    return {
        "code": target.code,
        "indicator": target.indicator,
        "kind": target.kind,
        "comparator": target.comparator,
        "value": target.value,
        "value_max": target.value_max,
        "measure_unit": target.measure_unit,
        **partial_date_fields("period_from", period.from_ if period else None),
        **partial_date_fields("period_to", period.to if period else None),
        "deadline": target.deadline,
        "content_area": areas.get(target.content_area or ""),
        "section": target.section,
        "source_text": target.source_text,
        "note": target.note,
    }


def plan_targets_write(
    campaign: Campaign, spec: CampaignFile, areas: Mapping[str, ContentArea]
) -> None:
    """Make the campaign-wide targets those of ``spec``, matched by code; drop the others.

    Runs inside ``campaign_load``'s transaction; units' own targets are left alone.
    """
    rows = [_target_row(target, areas) for target in spec.targets]
    sync_coded(Target, campaign, rows, unit=None)


def plan_targets_shown() -> QuerySet[Target]:
    """The campaign-wide targets in plan order, with their content area."""
    return (
        Target.objects.filter(unit__isnull=True)
        .select_related("content_area")
        .order_by("position", "code")
    )


PLAN_TARGETS = PlanPart(
    name="targets",
    write=plan_targets_write,
    shown=plan_targets_shown,
    serializer=lambda: TargetSerializer(many=True, read_only=True),
)
