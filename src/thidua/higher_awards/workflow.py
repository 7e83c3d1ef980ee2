"""Writes of proposals to higher levels: drafting, entries, the posting window (R15),
comments and their answers, the council's review, the Ban Thường vụ's opinion, sending.

Every state change goes through the workflow engine (``thidua.core.workflow``) with the
table of ``higher_awards.transitions``; every other write appends its own event too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import IO, Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.awards.models import AwardForm, Nominee
from thidua.core.errors import DomainError, NotPermitted
from thidua.core.text import nfc
from thidua.core.uploads import check_evidence
from thidua.core.workflow import Workflow, event_writer, refusal_saying
from thidua.higher_awards.central import btv_opinion_required, central_codes
from thidua.higher_awards.codes import ErrorCode, EventKind
from thidua.higher_awards.models import (
    Objection,
    Proposal,
    ProposalEntry,
    ProposalEvent,
    ProposalState,
)
from thidua.higher_awards.posting import check_meeting, window_closes_on
from thidua.higher_awards.rules import is_proposal_secretariat, may_act, may_prepare_for
from thidua.higher_awards.transitions import EDITABLE_STATES, TRANSITIONS, Action
from thidua.organisations.models import Unit


def _d(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def _event(
    proposal: Proposal, actor: Any, kind: EventKind, payload: dict[str, Any] | None = None
) -> None:
    ProposalEvent.objects.create(proposal=proposal, actor=actor, kind=kind, payload=payload or {})


def _not_future(day: dt.date, what: str) -> None:
    if day > timezone.localdate():
        raise DomainError(
            _("%(what)s (%(day)s) chưa đến: không ghi được ngày trong tương lai.")
            % {"what": what, "day": _d(day)},
            code=ErrorCode.BAD_DATE,
        )


def _locked(actor: Any, pk: int, *, states: frozenset[str] | None = None) -> Proposal:
    locked = Proposal.objects.select_for_update(of=("self",)).select_related("province")
    proposal = locked.get(pk=pk)
    if not is_proposal_secretariat(actor, proposal):
        raise NotPermitted()
    if states is not None and proposal.state not in states:
        raise DomainError(
            _("Không thể sửa khi tờ trình đang “%(state)s”.")
            % {"state": proposal.get_state_display()},
            code=ErrorCode.NOT_EDITABLE,
        )
    return proposal


def proposal_create(
    *,
    actor: Any,
    province: Unit,
    year: int,
    title: str = "",
    posting_channel: str = "",
    comment_contact: str = "",
    signer_name: str = "",
) -> Proposal:
    """Draft the province's tờ trình of central awards for ``year`` (its Ban TĐKT)."""
    if not may_prepare_for(actor, province):
        raise NotPermitted()
    if not 2000 <= year <= timezone.localdate().year:
        raise DomainError(_("Năm thành tích không hợp lệ."), code=ErrorCode.BAD_DATE)
    text = nfc(title) or _(
        "Đề nghị khen thưởng cấp Nhà nước cho tập thể, cá nhân có thành tích năm %(year)s"
    ) % {"year": year}
    with transaction.atomic():
        proposal = Proposal.objects.create(
            province=province,
            year=year,
            title=text,
            posting_channel=nfc(posting_channel),
            comment_contact=nfc(comment_contact),
            signer_name=nfc(signer_name),
            created_by=actor,
        )
        _event(proposal, actor, EventKind.CREATE, {"year": year})
    return proposal


