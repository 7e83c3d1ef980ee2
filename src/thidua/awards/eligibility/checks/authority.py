"""Checks on who grants and who proposes: R1 (authority as of the date), R11 (forms a
short campaign may give), R18 (units dissolved in the 2025 reorganisation). The authority
rows and the units' successions are read once for a list (``load_units``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from thidua.awards.authority_verdict import (
    UnitTables,
    authority_verdict,
    load_unit_tables,
    signer_of,
)
from thidua.awards.eligibility.facts import Facts
from thidua.awards.eligibility.registry import eligibility_check
from thidua.awards.eligibility.result import CheckResult, failed, passed
from thidua.awards.eligibility.text import cached
from thidua.awards.eligibility.text import gettext as _
from thidua.awards.models import AwardBasis, Nomination, SubjectKind
from thidua.organisations.models import Unit

ART_AUTHORITY = "Luật TĐKT 2022 Điều 80; Nghị định 129/2025/NĐ-CP Điều 59"
ART_CAMPAIGN = "Luật TĐKT 2022 Điều 26"
ART_DISSOLVED = "Nghị định 98/2023/NĐ-CP (đơn vị kế thừa); Thông tư 15/2025/TT-BNV"


def load_units(many: Sequence[Facts]) -> list[UnitTables]:
    """The authority rows of the forms and the successions of the granting, proposing and
    nominees' units of every nomination, one ``UnitTables`` shared by all."""
    nominations = [facts.nomination for facts in many]
    units = [n.grantor_unit for n in nominations] + [n.proposer_unit for n in nominations]
    tables = load_unit_tables({n.form_id for n in nominations}, units) if many else UnitTables()
    return [tables] * len(many)


@eligibility_check("authority", order=10, prefetch=load_units)
def check_authority(facts: Facts) -> CheckResult:
    """R1: the head of the grantor unit may grant this form to this kind of subject on
    ``as_of`` (a district chair until 30/6/2025, a commune chair's CSTĐCS from 01/7/2025,
    a province's chairman while the province exists); a refusal names the real cause and
    the successor that holds the authority (``awards.authority_verdict``)."""
    nomination, as_of = facts.nomination, facts.as_of
    verdict = authority_verdict(
        form=nomination.form,
        subject_kind=nomination.nominee.kind,
        grantor_unit=nomination.grantor_unit,
        on=as_of,
        tables=facts.loaded(load_units),
    )
    values = {
        "form": nomination.form.name,
        "unit": nomination.grantor_unit.name,
        "kind": _subject(nomination.nominee.kind),
        "date": f"{as_of:%d/%m/%Y}",
    }
    if verdict.authority is None:
        message = (
            _(
                "Ngày %(date)s, người đứng đầu %(unit)s không có thẩm quyền tặng “%(form)s” "
                "cho %(kind)s; hãy chọn đúng cấp khen thưởng."
            )
            % values
        )
        message += " " + verdict.reason
        if verdict.successor_authority is not None and verdict.successor is not None:
            signer = signer_of(verdict.successor_authority, verdict.successor)
            message += " " + _("Người có thẩm quyền: %(signer)s.") % {"signer": signer}
        return failed("authority", message, verdict.basis or ART_AUTHORITY)
    values["title"] = verdict.authority.grantor_title
    return passed(
        "authority",
        _("%(title)s có thẩm quyền tặng “%(form)s” cho %(kind)s (ngày %(date)s).") % values,
        verdict.authority.legal_basis,
        note=verdict.board_note,
    )


def _subject(kind: str) -> str:
    return cached(("subject", kind), lambda: str(SubjectKind(kind).label))


def _campaign_years(nomination: Nomination) -> float:
    campaign = nomination.campaign
    return (campaign.end - campaign.start).days / 365.25


@eligibility_check("campaign_form", order=20)
def check_campaign_form(facts: Facts) -> CheckResult:
    """R11: a campaign shorter than 3 years gives only Bằng khen and Giấy khen; Cờ thi đua
    only at the final review of a chuyên đề campaign of 3 years or more. Annual and merit
    proposals (a Cụm/Khối's Cờ thi đua, a CSTĐ) are not awards from the campaign."""
    nomination = facts.nomination
    form = nomination.form
    if nomination.basis in (AwardBasis.ANNUAL, AwardBasis.MERIT):
        return passed(
            "campaign_form",
            _("Khen thường xuyên, công trạng: không tính là khen theo phong trào."),
            ART_CAMPAIGN,
        )
    years = _campaign_years(nomination)
    if form.campaign_allowed or (form.min_campaign_years and years >= form.min_campaign_years):
        return passed(
            "campaign_form",
            _("“%(form)s” được khen từ phong trào này.") % {"form": form.name},
            ART_CAMPAIGN,
        )
    return failed(
        "campaign_form",
        _(
            "Phong trào kéo dài %(years)s năm: chỉ được đề nghị Bằng khen hoặc Giấy khen, "
            "không đề nghị “%(form)s”."
        )
        % {"years": f"{years:.1f}".replace(".", ","), "form": form.name},
        ART_CAMPAIGN,
    )


def successor_of(unit: Unit, tables: UnitTables) -> Unit | None:
    """The recorded successor of a unit that ended (the latest succession)."""
    succession = tables.latest_succession(unit)
    return succession.successor if succession else None


def _day(day: dt.date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else "?"


@eligibility_check("dissolved", order=30, prefetch=load_units)
def check_dissolved(facts: Facts) -> CheckResult:
    """R18: proposals for a dissolved unit's achievements come from its recorded successor;
    no award to a collective whose unit was dissolved in the restructuring."""
    nomination, as_of = facts.nomination, facts.as_of
    proposer = nomination.proposer_unit
    if not proposer.is_valid_on(as_of):
        successor = successor_of(proposer, facts.loaded(load_units))
        message = _(
            "%(unit)s không còn hoạt động từ %(date)s; đề nghị phải do đơn vị kế thừa lập"
        ) % {"unit": proposer.name, "date": _day(proposer.valid_to or proposer.valid_from)}
        if successor is not None:
            message += _(" (%(successor)s).") % {"successor": successor.name}
        else:
            message += "."
        return failed("dissolved", message, ART_DISSOLVED)
    nominee = nomination.nominee
    unit = nominee.unit
    is_collective = nominee.kind in (SubjectKind.COLLECTIVE, SubjectKind.ENTERPRISE)
    if is_collective and unit is not None and not unit.is_valid_on(as_of):
        return failed(
            "dissolved",
            _("Không khen thưởng tập thể thuộc %(unit)s: đơn vị đã giải thể, sáp nhập từ %(date)s.")
            % {"unit": unit.name, "date": _day(unit.valid_to or unit.valid_from)},
            ART_DISSOLVED,
        )
    return passed(
        "dissolved",
        _("Đơn vị đề nghị và đối tượng còn hoạt động."),
        ART_DISSOLVED,
    )
