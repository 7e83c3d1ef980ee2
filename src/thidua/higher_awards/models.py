"""The province's proposals of central awards (đề nghị cấp trên khen thưởng): Huân chương
Lao động, Chiến sĩ thi đua toàn quốc, Bằng khen của Thủ tướng Chính phủ, Cờ thi đua của
Chính phủ. The President or the Prime Minister decides; the province posts the shortlist
publicly (R15), takes comments, has its council review it, records the Ban Thường vụ Tỉnh
ủy's opinion where required and sends the dossier. The state field is written only by
``higher_awards.workflow``; events are append-only.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.awards.models import AwardForm, Nominee
from thidua.core.models import Event
from thidua.organisations.models import Unit


class ProposalState(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    POSTED = "posted", _("Đang công khai")
    REVIEWED = "reviewed", _("Hội đồng đã xét")
    SENT = "sent", _("Đã gửi cấp trên")


class Proposal(models.Model):
    """One tờ trình of the province proposing central awards for a year's achievements."""

    province = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="central_proposals", verbose_name=_("tỉnh")
    )
    year = models.PositiveSmallIntegerField(_("năm thành tích"))
    title = models.CharField(_("trích yếu"), max_length=300)
    number = models.CharField(_("số tờ trình"), max_length=64, blank=True)
    state = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=ProposalState.choices,
        default=ProposalState.DRAFT,
        editable=False,
    )
    posted_on = models.DateField(_("ngày công khai"), null=True, blank=True, editable=False)
    window_closes_on = models.DateField(
        _("hết thời gian công khai"), null=True, blank=True, editable=False
    )
    posting_channel = models.CharField(_("nơi công khai"), max_length=255, blank=True)
    comment_contact = models.CharField(_("nơi nhận ý kiến"), max_length=255, blank=True)
    council_meeting_on = models.DateField(
        _("ngày họp Hội đồng"), null=True, blank=True, editable=False
    )
    council_record = models.CharField(_("biên bản họp Hội đồng"), max_length=255, blank=True)
    sent_on = models.DateField(_("ngày gửi"), null=True, blank=True, editable=False)
    sent_reference = models.CharField(_("số văn bản gửi"), max_length=255, blank=True)
    signer_name = models.CharField(_("người ký"), max_length=128, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("tờ trình đề nghị khen thưởng cấp Nhà nước")
        verbose_name_plural = _("tờ trình đề nghị khen thưởng cấp Nhà nước")
        ordering = ["-year", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=[s.value for s in ProposalState]),
                name="central_proposal_state_valid",
            ),
            models.CheckConstraint(
                condition=Q(state="draft") | Q(posted_on__isnull=False),
                name="central_proposal_posted_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class ProposalEntry(models.Model):
    """One person or collective proposed for one central form, with the achievement, the
    provincial council's vote and, where required, the Ban Thường vụ's opinion."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="entries")
    nominee = models.ForeignKey(
        Nominee, on_delete=models.PROTECT, related_name="+", verbose_name=_("đối tượng")
    )
    form = models.ForeignKey(
        AwardForm, on_delete=models.PROTECT, related_name="+", verbose_name=_("hình thức")
    )
    achievement = models.TextField(_("tóm tắt thành tích"))
    btv_managed = models.BooleanField(_("thuộc diện Ban Thường vụ Tỉnh ủy quản lý"), default=False)
    vote_yes = models.PositiveSmallIntegerField(_("phiếu đồng ý"), null=True, blank=True)
    vote_members = models.PositiveSmallIntegerField(
        _("tổng số thành viên Hội đồng"), null=True, blank=True
    )
    btv_opinion = models.TextField(_("ý kiến Ban Thường vụ Tỉnh ủy"), blank=True)
    btv_reference = models.CharField(_("văn bản của Ban Thường vụ"), max_length=255, blank=True)
    btv_opinion_on = models.DateField(_("ngày có ý kiến"), null=True, blank=True)
    report = models.FileField(
        _("báo cáo thành tích"), upload_to="higher_awards/reports/", blank=True, max_length=255
    )
    report_name = models.CharField(_("tên tệp báo cáo"), max_length=255, blank=True)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("đối tượng đề nghị")
        verbose_name_plural = _("đối tượng đề nghị")
        ordering = ["proposal", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "nominee", "form"], name="central_entry_unique"
            ),
            models.CheckConstraint(
                condition=Q(vote_yes__isnull=True)
                | Q(vote_members__isnull=False, vote_yes__lte=models.F("vote_members")),
                name="central_entry_vote_within_members",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nominee} – {self.form}"


class ObjectionChannel(models.TextChoices):
    POST = "post", _("Thư gửi qua bưu điện")
    EMAIL = "email", _("Thư điện tử")
    PORTAL = "portal", _("Cổng thông tin điện tử")
    IN_PERSON = "in_person", _("Trực tiếp")
    PHONE = "phone", _("Điện thoại")


class Objection(models.Model):
    """A public comment or objection on a posted shortlist, received by the Ban TĐKT by any
    channel, and its answer (reported to the council and listed in its record)."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="objections")
    entry = models.ForeignKey(
        ProposalEntry,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="objections",
        verbose_name=_("về đối tượng"),
    )
    received_on = models.DateField(_("ngày nhận"))
    channel = models.CharField(_("hình thức nhận"), max_length=16, choices=ObjectionChannel.choices)
    author = models.CharField(_("người gửi"), max_length=255)
    content = models.TextField(_("nội dung"))
    answer = models.TextField(_("trả lời, xử lý"), blank=True)
    answered_on = models.DateField(_("ngày trả lời"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("ý kiến, phản ánh")
        verbose_name_plural = _("ý kiến, phản ánh")
        ordering = ["proposal", "received_on", "pk"]

    def __str__(self) -> str:
        return f"{self.received_on:%d/%m/%Y} {self.author}"


EVENT_LABELS = {
    "create": _("Tạo tờ trình"),
    "entry_add": _("Thêm đối tượng"),
    "entry_remove": _("Bỏ đối tượng"),
    "report": _("Tải lên báo cáo thành tích"),
    "post": _("Công khai danh sách"),
    "review": _("Hội đồng xét"),
    "send": _("Gửi cấp trên"),
    "vote": _("Ghi kết quả bỏ phiếu"),
    "btv_opinion": _("Ghi ý kiến Ban Thường vụ"),
    "objection": _("Ghi nhận ý kiến"),
    "answer": _("Trả lời ý kiến"),
}


class ProposalEvent(Event):
    """Append-only history of a proposal: every transition and every write."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="events")
    from_state = models.CharField(max_length=16, blank=True)
    to_state = models.CharField(max_length=16, blank=True)

    class Meta(Event.Meta):
        verbose_name = _("lịch sử tờ trình")
        verbose_name_plural = _("lịch sử tờ trình")
        indexes = [models.Index(fields=["proposal", "at"])]

    @property
    def label(self) -> str:
        return str(EVENT_LABELS.get(self.kind, self.kind))

    def __str__(self) -> str:
        return f"{self.proposal_id}: {self.kind}"
