"""API of the annual statistical report: ``/api/v1/statistics/`` — the province's report
of a year (``?year=``, ``?province=`` id), to its Ban TĐKT and leaders only.

The rows (one per award form) are paginated; the response also names the province, the
year, the due date and whether the report was recorded as sent. Read-only: recording
that it was sent is on the page.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from thidua.accounts.selectors import reach_of
from thidua.api.kit.viewsets import SelectorViewSet
from thidua.award_statistics.dates import due_date
from thidua.award_statistics.models import ReportState
from thidua.award_statistics.selectors import province_for, report_of, statistics_for


class RowSerializer(serializers.Serializer):
    """One award form's figures for the year."""

    code = serializers.CharField()
    name = serializers.CharField()
    kind = serializers.CharField()
    total = serializers.IntegerField()
    collective = serializers.IntegerField()
    individual = serializers.IntegerField()
    female = serializers.IntegerField()
    direct_worker = serializers.IntegerField()
    household = serializers.IntegerField()
    amount = serializers.IntegerField()


def _int(raw: Any) -> int | None:
    try:
        return int(raw) if raw not in (None, "") else None
    except (TypeError, ValueError):
        raise ValidationError({"detail": _("Tỉnh và năm phải là số nguyên.")}) from None


class StatisticsViewSet(SelectorViewSet):
    """The year's figures by award form (the Ban TĐKT and leaders of the province)."""

    serializer_class = RowSerializer

    def list(self, request: Request) -> Response:
        province = province_for(request.user, _int(request.query_params.get("province")))
        if province is None:
            if reach_of(request.user).is_admin:  # may see any, but there is none such
                raise NotFound(_("Không có tỉnh nào như vậy."))
            raise PermissionDenied()
        year = _int(request.query_params.get("year")) or self.today.year
        if not 2000 <= year <= timezone.localdate().year:
            raise ValidationError({"year": _("Năm báo cáo không hợp lệ.")})
        stats = statistics_for(province, year)
        report = report_of(province, year)
        page: list[Any] | None = self.paginate_queryset(stats.rows)  # type: ignore[arg-type]
        response = self.get_paginated_response(RowSerializer(page, many=True).data)
        response.data = {
            "province": {"id": province.pk, "code": province.code, "name": province.name},
            "year": year,
            "due": due_date(year).isoformat(),
            "sent": report is not None and report.state == ReportState.SENT,
            "sent_on": report.sent_on.isoformat() if report and report.sent_on else None,
            **response.data,
        }
        return response


def register(router: SimpleRouter) -> None:
    """Add this app's viewsets to the API v1 router."""
    router.register("statistics", StatisticsViewSet, basename="statistics")
