"""Demo works of KH 128, registered and carried through the real services.

``demo_works_ensure`` gives every screen something real: works of the province, its
districts, communes and departments in every state, dated progress with photos and
minutes of acceptance, returned and cancelled works with their reasons, change requests,
and districts still below their minimum of two works (KH 128 II.2.b). Nothing here
writes a state: every step is a call to ``thidua.works.services`` (the province's own
works through ``campaign_work_register``). The story is told by the tables ``SPECS`` and
``PROVINCE_PLAN`` of ``works.demo_table``; the dates are those of the campaign
(11/2024 – 9/2025), the event timestamps are the moment the demo is loaded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction

from thidua.accounts.models import User
from thidua.campaigns.models import Campaign, ContentArea, Phase
from thidua.core.event_time import events_dated
from thidua.organisations.models import Unit, UnitKind
from thidua.targets.models import Target
from thidua.works.demo_images import minimal_pdf, work_photo
from thidua.works.demo_table import (
    APPROVERS,
    FINISHED,
    NARRATIVES,
    PROVINCE_PLAN,
    SPECS,
    UNIT_USERS,
    Spec,
)
from thidua.works.models import ChangeRequestState, Work, WorkState
from thidua.works.services import (
    WorkData,
    campaign_work_register,
    change_request_create,
    change_request_decide,
    progress_add,
    work_approve,
    work_cancel,
    work_complete,
    work_create,
    work_return,
    work_submit,
)


@dataclass
class _Context:
    """What every step needs, read once: the people, units, areas, targets and phases."""

    campaign: Campaign
    users: dict[str, User]
    units: dict[str, Unit]
    areas: dict[str, ContentArea]
    targets: dict[str, Target]
    phases: list[Phase]
    seed: int = 0  # the number of the work being made: its palette and its rhythm


def _day(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def _load(campaign: Campaign) -> _Context:
    usernames = {"admin", "bantdkt", *UNIT_USERS.values(), *APPROVERS.values(), "thutruong_so"}
    users = {u.username: u for u in User.objects.filter(username__in=usernames)}
    if set(users) != usernames:
        missing = ", ".join(sorted(usernames - set(users)))
        raise ValueError(f"thiếu người dùng mẫu {missing}: hãy chạy demo_users_ensure trước")
    codes = {s.unit for s in SPECS} | {s.place for s in SPECS if s.place}
    codes |= {p["place"] for p in PROVINCE_PLAN.values() if "place" in p}
    codes.add(campaign.issuer_unit.code)
    return _Context(
        campaign=campaign,
        users=users,
        units={u.code: u for u in Unit.objects.filter(code__in=codes)},
        areas={a.code: a for a in campaign.content_areas.all()},
        targets={t.code: t for t in campaign.targets.filter(unit__isnull=True)},
        phases=sorted(campaign.phases.all(), key=lambda p: p.start),
    )


def _phase_for(ctx: _Context, finish: dt.date) -> Phase | None:
    """The phase whose end the work is meant to greet (the last one for later works)."""
    for phase in ctx.phases:
        if finish <= phase.last_day:
            return phase
    return ctx.phases[-1] if ctx.phases else None


def _actor(ctx: _Context, unit_code: str) -> User:
    return ctx.users[UNIT_USERS.get(unit_code, "admin")]


def _approver(ctx: _Context, work: Work) -> User:
    return ctx.users[APPROVERS.get(work.approver_unit.code, "admin")]


def _data(ctx: _Context, spec: Spec) -> WorkData:
    unit = ctx.units[spec.unit]
    place = ctx.units.get(spec.place or "") or (unit if unit.kind == UnitKind.COMMUNE else None)
    finish = _day(spec.finish)
    return WorkData(
        kind=spec.kind,
        title=spec.title,
        planned_start=_day(spec.start),
        planned_finish=finish,
        description=spec.description,
        content_area=ctx.areas.get(spec.area),
        place=place,
        budget=Decimal(spec.budget) if spec.budget else None,
        budget_source=spec.source,
        phase=_phase_for(ctx, finish),
        targets=[ctx.targets[c] for c in spec.targets.split() if c in ctx.targets],
    )


def _report_days(spec: Spec, count: int) -> list[dt.date]:
    """``count`` dates from soon after the start to the last report (or the finish)."""
    start = _day(spec.start)
    last = _day(spec.done) if spec.done else _day(spec.last_report or spec.finish)
    first = start + dt.timedelta(days=max(7, (last - start).days // (count + 1)))
    if count == 1 or first >= last:
        return [last]
    step = (last - first) / (count - 1)
    return [first + step * i for i in range(count)]


def _files(ctx: _Context, spec: Spec, index: int, percent: int, final: bool) -> list[ContentFile]:
    files: list[ContentFile] = []
    if spec.scene != "task" and (final or (ctx.seed + index) % 2 == 0):
        for n in range(2 if final or percent >= 60 else 1):
            photo = work_photo(
                ctx.seed, scene=spec.scene, progress=min(1.0, percent / 100 + n * 0.05)
            )
            files.append(ContentFile(photo, name=f"anh-hien-truong-{index + 1}-{n + 1}.png"))
    if final and spec.done:
        lines = [
            "BIEN BAN NGHIEM THU HOAN THANH",
            f"Cong trinh so {ctx.seed} - Ke hoach 128/KH-UBND",
            f"Ngay hoan thanh: {_day(spec.done).strftime('%d/%m/%Y')}",
            "Ket luan: dat yeu cau, dua vao su dung.",
        ]
        files.append(ContentFile(minimal_pdf(lines), name="bien-ban-nghiem-thu.pdf"))
    return files


def _progress(ctx: _Context, spec: Spec, work: Work) -> Work:
    """Report rising progress on dated days, with photos and, at the end, the minutes."""
    days = _report_days(spec, 2 + ctx.seed % 4)
    count = len(days)
    goal = 100 if spec.done else spec.percent
    texts = NARRATIVES.get(spec.scene, NARRATIVES["building"])
    for index, on in enumerate(days):
        percent = goal if index == count - 1 else max(5, round(goal * (index + 1) / count) - 3)
        final = bool(spec.done) and index == count - 1
        text = (
            FINISHED["task" if spec.scene == "task" else "default"]
            if final
            else texts[min(len(texts) - 1, percent * len(texts) // 100)]
        )
        files = _files(ctx, spec, index, percent, final)
        with events_dated(on):
            progress_add(
                actor=_actor(ctx, spec.unit),
                work=work,
                on=on,
                percent=percent,
                narrative=text,
                files=files,
            )
        work.refresh_from_db()
    return work


def _change(ctx: _Context, spec: Spec, work: Work) -> None:
    """A change request on an approved work: accepted, rejected, or left pending."""
    if not spec.change:
        return
    if spec.change == "pending":
        raised = (Decimal(spec.budget or 0) * Decimal("1.15")).quantize(Decimal("0.1"))
        changes: dict[str, Any] = {"budget": str(raised)}
        reason = "Bổ sung hạng mục thiết bị theo yêu cầu thực tế; xin điều chỉnh tăng kinh phí."
    else:
        later = _day(spec.finish) + dt.timedelta(days=62)
        changes = {"planned_finish": later.isoformat()}
        reason = "Mưa lớn kéo dài làm chậm thi công; xin gia hạn thời gian hoàn thành."
    asked = _report_days(spec, 1)[-1] + dt.timedelta(days=1)
    with events_dated(asked):
        request = change_request_create(
            actor=_actor(ctx, spec.unit), work=work, changes=changes, reason=reason
        )
    if spec.change in {ChangeRequestState.ACCEPTED, ChangeRequestState.REJECTED}:
        accept = spec.change == ChangeRequestState.ACCEPTED
        note = (
            "Đồng ý gia hạn." if accept else "Đề nghị tăng cường nhân lực, giữ tiến độ đã đăng ký."
        )
        with events_dated(asked + dt.timedelta(days=4)):
            change_request_decide(
                actor=_approver(ctx, work), request=request, accept=accept, note=note
            )
    work.refresh_from_db()


def _registered(ctx: _Context, spec: Spec) -> dt.date:
    """The story's day a work was registered: three weeks before its start, within the
    registration the plan opened (after the plan's date, by the demo's deadline)."""
    opened = ctx.campaign.doc_date + dt.timedelta(days=7 + ctx.seed % 20)
    before = _day(spec.start) - dt.timedelta(days=21)
    deadline = ctx.campaign.registration_deadline or before
    return max(opened, min(before, deadline))


def _carry(ctx: _Context, spec: Spec, work: Work) -> Work:
    """Take a created work along its story through the workflow services.

    Each step's event carries the day of the story (``core.event_time.events_dated``).
    """
    registered = _registered(ctx, spec)

    def on(days: int) -> Any:
        return events_dated(registered + dt.timedelta(days=days))

    unit_actor = _actor(ctx, spec.unit)
    if spec.unit == "TV-SYT" and spec.fate == WorkState.SUBMITTED:
        unit_actor = ctx.users["thutruong_so"]  # the head sends it himself
    if spec.fate == WorkState.DRAFT:
        return work
    if spec.fate == WorkState.CANCELLED and not spec.percent:
        with on(3):
            return work_cancel(actor=unit_actor, work=work, reason=spec.note)
    with on(1):
        work = work_submit(actor=unit_actor, work=work)
    approver = _approver(ctx, work)
    if spec.returned_first or spec.fate == WorkState.RETURNED:
        reason, _sep, fix = (spec.returned_first or spec.note).partition("|")
        with on(4):
            work = work_return(actor=approver, work=work, reason=reason, what_to_fix=fix)
        if spec.fate == WorkState.RETURNED:
            return work
        with on(6):
            work = work_submit(actor=unit_actor, work=work)
    if spec.fate == WorkState.SUBMITTED:
        return work
    with on(8):
        note = "Đồng ý, đề nghị triển khai đúng tiến độ."
        work = work_approve(actor=approver, work=work, note=note)
    if spec.fate == WorkState.APPROVED:
        return work
    work = _progress(ctx, spec, work)
    if spec.fate == WorkState.CANCELLED:
        with events_dated(_report_days(spec, 1)[-1] + dt.timedelta(days=10)):
            return work_cancel(actor=approver, work=work, reason=spec.note)
    _change(ctx, spec, work)
    if spec.fate == WorkState.COMPLETED:
        with events_dated(_day(spec.done) + dt.timedelta(days=7)):
            work = work_complete(actor=unit_actor, work=work, actual_finish=_day(spec.done))
    return work


def _province_works(ctx: _Context) -> int:
    province = ctx.campaign.issuer_unit
    created = 0
    for cw in ctx.campaign.campaign_works.order_by("position"):
        plan = PROVINCE_PLAN.get(cw.code)
        if plan is None:
            continue
        ctx.seed += 1
        spec = Spec(province.code, cw.title, cw.kind, "", **plan)
        data = _data(ctx, spec)
        with events_dated(_registered(ctx, spec)):
            work = campaign_work_register(actor=ctx.users["admin"], campaign_work=cw, data=data)
        _carry(ctx, spec, work)
        created += 1
    return created


def demo_works_ensure(campaign: Campaign) -> int:
    """Register and carry the demo works of ``campaign``; return how many were created.

    Idempotent: a campaign that already has works is left as it is (returns 0). Needs
    the Trà Vinh units, the KH 128 campaign and the demo users
    (``thidua.desk.demo_users.demo_users_ensure``). Evidence files go to ``MEDIA_ROOT``.
    """
    if campaign.works.exists():
        return 0
    ctx = _load(campaign)
    with transaction.atomic():
        created = _province_works(ctx)
        for spec in SPECS:
            if spec.unit not in ctx.units:
                continue
            ctx.seed += 1
            with events_dated(_registered(ctx, spec)):
                work = work_create(
                    actor=_actor(ctx, spec.unit),
                    campaign=campaign,
                    unit=ctx.units[spec.unit],
                    data=_data(ctx, spec),
                    confirm_similar=True,  # look-alike titles of other communes are intended
                )
            _carry(ctx, spec, work)
            created += 1
    return created
