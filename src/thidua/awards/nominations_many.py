"""Many nominations at once (the Excel import): ``nomination_create`` for every row of a
file, all or nothing, in a number of queries that does not grow with the rows (issue #16).

What a row needs is read once per file: the unit's live nominees with the file's names,
the nominations that already claim them in the campaign's phases (one achievement, one
award: Luật TĐKT 2022 Điều 5), and the grantor of each form, kind and phase (Luật TĐKT
2022 Điều 84). Rows are checked in memory in the order ``nomination_create`` checks them,
each row against the rows before it as if they had been saved in turn; then the new
nominees, the nominations and their "create" events are written with ``bulk_create`` in
one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from thidua.awards.codes import ErrorCode, EventKind
from thidua.awards.models import (
    AwardBasis,
    AwardForm,
    Nomination,
    NominationEvent,
    NominationState,
    Nominee,
)
from thidua.awards.models.nominations import CLAIMING_STATES
from thidua.awards.nominations import ONE_DECIDED, ONE_LIVE, default_grantor
from thidua.awards.rules import can_propose_for
from thidua.campaigns.models import Campaign, Phase
from thidua.core.errors import DomainError, NotPermitted
from thidua.core.text import fold, nfc
from thidua.organisations.models import Unit

#: Values in one ``IN (…)`` list (SQLite allows 32,766 parameters; PostgreSQL more).
_CHUNK = 2000

Identity = tuple[str, str, int | None]


@dataclass(frozen=True)
class NominationRow:
    """One row of a nomination list: the nominee as written and what is proposed."""

    kind: str
    name: str
    form: AwardForm
    phase: Phase
    basis: str = AwardBasis.CAMPAIGN
    gender: str = ""
    birth_year: int | None = None
    position: str = ""
    unit_part: str = ""
    summary: str = ""

    @cached_property
    def identity(self) -> Identity:
        """The same record for ``nominee_find_or_create``: kind, folded name, birth year."""
        return (self.kind, fold(self.name), self.birth_year)


def _chunks(values: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _existing_nominees(unit: Unit, rows: Iterable[NominationRow]) -> dict[Identity, Nominee]:
    """The unit's live nominees with a name of the file, the first (lowest pk) of each
    identity, as ``nominee_find_or_create`` picks it."""
    keys = sorted({row.identity[1] for row in rows})
    found: dict[Identity, Nominee] = {}
    for part in _chunks(keys):
        query = Nominee.objects.filter(merged_into__isnull=True, unit=unit, search_key__in=part)
        for nominee in query.order_by("pk"):
            found.setdefault((nominee.kind, nominee.search_key, nominee.birth_year), nominee)
    return found


def _claims(phases: set[int], nominees: list[int]) -> dict[tuple[int, int], str]:
    """``(phase, nominee) → ""`` for a live claim, or the form's name of a decided one."""
    claims: dict[tuple[int, int], str] = {}
    for part in _chunks(nominees):
        query = Nomination.objects.filter(
            phase_id__in=phases, nominee_id__in=part, state__in=CLAIMING_STATES
        ).values_list("phase_id", "nominee_id", "state", "form__name")
        for phase, nominee, state, form in query:
            if state == NominationState.DECIDED:
                claims[(phase, nominee)] = form
            else:
                claims.setdefault((phase, nominee), "")
    return claims


class _Grantors:
    """``default_grantor`` once per form, subject kind and phase end (a file has few)."""

    def __init__(self, unit: Unit) -> None:
        self.unit = unit
        self.found: dict[tuple[int, str, Any], Unit | None] = {}

    def __call__(self, row: NominationRow) -> Unit:
        key = (row.form.pk, row.kind, row.phase.last_day)
        if key not in self.found:
            self.found[key] = default_grantor(
                form=row.form, proposer_unit=self.unit, subject_kind=row.kind, on=key[2]
            )
        grantor = self.found[key]
        if grantor is None:
            raise DomainError(
                _("Không tìm thấy cấp có thẩm quyền tặng “%(form)s”; hãy chọn cấp khen thưởng.")
                % {"form": row.form.name},
                code=ErrorCode.GRANTOR_REQUIRED,
            )
        return grantor


