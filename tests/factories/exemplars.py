"""Stories for tests: drafted through the services and driven to any state."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from tests.uploads import png_bytes
from thidua.exemplars import workflow
from thidua.exemplars.models import Exemplar, ExemplarState, SubjectKind
from thidua.works import services as work_services
from thidua.works.models import Work

TITLES = [
    "Xã Phong Phú chung sức làm đường nông thôn",
    "Cô giáo vùng khó giữ lửa con chữ",
    "Tổ tự quản thắp sáng đường quê",
    "Nông dân sản xuất giỏi làm giàu trên đất giồng",
    "Trạm y tế kiểu mẫu gần dân",
    "Đoàn viên tình nguyện xây nhà đại đoàn kết",
]


def story_data(n: int = 0, **overrides: Any) -> workflow.StoryData:
    values: dict[str, Any] = {
        "subject_kind": SubjectKind.COLLECTIVE,
        "subject_name": "Ủy ban nhân dân xã Phong Phú",
        "title": TITLES[n % len(TITLES)],
        "achievements": "Vận động nhân dân hiến đất, góp công làm 3 km đường bê tông.",
        "results": "Hoàn thành trước kế hoạch 2 tháng; 420 hộ dân hưởng lợi.",
    }
    values.update(overrides)
    return workflow.StoryData(**values)


def add_photo(actor: Any, story: Exemplar, name: str = "anh-dien-hinh.png") -> Any:
    data = png_bytes()
    return workflow.exemplar_add_photo(
        actor=actor, exemplar=story, stream=io.BytesIO(data), name=name, size=len(data)
    )


def story_in(
    state: ExemplarState,
    kh: Any,
    people: Any,
    unit: Any,
    *,
    author: Any = None,
    n: int = 0,
    photo: bool = True,
    **overrides: Any,
) -> Exemplar:
    """A story of ``unit`` driven through the services to ``state`` (Ban TĐKT approves)."""
    author = author or people.secretariat
    story = workflow.exemplar_create(
        actor=author, campaign=kh.campaign, unit=unit, data=story_data(n, **overrides)
    )
    if photo:
        add_photo(author, story)
    if state == ExemplarState.DRAFT:
        return story
    story = workflow.exemplar_submit(actor=author, exemplar=story)
    if state == ExemplarState.SUBMITTED:
        return story
    if state == ExemplarState.RETURNED:
        return workflow.exemplar_return(
            actor=people.secretariat, exemplar=story, reason="Bổ sung số liệu"
        )
    story = workflow.exemplar_approve(actor=people.secretariat, exemplar=story)
    if state == ExemplarState.APPROVED:
        return story
    return workflow.exemplar_publish(actor=people.secretariat, exemplar=story)


def completed_work_with_photo(kh: Any, people: Any, province: Any, **overrides: Any) -> Work:
    """A commune A1 work completed ahead of schedule, with one progress photo."""
    import datetime as dt

    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.factories.works import work_in
    from thidua.works.models import WorkState

    work = work_in(WorkState.IN_PROGRESS, kh, people, province, **overrides)
    work_services.progress_add(
        actor=people.a1_officer,
        work=work,
        on=dt.date(2025, 2, 10),
        percent=80,
        narrative="Đã đổ bê tông 2,5 km.",
        files=[SimpleUploadedFile("hien-truong.png", png_bytes(), content_type="image/png")],
    )
    return work_services.work_complete(
        actor=people.a1_officer, work=work, actual_finish=dt.date(2025, 2, 20)
    )


def nomination_for(kh: Any, people: Any, province: Any, **overrides: Any) -> Any:
    """A nomination of an individual of commune A1 (rows written directly)."""
    from thidua.awards.models import AwardForm, Nomination, Nominee

    form, _ = AwardForm.objects.get_or_create(
        code="GK-TEST",
        defaults={"name": "Giấy khen", "kind": "commendation", "legal_basis": "Điều 75"},
    )
    nominee = Nominee.objects.create(
        kind="individual",
        name=overrides.pop("name", "Thạch Thị Sô Phi"),
        gender=overrides.pop("gender", "female"),
        birth_year=overrides.pop("birth_year", 1987),
        position="Chủ tịch Hội Phụ nữ xã",
        unit=province.commune_a1,
    )
    values: dict[str, Any] = {
        "campaign": kh.campaign,
        "phase": kh.phase1,
        "proposer_unit": province.commune_a1,
        "grantor_unit": province.district_a,
        "nominee": nominee,
        "form": form,
        "summary": "Vận động 120 hộ hiến đất làm đường; xây 3 căn nhà tình thương.",
        "created_by": people.a1_officer,
    }
    values.update(overrides)
    if values.get("state", "draft") != "draft":
        values.setdefault("submitted_on", dt.date(2025, 2, 15))
    return Nomination.objects.create(**values)
