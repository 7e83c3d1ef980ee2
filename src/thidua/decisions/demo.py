"""Demo data of decisions, loaded by ``demo_setup`` after the awards and councils demos
(idempotent).

Issues the Bằng khen decision of the Chủ tịch UBND tỉnh Trà Vinh for KH 128 Đợt 1 —
1234/QĐ-UBND of 05/6/2025, signed by Lê Văn Hẳn, Chủ tịch (the signer of the plan) —
listing the nominations the council approved (when the councils demo has approved none,
a few waiting for the council are approved here through the awards workflow), prints
its certificates, and adds archive records (annual titles of 2022–2023) so that the award
history has something to show.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from thidua.accounts.models import User
from thidua.awards.models import (
    AwardBasis,
    AwardForm,
    AwardRecord,
    Nomination,
    NominationState,
    Nominee,
)
from thidua.campaigns.models import Campaign
from thidua.core.errors import DomainError
from thidua.core.event_time import events_dated
from thidua.decisions.certificates import certificate_pdf_ensure
from thidua.decisions.models import Certificate, Decision, DecisionState
from thidua.decisions.services import decision_draft, decision_edit, decision_issue
from thidua.organisations.models import Unit

DEMO_NUMBER = "1234/QĐ-UBND"
DEMO_DATE = dt.date(2025, 6, 5)
SIGNER = "Lê Văn Hẳn"
#: Archive records: (nominee name, form code, year, number, date, grantor).
ARCHIVE = (
    ("Trần Thị Mỹ Hạnh", "ldtt", 2022, "215/QĐ-SYT", dt.date(2022, 12, 26), "Giám đốc Sở Y tế"),
    ("Trần Thị Mỹ Hạnh", "cstdcs", 2023, "198/QĐ-SYT", dt.date(2023, 12, 22), "Giám đốc Sở Y tế"),
    (
        "Thạch Văn Sơn",
        "ldtt",
        2023,
        "1502/QĐ-UBND",
        dt.date(2023, 12, 20),
        "Chủ tịch Ủy ban nhân dân huyện Cầu Kè",
    ),
    (
        "Nguyễn Thị Kim Ngân",
        "cstdcs",
        2022,
        "1377/QĐ-UBND",
        dt.date(2022, 12, 19),
        "Chủ tịch Ủy ban nhân dân huyện Cầu Kè",
    ),
)


def _approve_some(campaign: Campaign, form: AwardForm, grantor: Unit, by: User) -> None:
    """When the councils demo approved nothing, approve what waits for the council."""
    from thidua.awards.services import nomination_approve

    waiting = Nomination.objects.filter(
        campaign=campaign, form=form, grantor_unit=grantor, state=NominationState.TO_COUNCIL
    ).order_by("pk")[:4]
    for nomination in waiting:
        try:
            nomination_approve(nomination, by=by, note="Demo")
        except DomainError:
            continue


def _archive(by_name: dict[str, Nominee]) -> int:
    forms = {f.code: f for f in AwardForm.objects.filter(code__in={a[1] for a in ARCHIVE})}
    added = 0
    for name, code, year, number, date, grantor in ARCHIVE:
        nominee = by_name.get(name)
        if nominee is None or code not in forms:
            continue
        _record, created = AwardRecord.objects.get_or_create(
            nominee=nominee,
            form=forms[code],
            decision_number=number,
            defaults={
                "year": year,
                "basis": AwardBasis.ANNUAL,
                "decision_date": date,
                "grantor_title": grantor,
                "unit_name": nominee.unit.name if nominee.unit else "",
            },
        )
        added += int(created)
    return added


def demo_ensure(campaign: Campaign) -> str:
    """Create the demo rows once; return a line for the demo_setup output ("" if none)."""
    grantor = Unit.objects.filter(code="TV").first()
    form = AwardForm.objects.filter(code="bang-khen-tinh").first()
    secretariat = User.objects.filter(username="bantdkt").first()
    if grantor is None or form is None or secretariat is None:
        return ""
    names = {a[0] for a in ARCHIVE}
    archived = _archive({n.name: n for n in Nominee.objects.filter(name__in=names)})
    existing = Decision.objects.filter(campaign=campaign, number=DEMO_NUMBER).first()
    if existing is None:
        if not Nomination.objects.filter(
            campaign=campaign, form=form, grantor_unit=grantor, state=NominationState.APPROVED
        ).exists():
            with events_dated(DEMO_DATE - dt.timedelta(days=5)):
                _approve_some(campaign, form, grantor, secretariat)
        approved = list(
            Nomination.objects.filter(
                campaign=campaign, form=form, grantor_unit=grantor, state=NominationState.APPROVED
            )
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        # The last approved nomination waits for the next decision, so the demo shows the
        # "approved" state too.
        listed = approved[:-1] if len(approved) > 1 else approved
        try:
            with transaction.atomic(), events_dated(DEMO_DATE - dt.timedelta(days=3)):
                draft = decision_draft(
                    actor=secretariat,
                    campaign=campaign,
                    form=form,
                    grantor_unit=grantor,
                    nominations=listed,
                    on=DEMO_DATE,
                )
                decision_edit(
                    actor=secretariat,
                    decision=draft,
                    number=DEMO_NUMBER,
                    date=DEMO_DATE,
                    signer_name=SIGNER,
                    signer_title="Chủ tịch",
                )
                with events_dated(DEMO_DATE):
                    existing = decision_issue(actor=secretariat, decision=draft)
        except DomainError as error:
            return f"Quyết định khen thưởng mẫu: chưa lập được ({error.message})"
    if existing.state == DecisionState.DRAFT:
        return ""
    certificates = list(
        Certificate.objects.filter(entry__decision=existing)
        .select_related("entry__decision__form")
        .order_by("entry__order")
    )
    for certificate in certificates:
        certificate_pdf_ensure(certificate)
    return (
        f"Quyết định khen thưởng mẫu: {DEMO_NUMBER} ngày {DEMO_DATE:%d/%m/%Y}, "
        f"{len(certificates)} bằng khen có mã xác minh; {archived} khen thưởng lưu trữ mới."
    )
