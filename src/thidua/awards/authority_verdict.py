"""Whether the head of a unit may sign an award on a date, and if not, why and who may.

``authority_verdict`` answers with the authority row in force (Luật TĐKT 2022 Điều 80;
ND 129/2025 Điều 59), or with the real cause of a refusal: the granting unit had ended
(Trà Vinh's chairman has no authority from 01/7/2025: the province merged into Vĩnh
Long, Nghị quyết 202/2025/QH15), had not started yet, the grantor's authority over the
form had ended or not begun, or does not cover that kind of subject. Where a recorded
successor of an ended unit holds the authority on that date, it is offered.

The answer is computed from ``UnitTables`` (the authority rows of the forms, the units'
grantor kinds and successions), read once: the eligibility checks of a whole queue load
one for every nomination (``load_unit_tables``); a single question loads its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from django.utils.translation import gettext as _

from thidua.awards.models import AwardAuthority, AwardForm, GrantorKind, SubjectKind
from thidua.awards.sources import UNVERIFIED_LAW
from thidua.organisations.models import SuccessionKind, Unit, UnitKind, UnitSuccession

#: Successions followed at most, looking for the unit in force (a merge of a merge…).
MAX_SUCCESSIONS = 5


class Cause(StrEnum):
    """Why a signer has no authority."""

    UNIT_ENDED = "unit_ended"
    UNIT_NOT_STARTED = "unit_not_started"
    ENDED = "authority_ended"
    NOT_STARTED = "authority_not_started"
    SUBJECT = "subject_kind"
    NONE = "no_authority"


@dataclass(frozen=True)
class AuthorityVerdict:
    """The answer for (form, subject kind, granting unit, date): ``authority`` when the
    head may sign; otherwise ``cause``, ``reason`` (a Vietnamese sentence naming the
    cause and its date) and ``basis`` (where it comes from), and, when there is one,
    the ``successor`` unit whose head holds ``successor_authority`` on that date."""

    authority: AwardAuthority | None
    cause: Cause | None = None
    reason: str = ""
    basis: str = ""
    successor: Unit | None = None
    successor_authority: AwardAuthority | None = None

    @property
    def ok(self) -> bool:
        return self.authority is not None

    @property
    def board_note(self) -> str:
        """For the Ban TĐKT: the authority's article was not found (blank otherwise)."""
        if self.authority is None or self.authority.verified:
            return ""
        return str(UNVERIFIED_LAW)


def _day(day: dt.date) -> str:
    return f"{day:%d/%m/%Y}"


def _in_force(row: AwardAuthority, on: dt.date) -> bool:
    return row.valid_from <= on and (row.valid_to is None or row.valid_to >= on)


@dataclass
class UnitTables:
    """What a verdict reads, read once for many questions: the authority rows of some
    forms by (form, grantor kind), in ``(valid_from, pk)`` order; the kind of the
    parents of units of kind "other" (``grantor_kind_of``); the successions of units that
    did not always exist, newest first, with their successor (and its own successions)."""

    authorities: dict[tuple[int, str], list[AwardAuthority]] = field(default_factory=dict)
    parent_kinds: dict[int, str] = field(default_factory=dict)
    successions: dict[int, list[UnitSuccession]] = field(default_factory=dict)

    def grantor_kind(self, unit: Unit) -> str:
        """``authority.grantor_kind_of`` from the tables (Luật TĐKT 2022 Điều 80)."""
        parent_kind = self.parent_kinds.get(unit.parent_id) if unit.parent_id else None
        if unit.kind == UnitKind.OTHER and parent_kind == UnitKind.DEPARTMENT:
            return GrantorKind.DEPARTMENT_UNIT
        return str(unit.kind)

    def rows(self, form: AwardForm, unit: Unit) -> list[AwardAuthority]:
        """The authority rows of ``form`` for the head of ``unit``, every date."""
        return self.authorities.get((form.pk, self.grantor_kind(unit)), [])

    def authority_for(
        self, form: AwardForm, subject_kind: str, unit: Unit, on: dt.date
    ) -> AwardAuthority | None:
        """``authority.authority_for`` from the tables."""
        if not unit.is_valid_on(on):
            return None
        rows = (row for row in self.rows(form, unit) if _in_force(row, on))
        return next((row for row in rows if subject_kind in row.subject_kinds), None)

    def succession_after(self, unit: Unit, on: dt.date) -> UnitSuccession | None:
        """The succession that ended ``unit`` before ``on`` (the latest)."""
        found = (s for s in self.successions.get(unit.pk, []) if s.effective <= on)
        return next(found, None)

    def latest_succession(self, unit: Unit) -> UnitSuccession | None:
        """The latest recorded succession of ``unit``, whatever its date."""
        return next(iter(self.successions.get(unit.pk, [])), None)


