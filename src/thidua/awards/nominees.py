"""Writes and reads of nominees: one record per real person, collective, household or
enterprise, so the award history follows them (LAW-NOTES §6.2: "the same person or
collective keeps one award history").

Duplicates are caught on the folded name (no diacritics, lower case): the same folded
name, birth year and unit is almost surely the same person; a similar name in the same
unit is worth a look. Both are offered to the officer, who picks the existing record or
confirms a new one. Duplicates found later are merged (``merged_into``).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from difflib import SequenceMatcher
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from thidua.accounts.models import Role
from thidua.accounts.selectors import has_role
from thidua.awards.codes import ErrorCode
from thidua.awards.models import AwardRecord, Hold, Nomination, Nominee, SubjectKind
from thidua.awards.rules import can_propose_for
from thidua.core.errors import DomainError, NotPermitted
from thidua.core.text import fold, nfc
from thidua.organisations.models import Unit
from thidua.organisations.selectors import unit_scope_q

SIMILARITY = 0.85


@dataclass(frozen=True)
class NomineeData:
    """What a nominee record holds (no more personal data than a dossier needs)."""

    kind: str
    name: str
    unit: Unit | None = None
    gender: str = ""
    birth_year: int | None = None
    position: str = ""
    unit_part: str = ""
    address: str = ""
    women_share: Decimal | None = None
    direct_worker: bool = False


class PossibleDuplicate(DomainError):
    """Existing records that may be the same nominee; ``candidates`` to offer instead."""

    code = "possible_duplicate"

    def __init__(self, candidates: list[Nominee]) -> None:
        names = "; ".join(_describe(c) for c in candidates)
        super().__init__(
            _(
                "Có thể đã có đối tượng này: %(names)s. Hãy chọn đối tượng có sẵn, hoặc xác nhận "
                "tạo mới nếu là người, tập thể khác."
            )
            % {"names": names}
        )
        self.candidates = candidates


def _describe(nominee: Nominee) -> str:
    parts = [nominee.name]
    if nominee.birth_year:
        parts.append(str(nominee.birth_year))
    if nominee.unit is not None:
        parts.append(nominee.unit.name)
    return ", ".join(parts)


def nominee_duplicates(data: NomineeData, *, exclude: int | None = None) -> list[Nominee]:
    """Live records that may be ``data``'s nominee: the same folded name, birth year and
    unit, or a similar folded name in the same unit (ratio ≥ 0,85)."""
    key = fold(data.name)
    same_unit = Nominee.objects.filter(
        merged_into__isnull=True, kind=data.kind, unit=data.unit
    ).select_related("unit")
    if exclude:
        same_unit = same_unit.exclude(pk=exclude)
    exact = [
        n
        for n in same_unit.filter(search_key=key)
        if n.birth_year is None or data.birth_year is None or n.birth_year == data.birth_year
    ]
    if exact:
        return exact
    # Similar names: compare the folded names of the unit's nominees sharing a word.
    words = key.split()
    if not words:
        return []
    query = Q()
    for word in words:
        query |= Q(search_key__contains=word)
    return [
        nominee
        for nominee in same_unit.filter(query)[:200]
        if SequenceMatcher(None, key, nominee.search_key).ratio() >= SIMILARITY
    ]


def _validate(data: NomineeData) -> None:
    if data.kind not in SubjectKind.values:
        raise DomainError(_("Hãy chọn loại đối tượng."), code=ErrorCode.KIND_REQUIRED)
    if not nfc(data.name):
        raise DomainError(_("Hãy nhập họ tên hoặc tên đối tượng."), code=ErrorCode.NAME_REQUIRED)
    if data.women_share is not None and not Decimal(0) <= data.women_share <= Decimal(1):
        raise DomainError(_("Tỷ lệ nữ phải từ 0 đến 1 (ví dụ 0,72)."), code=ErrorCode.WOMEN_SHARE)
    if data.birth_year is not None and not 1900 <= data.birth_year <= 2100:
        raise DomainError(_("Năm sinh không hợp lệ."), code=ErrorCode.BIRTH_YEAR)


def nominee_create(*, by: Any, data: NomineeData, confirm_new: bool = False) -> Nominee:
    """Create a nominee of a unit the user may propose for (or any, for Ban TĐKT).

    Raises ``PossibleDuplicate`` with the candidates unless ``confirm_new``."""
    _validate(data)
    if not (has_role(by, Role.SECRETARIAT) or (data.unit and can_propose_for(by, data.unit))):
        raise NotPermitted()
    if not confirm_new:
        candidates = nominee_duplicates(data)
        if candidates:
            raise PossibleDuplicate(candidates)
    nominee = Nominee(**{**data.__dict__, "name": nfc(data.name)})
    nominee.full_clean(exclude=["search_key", "merged_into"])
    nominee.save()
    return nominee


def nominee_find_or_create(*, by: Any, data: NomineeData) -> tuple[Nominee, bool]:
    """The existing record with the same folded name, birth year and unit, or a new one
    (imports use this: a list re-imported names the same people)."""
    key = fold(data.name)
    existing = Nominee.objects.filter(
        merged_into__isnull=True,
        kind=data.kind,
        unit=data.unit,
        search_key=key,
        birth_year=data.birth_year,
    ).first()
    if existing is not None:
        return existing, False
    return nominee_create(by=by, data=data, confirm_new=True), True


def nominee_merge(*, by: Any, duplicate: Nominee, into: Nominee) -> Nominee:
    """Merge ``duplicate`` into ``into``: its nominations, award records and holds move,
    and ``duplicate.merged_into`` points at the record that stays. Ban TĐKT only."""
    if not has_role(by, Role.SECRETARIAT):
        raise NotPermitted()
    if duplicate.pk == into.pk or into.merged_into_id:
        raise DomainError(
            _("Hãy gộp vào một đối tượng khác, chưa bị gộp."), code=ErrorCode.BAD_MERGE
        )
    if duplicate.kind != into.kind:
        raise DomainError(_("Chỉ gộp hai đối tượng cùng loại."), code=ErrorCode.BAD_MERGE)
    with transaction.atomic():
        phases = set(Nomination.objects.filter(nominee=into).values_list("phase_id", flat=True))
        if Nomination.objects.filter(nominee=duplicate, phase_id__in=phases).exists():
            raise DomainError(
                _("Hai hồ sơ cùng có đề nghị trong một đợt; hãy rút một đề nghị trước khi gộp."),
                code=ErrorCode.MERGE_CONFLICT,
            )
        Nomination.objects.filter(nominee=duplicate).update(nominee=into)
        AwardRecord.objects.filter(nominee=duplicate).update(nominee=into)
        Hold.objects.filter(nominee=duplicate).update(nominee=into)
        Nominee.objects.filter(merged_into=duplicate).update(merged_into=into)
        duplicate.merged_into = into
        duplicate.save(update_fields=["merged_into"])
    return into


def nominees_visible_to(user: Any) -> QuerySet[Nominee]:
    """Live nominees of the units the user's roles cover (never a sibling's)."""
    if not getattr(user, "is_authenticated", False):
        return Nominee.objects.none()
    nominees = Nominee.objects.filter(merged_into__isnull=True)
    return nominees.filter(unit__in=Unit.objects.filter(unit_scope_q(user)).values("pk"))


def nominee_search(user: Any, q: str) -> QuerySet[Nominee]:
    """Visible nominees whose name contains every typed word, with or without diacritics
    ("nguyen thi hoa" finds "Nguyễn Thị Hoa")."""
    nominees = nominees_visible_to(user).select_related("unit")
    for word in fold(q).split():
        nominees = nominees.filter(search_key__contains=word)
    return nominees.order_by("search_key", "pk")
