"""Registration of works: what a unit states, who approves it, the no-duplicate rule.

A unit registers its works as drafts (KH 128 II.2); the issuing level's own works are
registered from the plan (II.2.a). A copy of a provincial work is refused and a
look-alike of another unit's work needs confirmation. Edits are allowed only while the
work is a draft or returned; after that, a change request (``works.changes``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from thidua.accounts.models import Role
from thidua.accounts.selectors import reach_of
from thidua.campaigns.models import (
    Approver,
    Campaign,
    CampaignWork,
    ContentArea,
    Phase,
    RegistrationRule,
)
from thidua.core.dates import PartialDate
from thidua.core.errors import DomainError, NotPermitted
from thidua.core.text import fold, nfc
from thidua.organisations.models import Unit, UnitKind
from thidua.targets.models import Target
from thidua.works.codes import ErrorCode, EventKind
from thidua.works.models import Work, WorkEvent
from thidua.works.rules import is_work_approver, is_work_unit_staff
from thidua.works.selectors import LookAlikes, similar_titles
from thidua.works.timing import check_within_campaign
from thidua.works.transitions import EDITABLE_STATES

#: Similarity from which a title counts as a copy of a provincial work (refused) or of
#: another unit's work (shown, and saved only when the person confirms).
PROVINCE_DUPLICATE = 0.85
SIMILAR_WARNING = 0.8
#: Rows of one file listed with their look-alikes; past them the file is refused as a
#: whole (it needs confirmation anyway) and its other rows meet the provincial works only.
LOOKALIKE_ROWS = 100


@dataclass
class WorkData:
    """What a unit states when registering a work (KH 128 II.2)."""

    kind: str
    title: str
    planned_start: dt.date
    planned_finish: dt.date
    description: str = ""
    content_area: ContentArea | None = None
    place: Unit | None = None
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    budget: Decimal | None = None
    budget_source: str = ""
    phase: Phase | None = None
    targets: list[Target] = field(default_factory=list)
    cooperating_units: list[Unit] = field(default_factory=list)


class SimilarWorks(DomainError):
    """Look-alike titles exist; ``matches`` lists them. Save again with confirmation."""

    code = "similar_works"

    def __init__(self, matches: list[tuple[float, str, str, int | None]]) -> None:
        self.matches = matches
        names = "; ".join(f"“{title}” ({source})" for _score, title, source, _pk in matches)
        super().__init__(
            _("Có công trình gần giống: %(names)s. Kiểm tra lại, rồi xác nhận nếu không trùng.")
            % {"names": names}
        )


def rule_for(campaign: Campaign, unit: Unit) -> RegistrationRule | None:
    """The registration rule that names the unit's kind (KH 128 II.2.b–c)."""
    for rule in campaign.registration_rules.all():
        if unit.kind in rule.unit_kinds:
            return rule
    return None


def approver_for(campaign: Campaign, unit: Unit) -> Unit:
    """The level above that approves the unit's works: its parent where the rule says
    "through the parent" (communes through their district), else the issuing level."""
    rule = rule_for(campaign, unit)
    if rule is not None and rule.approver == Approver.PARENT and unit.parent_id:
        return Unit.objects.get(pk=unit.parent_id)
    return campaign.issuer_unit


_NO_RULE: Any = object()