def _changes(unit: Unit) -> bool:
    return unit.valid_from is not None or unit.valid_to is not None


def load_unit_tables(form_ids: Iterable[int], units: Iterable[Unit]) -> UnitTables:
    """The tables of the forms and units (with the successors of the units, followed up
    to ``MAX_SUCCESSIONS`` steps): one query for the authorities, one a succession step
    while some unit did not always exist, one for the parents of units of kind "other"."""
    tables = UnitTables()
    rows = AwardAuthority.objects.filter(form_id__in=set(form_ids)).order_by("valid_from", "pk")
    for row in rows:
        tables.authorities.setdefault((row.form_id, row.grantor_kind), []).append(row)
    known = {unit.pk: unit for unit in units}
    todo = {pk for pk, unit in known.items() if _changes(unit)}
    for _step in range(MAX_SUCCESSIONS + 1):
        if not todo:
            break
        tables.successions.update({pk: [] for pk in todo})
        found = (
            UnitSuccession.objects.filter(predecessor_id__in=todo)
            .select_related("successor")
            .order_by("-effective", "-pk")
        )
        for succession in found:
            tables.successions[succession.predecessor_id].append(succession)
            known.setdefault(succession.successor_id, succession.successor)
        todo = {pk for pk, unit in known.items() if pk not in tables.successions and _changes(unit)}
    parents = {u.parent_id for u in known.values() if u.kind == UnitKind.OTHER and u.parent_id}
    if parents:
        tables.parent_kinds = dict(Unit.objects.filter(pk__in=parents).values_list("pk", "kind"))
    return tables


def place_of(unit: Unit) -> str:
    """How a sentence names a local government: "Ủy ban nhân dân tỉnh Trà Vinh" →
    "tỉnh Trà Vinh"; other units by their name."""
    prefix = "Ủy ban nhân dân "
    return unit.name[len(prefix) :] if unit.name.startswith(prefix) else unit.name


def signer_of(authority: AwardAuthority, unit: Unit) -> str:
    """Who signs under ``authority`` as head of ``unit``: "Chủ tịch Ủy ban nhân dân tỉnh
    Vĩnh Long" for a local government, else "Giám đốc Sở, Sở Y tế"."""
    prefix = "Chủ tịch Ủy ban nhân dân"
    if unit.name.startswith("Ủy ban nhân dân") and authority.grantor_title.startswith(prefix):
        return f"Chủ tịch {unit.name}"
    return f"{authority.grantor_title}, {unit.name}"


_SUCCESSION_VERBS = {
    SuccessionKind.MERGE: "đã hợp nhất vào",
    SuccessionKind.RENAME: "đã đổi thành",
    SuccessionKind.SPLIT: "đã chia tách; kế thừa là",
    SuccessionKind.DISSOLVE: "đã giải thể, chuyển giao cho",
}


def successor_on(
    unit: Unit, on: dt.date, tables: UnitTables
) -> tuple[Unit | None, UnitSuccession | None]:
    """The recorded successor of ``unit`` in force on ``on`` (following a chain of
    successions), and the first succession of the chain; (None, None) when none."""
    first = tables.succession_after(unit, on)
    current = first.successor if first is not None else None
    for _step in range(MAX_SUCCESSIONS):
        if current is None or current.is_valid_on(on):
            break
        following = tables.succession_after(current, on)
        current = following.successor if following is not None else None
    if current is None or not current.is_valid_on(on):
        return None, first
    return current, first


def _cited(basis: str) -> str:
    """A succession's basis without its trailing source address ("…; nguồn: https://…")."""
    return basis.split("; nguồn:")[0].strip()[:255]


