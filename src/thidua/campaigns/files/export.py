"""Write a campaign back out as a campaign file, from the database rows alone."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import yaml

from thidua.campaigns.files.schema import FORMAT
from thidua.campaigns.models import Campaign, ReportingRule
from thidua.core.dates import PartialDate


def _partial(value: Any, precision: str) -> str | None:
    return PartialDate.from_parts(value, precision).iso() if value else None


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value.normalize())


def _compact(data: Any) -> Any:
    """Drop empty optional values so the file stays readable (defaults fill them back)."""
    if isinstance(data, dict):
        compacted = {k: _compact(v) for k, v in data.items()}
        return {k: v for k, v in compacted.items() if v not in (None, "", [], {})}
    if isinstance(data, list):
        return [_compact(v) for v in data]
    return data


def campaign_to_data(campaign: Campaign) -> dict[str, Any]:
    """The campaign as the plain data of a campaign file (docs/campaign-file.md)."""
    return _compact(
        {
            "format": FORMAT,
            "code": campaign.code,
            "kind": campaign.kind,
            "status": campaign.status,
            "illustrative": campaign.illustrative or None,
            "title": campaign.title,
            "document": _document(campaign),
            "preamble": campaign.preamble,
            "legal_bases": _legal_bases(campaign),
            "purposes": campaign.purposes,
            "requirements": campaign.requirements,
            "period": {
                "start": _partial(campaign.start, campaign.start_precision),
                "end": _partial(campaign.end, campaign.end_precision),
            },
            "phases": _phases(campaign),
            "content_areas": [
                {"code": a.code, "title": a.title, "description": a.description}
                for a in campaign.content_areas.order_by("position")
            ],
            "targets": [
                _target(t)
                for t in campaign.targets.filter(unit__isnull=True)
                .select_related("content_area")
                .order_by("position")
            ],
            "registration": _registration(campaign),
            "reporting": _reporting(campaign),
            "awards": _awards(campaign),
            "duties": _duties(campaign),
        }
    )


def _document(campaign: Campaign) -> dict[str, Any]:
    return {
        "kind": campaign.doc_kind,
        "number": campaign.doc_number,
        "date": campaign.doc_date.isoformat(),
        "place": campaign.doc_place,
        "issuer": campaign.issuer_name,
        "issuer_unit": campaign.issuer_unit.code,
        "parent_issuer": campaign.parent_issuer_name,
        "signer": {
            "name": campaign.signer_name,
            "position": campaign.signer_position,
            "authority": campaign.signer_authority,
        },
    }


def _legal_bases(campaign: Campaign) -> list[dict[str, Any]]:
    return [
        {
            "relation": b.relation,
            "kind": b.doc_kind,
            "number": b.number,
            "date": b.date.isoformat() if b.date else None,
            "issuer": b.issuer,
            "title": b.title,
        }
        for b in campaign.legal_bases.order_by("position")
    ]


def _phases(campaign: Campaign) -> list[dict[str, Any]]:
    return [
        {
            "code": p.code,
            "name": p.name,
            "start": _partial(p.start, p.start_precision),
            "end": _partial(p.end, p.end_precision),
            "review": p.review,
        }
        for p in campaign.phases.order_by("position")
    ]


def _awards(campaign: Campaign) -> dict[str, Any]:
    return {
        "subjects": campaign.award_subjects,
        "criteria": campaign.award_criteria,
        "procedure": campaign.award_procedure,
        "forms": [
            {
                "code": f.code,
                "name": f.name,
                "grantors": f.grantors,
                "subjects": f.subjects,
                "criteria": f.criteria,
                "quota": f.quota,
            }
            for f in campaign.awards.order_by("position")
        ],
    }


def _duties(campaign: Campaign) -> list[dict[str, Any]]:
    return [
        {
            "section": d.section,
            "agencies": d.agencies,
            "agency_units": sorted(u.code for u in d.agency_units.all()),
            "text": d.text,
        }
        for d in campaign.duties.prefetch_related("agency_units").order_by("position")
    ]


def _target(t: Any) -> dict[str, Any]:
    return {
        "code": t.code,
        "indicator": t.indicator,
        "kind": t.kind,
        "comparator": t.comparator,
        "value": _number(t.value),
        "value_max": _number(t.value_max),
        "measure_unit": t.measure_unit,
        "period": {
            "from": _partial(t.period_from, t.period_from_precision),
            "to": _partial(t.period_to, t.period_to_precision),
        },
        "deadline": t.deadline.isoformat() if t.deadline else None,
        "content_area": t.content_area.code if t.content_area else None,
        "section": t.section,
        "source_text": t.source_text,
        "note": t.note,
    }


def _registration(campaign: Campaign) -> dict[str, Any]:
    deadline = campaign.registration_deadline
    return {
        "deadline": deadline.isoformat() if deadline else None,
        "rules": [
            {
                "unit_kinds": r.unit_kinds,
                "minimum": r.minimum,
                "work_kinds": r.work_kinds,
                "alternative_work_kinds": r.alternative_work_kinds,
                "via_parent": r.via_parent,
                "approver": r.approver,
                "no_duplicate_of_campaign_works": r.no_duplicate_of_campaign_works,
                "text": r.text,
            }
            for r in campaign.registration_rules.order_by("position")
        ],
        "campaign_works": [
            {
                "code": w.code,
                "title": w.title,
                "kind": w.kind,
                "stage": w.stage,
                "deadline": _partial(w.deadline, w.deadline_precision),
                "deadline_event": w.deadline_event,
                "content_area": w.content_area.code if w.content_area else None,
            }
            for w in campaign.campaign_works.select_related("content_area").order_by("position")
        ],
    }


def _reporting(campaign: Campaign) -> dict[str, Any] | None:
    try:
        rule = campaign.reporting_rule
    except ReportingRule.DoesNotExist:
        return None
    return {
        "frequency": rule.frequency,
        "due_day": rule.due_day,
        "due_month_of_period": rule.due_month_of_period,
        "weekend_policy": rule.weekend_policy,
        "recipient": rule.recipient_name,
        "recipient_unit": rule.recipient_unit.code if rule.recipient_unit else None,
        "text": rule.text,
    }


class _Dumper(yaml.SafeDumper):
    pass


def _str_presenter(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_presenter)


def campaign_to_yaml(campaign: Campaign) -> str:
    """The campaign file text (UTF-8, Vietnamese kept readable, keys in format order)."""
    header = f"# Campaign file exported by thidua: {campaign.doc_number}\n"
    return header + yaml.dump(
        campaign_to_data(campaign),
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=100,
    )
