"""API of units and clusters/blocks: read-only, every queryset from the visibility selectors."""

from __future__ import annotations

import datetime as dt
from typing import Any

import django_filters
from django import forms
from django.db.models import Prefetch, QuerySet
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.routers import SimpleRouter

from thidua.api.kit.errors import error_responses
from thidua.api.kit.pagination import Pagination
from thidua.core.validity import valid_on
from thidua.organisations.models import (
    EmulationGroup,
    GroupKind,
    GroupMembership,
    Unit,
    UnitKind,
    UnitSuccession,
)
from thidua.organisations.selectors import groups_visible_to, unit_search, units_visible_to

# --- Serializers


class UnitRefSerializer(serializers.ModelSerializer):
    """A unit named by another object: its id, code and name."""

    class Meta:
        model = Unit
        fields = ["id", "code", "name"]


class UnitListSerializer(serializers.ModelSerializer):
    """One unit: where it sits in the tree and when it exists."""

    url = serializers.HyperlinkedIdentityField(view_name="api:unit-detail")
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    parent = UnitRefSerializer(read_only=True, allow_null=True)
    depth = serializers.IntegerField(
        read_only=True, help_text=_("0 cho đơn vị gốc, 1 cho đơn vị trực thuộc, …")
    )

    class Meta:
        model = Unit
        fields = [
            "id", "url", "code", "name", "short_name", "kind", "kind_label", "subkind",
            "parent", "depth", "valid_from", "valid_to",
        ]  # fmt: skip


class UnitSuccessorSerializer(serializers.ModelSerializer):
    """A unit that took over this unit's duties, and from when."""

    unit = UnitRefSerializer(source="successor", read_only=True)

    class Meta:
        model = UnitSuccession
        fields = ["unit", "effective", "kind", "basis"]


class UnitPredecessorSerializer(serializers.ModelSerializer):
    """A unit whose duties this unit took over, and from when."""

    unit = UnitRefSerializer(source="predecessor", read_only=True)

    class Meta:
        model = UnitSuccession
        fields = ["unit", "effective", "kind", "basis"]


class UnitDetailSerializer(UnitListSerializer):
    """A unit with its successions (the 2025 mergers: who took over whom, when)."""

    successors = UnitSuccessorSerializer(source="successions", many=True, read_only=True)
    predecessors = UnitPredecessorSerializer(source="predecessions", many=True, read_only=True)

    class Meta(UnitListSerializer.Meta):
        fields = [*UnitListSerializer.Meta.fields, "source", "successors", "predecessors"]


class GroupMemberSerializer(serializers.ModelSerializer):
    unit = UnitRefSerializer(read_only=True)
    role_label = serializers.CharField(source="get_role_display", read_only=True)

    class Meta:
        model = GroupMembership
        fields = ["unit", "role", "role_label"]


class GroupSerializer(serializers.ModelSerializer):
    """A Cụm (territorial) or Khối (sectoral) thi đua of one year, with its members."""

    url = serializers.HyperlinkedIdentityField(view_name="api:cluster-detail")
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    organiser = UnitRefSerializer(read_only=True)
    members = GroupMemberSerializer(source="memberships", many=True, read_only=True)

    class Meta:
        model = EmulationGroup
        fields = ["id", "url", "kind", "kind_label", "code", "name", "year", "organiser", "members"]


# --- Filters: every refused value answers 400 with a Vietnamese message, never a 500.


class IntegerFilter(django_filters.Filter):
    """A whole number (an id, a year), bounded so that no value can overflow the database.

    Filters of this kind name a ``method`` whose ``value: int`` hint gives the schema type.
    """

    field_class = forms.IntegerField


_ISO_DATE = {
    "input_formats": ["%Y-%m-%d"],
    "error_messages": {"invalid": _("Ngày không hợp lệ: dùng dạng YYYY-MM-DD, ví dụ 2025-07-01.")},
}


_PARENT_ERROR = _("Đơn vị cấp trên (parent) phải là id nguyên dương, ví dụ 12.")
_YEAR_ERROR = _("Năm (year) phải là số có 4 chữ số, ví dụ 2025.")


def _bounds(message: Any) -> dict[str, Any]:
    return {"invalid": message, "min_value": message, "max_value": message}


def _choice_errors(choices: type[Any]) -> dict[str, Any]:
    """Django formats ``%(value)s``; the allowed codes are appended, untranslated."""
    message = format_lazy(
        "{} {}.", _("Giá trị “%(value)s” không có; dùng một trong:"), ", ".join(choices.values)
    )
    return {"invalid_choice": message}