def _check_data(campaign: Campaign, unit: Unit, data: WorkData, rule: Any = _NO_RULE) -> None:
    """Refuse what the unit may not state; ``rule``: ``rule_for(campaign, unit)`` when known."""
    problems = []
    if not data.title.strip():
        problems.append(_("Hãy nhập tên công trình, phần việc."))
    if data.planned_finish < data.planned_start:
        problems.append(_("Ngày hoàn thành dự kiến phải sau ngày bắt đầu."))
    if rule is _NO_RULE:
        rule = rule_for(campaign, unit)
    if rule is not None and data.kind not in {*rule.work_kinds, *rule.alternative_work_kinds}:
        problems.append(_("Loại công trình này không được tính cho đơn vị loại của bạn."))
    for part, name in ((data.phase, "phase"), (data.content_area, "content_area")):
        if part is not None and part.campaign_id != campaign.pk:
            problems.append(_("Mục %(name)s không thuộc phong trào này.") % {"name": name})
    if any(t.campaign_id != campaign.pk for t in data.targets):
        problems.append(_("Chỉ tiêu được chọn không thuộc phong trào này."))
    if data.place is not None and data.place.kind != UnitKind.COMMUNE:
        problems.append(_("Địa điểm phải là một xã, phường, thị trấn."))
    if data.latitude is not None and not (-90 <= data.latitude <= 90):
        problems.append(_("Vĩ độ phải trong khoảng -90 đến 90."))
    if data.longitude is not None and not (-180 <= data.longitude <= 180):
        problems.append(_("Kinh độ phải trong khoảng -180 đến 180."))
    if data.budget is not None and data.budget < 0:
        problems.append(_("Kinh phí không được âm."))
    if problems:
        raise DomainError(" ".join(problems), code=ErrorCode.INVALID_WORK)


def _check_similar(
    campaign: Campaign, unit: Unit, title: str, exclude_pk: int | None, confirmed: bool
) -> None:
    """Refuse a copy of the issuer's own works where the unit's rule forbids it (KH 128
    II.2: "không trùng với công trình, dự án của tỉnh"); ask to confirm other look-alikes."""
    matches = similar_titles(campaign, title, exclude_pk=exclude_pk)
    _refuse_similar(matches, rule_for(campaign, unit), confirmed)


def _refuse_similar(
    matches: list[tuple[float, str, str, int | None]],
    rule: RegistrationRule | None,
    confirmed: bool,
) -> None:
    forbid_copies = rule is None or rule.no_duplicate_of_campaign_works
    for score, other, source, _pk in matches:
        if forbid_copies and source == "province" and score >= PROVINCE_DUPLICATE:
            raise DomainError(
                _("Trùng với công trình của tỉnh “%(title)s”: KH yêu cầu không đăng ký trùng.")
                % {"title": other},
                code=ErrorCode.DUPLICATE_PROVINCE_WORK,
            )
    close = [m for m in matches if m[0] >= SIMILAR_WARNING]
    if close and not confirmed:
        raise SimilarWorks(close)


def _deadline(phase: Phase | None) -> dt.date | None:
    return phase.last_day if phase is not None else None


def _apply(work: Work, data: WorkData) -> None:
    for name in (
        "kind",
        "title",
        "description",
        "content_area",
        "place",
        "latitude",
        "longitude",
        "budget",
        "budget_source",
        "planned_start",
        "planned_finish",
        "phase",
    ):
        setattr(work, name, getattr(data, name))
    if work.campaign_work_id is None:
        work.deadline = _deadline(data.phase)


@transaction.atomic
def work_create(
    *, actor: Any, campaign: Campaign, unit: Unit, data: WorkData, confirm_similar: bool = False
) -> Work:
    """Register a draft work for ``unit``; only the unit's own officers or head may.

    Refuses a copy of a provincial work (KH 128 II.2: "không trùng với công trình, dự án
    của tỉnh") and asks for confirmation when another unit's work looks alike. Refuses
    planned dates wholly outside the campaign period; dates that only partly fit are
    saved and flagged (``works.timing``: what the unit and the approver are shown).
    """
    probe = Work(unit=unit, approver_unit=unit)
    if not is_work_unit_staff(actor, probe):
        raise NotPermitted(_("Chỉ cán bộ của đơn vị mới đăng ký công trình cho đơn vị."))
    if not unit.path.startswith(campaign.issuer_unit.path):
        raise DomainError(_("Đơn vị không thuộc phạm vi của phong trào này."))
    _check_data(campaign, unit, data)
    check_within_campaign(campaign, data.planned_start, data.planned_finish)
    _check_similar(campaign, unit, data.title, None, confirm_similar)
    work = Work(
        campaign=campaign,
        unit=unit,
        registrant_unit=unit,
        approver_unit=approver_for(campaign, unit),
        created_by=actor,
    )
    _apply(work, data)
    work.save()
    work.targets.set(data.targets)
    work.cooperating_units.set(data.cooperating_units)
    WorkEvent.objects.create(work=work, actor=actor, kind=EventKind.CREATED, to_state=work.state)
    return work


