"""The titles a year's results earn, each with the rule and article it comes from and why
(or why not). Pure functions over ``facts.Person`` and ``facts.YearRules``: the unit-year
page computes a whole unit with them, the eligibility checks one nomination.

LĐTT: Luật TĐKT 2022 Điều 24. R3 CSTĐ cơ sở: Điều 23. R4 CSTĐ cấp tỉnh: Điều 22. R6 TTLĐTT,
TTLĐXS: Điều 28, 27. R7 Bằng khen route 74.1.d: Điều 74. R8: campaign (chuyên đề) and
exceptional (đột xuất) awards do not count (Nghị định 152/2025/NĐ-CP Điều 4 khoản 3);
revoked awards count for nothing (Chương VII). Every threshold is rule data."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from thidua.core.numbers import format_number
from thidua.ratings.facts import Person, YearRules
from thidua.ratings.models import DISCIPLINE_RANK, RATING_RANK, Discipline, Rating


@dataclass(frozen=True)
class Verdict:
    """One title judged: ``ok`` whether the results meet its rule, ``reason`` why (in
    Vietnamese, starting "Đủ" or "Chưa đủ"), ``article`` where the rule comes from;
    ``missing`` when the data to judge are not recorded yet (a warning, not a refusal);
    ``via`` how a CSTĐCS is earned ("excellent" or "initiative")."""

    form: str
    title: str
    ok: bool
    reason: str
    article: str
    missing: bool = False
    via: str = ""


def _label(rating: str) -> str:
    return str(Rating(rating).label).lower()


def _at_least(rating: str, minimum: str) -> bool:
    return RATING_RANK[Rating(rating)] >= RATING_RANK[Rating(minimum)]


def _no_rule(form: str, rules: YearRules) -> Verdict:
    return Verdict(
        form,
        rules.name(form),
        False,
        _("Chưa tính: quy tắc năm %(year)s không có ngưỡng cho danh hiệu này.")
        % {"year": rules.year},
        "",
        missing=True,
    )


def _yes(text: str) -> str:
    return _("Đủ: %(why)s") % {"why": text}


def _no(text: str) -> str:
    return _("Chưa đủ: %(why)s") % {"why": text}


def ldtt(person: Person, year: int, rules: YearRules, *, minimum: str | None = None) -> Verdict:
    """LĐTT (Điều 24): the year's rating at least "hoàn thành tốt nhiệm vụ" (rule data)."""
    t = rules.get("ldtt")
    if t is None and minimum is None:
        return _no_rule("ldtt", rules)
    need = minimum or t.min_rating
    article = t.legal_basis if t is not None else ""
    rating = person.ratings.get(year)
    if rating is None:
        return Verdict(
            "ldtt",
            rules.name("ldtt"),
            False,
            _no(_("chưa có xếp loại năm %(year)s") % {"year": year}),
            article,
            missing=True,
        )
    values = {"rating": _label(rating.rating), "need": _label(need)}
    if _at_least(rating.rating, need):
        reason = _yes(_("xếp loại %(rating)s (cần từ “%(need)s” trở lên)") % values)
        return Verdict("ldtt", rules.name("ldtt"), True, reason, article)
    reason = _no(_("xếp loại %(rating)s, cần từ “%(need)s” trở lên") % values)
    return Verdict("ldtt", rules.name("ldtt"), False, reason, article)


def cstdcs(person: Person, year: int, rules: YearRules) -> Verdict:
    """R3 CSTĐ cơ sở (Điều 23): LĐTT that year and (rated "hoàn thành xuất sắc nhiệm vụ" or
    an initiative or research recognised that year at a level the rule names)."""
    t = rules.get("cstdcs")
    name = rules.name("cstdcs")
    if t is None:
        return _no_rule("cstdcs", rules)
    base = ldtt(person, year, rules, minimum=t.ldtt_rating)
    if not base.ok:
        why = _("chưa đạt Lao động tiên tiến năm %(year)s (%(reason)s)") % {
            "year": year,
            "reason": base.reason,
        }
        return Verdict("cstdcs", name, False, _no(why), t.legal_basis, missing=base.missing)
    rating = person.ratings[year]
    if _at_least(rating.rating, t.excellent_rating):
        why = _("đạt Lao động tiên tiến và %(rating)s") % {"rating": _label(rating.rating)}
        return Verdict("cstdcs", name, True, _yes(why), t.legal_basis, via="excellent")
    found = [i for i in person.initiatives if i.year == year and i.level in t.initiative_levels]
    if found:
        why = _("đạt Lao động tiên tiến và có sáng kiến, đề tài “%(title)s” được công nhận") % {
            "title": found[0].title
        }
        return Verdict("cstdcs", name, True, _yes(why), t.legal_basis, via="initiative")
    why = _(
        "đạt Lao động tiên tiến nhưng không %(rating)s và không có sáng kiến, đề tài được "
        "công nhận năm %(year)s"
    ) % {"rating": _label(t.excellent_rating), "year": year}
    return Verdict("cstdcs", name, False, _no(why), t.legal_basis)


