"""Write a validated campaign file into the database, replacing an earlier load."""

from __future__ import annotations

import hashlib
from typing import Any

from django.db import transaction

from thidua.campaigns.codes import EventKind
from thidua.campaigns.files import schema as s
from thidua.campaigns.models import (
    Campaign,
    CampaignAward,
    CampaignEvent,
    CampaignWork,
    ContentArea,
    Duty,
    LegalBasis,
    Phase,
    RegistrationRule,
    ReportingRule,
)
from thidua.campaigns.parts import plan_parts
from thidua.core.dates import PartialDate
from thidua.organisations.models import Unit


def partial_date_fields(prefix: str, value: PartialDate | None) -> dict[str, Any]:
    """``<prefix>`` (the first day) and ``<prefix>_precision`` of a stated date, or None."""
    if value is None:
        return {prefix: None}
    return {prefix: value.first_day(), f"{prefix}_precision": value.precision.value}


def _campaign_fields(spec: s.CampaignFile) -> dict[str, Any]:
    doc = spec.document
    return {
        "title": spec.title,
        "kind": spec.kind,
        "status": spec.status,
        "illustrative": spec.illustrative,
        "issuer_unit": Unit.objects.get(code=doc.issuer_unit),
        "doc_kind": doc.kind,
        "doc_number": doc.number,
        "doc_date": doc.date,
        "doc_place": doc.place,
        "issuer_name": doc.issuer,
        "parent_issuer_name": doc.parent_issuer,
        "signer_name": doc.signer.name,
        "signer_position": doc.signer.position,
        "signer_authority": doc.signer.authority,
        "preamble": spec.preamble,
        "purposes": list(spec.purposes),
        "requirements": list(spec.requirements),
        "award_subjects": list(spec.awards.subjects),
        "award_criteria": spec.awards.criteria,
        "award_procedure": spec.awards.procedure,
        "registration_deadline": spec.registration.deadline,
        **partial_date_fields("start", spec.period.start),
        **partial_date_fields("end", spec.period.end),
    }


def sync_coded(model: Any, campaign: Campaign, rows: list[dict[str, Any]], **scope: Any) -> None:
    """Upsert ``model``'s rows of ``campaign`` by code (keeping ids stable for what links
    to them); drop the rest. ``scope`` narrows the rows (``unit=None``)."""
    existing = {obj.code: obj for obj in model.objects.filter(campaign=campaign, **scope)}
    for position, row in enumerate(rows):
        obj = existing.pop(row["code"], None) or model(campaign=campaign, **scope)
        for field, value in {**row, "position": position}.items():
            setattr(obj, field, value)
        obj.save()
    model.objects.filter(pk__in=[obj.pk for obj in existing.values()]).delete()


@transaction.atomic
def campaign_load(
    *, spec: s.CampaignFile, source_name: str, source_bytes: bytes, actor: Any = None
) -> Campaign:
    """Create or replace the campaign ``spec.code`` with everything the file states.

    The caller validates first (``validate.validate_text``); this runs in one
    transaction, so a failure leaves the previous state whole. Coded parts (phases,
    content areas, targets, works, award forms) keep their ids across reloads.
    """
    campaign = Campaign.objects.select_for_update().filter(code=spec.code).first()
    created = campaign is None
    campaign = campaign or Campaign(code=spec.code)
    for field, value in _campaign_fields(spec).items():
        setattr(campaign, field, value)
    campaign.source_name = source_name
    campaign.source_sha256 = hashlib.sha256(source_bytes).hexdigest()
    campaign.save()

    sync_coded(ContentArea, campaign, [a.model_dump() for a in spec.content_areas])
    areas = {a.code: a for a in ContentArea.objects.filter(campaign=campaign)}
    sync_coded(Phase, campaign, [_phase_row(p) for p in spec.phases])
    for part in plan_parts():
        part.write(campaign, spec, areas)
    works = [_work_row(w, areas) for w in spec.registration.campaign_works]
    sync_coded(CampaignWork, campaign, works)
    sync_coded(CampaignAward, campaign, [_award_row(f) for f in spec.awards.forms])
    _replace_uncoded(campaign, spec)
    CampaignEvent.objects.create(
        campaign=campaign,
        actor=actor,
        kind=EventKind.CREATED if created else EventKind.REPLACED,
        payload={"source": source_name, "sha256": campaign.source_sha256},
    )
    return campaign


def _phase_row(phase: s.PhaseSpec) -> dict[str, Any]:
    return {
        "code": phase.code,
        "name": phase.name,
        "review": phase.review,
        **partial_date_fields("start", phase.start),
        **partial_date_fields("end", phase.end),
    }


def _work_row(work: s.CampaignWorkSpec, areas: dict[str, ContentArea]) -> dict[str, Any]:
    return {
        "code": work.code,
        "title": work.title,
        "kind": work.kind,
        "stage": work.stage,
        "deadline_event": work.deadline_event,
        "content_area": areas.get(work.content_area or ""),
        **partial_date_fields("deadline", work.deadline),
    }


def _award_row(form: s.AwardFormSpec) -> dict[str, Any]:
    return {
        "code": form.code,
        "name": form.name,
        "criteria": form.criteria,
        "quota": form.quota,
        "subjects": list(form.subjects),
        "grantors": [g.model_dump() for g in form.grantors],
    }


def _replace_uncoded(campaign: Campaign, spec: s.CampaignFile) -> None:
    """Parts without codes are replaced whole: bases, rules, reporting, duties."""
    LegalBasis.objects.filter(campaign=campaign).delete()
    LegalBasis.objects.bulk_create(
        LegalBasis(
            campaign=campaign,
            position=i,
            relation=b.relation,
            doc_kind=b.kind,
            number=b.number,
            date=b.date,
            issuer=b.issuer,
            title=b.title,
        )
        for i, b in enumerate(spec.legal_bases)
    )
    RegistrationRule.objects.filter(campaign=campaign).delete()
    RegistrationRule.objects.bulk_create(
        RegistrationRule(campaign=campaign, position=i, **r.model_dump())
        for i, r in enumerate(spec.registration.rules)
    )
    ReportingRule.objects.filter(campaign=campaign).delete()
    if spec.reporting:
        rule = spec.reporting.model_dump(exclude={"recipient", "recipient_unit"})
        ReportingRule.objects.create(
            campaign=campaign,
            recipient_name=spec.reporting.recipient,
            recipient_unit=Unit.objects.filter(code=spec.reporting.recipient_unit).first()
            if spec.reporting.recipient_unit
            else None,
            **rule,
        )
    Duty.objects.filter(campaign=campaign).delete()
    units = {
        u.code: u
        for u in Unit.objects.filter(code__in={c for d in spec.duties for c in d.agency_units})
    }
    for i, duty in enumerate(spec.duties):
        row = Duty.objects.create(
            campaign=campaign,
            position=i,
            section=duty.section,
            agencies=list(duty.agencies),
            text=duty.text,
        )
        row.agency_units.set([units[c] for c in duty.agency_units])
