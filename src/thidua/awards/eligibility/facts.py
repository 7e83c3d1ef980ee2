"""What the eligibility checks read, loaded for many nominations at once (issue #16).

``load_facts`` reads, in a fixed number of queries whatever the number of nominations,
what every check needs: the nominations' own rows (form, campaign, phase, units,
nominee), the rule of each form in force on each decision date (LAW-NOTES R1, R2), the
phases' award dates and the holiday calendar (R13). Then each ``prefetch`` loader of
the registry reads its checks' facts for the whole list (authority, history, dossier,
quotas, and those of checks plugged in by other apps), kept on each ``Facts`` and read
back with ``Facts.loaded``. The checks read from ``Facts`` only: checking one nomination
is checking a list of one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.core.exceptions import EmptyResultSet, ImproperlyConfigured
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import F, Lookup, Q, QuerySet, prefetch_related_objects
from django.db.models.sql.compiler import SQLCompiler
from pydantic import BaseModel

from thidua.awards.calendar import WorkCalendar, holiday_calendar
from thidua.awards.models import AwardRule, Nomination, PhaseAwardDate, Quota

T = TypeVar("T", bound=BaseModel)
V = TypeVar("V")

#: The relations of a nomination every check may read, loaded once for the list.
RELATED = ("form", "campaign", "phase", "proposer_unit", "grantor_unit", "nominee__unit")


class AnyOf(Lookup):
    """The column is one of the ids: on PostgreSQL one array parameter (``= ANY(%s)``),
    elsewhere ``IN (…)``. A list's loaders filter by thousands of ids; Django's ``__in``
    prepares each id as a parameter of its own, which costs more than the query."""

    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(self, compiler: SQLCompiler, connection: BaseDatabaseWrapper) -> Any:
        lhs, params = self.process_lhs(compiler, connection)
        values = list(self.rhs)
        if not values:
            raise EmptyResultSet
        return f"{lhs} IN ({', '.join(['%s'] * len(values))})", [*params, *values]

    def as_postgresql(self, compiler: SQLCompiler, connection: BaseDatabaseWrapper) -> Any:
        lhs, params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s::bigint[])", [*params, list(self.rhs)]


def any_of(column: str, ids: Iterable[int]) -> AnyOf:
    """``filter(any_of("nominee_id", ids))``: ``nominee_id__in=ids`` for long lists."""
    return AnyOf(F(column), sorted(set(ids)))


def quotas_for(nomination: Nomination) -> QuerySet[Quota]:
    """Quota rows that cap this nomination, in primary-key order (the lock order)."""
    return Quota.objects.filter(
        Q(phase__isnull=True) | Q(phase_id=nomination.phase_id),
        Q(unit__isnull=True) | Q(unit_id=nomination.proposer_unit_id),
        Q(subject_kind="") | Q(subject_kind=nomination.nominee.kind),
        campaign_id=nomination.campaign_id,
        form_id=nomination.form_id,
    ).order_by("pk")


@dataclass
class Facts:
    """The nomination under check; ``as_of``, the decision date (authority, rule version,
    holds, dissolved units follow it: LAW-NOTES R1, R2); ``today`` for the timing checks
    (submission deadline, appraisal time). ``rule`` is the form's rule version in force on
    ``as_of`` (None when none is loaded), ``award_date`` the phase's review day (None when
    not set), ``calendar`` the holidays; what each check's loader read is in ``loaded``."""

    nomination: Nomination
    as_of: dt.date
    today: dt.date
    rule: AwardRule | None = None
    award_date: dt.date | None = None
    calendar: WorkCalendar = field(default_factory=lambda: WorkCalendar(frozenset(), frozenset()))
    _loaded: dict[Callable[..., Any], Any] = field(default_factory=dict, repr=False)
    #: Thresholds already validated, by (rule, code, model): shared by a list's ``Facts``.
    _validated: dict[tuple[int, str, type[BaseModel]], Any] = field(
        default_factory=dict, repr=False
    )

    def thresholds(self, code: str, model: type[T]) -> T | None:
        """The thresholds the rule in force gives the check ``code`` (``thresholds:`` in
        ``award-forms.yaml``, validated by ``model`` when loaded), or None when it gives
        none: the check does not apply to this form on that date."""
        if self.rule is None:
            return None
        key = (self.rule.pk, code, model)
        if key not in self._validated:
            values = self.rule.thresholds.get(code)
            self._validated[key] = None if values is None else model.model_validate(values)
        return self._validated[key]

    def loaded(self, loader: Callable[[Sequence[Facts]], Sequence[V]]) -> V:
        """What ``loader`` (a check's ``prefetch``) read for this nomination."""
        try:
            return self._loaded[loader]
        except KeyError:
            name = getattr(loader, "__qualname__", repr(loader))
            raise ImproperlyConfigured(
                f"{name} was not loaded: name it as the check's prefetch."
            ) from None