def run_ending(years: set[int], year: int) -> tuple[int, int]:
    """The consecutive years in ``years`` ending at ``year`` (or, when ``year`` is not in
    them, the year before): (length, last year)."""
    end = year if year in years else year - 1
    count = 0
    while end - count in years:
        count += 1
    return count, end


def cstdcs_years(person: Person, year: int, rules: YearRules, bases: Sequence[str]) -> set[int]:
    """The years counted as CSTĐCS: the records of ``bases`` in force, plus ``year`` itself
    when this year's results meet R3 (the title judged at the same time)."""
    years = person.years_with("cstdcs", bases)
    if year not in years and cstdcs(person, year, rules).ok:
        years.add(year)
    return years


def _campaign_note(person: Person, counted: int, need: int) -> str:
    if len({r.year for r in person.records if r.form == "cstdcs"}) >= need > counted:
        return " " + _(
            "(danh hiệu khen theo chuyên đề, đột xuất không được tính: Nghị định "
            "152/2025/NĐ-CP Điều 4 khoản 3)"
        )
    return ""


def cstd_tinh(person: Person, year: int, rules: YearRules) -> Verdict:
    """R4 CSTĐ cấp tỉnh (Điều 22): the rule's number of consecutive CSTĐCS years ending
    with ``year`` (or the year before), campaign and exceptional records not counted, and an
    initiative or research recognised at province level or higher within those years."""
    t = rules.get("cstd-tinh")
    name = rules.name("cstd-tinh")
    if t is None:
        return _no_rule("cstd-tinh", rules)
    counted, end = run_ending(cstdcs_years(person, year, rules, t.counted_bases), year)
    values = {"n": counted, "need": t.years, "title": rules.name(t.counts)}
    if counted < t.years:
        why = _("%(n)s/%(need)s năm liên tục %(title)s") % values
        why += _campaign_note(person, counted, t.years)
        return Verdict("cstd-tinh", name, False, _no(why), t.legal_basis)
    first = end - counted + 1
    found = [
        i for i in person.initiatives if first <= i.year <= year and i.level in t.initiative_levels
    ]
    if not found:
        why = (
            _(
                "%(n)s/%(need)s năm liên tục %(title)s nhưng chưa có sáng kiến, đề tài được công "
                "nhận cấp tỉnh trở lên trong các năm đó"
            )
            % values
        )
        return Verdict("cstd-tinh", name, False, _no(why), t.legal_basis)
    why = _("%(n)s/%(need)s năm liên tục %(title)s và sáng kiến, đề tài “%(initiative)s”") % (
        values | {"initiative": found[0].title}
    )
    return Verdict("cstd-tinh", name, True, _yes(why), t.legal_basis)


def route_d(person: Person, year: int, rules: YearRules) -> Verdict:
    """R7, Bằng khen route 74.1.d: consecutive CSTĐCS years (however earned, through
    "hoàn thành xuất sắc nhiệm vụ" too), or consecutive years rated excellent with the
    rule's number of initiatives or research recognised within those years."""
    t = rules.get("bang-khen-tinh")
    name = rules.name("bang-khen-tinh")
    if t is None:
        return _no_rule("bang-khen-tinh", rules)
    counted, _end = run_ending(cstdcs_years(person, year, rules, t.counted_bases), year)
    if counted >= t.cstdcs_years:
        why = _("%(n)s năm liên tục %(title)s (cần %(need)s; Điều 74 khoản 1 điểm d)") % {
            "n": counted,
            "need": t.cstdcs_years,
            "title": rules.name(t.counts),
        }
        return Verdict("bang-khen-tinh", name, True, _yes(why), t.legal_basis)
    excellent = {y for y, r in person.ratings.items() if _at_least(r.rating, t.excellent_rating)}
    streak, end = run_ending(excellent, year)
    first = end - streak + 1
    works = [
        i for i in person.initiatives if first <= i.year <= end and i.level in t.initiative_levels
    ]
    values = {
        "n": counted,
        "need": t.cstdcs_years,
        "title": rules.name(t.counts),
        "x": streak,
        "need_x": t.excellent_years,
        "w": len(works) if streak else 0,
        "need_w": t.initiatives,
    }
    if streak >= t.excellent_years and len(works) >= t.initiatives:
        why = (
            _(
                "%(x)s năm liên tục hoàn thành xuất sắc nhiệm vụ với %(w)s sáng kiến, đề tài "
                "trong các năm đó (Điều 74 khoản 1 điểm d)"
            )
            % values
        )
        return Verdict("bang-khen-tinh", name, True, _yes(why), t.legal_basis)
    why = (
        _(
            "%(n)s/%(need)s năm liên tục %(title)s; %(x)s/%(need_x)s năm liên tục hoàn thành "
            "xuất sắc nhiệm vụ với %(w)s/%(need_w)s sáng kiến, đề tài"
        )
        % values
    )
    why += _campaign_note(person, counted, t.cstdcs_years)
    return Verdict("bang-khen-tinh", name, False, _no(why), t.legal_basis)


