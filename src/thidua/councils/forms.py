"""Forms of the council pages: checked input for the services, Vietnamese errors."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from thidua.accounts.models import Role, User
from thidua.campaigns.models import Campaign, Phase
from thidua.core.form_conventions import FormConventions
from thidua.core.forms import REQUIRED, VnDateField
from thidua.councils.models import Attendance, Council, MemberRole, VoteChoice
from thidua.councils.roster import general_quorum
from thidua.organisations.models import Unit


def _queryset(form: forms.Form, name: str, queryset: QuerySet[Any]) -> None:
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    field.queryset = queryset


class SessionForm(FormConventions, forms.Form):
    """Plan a session: which campaign (and phase), when, where, under which council."""

    title = forms.CharField(label=_("Tên phiên họp"), max_length=255)
    council = forms.ModelChoiceField(
        label=_("Hội đồng thường trực"),
        queryset=Council.objects.none(),
        required=False,
        help_text=_(
            "Thành viên phiên họp lấy theo danh sách của Hội đồng tại ngày họp; để trống "
            "nếu là Hội đồng lập riêng cho phiên họp này."
        ),
    )
    council_name = forms.CharField(
        label=_("Tên Hội đồng"),
        max_length=255,
        required=False,
        help_text=_(
            "Để trống khi chọn Hội đồng thường trực. Ví dụ: Hội đồng Thi đua - Khen thưởng tỉnh Vĩnh Long."
        ),
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
        required=False,
        min_value=Decimal("0.01"),
        max_value=Decimal("1"),
        decimal_places=3,
        localize=True,
        help_text=_("0,8 = 80 %. Để trống: theo cài đặt của Hội đồng, hoặc mặc định chung."),
    )

    def __init__(
        self,
        *args: Any,
        campaigns: QuerySet[Campaign],
        councils: QuerySet[Council] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        _queryset(self, "campaign", campaigns)
        _queryset(
            self,
            "council",
            (councils if councils is not None else Council.objects.none()).select_related("unit"),
        )
        self._quorum_from_legal_data()
        _queryset(self, "phase", Phase.objects.filter(campaign__in=campaigns))
        for field in self.fields.values():
            field.error_messages.setdefault("required", REQUIRED)

    def _quorum_from_legal_data(self) -> None:
        """The quorum's initial value and source from the legal data in force today
        (``council_quorum``): the province's setting, marked for the Ban TĐKT (the only
        one who plans sessions) while no regulation backs it."""
        quorum = general_quorum(timezone.localdate())
        field = self.fields["quorum_share"]
        field.widget.attrs["placeholder"] = number_format(quorum.share.normalize())
        field.help_text = _(
            "0,8 = 80 %%. Để trống: theo cài đặt của Hội đồng thường trực đã chọn; nếu "
            "không có, mặc định chung %(value)s (ít nhất hai phần ba tổng số thành viên): "
            "%(source)s."
        ) % {"value": number_format(quorum.share.normalize()), "source": quorum.for_board()}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("council") and not (data.get("council_name") or "").strip():
            raise forms.ValidationError(_("Hãy chọn Hội đồng thường trực hoặc ghi tên Hội đồng."))
        return data


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


class CouncilForm(FormConventions, forms.Form):
    """Record a standing council of a unit for a term, with its establishing decision."""

    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none())
    name = forms.CharField(
        label=_("Tên Hội đồng"),
        max_length=255,
        help_text=_("Ví dụ: Hội đồng Thi đua - Khen thưởng xã Cầu Kè."),
    )
    body_name = forms.CharField(
        label=_("Cơ quan (dòng trên cùng của biên bản)"), max_length=255, required=False
    )
    term_from = VnDateField(label=_("Nhiệm kỳ từ ngày"))
    term_to = VnDateField(label=_("Nhiệm kỳ đến ngày"), required=False)
    decision_number = forms.CharField(
        label=_("Số quyết định thành lập"), max_length=64, help_text=_("Ví dụ: 125/QĐ-UBND.")
    )
    decision_date = VnDateField(label=_("Ngày quyết định"))
    decision_signer = forms.CharField(
        label=_("Người ký quyết định"),
        max_length=255,
        help_text=_("Chức vụ và họ tên, ví dụ: Chủ tịch UBND xã Kim Văn Phước."),
    )
    quorum_share = forms.DecimalField(
        label=_("Tỷ lệ thành viên có mặt tối thiểu (cài đặt riêng)"),
        required=False,
        min_value=Decimal("0.01"),
        max_value=Decimal("1"),
        decimal_places=3,
        localize=True,
        help_text=_(
            "Để trống: áp dụng giá trị của Hội đồng tỉnh, hoặc mặc định chung (hai phần ba)."
        ),
    )
    quorum_basis = forms.CharField(
        label=_("Căn cứ của tỷ lệ có mặt"),
        max_length=255,
        required=False,
        help_text=_("Văn bản quy định tỷ lệ này, ví dụ: Quy chế hoạt động của Hội đồng, Điều 5."),
    )

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _queryset(self, "unit", units.order_by("path"))
        for field in self.fields.values():
            field.error_messages.setdefault("required", REQUIRED)


class SeatForm(FormConventions, forms.Form):
    """Add a seat to a council's roster, from a date (to a date, or the end of the term)."""

    name = forms.CharField(label=_("Họ và tên"), max_length=255)
    position = forms.CharField(label=_("Chức vụ"), max_length=255, required=False)
    role = forms.ChoiceField(
        label=_("Vai trò"), choices=MemberRole.choices, initial=MemberRole.MEMBER
    )
    user = forms.ModelChoiceField(
        label=_("Tài khoản (để bỏ phiếu trên điện thoại)"),
        queryset=User.objects.none(),
        required=False,
    )
    valid_from = VnDateField(label=_("Từ ngày"))
    valid_to = VnDateField(label=_("Đến ngày"), required=False)

    def __init__(self, *args: Any, unit_path: str = "/", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _queryset(
            self,
            "user",
            User.objects.filter(memberships__unit__path__startswith=unit_path)
            .distinct()
            .order_by("full_name", "pk"),
        )
        for field in self.fields.values():
            field.error_messages.setdefault("required", REQUIRED)


class SeatEndForm(FormConventions, forms.Form):
    valid_to = VnDateField(label=_("Kết thúc ngày"))