def _check(row: NominationRow, campaign: Campaign) -> None:
    """The checks of ``nominee_create`` and of ``nomination_create``'s ``_validate``."""
    if not nfc(row.name):
        raise DomainError(_("Hãy nhập họ tên hoặc tên đối tượng."), code=ErrorCode.NAME_REQUIRED)
    if row.phase.campaign_id != campaign.pk:
        raise DomainError(_("Đợt thi đua không thuộc phong trào này."), code=ErrorCode.BAD_PHASE)
    if row.kind not in row.form.subject_kinds:
        raise DomainError(
            _("“%(form)s” không tặng cho đối tượng loại này.") % {"form": row.form.name},
            code=ErrorCode.BAD_SUBJECT,
        )
    if row.basis not in AwardBasis.values:
        raise DomainError(_("Hãy chọn loại thành tích."), code=ErrorCode.BAD_BASIS)


def _new_nominee(row: NominationRow, unit: Unit) -> Nominee:
    name = nfc(row.name)
    return Nominee(
        kind=row.kind, name=name, search_key=fold(name), unit=unit, gender=row.gender,
        birth_year=row.birth_year, position=row.position, unit_part=row.unit_part,
    )  # fmt: skip


def nominations_create_many(
    *,
    by: Any,
    campaign: Campaign,
    unit: Unit,
    rows: list[NominationRow],
    before_commit: Callable[[int], None] | None = None,
) -> tuple[list[Nomination], list[tuple[int | None, str]]]:
    """Draft a nomination of ``unit`` for every row (its nominee found or created as
    ``nominee_find_or_create`` does), or none.

    Guarantees: only who may propose for ``unit`` (``NotPermitted``); each row gets the
    checks of ``nomination_create`` (the grantor found, the form given to the subject's
    kind, one live nomination per nominee and phase: Luật TĐKT 2022 Điều 5, counting the
    rows above it); any refusal returns ``([], [(row index, message), …])`` and saves
    nothing. Otherwise the nominations, each with its "create" event, written in a few
    bulk inserts in one transaction (index None: a nomination made meanwhile elsewhere).
    ``before_commit(created)`` runs last in that transaction (raising there saves none).
    """
    if not can_propose_for(by, unit):
        raise NotPermitted()
    existing = _existing_nominees(unit, rows)
    claims = _claims({row.phase.pk for row in rows}, [n.pk for n in existing.values()])
    grantor = _Grantors(unit)
    refusals: list[tuple[int | None, str]] = []
    claimed: set[tuple[int, Identity]] = set()
    grantors: list[Unit] = []
    for index, row in enumerate(rows):
        try:
            _check(row, campaign)
            grantors.append(grantor(row))
            nominee = existing.get(row.identity)
            decided = claims.get((row.phase.pk, nominee.pk)) if nominee is not None else None
            values = {"nominee": nfc(row.name)}
            if decided:
                raise DomainError(
                    ONE_DECIDED % (values | {"form": decided}), code=ErrorCode.ONE_AWARD
                )
            if decided is not None or (row.phase.pk, row.identity) in claimed:
                raise DomainError(ONE_LIVE % values, code=ErrorCode.ONE_AWARD)
            claimed.add((row.phase.pk, row.identity))
        except DomainError as exc:
            refusals.append((index, exc.message))
    if refusals:
        return [], refusals
    try:
        with transaction.atomic():
            created = _write(by, campaign, unit, rows, grantors, existing)
            if before_commit is not None:
                before_commit(len(created))
        return created, []
    except IntegrityError:
        message = _(
            "Trong lúc nhập, một đề nghị cho cùng đối tượng và đợt vừa được tạo; hãy tải tệp "
            "lên lại để xem dòng nào trùng."
        )
        return [], [(None, message)]


def _write(
    by: Any,
    campaign: Campaign,
    unit: Unit,
    rows: list[NominationRow],
    grantors: list[Unit],
    existing: dict[Identity, Nominee],
) -> list[Nomination]:
    fresh: dict[Identity, Nominee] = {}
    for row in rows:
        if row.identity not in existing and row.identity not in fresh:
            fresh[row.identity] = _new_nominee(row, unit)
    Nominee.objects.bulk_create(fresh.values(), batch_size=1000)
    nominees = existing | fresh
    nominations = [
        Nomination(
            campaign=campaign,
            phase=row.phase,
            proposer_unit=unit,
            grantor_unit=grantor,
            nominee=nominees[row.identity],
            form=row.form,
            basis=row.basis,
            summary=nfc(row.summary),
            achievement={},
            created_by=by,
        )
        for row, grantor in zip(rows, grantors, strict=True)
    ]
    Nomination.objects.bulk_create(nominations, batch_size=1000)
    NominationEvent.objects.bulk_create(
        [
            NominationEvent(
                nomination=nomination, actor=by, kind=EventKind.CREATE, to_state=nomination.state
            )
            for nomination in nominations
        ],
        batch_size=1000,
    )
    return nominations
