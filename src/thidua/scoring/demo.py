"""Demo of scoring: the 2025 Cụm/Khối score their members, written through the services.

Every 2025 group gets the province's criteria table with KH 128's added criteria
(IV.3: works registered and completed, quarterly reports on time, targets met; filled
from the demo's works, reports and targets). Cụm thi đua số 1 and three Khối go the
whole way: self-assessment with evidence, review by the cluster leader (the leader's own
sheet by the deputy's head), confirmation and a published, locked ranking with proposals
for the Cờ thi đua and the Bằng khen. Khối kinh tế waits for the Ban TĐKT to publish;
Cụm thi đua số 2 is still under review (one sheet waiting, one reviewed with a large gap,
one returned, the leader's still a draft). One member of each finished group claimed more
than its reviewer gave: its gap is flagged. In Khối văn hóa - xã hội two members end on
the same total, and the ranking says which tie-break rule separated them.

People: ``bantdkt`` (Ban TĐKT) confirms and publishes; units act through their heads
``tt_<unit code>`` (as in the reports demo; password ``thidua-demo``), and the head of a
group's leading unit is its cụm trưởng: it reviews the members (the deputy unit's head
reviews the leader's sheet).
"""

from __future__ import annotations

import datetime as dt
import zlib
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from thidua.accounts.demo import DEMO_PASSWORD
from thidua.accounts.models import Membership, Role, User
from thidua.campaigns.models import Campaign
from thidua.core.event_time import events_dated
from thidua.organisations.models import EmulationGroup, GroupRole, Unit
from thidua.reports.demo import head_username
from thidua.scoring import services
from thidua.scoring.models import CriteriaSet, CriterionKind, Effect, ScoreSheet
from thidua.scoring.ranking import ranking_publish
from thidua.works.demo_images import minimal_pdf

YEAR = 2025
SECRETARIAT_USERNAME = "bantdkt"
#: How far each group goes: "publish" (ranking published), "confirm" (all confirmed,
#: waiting for publication), "review" (under review, mixed states).
STAGES = {
    "CUM-1": "publish",
    "KHOI-TH": "publish",
    "KHOI-VHXH": "publish",
    "KHOI-DT": "publish",
    "KHOI-KT": "confirm",
    "CUM-2": "review",
}
#: The published group whose two members end on the same total (the tie-break shows).
TIE_GROUP = "KHOI-VHXH"
_RETURN_REASON = (
    "Tiêu chí 1.2 chưa có kết quả xếp hạng chỉ số cải cách hành chính; đề nghị bổ sung minh chứng."
)


class _People:
    def __init__(self) -> None:
        self.password = make_password(DEMO_PASSWORD)
        self.secretariat = User.objects.get(username=SECRETARIAT_USERNAME)

    def _user(self, username: str, unit: Unit, role: str, position: str) -> User:
        user, _new = User.objects.get_or_create(
            username=username,
            defaults={
                "full_name": position,
                "position": position,
                "email": f"{username}@demo.thidua.local",
                "password": self.password,
            },
        )
        Membership.objects.get_or_create(user=user, unit=unit, role=role)
        return user

    def head(self, unit: Unit) -> User:
        existing = User.objects.filter(
            memberships__unit=unit, memberships__role=Role.UNIT_HEAD
        ).first()
        return existing or self._user(
            head_username(unit), unit, Role.UNIT_HEAD, f"Thủ trưởng {unit.name}"
        )


def _share(code: str, criterion: str, low: int) -> Decimal:
    """A fixed share of the maximum between ``low`` % and 100 % (the same on every run)."""
    spread = 100 - low
    step = zlib.crc32(f"{code}|{criterion}".encode()) % (spread + 1)
    return Decimal(low + step) / 100


