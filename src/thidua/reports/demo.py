"""Demo history of KH 128's quarterly reports, written through the real services.

``demo_reports_ensure`` gives the reporting screens three past quarters to show:
for Quý IV/2024, Quý I/2025 and Quý II/2025 most units report — about 70 % on time,
15 % late, 15 % never (some of those left a draft) — a few reports are returned by the
Ban Thi đua - Khen thưởng (``bantdkt``) and submitted again, and most are received. The
last of those quarters keeps a few reports waiting for ``bantdkt`` and one returned, so
the demo has work to do. Quý III/2025 is left as the generator made it.

Nothing here writes a state: each step is ``report_open``, ``report_save``,
``report_submit`` (by the unit's head, at a historical moment: ``at=``), ``report_return``
or ``report_accept``. KH 128 IV.2 names the recipient; a unit's head confirms its report.
A unit with no head among the demo users gets one (``tt_<code>``, password
``thidua-demo``). Dates are those of the campaign; event timestamps are the moment the
demo is loaded, as in ``works.demo``.
"""

from __future__ import annotations

import datetime as dt
import zlib
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from thidua.accounts.demo import DEMO_PASSWORD
from thidua.accounts.models import Membership, Role, User
from thidua.campaigns.models import Campaign
from thidua.core.event_time import events_dated
from thidua.organisations.models import Unit, UnitKind
from thidua.reports.models import ReportPeriod, ReportState, UnitReport
from thidua.reports.services import (
    report_accept,
    report_open,
    report_return,
    report_save,
    report_submit,
)
from thidua.works.demo_images import minimal_pdf

#: The quarters given a history, as (year, quarter).
DEMO_QUARTERS = ((2024, 4), (2025, 1), (2025, 2))
SECRETARIAT_USERNAME = "bantdkt"
HEAD_PREFIX = "tt_"

_HEAD_NAMES = (
    "Nguyễn Văn Hùng", "Trần Thị Mỹ Linh", "Thạch Sô Phan", "Lê Hoàng Phúc", "Kim Thị Sà Rinh",
    "Phạm Minh Tâm", "Huỳnh Văn Lợi", "Sơn Thị Ngọc Hân", "Võ Thành Nhân", "Đặng Thị Kim Loan",
    "Lâm Văn Sang", "Dương Quốc Việt", "Trương Thị Thu Ba", "Thạch Thị Sa Vy", "Ngô Văn Đời",
    "Bùi Thị Phương", "Châu Văn Khánh", "Lý Thị Bích Tuyền", "Hồ Văn Thanh", "Kiên Thị Chanh Tha",
    "Mai Văn Quyền", "Đỗ Thị Hồng Nhung", "Tăng Văn Út", "Phan Thị Diễm", "Lưu Minh Trí",
)  # fmt: skip
#: How a head's position is written, by the first words of the unit's name.
_POSITIONS = (
    ("Sở ", "Giám đốc {name}"),
    ("Đài ", "Giám đốc {name}"),
    ("Ban ", "Trưởng {name}"),
    ("Thanh tra", "Chánh Thanh tra tỉnh"),
    ("Văn phòng", "Chánh Văn phòng UBND tỉnh"),
    ("Tỉnh Đoàn", "Bí thư Tỉnh Đoàn"),
    ("Báo ", "Tổng Biên tập {name}"),
)
_RETURN_REASONS = (
    "Chưa có số liệu công trình, phần việc đã hoàn thành trong quý; đề nghị bổ sung.",
    "Báo cáo chưa có chữ ký, đóng dấu của thủ trưởng đơn vị; đề nghị gửi lại bản có ký.",
    "Thiếu nội dung đánh giá tồn tại, hạn chế và phương hướng quý tiếp theo.",
)


class Outcome(StrEnum):
    """What a unit did with its report for one quarter."""

    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"


@dataclass(frozen=True)
class Story:
    """One report's history: when it was submitted, whether returned, where it ends."""

    outcome: Outcome
    rank: int
    returned: bool = False  # returned once, then submitted again
    ends: ReportState = ReportState.ACCEPTED


def _rank_key(code: str, period: ReportPeriod) -> int:
    return zlib.crc32(f"{code}|{period.year}-{period.number}".encode())


