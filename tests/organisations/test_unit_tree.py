"""The organisation tree page: visibility, search, the date filter, ended units, caps."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tests.factories import UnitFactory, member
from tests.pages import page_text, signed_in
from thidua.accounts.models import Role
from thidua.organisations.models import SuccessionKind, UnitKind, UnitSuccession

TREE = "organisations:tree"


@pytest.fixture
def ended_commune(province):
    """Xã Cũ ended on 30/06/2025 and was merged into Xã Phong Phú."""
    old = UnitFactory(
        code="P-A-9", name="Xã Cũ", kind=UnitKind.COMMUNE, parent=province.district_a,
        valid_from=dt.date(2004, 1, 1), valid_to=dt.date(2025, 6, 30),
    )  # fmt: skip
    UnitSuccession.objects.create(
        predecessor=old,
        successor=province.commune_a1,
        effective=dt.date(2025, 7, 1),
        kind=SuccessionKind.MERGE,
    )
    return old


def test_unit_tree_shows_province_with_kind_counts(province):
    secretariat = member(province.home_affairs, role=Role.SECRETARIAT)

    text = page_text(signed_in(secretariat).get(reverse(TREE)))

    assert "8 đơn vị" in text
    assert "UBND tỉnh 1" in text
    assert "Sở, ban, ngành 2" in text
    assert "Huyện, thị xã, thành phố 2" in text
    assert "Xã, phường, thị trấn 3" in text
    assert text.index("Huyện Cầu Kè") < text.index("Xã Phong Phú") < text.index("Huyện Trà Cú")


def test_unit_tree_indents_by_depth(province):
    secretariat = member(province.home_affairs, role=Role.SECRETARIAT)

    body = signed_in(secretariat).get(reverse(TREE)).content.decode()

    assert 'class="tree__row depth-0"' in body
    assert body.count('class="tree__row depth-1"') == 4
    assert body.count('class="tree__row depth-2"') == 3


def test_unit_tree_search_without_diacritics(province):
    secretariat = member(province.home_affairs, role=Role.SECRETARIAT)

    text = page_text(signed_in(secretariat).get(reverse(TREE), {"q": "cau ke"}))

    assert "Huyện Cầu Kè" in text
    assert "UBND tỉnh Thử" in text  # the path to the match stays readable
    assert "Huyện Trà Cú" not in text
    assert "Xã Phong Phú" not in text
    assert "khớp với “cau ke”" in text


def test_unit_tree_commune_officer_sees_no_sibling(province):
    officer = member(province.commune_a1)

    text = page_text(signed_in(officer).get(reverse(TREE)))

    assert "Xã Phong Phú" in text
    assert "1 đơn vị" in text
    for hidden in ["Xã Hòa Ân", "Xã Tập Sơn", "Huyện Trà Cú", "Sở Y tế"]:
        assert hidden not in text


def test_unit_tree_commune_officer_search_finds_no_sibling(province):
    officer = member(province.commune_a1)

    text = page_text(signed_in(officer).get(reverse(TREE), {"q": "hoa an"}))

    assert "Xã Hòa Ân" not in text
    assert "Không tìm thấy đơn vị nào" in text


@pytest.mark.parametrize("bad", ["31/02/2025", "abc", "2025-13-01", "1/1/99999", "'; drop"])
def test_unit_tree_bad_date_shows_message_not_error(province, bad):
    secretariat = member(province.home_affairs, role=Role.SECRETARIAT)

    response = signed_in(secretariat).get(reverse(TREE), {"on": bad})

    text = page_text(response)
    assert response.status_code == 200
    assert "Ngày không hợp lệ. Hãy nhập ngày/tháng/năm, ví dụ 30/06/2025" in text
    assert "8 đơn vị" in text  # the tree is still shown, without the date filter


def test_unit_tree_ended_unit_greyed_with_end_date_and_successor(province, ended_commune):
    secretariat = member(province.home_affairs, role=Role.SECRETARIAT)

    response = signed_in(secretariat).get(reverse(TREE))

    body = response.content.decode()
    text = page_text(response)
    assert "Xã Cũ" in text
    assert "đến 30/06/2025" in text
    assert "→ kế thừa: Xã Phong Phú (sáp nhập, hợp nhất)" in text
    assert body.count("tree__row--ended") == 1


def test_unit_tree_date_filter_keeps_units_valid_that_day(province, ended_commune):
    secretariat = member(province.home_affairs, role=Role.SECRETARIAT)
    client = signed_in(secretariat)

    before = page_text(client.get(reverse(TREE), {"on": "30/06/2025"}))
    after = page_text(client.get(reverse(TREE), {"on": "01/07/2025"}))

    assert "Có hiệu lực ngày 30/06/2025" in before
    assert "Xã Cũ" in before
    assert "đến 30/06/2025" not in before  # still in force that day
    assert "Xã Cũ" not in after
    assert "Ngày không hợp lệ" not in after


def test_unit_tree_caps_rows_and_asks_to_narrow(province):
    secretariat = member(province.home_affairs, role=Role.SECRETARIAT)
    for n in range(495):
        UnitFactory(
            code=f"P-B-X{n:03d}", name=f"Ấp {n}", kind=UnitKind.OTHER, parent=province.district_b
        )

    response = signed_in(secretariat).get(reverse(TREE))

    text = page_text(response)
    assert "503 đơn vị" in text
    assert "Chỉ hiển thị 500 trên 503 đơn vị: hãy thu hẹp tìm kiếm" in text
    assert response.content.decode().count('class="tree__row ') == 500


def test_unit_tree_htmx_request_returns_results_fragment(province):
    secretariat = member(province.home_affairs, role=Role.SECRETARIAT)

    response = signed_in(secretariat).get(
        reverse(TREE), {"q": "tra cu", "on": ""}, headers={"HX-Request": "true"}
    )

    body = response.content.decode()
    assert body.lstrip().startswith('<div id="tree-results"')
    assert "<html" not in body
    assert "Huyện Trà Cú" in body
    assert "HX-Request" in response.headers["Vary"]


def test_unit_tree_search_box_works_without_javascript(province):
    secretariat = member(province.home_affairs, role=Role.SECRETARIAT)

    body = signed_in(secretariat).get(reverse(TREE)).content.decode()

    assert f'<form class="search-form" method="get" action="{reverse(TREE)}"' in body
    assert 'hx-trigger="keyup changed delay:300ms, search"' in body
    assert 'name="q"' in body
    assert 'name="on"' in body


@pytest.mark.parametrize("count", [1, 3])
def test_unit_tree_query_count_is_constant(province, django_assert_num_queries, count):
    officer = member(province.commune_a1, role=Role.UNIT_HEAD, scope="subtree")
    for n in range(count - 1):
        UnitFactory(
            code=f"P-A-1-{n}", name=f"Ấp {n}", kind=UnitKind.OTHER, parent=province.commune_a1
        )
    client = signed_in(officer)

    # session, user, memberships (reach), the tree's order (id, path, kind), the shown
    # units, successions: none per row
    with django_assert_num_queries(6):
        response = client.get(reverse(TREE))

    assert f"{count} đơn vị" in page_text(response)


@pytest.mark.parametrize("typed", ["1-7-2025", "01.07.2025", "01072025", "1/7/2025"])
def test_unit_tree_date_typed_on_a_phone_keypad_filters(province, ended_commune, typed):
    secretariat = member(province.home_affairs, role=Role.SECRETARIAT)

    text = page_text(signed_in(secretariat).get(reverse(TREE), {"on": typed}))

    assert "Ngày không hợp lệ" not in text
    assert "Có hiệu lực ngày 01/07/2025" in text
    assert "Xã Cũ" not in text
