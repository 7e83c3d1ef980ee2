"""Demo data of exemplars, loaded by ``demo_setup`` (idempotent): stories drafted from the
demo works finished ahead of schedule (with their photos), in every state, at least four
published on the public site."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.utils import timezone

from thidua.accounts.models import User
from thidua.campaigns.models import Campaign
from thidua.core.event_time import events_dated
from thidua.exemplars import workflow
from thidua.exemplars.models import Exemplar, ExemplarState
from thidua.works.models import EvidenceKind, Work
from thidua.works.selectors import with_flags

#: The state each demo story ends in, in order of the works chosen.
PLAN = [
    ExemplarState.PUBLISHED,
    ExemplarState.PUBLISHED,
    ExemplarState.PUBLISHED,
    ExemplarState.PUBLISHED,
    ExemplarState.PUBLISHED,
    ExemplarState.APPROVED,
    ExemplarState.SUBMITTED,
    ExemplarState.RETURNED,
]

ACHIEVEMENTS_LEAD = (
    "Hưởng ứng phong trào thi đua chào mừng Đại hội Đảng bộ các cấp, đơn vị đã chủ động "
    "đăng ký, huy động nguồn lực và tổ chức thực hiện hoàn thành công trình vượt tiến độ."
)


def _advance(actor: User, story: Exemplar, state: ExemplarState) -> None:
    if state == ExemplarState.DRAFT:
        return
    story = workflow.exemplar_submit(actor=actor, exemplar=story)
    if state == ExemplarState.SUBMITTED:
        return
    if state == ExemplarState.RETURNED:
        workflow.exemplar_return(
            actor=actor,
            exemplar=story,
            reason="Bổ sung số liệu cụ thể về kinh phí huy động và số hộ hưởng lợi.",
        )
        return
    story = workflow.exemplar_approve(actor=actor, exemplar=story)
    if state == ExemplarState.PUBLISHED and story.photos.exists():
        workflow.exemplar_publish(actor=actor, exemplar=story)


def demo_ensure(campaign: Campaign) -> str:
    """Create the demo rows once; return a line for the demo_setup output ("" if none)."""
    if Exemplar.objects.filter(campaign=campaign).exists():
        return ""
    actor = User.objects.filter(username="bantdkt").first()
    if actor is None:
        return ""
    today = timezone.localdate()
    works = (
        with_flags(Work.objects.filter(campaign=campaign), today)
        .filter(Q(ahead=True), progress_updates__evidence__kind=EvidenceKind.PHOTO)
        .select_related("unit", "campaign__issuer_unit", "place", "content_area")
        .distinct()
        .order_by("actual_finish", "pk")
    )
    made = 0
    for work, state in zip(works, PLAN, strict=False):
        # Written up two weeks after the work was finished (never later than today).
        day = min((work.actual_finish or today) + dt.timedelta(days=14), today)
        with events_dated(day):
            story = workflow.exemplar_from_work(actor=actor, work=work)
            story.achievements = f"{ACHIEVEMENTS_LEAD}\n{work.description or work.title}"
            story.save(update_fields=["achievements", "search_text", "title", "subject_name"])
            _advance(actor, story, state)
        made += 1
    published = Exemplar.objects.filter(campaign=campaign, state=ExemplarState.PUBLISHED).count()
    return "Điển hình tiên tiến mẫu: %s câu chuyện, %s đã công bố trên trang công khai." % (
        made,
        published,
    )