def entry_add(
    *,
    actor: Any,
    proposal: Proposal,
    nominee: Nominee,
    form: AwardForm,
    achievement: str,
    btv_managed: bool = False,
) -> ProposalEntry:
    """Add a nominee of the province for a central form to a draft proposal."""
    if form.code not in central_codes():
        raise DomainError(
            _("“%(form)s” không phải hình thức khen thưởng cấp Nhà nước.") % {"form": form.name},
            code=ErrorCode.NOT_CENTRAL,
        )
    if not nfc(achievement):
        raise DomainError(_("Hãy ghi tóm tắt thành tích."), code=ErrorCode.REQUIRED)
    with transaction.atomic():
        locked = _locked(actor, proposal.pk, states=EDITABLE_STATES)
        unit = nominee.unit
        if unit is None or not str(unit.path).startswith(str(locked.province.path)):
            raise NotPermitted(_("Đối tượng không thuộc tỉnh của tờ trình."))
        if nominee.kind not in form.subject_kinds:
            raise DomainError(
                _("“%(form)s” không tặng cho đối tượng loại này.") % {"form": form.name},
                code=ErrorCode.REQUIRED,
            )
        if ProposalEntry.objects.filter(proposal=locked, nominee=nominee, form=form).exists():
            raise DomainError(
                _("%(name)s đã có trong tờ trình với hình thức này.") % {"name": nominee.name},
                code=ErrorCode.DUPLICATE,
            )
        position = (locked.entries.aggregate(m=Max("position"))["m"] or 0) + 1
        entry = ProposalEntry.objects.create(
            proposal=locked,
            nominee=nominee,
            form=form,
            achievement=nfc(achievement),
            btv_managed=btv_managed,
            position=position,
        )
        _event(locked, actor, EventKind.ENTRY_ADD, {"entry": entry.pk, "form": form.code})
    return entry


def entry_remove(*, actor: Any, entry: ProposalEntry) -> None:
    """Remove an entry from a draft proposal."""
    with transaction.atomic():
        locked = _locked(actor, entry.proposal_id, states=EDITABLE_STATES)
        _event(
            locked, actor, EventKind.ENTRY_REMOVE, {"entry": entry.pk, "nominee": entry.nominee_id}
        )
        entry.delete()


def entry_attach_report(
    *, actor: Any, entry: ProposalEntry, stream: IO[bytes], name: str, size: int
) -> ProposalEntry:
    """Attach the entry's báo cáo thành tích (PDF, DOCX …, checked by content)."""
    checked = check_evidence(stream, name=name, size=size)
    with transaction.atomic():
        locked = _locked(actor, entry.proposal_id, states=frozenset({"draft", "posted"}))
        stream.seek(0)
        row = ProposalEntry.objects.select_for_update().get(pk=entry.pk, proposal=locked)
        row.report.save(f"{checked.sha256}", ContentFile(stream.read()), save=False)
        row.report_name = name[:255]
        row.save(update_fields=["report", "report_name"])
        _event(locked, actor, EventKind.REPORT, {"entry": row.pk, "report": checked.sha256})
    return row


def action_label(action: Action) -> str:
    labels = {
        Action.POST: _("công khai danh sách"),
        Action.REVIEW: _("ghi kết quả Hội đồng xét"),
        Action.SEND: _("gửi cấp trên"),
    }
    return str(labels[action])


WORKFLOW: Workflow[Proposal] = Workflow(
    model=Proposal,
    states=ProposalState,
    transitions=TRANSITIONS,
    may_act=may_act,
    record=event_writer(ProposalEvent, "proposal"),
    refusal=refusal_saying(
        gettext_lazy("Không thể “%(action)s” khi tờ trình đang “%(state)s”."), action_label
    ),
    related=("province",),
)


def proposal_post(
    *, actor: Any, proposal: Proposal, posted_on: dt.date, channel: str = ""
) -> Proposal:
    """Post the shortlist publicly from ``posted_on`` (R15); the window's last day is
    counted in working days from the data in force that day."""
    _not_future(posted_on, _("Ngày công khai"))

    def check(p: Proposal) -> None:
        if not p.entries.exists():
            raise DomainError(_("Tờ trình chưa có đối tượng nào."), code=ErrorCode.EMPTY)
        if not (nfc(channel) or p.posting_channel):
            raise DomainError(
                _("Hãy ghi nơi công khai danh sách (cổng thông tin, báo, đài)."),
                code=ErrorCode.REQUIRED,
                field="channel",
            )

    def apply(p: Proposal) -> dict[str, Any]:
        p.posted_on = posted_on
        p.window_closes_on = window_closes_on(posted_on)
        if nfc(channel):
            p.posting_channel = nfc(channel)
        return {"posted_on": posted_on.isoformat(), "closes_on": p.window_closes_on.isoformat()}

    return WORKFLOW.run(proposal, actor=actor, action=Action.POST, check=check, apply=apply)


