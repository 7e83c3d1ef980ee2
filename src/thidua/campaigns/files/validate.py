"""Validate a whole campaign file before anything is written.

Order: YAML syntax → the schema, field by field → checks across fields (dates in order,
references between parts) → references to the database (unit codes). Every problem is
collected, so one run lists all that must be fixed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import yaml
from django.utils.translation import gettext as _
from pydantic import ValidationError

from thidua.campaigns.files.errors import (
    CampaignFileInvalid,
    FileError,
    field_path,
    line_of,
    message_for,
)
from thidua.campaigns.files.schema import CampaignFile
from thidua.core.text import nfc

Loc = tuple[Any, ...]


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text, so an impossible date (2025-02-30) becomes a
    field error with its line instead of a crash while reading the YAML."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_yaml(text: str) -> tuple[Any, yaml.Node | None]:
    """Parse ``text`` into data and its node tree (for line numbers)."""
    try:
        node = yaml.compose(text, Loader=_Loader)
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise CampaignFileInvalid(
            [
                FileError(
                    line,
                    "",
                    _("lỗi cú pháp YAML: %(problem)s") % {"problem": exc.problem or exc.context},
                )
            ]
        ) from exc
    except yaml.YAMLError as exc:
        raise CampaignFileInvalid(
            [FileError(None, "", _("lỗi cú pháp YAML: %(problem)s") % {"problem": exc})]
        ) from exc
    if not isinstance(data, dict):
        raise CampaignFileInvalid(
            [FileError(1, "", _("tệp phải là một nhóm trường (format, code, document, …)"))]
        )
    return data, node


def validate_text(text: str, *, check_units: bool = True) -> CampaignFile:
    """Return the validated file or raise ``CampaignFileInvalid`` with every problem."""
    data, root = parse_yaml(nfc(text) if text.strip() else text)
    try:
        spec = CampaignFile.model_validate(data)
    except ValidationError as exc:
        raise CampaignFileInvalid(
            [
                FileError(line_of(root, err["loc"]), field_path(err["loc"]), message_for(dict(err)))
                for err in exc.errors(include_url=False)
            ]
        ) from exc
    problems = list(_cross_checks(spec))
    if check_units:
        problems.extend(_unit_checks(spec))
    if problems:
        raise CampaignFileInvalid(
            [FileError(line_of(root, loc), field_path(loc), msg) for loc, msg in problems]
        )
    return spec


def _duplicates(codes: Iterable[str]) -> set[str]:
    return {code for code, count in Counter(codes).items() if count > 1}


def _cross_checks(spec: CampaignFile) -> Iterator[tuple[Loc, str]]:
    period_start, period_end = spec.period.start.first_day(), spec.period.end.last_day()
    if period_start > period_end:
        yield ("period", "end"), _("thời gian kết thúc phải sau thời gian bắt đầu")
    yield from _phase_checks(spec, period_start, period_end)
    coded: tuple[tuple[str, Sequence[Any]], ...] = (
        ("phases", spec.phases),
        ("content_areas", spec.content_areas),
        ("targets", spec.targets),
        ("awards.forms", spec.awards.forms),
        ("registration.campaign_works", spec.registration.campaign_works),
    )
    for name, items in coded:
        seen = _duplicates(item.code for item in items)
        for index, item in enumerate(items):
            if item.code in seen:
                yield (
                    (*name.split("."), index, "code"),
                    _("mã `%(code)s` bị trùng") % {"code": item.code},
                )
    areas = {area.code for area in spec.content_areas}
    for index, target in enumerate(spec.targets):
        for field, message in _target_problems(target, areas):
            yield ("targets", index, field), message
    for index, work in enumerate(spec.registration.campaign_works):
        if work.content_area and work.content_area not in areas:
            yield (
                ("registration", "campaign_works", index, "content_area"),
                _("không có nội dung thi đua mã `%(code)s`") % {"code": work.content_area},
            )


def _phase_checks(spec: CampaignFile, start: Any, end: Any) -> Iterator[tuple[Loc, str]]:
    previous_end = None
    for index, phase in enumerate(spec.phases):
        first, last = phase.start.first_day(), phase.end.last_day()
        if first > last:
            yield ("phases", index, "end"), _("đợt kết thúc trước khi bắt đầu")
        if first < start or last > end:
            yield ("phases", index, "start"), _("đợt nằm ngoài thời gian của phong trào (period)")
        if previous_end is not None and first <= previous_end:
            yield ("phases", index, "start"), _("đợt bắt đầu trước khi đợt trước kết thúc")
        previous_end = last


def _target_problems(target: Any, areas: set[str]) -> Iterator[tuple[str, str]]:
    if target.comparator == "between":
        if target.value is None or target.value_max is None:
            yield "value_max", _("so sánh `between` cần cả value và value_max")
        elif target.value_max < target.value:
            yield "value_max", _("value_max phải lớn hơn hoặc bằng value")
    elif target.comparator == "before":
        if target.deadline is None:
            yield "deadline", _("so sánh `before` cần thời hạn (deadline)")
    else:
        if target.value is None:
            yield "value", _("chỉ tiêu cần giá trị (value)")
        if target.value_max is not None:
            yield "value_max", _("chỉ dùng value_max với so sánh `between`")
    if target.kind == "milestone" and target.comparator != "before":
        yield "comparator", _("chỉ tiêu loại mốc (milestone) dùng so sánh `before`")
    period = target.period
    if period and period.from_ and period.to and period.from_.first_day() > period.to.last_day():
        yield "period", _("`from` phải trước `to`")
    if target.content_area and target.content_area not in areas:
        yield (
            "content_area",
            _("không có nội dung thi đua mã `%(code)s`") % {"code": target.content_area},
        )


def _unit_checks(spec: CampaignFile) -> Iterator[tuple[Loc, str]]:
    from thidua.organisations.models import Unit

    wanted: list[tuple[Loc, str]] = [(("document", "issuer_unit"), spec.document.issuer_unit)]
    if spec.reporting and spec.reporting.recipient_unit:
        wanted.append((("reporting", "recipient_unit"), spec.reporting.recipient_unit))
    for index, duty in enumerate(spec.duties):
        for position, code in enumerate(duty.agency_units):
            wanted.append((("duties", index, "agency_units", position), code))
    known = set(
        Unit.objects.filter(code__in={code for _, code in wanted}).values_list("code", flat=True)
    )
    for loc, code in wanted:
        if code not in known:
            yield (
                loc,
                _(
                    "không có đơn vị mã `%(code)s` trong danh mục; nạp danh mục đơn vị trước "
                    "(python -m thidua units load …)"
                )
                % {"code": code},
            )
