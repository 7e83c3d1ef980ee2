"""A campaign's life: published, running, past its end and waiting to be closed, closed.

The stored status moves through the workflow engine (``thidua.core.workflow``): a draft
is published, a running campaign is closed by the Ban Thi đua – Khen thưởng once its
final review (tổng kết) is done. What people see is the *stage*, which also knows the
date: a campaign whose period (as its plan states it) has ended but which nobody has
closed yet is "past its end, awaiting the final review", never "running".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.campaigns.models import Campaign, CampaignEvent, CampaignStatus
from thidua.campaigns.rules import can_manage_campaign
from thidua.core.workflow import Move, Workflow


class Action(StrEnum):
    PUBLISH = "publish"
    CLOSE = "close"


S = CampaignStatus
TRANSITIONS: dict[tuple[CampaignStatus, Action], CampaignStatus] = {
    (S.DRAFT, Action.PUBLISH): S.ACTIVE,
    (S.ACTIVE, Action.CLOSE): S.CLOSED,
}

ACTION_LABELS = {
    Action.PUBLISH: gettext_lazy("phát động"),
    Action.CLOSE: gettext_lazy("kết thúc phong trào"),
}


def _record(campaign: Campaign, actor: Any, move: Move, payload: dict[str, Any]) -> None:
    CampaignEvent.objects.create(
        campaign=campaign, actor=actor, kind=move.action.value, payload=payload
    )


def _refusal(campaign: Campaign, source: CampaignStatus, action: Action) -> str:
    return str(
        _("Không thể “%(action)s” khi phong trào đang ở trạng thái “%(state)s”.")
        % {"action": ACTION_LABELS[action], "state": source.label}
    )


WORKFLOW: Workflow[Campaign] = Workflow(
    model=Campaign,
    states=CampaignStatus,
    transitions=TRANSITIONS,
    may_act=lambda user, campaign, _who: bool(can_manage_campaign(user, campaign)),
    record=_record,
    refusal=_refusal,
    state_field="status",
)


def campaign_publish(*, actor: Any, campaign: Campaign) -> Campaign:
    """Publish a draft campaign: units see it and may register works and report."""
    return WORKFLOW.run(campaign, actor=actor, action=Action.PUBLISH)


def campaign_close(*, actor: Any, campaign: Campaign, note: str = "") -> Campaign:
    """Close a running campaign (after its final review): no more target values,
    registrations or reports; its records, rankings and awards stay as they are."""
    return WORKFLOW.run(campaign, actor=actor, action=Action.CLOSE, payload={"note": note})


class Stage(StrEnum):
    DRAFT = "draft"
    NOT_STARTED = "not_started"
    RUNNING = "running"
    ENDED = "ended"  # past its end, not closed yet: awaiting the final review
    CLOSED = "closed"


STAGE_LABELS = {
    Stage.DRAFT: gettext_lazy("Bản nháp"),
    Stage.NOT_STARTED: gettext_lazy("Chưa bắt đầu"),
    Stage.RUNNING: gettext_lazy("Đang triển khai"),
    Stage.ENDED: gettext_lazy("Đã hết thời gian, chờ tổng kết"),
    Stage.CLOSED: gettext_lazy("Đã kết thúc"),
}


@dataclass(frozen=True)
class CampaignStage:
    """Where a campaign stands on a date, for people: a stage, its label and end."""

    stage: Stage
    last_day: dt.date

    @property
    def label(self) -> str:
        return str(STAGE_LABELS[self.stage])

    @property
    def may_close(self) -> bool:
        return self.stage is Stage.ENDED


def campaign_stage(campaign: Campaign, today: dt.date) -> CampaignStage:
    """The stage of ``campaign`` on ``today`` (no query): the stored status, corrected
    by the dates so that a running campaign past its last day shows as ended."""
    last_day = campaign.end_partial.last_day()
    if campaign.status == CampaignStatus.DRAFT:
        stage = Stage.DRAFT
    elif campaign.status == CampaignStatus.CLOSED:
        stage = Stage.CLOSED
    elif today > last_day:
        stage = Stage.ENDED
    elif today < campaign.start_partial.first_day():
        stage = Stage.NOT_STARTED
    else:
        stage = Stage.RUNNING
    return CampaignStage(stage=stage, last_day=last_day)
