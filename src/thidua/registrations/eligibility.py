"""The check "nobody is nominated for an annual title they did not register for",
plugged into the awards eligibility registry from ``RegistrationsConfig.ready``.

It applies to nominations whose basis is the annual (thường xuyên) emulation — Luật Thi
đua, khen thưởng 2022 Điều 16 — for a form of kind title (danh hiệu thi đua), individual
or collective: the nominee (or a record with the same folded name in the same unit) must
be on a submitted or accepted registration of that year for that title. No article was
found that fixes what a missing registration does, so whether it warns or blocks is the
province's setting for the year (``RegistrationSetting.severity``, default warn),
confirmed by its Ban Thi đua – Khen thưởng.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from thidua.awards.eligibility.facts import Facts
from thidua.awards.eligibility.registry import Check, registry
from thidua.awards.eligibility.result import BLOCK, WARN, CheckResult, failed, passed
from thidua.awards.models import AwardBasis, AwardFormKind, SubjectKind
from thidua.awards.sources import UNVERIFIED_SETTING
from thidua.registrations.models import REGISTERED_STATES, RegistrationEntry, Severity
from thidua.registrations.selectors import year_setting

CODE = "annual_registration"
#: After R1 authority (10) and before the dossier checks.
ORDER = 15
ARTICLE = "Luật Thi đua, khen thưởng 2022 Điều 16 (thi đua thường xuyên)"


def registered_for(facts: Facts) -> CheckResult | None:
    """Whether the nominee registered the nominated annual title for the phase's year."""
    nomination = facts.nomination
    if nomination.basis != AwardBasis.ANNUAL:  # no query for every other nomination
        return None
    form = nomination.form
    nominee = nomination.nominee
    if form.kind != AwardFormKind.TITLE:
        return None
    if nominee.kind not in (SubjectKind.INDIVIDUAL, SubjectKind.COLLECTIVE):
        return None
    unit = nominee.unit or nomination.proposer_unit
    year = nomination.phase.end.year
    setting = year_setting(unit.path, year)
    entries = RegistrationEntry.objects.filter(
        form=form, registration__year=year, registration__state__in=REGISTERED_STATES
    )
    same = (
        entries.filter(nominee=nominee).exists()
        or entries.filter(
            nominee__unit=unit,
            nominee__kind=nominee.kind,
            nominee__search_key=nominee.search_key,
        ).exists()
    )
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
    registry.register(Check(code=CODE, order=ORDER, run=registered_for))
