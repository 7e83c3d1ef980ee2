"""The campaign file format, version 1 (docs/campaign-file.md), as pydantic models.

The schema checks each field alone; ``validate.py`` adds the checks across fields
(references, date order) and turns every problem into a Vietnamese message with a line.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal

from django.utils.translation import gettext as _
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer
from pydantic_core import PydanticCustomError

from thidua.core.dates import PartialDate

FORMAT = "thidua/campaign@1"


def _partial(value: Any) -> PartialDate:
    try:
        return PartialDate.parse(value)
    except (ValueError, TypeError) as exc:
        raise PydanticCustomError(
            "partial_date",
            _("phải là ngày dạng YYYY, YYYY-MM hoặc YYYY-MM-DD có thật (nhận được: {value})"),
            {"value": str(value)},
        ) from exc


def _day(value: Any) -> dt.date:
    partial = _partial(value)
    if partial.day is None:
        raise PydanticCustomError(
            "full_date",
            _("phải là ngày đầy đủ YYYY-MM-DD (nhận được: {value})"),
            {"value": str(value)},
        )
    return partial.first_day()


def _number(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise PydanticCustomError(
            "number",
            _("phải là một số, dùng dấu chấm thập phân (nhận được: {value})"),
            {"value": str(value)},
        )
    return Decimal(str(value))


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise PydanticCustomError(
            "text", _("phải là một đoạn chữ (nhận được: {value})"), {"value": str(value)}
        )
    import unicodedata

    return unicodedata.normalize("NFC", value).strip()


def _number_out(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


Partial = Annotated[PartialDate, BeforeValidator(_partial), PlainSerializer(lambda p: p.iso())]
Day = Annotated[dt.date, BeforeValidator(_day), PlainSerializer(lambda d: d.isoformat())]
Number = Annotated[Decimal, BeforeValidator(_number), PlainSerializer(_number_out)]
Text = Annotated[str, BeforeValidator(_text), Field(min_length=1)]
OptText = Annotated[str, BeforeValidator(_text)]
Code = Annotated[
    str, BeforeValidator(_text), Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", max_length=64)
]
#: Codes of parts of a campaign (phases, targets, …): stored in 32 characters.
PartCode = Annotated[
    str, BeforeValidator(_text), Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", max_length=32)
]


# Text that must fit the database column it is stored in (n characters; Opt: may be empty).
Text16Opt = Annotated[str, BeforeValidator(_text), Field(max_length=16)]
Text64 = Annotated[str, BeforeValidator(_text), Field(min_length=1, max_length=64)]
Text64Opt = Annotated[str, BeforeValidator(_text), Field(max_length=64)]
Text128 = Annotated[str, BeforeValidator(_text), Field(min_length=1, max_length=128)]
Text255 = Annotated[str, BeforeValidator(_text), Field(min_length=1, max_length=255)]
Text255Opt = Annotated[str, BeforeValidator(_text), Field(max_length=255)]


UnitKindName = Literal[
    "province", "department", "mass_organisation", "district", "commune", "enterprise", "other"
]
WorkKindName = Literal["construction", "project", "task"]
SubjectName = Literal[
    "department",
    "mass_organisation",
    "district",
    "commune",
    "collective",
    "individual",
    "household",
    "enterprise",
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Signer(Strict):
    name: Text128
    position: Text128
    authority: Text16Opt = ""


class Document(Strict):
    kind: Text64 = "Kế hoạch"
    number: Text64
    date: Day
    place: Text128
    issuer: Text255
    issuer_unit: Code
    parent_issuer: Text255Opt = ""
    signer: Signer


class LegalBasis(Strict):
    relation: Literal["can_cu", "thuc_hien", "quy_dinh"] = "can_cu"
    kind: Text64
    number: Text64
    date: Day | None = None
    issuer: Text255
    title: OptText = ""


class Period(Strict):
    start: Partial
    end: Partial


class PhaseSpec(Strict):
    code: PartCode
    name: Text128
    start: Partial
    end: Partial
    review: Literal["so_ket", "tong_ket", ""] = ""


class ContentAreaSpec(Strict):
    code: PartCode
    title: Text
    description: OptText = ""


class TargetPeriod(Strict):
    from_: Partial | None = Field(default=None, alias="from")
    to: Partial | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class TargetSpec(Strict):
    code: PartCode
    indicator: Text
    kind: Literal[
        "level", "per_year", "cumulative", "average_growth", "annual_reduction", "milestone"
    ]
    comparator: Literal["gte", "gt", "lte", "lt", "eq", "between", "before"]
    value: Number | None = None
    value_max: Number | None = None
    measure_unit: Text64Opt = ""
    period: TargetPeriod | None = None
    deadline: Day | None = None
    content_area: PartCode | None = None
    section: Text16Opt = ""
    source_text: OptText = ""
    note: OptText = ""


class RegistrationRuleSpec(Strict):
    unit_kinds: list[UnitKindName] = Field(min_length=1)
    minimum: int = Field(ge=0, le=100)
    work_kinds: list[WorkKindName] = Field(min_length=1)
    alternative_work_kinds: list[WorkKindName] = []
    via_parent: bool = False
    approver: Literal["secretariat", "parent"] = "secretariat"
    no_duplicate_of_campaign_works: bool = True
    text: OptText = ""


class CampaignWorkSpec(Strict):
    code: PartCode
    title: Text
    kind: WorkKindName = "construction"
    stage: Literal["start", "finish"]
    deadline: Partial | None = None
    deadline_event: Text255Opt = ""
    content_area: PartCode | None = None


class Registration(Strict):
    deadline: Day | None = None
    rules: list[RegistrationRuleSpec] = []
    campaign_works: list[CampaignWorkSpec] = []


class Reporting(Strict):
    frequency: Literal["quarterly"] = "quarterly"
    due_day: int = Field(ge=1, le=31)
    due_month_of_period: int = Field(ge=1, le=3)
    weekend_policy: Literal["keep", "previous_working_day", "next_working_day"] = "keep"
    recipient: Text255
    recipient_unit: Code | None = None
    text: OptText = ""


class Grantor(Strict):
    title: Text
    unit_kinds: list[UnitKindName] = Field(min_length=1)


class AwardFormSpec(Strict):
    code: PartCode
    name: Text255
    grantors: list[Grantor] = Field(min_length=1)
    subjects: list[SubjectName] = Field(min_length=1)
    criteria: OptText = ""
    quota: OptText = ""


class Awards(Strict):
    subjects: list[SubjectName] = []
    criteria: OptText = ""
    procedure: OptText = ""
    forms: list[AwardFormSpec] = []


def _sorted_codes(value: Any) -> Any:
    # A set of units: kept sorted so that export gives back the same value.
    return (
        sorted(value)
        if isinstance(value, list) and all(isinstance(v, str) for v in value)
        else value
    )


class DutySpec(Strict):
    section: Text16Opt = ""
    agencies: list[Text] = Field(min_length=1)
    agency_units: Annotated[list[Code], BeforeValidator(_sorted_codes)] = []
    text: Text


class CampaignFile(Strict):
    """The whole file. Unknown keys are errors, so a typo never passes silently."""

    format: Literal["thidua/campaign@1"]
    code: Code
    kind: Literal["thematic", "regular"] = "thematic"
    status: Literal["draft", "active", "closed"] = "active"
    # An illustrative plan, not a real document: every page that shows it says so.
    illustrative: bool = False
    title: Text
    document: Document
    preamble: OptText = ""
    legal_bases: list[LegalBasis] = []
    purposes: list[Text] = []
    requirements: list[Text] = []
    period: Period
    phases: list[PhaseSpec] = Field(min_length=1)
    content_areas: list[ContentAreaSpec] = []
    targets: list[TargetSpec] = []
    registration: Registration = Registration()
    reporting: Reporting | None = None
    awards: Awards = Awards()
    duties: list[DutySpec] = []