def objection_record(
    *,
    actor: Any,
    proposal: Proposal,
    received_on: dt.date,
    channel: str,
    author: str,
    content: str,
    entry: ProposalEntry | None = None,
) -> Objection:
    """Record a comment or objection received by any channel while the list is posted."""
    _not_future(received_on, _("Ngày nhận"))
    if not nfc(author) or not nfc(content):
        raise DomainError(_("Hãy ghi người gửi và nội dung."), code=ErrorCode.REQUIRED)
    with transaction.atomic():
        locked = _locked(actor, proposal.pk, states=frozenset({ProposalState.POSTED}))
        assert locked.posted_on is not None
        if received_on < locked.posted_on:
            raise DomainError(
                _("Ngày nhận trước ngày công khai (%(day)s).") % {"day": _d(locked.posted_on)},
                code=ErrorCode.BAD_DATE,
            )
        if entry is not None and entry.proposal_id != locked.pk:
            raise DomainError(_("Đối tượng không thuộc tờ trình này."), code=ErrorCode.REQUIRED)
        objection = Objection.objects.create(
            proposal=locked,
            entry=entry,
            received_on=received_on,
            channel=channel,
            author=nfc(author)[:255],
            content=nfc(content),
            recorded_by=actor,
        )
        _event(locked, actor, EventKind.OBJECTION, {"objection": objection.pk})
    return objection


def objection_answer(
    *, actor: Any, objection: Objection, answer: str, answered_on: dt.date
) -> Objection:
    """Answer a comment before the council meets (its answer goes to the council's record)."""
    _not_future(answered_on, _("Ngày trả lời"))
    if not nfc(answer):
        raise DomainError(_("Hãy ghi nội dung trả lời."), code=ErrorCode.REQUIRED)
    with transaction.atomic():
        locked = _locked(actor, objection.proposal_id, states=frozenset({ProposalState.POSTED}))
        row = Objection.objects.select_for_update().get(pk=objection.pk, proposal=locked)
        if answered_on < row.received_on:
            raise DomainError(_("Ngày trả lời trước ngày nhận."), code=ErrorCode.BAD_DATE)
        row.answer, row.answered_on, row.answered_by = nfc(answer), answered_on, actor
        row.save(update_fields=["answer", "answered_on", "answered_by"])
        _event(locked, actor, EventKind.ANSWER, {"objection": row.pk})
    return row


def _check_votes(p: Proposal, votes: Mapping[int, tuple[int, int]]) -> None:
    ids = set(p.entries.values_list("pk", flat=True))
    for pk, (yes, members) in votes.items():
        if pk not in ids or members <= 0 or not 0 <= yes <= members:
            raise DomainError(
                _("Kết quả bỏ phiếu không hợp lệ: số phiếu đồng ý từ 0 đến tổng số thành viên."),
                code=ErrorCode.BAD_VOTE,
            )


def proposal_review(
    *,
    actor: Any,
    proposal: Proposal,
    meeting_on: dt.date,
    record: str,
    votes: Mapping[int, tuple[int, int]] | None = None,
) -> Proposal:
    """Record the provincial council's review. Refused while the posting window is open
    (R15: ≥ the window's working days before the meeting) or while a comment is
    unanswered; the answered comments are listed in the council's record."""
    _not_future(meeting_on, _("Ngày họp Hội đồng"))
    if not nfc(record):
        raise DomainError(
            _("Hãy ghi số, ngày biên bản họp Hội đồng."), code=ErrorCode.REQUIRED, field="record"
        )
    given = dict(votes or {})

    def check(p: Proposal) -> None:
        assert p.posted_on is not None
        result = check_meeting(p.posted_on, meeting_on)
        if not result.ok:
            raise DomainError(
                _(
                    "Danh sách mới công khai %(full)s ngày làm việc trước ngày họp %(meeting)s; "
                    "cần ít nhất %(required)s ngày làm việc (%(basis)s). Hội đồng họp được từ "
                    "ngày %(earliest)s."
                )
                % {
                    "full": result.full_days,
                    "meeting": _d(meeting_on),
                    "required": result.required,
                    "basis": result.window.basis,
                    "earliest": _d(result.earliest_meeting),
                },
                code=ErrorCode.WINDOW_OPEN,
                field="meeting_on",
            )
        late = p.objections.filter(answered_on__isnull=True).count()
        late += p.objections.filter(answered_on__gt=meeting_on).count()
        if late:
            raise DomainError(
                _("Còn %(n)s ý kiến chưa được trả lời trước ngày họp Hội đồng.") % {"n": late},
                code=ErrorCode.UNANSWERED,
            )
        _check_votes(p, given)

    def apply(p: Proposal) -> dict[str, Any]:
        p.council_meeting_on = meeting_on
        p.council_record = nfc(record)
        for pk, (yes, members) in given.items():
            ProposalEntry.objects.filter(pk=pk, proposal=p).update(
                vote_yes=yes, vote_members=members
            )
        return {
            "meeting_on": meeting_on.isoformat(),
            "objections": list(p.objections.values_list("pk", flat=True)),
            "votes": {str(k): list(v) for k, v in given.items()},
        }

    return WORKFLOW.run(proposal, actor=actor, action=Action.REVIEW, check=check, apply=apply)


