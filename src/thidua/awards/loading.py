"""Loading award forms, rules, authorities, base salaries, holidays and legal values
from YAML.

The shipped file is ``awards/data/award-forms.yaml``; its format is ``forms_file`` (every
value with its legal citation: LAW-NOTES §2, §4, §10 R1, R2, R12, R16). A rule's
``thresholds`` give, by check code, the values an eligibility check reads (validated by
the model the check registered: ``awards.eligibility.registry``). ``award_forms_load`` is
idempotent (rows are matched by their natural keys and updated in place) and all or
nothing: the file is validated whole first, every problem is reported in Vietnamese, and
nothing is written unless there are none (DESIGN.md §4).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from thidua.awards.forms_file import (
    AwardDataError,
    FileSpec,
    FormSpec,
    read_award_forms,
)
from thidua.awards.models import (
    AwardAuthority,
    AwardForm,
    AwardRule,
    BaseSalary,
    Holiday,
    LegalValue,
)
from thidua.core.text import nfc

SHIPPED_FILE = Path(__file__).resolve().parent / "data" / "award-forms.yaml"

__all__ = [
    "SHIPPED_FILE",
    "AwardDataError",
    "LoadSummary",
    "award_forms_load",
    "award_forms_load_shipped",
    "legal_values_load_shipped",
    "read_award_forms",
]


@dataclass
class LoadSummary:
    """What one load did, per table (created / updated / unchanged)."""

    counts: dict[str, list[int]] = field(default_factory=dict)

    def count(self, table: str, outcome: int) -> None:
        self.counts.setdefault(table, [0, 0, 0])[outcome] += 1

    def describe(self) -> str:
        lines = []
        for table, (created, updated, unchanged) in self.counts.items():
            lines.append(
                _("%(table)s: %(c)s mới, %(u)s cập nhật, %(n)s không đổi")
                % {"table": table, "c": created, "u": updated, "n": unchanged}
            )
        return "\n".join(lines)


def _upsert(
    model: Any, summary: LoadSummary, table: str, keys: dict[str, Any], values: dict[str, Any]
) -> Any:
    obj = model.objects.filter(**keys).first()
    if obj is None:
        obj = model.objects.create(**keys, **values)
        summary.count(table, 0)
        return obj
    changed = [k for k, v in values.items() if getattr(obj, k) != v]
    if changed:
        for key in changed:
            setattr(obj, key, values[key])
        obj.save(update_fields=changed)
        summary.count(table, 1)
    else:
        summary.count(table, 2)
    return obj


def _decimal(value: Decimal | None, places: str) -> Decimal | None:
    return None if value is None else value.quantize(Decimal(places))


def _load_form(spec: FormSpec, summary: LoadSummary) -> None:
    form = _upsert(
        AwardForm,
        summary,
        str(_("Hình thức")),
        {"code": spec.code},
        {
            "name": nfc(spec.name),
            "short_name": nfc(spec.short_name),
            "kind": spec.kind,
            "subject_kinds": spec.subject_kinds,
            "campaign_allowed": spec.campaign_allowed,
            "min_campaign_years": spec.min_campaign_years,
            "legal_basis": nfc(spec.legal_basis),
        },
    )
    for rule in spec.rules:
        values = rule.model_dump(exclude={"valid_from"})
        values["legal_basis"] = nfc(rule.legal_basis)
        values["criteria"] = nfc(rule.criteria)
        values["council_threshold"] = _decimal(rule.council_threshold, "0.001")
        for key in ("multiplier_individual", "multiplier_collective", "multiplier_household"):
            values[key] = _decimal(values[key], "0.01")
        _upsert(
            AwardRule,
            summary,
            str(_("Quy định")),
            {"form": form, "valid_from": rule.valid_from},
            values,
        )
    for authority in spec.authorities:
        values = authority.model_dump(exclude={"valid_from", "grantor_kind"})
        values["grantor_title"] = nfc(authority.grantor_title)
        _upsert(
            AwardAuthority,
            summary,
            str(_("Thẩm quyền")),
            {
                "form": form,
                "grantor_kind": authority.grantor_kind,
                "valid_from": authority.valid_from,
            },
            values,
        )


def _load_legal_values(spec: FileSpec, summary: LoadSummary) -> None:
    for value in spec.legal_values:
        _upsert(
            LegalValue,
            summary,
            str(_("Giá trị pháp lý")),
            {"code": value.code, "valid_from": value.valid_from},
            {
                "valid_to": value.valid_to,
                "value": _decimal(value.value, "0.001"),
                "text": nfc(value.text),
                "legal_basis": nfc(value.legal_basis),
                "verified": value.verified,
                "setting": value.setting,
            },
        )


def _load_calendar(spec: FileSpec, summary: LoadSummary) -> None:
    for salary in spec.base_salaries:
        _upsert(
            BaseSalary,
            summary,
            str(_("Lương cơ sở")),
            {"valid_from": salary.valid_from},
            {"amount": salary.amount, "legal_basis": nfc(salary.legal_basis)},
        )
    for holiday in spec.holidays:
        _upsert(
            Holiday,
            summary,
            str(_("Ngày nghỉ lễ")),
            {"date": holiday.date},
            {
                "name": nfc(holiday.name),
                "working": holiday.working,
                "source": nfc(holiday.source)[:255],
            },
        )


def award_forms_load(*, data: str) -> LoadSummary:
    """Load award forms with their rules and authorities, base salaries, holidays and
    legal values.

    Guarantees: nothing is written when the file has a problem (``AwardDataError`` lists
    them all); a second run of the same file changes nothing; rows missing from the file
    are left alone (decisions already taken refer to them).
    """
    spec = read_award_forms(data)
    summary = LoadSummary()
    with transaction.atomic():
        for form in spec.forms:
            _load_form(form, summary)
        _load_calendar(spec, summary)
        _load_legal_values(spec, summary)
    return summary


def award_forms_load_shipped() -> LoadSummary:
    """Load the shipped ``award-forms.yaml`` (used by the demo and the command)."""
    return award_forms_load(data=SHIPPED_FILE.read_text(encoding="utf-8"))


def legal_values_load_shipped() -> LoadSummary:
    """Load only the ``legal_values`` of the shipped file (the căn cứ lines, rounding and
    quorum), for a setup that brings its own forms. Same guarantees as above."""
    spec = read_award_forms(SHIPPED_FILE.read_text(encoding="utf-8"))
    summary = LoadSummary()
    with transaction.atomic():
        _load_legal_values(spec, summary)
    return summary