class UnitFilter(django_filters.FilterSet):
    """Filters of the unit list."""

    search = django_filters.CharFilter(
        method="filter_search",
        max_length=200,
        error_messages={"max_length": _("Chuỗi tìm kiếm dài quá 200 ký tự.")},
        help_text=_("Tìm theo tên, tên ngắn hoặc mã; không phân biệt dấu (“cau ke”)."),
    )
    kind = django_filters.ChoiceFilter(
        choices=UnitKind.choices, error_messages=_choice_errors(UnitKind)
    )
    parent = IntegerFilter(
        method="filter_parent",
        min_value=1,
        max_value=2**63 - 1,
        error_messages=_bounds(_PARENT_ERROR),
        help_text=_("Id của đơn vị cấp trên trực tiếp."),
    )
    valid_on = django_filters.DateFilter(
        method="filter_valid_on",
        help_text=_("Chỉ các đơn vị còn hiệu lực vào ngày này (YYYY-MM-DD)."),
        **_ISO_DATE,
    )

    class Meta:
        model = Unit
        fields = ["search", "kind", "parent", "valid_on"]

    def filter_search(self, queryset: QuerySet[Unit], name: str, value: str) -> QuerySet[Unit]:
        return unit_search(queryset, value)

    def filter_parent(self, queryset: QuerySet[Unit], name: str, value: int) -> QuerySet[Unit]:
        return queryset.filter(parent_id=value)

    def filter_valid_on(
        self, queryset: QuerySet[Unit], name: str, value: dt.date
    ) -> QuerySet[Unit]:
        return queryset.filter(valid_on(value))


class GroupFilter(django_filters.FilterSet):
    """Filters of the cluster/block list."""

    year = IntegerFilter(
        method="filter_year",
        min_value=1900,
        max_value=2200,
        error_messages=_bounds(_YEAR_ERROR),
        help_text=_("Năm thi đua, ví dụ 2025."),
    )
    kind = django_filters.ChoiceFilter(
        choices=GroupKind.choices, error_messages=_choice_errors(GroupKind)
    )

    class Meta:
        model = EmulationGroup
        fields = ["year", "kind"]

    def filter_year(
        self, queryset: QuerySet[EmulationGroup], name: str, value: int
    ) -> QuerySet[EmulationGroup]:
        return queryset.filter(year=value)


# --- Views


def _id_parameter(description: Any) -> OpenApiParameter:
    return OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH, description=description)


@extend_schema_view(
    list=extend_schema(
        summary=_("Danh sách đơn vị"),
        description=_("Các đơn vị trong phạm vi của người dùng, theo mã; có phân trang."),
        responses={200: UnitListSerializer(many=True), **error_responses(400, 401)},
        tags=["units"],
    ),
    retrieve=extend_schema(
        summary=_("Chi tiết đơn vị"),
        description=_(
            "Một đơn vị với đơn vị kế thừa và đơn vị tiền thân. Đơn vị ngoài phạm vi của "
            "người dùng trả lời 404 như đơn vị không tồn tại."
        ),
        parameters=[_id_parameter(_("Id của đơn vị."))],
        responses={200: UnitDetailSerializer, **error_responses(401, 404)},
        tags=["units"],
    ),
)
class UnitViewSet(viewsets.ReadOnlyModelViewSet):
    """Units the user may see (``units_visible_to``); one outside reach is a 404."""

    queryset = Unit.objects.none()  # for the schema only: get_queryset() is what runs
    filterset_class = UnitFilter
    pagination_class = Pagination

    def get_queryset(self) -> QuerySet[Unit]:
        units = units_visible_to(self.request.user).select_related("parent")
        if self.action == "retrieve":
            units = units.prefetch_related(
                Prefetch("successions", UnitSuccession.objects.select_related("successor")),
                Prefetch("predecessions", UnitSuccession.objects.select_related("predecessor")),
            )
        return units

    def get_serializer_class(self) -> type[serializers.BaseSerializer]:
        return UnitDetailSerializer if self.action == "retrieve" else UnitListSerializer


@extend_schema_view(
    list=extend_schema(
        summary=_("Danh sách cụm, khối thi đua"),
        description=_("Cụm, khối có đơn vị trong phạm vi của người dùng, kèm thành viên."),
        responses={200: GroupSerializer(many=True), **error_responses(400, 401)},
        tags=["clusters"],
    ),
    retrieve=extend_schema(
        summary=_("Chi tiết cụm, khối thi đua"),
        description=_("Một cụm hoặc khối với cấp tổ chức và các thành viên (vai trò)."),
        parameters=[_id_parameter(_("Id của cụm, khối."))],
        responses={200: GroupSerializer, **error_responses(401, 404)},
        tags=["clusters"],
    ),
)
class GroupViewSet(viewsets.ReadOnlyModelViewSet):
    """Clusters and blocks the user may see (``groups_visible_to``)."""

    queryset = EmulationGroup.objects.none()  # for the schema only
    serializer_class = GroupSerializer
    filterset_class = GroupFilter
    pagination_class = Pagination

    def get_queryset(self) -> QuerySet[EmulationGroup]:
        return groups_visible_to(self.request.user)


def register(router: SimpleRouter) -> None:
    """Add this app's viewsets to the API v1 router."""
    router.register("units", UnitViewSet, basename="unit")
    router.register("clusters", GroupViewSet, basename="cluster")