def btv_opinion_record(
    *, actor: Any, entry: ProposalEntry, opinion: str, reference: str, opinion_on: dt.date
) -> ProposalEntry:
    """Record the Ban Thường vụ Tỉnh ủy's written opinion on an entry (before sending)."""
    _not_future(opinion_on, _("Ngày có ý kiến"))
    if not nfc(opinion) or not nfc(reference):
        raise DomainError(
            _("Hãy ghi ý kiến và số văn bản của Ban Thường vụ."), code=ErrorCode.REQUIRED
        )
    with transaction.atomic():
        locked = _locked(
            actor,
            entry.proposal_id,
            states=frozenset({ProposalState.POSTED, ProposalState.REVIEWED}),
        )
        row = ProposalEntry.objects.select_for_update().get(pk=entry.pk, proposal=locked)
        row.btv_opinion, row.btv_reference = nfc(opinion), nfc(reference)[:255]
        row.btv_opinion_on = opinion_on
        row.save(update_fields=["btv_opinion", "btv_reference", "btv_opinion_on"])
        _event(locked, actor, EventKind.BTV_OPINION, {"entry": row.pk})
    return row


def missing_btv_opinions(proposal: Proposal) -> list[ProposalEntry]:
    """Entries that need the Ban Thường vụ's opinion and have none yet."""
    entries = proposal.entries.select_related("nominee", "form")
    return [
        e
        for e in entries
        if btv_opinion_required(e.form.code, btv_managed=e.btv_managed) and not e.btv_opinion
    ]


def proposal_send(
    *, actor: Any, proposal: Proposal, sent_on: dt.date, reference: str, number: str = ""
) -> Proposal:
    """Send the dossier upward (after the council; every required opinion recorded)."""
    _not_future(sent_on, _("Ngày gửi"))
    if not nfc(reference) and not nfc(number):
        raise DomainError(_("Hãy ghi số tờ trình hoặc văn bản gửi."), code=ErrorCode.REQUIRED)

    def check(p: Proposal) -> None:
        missing = missing_btv_opinions(p)
        if missing:
            raise DomainError(
                _("Chưa có ý kiến của Ban Thường vụ Tỉnh ủy cho: %(names)s.")
                % {"names": ", ".join(e.nominee.name for e in missing)},
                code=ErrorCode.BTV_MISSING,
            )
        if p.council_meeting_on and sent_on < p.council_meeting_on:
            raise DomainError(
                _("Ngày gửi trước ngày họp Hội đồng (%(day)s).")
                % {"day": date_format(p.council_meeting_on, "d/m/Y")},
                code=ErrorCode.BAD_DATE,
            )

    def apply(p: Proposal) -> dict[str, Any]:
        p.sent_on = sent_on
        p.sent_reference = nfc(reference)
        if nfc(number):
            p.number = nfc(number)
        return {"sent_on": sent_on.isoformat()}

    return WORKFLOW.run(proposal, actor=actor, action=Action.SEND, check=check, apply=apply)
