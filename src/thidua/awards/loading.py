"""Loading award forms, rules, authorities, base salaries and holidays from YAML.

The shipped file is ``awards/data/award-forms.yaml``; every value carries its legal
citation (LAW-NOTES §2, §4, §10 R1, R2, R12, R16). A rule's ``thresholds`` give, by check
code, the values an eligibility check reads (validated by the model the check registered:
``awards.eligibility.registry``). ``award_forms_load`` is idempotent
(rows are matched by their natural keys and updated in place) and all or nothing: the
file is validated whole first, every problem is reported in Vietnamese, and nothing is
written unless there are none (DESIGN.md §4).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise
from pathlib import Path
from typing import Any, Literal

import yaml
from django.db import transaction
from django.utils.translation import gettext as _
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator
from pydantic_core import ErrorDetails

from thidua.awards.eligibility.registry import registry
from thidua.awards.models import (
    AwardAuthority,
    AwardForm,
    AwardRule,
    BaseSalary,
    DossierKind,
    Holiday,
    SubjectKind,
)
from thidua.core.errors import DomainError
from thidua.core.text import nfc
from thidua.organisations.models import UnitKind

SHIPPED_FILE = Path(__file__).resolve().parent / "data" / "award-forms.yaml"


class AwardDataError(DomainError):
    """The file has problems; ``errors`` lists each one (where and what to fix)."""

    code = "award_data_invalid"

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _check_subjects(values: list[str]) -> list[str]:
    unknown = [v for v in values if v not in SubjectKind.values]
    if unknown:
        raise ValueError(_("đối tượng không có: %(v)s") % {"v": ", ".join(unknown)})
    return values


def _check_dossier(values: list[str]) -> list[str]:
    unknown = [v for v in values if v not in DossierKind.values]
    if unknown:
        raise ValueError(_("loại tài liệu không có: %(v)s") % {"v": ", ".join(unknown)})
    return values


def _where(loc: tuple[Any, ...]) -> str:
    parts = [f"mục {p + 1}" if isinstance(p, int) else str(p) for p in loc]
    return " → ".join(parts) or _("tệp")


def _problem(error: ErrorDetails) -> str:
    """What is wrong, in Vietnamese, for one error of pydantic."""
    if error["type"] == "missing":
        return _("thiếu trường bắt buộc")
    if error["type"] == "extra_forbidden":
        return _("trường không được dùng (viết sai tên?)")
    if error["type"].startswith(("date", "int", "decimal", "bool", "string", "list", "literal")):
        return _("giá trị “%(v)s” không đúng kiểu") % {"v": error.get("input")}
    return error["msg"].removeprefix("Value error, ")


def _thresholds(code: str, values: Any) -> dict[str, Any]:
    """The values of the check ``code`` as the model it registered reads them (defaults
    filled in), or ``ValueError`` saying what to fix."""
    check = registry.get(code)
    if check is None or check.thresholds is None:
        raise ValueError(_("không có kiểm tra điều kiện “%(code)s” dùng ngưỡng") % {"code": code})
    try:
        return check.thresholds.model_validate(values).model_dump(mode="json")
    except ValidationError as exc:
        problems = [f"{code} → {_where(e['loc'])}: {_problem(e)}" for e in exc.errors()]
        raise ValueError("; ".join(problems)) from exc


class _Window(_Spec):
    valid_from: dt.date
    valid_to: dt.date | None = None
    legal_basis: str

    @model_validator(mode="after")
    def _ordered(self) -> _Window:
        if self.valid_to is not None and self.valid_to < self.valid_from:
            raise ValueError(_("ngày hết hiệu lực trước ngày bắt đầu hiệu lực"))
        return self


class RuleSpec(_Window):
    criteria: str = ""
    dossier: list[str]
    dossier_simplified: list[str] = []
    council_required: bool = True
    council_threshold: Decimal | None = None
    threshold_over_all_members: bool = True
    secret_ballot: bool = False
    multiplier_individual: Decimal | None = None
    multiplier_collective: Decimal | None = None
    multiplier_household: Decimal | None = None
    appraisal_working_days: int = 10
    dossier_days_before_review: int = 10
    thresholds: dict[str, Any] = {}
    # The values of scoring's ``Proposal``, written out: scoring reads awards, not the reverse.
    ranking_proposal: Literal["", "flag", "merit"] = ""

    _dossier = field_validator("dossier", "dossier_simplified")(_check_dossier)

    @field_validator("thresholds")
    @classmethod
    def _check_thresholds(cls, value: dict[str, Any]) -> dict[str, Any]:
        return {code: _thresholds(code, values) for code, values in value.items()}

    @field_validator("council_threshold")
    @classmethod
    def _share(cls, value: Decimal | None) -> Decimal | None:
        if value is not None and not Decimal(0) < value <= Decimal(1):
            raise ValueError(_("tỷ lệ phiếu phải lớn hơn 0 và không quá 1 (0,8 = 80 %)"))
        return value


class AuthoritySpec(_Window):
    grantor_kind: str
    grantor_title: str
    subject_kinds: list[str]

    _subjects = field_validator("subject_kinds")(_check_subjects)

    @field_validator("grantor_kind")
    @classmethod
    def _kind(cls, value: str) -> str:
        if value not in UnitKind.values:
            raise ValueError(_("loại đơn vị không có: %(v)s") % {"v": value})
        return value


class FormSpec(_Spec):
    code: str
    name: str
    short_name: str = ""
    kind: Literal["title", "form"]
    subject_kinds: list[str]
    campaign_allowed: bool = False
    min_campaign_years: int = 0
    legal_basis: str
    rules: list[RuleSpec]
    authorities: list[AuthoritySpec]

    _subjects = field_validator("subject_kinds")(_check_subjects)

    @model_validator(mode="after")
    def _no_overlap(self) -> FormSpec:
        windows = sorted(self.rules, key=lambda r: r.valid_from)
        for before, after in pairwise(windows):
            if before.valid_to is None or before.valid_to >= after.valid_from:
                raise ValueError(
                    _("các quy định của “%(code)s” chồng lấn thời gian hiệu lực")
                    % {"code": self.code}
                )
        return self


class SalarySpec(_Spec):
    valid_from: dt.date
    amount: int
    legal_basis: str


class HolidaySpec(_Spec):
    date: dt.date
    name: str
    working: bool = False
    source: str


class FileSpec(_Spec):
    forms: list[FormSpec]
    base_salaries: list[SalarySpec] = []
    holidays: list[HolidaySpec] = []


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


def read_award_forms(text: str) -> FileSpec:
    """Parse and validate the file's text; ``AwardDataError`` lists every problem."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else "?"
        raise AwardDataError(
            [_("Dòng %(line)s: tệp YAML sai cú pháp; hãy sửa rồi nạp lại.") % {"line": line}]
        ) from exc
    if not isinstance(raw, dict):
        raise AwardDataError([_("Tệp phải là một bảng có khóa “forms”.")])
    try:
        spec = FileSpec.model_validate(raw)
    except ValidationError as exc:
        errors = [f"{_where(error['loc'])}: {_problem(error)}" for error in exc.errors()]
        raise AwardDataError(errors) from exc
    codes = [form.code for form in spec.forms]
    duplicates = sorted({c for c in codes if codes.count(c) > 1})
    if duplicates:
        raise AwardDataError([_("Mã hình thức bị trùng: %(v)s") % {"v": ", ".join(duplicates)}])
    return spec


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


def award_forms_load(*, data: str) -> LoadSummary:
    """Load award forms with their rules and authorities, base salaries and holidays.

    Guarantees: nothing is written when the file has a problem (``AwardDataError`` lists
    them all); a second run of the same file changes nothing; rows missing from the file
    are left alone (decisions already taken refer to them).
    """
    spec = read_award_forms(data)
    summary = LoadSummary()
    with transaction.atomic():
        for form in spec.forms:
            _load_form(form, summary)
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
                {"name": nfc(holiday.name), "working": holiday.working},
            )
    return summary


def award_forms_load_shipped() -> LoadSummary:
    """Load the shipped ``award-forms.yaml`` (used by the demo and the command)."""
    return award_forms_load(data=SHIPPED_FILE.read_text(encoding="utf-8"))