def plan(period: ReportPeriod, codes: list[str], *, last: bool) -> dict[str, Story]:
    """Each unit's story for ``period``: the same on every run (a hash ranks the units).

    70 % of the units (rounded) report on time, 15 % late and the rest not at all; every
    twelfth submitted report is returned once; in the ``last`` quarter three reports stay
    waiting for the secretariat and one stays returned.
    """
    ordered = sorted(codes, key=lambda code: (_rank_key(code, period), code))
    on_time, late = round(len(ordered) * 0.70), round(len(ordered) * 0.15)
    stories: dict[str, Story] = {}
    for rank, code in enumerate(ordered):
        if rank >= on_time + late:
            stories[code] = Story(Outcome.MISSING, rank, ends=ReportState.OPEN)
            continue
        outcome = Outcome.ON_TIME if rank < on_time else Outcome.LATE
        ends = ReportState.ACCEPTED
        if last and rank in (1, 6, on_time + 1):
            ends = ReportState.SUBMITTED
        elif last and rank == 4:
            ends = ReportState.RETURNED
        stories[code] = Story(outcome, rank, rank % 12 == 5 or rank == 4, ends)
    return stories


# --- Time: submissions on office days and hours, Vietnam time


def _office_day(day: dt.date, step: int) -> dt.date:
    while day.weekday() >= 5:
        day += dt.timedelta(days=step)
    return day


