"""The demo's annual cycle of 2025 in Vĩnh Long (issue #14), composed from the apps' parts.

For Sở Y tế (86-SYT) and the communes Cầu Kè (29308) and Phong Thạnh (29329), on the
days of the story, through the real services and as the real demo users:

1. the registrations of 2025 (July 2025, after the reorganisation) and of 2026;
2. the ratings and initiatives of 2025 and the province's regular campaign of 2025;
3. the standing councils (their members sign in as ``hd_<unit>_<n>``);
4. on 01/12/2025 each unit's head drafts the year's nominations from the titles thidua
   computes (the service behind "Tạo đề nghị khen thưởng") and submits them;
5. each unit's own council votes the titles its head grants (LĐTT, CSTĐ cơ sở, TTLĐTT)
   on 03–05/12/2025 and the head issues the unit's decisions on 08–10/12/2025 — before the
   dossiers are due at the province (10/12) and the statistical report goes out (12/12);
6. the province's council votes the titles the province grants (CSTĐ cấp tỉnh, TTLĐXS,
   Bằng khen by route d) on 15/01/2026, and the Chủ tịch UBND tỉnh signs on 22/01/2026;
7. the proposals of central awards and the statistical report of 2025.

Why the unit decisions fall before 12/12/2025: the statistical report counts the awards
whose decision was signed in the year (award_statistics.selectors.awards_of), and the demo
records the 2025 report as sent on 12/12/2025; the province's decisions of January 2026
count in the 2026 report (docs/annual.md). Idempotent: a second run adds nothing.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from thidua.accounts.models import User
from thidua.awards import services as awards
from thidua.awards.models import AwardForm, Nomination, NominationState
from thidua.campaigns.models import Campaign
from thidua.campaigns.regular import year_phase
from thidua.campaigns.selectors import regular_campaign
from thidua.core.errors import DomainError
from thidua.core.event_time import events_dated
from thidua.councils import services as councils
from thidua.councils.models import Council, CouncilSession
from thidua.councils.selectors import agenda_candidates
from thidua.decisions.models import Decision
from thidua.decisions.services import decision_draft, decision_edit, decision_issue
from thidua.organisations.models import Unit
from thidua.ratings.selectors import unit_year
from thidua.ratings.services import nominations_draft
from thidua.works.demo_images import minimal_pdf

YEAR = 2025
PROVINCE = "86"
SECRETARIAT = "bantdkt_vl"
#: The highest title a person or the unit may be proposed for, first (one per year).
INDIVIDUAL_ORDER = ("cstd-tinh", "bang-khen-tinh", "cstdcs", "ldtt")
COLLECTIVE_ORDER = ("ttldxs", "ttldtt")
NOMINATED_ON = dt.date(2025, 12, 1)
SESSION_TITLE = "Phiên họp xét danh hiệu thi đua năm 2025"


@dataclass(frozen=True)
class UnitCycle:
    """A unit's year-end: who heads it, when its council sits and its head signs, the
    decisions' numbers (one per title, in the order of the titles) and signer."""

    code: str
    head: str
    council_on: dt.date
    decided_on: dt.date
    numbers: tuple[str, ...]
    signer_name: str
    signer_title: str
    place_name: str
    proposal: str


UNITS = (
    UnitCycle(
        "86-SYT", "thutruong_syt_vl", dt.date(2025, 12, 4), dt.date(2025, 12, 9),
        ("1185/QĐ-SYT", "1186/QĐ-SYT", "1187/QĐ-SYT"), "Phan Thanh Tùng", "Giám đốc",
        "Vĩnh Long",
        "Xét đề nghị của Hội đồng Thi đua - Khen thưởng Sở Y tế tại phiên họp ngày 04/12/2025",
    ),
    UnitCycle(
        "29308", "chutich_xa_vl", dt.date(2025, 12, 3), dt.date(2025, 12, 8),
        ("412/QĐ-UBND", "413/QĐ-UBND", "414/QĐ-UBND"), "Kim Văn Phước", "Chủ tịch",
        "Cầu Kè",
        "Xét đề nghị của Hội đồng Thi đua - Khen thưởng xã Cầu Kè tại phiên họp ngày 03/12/2025",
    ),
    UnitCycle(
        "29329", "chutich_pt_vl", dt.date(2025, 12, 5), dt.date(2025, 12, 10),
        ("356/QĐ-UBND", "357/QĐ-UBND", "358/QĐ-UBND"), "Lê Văn Sang", "Chủ tịch",
        "Phong Thạnh",
        "Xét đề nghị của Hội đồng Thi đua - Khen thưởng xã Phong Thạnh tại phiên họp ngày "
        "05/12/2025",
    ),
)  # fmt: skip
#: The province's council and decisions (January 2026).
PROVINCE_REVIEWED_ON = dt.date(2026, 1, 6)
PROVINCE_COUNCIL_ON = dt.date(2026, 1, 15)
PROVINCE_DECIDED_ON = dt.date(2026, 1, 22)
PROVINCE_NUMBERS = ("152/QĐ-UBND", "153/QĐ-UBND", "154/QĐ-UBND", "155/QĐ-UBND")
PROVINCE_PROPOSAL = (
    "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 28/TTr-SNV ngày 16/01/2026 và kết "
    "quả phiên họp Hội đồng Thi đua - Khen thưởng tỉnh ngày 15/01/2026"
)


