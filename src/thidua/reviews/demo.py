"""Demo data of reviews, loaded by ``demo_setup`` (idempotent): the sơ kết of Đợt 1,
with the works finished ahead of schedule selected and its report issued."""

from __future__ import annotations

import datetime as dt

from thidua.accounts.models import User
from thidua.campaigns.models import Campaign
from thidua.core.event_time import events_dated
from thidua.reviews import workflow
from thidua.reviews.models import PhaseReview, ReviewKind
from thidua.reviews.selectors import ahead_works

SHORTCOMINGS = (
    "Một số cơ quan, đơn vị, địa phương đăng ký công trình, phần việc còn chậm; việc cập "
    "nhật tiến độ và minh chứng chưa thường xuyên.\n"
    "Một số đơn vị gửi báo cáo định kỳ chưa đúng hạn."
)
DIRECTIONS = (
    "Tiếp tục đẩy mạnh phong trào thi đua trong Đợt 2, tập trung hoàn thành các công trình, "
    "phần việc đã đăng ký chào mừng Đại hội Đảng bộ tỉnh.\n"
    "Kịp thời phát hiện, bồi dưỡng, nhân rộng các điển hình tiên tiến; tuyên truyền trên các "
    "phương tiện thông tin đại chúng."
)


def demo_ensure(campaign: Campaign) -> str:
    """Create the demo rows once; return a line for the demo_setup output ("" if none)."""
    phase = campaign.phases.order_by("position", "start").first()
    if phase is None:
        return ""
    if PhaseReview.objects.filter(campaign=campaign, phase=phase, kind=ReviewKind.INTERIM).exists():
        return ""
    actor = User.objects.filter(username="bantdkt").first()
    if actor is None:
        return ""
    # The review is held, and its events dated, 15 days after the phase ends.
    with events_dated(phase.end + dt.timedelta(days=15)):
        review = workflow.review_open(
            actor=actor,
            campaign=campaign,
            phase=phase,
            kind=ReviewKind.INTERIM,
            held_on=phase.end + dt.timedelta(days=15),
        )
        review = workflow.review_update(
            actor=actor,
            review=review,
            held_on=review.held_on,
            shortcomings=SHORTCOMINGS,
            directions=DIRECTIONS,
            notes="Họp sơ kết tại Hội trường UBND tỉnh.",
        )
        ahead = list(ahead_works(campaign, phase).values_list("pk", flat=True))
        workflow.review_select_works(
            actor=actor, review=review, commend=ahead[:5], publicise=ahead[:3]
        )
        review = workflow.review_issue(actor=actor, review=review)
    return "Sơ kết mẫu: %s đã ban hành, %s công trình vượt tiến độ được đề nghị khen thưởng." % (
        phase.name,
        len(ahead[:5]),
    )
