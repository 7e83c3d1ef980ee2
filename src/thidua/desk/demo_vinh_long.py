"""The present-day demo: Vĩnh Long's illustrative 2026 campaign, beside the historical KH 128.

``vinh_long_demo_ensure`` loads the province of Vĩnh Long (official code 86) and its
communes from the official list (``units load vn --province 86``), adds the few provincial
departments the demo needs when no units file has added them yet (by code, never twice),
loads the illustrative 2026 campaign (``campaigns/data/kh-2026-vinh-long-minh-hoa.yaml``:
no real 2026 plan of Vĩnh Long was found, so the campaign says "minh họa" on every page),
its demo users, a few works, the report history of the quarters already due, and
nominations approved and waiting for a decision, so that a decision signed today by the
chairman of Ủy ban nhân dân tỉnh Vĩnh Long (Luật TĐKT 2022 Điều 80; Nghị quyết
202/2025/QH15) can be drafted and issued on today's date.

Everything goes through the real services, and nothing is created twice: a second run
adds nothing.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from thidua.accounts.models import User
from thidua.awards import codes as award_codes
from thidua.awards import services as awards
from thidua.awards.models import AwardBasis, AwardForm, Nomination, PhaseAwardDate
from thidua.awards.nominees import NomineeData
from thidua.campaigns.models import Campaign, Phase
from thidua.campaigns.services import campaign_load_path, resolve_campaign_path
from thidua.core.errors import DomainError
from thidua.core.event_time import events_dated
from thidua.desk.demo_users import VINH_LONG_USERS, demo_users_ensure
from thidua.organisations.models import Unit, UnitKind
from thidua.reports.drafting import report_open, report_save
from thidua.reports.models import ReportState, UnitReport
from thidua.reports.periods import report_periods_generate
from thidua.reports.workflow import report_accept, report_submit
from thidua.works.demo_images import minimal_pdf
from thidua.works.models import Work
from thidua.works.registration import WorkData, work_create
from thidua.works.workflow import work_approve, work_submit

PROVINCE = "86"
CAMPAIGN_FILE = "kh-2026-vinh-long"
CAMPAIGN_CODE = "kh-2026-vinh-long-minh-hoa"
#: The commune of the demo's commune officer and head: Xã Cầu Kè (official code 29308),
#: which took over the former Cầu Kè township of Trà Vinh on 01/7/2025.
COMMUNE = "29308"
#: Provincial departments the demo needs, created only when missing (a Vĩnh Long units
#: file, organisations/data/vinh-long.yaml, may bring them with the same codes).
DEPARTMENTS = (
    ("86-SNV", "Sở Nội vụ tỉnh Vĩnh Long", "Sở Nội vụ"),
    ("86-SYT", "Sở Y tế tỉnh Vĩnh Long", "Sở Y tế"),
)
REORGANISED = dt.date(2025, 7, 1)
#: Demo date of Đợt 2's review (tổng kết): the illustrative plan sets none.
PHASE2_REVIEW = dt.date(2026, 12, 28)
#: The day the demo's nominations were submitted: fixed, so that the demo loads the same
#: whatever day it is run (dossiers are due 10 working days before the review).
SUBMITTED_ON = dt.date(2026, 11, 20)
UNIT_SOURCE = "Đơn vị mẫu của bản demo (desk/demo_vinh_long.py); mã theo danh mục tỉnh Vĩnh Long."


@dataclass(frozen=True)
class WorkSpec:
    unit: str
    title: str
    kind: str
    start: dt.date
    finish: dt.date
    area: str


WORKS = (
    WorkSpec(
        "86-SYT",
        "Triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh",
        "project",
        dt.date(2026, 3, 1),
        dt.date(2026, 12, 31),
        "ND3",
    ),
    WorkSpec(
        COMMUNE,
        "Nâng cấp tuyến đường giao thông nông thôn ấp Ô Mịch",
        "construction",
        dt.date(2026, 4, 1),
        dt.date(2026, 11, 30),
        "ND2",
    ),
)


@dataclass(frozen=True)
class NominationSpec:
    unit: str
    kind: str
    name: str
    position: str
    gender: str
    birth_year: int
    approve: bool


NOMINATIONS = (
    NominationSpec(
        COMMUNE,
        "individual",
        "Thạch Thị Sa Vuôl",
        "Công chức Văn hóa - Xã hội",
        "female",
        1987,
        True,
    ),
    NominationSpec(
        "86-SYT", "individual", "Nguyễn Hoàng Phúc", "Bác sĩ, Bệnh viện Đa khoa", "male", 1983, True
    ),
    NominationSpec(
        "86-SYT", "individual", "Lê Thị Ngọc Giàu", "Điều dưỡng trưởng", "female", 1990, False
    ),
)


def _on(day: dt.date | dt.datetime) -> Any:
    """Events written inside carry the story's day (never later than today)."""
    today = timezone.localdate()
    if isinstance(day, dt.datetime):
        return events_dated(day if timezone.localdate(day) <= today else timezone.now())
    return events_dated(min(day, today))


