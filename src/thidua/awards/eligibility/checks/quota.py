"""Quotas (configuration: no law sets one for Bằng khen or Giấy khen from a campaign; the
campaign's plan or Sở Nội vụ's guidance does) and the tie-break advice when qualified
nominees exceed one (ND 152/2025 Điều 4.6). The quotas and how many nominations each
counts are read once for a list (``load_quotas``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count

from thidua.awards.eligibility.facts import Facts, any_of
from thidua.awards.eligibility.registry import eligibility_check
from thidua.awards.eligibility.result import WARN, CheckResult, failed, passed
from thidua.awards.eligibility.text import cached
from thidua.awards.eligibility.text import gettext as _
from thidua.awards.models import Nomination, Quota, SubjectKind
from thidua.awards.transitions import COMPETING_STATES, QUOTA_STATES

ART_TIE = "Nghị định 152/2025/NĐ-CP Điều 4 khoản 6; Luật TĐKT 2022 Điều 5"
WOMEN_SHARE = 0.7


#: What a nomination's row says about the quotas that count it.
COUNTED = ("campaign_id", "form_id", "phase_id", "proposer_unit_id", "nominee__kind", "state")


def _caps(quota: Quota, row: dict[str, Any]) -> bool:
    """Whether ``quota`` counts a nomination whose row (``COUNTED``) is ``row``, whatever
    its state: same campaign and form, and the quota's phase, unit and subject kind
    when it sets them."""
    return (
        row["campaign_id"] == quota.campaign_id
        and row["form_id"] == quota.form_id
        and (not quota.phase_id or row["phase_id"] == quota.phase_id)
        and (not quota.unit_id or row["proposer_unit_id"] == quota.unit_id)
        and (not quota.subject_kind or row["nominee__kind"] == quota.subject_kind)
    )


def _applies(quota: Quota, nomination: Nomination) -> bool:
    """``quotas_for``: the quota caps the nomination as it is in memory."""
    return (
        quota.campaign_id == nomination.campaign_id
        and quota.form_id == nomination.form_id
        and quota.phase_id in (None, nomination.phase_id)
        and quota.unit_id in (None, nomination.proposer_unit_id)
        and quota.subject_kind in ("", nomination.nominee.kind)
    )


@dataclass
class Quotas:
    """The quotas capping one nomination, in primary-key order, with how many other
    nominations each counts: ``used`` approved or decided, ``competing`` in the running
    (submitted to decided), the nomination itself left out."""

    quotas: list[Quota] = field(default_factory=list)
    used: dict[int, int] = field(default_factory=dict)
    competing: dict[int, int] = field(default_factory=dict)


def load_quotas(many: Sequence[Facts]) -> list[Quotas]:
    """Each nomination's ``Quotas`` in three queries: the quotas of the campaigns' forms,
    the nominations they count grouped by what a quota looks at, the nominations' own
    rows as saved (to leave each out of its own count)."""
    nominations = [facts.nomination for facts in many]
    pairs = {(n.campaign_id, n.form_id) for n in nominations}
    quotas = list(
        Quota.objects.filter(
            campaign_id__in={c for c, _f in pairs}, form_id__in={f for _c, f in pairs}
        )
        .select_related("form", "unit")
        .order_by("pk")
    )
    capping = [[q for q in quotas if _applies(q, n)] for n in nominations]
    used_pairs = {(q.campaign_id, q.form_id) for caps in capping for q in caps}
    groups: list[dict[str, Any]] = []
    saved: dict[int, dict[str, Any]] = {}
    if used_pairs:
        states = set(QUOTA_STATES) | set(COMPETING_STATES)
        groups = list(
            Nomination.objects.filter(
                campaign_id__in={c for c, _f in used_pairs},
                form_id__in={f for _c, f in used_pairs},
                state__in=states,
            )
            .values(*COUNTED)
            .annotate(count=Count("pk"))
            .order_by()
        )
        pks = {n.pk for n, caps in zip(nominations, capping, strict=True) if caps and n.pk}
        saved = {
            row["pk"]: row
            for row in Nomination.objects.filter(any_of("pk", pks))
            .values("pk", *COUNTED)
            .order_by()
        }

    totals: dict[tuple[int, tuple[str, ...]], int] = {}

    def count(quota: Quota, states: tuple[str, ...], nomination: Nomination) -> int:
        key = (quota.pk, states)
        if key not in totals:
            totals[key] = sum(
                g["count"] for g in groups if g["state"] in states and _caps(quota, g)
            )
        total = totals[key]
        own = saved.get(nomination.pk) if nomination.pk else None
        mine = own is not None and own["state"] in states and _caps(quota, own)
        return total - (1 if mine else 0)

    answers = []
    for nomination, caps in zip(nominations, capping, strict=True):
        answer = Quotas(quotas=caps)
        for quota in caps:
            answer.used[quota.pk] = count(quota, QUOTA_STATES, nomination)
            answer.competing[quota.pk] = count(quota, COMPETING_STATES, nomination)
        answers.append(answer)
    return answers


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
        kind = quota.subject_kind
        parts.append(cached(("subject", kind), lambda: str(SubjectKind(kind).label)).lower())
    return ", ".join(parts)


@eligibility_check("quota", order=100, prefetch=load_quotas)
def check_quota(facts: Facts) -> CheckResult:
    """Approved and decided nominations under each matching quota stay within its maximum."""
    nomination, loaded = facts.nomination, facts.loaded(load_quotas)
    quotas = loaded.quotas
    article = _plan_of(nomination)
    for quota in quotas:
        used = loaded.used[quota.pk]
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


@eligibility_check("tie_break", order=110, prefetch=load_quotas)
def check_tie_break(facts: Facts) -> CheckResult | None:
    """R17 (advice): more candidates than the quota → say who the law puts first."""
    nomination, loaded = facts.nomination, facts.loaded(load_quotas)
    for quota in loaded.quotas:
        competing = loaded.competing[quota.pk] + 1
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
