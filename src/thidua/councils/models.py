"""The Hội đồng Thi đua - Khen thưởng in session: members, agenda, votes and results.

A session is held (planned → open → closed) to vote on nominations sent to the council
(state ``to_council``). Open votes are rows (``Vote``); a secret ballot (ND 98/2023 Điều
30.7: CSTĐCS, CSTĐ tỉnh, Cờ thi đua) leaves only a receipt that the member has voted
(``BallotReceipt``) and a sealed ballot (``SecretBallot``) that only the sums opened at
closing with the tally code can read (``councils.ballot_box``): nothing in the database,
its old row versions or its backups tells how a member voted.

The state field is written only by ``councils.workflow._transition``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.awards.models import Nomination
from thidua.campaigns.models import Campaign, Phase
from thidua.core.models import Event
from thidua.organisations.models import Unit

#: Attendance quorum of a session when neither its council nor the legal data says
#: otherwise: the general rule that a council meets validly with at least two thirds of
#: its members (the article was not found: a setting the Ban TĐKT confirms). 0,666 and not
#: 0,667, so that 2 of 3, 6 of 9 … meet it. The shipped legal data (``council_quorum``)
#: carries the same value; a province's own value (e.g. an award session needs 80 %) is a
#: setting of its standing council with its source (``Council.quorum_share``). Each session
#: keeps the value it was planned with.
DEFAULT_QUORUM_SHARE = Decimal("0.666")


class MemberRole(models.TextChoices):
    CHAIR = "chair", _("Chủ tịch Hội đồng")
    VICE = "vice", _("Phó Chủ tịch Hội đồng")
    STANDING = "standing", _("Ủy viên thường trực Hội đồng")
    MEMBER = "member", _("Ủy viên")
    SECRETARY = "secretary", _("Ủy viên, Thư ký Hội đồng")


class Council(models.Model):
    """A standing Hội đồng Thi đua - Khen thưởng of a unit (the province, a department, a
    commune…) for one term (nhiệm kỳ), established by a decision of the unit's head (Luật
    Thi đua, khen thưởng 2022 Điều 89 (Hội đồng Thi đua - Khen thưởng các cấp); Nghị định
    152/2025/NĐ-CP). Its roster (``seats``) changes during the term; a session of the
    council seats the roster in force on its date, and "all members" of the vote
    thresholds is that roster.

    ``quorum_share`` is the council's own attendance quorum (the province's or the unit's
    regulation, e.g. the council's Quy chế hoạt động) with its source ``quorum_basis``;
    blank, the province's council's value applies, else the general default of the legal
    data (``council_quorum``)."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="councils", verbose_name=_("đơn vị")
    )
    name = models.CharField(
        _("tên Hội đồng"),
        max_length=255,
        help_text=_("Ví dụ: Hội đồng Thi đua - Khen thưởng xã Cầu Kè."),
    )
    body_name = models.CharField(
        _("cơ quan ban hành biên bản"),
        max_length=255,
        blank=True,
        help_text=_("Dòng trên cùng bên trái của biên bản, ví dụ: UBND xã Cầu Kè."),
    )
    term_from = models.DateField(_("nhiệm kỳ từ ngày"))
    term_to = models.DateField(_("nhiệm kỳ đến ngày"), null=True, blank=True)
    decision_number = models.CharField(_("số quyết định thành lập"), max_length=64)
    decision_date = models.DateField(_("ngày quyết định"))
    decision_signer = models.CharField(
        _("người ký quyết định"),
        max_length=255,
        help_text=_("Chức vụ và họ tên, ví dụ: Chủ tịch UBND xã Kim Văn Phước."),
    )
    quorum_share = models.DecimalField(
        _("tỷ lệ thành viên có mặt tối thiểu"),
        max_digits=4,
        decimal_places=3,
        null=True,
        blank=True,
        help_text=_("Để trống: áp dụng giá trị của Hội đồng tỉnh hoặc mặc định chung."),
    )
    quorum_basis = models.CharField(
        _("căn cứ tỷ lệ có mặt"),
        max_length=255,
        blank=True,
        help_text=_("Văn bản quy định tỷ lệ này, ví dụ: Quy chế hoạt động của Hội đồng."),
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("Hội đồng Thi đua - Khen thưởng")
        verbose_name_plural = _("Hội đồng Thi đua - Khen thưởng")
        ordering = ["unit__path", "-term_from", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(term_to__isnull=True) | Q(term_to__gte=models.F("term_from")),
                name="council_term_ordered",
            ),
            models.CheckConstraint(
                condition=Q(quorum_share__isnull=True)
                | (Q(quorum_share__gt=0) & Q(quorum_share__lte=1)),
                name="council_quorum_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def covers(self, day: dt.date) -> bool:
        """Whether ``day`` falls within the term."""
        return self.term_from <= day and (self.term_to is None or day <= self.term_to)


class CouncilSeat(models.Model):
    """One seat of a council's roster from ``valid_from`` to ``valid_to`` (blank: to the
    end of the term): a person by name and position, with a sign-in when they vote from a
    phone. A member who leaves gets ``valid_to``; their successor a new seat."""

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="seats")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="council_roster_seats",
        verbose_name=_("tài khoản"),
    )
    name = models.CharField(_("họ và tên"), max_length=255)
    position = models.CharField(_("chức vụ"), max_length=255, blank=True)
    role = models.CharField(
        _("vai trò"), max_length=16, choices=MemberRole.choices, default=MemberRole.MEMBER
    )
    valid_from = models.DateField(_("từ ngày"))
    valid_to = models.DateField(_("đến ngày"), null=True, blank=True)
    position_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("thành viên Hội đồng theo nhiệm kỳ")
        verbose_name_plural = _("thành viên Hội đồng theo nhiệm kỳ")
        ordering = ["council", "position_order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="council_seat_dates_ordered",
            ),
            models.CheckConstraint(
                condition=Q(role__in=MemberRole.values), name="council_seat_role_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class SessionState(models.TextChoices):
    PLANNED = "planned", _("Dự kiến")
    OPEN = "open", _("Đang họp")
    CLOSED = "closed", _("Đã kết thúc")


class CouncilSession(models.Model):
    """One meeting of a council that reviews and votes on nominations of a campaign."""

    title = models.CharField(_("tên phiên họp"), max_length=255)
    council_name = models.CharField(
        _("tên Hội đồng"),
        max_length=255,
        help_text=_("Ví dụ: Hội đồng Thi đua - Khen thưởng tỉnh Trà Vinh."),
    )
    body_name = models.CharField(
        _("cơ quan ban hành biên bản"),
        max_length=255,
        blank=True,
        help_text=_("Dòng trên cùng bên trái của biên bản, ví dụ: UBND tỉnh Trà Vinh."),
    )
    council = models.ForeignKey(
        Council,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sessions",
        verbose_name=_("Hội đồng"),
        help_text=_("Hội đồng thường trực; thành viên lấy theo danh sách tại ngày họp."),
    )
    campaign = models.ForeignKey(
        Campaign, on_delete=models.PROTECT, related_name="council_sessions"
    )
    phase = models.ForeignKey(
        Phase, on_delete=models.PROTECT, null=True, blank=True, related_name="council_sessions"
    )
    date = models.DateField(_("ngày họp"))
    start_time = models.TimeField(_("giờ bắt đầu"), null=True, blank=True)
    place = models.CharField(_("địa điểm"), max_length=255)
    place_name = models.CharField(
        _("địa danh"), max_length=64, help_text=_("Ghi ở dòng ngày tháng, ví dụ: Trà Vinh.")
    )
    state = models.CharField(
        _("trạng thái"), max_length=16, choices=SessionState.choices, default=SessionState.PLANNED
    )
    quorum_share = models.DecimalField(
        _("tỷ lệ thành viên có mặt tối thiểu"),
        max_digits=4,
        decimal_places=3,
        default=DEFAULT_QUORUM_SHARE,
        help_text=_("Cài đặt của tỉnh: phiên xét khen thưởng cần ít nhất tỷ lệ này có mặt."),
    )
    minutes = models.FileField(_("biên bản"), upload_to="bien-ban-hoi-dong/%Y/", blank=True)
    ballot_key = models.TextField(
        _("khóa công khai của hòm phiếu kín"),
        blank=True,
        help_text=_("Sinh khi khai mạc; chỉ mã kiểm phiếu (không lưu) mới mở được."),
    )
    ballot_salt = models.CharField(max_length=32, blank=True, editable=False)
    #: The tally code drawn when the session opened, on the instance ``session_open``
    #: returns only: never a column (``councils.ballot_box``).
    tally_code = ""
    minutes_sha256 = models.CharField(max_length=64, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    opened_at = models.DateTimeField(_("khai mạc lúc"), null=True, blank=True)
    closed_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("phiên họp Hội đồng")
        verbose_name_plural = _("phiên họp Hội đồng")
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=SessionState.values), name="council_session_state_valid"
            ),
            models.CheckConstraint(
                condition=Q(quorum_share__gt=0) & Q(quorum_share__lte=1),
                name="council_session_quorum_range",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def quorum_percent(self) -> Decimal:
        return self.quorum_share * 100


class Attendance(models.TextChoices):
    PRESENT = "present", _("Có mặt")
    WRITTEN = "written", _("Vắng mặt, có ý kiến bằng văn bản")
    ABSENT = "absent", _("Vắng mặt")


class CouncilMember(models.Model):
    """A member of the council at one session (the secretary is a member who votes)."""

    session = models.ForeignKey(CouncilSession, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="council_seats",
        verbose_name=_("tài khoản"),
    )
    name = models.CharField(_("họ và tên"), max_length=255)
    position = models.CharField(_("chức vụ"), max_length=255, blank=True)
    role = models.CharField(
        _("vai trò"), max_length=16, choices=MemberRole.choices, default=MemberRole.MEMBER
    )
    attendance = models.CharField(
        _("tham dự"), max_length=16, choices=Attendance.choices, default=Attendance.PRESENT
    )
    position_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    seat = models.ForeignKey(
        CouncilSeat,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="session_members",
        verbose_name=_("ghế trong danh sách Hội đồng"),
    )

    class Meta:
        verbose_name = _("thành viên Hội đồng")
        verbose_name_plural = _("thành viên Hội đồng")
        ordering = ["session", "position_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"],
                condition=Q(user__isnull=False),
                name="council_member_once_per_session",
            ),
            models.CheckConstraint(
                condition=Q(role__in=MemberRole.values), name="council_member_role_valid"
            ),
            models.CheckConstraint(
                condition=Q(attendance__in=Attendance.values),
                name="council_member_attendance_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Outcome(models.TextChoices):
    APPROVED = "approved", _("Đồng ý khen thưởng")
    NOT_APPROVED = "not_approved", _("Không đạt tỷ lệ phiếu")
    REFUSED = "refused", _("Đạt tỷ lệ nhưng không được ghi nhận (chỉ tiêu hoặc điều kiện)")
    UNCOUNTED = (
        "uncounted",
        _("Chưa kiểm được phiếu kín (mất mã kiểm phiếu): xét lại ở phiên họp mới"),
    )


class AgendaItem(models.Model):
    """A nomination put to the vote at a session. The vote rule (secret or open, the
    threshold and its base) is copied from the form's AwardRule when the item is added,
    so the result reads the rule it was voted under; the result fields are filled at
    closing and never change afterwards."""

    session = models.ForeignKey(CouncilSession, on_delete=models.CASCADE, related_name="items")
    nomination = models.ForeignKey(
        Nomination, on_delete=models.PROTECT, related_name="agenda_items"
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"))
    secret_ballot = models.BooleanField(_("bỏ phiếu kín"), default=False)
    threshold = models.DecimalField(
        _("tỷ lệ phiếu đồng ý"), max_digits=4, decimal_places=3, null=True, blank=True
    )
    over_all_members = models.BooleanField(_("tính trên tổng số thành viên"), default=True)
    rule_basis = models.CharField(_("căn cứ"), max_length=255, blank=True)
    yes_count = models.PositiveSmallIntegerField(_("đồng ý"), null=True, blank=True)
    no_count = models.PositiveSmallIntegerField(_("không đồng ý"), null=True, blank=True)
    abstain_count = models.PositiveSmallIntegerField(_("không ý kiến"), null=True, blank=True)
    base_count = models.PositiveSmallIntegerField(_("số tính tỷ lệ"), null=True, blank=True)
    passed = models.BooleanField(_("đạt tỷ lệ"), null=True, blank=True)
    outcome = models.CharField(_("kết quả"), max_length=16, choices=Outcome.choices, blank=True)
    outcome_note = models.TextField(_("ghi chú kết quả"), blank=True)
    tally_proof = models.JSONField(
        _("chứng minh kiểm phiếu kín"),
        default=dict,
        blank=True,
        help_text=_(
            "Số phiếu giải mã từ tích các phiếu kín, kèm chứng minh (ai cũng kiểm tra được)."
        ),
    )

    class Meta:
        verbose_name = _("nội dung xét")
        verbose_name_plural = _("nội dung xét")
        ordering = ["session", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "nomination"], name="agenda_item_once_per_session"
            ),
            models.UniqueConstraint(fields=["session", "order"], name="agenda_item_order_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.nomination}"

    @property
    def threshold_percent(self) -> Decimal | None:
        return None if self.threshold is None else self.threshold * 100


class VoteChoice(models.TextChoices):
    YES = "yes", _("Đồng ý")
    NO = "no", _("Không đồng ý")
    ABSTAIN = "abstain", _("Không ý kiến")


class Vote(models.Model):
    """An open vote: who voted what on an item (never used for a secret ballot).
    ``written``: the opinion of an absent member, recorded by the secretary."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="votes")
    member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT, related_name="votes")
    choice = models.CharField(_("ý kiến"), max_length=8, choices=VoteChoice.choices)
    written = models.BooleanField(_("bằng văn bản"), default=False)

    class Meta:
        verbose_name = _("phiếu biểu quyết công khai")
        verbose_name_plural = _("phiếu biểu quyết công khai")
        ordering = ["item", "member"]
        constraints = [
            models.UniqueConstraint(fields=["item", "member"], name="vote_once_per_item"),
            models.CheckConstraint(
                condition=Q(choice__in=VoteChoice.values), name="vote_choice_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member}: {self.choice}"


class BallotReceipt(models.Model):
    """Proof that a member has cast a secret ballot on an item, and nothing more: no
    choice, no time. ``written``: handed in in writing by an absent member."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="receipts")
    member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT, related_name="receipts")
    written = models.BooleanField(_("bằng văn bản"), default=False)

    class Meta:
        verbose_name = _("xác nhận đã bỏ phiếu kín")
        verbose_name_plural = _("xác nhận đã bỏ phiếu kín")
        ordering = ["item", "member"]
        constraints = [
            models.UniqueConstraint(fields=["item", "member"], name="receipt_once_per_item"),
        ]

    def __str__(self) -> str:
        return f"{self.member} ✓"


class SecretBallot(models.Model):
    """One secret ballot, sealed: for each choice (yes, no, abstain, in that order, 512
    bytes each) an ElGamal ciphertext of 1 (the choice made) or 0 under the session's
    ballot key (``councils.ballot_box``); 1,536 bytes, the same for every ballot. A random id, no
    member, no time: nothing here can be read, or tied to a receipt, without the tally
    code, and the code opens only the sums at closing."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="ballots")
    sealed = models.BinaryField(_("phiếu đã niêm phong"))

    class Meta:
        verbose_name = _("phiếu kín (đã mã hóa)")
        verbose_name_plural = _("hòm phiếu kín")
        ordering = ["item", "id"]

    def __str__(self) -> str:
        return str(self.item)


class CouncilEvent(Event):
    """One step of a session: created, members, agenda, opened, voted (for a secret
    ballot only "member X voted on item Y"), closed with results."""

    session = models.ForeignKey(CouncilSession, on_delete=models.PROTECT, related_name="events")

    class Meta(Event.Meta):
        verbose_name = _("sự kiện phiên họp Hội đồng")
        verbose_name_plural = _("sự kiện phiên họp Hội đồng")


class CouncilRosterEvent(Event):
    """One change of a standing council: established, a seat added, a seat ended."""

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="events")

    class Meta(Event.Meta):
        verbose_name = _("sự kiện Hội đồng")
        verbose_name_plural = _("sự kiện Hội đồng")