def _user(username: str) -> User | None:
    return User.objects.filter(username=username).first()


def _choices(unit: Unit) -> list[tuple[int | None, str]]:
    """The highest computed title of each person and of the unit (one a year)."""
    year = unit_year(unit, YEAR)
    choices: list[tuple[int | None, str]] = []
    for row in year.rows:
        ok = {v.form for v in row.verdicts if v.ok}
        best = next((code for code in INDIVIDUAL_ORDER if code in ok), None)
        if best == "cstd-tinh":
            # CSTĐ cấp tỉnh counts this year's CSTĐ cơ sở among its three (Luật TĐKT 2022
            # Điều 22), which the unit grants first; one title a year per person: the
            # unit's CSTĐ cơ sở this year, the province's title the next (docs/annual.md).
            best = "cstdcs"
        if best:
            choices.append((row.nominee.pk, best))
    ok = {v.form for v in year.collective if v.ok}
    best = next((code for code in COLLECTIVE_ORDER if code in ok), None)
    if best:
        choices.append((None, best))
    return choices


def _nominate(unit: Unit, head: User, campaign: Campaign) -> int:
    """Draft the year's nominations from the computed titles and submit them (the head)."""
    with events_dated(NOMINATED_ON):
        nominations_draft(by=head, unit=unit, year=YEAR, choices=_choices(unit))
        drafts = Nomination.objects.filter(
            campaign=campaign, proposer_unit=unit, state=NominationState.DRAFT
        ).order_by("pk")
        for nomination in drafts:
            _dossier(nomination, head)
            awards.nomination_submit(nomination, by=head, today=NOMINATED_ON)
    return len(drafts)


def _dossier(nomination: Nomination, head: User) -> None:
    """The dossier the head signs, every document the form's rules ask for (minimal PDFs):
    tờ trình, báo cáo thành tích, biên bản, kết quả bỏ phiếu kín, tài liệu chứng minh."""
    kinds = sorted({kind for rule in nomination.form.rules.all() for kind in rule.dossier})
    for kind in kinds:
        content = minimal_pdf([f"Ho so danh hieu thi dua nam {YEAR} - {kind}"])
        awards.dossier_file_add(
            nomination,
            by=head,
            kind=kind,
            stream=io.BytesIO(content),
            name=f"{kind}-{nomination.pk}.pdf",
            size=len(content),
        )


def _to_council(nominations: list[Nomination], reviewer: User, day: dt.date) -> None:
    with events_dated(day):
        for nomination in nominations:
            if nomination.state == NominationState.SUBMITTED:
                nomination = awards.nomination_review_start(nomination, by=reviewer)
            if nomination.state == NominationState.UNDER_REVIEW:
                awards.nomination_send_to_council(nomination, by=reviewer)


def _hold(council: Council, campaign: Campaign, actor: User, day: dt.date, place: str) -> Any:
    """Plan, open, vote (every member present votes yes) and close a session of the
    council on ``day`` with the items its unit grants (or the province grants)."""
    if CouncilSession.objects.filter(council=council, title=SESSION_TITLE).exists():
        return None
    waiting = Nomination.objects.filter(
        campaign=campaign, grantor_unit=council.unit_id, state=NominationState.TO_COUNCIL
    )
    if not waiting.exists():
        return None
    opened_at = dt.datetime.combine(day, dt.time(8, 0))
    with events_dated(opened_at):
        session = councils.session_create(
            actor=actor,
            campaign=campaign,
            council=council,
            phase=year_phase(campaign),
            title=SESSION_TITLE,
            date=day,
            start_time=dt.time(8, 0),
            place=place,
            place_name=council.body_name,
        )
        items = list(agenda_candidates(session))
        councils.session_add_items(actor=actor, session=session, nominations=items)
        session = councils.session_open(actor=actor, session=session)
    with events_dated(opened_at + dt.timedelta(minutes=30)):
        for item in session.items.order_by("order"):
            for member in session.members.filter(user__isnull=False).select_related("user"):
                councils.council_vote(actor=member.user, item=item, choice="yes")
    with events_dated(opened_at + dt.timedelta(hours=1, minutes=30)):
        return councils.session_close(actor=actor, session=session)


