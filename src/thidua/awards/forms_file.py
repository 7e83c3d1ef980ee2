"""The format of ``award-forms.yaml``: pydantic models of every section, validated whole
before anything is written (``loading.award_forms_load``), with Vietnamese messages that
say where the problem is and what to fix.

Every value carries its legal citation (LAW-NOTES §2, §4, §10). A rule's ``sources`` give,
by field, the citation of one value when it is not the rule's own, with ``verified``
(False: the article was not found, the Ban TĐKT confirms it) and ``setting`` (True: no
law fixes the value, it is the province's setting). An authority's ``verified`` says the
same of who may sign. ``legal_values`` are dated values that are not one form's rule:
the rounding of rewards, the council's attendance quorum, the căn cứ lines of decisions.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from itertools import pairwise
from typing import Any, Literal

import yaml
from django.utils.translation import gettext as _
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator
from pydantic_core import ErrorDetails

from thidua.awards.eligibility.registry import registry
from thidua.awards.models import DossierKind, GrantorKind, LegalValueCode, SubjectKind
from thidua.core.errors import DomainError

#: Fields of a rule that a ``sources`` entry may speak for.
SOURCED_FIELDS = frozenset(
    {
        "council_threshold",
        "secret_ballot",
        "multiplier_individual",
        "multiplier_collective",
        "multiplier_household",
        "appraisal_working_days",
        "dossier_days_before_review",
    }
)


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


def where(loc: tuple[Any, ...]) -> str:
    """ "forms → mục 1 → rules" for pydantic's location of an error."""
    parts = [f"mục {p + 1}" if isinstance(p, int) else str(p) for p in loc]
    return " → ".join(parts) or _("tệp")


def problem(error: ErrorDetails) -> str:
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
        problems = [f"{code} → {where(e['loc'])}: {problem(e)}" for e in exc.errors()]
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


class SourceSpec(_Spec):
    """Where one value of a rule comes from: ``basis`` (blank: the rule's own), whether
    it was verified, whether it is the province's setting."""

    basis: str = ""
    verified: bool = True
    setting: bool = False


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
    sources: dict[str, SourceSpec] = {}

    _dossier = field_validator("dossier", "dossier_simplified")(_check_dossier)

    @field_validator("thresholds")
    @classmethod
    def _check_thresholds(cls, value: dict[str, Any]) -> dict[str, Any]:
        return {code: _thresholds(code, values) for code, values in value.items()}

    @field_validator("sources")
    @classmethod
    def _check_sources(cls, value: dict[str, SourceSpec]) -> dict[str, SourceSpec]:
        unknown = sorted(set(value) - SOURCED_FIELDS)
        if unknown:
            raise ValueError(
                _("không có giá trị “%(v)s” để ghi căn cứ") % {"v": ", ".join(unknown)}
            )
        return value

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
    verified: bool = True

    _subjects = field_validator("subject_kinds")(_check_subjects)

    @field_validator("grantor_kind")
    @classmethod
    def _kind(cls, value: str) -> str:
        if value not in GrantorKind.values:
            raise ValueError(_("cấp có thẩm quyền không có: %(v)s") % {"v": value})
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


class LegalValueSpec(_Window):
    """A ``LegalValue``: a number (``value``) or a căn cứ line (``text``)."""

    code: str
    value: Decimal | None = None
    text: str = ""
    verified: bool = True
    setting: bool = False

    @field_validator("code")
    @classmethod
    def _code(cls, value: str) -> str:
        if value not in LegalValueCode.values:
            raise ValueError(_("không có loại giá trị “%(v)s”") % {"v": value})
        return value

    @model_validator(mode="after")
    def _one_of(self) -> LegalValueSpec:
        if (self.value is None) == (not self.text):
            raise ValueError(_("ghi đúng một trong hai: value (số) hoặc text (căn cứ)"))
        return self


class FileSpec(_Spec):
    forms: list[FormSpec]
    base_salaries: list[SalarySpec] = []
    holidays: list[HolidaySpec] = []
    legal_values: list[LegalValueSpec] = []

    @model_validator(mode="after")
    def _values_do_not_overlap(self) -> FileSpec:
        by_code: dict[str, list[LegalValueSpec]] = {}
        for spec in self.legal_values:
            by_code.setdefault(spec.code, []).append(spec)
        for code, specs in by_code.items():
            windows = sorted(specs, key=lambda s: s.valid_from)
            for before, after in pairwise(windows):
                if before.valid_to is None or before.valid_to >= after.valid_from:
                    raise ValueError(
                        _("các giá trị “%(code)s” chồng lấn thời gian hiệu lực") % {"code": code}
                    )
        return self


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
        errors = [f"{where(error['loc'])}: {problem(error)}" for error in exc.errors()]
        raise AwardDataError(errors) from exc
    codes = [form.code for form in spec.forms]
    duplicates = sorted({c for c in codes if codes.count(c) > 1})
    if duplicates:
        raise AwardDataError([_("Mã hình thức bị trùng: %(v)s") % {"v": ", ".join(duplicates)}])
    return spec
