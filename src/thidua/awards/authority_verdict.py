"""Whether the head of a unit may sign an award on a date, and if not, why and who may.

``authority_verdict`` answers with the authority row in force (Luật TĐKT 2022 Điều 80;
ND 129/2025 Điều 59), or with the real cause of a refusal: the granting unit had ended
(Trà Vinh's chairman has no authority from 01/7/2025: the province merged into Vĩnh
Long, Nghị quyết 202/2025/QH15), had not started yet, the grantor's authority over the
form had ended or not begun, or does not cover that kind of subject. Where a recorded
successor of an ended unit holds the authority on that date, it is offered.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext as _

from thidua.awards.authority import authority_for, grantor_kind_of
from thidua.awards.models import AwardAuthority, AwardForm, SubjectKind
from thidua.awards.sources import UNVERIFIED_LAW
from thidua.organisations.models import SuccessionKind, Unit, UnitSuccession

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


def succession_after(unit: Unit, on: dt.date) -> UnitSuccession | None:
    """The succession that ended ``unit`` before ``on`` (the latest, with its successor)."""
    return (
        UnitSuccession.objects.filter(predecessor=unit, effective__lte=on)
        .select_related("successor")
        .order_by("-effective", "-pk")
        .first()
    )


def successor_on(unit: Unit, on: dt.date) -> tuple[Unit | None, UnitSuccession | None]:
    """The recorded successor of ``unit`` in force on ``on`` (following a chain of
    successions), and the first succession of the chain; (None, None) when none."""
    first = succession_after(unit, on)
    current = first.successor if first is not None else None
    for _step in range(MAX_SUCCESSIONS):
        if current is None or current.is_valid_on(on):
            break
        following = succession_after(current, on)
        current = following.successor if following is not None else None
    if current is None or not current.is_valid_on(on):
        return None, first
    return current, first


def _cited(basis: str) -> str:
    """A succession's basis without its trailing source address ("…; nguồn: https://…")."""
    return basis.split("; nguồn:")[0].strip()[:255]


def _unit_ended(form: AwardForm, kind: str, grantor: Unit, on: dt.date) -> AuthorityVerdict:
    assert grantor.valid_to is not None
    ended = grantor.valid_to + dt.timedelta(days=1)
    successor, succession = successor_on(grantor, on)
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
        authority_for(form=form, subject_kind=kind, grantor_unit=successor, on=on)
        if successor is not None
        else None
    )
    return AuthorityVerdict(
        authority=None,
        cause=Cause.UNIT_ENDED,
        reason=reason,
        basis=_cited(succession.basis) if succession is not None else "",
        successor=successor if successor_authority is not None else None,
        successor_authority=successor_authority,
    )


def _window_cause(form: AwardForm, kind: str, grantor: Unit, on: dt.date) -> AuthorityVerdict:
    """The unit exists on ``on`` but its head's authority over ``form`` does not hold."""
    rows = list(
        AwardAuthority.objects.filter(form=form, grantor_kind=grantor_kind_of(grantor)).order_by(
            "valid_from", "pk"
        )
    )
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
    *, form: AwardForm, subject_kind: str, grantor_unit: Unit, on: dt.date
) -> AuthorityVerdict:
    """May the head of ``grantor_unit`` grant ``form`` to a ``subject_kind`` on ``on``
    (the decision date)? See ``AuthorityVerdict`` for what a refusal says."""
    found = authority_for(form=form, subject_kind=subject_kind, grantor_unit=grantor_unit, on=on)
    if found is not None:
        return AuthorityVerdict(authority=found, basis=found.legal_basis)
    if grantor_unit.valid_to is not None and grantor_unit.valid_to < on:
        return _unit_ended(form, subject_kind, grantor_unit, on)
    if grantor_unit.valid_from is not None and grantor_unit.valid_from > on:
        reason = _("%(unit)s chỉ hoạt động từ %(date)s; ngày ký %(on)s chưa có thẩm quyền.") % {
            "unit": grantor_unit.name,
            "date": _day(grantor_unit.valid_from),
            "on": _day(on),
        }
        return AuthorityVerdict(None, Cause.UNIT_NOT_STARTED, reason)
    return _window_cause(form, subject_kind, grantor_unit, on)
