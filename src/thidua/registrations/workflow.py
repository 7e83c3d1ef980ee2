"""Writes of registrations: opening a unit's registration for a year, its entries (one
title for a collective or a person of the unit), and the workflow submit → accept /
return. The province's settings for a year (deadline, warn or block) are written here too.

Every state change goes through the workflow engine (``thidua.core.workflow``) with the
table of ``registrations.transitions``; no other code assigns ``Registration.state``.
Every other write appends its own event (events are append-only).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.awards.models import AwardForm, AwardFormKind, Nominee, SubjectKind
from thidua.awards.nominees import NomineeData, nominee_find_or_create
from thidua.core.errors import DomainError, NotPermitted
from thidua.core.event_time import event_now
from thidua.core.text import nfc
from thidua.core.workflow import Workflow, event_writer, refusal_saying
from thidua.organisations.models import Unit
from thidua.registrations.codes import ErrorCode, EventKind
from thidua.registrations.models import (
    Registration,
    RegistrationEntry,
    RegistrationEvent,
    RegistrationSetting,
    RegistrationState,
)
from thidua.registrations.rules import is_receiving_secretariat, may_act, may_prepare
from thidua.registrations.transitions import EDITABLE_STATES, TRANSITIONS, Action

MIN_YEAR, MAX_YEAR = 2000, 2100


@dataclass(frozen=True)
class EntryData:
    """One registered title: who (a collective of the unit or one of its people) and which
    title. ``name`` of a collective defaults to the unit's name."""

    kind: str
    form: AwardForm
    name: str = ""
    gender: str = ""
    birth_year: int | None = None
    position: str = ""
    note: str = ""


def _event(
    registration: Registration, actor: Any, kind: EventKind, payload: dict[str, Any] | None = None
) -> None:
    RegistrationEvent.objects.create(
        registration=registration, actor=actor, kind=kind, payload=payload or {}
    )


def registration_open(*, actor: Any, unit: Unit, year: int) -> Registration:
    """The unit's registration for ``year``, created as a draft when there is none yet
    (its officers or head may)."""
    if not may_prepare(actor, unit):
        raise NotPermitted()
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DomainError(_("Năm đăng ký không hợp lệ."), code=ErrorCode.BAD_YEAR)
    existing = Registration.objects.filter(unit=unit, year=year).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            registration = Registration.objects.create(unit=unit, year=year, created_by=actor)
            _event(registration, actor, EventKind.CREATE, {"year": year})
    except IntegrityError:  # opened at the same moment by a colleague
        return Registration.objects.get(unit=unit, year=year)
    return registration


def _locked_editable(actor: Any, pk: int) -> Registration:
    """The registration under a row lock, if it is editable and ``actor`` prepares it."""
    locked = Registration.objects.select_for_update(of=("self",)).select_related("unit").get(pk=pk)
    if not may_prepare(actor, locked.unit):
        raise NotPermitted()
    if locked.state not in EDITABLE_STATES:
        raise DomainError(
            _("Bản đăng ký đã gửi; chỉ sửa được khi đang soạn hoặc bị trả lại."),
            code=ErrorCode.NOT_EDITABLE,
        )
    return locked


def check_entry(data: EntryData) -> None:
    """Refuse an entry whose title is not a title for that kind of subject."""
    if data.kind not in (SubjectKind.INDIVIDUAL, SubjectKind.COLLECTIVE):
        raise DomainError(_("Hãy chọn cá nhân hoặc tập thể."), code=ErrorCode.REQUIRED)
    if data.form.kind != AwardFormKind.TITLE or data.kind not in data.form.subject_kinds:
        raise DomainError(
            _("“%(form)s” không phải danh hiệu thi đua dành cho %(kind)s.")
            % {"form": data.form.name, "kind": SubjectKind(data.kind).label.lower()},
            code=ErrorCode.BAD_FORM,
        )
    if data.kind == SubjectKind.INDIVIDUAL and not nfc(data.name):
        raise DomainError(_("Hãy ghi họ tên người đăng ký."), code=ErrorCode.REQUIRED)


def _nominee_for(actor: Any, unit: Unit, data: EntryData) -> Nominee:
    name = nfc(data.name) or unit.name
    nominee, _new = nominee_find_or_create(
        by=actor,
        data=NomineeData(
            kind=data.kind,
            name=name,
            unit=unit,
            gender=data.gender,
            birth_year=data.birth_year,
            position=nfc(data.position),
        ),
    )
    return nominee


