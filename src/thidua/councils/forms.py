"""Forms of the council pages: checked input for the services, Vietnamese errors."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.accounts.models import Role, User
from thidua.awards.models import LegalValueCode
from thidua.awards.sources import legal_value, legal_value_source
from thidua.campaigns.models import Campaign, Phase
from thidua.core.form_conventions import FormConventions
from thidua.core.forms import REQUIRED, VnDateField
from thidua.councils.models import DEFAULT_QUORUM_SHARE, Attendance, MemberRole, VoteChoice


def _queryset(form: forms.Form, name: str, queryset: QuerySet[Any]) -> None:
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    field.queryset = queryset


class SessionForm(FormConventions, forms.Form):
    """Plan a session: which campaign (and phase), when, where, under which council."""

    title = forms.CharField(label=_("Tên phiên họp"), max_length=255)
    council_name = forms.CharField(
        label=_("Tên Hội đồng"),
        max_length=255,
        help_text=_("Ví dụ: Hội đồng Thi đua - Khen thưởng tỉnh Trà Vinh."),
    )
    body_name = forms.CharField(
        label=_("Cơ quan (dòng trên cùng của biên bản)"), max_length=255, required=False
    )
    campaign = forms.ModelChoiceField(label=_("Phong trào"), queryset=Campaign.objects.none())
    phase = forms.ModelChoiceField(
        label=_("Đợt thi đua"), queryset=Phase.objects.none(), required=False
    )
    date = VnDateField(label=_("Ngày họp"))
    start_time = forms.TimeField(
        label=_("Giờ bắt đầu"),
        required=False,
        widget=forms.TimeInput(attrs={"placeholder": "08:00"}),
    )
    place = forms.CharField(label=_("Địa điểm"), max_length=255)
    place_name = forms.CharField(
        label=_("Địa danh ghi trên biên bản"), max_length=64, help_text=_("Ví dụ: Trà Vinh.")
    )
    quorum_share = forms.DecimalField(
        label=_("Tỷ lệ thành viên có mặt tối thiểu"),
        initial=DEFAULT_QUORUM_SHARE,
        min_value=Decimal("0.01"),
        max_value=Decimal("1"),
        decimal_places=3,
        localize=True,
        help_text=_("0,8 = 80 %. Cài đặt của tỉnh."),
    )

    def __init__(self, *args: Any, campaigns: QuerySet[Campaign], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _queryset(self, "campaign", campaigns)
        self._quorum_from_legal_data()
        _queryset(self, "phase", Phase.objects.filter(campaign__in=campaigns))
        for field in self.fields.values():
            field.error_messages.setdefault("required", REQUIRED)

    def _quorum_from_legal_data(self) -> None:
        """The quorum's initial value and source from the legal data in force today
        (``council_quorum``): the province's setting, marked for the Ban TĐKT (the only
        one who plans sessions) while no regulation backs it."""
        quorum = legal_value(LegalValueCode.COUNCIL_QUORUM, timezone.localdate())
        if quorum is None or quorum.value is None:
            return
        field = self.fields["quorum_share"]
        field.initial = quorum.value.normalize()
        source = legal_value_source(quorum)
        field.help_text = _("0,8 = 80 %%. %(source)s.") % {"source": source.for_board()}


class MemberForm(FormConventions, forms.Form):
    """Seat a member: a council-member account, or a person by name."""

    user = forms.ModelChoiceField(
        label=_("Tài khoản thành viên Hội đồng"), queryset=User.objects.none(), required=False
    )
    name = forms.CharField(label=_("Hoặc họ và tên"), max_length=255, required=False)
    position = forms.CharField(label=_("Chức vụ"), max_length=255, required=False)
    role = forms.ChoiceField(
        label=_("Vai trò"), choices=MemberRole.choices, initial=MemberRole.MEMBER
    )

    def __init__(self, *args: Any, province_path: str = "/", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _queryset(
            self,
            "user",
            User.objects.filter(
                memberships__role=Role.COUNCIL_MEMBER,
                memberships__unit__path__startswith=province_path,
            )
            .distinct()
            .order_by("full_name", "pk"),
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("user") and not (data.get("name") or "").strip():
            raise forms.ValidationError(_("Hãy chọn tài khoản hoặc ghi họ và tên thành viên."))
        return data


class AttendanceForm(FormConventions, forms.Form):
    attendance = forms.ChoiceField(label=_("Tham dự"), choices=Attendance.choices)


class WrittenVoteForm(FormConventions, forms.Form):
    """The written opinion of an absent member on one item, typed in by the secretary."""

    member = forms.TypedChoiceField(label=_("Thành viên vắng mặt"), coerce=int)
    item = forms.TypedChoiceField(label=_("Nội dung xét"), coerce=int)
    choice = forms.ChoiceField(label=_("Ý kiến"), choices=VoteChoice.choices)

    def __init__(self, *args: Any, members: list[Any], items: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        member, item = self.fields["member"], self.fields["item"]
        assert isinstance(member, forms.ChoiceField) and isinstance(item, forms.ChoiceField)
        member.choices = [(m.pk, m.name) for m in members]
        item.choices = [(i.pk, f"{i.order}. {i.nomination.nominee.name}") for i in items]
