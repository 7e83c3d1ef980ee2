"""Files of actual values (``thidua/target-values@1``): validated whole, then loaded.

The format is described at the top of the shipped ``data/tra-vinh-actuals.yaml``. Order:
YAML syntax → the schema, field by field → references to the database (campaign, targets,
units) and each value against its target (the checks of ``values.value_problems``) →
one transaction of upserts. Every problem names its line, in Vietnamese; a file with any
problem writes nothing (DESIGN.md §4, "Bad input never corrupts").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from django.utils import timezone
from django.utils.translation import gettext as _
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic import ValidationError as SchemaError
from pydantic_core import PydanticCustomError

from thidua.campaigns.files.errors import FileError, field_path, line_of, message_for
from thidua.campaigns.files.schema import Code, Day, Number, OptText, PartCode, Partial, Text
from thidua.campaigns.models import Campaign
from thidua.core.dates import PartialDate
from thidua.core.errors import DomainError
from thidua.core.text import nfc
from thidua.organisations.models import Unit
from thidua.targets.codes import ErrorCode
from thidua.targets.models import Target
from thidua.targets.services import ImportRow, target_values_import
from thidua.targets.values import ValueData, value_problems

FORMAT = "thidua/target-values@1"
DATA_DIR = Path(__file__).resolve().parent / "data"
#: Files shipped with thidua, by short name (``target_values load tra-vinh``).
SHIPPED = {"tra-vinh": DATA_DIR / "tra-vinh-actuals.yaml"}
MAX_FILE_BYTES = 2 * 1024 * 1024

Loc = tuple[Any, ...]


class ValuesFileInvalid(DomainError):
    """The file cannot be loaded; ``errors`` lists every problem found, by line."""

    code = ErrorCode.VALUES_FILE_INVALID

    def __init__(self, errors: Sequence[FileError]) -> None:
        self.errors = list(errors)
        super().__init__("\n".join(str(error) for error in self.errors))


def _period(value: Any) -> Any:
    """``2024`` is the year 2024: from its first day to its last (one error if it is bad)."""
    if isinstance(value, dict):
        return value
    try:
        day = PartialDate.parse(value)
    except (ValueError, TypeError) as exc:
        raise PydanticCustomError(
            "partial_date",
            _("phải là ngày dạng YYYY, YYYY-MM hoặc YYYY-MM-DD có thật (nhận được: {value})"),
            {"value": str(value)},
        ) from exc
    return {"from": day, "to": day}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class PeriodSpec(_Strict):
    from_: Partial = Field(alias="from")
    to: Partial


class ValueSpec(_Strict):
    target: PartCode
    period: Annotated[PeriodSpec, BeforeValidator(_period)]
    label: Annotated[OptText, Field(max_length=64)] = ""
    value: Number | None = None
    achieved_on: Day | None = None
    is_estimate: bool = False
    sources: list[Text] = Field(min_length=1)
    unit: Code | None = None
    note: OptText = ""


class ValuesFile(_Strict):
    format: Literal["thidua/target-values@1"]
    campaign: Code
    unit: Code
    values: list[ValueSpec] = Field(min_length=1)


class _Loader(yaml.SafeLoader):
    """Keeps dates as text, so an impossible date is a field error with its line."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _parse(text: str) -> tuple[ValuesFile, yaml.Node | None]:
    try:
        root = yaml.compose(text, Loader=_Loader)
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or exc
        message = _("lỗi cú pháp YAML: %(problem)s") % {"problem": problem}
        raise ValuesFileInvalid([FileError(mark.line + 1 if mark else None, "", message)]) from exc
    if not isinstance(data, dict):
        message = _("tệp phải là một nhóm trường (format, campaign, unit, values)")
        raise ValuesFileInvalid([FileError(1, "", message)])
    try:
        return ValuesFile.model_validate(data), root
    except SchemaError as exc:
        raise ValuesFileInvalid(
            [
                FileError(line_of(root, err["loc"]), field_path(err["loc"]), message_for(dict(err)))
                for err in exc.errors(include_url=False)
            ]
        ) from exc


@dataclass
class _Refs:
    """What the file names, looked up in the database once."""

    campaign: Campaign | None
    targets: dict[str, Target]
    units: dict[str, Unit]
    rows: list[ImportRow] = field(default_factory=list)