def _decide(
    unit: Unit,
    campaign: Campaign,
    actor: User,
    cycle: UnitCycle | None,
) -> list[Decision]:
    """Issue one decision per title the council approved and the unit (or province) grants."""
    numbers = cycle.numbers if cycle else PROVINCE_NUMBERS
    day = cycle.decided_on if cycle else PROVINCE_DECIDED_ON
    if Decision.objects.filter(grantor_unit=unit, number__in=numbers).exists():
        return []
    approved = Nomination.objects.filter(
        campaign=campaign, grantor_unit=unit, state=NominationState.APPROVED
    )
    forms = AwardForm.objects.filter(pk__in=approved.values("form_id")).order_by("position")
    issued = []
    for number, form in zip(numbers, forms, strict=False):
        with events_dated(day):
            draft = decision_draft(
                actor=actor, campaign=campaign, form=form, grantor_unit=unit, on=day
            )
            decision_edit(
                actor=actor,
                decision=draft,
                number=number,
                date=day,
                signer_name=cycle.signer_name if cycle else "Nguyễn Văn Minh",
                signer_title=cycle.signer_title if cycle else "Chủ tịch",
                place_name=cycle.place_name if cycle else "Vĩnh Long",
                proposal=cycle.proposal if cycle else PROVINCE_PROPOSAL,
            )
            issued.append(decision_issue(actor=actor, decision=draft))
    return issued


def _year_end(province: Unit, campaign: Campaign) -> list[str]:
    lines = []
    secretariat = _user(SECRETARIAT)
    for cycle in UNITS:
        unit = Unit.objects.filter(code=cycle.code).first()
        head = _user(cycle.head)
        council = Council.objects.filter(unit__code=cycle.code).order_by("pk").first()
        if unit is None or head is None or council is None:
            lines.append(f"Chu kỳ năm {YEAR}: thiếu đơn vị, thủ trưởng hoặc hội đồng {cycle.code}.")
            continue
        submitted = _nominate(unit, head, campaign)
        own = list(
            Nomination.objects.filter(campaign=campaign, proposer_unit=unit, grantor_unit=unit)
        )
        _to_council(own, head, cycle.council_on - dt.timedelta(days=1))
        session = _hold(council, campaign, head, cycle.council_on, f"Hội trường {unit.name}")
        decisions = _decide(unit, campaign, head, cycle)
        if submitted or session or decisions:
            lines.append(
                f"Chu kỳ năm {YEAR}: {unit.name} gửi {submitted} đề nghị, Hội đồng họp ngày "
                f"{cycle.council_on:%d/%m/%Y}, {len(decisions)} quyết định "
                f"({', '.join(d.number for d in decisions)})."
            )
    council = Council.objects.filter(unit=province).order_by("pk").first()
    if secretariat is None or council is None:
        return [*lines, f"Chu kỳ năm {YEAR}: thiếu Ban TĐKT hoặc Hội đồng tỉnh."]
    upward = list(
        Nomination.objects.filter(campaign=campaign, grantor_unit=province).order_by("pk")
    )
    _to_council(upward, secretariat, PROVINCE_REVIEWED_ON)
    session = _hold(council, campaign, secretariat, PROVINCE_COUNCIL_ON, "Hội trường UBND tỉnh")
    decisions = _decide(province, campaign, secretariat, None)
    if session or decisions:
        lines.append(
            f"Chu kỳ năm {YEAR}: Hội đồng tỉnh họp ngày {PROVINCE_COUNCIL_ON:%d/%m/%Y} "
            f"({len(upward)} đề nghị), {len(decisions)} quyết định của Chủ tịch UBND tỉnh "
            f"ngày {PROVINCE_DECIDED_ON:%d/%m/%Y}."
        )
    return lines


def annual_demo_ensure() -> list[str]:
    """The annual cycle of 2025 (and the registrations of 2026); lines saying what was
    made. Idempotent. A refusal of a service leaves the parts made so far and says why."""
    from thidua.award_statistics import demo as statistics_demo
    from thidua.councils import demo as councils_demo
    from thidua.higher_awards import demo as higher_demo
    from thidua.ratings import demo as ratings_demo
    from thidua.registrations import demo as registrations_demo

    province = Unit.objects.filter(code=PROVINCE).first()
    if province is None:
        return ["Chu kỳ thi đua năm 2025: chưa có tỉnh Vĩnh Long (mã 86), bỏ qua."]
    lines = [*registrations_demo.annual_demo(YEAR), *registrations_demo.annual_demo(YEAR + 1)]
    # The proposals upward (dated 2026) add people of their own: made before the ratings,
    # so that they are rated and nominated like the others and a second run adds nothing.
    higher = higher_demo.annual_demo(YEAR)
    lines += ratings_demo.annual_demo(YEAR)
    lines += councils_demo.annual_demo(YEAR)
    campaign = regular_campaign(province, YEAR)
    if campaign is not None:
        try:
            with transaction.atomic():
                lines += _year_end(province, campaign)
        except DomainError as error:
            lines.append(f"Chu kỳ năm {YEAR}: chưa xét được danh hiệu ({error.message}).")
    lines += higher
    lines += statistics_demo.annual_demo(YEAR)
    return lines