def _moment(day: dt.date, rank: int, *, base_hour: int = 8) -> dt.datetime:
    minutes = base_hour * 60 + (rank * 37) % 480
    at = dt.time(minutes // 60, minutes % 60)
    return dt.datetime.combine(day, at, tzinfo=timezone.get_default_timezone())


def timeline(story: Story, due: dt.date) -> tuple[dt.datetime | None, dt.datetime, dt.datetime]:
    """(first submission if returned, final submission, receipt) for a submitted report.

    On time: up to five days before the effective due date (never after it); late: one to
    ten days after it. A returned report is first sent early and sent again once fixed;
    the receipt follows the final submission by two or three office days.
    """
    day = dt.timedelta(days=1)
    if story.outcome is Outcome.ON_TIME:
        final = _office_day(due - day * (story.rank % 6), -1)
        first = _office_day(due - day * 10, -1)
        if story.returned:
            final = _office_day(due - day * 2, -1)
    else:
        final = _office_day(due + day * (1 + story.rank % 10), 1)
        first = _office_day(due + day, 1)
        if story.returned:
            final = _office_day(first + day * 5, 1)
    receipt = _office_day(final + day * (2 + story.rank % 2), 1)
    return (
        _moment(first, story.rank) if story.returned else None,
        _moment(final, story.rank + 1),
        _moment(receipt, story.rank, base_hour=9),
    )


# --- Contents: a summary, figures and a narrative per content area


_AREAS_BY_KIND = {
    UnitKind.DISTRICT: ("ND1", "ND2", "ND4", "ND5"),
    UnitKind.DEPARTMENT: ("ND3", "ND6", "ND7"),
    UnitKind.MASS_ORGANISATION: ("ND1", "ND4", "ND6"),
}
_OTHER_AREAS = ("ND3", "ND6")


def _works_text(works: dict[str, Any]) -> str:
    """One sentence on the unit's works, from the report's pre-filled snapshot."""
    total, done = works.get("total", 0), works.get("completed_in_period", 0)
    if not total:
        return (
            "Đăng ký phần việc thi đua gắn với nhiệm vụ chuyên môn; "
            "chưa có công trình hoàn thành trong quý."
        )
    average = works.get("average_progress")
    shown = f"{average or 0:g}".replace(".", ",")  # Vietnamese decimal comma
    if not done:
        return (
            f"Triển khai {total} công trình, phần việc đã đăng ký, bình quân đạt {shown}% "
            "khối lượng; chưa có công trình hoàn thành trong quý."
        )
    rest = f"; các công trình đang thực hiện đạt bình quân {shown}% khối lượng" if average else ""
    return f"Hoàn thành {done}/{total} công trình, phần việc đăng ký{rest}."


def narratives(unit: Unit, story: Story, works: dict[str, Any]) -> dict[str, str]:
    """Short, plausible narratives by content area code, varied by the unit's rank."""
    n = 2 + story.rank % 5
    texts = {
        "ND1": f"Ra quân xây dựng nông thôn mới tại {n} xã; làm mới {n + 3} km đường giao thông "
        f"nông thôn và {n} km tuyến đường hoa.",
        "ND2": _works_text(works) + " Tổ chức ra quân giải phóng mặt bằng các dự án trọng điểm.",
        "ND3": f"Tổ chức {n + 4} hoạt động văn hóa, thể thao chào mừng các ngày lễ lớn; "
        f"{80 + story.rank % 15}% hồ sơ thủ tục hành chính được tiếp nhận trực tuyến.",
        "ND4": f"Vận động xây dựng {n * 3} căn nhà đại đoàn kết; trao {n * 50} phần quà cho hộ "
        "nghèo, gia đình chính sách.",
        "ND5": "Giữ vững an ninh chính trị, trật tự an toàn xã hội; duy trì "
        f"{n + 10} mô hình tự quản ở khu dân cư.",
        "ND6": "Quán triệt kế hoạch đến 100% cán bộ, đảng viên; thực hiện sắp xếp tổ chức bộ "
        "máy đúng lộ trình.",
        "ND7": f"Phát động phong trào lao động sáng tạo; {n} sáng kiến, giải pháp được công nhận.",
    }
    codes = _AREAS_BY_KIND.get(UnitKind(unit.kind), _OTHER_AREAS)
    return {code: texts[code] for code in codes[: 2 + story.rank % 2]}


def _lower(label: str) -> str:
    """ "Quý IV/2024" inside a sentence: "quý IV/2024"."""
    return label[:1].lower() + label[1:]


def summary(unit: Unit, period: ReportPeriod, works: dict[str, Any]) -> str:
    return (
        f"{unit.name} báo cáo kết quả thực hiện Kế hoạch 128/KH-UBND {_lower(period.label)}: "
        + _works_text(works)
        + " Phong trào thi đua được triển khai sâu rộng, gắn với nhiệm vụ chính trị của đơn vị."
    )


def figures(story: Story, works: dict[str, Any]) -> dict[str, int]:
    return {
        "Công trình, phần việc đăng ký": works.get("total", 0),
        "Hoàn thành trong quý": works.get("completed_in_period", 0),
        "Tập thể được khen thưởng": 1 + story.rank % 4,
        "Cá nhân được khen thưởng": 3 + story.rank % 9,
    }


def _signed_copy(unit: Unit, period: ReportPeriod) -> ContentFile:
    lines = [
        "BAO CAO KET QUA THUC HIEN KE HOACH 128/KH-UBND",
        f"Don vi: {unit.code}",
        f"Ky bao cao: Quy {period.number}/{period.year}",
        "Ban chup co chu ky, dong dau cua thu truong don vi.",
    ]
    return ContentFile(minimal_pdf(lines), name=f"bao-cao-{period.year}-q{period.number}.pdf")


# --- People


@dataclass
class _People:
    secretariat: User
    heads: dict[int, User]
    officers: dict[int, User]
    password: str = ""

    def head(self, unit: Unit) -> User:
        """The unit's head: a demo user who holds the role, or a new ``tt_<code>`` user."""
        if unit.pk not in self.heads:
            self.password = self.password or make_password(DEMO_PASSWORD)
            self.heads[unit.pk] = _create_head(unit, self.password)
        return self.heads[unit.pk]

    def drafter(self, unit: Unit) -> User:
        """Who writes the draft: a demo officer of the unit, else its head."""
        return self.officers.get(unit.pk) or self.head(unit)


def head_username(unit: Unit) -> str:
    return HEAD_PREFIX + unit.code.lower().replace("-", "_")


def _position(unit: Unit) -> str:
    if unit.kind == UnitKind.DISTRICT:
        return f"Chủ tịch UBND {unit.name[:1].lower()}{unit.name[1:]}"
    for start, text in _POSITIONS:
        if unit.name.startswith(start):
            return text.format(name=unit.name)
    return f"Chủ tịch {unit.name}"


def _create_head(unit: Unit, password: str) -> User:
    username = head_username(unit)
    user, _created = User.objects.get_or_create(
        username=username,
        defaults={
            "full_name": _HEAD_NAMES[zlib.crc32(unit.code.encode()) % len(_HEAD_NAMES)],
            "position": _position(unit),
            "email": f"{username}@demo.thidua.local",
            "password": password,
        },
    )
    Membership.objects.get_or_create(user=user, unit=unit, role=Role.UNIT_HEAD)
    return user


def _people(units: list[Unit]) -> _People:
    secretariat = User.objects.filter(username=SECRETARIAT_USERNAME).first()
    if secretariat is None:
        raise ValueError("thiếu người dùng mẫu bantdkt: hãy chạy demo_users_ensure trước")
    heads: dict[int, User] = {}
    officers: dict[int, User] = {}
    members = (
        Membership.objects.filter(
            unit__in=units, role__in=[Role.UNIT_HEAD, Role.UNIT_OFFICER], user__is_active=True
        )
        .select_related("user")
        .order_by("pk")
    )
    for membership in members:
        chosen = heads if membership.role == Role.UNIT_HEAD else officers
        chosen.setdefault(membership.unit_id, membership.user)
    return _People(secretariat, heads, officers)


# --- The story of one report


def _untouched(report: UnitReport) -> bool:
    return report.state == ReportState.OPEN and not report.prefill and report.submitted_at is None


def _write(people: _People, report: UnitReport, story: Story, *, attach: bool) -> UnitReport:
    unit, period = report.unit, report.period
    drafter = people.drafter(unit)
    report = report_open(actor=drafter, report=report)
    works = report.prefill.get("works", {})
    if story.outcome is Outcome.MISSING:
        text = f"{unit.name}: đang tổng hợp số liệu {_lower(period.label)}."
        return report_save(actor=drafter, report=report, summary=text)
    areas = dict(report.period.campaign.content_areas.values_list("code", "pk"))
    sections = {areas[c]: t for c, t in narratives(unit, story, works).items() if c in areas}
    return report_save(
        actor=drafter,
        report=report,
        summary=summary(unit, period, works),
        figures=figures(story, works),
        sections=sections,
        files=[_signed_copy(unit, period)] if attach else None,
    )


def carry(people: _People, report: UnitReport, story: Story) -> bool:
    """Take one untouched report along its story; False when it stays untouched.

    Each step's event carries the story's day (``core.event_time.events_dated``).
    """
    if story.outcome is Outcome.MISSING and story.rank % 2:
        return False  # never opened: a missing report with nothing written
    unit = report.unit
    first, final, receipt = timeline(story, report.period.effective_due)
    with events_dated((first or final) - dt.timedelta(days=1)):
        report = _write(people, report, story, attach=story.rank % 3 == 0)
    if story.outcome is Outcome.MISSING:
        return True
    head = people.head(unit)
    if first is not None:
        with events_dated(first):
            report = report_submit(actor=head, report=report, at=first)
        reason = _RETURN_REASONS[story.rank % len(_RETURN_REASONS)]
        with events_dated(first + (final - first) / 2):
            report = report_return(actor=people.secretariat, report=report, reason=reason)
        if story.ends == ReportState.RETURNED:
            return True
    with events_dated(final):
        report = report_submit(actor=head, report=report, at=final)
    if story.ends == ReportState.ACCEPTED:
        with events_dated(receipt):
            report_accept(actor=people.secretariat, report=report, at=receipt)
    return True


def demo_reports_ensure(campaign: Campaign) -> int:
    """Give KH 128's past quarters a report history; return how many reports were written.

    Needs the campaign's periods and reports (``report_periods_generate``) and the demo
    users (``thidua.desk.demo_users.demo_users_ensure``). Idempotent: a report already
    opened, written or submitted is left as it is, so a second run writes nothing and
    creates no user. Signed copies (PDF) go to ``MEDIA_ROOT``.
    """
    periods = {
        (p.year, p.number): p
        for p in ReportPeriod.objects.filter(campaign=campaign).select_related("campaign")
    }
    chosen = [periods[q] for q in DEMO_QUARTERS if q in periods]
    reports = list(
        UnitReport.objects.filter(period__in=chosen)
        .select_related("unit", "period", "period__campaign")
        .order_by("period__end", "unit__code")
    )
    written = 0
    with transaction.atomic():
        people = _people(list({r.unit_id: r.unit for r in reports}.values()))
        for period in chosen:
            mine = [r for r in reports if r.period_id == period.pk]
            stories = plan(period, [r.unit.code for r in mine], last=period is chosen[-1])
            for report in mine:
                if _untouched(report) and carry(people, report, stories[report.unit.code]):
                    written += 1
    return written