def _units() -> str:
    out = io.StringIO()
    call_command("units", "load", "vn", "--province", PROVINCE, stdout=out)
    province = Unit.objects.get(code=PROVINCE)
    for code, name, short_name in DEPARTMENTS:
        Unit.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "short_name": short_name,
                "kind": UnitKind.DEPARTMENT,
                "parent": province,
                "valid_from": REORGANISED,
                "source": UNIT_SOURCE,
            },
        )
    # The line of the province ("- Vĩnh Long (86): 125 đơn vị — 0 mới, …").
    return next((line for line in out.getvalue().splitlines() if line.startswith("- ")), "")


def _user(username: str) -> User:
    return User.objects.get(username=username)


def _works(campaign: Campaign, units: dict[str, Unit]) -> int:
    if Work.objects.filter(campaign=campaign).exists():
        return 0
    secretariat = _user("bantdkt_vl")
    areas = {a.code: a for a in campaign.content_areas.all()}
    officers = {"86-SYT": _user("thutruong_syt_vl"), COMMUNE: _user("canbo_xa_vl")}
    for spec in WORKS:
        registered = spec.start - dt.timedelta(days=14)
        with _on(registered):
            work = _registered_work(campaign, units, areas, officers, spec)
        with _on(registered + dt.timedelta(days=3)):
            work_approve(actor=secretariat, work=work, note="Đồng ý (mẫu).")
    return len(WORKS)


def _registered_work(
    campaign: Campaign,
    units: dict[str, Unit],
    areas: dict[str, Any],
    officers: dict[str, User],
    spec: WorkSpec,
) -> Work:
    """A work the unit created and sent for approval (demo, illustrative campaign)."""
    work = work_create(
        actor=officers[spec.unit],
        campaign=campaign,
        unit=units[spec.unit],
        data=WorkData(
            kind=spec.kind,
            title=spec.title,
            planned_start=spec.start,
            planned_finish=spec.finish,
            description="Công trình mẫu của kế hoạch minh họa năm 2026.",
            content_area=areas.get(spec.area),
            place=units[spec.unit] if units[spec.unit].kind == UnitKind.COMMUNE else None,
            budget=Decimal("1500000000") if spec.kind == "construction" else None,
            budget_source="Ngân sách xã" if spec.kind == "construction" else "",
            phase=campaign.phases.filter(start__lte=spec.finish, end__gte=spec.finish).first(),
            targets=[],
        ),
        confirm_similar=True,
    )
    return work_submit(actor=officers[spec.unit], work=work)


def _reports(campaign: Campaign, units: dict[str, Unit]) -> int:
    """Q1–Q3/2026 of the demo's two reporting units: submitted and received."""
    heads = {"86-SYT": _user("thutruong_syt_vl"), COMMUNE: _user("chutich_xa_vl")}
    secretariat = _user("bantdkt_vl")
    written = 0
    reports = UnitReport.objects.filter(
        period__campaign=campaign,
        period__year=2026,
        period__number__lte=3,
        unit__code__in=list(heads),
        state=ReportState.OPEN,
        submitted_at__isnull=True,
    ).select_related("unit", "period")
    for report in reports.order_by("period__number", "unit__code"):
        head = heads[report.unit.code]
        due = report.period.effective_due
        at = dt.datetime.combine(due - dt.timedelta(days=2), dt.time(9), tzinfo=dt.UTC)
        with _on(at):
            report = report_open(actor=head, report=report)
            report = report_save(
                actor=head,
                report=report,
                summary=f"{report.unit.name}: hoàn thành các phần việc đăng ký {report.period.label}.",
            )
            report = report_submit(actor=head, report=report, at=at)
        with _on(at + dt.timedelta(days=1)):
            report_accept(actor=secretariat, report=report, at=at + dt.timedelta(days=1))
        written += 1
    return written


