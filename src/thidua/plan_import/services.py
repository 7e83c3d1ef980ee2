"""Writes of plan import: create a draft from an uploaded plan, decide on its fields,
confirm it into a campaign, discard it.

Every change of a draft (its status and its review decisions) goes through the workflow
engine (``thidua.core.workflow``) with the table of ``plan_import.transitions``; no other
code assigns ``ImportDraft.status``.
Confirming loads the campaign through ``campaign_load_bytes``, the same validation and
all-or-nothing load as ``python -m thidua campaign load`` (docs/campaign-file.md).
"""

from __future__ import annotations

import hashlib
import re
import time
from typing import Any

import yaml
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.accounts.models import Role
from thidua.accounts.selectors import reach_of
from thidua.campaigns.files.errors import CampaignFileInvalid, FileError
from thidua.campaigns.models import Campaign
from thidua.campaigns.services import campaign_load_bytes
from thidua.core.errors import DomainError, NotPermitted
from thidua.core.text import nfc
from thidua.core.tree import path_ids
from thidua.core.workflow import Workflow, event_writer, refusal_saying
from thidua.plan_import import fields as f
from thidua.plan_import.codes import ErrorCode, EventKind
from thidua.plan_import.models import DraftStatus, ImportDraft, ImportDraftEvent, ReviewState
from thidua.plan_import.paths import get_path
from thidua.plan_import.rules import can_import_plan, can_review_draft
from thidua.plan_import.suggest import suggestions_for
from thidua.plan_import.transitions import TRANSITIONS, Action
from thidua.plan_import.values import parse_value


class ConfirmRefused(DomainError):
    """The campaign file built from the draft does not pass validation; ``errors`` lists
    every problem, each with the draft field it belongs to (when known)."""

    def __init__(self, errors: list[FileError]) -> None:
        super().__init__(
            _("Chưa nạp được phong trào: %(count)s lỗi cần sửa; chưa ghi gì vào cơ sở dữ liệu.")
            % {"count": len(errors)},
            code=ErrorCode.CAMPAIGN_INVALID,
        )
        self.errors = errors


def _secretariat_unit(user: Any) -> Any:
    from thidua.organisations.models import Unit

    unit_ids = reach_of(user).roles.get(Role.SECRETARIAT, frozenset())
    unit = Unit.objects.filter(pk__in=sorted(unit_ids)).order_by("pk").first()
    if unit is None:
        return None
    root_id = path_ids(unit.path)[0]
    return Unit.objects.get(pk=root_id)


def draft_create(*, actor: Any, content: bytes, file_name: str) -> ImportDraft:
    """Read and extract one plan and keep it as a draft for review.

    Refusals (not allowed; empty, scanned, too large or not a plan) raise before anything
    is written, so a broken file never leaves a draft behind (DESIGN.md: bad input never
    corrupts). Only the Ban TĐKT and administrators import plans.
    """
    from thidua.plan_import.extract import extract_plan
    from thidua.plan_import.reading import read_plan

    if not can_import_plan(actor):
        raise NotPermitted(_("Chỉ Ban Thi đua - Khen thưởng được nhập kế hoạch."))
    name = nfc(file_name)[:255] or "ke-hoach"
    started = time.perf_counter()
    lines = read_plan(content, name)
    extraction = extract_plan(lines)
    if not _looks_like_plan(lines, extraction.data):
        raise DomainError(
            _(
                "Tệp %(name)s không giống một kế hoạch: không thấy tiêu đề “KẾ HOẠCH”, số "
                "văn bản hay mục nào của kế hoạch. Hãy kiểm tra lại tệp đã chọn."
            )
            % {"name": name},
            code=ErrorCode.NOT_A_PLAN,
        )
    elapsed = int((time.perf_counter() - started) * 1000)
    sources = {
        path: {
            "line": ref.line,
            "text": ref.text,
            "confidence": float(ref.confidence),
            "where": ref.where,
        }
        for path, ref in extraction.sources.items()
    }
    with transaction.atomic():
        unit = _secretariat_unit(actor)
        draft = ImportDraft(
            file_name=name,
            file_size=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
            lines=lines,
            data=extraction.data,
            sources=sources,
            missing=list(extraction.missing),
            unrecognised=list(extraction.unrecognised),
            warnings=list(extraction.warnings),
            extract_ms=elapsed,
            unit=unit,
            created_by=actor,
        )
        draft.suggestions = suggestions_for(extraction.data, unit=unit)
        draft.full_clean()
        draft.save()
        ImportDraftEvent.objects.create(
            draft=draft,
            actor=actor,
            kind=EventKind.CREATED,
            to_state=DraftStatus.DRAFT,
            payload={"file": name, "size": len(content), "ms": elapsed},
        )
    return draft