def add_entries(actor: Any, registration: Registration, entries: list[EntryData]) -> int:
    """Add ``entries`` to a locked, editable registration (inside the caller's
    transaction); an entry already there is refused. Returns how many were added."""
    for data in entries:
        check_entry(data)
        nominee = _nominee_for(actor, registration.unit, data)
        if RegistrationEntry.objects.filter(
            registration=registration, nominee=nominee, form=data.form
        ).exists():
            raise DomainError(
                _("%(name)s đã đăng ký “%(form)s”.") % {"name": nominee.name, "form": data.form},
                code=ErrorCode.DUPLICATE_ENTRY,
            )
        RegistrationEntry.objects.create(
            registration=registration, nominee=nominee, form=data.form, note=nfc(data.note)
        )
    return len(entries)


def entry_add(*, actor: Any, registration: Registration, data: EntryData) -> RegistrationEntry:
    """Add one title (a collective or a person of the unit) to an editable registration;
    the person becomes, or is found as, a nominee of the unit."""
    with transaction.atomic():
        locked = _locked_editable(actor, registration.pk)
        add_entries(actor, locked, [data])
        entry = RegistrationEntry.objects.filter(registration=locked).latest("pk")
        _event(locked, actor, EventKind.ENTRY_ADD, {"entry": entry.pk, "form": data.form.code})
    return entry


def entry_remove(*, actor: Any, entry: RegistrationEntry) -> None:
    """Remove one title from an editable registration (the nominee stays)."""
    with transaction.atomic():
        locked = _locked_editable(actor, entry.registration_id)
        payload = {"entry": entry.pk, "nominee": entry.nominee_id, "form": entry.form.code}
        entry.delete()
        _event(locked, actor, EventKind.ENTRY_REMOVE, payload)


def registration_note(*, actor: Any, registration: Registration, note: str) -> Registration:
    """Change the unit's note on an editable registration."""
    with transaction.atomic():
        locked = _locked_editable(actor, registration.pk)
        locked.note = nfc(note)
        locked.save(update_fields=["note", "updated_at"])
        _event(locked, actor, EventKind.NOTE)
    return locked


def action_label(action: Action) -> str:
    labels = {
        Action.SUBMIT: _("gửi đăng ký"),
        Action.RETURN: _("trả lại"),
        Action.ACCEPT: _("tiếp nhận"),
    }
    return str(labels[action])


WORKFLOW: Workflow[Registration] = Workflow(
    model=Registration,
    states=RegistrationState,
    transitions=TRANSITIONS,
    may_act=may_act,
    record=event_writer(RegistrationEvent, "registration"),
    refusal=refusal_saying(
        gettext_lazy("Không thể “%(action)s” khi bản đăng ký đang “%(state)s”."), action_label
    ),
    related=("unit",),
)


def registration_submit(*, actor: Any, registration: Registration) -> Registration:
    """The unit's head sends the registration to the Ban TĐKT (it needs one title)."""

    def check(r: Registration) -> None:
        if not r.entries.exists():
            raise DomainError(
                _("Bản đăng ký chưa có danh hiệu nào; hãy thêm trước khi gửi."),
                code=ErrorCode.EMPTY,
            )

    def apply(r: Registration) -> dict[str, Any]:
        r.return_reason = ""
        r.submitted_by = actor
        r.submitted_at = event_now()
        return {"entries": r.entries.count()}

    return WORKFLOW.run(registration, actor=actor, action=Action.SUBMIT, check=check, apply=apply)


def registration_return(*, actor: Any, registration: Registration, reason: str) -> Registration:
    """The Ban TĐKT returns a submitted registration with the reason (required)."""
    if not nfc(reason):
        raise DomainError(_("Hãy ghi lý do trả lại."), code=ErrorCode.REASON_REQUIRED)

    def apply(r: Registration) -> None:
        r.return_reason = nfc(reason)

    return WORKFLOW.run(
        registration, actor=actor, action=Action.RETURN, payload={"reason": reason}, apply=apply
    )


def registration_accept(*, actor: Any, registration: Registration) -> Registration:
    """The Ban TĐKT receives a submitted registration into the province's compiled list."""
    return WORKFLOW.run(registration, actor=actor, action=Action.ACCEPT)


def setting_save(
    *, actor: Any, province: Unit, year: int, deadline: dt.date, severity: str, source: str
) -> RegistrationSetting:
    """Record the province's settings for ``year`` (the Ban TĐKT of that province)."""
    probe = Registration(unit=province)
    if not is_receiving_secretariat(actor, probe):
        raise NotPermitted()
    if deadline.year != year:
        raise DomainError(
            _("Hạn đăng ký phải trong năm %(year)s.") % {"year": year}, code=ErrorCode.BAD_YEAR
        )
    row, _created = RegistrationSetting.objects.update_or_create(
        province=province,
        year=year,
        defaults={
            "deadline": deadline,
            "severity": severity,
            "source": nfc(source),
            "updated_by": actor,
        },
    )
    return row
