"""Writes of a unit's year results: a person's rating, the collective's rating, an
initiative, and the year's nominations drafted from the computed titles. Each write checks
permission, validates, and appends its event in one transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.awards.models import AwardBasis, AwardForm, Nomination, Nominee, SubjectKind
from thidua.awards.models.nominations import CLAIMING_STATES
from thidua.awards.nominations import nomination_create
from thidua.awards.nominees import NomineeData, nominee_find_or_create
from thidua.campaigns.regular import year_phase
from thidua.campaigns.selectors import regular_campaign
from thidua.core.errors import DomainError, NotPermitted
from thidua.core.text import nfc
from thidua.core.tree import root_path
from thidua.organisations.models import Unit
from thidua.ratings.codes import ErrorCode, EventKind
from thidua.ratings.models import (
    AnnualRating,
    CollectiveRating,
    Discipline,
    Initiative,
    Rating,
    RatingsEvent,
)
from thidua.ratings.rules import can_record_results

#: The titles the unit-year page may draft nominations for.
INDIVIDUAL_TITLES = ("ldtt", "cstdcs", "cstd-tinh", "bang-khen-tinh")
COLLECTIVE_TITLES = ("ttldtt", "ttldxs")


def _check_year(year: int) -> None:
    today = dt.date.today()
    if not 2000 <= year <= today.year:
        raise DomainError(_("Năm phải từ 2000 đến %(year)s.") % {"year": today.year}, field="year")


def _first_error(exc: ValidationError) -> str:
    return next(iter(exc.messages), _("Dữ liệu không hợp lệ."))


def rating_set(
    *,
    by: Any,
    nominee: Nominee,
    year: int,
    rating: str,
    discipline: str = "",
    discipline_source: str = "",
    note: str = "",
) -> AnnualRating:
    """Record (or correct) ``nominee``'s rating for ``year``, with the year's heaviest
    discipline and the decision it comes from. Only the staff of the person's unit."""
    unit = nominee.unit
    if unit is None or not can_record_results(by, unit):
        raise NotPermitted()
    if nominee.kind != SubjectKind.INDIVIDUAL:
        raise DomainError(_("Chỉ xếp loại cá nhân ở đây."), code=ErrorCode.NOT_INDIVIDUAL)
    _check_year(year)
    if rating not in Rating.values:
        raise DomainError(_("Hãy chọn xếp loại."), field="rating")
    if discipline not in Discipline.values:
        raise DomainError(_("Hình thức kỷ luật không có trong danh mục."), field="discipline")
    if discipline and not discipline_source.strip():
        raise DomainError(_("Hãy ghi số, ngày quyết định kỷ luật."), field="discipline_source")
    with transaction.atomic():
        row = AnnualRating.objects.select_for_update().filter(nominee=nominee, year=year).first()
        row = row or AnnualRating(nominee=nominee, year=year)
        row.rating, row.discipline = rating, discipline
        row.discipline_source = nfc(discipline_source.strip()) if discipline else ""
        row.note, row.recorded_by = nfc(note.strip()), by
        try:
            row.full_clean()
        except ValidationError as exc:
            raise DomainError(_first_error(exc)) from exc
        row.save()
        RatingsEvent.objects.create(
            unit=unit,
            year=year,
            actor=by,
            kind=EventKind.RATING_SET,
            payload={"nominee": nominee.pk, "rating": rating, "discipline": discipline},
        )
    return row


def collective_rating_set(
    *, by: Any, unit: Unit, year: int, rating: str, note: str = ""
) -> CollectiveRating:
    """Record (or correct) the collective's rating of ``unit`` for ``year``."""
    if not can_record_results(by, unit):
        raise NotPermitted()
    _check_year(year)
    if rating not in Rating.values:
        raise DomainError(_("Hãy chọn xếp loại."), field="rating")
    with transaction.atomic():
        row, _new = CollectiveRating.objects.select_for_update().get_or_create(
            unit=unit, year=year, defaults={"rating": rating}
        )
        row.rating, row.note, row.recorded_by = rating, nfc(note.strip()), by
        row.save()
        RatingsEvent.objects.create(
            unit=unit,
            year=year,
            actor=by,
            kind=EventKind.COLLECTIVE_SET,
            payload={"rating": rating},
        )
    return row


