"""Phase reviews for tests, with a campaign whose figures are known."""

from __future__ import annotations

import datetime as dt
from typing import Any

from thidua.reports.models import ReportPeriod
from thidua.reviews import workflow
from thidua.reviews.models import PhaseReview, ReviewKind
from thidua.targets.models import TargetValue
from thidua.works.models import WorkState


def open_review(kh: Any, people: Any, **overrides: Any) -> PhaseReview:
    values: dict[str, Any] = {
        "campaign": kh.campaign,
        "phase": kh.phase1,
        "kind": ReviewKind.INTERIM,
        "held_on": dt.date(2025, 2, 28),
    }
    values.update(overrides)
    return workflow.review_open(actor=people.secretariat, **values)


def known_figures(kh: Any, people: Any, province: Any) -> dict[str, Any]:
    """Two targets with values (one met at 12,5 %, one not met at 4 %), three works (two
    finished ahead of schedule, one under way), one report period: the numbers the DOCX
    must print."""
    from tests.factories.works import WorkFactory

    first, second = kh.targets
    first.indicator, first.value = "Tỷ lệ hộ dùng nước sạch", 10
    second.indicator, second.value = "Tỷ lệ lao động qua đào tạo", 70
    first.save()
    second.save()
    for target, value in ((first, "12.5"), (second, "4")):
        TargetValue.objects.create(
            target=target,
            period_start=dt.date(2024, 1, 1),
            period_end=dt.date(2024, 12, 31),
            label="Năm 2024",
            value=value,
            source="Cục Thống kê",
            reported_by=people.secretariat,
            unit=province.root,
        )
    ahead = [
        WorkFactory(
            campaign=kh.campaign,
            unit=unit,
            state=WorkState.COMPLETED,
            title=title,
            created_by=people.a1_officer,
        )
        for unit, title in (
            (province.commune_a1, "Cầu bê tông kênh Ba Sơn"),
            (province.commune_b1, "Nhà văn hóa ấp Bà Tiêm"),
        )
    ]
    WorkFactory(
        campaign=kh.campaign,
        unit=province.commune_a2,
        state=WorkState.IN_PROGRESS,
        title="Trạm y tế kiểu mẫu",
        created_by=people.a1_officer,
    )
    ReportPeriod.objects.create(
        campaign=kh.campaign,
        year=2024,
        number=4,
        label="Quý IV/2024",
        start=dt.date(2024, 10, 1),
        end=dt.date(2024, 12, 31),
        nominal_due=dt.date(2024, 12, 15),
        effective_due=dt.date(2024, 12, 16),
    )
    return {"ahead": ahead}