def _entries(
    criteria_set: CriteriaSet, unit: Unit, *, reviewed: bool, gap: bool
) -> dict[int, services.Entry]:
    entries = {}
    for criterion in criteria_set.criteria.filter(kind=CriterionKind.MANUAL):
        if criterion.effect == Effect.DEDUCTION:
            points = (
                Decimal(2) if reviewed and zlib.crc32(unit.code.encode()) % 4 == 0 else Decimal(0)
            )
        elif criterion.effect == Effect.BONUS:
            points = Decimal(3) if zlib.crc32(unit.code.encode()) % 3 == 0 else Decimal(0)
        else:
            share = _share(unit.code, criterion.code, 85)
            if reviewed:
                share = share * (Decimal("0.7") if gap else Decimal("0.97"))
            points = (criterion.max_points * share).quantize(Decimal("0.5"))
        evidence = None
        if not reviewed and criterion.evidence_required and points > 0:
            lines = [
                f"{unit.code} - minh chung tieu chi {criterion.code}",
                f"Nam {criteria_set.year}",
            ]
            evidence = SimpleUploadedFile(
                f"minh-chung-{criterion.code}.pdf", minimal_pdf(lines), "application/pdf"
            )
        note = "Theo báo cáo tổng kết năm của đơn vị." if not reviewed else ""
        entries[criterion.pk] = services.Entry(points, note, evidence)
    return entries


def _self_assess(
    people: _People, cs: CriteriaSet, sheet: ScoreSheet, *, submit: bool = True
) -> ScoreSheet:
    head = people.head(sheet.unit)
    entries = _entries(cs, sheet.unit, reviewed=False, gap=False)
    services.sheet_save_self(actor=head, sheet=sheet, entries=entries, note="Đơn vị tự đánh giá.")
    return services.sheet_submit(actor=head, sheet=sheet) if submit else sheet


def _reviewer(people: _People, group: EmulationGroup, sheet: ScoreSheet) -> User:
    roles = {m.role: m.unit for m in group.memberships.select_related("unit")}
    if sheet.unit == roles.get(GroupRole.LEADER):
        deputy = roles.get(GroupRole.DEPUTY)
        return people.head(deputy) if deputy else people.secretariat
    return people.head(roles[GroupRole.LEADER])


def _review(
    people: _People, group: EmulationGroup, cs: CriteriaSet, sheet: ScoreSheet, *, gap: bool
) -> ScoreSheet:
    entries = _entries(cs, sheet.unit, reviewed=True, gap=gap)
    note = (
        "Điểm tự chấm cao hơn kết quả thực tế ở nhiều tiêu chí." if gap else "Thống nhất kết quả."
    )
    return services.sheet_review(
        actor=_reviewer(people, group, sheet), sheet=sheet, entries=entries, note=note
    )


def _review_as_twin(
    people: _People, group: EmulationGroup, sheet: ScoreSheet, *, model: ScoreSheet
) -> ScoreSheet:
    """Review ``sheet`` to the same total as ``model`` (already reviewed): the same manual
    points, criterion 1.1 moved by the difference of their computed points and one more
    criterion at its maximum, so the ranking shows a tie-break rule separating them."""
    theirs = {s.criterion.code: s for s in model.scores.select_related("criterion")}
    mine = {s.criterion.code: s for s in sheet.scores.select_related("criterion")}
    computed = [c for c, s in mine.items() if s.criterion.kind == CriterionKind.COMPUTED]
    diff = sum(
        ((theirs[c].reviewed_points or 0) - (mine[c].self_points or 0) for c in computed),
        Decimal(0),
    )
    entries = {}
    for code, score in mine.items():
        if score.criterion.kind == CriterionKind.MANUAL:
            points = theirs[code].reviewed_points or Decimal(0)
            if code == "1.1":
                points = min(max(points + diff, Decimal(0)), score.criterion.max_points)
            entries[score.criterion_id] = services.Entry(points, "Thống nhất kết quả.")
    # One more criterion at its maximum, paid for on 1.1: same total, the first rule decides.
    first = mine["1.1"].criterion_id
    for code, score in mine.items():
        criterion = score.criterion
        if code == "1.1" or criterion.kind != CriterionKind.MANUAL or criterion.effect != "normal":
            continue
        short = criterion.max_points - (entries[criterion.pk].points or Decimal(0))
        if 0 < short <= (entries[first].points or Decimal(0)):
            entries[criterion.pk] = services.Entry(criterion.max_points, "Thống nhất kết quả.")
            entries[first] = services.Entry((entries[first].points or Decimal(0)) - short)
            break
    return services.sheet_review(
        actor=_reviewer(people, group, sheet),
        sheet=sheet,
        entries=entries,
        note="Thống nhất kết quả.",
    )