def _in_force(rule: AwardRule, on: dt.date) -> bool:
    return rule.valid_from <= on and (rule.valid_to is None or rule.valid_to >= on)


def rules_in_force(
    form_ids: set[int],
) -> Callable[[int, dt.date], AwardRule | None]:
    """The rule versions of the forms (one query), and the answer of ``rule_for`` from
    them: the version of a form in force on a day, the latest started first."""
    by_form: dict[int, list[AwardRule]] = {}
    for rule in AwardRule.objects.filter(form_id__in=form_ids).order_by("-valid_from", "pk"):
        by_form.setdefault(rule.form_id, []).append(rule)

    def rule_on(form_id: int, on: dt.date) -> AwardRule | None:
        return next((r for r in by_form.get(form_id, []) if _in_force(r, on)), None)

    return rule_on


def load_facts(
    nominations: Sequence[Nomination],
    *,
    today: dt.date,
    as_of: dt.date | None = None,
    loaders: Sequence[Callable[[Sequence[Facts]], Sequence[Any]]] | None = None,
) -> list[Facts]:
    """The ``Facts`` of each nomination, in order, with what every check reads, in a
    fixed number of queries. ``as_of`` None: each nomination's expected decision date
    (its phase's award date, else ``today``: ``expected_decision_date``). ``loaders``:
    the registry's (default). Nominations not saved yet (the form's live checks) are
    checked as they are in memory."""
    from thidua.awards.eligibility.registry import registry

    nominations = list(nominations)
    prefetch_related_objects(nominations, *RELATED)
    phase_ids = {n.phase_id for n in nominations}
    award_dates = dict(
        PhaseAwardDate.objects.filter(phase_id__in=phase_ids)
        .order_by("-review_on", "-pk")
        .values_list("phase_id", "review_on")
    )
    calendar = holiday_calendar() if nominations else WorkCalendar(frozenset(), frozenset())
    rule_on = rules_in_force({n.form_id for n in nominations})
    facts = []
    validated: dict[tuple[int, str, type[BaseModel]], Any] = {}
    for nomination in nominations:
        award_date = award_dates.get(nomination.phase_id)
        on = as_of or award_date or today
        facts.append(
            Facts(
                nomination=nomination,
                as_of=on,
                today=today,
                rule=rule_on(nomination.form_id, on),
                award_date=award_date,
                calendar=calendar,
                _validated=validated,
            )
        )
    for loader in registry.loaders() if loaders is None else loaders:
        values = loader(facts)
        for one, value in zip(facts, values, strict=True):
            one._loaded[loader] = value
    return facts


def facts_for(
    nominations: Sequence[Nomination], *, today: dt.date, as_of: dt.date | None = None
) -> dict[int, Facts]:
    """``load_facts`` of saved nominations, by primary key."""
    return {f.nomination.pk: f for f in load_facts(nominations, today=today, as_of=as_of)}
