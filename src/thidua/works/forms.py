"""Forms of the works pages: registration and the register (the actions: ``forms_actions``).

Forms only parse and check what a person typed (dates as dd/mm/yyyy, percentages,
files); every rule of the domain is checked again by ``works.services``, whose
``DomainError`` messages the views show as form errors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django import forms
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.campaigns.models import Campaign, ContentArea, Phase, WorkKind
from thidua.core.form_conventions import FormConventions
from thidua.core.forms import VnDateField
from thidua.organisations.models import Unit, UnitKind
from thidua.targets.models import Target
from thidua.works.models import Work, WorkState
from thidua.works.selectors import WorkFilters
from thidua.works.services import WorkData, rule_for

CONFIRM_LABEL = _("Tôi xác nhận không trùng")


def _communes_for(campaign: Campaign, unit: Unit, today: dt.date) -> QuerySet[Unit]:
    """Communes a work of ``unit`` may be placed in: its district's, or the province's."""
    district_id = None
    if unit.kind == UnitKind.DISTRICT:
        district_id = unit.pk
    elif unit.kind == UnitKind.COMMUNE and unit.parent_id:
        district_id = unit.parent_id
    communes = Unit.objects.filter(kind=UnitKind.COMMUNE).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=today)
    )
    if district_id is not None:
        communes = communes.filter(parent_id=district_id)
    else:
        communes = communes.filter(path__startswith=campaign.issuer_unit.path)
    return communes.order_by("name")


def _cooperating_for(campaign: Campaign, unit: Unit, today: dt.date) -> QuerySet[Unit]:
    """Units that may cooperate: every unit of the campaign except other districts' communes."""
    units = (
        Unit.objects.filter(path__startswith=campaign.issuer_unit.path)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today))
        .exclude(pk=unit.pk)
    )
    own_district = unit.pk if unit.kind == UnitKind.DISTRICT else unit.parent_id
    rank = Case(
        *[When(kind=kind, then=Value(i)) for i, kind in enumerate(UnitKind.values)],
        output_field=IntegerField(),
    )
    return (
        units.exclude(Q(kind=UnitKind.COMMUNE) & ~Q(parent_id=own_district))
        .annotate(rank=rank)
        .order_by("rank", "name")
    )


def budget_field(label: Any) -> forms.DecimalField:
    """Millions of đồng, typed the Vietnamese way ("1.250,5")."""
    return forms.DecimalField(
        label=label,
        required=False,
        max_digits=14,
        decimal_places=1,
        min_value=0,
        localize=True,
        error_messages={"invalid": _("Hãy nhập một số, ví dụ 1.250,5.")},
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )


def _area_label(area: ContentArea) -> str:
    return f"{area.code}. {area.title}"


def _target_label(target: Target) -> str:
    return f"{target.code}: {target.indicator}"


def _limit(
    form: forms.Form,
    name: str,
    queryset: QuerySet[Any],
    label: Callable[[Any], str] | None = None,
) -> None:
    """Offer only ``queryset`` in the model choice field ``name`` (labelled by ``label``)."""
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    field.queryset = queryset
    if label is not None:
        field.label_from_instance = label  # type: ignore[assignment]