def _looks_like_plan(lines: list[str], data: dict[str, Any]) -> bool:
    """A plan has the word KẾ HOẠCH as its kind, or the engine found its number or parts."""
    from thidua.core.text import fold

    document = data.get("document") if isinstance(data.get("document"), dict) else {}
    if isinstance(document, dict) and document.get("number"):
        return True
    if any(data.get(part) for part in ("phases", "targets", "legal_bases")):
        return True
    return any(fold(line).startswith("ke hoach") for line in lines[:80])


def _may_review(actor: Any, draft: ImportDraft, who: Any) -> bool:
    return bool(can_review_draft(actor, draft))


WORKFLOW: Workflow[ImportDraft] = Workflow(
    model=ImportDraft,
    states=DraftStatus,
    transitions=TRANSITIONS,
    may_act=_may_review,
    record=event_writer(ImportDraftEvent, "draft"),
    refusal=refusal_saying(gettext_lazy("Bản nháp đã “%(state)s”: không thể thay đổi nữa.")),
    state_field="status",
)


def _known_path(draft: ImportDraft, path: str) -> None:
    if path not in f.field_paths(draft.data, [*draft.missing, *draft.unrecognised]):
        raise DomainError(_("Không có trường “%(path)s” trong bản nháp.") % {"path": path})


def draft_field_accept(*, actor: Any, draft: ImportDraft, path: str) -> ImportDraft:
    """Accept the extracted value of one field (or, for a person's field, the suggestion)."""
    _known_path(draft, path)

    def apply(locked: ImportDraft) -> dict[str, Any]:
        value = get_path(locked.data, path)
        if value is None and path in locked.suggestions:
            value = locked.suggestions[path]
        if value in (None, "", []):
            raise DomainError(_("Văn bản không nêu trường này: hãy điền giá trị."))
        locked.review = {**locked.review, path: {"state": ReviewState.ACCEPTED.value}}
        return {"path": path, "value": value}

    return WORKFLOW.run(
        draft, actor=actor, action=Action.REVIEW, kind=EventKind.FIELD_ACCEPTED, apply=apply
    )


#: The event of a value typed for a field, by the decision it makes.
SET_KINDS = {
    ReviewState.FILLED: EventKind.FIELD_FILLED,
    ReviewState.CORRECTED: EventKind.FIELD_CORRECTED,
    ReviewState.ACCEPTED: EventKind.FIELD_ACCEPTED,
}


def draft_field_set(*, actor: Any, draft: ImportDraft, path: str, raw: str) -> ImportDraft:
    """Correct a field (the text states another value) or fill one the text does not state.

    The event keeps the old and the new value, so every correction can be traced.
    """
    _known_path(draft, path)
    value = parse_value(path, raw)
    # What the text states never changes once the draft is made: the decision is known now.
    extracted = get_path(draft.data, path)
    state = ReviewState.FILLED if extracted in (None, "", []) else ReviewState.CORRECTED
    if state == ReviewState.CORRECTED and value == extracted:
        state = ReviewState.ACCEPTED
    decision: dict[str, Any] = {"state": state.value}
    if state != ReviewState.ACCEPTED:
        decision["value"] = value

    def apply(locked: ImportDraft) -> dict[str, Any]:
        old = f.effective_value(locked.data, locked.review, path, locked.suggestions)
        locked.review = {**locked.review, path: decision}
        return {"path": path, "old": old, "new": value}

    return WORKFLOW.run(
        draft, actor=actor, action=Action.REVIEW, kind=SET_KINDS[state], apply=apply
    )


