"""The check "nobody is nominated for an annual title they did not register for",
plugged into the awards eligibility registry from ``RegistrationsConfig.ready``.

It applies to nominations whose basis is the annual (thường xuyên) emulation — Luật Thi
đua, khen thưởng 2022 Điều 16 — for a form of kind title (danh hiệu thi đua), individual
or collective: the nominee (or a record with the same folded name in the same unit) must
be on a submitted or accepted registration of that year for that title. No article was
found that fixes what a missing registration does, so whether it warns or blocks is the
province's setting for the year (``RegistrationSetting.severity``, default warn),
confirmed by its Ban Thi đua – Khen thưởng.

What the check reads (the provinces' settings, the registrations of the nominees and of
their look-alikes) is loaded once for a list of nominations (``load_registrations``, the
check's ``prefetch``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Q

from thidua.awards.eligibility.facts import Facts
from thidua.awards.eligibility.registry import Check, registry
from thidua.awards.eligibility.result import BLOCK, WARN, CheckResult, failed, passed
from thidua.awards.eligibility.text import gettext as _
from thidua.awards.models import AwardBasis, AwardFormKind, Nomination, SubjectKind
from thidua.awards.sources import UNVERIFIED_SETTING
from thidua.core.tree import root_path
from thidua.organisations.models import Unit
from thidua.registrations.models import REGISTERED_STATES, RegistrationEntry, Severity
from thidua.registrations.selectors import YearSetting, year_settings

CODE = "annual_registration"
#: After R1 authority (10) and before the dossier checks.
ORDER = 15
ARTICLE = "Luật Thi đua, khen thưởng 2022 Điều 16 (thi đua thường xuyên)"


def _asked(nomination: Nomination) -> bool:
    """Whether the check applies: an annual title for an individual or a collective."""
    return (
        nomination.basis == AwardBasis.ANNUAL
        and nomination.form.kind == AwardFormKind.TITLE
        and nomination.nominee.kind in (SubjectKind.INDIVIDUAL, SubjectKind.COLLECTIVE)
    )


def _unit(nomination: Nomination) -> Unit:
    return nomination.nominee.unit or nomination.proposer_unit


@dataclass(frozen=True)
class Registered:
    """For one nomination the check applies to: the province's setting for the year and
    whether the nominee (or a record with the same folded name, kind and unit) is on a
    submitted or accepted registration of the title for that year."""

    setting: YearSetting
    registered: bool


def load_registrations(many: Sequence[Facts]) -> list[Registered | None]:
    """``Registered`` of each nomination the check applies to (None for the others), in
    two queries: the provinces' settings, the registered entries of the nominees and of
    their look-alikes."""
    asked = [facts.nomination for facts in many if _asked(facts.nomination)]
    if not asked:
        return [None] * len(many)
    settings = year_settings({(_unit(n).path, n.phase.end.year) for n in asked})
    entries = RegistrationEntry.objects.filter(
        Q(nominee_id__in={n.nominee_id for n in asked})
        | Q(
            nominee__unit_id__in={_unit(n).pk for n in asked},
            nominee__search_key__in={n.nominee.search_key for n in asked},
        ),
        form_id__in={n.form_id for n in asked},
        registration__year__in={n.phase.end.year for n in asked},
        registration__state__in=REGISTERED_STATES,
    ).values_list(
        "form_id", "registration__year", "nominee_id", "nominee__unit_id", "nominee__kind",
        "nominee__search_key",
    )  # fmt: skip
    by_nominee: set[tuple[int, int, int]] = set()
    by_name: set[tuple[int, int, int | None, str, str]] = set()
    for form_id, year, nominee_id, unit_id, kind, key in entries:
        by_nominee.add((form_id, year, nominee_id))
        by_name.add((form_id, year, unit_id, kind, key))
    answers: list[Registered | None] = []
    for facts in many:
        n = facts.nomination
        if not _asked(n):
            answers.append(None)
            continue
        unit, year, nominee = _unit(n), n.phase.end.year, n.nominee
        same = (n.form_id, year, n.nominee_id) in by_nominee or (
            n.form_id,
            year,
            unit.pk,
            nominee.kind,
            nominee.search_key,
        ) in by_name
        answers.append(Registered(settings[(root_path(unit.path), year)], same))
    return answers


def registered_for(facts: Facts) -> CheckResult | None:
    """Whether the nominee registered the nominated annual title for the phase's year."""
    nomination = facts.nomination
    loaded = facts.loaded(load_registrations)
    if loaded is None:
        return None
    form, nominee = nomination.form, nomination.nominee
    year = nomination.phase.end.year
    setting, same = loaded.setting, loaded.registered
    note = "" if setting.source else str(UNVERIFIED_SETTING)
    article = setting.source or ARTICLE
    if same:
        return passed(
            CODE,
            _("%(name)s đã đăng ký “%(form)s” năm %(year)s.")
            % {"name": nominee.name, "form": form.name, "year": year},
            article,
            note=note,
        )
    severity = BLOCK if setting.severity == Severity.BLOCK else WARN
    return failed(
        CODE,
        _(
            "%(name)s chưa đăng ký “%(form)s” năm %(year)s (chưa có trong bản đăng ký thi đua "
            "đã gửi của đơn vị). Cảnh báo hay không cho đề nghị là cài đặt do Ban Thi đua – "
            "Khen thưởng xác nhận."
        )
        % {"name": nominee.name, "form": form.name, "year": year},
        article,
        severity=severity,
        note=note,
    )


def plug_in() -> None:
    """Register the check with the awards eligibility registry (idempotent)."""
    registry.register(
        Check(code=CODE, order=ORDER, run=registered_for, prefetch=load_registrations)
    )
