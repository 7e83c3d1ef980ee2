"""Quotas (configuration: no law sets one for Bằng khen or Giấy khen from a campaign; the
campaign's plan or Sở Nội vụ's guidance does) and the tie-break advice when qualified
nominees exceed one (ND 152/2025 Điều 4.6)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from thidua.awards.eligibility.facts import Facts
from thidua.awards.eligibility.registry import eligibility_check
from thidua.awards.eligibility.result import WARN, CheckResult, failed, passed
from thidua.awards.models import Nomination, Quota, SubjectKind
from thidua.awards.transitions import COMPETING_STATES, QUOTA_STATES

ART_TIE = "Nghị định 152/2025/NĐ-CP Điều 4 khoản 6; Luật TĐKT 2022 Điều 5"
WOMEN_SHARE = 0.7


def counted_under(quota: Quota, states: tuple[str, ...]) -> QuerySet[Nomination]:
    """Nominations in ``states`` that count against ``quota``."""
    nominations = Nomination.objects.filter(
        campaign_id=quota.campaign_id, form_id=quota.form_id, state__in=states
    )
    if quota.phase_id:
        nominations = nominations.filter(phase_id=quota.phase_id)
    if quota.unit_id:
        nominations = nominations.filter(proposer_unit_id=quota.unit_id)
    if quota.subject_kind:
        nominations = nominations.filter(nominee__kind=quota.subject_kind)
    return nominations


def _plan_of(nomination: Nomination) -> str:
    """Where quotas come from: the campaign's own plan (no law sets one)."""
    campaign = nomination.campaign
    return _("%(kind)s số %(number)s (chỉ tiêu số lượng)") % {
        "kind": campaign.doc_kind,
        "number": campaign.doc_number,
    }


def _scope(quota: Quota) -> str:
    parts = [quota.form.name]
    if quota.unit is not None:
        parts.append(quota.unit.name)
    if quota.subject_kind:
        parts.append(str(SubjectKind(quota.subject_kind).label).lower())
    return ", ".join(parts)


@eligibility_check("quota", order=100)
def check_quota(facts: Facts) -> CheckResult:
    """Approved and decided nominations under each matching quota stay within its maximum."""
    nomination, quotas = facts.nomination, facts.quotas
    article = _plan_of(nomination)
    for quota in quotas:
        used = counted_under(quota, QUOTA_STATES).exclude(pk=nomination.pk).count()
        if used >= quota.maximum:
            return failed(
                "quota",
                _("Đã đủ chỉ tiêu %(maximum)s (%(scope)s): %(used)s đề nghị đã được đồng ý.")
                % {"maximum": quota.maximum, "scope": _scope(quota), "used": used},
                article,
            )
    if not quotas:
        return passed("quota", _("Không giới hạn số lượng cho hình thức này."), article)
    return passed("quota", _("Còn trong chỉ tiêu số lượng."), article)


def has_priority(nomination: Nomination) -> bool:
    """Women, collectives with ≥ 70 % women, direct workers come first (ND 152 Điều 4.6)."""
    nominee = nomination.nominee
    women = nominee.gender == "female" or (
        nominee.women_share is not None and float(nominee.women_share) >= WOMEN_SHARE
    )
    return bool(women or nominee.direct_worker)


def priority_key(nomination: Nomination) -> tuple[int, int, int]:
    """Sort key of the tie-break advice: women first, then ≥ 70 % women, direct workers."""
    nominee = nomination.nominee
    share = float(nominee.women_share) if nominee.women_share is not None else 0.0
    return (
        0 if nominee.gender == "female" else 1,
        0 if share >= WOMEN_SHARE else 1,
        0 if nominee.direct_worker else 1,
    )


@eligibility_check("tie_break", order=110)
def check_tie_break(facts: Facts) -> CheckResult | None:
    """R17 (advice): more candidates than the quota → say who the law puts first."""
    nomination, quotas = facts.nomination, facts.quotas
    for quota in quotas:
        competing = counted_under(quota, COMPETING_STATES).exclude(pk=nomination.pk).count() + 1
        if competing <= quota.maximum:
            continue
        values = {"count": competing, "maximum": quota.maximum, "scope": _scope(quota)}
        message = (
            _(
                "%(count)s đề nghị cho %(maximum)s chỉ tiêu (%(scope)s): khi ngang nhau, ưu tiên "
                "nữ, tập thể có từ 70 %% nữ, người trực tiếp lao động, sản xuất."
            )
            % values
        )
        if has_priority(nomination):
            message += " " + _("Đối tượng này thuộc diện ưu tiên.")
        return failed("tie_break", message, ART_TIE, severity=WARN)
    return None