def _nominations(campaign: Campaign, units: dict[str, Unit]) -> int:
    if Nomination.objects.filter(campaign=campaign).exists():
        return 0
    phase = Phase.objects.get(campaign=campaign, code="dot-2")
    PhaseAwardDate.objects.get_or_create(
        phase=phase,
        defaults={"review_on": PHASE2_REVIEW, "note": "Ngày mẫu (kế hoạch minh họa không nêu)."},
    )
    form = AwardForm.objects.get(code=award_codes.BANG_KHEN_TINH)
    secretariat = _user("bantdkt_vl")
    people = {
        "86-SYT": (_user("thutruong_syt_vl"), _user("thutruong_syt_vl")),
        COMMUNE: (_user("canbo_xa_vl"), _user("chutich_xa_vl")),
    }
    for spec in NOMINATIONS:
        officer, head = people[spec.unit]
        with _on(SUBMITTED_ON):
            nomination = _submitted_nomination(campaign, phase, form, units, spec, officer, head)
        if spec.approve:
            with _on(SUBMITTED_ON + dt.timedelta(days=5)):
                awards.nomination_review_start(nomination, by=secretariat)
                awards.nomination_send_to_council(nomination, by=secretariat)
                awards.nomination_approve(nomination, by=secretariat, note="Hội đồng đồng ý (mẫu).")
    return len(NOMINATIONS)


def _submitted_nomination(
    campaign: Campaign,
    phase: Phase,
    form: AwardForm,
    units: dict[str, Unit],
    spec: NominationSpec,
    officer: User,
    head: User,
) -> Nomination:
    """A nomination with its dossier, created and submitted by the unit."""
    data = NomineeData(
        kind=spec.kind,
        name=spec.name,
        unit=units[spec.unit],
        gender=spec.gender,
        birth_year=spec.birth_year,
        position=spec.position,
    )
    nominee = awards.nominee_find_or_create(by=officer, data=data)[0]
    nomination = awards.nomination_create(
        by=officer,
        campaign=campaign,
        phase=phase,
        proposer_unit=units[spec.unit],
        nominee=nominee,
        form=form,
        basis=AwardBasis.CAMPAIGN,
        summary="Có thành tích tiêu biểu xuất sắc trong phong trào thi đua năm 2026 (mẫu).",
        achievement={
            "situation": "Hoàn thành tốt nhiệm vụ được giao trong năm 2026.",
            "results": "Hoàn thành vượt tiến độ công trình, phần việc đã đăng ký.",
            "measures": "Ứng dụng chuyển đổi số trong giải quyết hồ sơ của người dân.",
        },
    )
    for kind in ("cover", "report", "minutes"):
        content = minimal_pdf([f"Ho so de nghi khen thuong 2026 - {kind}"])
        awards.dossier_file_add(
            nomination,
            by=officer,
            kind=kind,
            stream=io.BytesIO(content),
            name=f"{kind}-{nomination.pk}.pdf",
            size=len(content),
        )
    awards.nomination_submit(nomination, by=head, today=SUBMITTED_ON)
    return nomination


def vinh_long_demo_ensure() -> list[str]:
    """Load the present-day demo (idempotent); the lines for the demo_setup output.

    A refusal of a service (a rule that changed, a date past) leaves the province, the
    campaign and the users loaded and says what could not be made."""
    lines = [_units()]
    awards.award_forms_load_shipped()
    campaign = Campaign.objects.filter(code=CAMPAIGN_CODE).first()
    if campaign is None:
        campaign = campaign_load_path(resolve_campaign_path(CAMPAIGN_FILE))
        lines.append(f"Đã nạp phong trào minh họa {campaign.doc_number} (năm 2026, Vĩnh Long).")
    demo_users_ensure(VINH_LONG_USERS)
    report_periods_generate(campaign)
    codes = [department[0] for department in DEPARTMENTS] + [COMMUNE]
    units = {u.code: u for u in Unit.objects.filter(code__in=codes)}
    try:
        with transaction.atomic():
            works = _works(campaign, units)
            reports = _reports(campaign, units)
            nominations = _nominations(campaign, units)
    except DomainError as error:
        lines.append(f"Phong trào 2026 (minh họa): chưa tạo được dữ liệu mẫu ({error.message}).")
        return lines
    if works or reports or nominations:
        lines.append(
            f"Phong trào 2026 (minh họa): {works} công trình, {reports} báo cáo quý, "
            f"{nominations} đề nghị khen thưởng mới."
        )
    else:
        lines.append("Phong trào 2026 (minh họa): đã có, không tạo thêm.")
    return [line for line in lines if line]