def initiative_create(
    *,
    by: Any,
    unit: Unit,
    title: str,
    year: int,
    level: str,
    recognised_by: str,
    decision_number: str,
    decision_date: dt.date,
    nominees: Sequence[Nominee],
    kind: str = "initiative",
) -> Initiative:
    """Register a recognised initiative or accepted research of people of ``unit``."""
    if not can_record_results(by, unit):
        raise NotPermitted()
    _check_year(year)
    if not nominees:
        raise DomainError(_("Hãy chọn ít nhất một tác giả."), field="nominees")
    if any(n.unit_id != unit.pk or n.kind != SubjectKind.INDIVIDUAL for n in nominees):
        raise DomainError(_("Tác giả phải là cá nhân của đơn vị."), field="nominees")
    if decision_date.year not in (year, year + 1) or decision_date > dt.date.today():
        raise DomainError(
            _(
                "Ngày quyết định công nhận phải trong năm %(year)s (hoặc đầu năm sau), không sau hôm nay."
            )
            % {"year": year},
            field="decision_date",
        )
    item = Initiative(
        unit=unit,
        kind=kind,
        title=nfc(title.strip()),
        year=year,
        level=level,
        recognised_by=nfc(recognised_by.strip()),
        decision_number=nfc(decision_number.strip()),
        decision_date=decision_date,
        recorded_by=by,
    )
    try:
        item.full_clean()
    except ValidationError as exc:
        raise DomainError(_first_error(exc)) from exc
    with transaction.atomic():
        item.save()
        item.nominees.set(nominees)
        RatingsEvent.objects.create(
            unit=unit,
            year=year,
            actor=by,
            kind=EventKind.INITIATIVE_CREATED,
            payload={"initiative": item.pk, "nominees": [n.pk for n in nominees]},
        )
    return item


def collective_nominee(*, by: Any, unit: Unit) -> Nominee:
    """The unit as a collective nominee (found, or created once)."""
    nominee, _new = nominee_find_or_create(
        by=by, data=NomineeData(kind=SubjectKind.COLLECTIVE, name=unit.name, unit=unit)
    )
    return nominee


def _province(unit: Unit) -> Unit:
    return Unit.objects.get(path=root_path(unit.path))


def nominations_draft(
    *, by: Any, unit: Unit, year: int, choices: Iterable[tuple[int | None, str]]
) -> list[Nomination]:
    """Draft, in the province's regular campaign of ``year``, one nomination (basis ANNUAL)
    for each chosen (nominee id, form code); None as the nominee id means the unit itself
    (a collective title). One title per nominee (one live nomination per phase). Idempotent:
    a nominee already proposed in the year is left as it is. All or nothing."""
    if not can_record_results(by, unit):
        raise NotPermitted()
    campaign = regular_campaign(_province(unit), year)
    if campaign is None:
        raise DomainError(
            _("Ban Thi đua – Khen thưởng chưa mở phong trào thi đua thường xuyên năm %(year)s.")
            % {"year": year},
            code=ErrorCode.NO_REGULAR_CAMPAIGN,
        )
    phase = year_phase(campaign)
    wanted = sorted(set(choices), key=lambda c: (c[0] or 0, c[1]))
    subjects = [n for n, _c in wanted]
    if len(subjects) != len(set(subjects)):
        raise DomainError(
            _(
                "Mỗi cá nhân, tập thể chỉ đề nghị một danh hiệu trong năm: hãy chọn danh hiệu cao nhất."
            )
        )
    forms = {f.code: f for f in AwardForm.objects.filter(code__in={c for _n, c in wanted})}
    people = {
        n.pk: n
        for n in Nominee.objects.filter(
            pk__in=[n for n, _c in wanted if n is not None], unit=unit, merged_into__isnull=True
        )
    }
    created: list[Nomination] = []
    with transaction.atomic():
        for nominee_id, code in wanted:
            nominee = (
                collective_nominee(by=by, unit=unit)
                if nominee_id is None
                else people.get(nominee_id)
            )
            form = forms.get(code)
            allowed = COLLECTIVE_TITLES if nominee_id is None else INDIVIDUAL_TITLES
            if nominee is None or form is None or code not in allowed:
                raise DomainError(_("Lựa chọn không hợp lệ; hãy tải lại trang."))
            # One live nomination per nominee and phase (Luật TĐKT 2022 Điều 5; the
            # constraint nomination_one_live_per_phase): a nominee already proposed stays.
            live = Nomination.objects.filter(
                phase=phase, nominee=nominee, state__in=CLAIMING_STATES
            ).exists()
            if live:
                continue
            created.append(
                nomination_create(
                    by=by,
                    campaign=campaign,
                    phase=phase,
                    proposer_unit=unit,
                    nominee=nominee,
                    form=form,
                    basis=AwardBasis.ANNUAL,
                    summary=_("Kết quả năm %(year)s") % {"year": year},
                )
            )
        if created:
            RatingsEvent.objects.create(
                unit=unit,
                year=year,
                actor=by,
                kind=EventKind.NOMINATIONS_DRAFTED,
                payload={"nominations": [n.pk for n in created]},
            )
    return created
