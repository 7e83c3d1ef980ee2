"""The report's transition table: a draft is sent; a sent report can be reopened to be
corrected and sent again (each step an event)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.award_statistics.models import ReportState


class Action(models.TextChoices):
    SEND = "send", _("ghi nhận đã gửi")
    REOPEN = "reopen", _("mở lại để sửa")


TRANSITIONS = {
    (ReportState.DRAFT, Action.SEND): ReportState.SENT,
    (ReportState.SENT, Action.REOPEN): ReportState.DRAFT,
}