def works_create_many(
    *,
    actor: Any,
    campaign: Campaign,
    unit: Unit,
    rows: list[WorkData],
    confirm_similar: bool = False,
    before_commit: Callable[[list[Work]], None] | None = None,
) -> tuple[list[Work], list[tuple[int | None, DomainError]]]:
    """``work_create`` for every row of a file, all or nothing (the Excel import).

    Each row gets the checks of ``work_create`` in the same order (the unit within the
    campaign, the stated data, the dates, a copy of a provincial work, look-alikes), and
    a row is compared with the rows before it as if they had been saved in turn. Returns
    ``([], refusals)`` — ``(index of the row, error)``, nothing saved — when any row is
    refused (after ``LOOKALIKE_ROWS`` rows with look-alikes, one more refusal of the whole
    file, index None, and the other rows are compared with the provincial works only); otherwise the works, created with their targets and "created" events in a
    few bulk inserts in one transaction (constant queries, issue #16), then
    ``before_commit(works)`` in it (raising there saves none). The look-alike
    check reads the campaign's titles once (``LookAlikes``); a confirmed file is compared
    with the provincial works only, as confirmation only waives the other look-alikes.
    """
    probe = Work(unit=unit, approver_unit=unit)
    if not is_work_unit_staff(actor, probe):
        raise NotPermitted(_("Chỉ cán bộ của đơn vị mới đăng ký công trình cho đơn vị."))
    outside = not unit.path.startswith(campaign.issuer_unit.path)
    rule = rule_for(campaign, unit)
    alikes = LookAlikes(campaign, with_works=not confirm_similar, floor=SIMILAR_WARNING)
    refusals: list[tuple[int | None, DomainError]] = []
    lookalike_rows = 0
    for index, data in enumerate(rows):
        try:
            if outside:
                raise DomainError(_("Đơn vị không thuộc phạm vi của phong trào này."))
            _check_data(campaign, unit, data, rule)
            check_within_campaign(campaign, data.planned_start, data.planned_finish)
            _refuse_similar(alikes.matches(data.title), rule, confirm_similar)
        except SimilarWorks as exc:
            refusals.append((index, exc))
            lookalike_rows += 1
            if lookalike_rows == LOOKALIKE_ROWS and index < len(rows) - 1:
                alikes.stop_works()
                message = _(
                    "Đã liệt kê %(n)s dòng có tên gần giống công trình đã đăng ký; các dòng "
                    "sau chưa được so sánh. Hãy kiểm tra tệp rồi xác nhận không trùng."
                ) % {"n": LOOKALIKE_ROWS}
                refusals.append((None, DomainError(message, code=SimilarWorks.code)))
        except DomainError as exc:
            refusals.append((index, exc))
        else:
            alikes.add(data.title, unit.name, None)
    if refusals:
        return [], refusals
    approver = approver_for(campaign, unit)
    works = []
    for data in rows:
        work = Work(
            campaign=campaign,
            unit=unit,
            registrant_unit=unit,
            approver_unit=approver,
            created_by=actor,
        )
        _apply(work, data)
        work.title = nfc(work.title)
        work.search_text = fold(work.title)  # what Work.save does; bulk_create skips it
        works.append(work)
    with transaction.atomic():
        Work.objects.bulk_create(works, batch_size=500)
        targets = Work.targets.through
        targets.objects.bulk_create(
            [
                targets(work_id=work.pk, target_id=target.pk)
                for work, data in zip(works, rows, strict=True)
                for target in {t.pk: t for t in data.targets}.values()
            ],
            batch_size=1000,
        )
        helpers = Work.cooperating_units.through
        helpers.objects.bulk_create(
            [
                helpers(work_id=work.pk, unit_id=helper.pk)
                for work, data in zip(works, rows, strict=True)
                for helper in {u.pk: u for u in data.cooperating_units}.values()
            ],
            batch_size=1000,
        )
        WorkEvent.objects.bulk_create(
            [
                WorkEvent(work=work, actor=actor, kind=EventKind.CREATED, to_state=work.state)
                for work in works
            ],
            batch_size=1000,
        )
        if before_commit is not None:
            before_commit(works)
    return works, []


