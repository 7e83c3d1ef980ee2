"""The values the year's title rules read, as data: each rule window of ``award-forms.yaml``
gives them under ``thresholds:`` with their ``legal_basis``, validated by these models when
the file is loaded (the checks are registered with awards' eligibility registry, so an
unknown or wrong value is refused there, saying where)."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from django.utils.translation import gettext as _
from pydantic import AfterValidator, BaseModel, ConfigDict, field_validator

from thidua.awards.models import AwardBasis
from thidua.ratings.models import Discipline, InitiativeLevel, Rating

Severity = Literal["block", "warn"]


def _known(values: list[str], choices: list[str], what: str) -> list[str]:
    unknown = [value for value in values if value not in choices]
    if unknown:
        raise ValueError(_("%(what)s không có: %(v)s") % {"what": what, "v": ", ".join(unknown)})
    return values


def _rating(value: str) -> str:
    return _known([value], list(Rating.values), _("xếp loại"))[0]


def _levels(value: list[str]) -> list[str]:
    return _known(value, list(InitiativeLevel.values), _("cấp công nhận"))


def _basis_list(value: list[str]) -> list[str]:
    return _known(value, list(AwardBasis.values), _("loại thành tích"))


RatingValue = Annotated[str, AfterValidator(_rating)]
Levels = Annotated[list[str], AfterValidator(_levels)]
Bases = Annotated[list[str], AfterValidator(_basis_list)]


class _Base(BaseModel):
    """What every title rule says: for nominations of which bases it applies (annual by
    default), whether a failure blocks or warns, and the article it comes from."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    bases: Bases = [AwardBasis.ANNUAL.value]
    severity: Severity = "block"
    legal_basis: str


class LdttThresholds(_Base):
    """Lao động tiên tiến (Luật TĐKT 2022 Điều 24): the year's rating at least ``min_rating``."""

    min_rating: RatingValue = Rating.GOOD.value


class CstdcsThresholds(_Base):
    """Chiến sĩ thi đua cơ sở (Điều 23, R3): LĐTT that year (rating at least
    ``ldtt_rating``) and either the rating ``excellent_rating`` or an initiative or research
    recognised that year at one of ``initiative_levels``."""

    ldtt_rating: RatingValue = Rating.GOOD.value
    excellent_rating: RatingValue = Rating.EXCELLENT.value
    initiative_levels: Levels


class _Counter(_Base):
    counts: str = "cstdcs"
    counted_bases: Bases


class CstdTinhThresholds(_Counter):
    """Chiến sĩ thi đua cấp tỉnh (Điều 22, R4, R8): ``years`` consecutive years of
    ``counts`` ending with the year judged (or the year before), counting only records of
    ``counted_bases``, and an initiative or research recognised at one of
    ``initiative_levels`` within those years."""

    years: int
    initiative_levels: Levels

    @field_validator("years")
    @classmethod
    def _years(cls, value: int) -> int:
        if value < 1:
            raise ValueError(_("số năm phải từ 1 trở lên"))
        return value


class CollectiveThresholds(_Base):
    """TTLĐTT (Điều 28) and TTLĐXS (Điều 27), R6: the collective's rating at least
    ``collective_rating``; at least ``ldtt_share`` of its rated members reach LĐTT; nobody
    disciplined at ``discipline_from`` or heavier (when set); every member at least
    "hoàn thành nhiệm vụ" (``all_complete``); at least ``min_cstdcs`` CSTĐCS."""

    collective_rating: RatingValue
    ldtt_share: Decimal
    discipline_from: str | None = None
    all_complete: bool = False
    min_cstdcs: int = 0

    @field_validator("ldtt_share")
    @classmethod
    def _share(cls, value: Decimal) -> Decimal:
        if not Decimal(0) <= value <= Decimal(1):
            raise ValueError(_("tỷ lệ phải từ 0 đến 1"))
        return value

    @field_validator("discipline_from")
    @classmethod
    def _discipline(cls, value: str | None) -> str | None:
        if value is not None:
            _known([value], [v for v in Discipline.values if v], _("hình thức kỷ luật"))
        return value


class RouteDThresholds(_Counter):
    """Bằng khen of the province's chairman, route 74.1.d (R7, R8): ``cstdcs_years``
    consecutive CSTĐCS (however earned), or ``excellent_years`` consecutive years rated
    ``excellent_rating`` with ``initiatives`` initiatives or research at one of
    ``initiative_levels`` within those years. One route among several: a warning."""

    cstdcs_years: int
    excellent_years: int
    excellent_rating: RatingValue = Rating.EXCELLENT.value
    initiatives: int
    initiative_levels: Levels
