"""Eligibility checks of a nomination under the law, as of a date (LAW-NOTES §10).

``check_nomination`` runs every check of the registry (``registry.py``) and returns one
``CheckResult`` each: the form shows them live, and each workflow step with ``checks``
refuses while one blocks. The checks live in ``checks/``, each module registering its
own: R1 authority, R11 forms of a short campaign, R18 dissolved units (``authority``);
R9 one achievement one award, R10 hold list, R8 merit counters (``history``); R12
dossier, R13 deadlines (``dossier``); quotas, R17 tie-break (``quota``). Their thresholds
are data (``thresholds:`` of a rule in ``award-forms.yaml``), read through ``Facts``.

``check_nominations`` checks a list at once: ``facts.load_facts`` reads what every check
needs for the whole list in a fixed number of queries (each check's ``prefetch``), and
the checks read nothing else; ``check_nomination`` is the list of one (issue #16).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from thidua.awards.authority import authority_for, rule_for
from thidua.awards.eligibility.facts import Facts, facts_for, load_facts, quotas_for
from thidua.awards.eligibility.registry import eligibility_check
from thidua.awards.eligibility.registry import registry as check_registry
from thidua.awards.eligibility.result import BLOCK, WARN, CheckResult
from thidua.awards.eligibility.text import translations_cached
from thidua.awards.models import Nomination, PhaseAwardDate


def expected_decision_date(nomination: Nomination, today: dt.date) -> dt.date:
    """The date a nomination is judged as of: the phase's award date (its sơ kết, tổng
    kết, when the awards are decided), if it is set; otherwise ``today``. Which rule set
    and which authority apply follow the decision date (LAW-NOTES §1, R1, R2)."""
    award_date = PhaseAwardDate.objects.filter(phase_id=nomination.phase_id).first()
    return award_date.review_on if award_date is not None else today


def check_nomination(
    nomination: Nomination, *, as_of: dt.date, today: dt.date | None = None
) -> list[CheckResult]:
    """Every registered check of ``nomination`` as of ``as_of`` (the decision date:
    authority, rule version, holds, dissolved units), with ``today`` (default ``as_of``)
    for the timing checks (submission deadline, appraisal time), in the law's order. A
    check that does not apply (no threshold for this form, no quota exceeded) says
    nothing."""
    return check_nominations([nomination], as_of=as_of, today=today or as_of)[0]


def run_checks(facts: Facts) -> list[CheckResult]:
    """Every registered check of the nomination of ``facts`` (loaded by ``load_facts``),
    in the law's order; no query."""
    results = (check.run(facts) for check in check_registry.checks())
    return [result for result in results if result is not None]


def check_nominations(
    nominations: Sequence[Nomination], *, today: dt.date, as_of: dt.date | None = None
) -> list[list[CheckResult]]:
    """``check_nomination`` of each nomination, in order, in a fixed number of queries
    however many they are. ``as_of`` None: each one's ``expected_decision_date``."""
    with translations_cached():
        facts = load_facts(nominations, today=today, as_of=as_of)
        return [run_checks(one) for one in facts]


def blocking(results: list[CheckResult]) -> list[CheckResult]:
    """The results that refuse a workflow step."""
    return [result for result in results if result.blocks]


__all__ = [
    "BLOCK",
    "WARN",
    "CheckResult",
    "Facts",
    "authority_for",
    "blocking",
    "check_nomination",
    "check_nominations",
    "eligibility_check",
    "expected_decision_date",
    "facts_for",
    "load_facts",
    "quotas_for",
    "rule_for",
    "run_checks",
]