@transaction.atomic
def campaign_work_register(*, actor: Any, campaign_work: CampaignWork, data: WorkData) -> Work:
    """Register one of the issuing level's own works (KH 128 II.2.a) as a work of the
    issuer, under the plan's title, with the plan's deadline (the end of the stated month).

    The no-duplicate check does not apply: this *is* the provincial work. Each campaign
    work is registered once; the issuer's staff or the secretariat covering it may.
    """
    campaign = campaign_work.campaign
    issuer = campaign.issuer_unit
    probe = Work(unit=issuer, approver_unit=issuer, campaign=campaign)
    if not (is_work_unit_staff(actor, probe) or is_work_approver(actor, probe)):
        raise NotPermitted()
    if Work.objects.filter(campaign_work=campaign_work).exists():
        raise DomainError(
            _("Công trình này của tỉnh đã được đăng ký."), code=ErrorCode.ALREADY_REGISTERED
        )
    data.title = campaign_work.title
    data.kind = campaign_work.kind
    data.content_area = data.content_area or campaign_work.content_area
    _check_data(campaign, issuer, data)
    check_within_campaign(campaign, data.planned_start, data.planned_finish)
    work = Work(
        campaign=campaign,
        unit=issuer,
        registrant_unit=issuer,
        approver_unit=issuer,
        created_by=actor,
        campaign_work=campaign_work,
    )
    _apply(work, data)
    work.deadline = (
        PartialDate.from_parts(campaign_work.deadline, campaign_work.deadline_precision).last_day()
        if campaign_work.deadline
        else None
    )
    work.save()
    work.targets.set(data.targets)
    work.cooperating_units.set(data.cooperating_units)
    WorkEvent.objects.create(
        work=work,
        actor=actor,
        kind=EventKind.CREATED,
        to_state=work.state,
        payload={"campaign_work": campaign_work.code},
    )
    return work


@transaction.atomic
def work_update(*, actor: Any, work: Work, data: WorkData, confirm_similar: bool = False) -> Work:
    """Edit a draft or returned work. After approval, only a change request may.
    The dates are checked against the campaign period as at registration."""
    locked = Work.objects.select_for_update().get(pk=work.pk)
    if not is_work_unit_staff(actor, locked):
        raise NotPermitted()
    if locked.state not in EDITABLE_STATES:
        raise DomainError(
            _("Công trình đã gửi hoặc đã duyệt: hãy gửi đề nghị điều chỉnh."),
            code=ErrorCode.NOT_EDITABLE,
        )
    _check_data(locked.campaign, locked.unit, data)
    check_within_campaign(locked.campaign, data.planned_start, data.planned_finish)
    _check_similar(locked.campaign, locked.unit, data.title, locked.pk, confirm_similar)
    _apply(locked, data)
    locked.save()
    locked.targets.set(data.targets)
    locked.cooperating_units.set(data.cooperating_units)
    WorkEvent.objects.create(work=locked, actor=actor, kind=EventKind.EDITED)
    return locked


def can_register_for(user: Any, unit: Unit) -> bool:
    """Whether ``user`` may register works for ``unit`` (its officers or head)."""
    reach = reach_of(user)
    return reach.is_admin or any(
        unit.pk in reach.roles.get(role, frozenset())
        for role in (Role.UNIT_OFFICER, Role.UNIT_HEAD)
    )