def _lookup(spec: ValuesFile) -> _Refs:
    campaign = Campaign.objects.select_related("issuer_unit").filter(code=spec.campaign).first()
    targets = {}
    if campaign is not None:
        found = Target.objects.filter(campaign=campaign, unit__isnull=True)
        targets = {t.code: t for t in found.select_related("campaign__issuer_unit")}
    codes = {spec.unit, *(v.unit for v in spec.values if v.unit)}
    return _Refs(campaign, targets, {u.code: u for u in Unit.objects.filter(code__in=codes)})


def _unit_problem(refs: _Refs, code: str) -> str | None:
    unit = refs.units.get(code)
    if unit is None:
        return _("không có đơn vị mã `%(code)s`; nạp danh mục đơn vị trước") % {"code": code}
    if refs.campaign is not None and not unit.path.startswith(refs.campaign.issuer_unit.path):
        return _("đơn vị `%(code)s` không thuộc phạm vi của phong trào") % {"code": code}
    return None


def _checks(spec: ValuesFile, refs: _Refs, today: dt.date) -> Iterator[tuple[Loc, str]]:
    """Problems across fields and with the database; fills ``refs.rows`` on the way."""
    if refs.campaign is None:
        message = _("không có phong trào mã `%(code)s`; nạp tệp phong trào trước")
        yield ("campaign",), message % {"code": spec.campaign}
        return
    problem = _unit_problem(refs, spec.unit)
    if problem:
        yield ("unit",), problem
    seen: dict[tuple[str, dt.date, dt.date], int] = {}
    for index, item in enumerate(spec.values):
        start, end = item.period.from_.first_day(), item.period.to.last_day()
        target = refs.targets.get(item.target)
        if target is None:
            message = _("phong trào không có chỉ tiêu mã `%(code)s`")
            yield ("values", index, "target"), message % {"code": item.target}
            continue
        if (item.target, start, end) in seen:
            message = _("chỉ tiêu %(code)s đã có số liệu cùng kỳ ở mục %(other)s")
            yield (
                ("values", index, "period"),
                message % {"code": item.target, "other": seen[(item.target, start, end)]},
            )
        seen.setdefault((item.target, start, end), index + 1)
        if item.unit and (problem := _unit_problem(refs, item.unit)):
            yield ("values", index, "unit"), problem
        data = ValueData(
            period_start=start,
            period_end=end,
            label=item.label,
            value=item.value,
            achieved_on=item.achieved_on,
            is_estimate=item.is_estimate,
            source="\n".join(item.sources),
            note=item.note,
        )
        for message in value_problems(target, data, today):
            yield ("values", index), message
        unit = refs.units.get(item.unit or spec.unit)
        refs.rows.append(ImportRow(target=target, unit=unit, data=data))


def read_values(text: str) -> tuple[Campaign, list[ImportRow]]:
    """Validate a whole ``thidua/target-values@1`` file; raise ``ValuesFileInvalid`` with
    every problem (line, field, what to fix) or return the campaign and the rows to load."""
    spec, root = _parse(nfc(text) if text.strip() else text)
    refs = _lookup(spec)
    problems = list(_checks(spec, refs, timezone.localdate()))
    if problems:
        raise ValuesFileInvalid(
            [FileError(line_of(root, loc), field_path(loc), message) for loc, message in problems]
        )
    assert refs.campaign is not None  # _checks stops at a missing campaign
    return refs.campaign, refs.rows


@dataclass(frozen=True)
class LoadResult:
    campaign: Campaign
    counts: dict[str, int]

    def describe(self) -> str:
        return _(
            "Đã nạp số liệu chỉ tiêu của phong trào %(code)s: %(created)s mới, "
            "%(updated)s cập nhật, %(unchanged)s không đổi."
        ) % {"code": self.campaign.code, **self.counts}


def target_values_load(*, content: bytes, actor: Any = None) -> LoadResult:
    """Validate ``content`` whole, then upsert its values in one transaction."""
    if len(content) > MAX_FILE_BYTES:
        raise ValuesFileInvalid([FileError(None, "", _("tệp quá lớn (tối đa 2 MB)"))])
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        message = _("tệp không phải văn bản UTF-8; hãy lưu lại với mã hóa UTF-8")
        raise ValuesFileInvalid([FileError(None, "", message)]) from exc
    if not text.strip():
        raise ValuesFileInvalid([FileError(None, "", _("tệp rỗng"))])
    campaign, rows = read_values(text)
    return LoadResult(campaign, target_values_import(rows=rows, actor=actor))


def resolve_values_path(name: str) -> Path:
    """A path, or the short name of a shipped file (``tra-vinh``)."""
    return SHIPPED.get(name, Path(name))
