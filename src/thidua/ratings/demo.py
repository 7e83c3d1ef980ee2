"""The ratings part of the annual-cycle demo: for Sở Y tế (86-SYT), Xã Cầu Kè (29308) and
Xã Phong Thạnh (29329) of Vĩnh Long, each individual's rating of the year (and of the two
years before, for R7's history), recognised initiatives, the collectives' ratings, archive
CSTĐCS records of earlier years (so R4 and R7 have a history), and the province's regular
campaign of the year (an illustrative plan). The people are made up; the units are the
official ones. Idempotent; tolerates the other parts' data being absent."""

from __future__ import annotations

import datetime as dt

from thidua.awards.loading import award_forms_load_shipped
from thidua.awards.models import AwardBasis, AwardForm, AwardRecord, Nominee, SubjectKind
from thidua.campaigns.regular import YearPlan, regular_campaign_ensure
from thidua.core.event_time import events_dated
from thidua.organisations.models import Unit
from thidua.ratings.models import AnnualRating, CollectiveRating, Initiative, RatingsEvent

UNITS = ("86-SYT", "29308", "29329")
#: Made-up people added to a unit that has fewer individuals than this.
PEOPLE = {
    "86-SYT": [("Nguyễn Thị Thu Hà", 1980, "Trưởng phòng Nghiệp vụ Y"),
               ("Trần Minh Khoa", 1986, "Chuyên viên"),
               ("Lê Thị Mỹ Duyên", 1990, "Chuyên viên"),
               ("Phạm Văn Tâm", 1975, "Chuyên viên chính")],
    "29308": [("Thạch Văn Sang", 1984, "Công chức Văn phòng"),
              ("Kim Thị Sa Rết", 1992, "Công chức Tư pháp – Hộ tịch"),
              ("Huỳnh Văn Út", 1978, "Công chức Địa chính")],
    "29329": [("Sơn Thị Bích", 1988, "Công chức Văn hóa – Xã hội"),
              ("Lâm Văn Hùng", 1981, "Công chức Tài chính – Kế toán"),
              ("Trương Thị Lài", 1995, "Công chức Văn phòng")],
}  # fmt: skip
#: The year's ratings, by a person's place in the unit's list (the rest: "good").
PATTERN = ["excellent", "good", "good", "complete"]
COLLECTIVE = {"86-SYT": "excellent", "29308": "good", "29329": "good"}


def _people(unit: Unit) -> list[Nominee]:
    people = list(
        Nominee.objects.filter(
            unit=unit, kind=SubjectKind.INDIVIDUAL, merged_into__isnull=True
        ).order_by("pk")
    )
    if len(people) >= 3:
        return people
    for name, birth, position in PEOPLE.get(unit.code, []):
        nominee, _new = Nominee.objects.get_or_create(
            kind=SubjectKind.INDIVIDUAL,
            name=name,
            unit=unit,
            defaults={"birth_year": birth, "position": position},
        )
        if nominee not in people:
            people.append(nominee)
    return people


def _rate(unit: Unit, people: list[Nominee], year: int) -> int:
    made = 0
    for index, person in enumerate(people):
        for offset, pattern in ((0, PATTERN), (1, ["excellent", "good"]), (2, ["good"])):
            rating = pattern[index] if index < len(pattern) else "good"
            _row, new = AnnualRating.objects.get_or_create(
                nominee=person, year=year - offset, defaults={"rating": rating}
            )
            made += new
    if made:
        RatingsEvent.objects.create(
            unit=unit, year=year, kind="rating_set", payload={"demo": True, "rows": made}
        )
    return made


def _initiative(
    unit: Unit, person: Nominee, title: str, year: int, level: str, body: str, number: str
) -> bool:
    item, new = Initiative.objects.get_or_create(
        unit=unit,
        title=title,
        defaults={
            "year": year,
            "level": level,
            "recognised_by": body,
            "decision_number": number,
            "decision_date": dt.date(year, 11, 25),
        },
    )
    item.nominees.add(person)
    return new


def _archive_cstdcs(person: Nominee, unit: Unit, years: list[int]) -> int:
    form = AwardForm.objects.get(code="cstdcs")
    made = 0
    for year in years:
        _r, new = AwardRecord.objects.get_or_create(
            nominee=person,
            form=form,
            year=year,
            defaults={
                "basis": AwardBasis.ANNUAL,
                "decision_number": f"{120 + year - 2020}/QĐ-SYT",
                "decision_date": dt.date(year, 12, 22),
                "grantor_title": "Giám đốc Sở Y tế",
                "unit_name": unit.name,
                "achievement": f"Chiến sĩ thi đua cơ sở năm {year}",
            },
        )
        made += new
    return made


def annual_demo(year: int) -> list[str]:
    """Ratings, initiatives, collective ratings and archive records of ``year`` for the
    three demo units, and the province's regular campaign of ``year``. Lines say what."""
    lines: list[str] = []
    if not AwardForm.objects.filter(code="cstdcs").exists():
        award_forms_load_shipped()
    province = Unit.objects.filter(code="86").first()
    if province is not None:
        with events_dated(dt.date(year, 1, 20)):
            campaign = regular_campaign_ensure(
                by=None,
                province=province,
                year=year,
                plan=YearPlan(
                    doc_number="18/KH-UBND",
                    doc_date=dt.date(year, 1, 20),
                    signer_name="Nguyễn Văn Minh",
                    signer_position="Chủ tịch",
                    signer_authority="",
                    title=f"Phong trào thi đua yêu nước năm {year} (minh họa)",
                    illustrative=True,
                ),
            )
        lines.append(f"ratings: phong trào thường xuyên {campaign.doc_number} năm {year}")
    for code in UNITS:
        unit = Unit.objects.filter(code=code).first()
        if unit is None:
            lines.append(f"ratings: không có đơn vị {code}, bỏ qua")
            continue
        people = _people(unit)
        with events_dated(dt.date(year, 11, 28)):  # before the unit councils (desk.demo_annual)
            made = _rate(unit, people, year)
            CollectiveRating.objects.get_or_create(
                unit=unit, year=year, defaults={"rating": COLLECTIVE[code]}
            )
        body = "Hội đồng sáng kiến cơ sở" if code != "86-SYT" else "Hội đồng sáng kiến Sở Y tế"
        with events_dated(dt.date(year, 11, 25)):
            if len(people) > 1:
                _initiative(unit, people[1], f"Cải tiến quy trình tiếp nhận hồ sơ ({unit.name})",
                            year, "base", body, f"45/QĐ-{code}")  # fmt: skip
            if code == "86-SYT":
                _initiative(unit, people[0], "Ứng dụng bệnh án điện tử tại tuyến xã",
                            year, "province", "Chủ tịch UBND tỉnh Vĩnh Long",
                            "2150/QĐ-UBND")  # fmt: skip
                _archive_cstdcs(people[0], unit, [year - 2, year - 1])
            if code == "29308":
                # R7 through HTXS: 2024 and 2025 excellent, one initiative each year.
                _initiative(unit, people[0], "Số hóa sổ hộ tịch của xã", year - 1, "base",
                            body, f"31/QĐ-{code}")  # fmt: skip
                _initiative(unit, people[0], "Tổ tiếp nhận hồ sơ lưu động ở ấp", year, "base",
                            body, f"52/QĐ-{code}")  # fmt: skip
        lines.append(f"ratings: {unit.name}: {len(people)} người, {made} xếp loại mới")
    return lines
