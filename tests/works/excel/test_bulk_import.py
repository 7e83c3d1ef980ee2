"""The works import at scale (issue #16): set-based checks in constant queries, no
2.000-row cap, look-alikes within the file, and a bounded look-alike list."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.works.excel.test_excel import World, fill, messages, register
from thidua.works.excel import registration_import, registration_template
from thidua.works.models import Work, WorkEvent
from thidua.works.registration import LOOKALIKE_ROWS

PLACES = ["Phú Hòa", "Bình Tân", "Mỹ Lợi", "Tân Quy", "Long Hậu", "Hòa Lạc", "An Thạnh"]
THINGS = ["đường giao thông", "nhà văn hóa", "kênh thủy lợi", "cầu dân sinh", "chợ"]


def _distinct_rows(count: int) -> list[list[object]]:
    """Rows whose titles share few words (no look-alikes among them)."""
    rows = []
    for n in range(count):
        title = f"{THINGS[n % 5]} {PLACES[n % 7]} {n * 7919:x}q{n}"
        rows.append(
            [n + 1, "Công trình", title, None, "ND1", None, "12,5", None, "01/12/2024",
             "30/04/2025", "dot-1", "T01"]
        )  # fmt: skip
    return rows


def _alike_rows(count: int) -> list[list[object]]:
    """Rows whose titles differ by one number only (each looks like the others)."""
    return [
        [n + 1, "Công trình", f"Nâng cấp đường giao thông ấp Phú Hòa đoạn {n + 10}", None,
         None, None, None, None, "01/12/2024", "30/04/2025", None, None]
        for n in range(count)
    ]  # fmt: skip


def _upload(world: World, rows: list[list[object]], **kw: object):  # type: ignore[no-untyped-def]
    content = fill(registration_template(world.campaign, world.province.commune_a1), rows)
    with CaptureQueriesContext(connection) as captured:
        result = registration_import(
            actor=world.officer,
            campaign=world.campaign,
            unit=world.province.commune_a1,
            content=content,
            **kw,
        )
    return result, len(captured)


def test_import_queries_do_not_grow_with_the_rows(world: World) -> None:
    register(world, world.sibling, world.province.commune_a2, "Sửa chữa trạm bơm ấp Tân Lập")
    few_alike, few_alike_queries = _upload(world, _alike_rows(3))
    many_alike, many_alike_queries = _upload(world, _alike_rows(60))
    few, few_queries = _upload(world, _distinct_rows(3), confirm_similar=True)
    Work.objects.filter(unit=world.province.commune_a1).delete()

    many, many_queries = _upload(world, _distinct_rows(30), confirm_similar=True)

    assert (len(few_alike.errors), len(many_alike.errors)) == (2, 59)
    assert many_alike_queries <= few_alike_queries  # the first upload warms a cache
    assert (few.created, many.created) == (3, 30), messages(many)
    assert many_queries == few_queries  # inserts go in batches (SQLite: 39 works each)
    works = Work.objects.filter(unit=world.province.commune_a1)
    assert works.count() == 30
    assert WorkEvent.objects.filter(work__in=works, kind="created").count() == 30
    one = works.get(title__startswith="nhà văn hóa Bình Tân")
    assert one.search_text == "nha van hoa binh tan " + one.title.split()[-1]
    assert [t.code for t in one.targets.all()] == ["T01"]
    assert one.approver_unit == world.province.district_a and one.phase.code == "dot-1"


def test_a_file_over_two_thousand_rows_is_imported(world: World) -> None:
    result, _queries = _upload(world, _distinct_rows(2001), confirm_similar=True)

    assert result.created == 2001 and not result.errors


def test_a_row_like_an_earlier_row_of_the_same_file_asks_for_confirmation(
    world: World,
) -> None:
    """As when each row was saved in turn: the second row meets the first."""
    rows = _alike_rows(2)

    first, _queries = _upload(world, rows)
    confirmed, _queries = _upload(world, rows, confirm_similar=True)

    assert first.needs_confirmation and first.created == 0
    assert messages(first) == [
        "Dòng 6, cột “Tên công trình, dự án, phần việc”: Tên gần giống công trình đã đăng ký: "
        "“Nâng cấp đường giao thông ấp Phú Hòa đoạn 10” (Xã Phong Phú). Nếu không trùng, hãy "
        "tải tệp lên lại và đánh dấu ô “Tôi đã kiểm tra: không trùng với các công trình gần "
        "giống”."
    ]
    assert confirmed.created == 2 and Work.objects.count() == 2


def test_look_alikes_are_listed_for_at_most_a_hundred_rows(world: World) -> None:
    """Past LOOKALIKE_ROWS rows with look-alikes, the file is refused as a whole."""
    result, _queries = _upload(world, _alike_rows(LOOKALIKE_ROWS + 5))

    assert result.needs_confirmation and result.created == 0
    assert len(result.errors) == LOOKALIKE_ROWS + 1
    assert [e.row for e in result.errors[:2]] == [6, 7]
    assert messages(result)[-1] == (
        "Đã liệt kê 100 dòng có tên gần giống công trình đã đăng ký; các dòng sau chưa được "
        "so sánh. Hãy kiểm tra tệp rồi xác nhận không trùng."
    )
    assert Work.objects.count() == 0