def _run(people: _People, group: EmulationGroup, campaign: Campaign, stage: str) -> None:
    # The story's days: the set opens on 20/11, units score themselves by 28/11, the
    # leaders review by 03/12, the Ban TĐKT confirms on 08/12 and publishes on 15/12.
    with events_dated(dt.date(YEAR, 11, 20)):
        cs = services.criteria_set_create(actor=people.secretariat, group=group, campaign=campaign)
        services.criteria_set_activate(actor=people.secretariat, criteria_set=cs)
    sheets = list(cs.sheets.select_related("unit").order_by("unit__code"))
    gap_unit = sheets[zlib.crc32(group.code.encode()) % len(sheets)].unit_id
    if stage == "review":
        _under_review(people, group, cs, sheets)
        return
    others = [s for s in sheets if s.unit_id != gap_unit]
    twins = others[:2] if group.code == TIE_GROUP else []
    for sheet in sheets:
        with events_dated(dt.date(YEAR, 11, 28)):
            sheet = _self_assess(people, cs, sheet)
        with events_dated(dt.date(YEAR, 12, 3)):
            if twins and sheet == twins[1]:
                sheet = _review_as_twin(people, group, sheet, model=twins[0])
            else:
                sheet = _review(people, group, cs, sheet, gap=sheet.unit_id == gap_unit)
        with events_dated(dt.date(YEAR, 12, 8)):
            services.sheet_confirm(actor=people.secretariat, sheet=sheet)
    if stage == "publish":
        with events_dated(dt.date(YEAR, 12, 15)):
            ranking_publish(actor=people.secretariat, criteria_set=cs)


def _under_review(
    people: _People, group: EmulationGroup, cs: CriteriaSet, sheets: list[ScoreSheet]
) -> None:
    leader = group.memberships.get(role=GroupRole.LEADER).unit_id
    others = [s for s in sheets if s.unit_id != leader]
    for index, sheet in enumerate(others):
        with events_dated(dt.date(YEAR, 11, 28)):
            sheet = _self_assess(people, cs, sheet)
        with events_dated(dt.date(YEAR, 12, 3)):
            if index == 0:
                _review(people, group, cs, sheet, gap=True)
            elif index == 1:
                services.sheet_return(
                    actor=_reviewer(people, group, sheet), sheet=sheet, reason=_RETURN_REASON
                )
    mine = next(s for s in sheets if s.unit_id == leader)
    with events_dated(dt.date(YEAR, 11, 28)):
        _self_assess(people, cs, mine, submit=False)


def demo_ensure(campaign: Campaign) -> str:
    """Create the 2025 criteria sets and walk their sheets (idempotent: a group that has
    a set is left as it is)."""
    groups = EmulationGroup.objects.filter(year=YEAR, code__in=STAGES).order_by("kind", "code")
    todo = [g for g in groups if not CriteriaSet.objects.filter(group=g, year=YEAR).exists()]
    if not todo:
        return ""
    with transaction.atomic():
        people = _People()
        for group in todo:
            _run(people, group, campaign, STAGES[group.code])
    return (
        "Chấm điểm cụm, khối năm %s: %s bảng tiêu chí (thủ trưởng đơn vị trưởng cụm, khối "
        "thẩm định, ví dụ tt_tv_cn cho Cụm thi đua số 2)." % (YEAR, len(todo))
    )