class WorkForm(FormConventions, forms.Form):
    """What a unit states when it registers (or corrects) a work (KH 128 II.2)."""

    kind = forms.ChoiceField(label=_("Loại"), choices=WorkKind.choices)
    title = forms.CharField(
        label=_("Tên công trình, dự án, phần việc"),
        max_length=500,
        error_messages={"required": _("Hãy nhập tên công trình, phần việc.")},
    )
    description = forms.CharField(
        label=_("Mô tả"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    content_area = forms.ModelChoiceField(
        label=_("Nội dung thi đua"), queryset=ContentArea.objects.none(), required=False
    )
    place = forms.ModelChoiceField(
        label=_("Địa điểm (xã, phường, thị trấn)"), queryset=Unit.objects.none(), required=False
    )
    latitude = forms.DecimalField(
        label=_("Vĩ độ"),
        required=False,
        max_digits=9,
        decimal_places=6,
        min_value=-90,
        max_value=90,
    )
    longitude = forms.DecimalField(
        label=_("Kinh độ"),
        required=False,
        max_digits=9,
        decimal_places=6,
        min_value=-180,
        max_value=180,
    )
    budget = budget_field(_("Kinh phí (triệu đồng)"))
    budget_source = forms.CharField(label=_("Nguồn kinh phí"), required=False, max_length=255)
    planned_start = VnDateField(label=_("Ngày bắt đầu dự kiến"))
    planned_finish = VnDateField(label=_("Ngày hoàn thành dự kiến"))
    phase = forms.ModelChoiceField(
        label=_("Chào mừng đợt thi đua"),
        queryset=Phase.objects.none(),
        required=False,
        empty_label=_("— Chọn đợt —"),
    )
    targets = forms.ModelMultipleChoiceField(
        label=_("Chỉ tiêu phục vụ"),
        queryset=Target.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    cooperating_units = forms.ModelMultipleChoiceField(
        label=_("Đơn vị phối hợp"),
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Giữ Ctrl (hoặc chạm giữ trên điện thoại) để chọn nhiều đơn vị."),
    )
    confirm_similar = forms.BooleanField(label=CONFIRM_LABEL, required=False)

    def __init__(self, *args: Any, campaign: Campaign, unit: Unit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.campaign, self.unit = campaign, unit
        rule = rule_for(campaign, unit)
        if rule is not None:
            allowed = {*rule.work_kinds, *rule.alternative_work_kinds}
            kind = self.fields["kind"]
            assert isinstance(kind, forms.ChoiceField)
            kind.choices = [c for c in WorkKind.choices if c[0] in allowed]
        _limit(self, "content_area", campaign.content_areas.order_by("position"), _area_label)
        _limit(self, "phase", campaign.phases.order_by("position"))
        targets = campaign.targets.filter(Q(unit__isnull=True) | Q(unit=unit))
        _limit(self, "targets", targets.order_by("position", "code"), _target_label)
        _limit(self, "place", _communes_for(campaign, unit, today))
        _limit(self, "cooperating_units", _cooperating_for(campaign, unit, today))
        self.fields["title"].widget.attrs.update({"autocomplete": "off"})
        for name in ("latitude", "longitude"):
            self.fields[name].widget.attrs.update({"inputmode": "decimal", "step": "any"})

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, finish = data.get("planned_start"), data.get("planned_finish")
        if start and finish and finish < start:
            self.add_error("planned_finish", _("Ngày hoàn thành dự kiến phải sau ngày bắt đầu."))
        return data

    def work_data(self) -> WorkData:
        """The cleaned values as the services take them."""
        data = self.cleaned_data
        return WorkData(
            kind=data["kind"],
            title=data["title"],
            description=data.get("description", ""),
            content_area=data.get("content_area"),
            place=data.get("place"),
            latitude=data.get("latitude"),
            longitude=data.get("longitude"),
            budget=data.get("budget"),
            budget_source=data.get("budget_source", ""),
            planned_start=data["planned_start"],
            planned_finish=data["planned_finish"],
            phase=data.get("phase"),
            targets=list(data.get("targets") or []),
            cooperating_units=list(data.get("cooperating_units") or []),
        )

    @staticmethod
    def initial_for(work: Work) -> dict[str, Any]:
        """The form's starting values for an existing work."""
        return {
            "kind": work.kind,
            "title": work.title,
            "description": work.description,
            "content_area": work.content_area_id,
            "place": work.place_id,
            "latitude": work.latitude,
            "longitude": work.longitude,
            "budget": work.budget,
            "budget_source": work.budget_source,
            "planned_start": work.planned_start,
            "planned_finish": work.planned_finish,
            "phase": work.phase_id,
            "targets": [t.pk for t in work.targets.all()],
            "cooperating_units": [u.pk for u in work.cooperating_units.all()],
        }


FLAG_CHOICES = [("", _("Tất cả")), ("1", _("Có")), ("0", _("Không"))]


class RegisterFilterForm(FormConventions, forms.Form):
    """The register's filters; the names are those ``excel_export`` reads."""

    q = forms.CharField(label=_("Tìm theo tên"), required=False, max_length=100)
    state = forms.ChoiceField(
        label=_("Trạng thái"), required=False, choices=[("", _("Tất cả")), *WorkState.choices]
    )
    kind = forms.ChoiceField(
        label=_("Loại"), required=False, choices=[("", _("Tất cả")), *WorkKind.choices]
    )
    unit = forms.ModelChoiceField(
        label=_("Đơn vị"), required=False, queryset=Unit.objects.none(), empty_label=_("Tất cả")
    )
    content_area = forms.ModelChoiceField(
        label=_("Nội dung thi đua"),
        required=False,
        queryset=ContentArea.objects.none(),
        empty_label=_("Tất cả"),
    )
    phase = forms.ModelChoiceField(
        label=_("Đợt"), required=False, queryset=Phase.objects.none(), empty_label=_("Tất cả")
    )
    late = forms.ChoiceField(label=_("Trễ hạn"), required=False, choices=FLAG_CHOICES)
    ahead = forms.ChoiceField(label=_("Vượt tiến độ"), required=False, choices=FLAG_CHOICES)

    def __init__(
        self, *args: Any, campaign: Campaign | None, units: QuerySet[Unit], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs.update({"type": "search", "autocomplete": "off"})
        _limit(self, "unit", units)
        if campaign is not None:
            _limit(self, "content_area", campaign.content_areas.order_by("position"), _area_label)
            _limit(self, "phase", campaign.phases.order_by("position"))

    def filters(self, campaign: Campaign | None) -> WorkFilters:
        """What the register shows; a value that does not validate is left out."""
        data: dict[str, Any] = {}
        if self.is_bound:
            self.is_valid()  # fills cleaned_data with the fields that are valid
            data = self.cleaned_data

        def pk(name: str) -> int | None:
            value = data.get(name)
            return value.pk if value is not None else None

        return WorkFilters(
            campaign=campaign.pk if campaign else None,
            state=data.get("state") or "",
            kind=data.get("kind") or "",
            unit=pk("unit"),
            content_area=pk("content_area"),
            phase=pk("phase"),
            late={"1": True, "0": False}.get(data.get("late") or ""),
            ahead={"1": True, "0": False}.get(data.get("ahead") or ""),
            search=(data.get("q") or "").strip(),
        )
