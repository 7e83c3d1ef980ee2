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

import uuid
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.awards.models import Nomination
from thidua.campaigns.models import Campaign, Phase
from thidua.core.models import Event

#: Attendance quorum of a session that reviews award proposals: a setting of the province
#: (no law found; 80 % is Bắc Ninh's QĐ 86/2025/QĐ-UBND Điều 8.4.b, an example, never
#: another province's rule). The shipped legal data (``council_quorum``) carries the same
#: value with its source; each session keeps its own.
DEFAULT_QUORUM_SHARE = Decimal("0.8")


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


class MemberRole(models.TextChoices):
    CHAIR = "chair", _("Chủ tịch Hội đồng")
    VICE = "vice", _("Phó Chủ tịch Hội đồng")
    MEMBER = "member", _("Ủy viên")
    SECRETARY = "secretary", _("Ủy viên, Thư ký Hội đồng")


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
