"""The secretariat's summary of every unit's own targets (KH 128 IV.5: the Ban Thi đua
- Khen thưởng follows the plan through)."""

from __future__ import annotations

from django.urls import reverse

from tests.factories import Province
from tests.factories.targets import Kh, People
from tests.pages import page_text, signed_in
from tests.targets.pages.forms import add_target, record
from thidua.targets.models import Target


def _two_units(kh: Kh, people: People, province: Province) -> None:
    """Huyện Trà Cú's T10 with its 2024 value (the fixture gave Huyện Cầu Kè one) and
    Xã Phong Phú's T10."""
    client = signed_in(people.district_b_head)
    add_target(client, kh, province.district_b)
    record(client, Target.objects.get(unit=province.district_b).pk)
    add_target(
        signed_in(people.a1_officer), kh, province.commune_a1,
        indicator="Số lao động được tạo việc làm mới của xã", value="300",
    )  # fmt: skip


def test_summary_lists_every_units_targets(kh: Kh, people: People, province: Province):
    _two_units(kh, people, province)

    response = signed_in(people.secretariat).get(reverse("targets:summary"))

    text = page_text(response)
    assert "3 chỉ tiêu của 3 đơn vị" in text
    assert "Huyện Trà Cú T10 Số lao động được tạo việc làm mới của huyện" in text
    assert "Năm 2024: 2.100 lao động Vượt" in text
    assert "Xã Phong Phú T10 Số lao động được tạo việc làm mới của xã" in text
    assert "Huyện Cầu Kè" in text


def test_summary_filters_by_unit_kind(kh: Kh, people: People, province: Province):
    _two_units(kh, people, province)

    response = signed_in(people.secretariat).get(reverse("targets:summary"), {"kind": "commune"})

    text = page_text(response)
    assert "1 chỉ tiêu của 1 đơn vị" in text
    assert "Xã Phong Phú" in text
    assert "Huyện Trà Cú T10" not in text


def test_summary_is_refused_to_unit_staff(kh: Kh, people: People):
    response = signed_in(people.district_a_head).get(reverse("targets:summary"))

    assert response.status_code == 403
    assert "Không có quyền truy cập" in page_text(response)
