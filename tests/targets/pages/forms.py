"""Posting the targets page forms as a user would: "Thêm chỉ tiêu của đơn vị" and "Ghi số
liệu" (the campaign is the targets tests' KH, tests/factories/targets.py)."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse

from tests.factories.targets import Kh
from thidua.organisations.models import Unit


def add_target(client: Client, plan: Kh, unit: Unit, **overrides: str) -> Any:
    """POST "Thêm chỉ tiêu của đơn vị": by default a yearly ≥ 2.000 lao động under T10."""
    data = {
        "target-parent": "T10",
        "target-indicator": "Số lao động được tạo việc làm mới của huyện",
        "target-kind": "per_year",
        "target-comparator": "gte",
        "target-value": "2.000",
        "target-value_max": "",
        "target-measure_unit": "",
        "target-period_from": "",
        "target-period_to": "",
        "target-deadline": "",
    }
    data.update({f"target-{name}": value for name, value in overrides.items()})
    return client.post(reverse("targets:add", args=[unit.pk, plan.campaign.pk]), data)


def record(client: Client, target_pk: int, **overrides: str) -> Any:
    """POST "Ghi số liệu" for year 2024 (over on 01/3/2025): 2.100, with a source."""
    data = {
        "label": "",
        "period_start": "01/01/2024",
        "period_end": "31/12/2024",
        "value": "2.100",
        "achieved_on": "",
        "source": "Báo cáo số 15/BC-UBND ngày 10/01/2025",
    }
    data.update(overrides)
    prefix = f"value-{target_pk}"
    posted = {f"{prefix}-{name}": value for name, value in data.items()}
    return client.post(reverse("targets:record", args=[target_pk]), posted)