def _unit_ended(
    form: AwardForm, kind: str, grantor: Unit, on: dt.date, tables: UnitTables
) -> AuthorityVerdict:
    assert grantor.valid_to is not None
    ended = grantor.valid_to + dt.timedelta(days=1)
    successor, succession = successor_on(grantor, on, tables)
    values = {"date": _day(ended), "unit": place_of(grantor)}
    if succession is not None:
        values["verb"] = _SUCCESSION_VERBS.get(SuccessionKind(succession.kind), "")
        values["successor"] = place_of(succession.successor)
        reason = (
            _("Người ký không có thẩm quyền từ %(date)s: %(unit)s %(verb)s %(successor)s.") % values
        )
    else:
        reason = (
            _("Người ký không có thẩm quyền từ %(date)s: %(unit)s đã ngừng hoạt động.") % values
        )
    successor_authority = (
        tables.authority_for(form, kind, successor, on) if successor is not None else None
    )
    return AuthorityVerdict(
        authority=None,
        cause=Cause.UNIT_ENDED,
        reason=reason,
        basis=_cited(succession.basis) if succession is not None else "",
        successor=successor if successor_authority is not None else None,
        successor_authority=successor_authority,
    )


def _window_cause(
    form: AwardForm, kind: str, grantor: Unit, on: dt.date, tables: UnitTables
) -> AuthorityVerdict:
    """The unit exists on ``on`` but its head's authority over ``form`` does not hold."""
    rows = tables.rows(form, grantor)
    values = {"form": form.name, "kind": str(SubjectKind(kind).label).lower(), "on": _day(on)}
    covering = [row for row in rows if kind in row.subject_kinds]
    before = [row for row in covering if row.valid_to is not None and row.valid_to < on]
    after = [row for row in covering if row.valid_from > on]
    if before:
        row = before[-1]
        values |= {"title": row.grantor_title, "date": _day(row.valid_to)}  # type: ignore[arg-type]
        reason = _("%(title)s chỉ có thẩm quyền tặng “%(form)s” đến %(date)s.") % values
        return AuthorityVerdict(None, Cause.ENDED, reason, row.legal_basis)
    if after:
        row = after[0]
        values |= {"title": row.grantor_title, "date": _day(row.valid_from)}
        reason = _("%(title)s có thẩm quyền tặng “%(form)s” từ %(date)s.") % values
        return AuthorityVerdict(None, Cause.NOT_STARTED, reason, row.legal_basis)
    if rows:
        values["title"] = rows[0].grantor_title
        reason = _("%(title)s không có thẩm quyền tặng “%(form)s” cho %(kind)s.") % values
        return AuthorityVerdict(None, Cause.SUBJECT, reason, rows[0].legal_basis)
    values["unit"] = grantor.name
    reason = _("Người đứng đầu %(unit)s không có thẩm quyền tặng “%(form)s”.") % values
    return AuthorityVerdict(None, Cause.NONE, reason, "Luật TĐKT 2022 Điều 80")


def authority_verdict(
    *,
    form: AwardForm,
    subject_kind: str,
    grantor_unit: Unit,
    on: dt.date,
    tables: UnitTables | None = None,
) -> AuthorityVerdict:
    """May the head of ``grantor_unit`` grant ``form`` to a ``subject_kind`` on ``on``
    (the decision date)? See ``AuthorityVerdict`` for what a refusal says. ``tables``:
    read once for many verdicts (``load_unit_tables``), else loaded for this one."""
    if tables is None:
        tables = load_unit_tables([form.pk], [grantor_unit])
    found = tables.authority_for(form, subject_kind, grantor_unit, on)
    if found is not None:
        return AuthorityVerdict(authority=found, basis=found.legal_basis)
    if grantor_unit.valid_to is not None and grantor_unit.valid_to < on:
        return _unit_ended(form, subject_kind, grantor_unit, on, tables)
    if grantor_unit.valid_from is not None and grantor_unit.valid_from > on:
        reason = _("%(unit)s chỉ hoạt động từ %(date)s; ngày ký %(on)s chưa có thẩm quyền.") % {
            "unit": grantor_unit.name,
            "date": _day(grantor_unit.valid_from),
            "on": _day(on),
        }
        return AuthorityVerdict(None, Cause.UNIT_NOT_STARTED, reason)
    return _window_cause(form, subject_kind, grantor_unit, on, tables)