@dataclass(frozen=True)
class Member:
    name: str
    person: Person


def collective(
    form: str, rating: str | None, members: Sequence[Member], year: int, rules: YearRules
) -> Verdict:
    """R6, TTLĐTT (Điều 28) / TTLĐXS (Điều 27): the collective's own rating, the share of
    its rated members reaching LĐTT, nobody disciplined at the rule's level, every member
    completing their tasks and a number of CSTĐCS — each as the rule data says."""
    t = rules.get(form)
    name = rules.name(form)
    if t is None:
        return _no_rule(form, rules)
    article = t.legal_basis
    if rating is None:
        why = _("chưa có xếp loại tập thể năm %(year)s") % {"year": year}
        return Verdict(form, name, False, _no(why), article, missing=True)
    rated = [m for m in members if year in m.person.ratings]
    if not rated:
        why = _("chưa có xếp loại cá nhân nào năm %(year)s") % {"year": year}
        return Verdict(form, name, False, _no(why), article, missing=True)
    problems: list[str] = []
    good: list[str] = []
    values = {"rating": _label(rating), "need": _label(t.collective_rating)}
    if _at_least(rating, t.collective_rating):
        good.append(_("tập thể %(rating)s") % values)
    else:
        problems.append(_("tập thể xếp loại %(rating)s, cần từ “%(need)s”") % values)
    ldtt_count = sum(
        1 for m in rated if ldtt(m.person, year, rules).ok or year in m.person.years_with("ldtt")
    )
    share = Decimal(ldtt_count) / Decimal(len(rated))
    share_text = _("%(n)s/%(total)s thành viên (%(pct)s %%) đạt LĐTT, cần từ %(need)s %%") % {
        "n": ldtt_count,
        "total": len(rated),
        "pct": format_number(share * 100, 1),
        "need": format_number(t.ldtt_share * 100, 0),
    }
    (good if share >= t.ldtt_share else problems).append(share_text)
    if t.discipline_from:
        limit = DISCIPLINE_RANK[t.discipline_from]
        hit = [
            m.name
            for m in rated
            if DISCIPLINE_RANK.get(m.person.ratings[year].discipline, 0) >= limit
        ]
        level = str(Discipline(t.discipline_from).label).lower()
        if hit:
            problems.append(
                _("%(names)s bị kỷ luật từ %(level)s trở lên")
                % {"names": ", ".join(hit), "level": level}
            )
        else:
            good.append(_("không ai bị kỷ luật từ %(level)s trở lên") % {"level": level})
    if t.all_complete:
        short = [m.name for m in rated if not _at_least(m.person.ratings[year].rating, "complete")]
        if short:
            problems.append(_("%(names)s không hoàn thành nhiệm vụ") % {"names": ", ".join(short)})
        else:
            good.append(_("mọi thành viên đều hoàn thành nhiệm vụ"))
    if t.min_cstdcs:
        stars = sum(
            1
            for m in rated
            if cstdcs(m.person, year, rules).ok or year in m.person.years_with("cstdcs")
        )
        text = _("%(n)s CSTĐ cơ sở (cần ít nhất %(need)s)") % {"n": stars, "need": t.min_cstdcs}
        (good if stars >= t.min_cstdcs else problems).append(text)
    if problems:
        return Verdict(form, name, False, _no("; ".join(problems)), article)
    return Verdict(form, name, True, _yes("; ".join(good)), article)