def draft_item_remove(*, actor: Any, draft: ImportDraft, item: str) -> ImportDraft:
    """Leave one list item (a target, a legal basis …) out of the campaign: the engine read
    something that is not one."""
    if not re.fullmatch(r"[a-z_.]+\.\d+", item) or not any(
        p.startswith(item + ".")
        for p in f.field_paths(draft.data, [*draft.missing, *draft.unrecognised])
    ):
        raise DomainError(_("Không có mục “%(path)s” trong bản nháp.") % {"path": item})

    def apply(locked: ImportDraft) -> dict[str, Any]:
        locked.review = {**locked.review, item: {"state": ReviewState.REMOVED.value}}
        return {"path": item}

    return WORKFLOW.run(
        draft, actor=actor, action=Action.REVIEW, kind=EventKind.ITEM_REMOVED, apply=apply
    )


def draft_section_accept(*, actor: Any, draft: ImportDraft, section: str) -> ImportDraft:
    """Accept, in one step, every field of a section that has a value and no decision yet
    (the person has read the section beside the source text)."""

    def apply(locked: ImportDraft) -> dict[str, Any]:
        rows = f.draft_fields(locked)
        paths = [
            row.path for row in rows if row.section == section and f.acceptable_in_section(row)
        ]
        review = dict(locked.review)
        for path in paths:
            review[path] = {"state": ReviewState.ACCEPTED.value}
        locked.review = review
        return {"section": section, "paths": paths}

    return WORKFLOW.run(
        draft, actor=actor, action=Action.REVIEW, kind=EventKind.SECTION_ACCEPTED, apply=apply
    )


def draft_campaign_yaml(draft: ImportDraft) -> str:
    """The campaign file (YAML text) the draft stands for, with every decision applied."""
    data = f.campaign_data(data=draft.data, review=draft.review, suggestions=draft.suggestions)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def draft_confirm(*, actor: Any, draft: ImportDraft) -> ImportDraft:
    """Load the reviewed draft as a campaign, all or nothing.

    Refused while a required field is not accepted, corrected or filled; refused when a
    campaign with the chosen code exists (an import never replaces a campaign: that is
    ``campaign load``'s job); every validation error of the campaign file is returned in
    ``ConfirmRefused.errors`` and nothing is written (the load is one transaction).
    """

    def apply(locked: ImportDraft) -> dict[str, Any]:
        rows = f.draft_fields(locked)
        waiting = f.unreviewed_required(rows)
        if waiting:
            first = waiting[0]
            raise DomainError(
                _(
                    "Còn %(count)s trường bắt buộc chưa được chấp nhận hoặc điền, "
                    "đầu tiên là “%(section)s: %(field)s”."
                )
                % {
                    "count": len(waiting),
                    "section": dict(f.SECTIONS).get(first.section, first.section),
                    "field": first.label,
                },
                code=ErrorCode.REVIEW_INCOMPLETE,
            )
        text = draft_campaign_yaml(locked)
        code = f.campaign_data(
            data=locked.data, review=locked.review, suggestions=locked.suggestions
        ).get("code")
        if Campaign.objects.filter(code=code).exists():
            raise DomainError(
                _("Đã có phong trào mã “%(code)s”; hãy chọn mã khác cho kế hoạch này.")
                % {"code": code},
                code=ErrorCode.CODE_TAKEN,
            )
        try:
            campaign = campaign_load_bytes(
                content=text.encode("utf-8"),
                source_name=_yaml_name(locked.file_name),
                actor=actor,
            )
        except CampaignFileInvalid as exc:
            raise ConfirmRefused(exc.errors) from None
        locked.campaign = campaign
        return {"campaign": campaign.pk, "code": campaign.code}

    return WORKFLOW.run(
        draft, actor=actor, action=Action.CONFIRM, kind=EventKind.CONFIRMED, apply=apply
    )


def _yaml_name(file_name: str) -> str:
    stem = file_name.rsplit(".", 1)[0] if "." in file_name else file_name
    return f"{stem}.yaml"


def draft_discard(*, actor: Any, draft: ImportDraft) -> ImportDraft:
    """Give up a draft; it stays in the history, read-only."""
    return WORKFLOW.run(draft, actor=actor, action=Action.DISCARD, kind=EventKind.DISCARDED)
