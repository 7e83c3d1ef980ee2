"""Demo data of awards, loaded by ``demo_setup`` (idempotent).

Loads the award forms, sets the date of Đợt 1's review (sơ kết; a demo value, the plan
gives none), a few quotas, nominees of every kind and nominations of KH 128 Đợt 1 in every
open state. ``approved``, ``not_approved`` and ``decided`` come from the councils and
decisions demos, which run after this one: the nominations left in ``to_council`` for
them are those of ``DEMO_COUNCIL_NOMINEES``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import QuerySet

from thidua.accounts.demo import DEMO_PASSWORD
from thidua.accounts.models import Membership, Role, User
from thidua.accounts.selectors import forget_reach
from thidua.awards import codes, services
from thidua.awards.authority import province_grants
from thidua.awards.models import (
    AwardBasis,
    AwardForm,
    AwardRecord,
    Nomination,
    NominationState,
    Nominee,
    PhaseAwardDate,
    Quota,
    SubjectKind,
)
from thidua.awards.nominees import NomineeData
from thidua.campaigns.models import Campaign, Phase
from thidua.core.event_time import events_dated
from thidua.organisations.models import Unit
from thidua.works.demo_images import minimal_pdf

#: Demo date of Đợt 1's review (sơ kết): the plan sets none; dossiers are due 10 working
#: days before it.
PHASE1_REVIEW = dt.date(2025, 5, 15)
PROPOSERS = ("TV-SYT", "TV-CK")

#: Nominees whose Đợt 1 nominations are left in ``to_council`` for the councils demo.
DEMO_COUNCIL_NOMINEES = (
    "Trần Thị Mỹ Hạnh",
    "Thạch Văn Sơn",
    "Khoa Hồi sức tích cực - Chống độc, Bệnh viện Đa khoa tỉnh",
    "Nguyễn Thị Kim Ngân",
    "Hộ ông Thạch Sang",
    "Công ty TNHH Dừa Cầu Kè",
    "Lê Văn Thành",
)


@dataclass(frozen=True)
class Spec:
    unit: str
    kind: str
    name: str
    state: str
    gender: str = ""
    birth_year: int | None = None
    position: str = ""
    women_share: str | None = None
    direct_worker: bool = False
    form: str = codes.BANG_KHEN_TINH
    basis: str = AwardBasis.CAMPAIGN


S = NominationState
P, C, H, E = (SubjectKind.INDIVIDUAL, SubjectKind.COLLECTIVE, SubjectKind.HOUSEHOLD,
              SubjectKind.ENTERPRISE)  # fmt: skip
SPECS = (
    Spec("TV-SYT", P, "Trần Thị Mỹ Hạnh", S.TO_COUNCIL, "female", 1984, "Điều dưỡng trưởng khoa Nhi", direct_worker=True),
    Spec("TV-SYT", P, "Thạch Văn Sơn", S.TO_COUNCIL, "male", 1979, "Bác sĩ, Trạm Y tế xã"),
    Spec("TV-SYT", C, "Khoa Hồi sức tích cực - Chống độc, Bệnh viện Đa khoa tỉnh", S.TO_COUNCIL, women_share="0.720"),
    Spec("TV-SYT", P, "Nguyễn Thị Kim Ngân", S.TO_COUNCIL, "female", 1990, "Dược sĩ, Trung tâm Kiểm soát bệnh tật"),
    Spec("TV-SYT", P, "Lê Văn Thành", S.TO_COUNCIL, "male", 1975, "Trưởng phòng Nghiệp vụ Y"),
    Spec("TV-SYT", P, "Sơn Thị Sa Ly", S.UNDER_REVIEW, "female", 1988, "Hộ sinh, Trung tâm Y tế huyện Trà Cú", direct_worker=True),
    Spec("TV-SYT", P, "Phạm Quốc Bảo", S.SUBMITTED, "male", 1982, "Kỹ thuật viên xét nghiệm"),
    Spec("TV-SYT", P, "Huỳnh Thị Ngọc Trâm", S.RETURNED, "female", 1993, "Chuyên viên Văn phòng Sở"),
    Spec("TV-SYT", C, "Phòng Kế hoạch - Tài chính, Sở Y tế", S.DRAFT, women_share="0.500"),
    Spec("TV-SYT", P, "Võ Minh Luân", S.WITHDRAWN, "male", 1986, "Bác sĩ, Bệnh viện Lao và Bệnh phổi"),
    Spec("TV-CK", H, "Hộ ông Thạch Sang", S.TO_COUNCIL),
    Spec("TV-CK", E, "Công ty TNHH Dừa Cầu Kè", S.TO_COUNCIL),
    Spec("TV-CK", P, "Kim Thị Sô Phia", S.SUBMITTED, "female", 1991, "Công chức Văn hóa - Xã hội xã Phong Phú", form=codes.GIAY_KHEN),
    Spec("TV-CK", P, "Trương Văn Đời", S.DRAFT, "male", 1968, "Nông dân, ấp Trà Mẻn", direct_worker=True),
)  # fmt: skip
_DOSSIER = ("cover", "report", "minutes")
_RETURN = "Báo cáo thành tích chưa có xác nhận của thủ trưởng đơn vị; đề nghị bổ sung biên bản xét khen thưởng có chữ ký."  # fmt: skip


def _head(unit: Unit) -> User:
    """A demo head of ``unit`` (reports demo names them ``tt_<code>``), created if missing."""
    membership = (
        Membership.objects.filter(unit=unit, role=Role.UNIT_HEAD).select_related("user").first()
    )
    if membership is not None:
        return membership.user
    username = "tt_" + unit.code.lower().replace("-", "_")
    user, _new = User.objects.get_or_create(
        username=username,
        defaults={"full_name": f"Thủ trưởng {unit.name}", "password": make_password(DEMO_PASSWORD)},
    )
    Membership.objects.get_or_create(user=user, unit=unit, role=Role.UNIT_HEAD)
    forget_reach(user)
    return user


def _officer(unit: Unit) -> User:
    membership = (
        Membership.objects.filter(unit=unit, role=Role.UNIT_OFFICER).select_related("user").first()
    )
    return membership.user if membership is not None else _head(unit)


def _nominee(spec: Spec, unit: Unit, officer: User) -> Nominee:
    data = NomineeData(
        kind=spec.kind, name=spec.name, unit=unit, gender=spec.gender, birth_year=spec.birth_year,
        position=spec.position, direct_worker=spec.direct_worker,
        women_share=Decimal(spec.women_share) if spec.women_share else None,
    )  # fmt: skip
    return services.nominee_find_or_create(by=officer, data=data)[0]


def _files(nomination: Nomination, officer: User) -> None:
    for kind in _DOSSIER:
        text = [f"Ho so de nghi khen thuong - {kind}", f"De nghi so {nomination.pk}"]
        services.dossier_file_add(
            nomination, by=officer, kind=kind, stream=BytesIO(minimal_pdf(text)),
            name=f"{kind}-{nomination.pk}.pdf", size=len(minimal_pdf(text)),
        )  # fmt: skip


def _advance(nomination: Nomination, spec: Spec, head: User, reviewer: User, day: dt.date) -> None:
    """Each step on its day of the story: sent ``day``, appraised over the next days."""
    target = spec.state
    if target == S.DRAFT:
        return
    if target == S.WITHDRAWN:
        with events_dated(day):
            reason = "Đơn vị rút để đề nghị ở Đợt 2."
            services.nomination_withdraw(nomination, by=head, reason=reason)
        return
    with events_dated(day):
        services.nomination_submit(nomination, by=head, today=day)
    if target == S.SUBMITTED:
        return
    with events_dated(day + dt.timedelta(days=3)):
        services.nomination_review_start(nomination, by=reviewer)
    if target == S.UNDER_REVIEW:
        return
    with events_dated(day + dt.timedelta(days=7)):
        if target == S.RETURNED:
            services.nomination_return(nomination, by=reviewer, reason=_RETURN)
            return
        services.nomination_send_to_council(nomination, by=reviewer)


def _reviewer_for(nomination: Nomination, secretariat: User) -> User:
    if province_grants(nomination.form, nomination.phase.last_day):
        return secretariat
    return _head(nomination.grantor_unit)


def _quotas(campaign: Campaign, phase: Phase, units: dict[str, Unit]) -> None:
    bang_khen = AwardForm.objects.get(code=codes.BANG_KHEN_TINH)
    Quota.objects.get_or_create(
        campaign=campaign, phase=phase, form=bang_khen, unit=None, subject_kind="",
        defaults={"maximum": 60, "note": "Mẫu: tổng số Bằng khen Đợt 1 (Sở Nội vụ hướng dẫn)."},
    )  # fmt: skip
    for code, maximum in (("TV-SYT", 5), ("TV-CK", 4)):
        Quota.objects.get_or_create(
            campaign=campaign, phase=phase, form=bang_khen, unit=units[code], subject_kind="",
            defaults={"maximum": maximum, "note": "Mẫu: chỉ tiêu Bằng khen của đơn vị trong Đợt 1."},
        )  # fmt: skip


def _history(nominees: dict[str, Nominee]) -> None:
    """An archive record for the history page: a CSTĐCS of 2023 (annual basis)."""
    nominee = nominees.get("Lê Văn Thành")
    if nominee is None or nominee.awards.exists():
        return
    AwardRecord.objects.create(
        nominee=nominee, form=AwardForm.objects.get(code=codes.CSTDCS), year=2023,
        basis=AwardBasis.ANNUAL, decision_number="125/QĐ-SYT", decision_date=dt.date(2023, 12, 22),
        grantor_title="Giám đốc Sở Y tế", unit_name="Sở Y tế tỉnh Trà Vinh",
    )  # fmt: skip


def demo_council_nominations(campaign: Campaign) -> QuerySet[Nomination]:
    """The Đợt 1 nominations left in ``to_council`` for the councils demo."""
    return Nomination.objects.filter(
        campaign=campaign, state=S.TO_COUNCIL, nominee__name__in=DEMO_COUNCIL_NOMINEES
    ).order_by("pk")


def demo_ensure(campaign: Campaign) -> str:
    """Create the demo rows once; return a line for the demo_setup output ("" if none)."""
    services.award_forms_load_shipped()
    phase = campaign.phases.order_by("position", "start").first()
    if phase is None or Nomination.objects.filter(campaign=campaign).exists():
        return ""
    units = {u.code: u for u in Unit.objects.filter(code__in=PROPOSERS)}
    secretariat = User.objects.filter(username="bantdkt").first()
    if len(units) < len(PROPOSERS) or secretariat is None:
        return ""
    with transaction.atomic():
        PhaseAwardDate.objects.get_or_create(
            phase=phase,
            defaults={"review_on": PHASE1_REVIEW, "note": "Ngày mẫu (kế hoạch không nêu)."},
        )
        _quotas(campaign, phase, units)
        nominees: dict[str, Nominee] = {}
        for index, spec in enumerate(SPECS):
            unit = units[spec.unit]
            officer, head = _officer(unit), _head(unit)
            nominee = nominees[spec.name] = _nominee(spec, unit, officer)
            day = dt.date(2025, 4, 10) + dt.timedelta(days=index % 5)
            with events_dated(day - dt.timedelta(days=7)):
                nomination = services.nomination_create(
                    by=officer, campaign=campaign, phase=phase, proposer_unit=unit, nominee=nominee,
                    form=AwardForm.objects.get(code=spec.form), basis=spec.basis,
                    summary="Có thành tích tiêu biểu xuất sắc trong đợt thi đua chào mừng Đại hội Đảng bộ các cấp.",
                    achievement={
                        "situation": "Đơn vị có 45 cán bộ, viên chức; hoàn thành tốt nhiệm vụ được giao.",
                        "results": "Hoàn thành vượt tiến độ công trình đăng ký; 100% chỉ tiêu đạt và vượt.",
                        "measures": "Áp dụng chuyển đổi số trong quản lý hồ sơ; 01 sáng kiến được công nhận.",
                    },
                )  # fmt: skip
                if spec.state != S.DRAFT or index % 2 == 0:
                    _files(nomination, officer)
            _advance(nomination, spec, head, _reviewer_for(nomination, secretariat), day)
        _history(nominees)
    council = demo_council_nominations(campaign).count()
    return (
        f"Khen thưởng mẫu: {len(SPECS)} đề nghị Đợt 1 (dự thảo, đã gửi, đang thẩm định, trả lại, "
        f"đã rút), {council} đề nghị chờ Hội đồng xét."
    )
