"""Units and clusters through the API: leak tests, search, filters, bad input, N+1."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import GroupFactory, GroupMembershipFactory, UnitFactory, member
from thidua.accounts.models import Role, Scope
from thidua.organisations.models import UnitKind, UnitSuccession

UNITS = "/api/v1/units/"
CLUSTERS = "/api/v1/clusters/"


def client_for(user) -> APIClient:
    """An API client sending the user's token, as a program would."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def codes(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["code"] for row in response.json()["results"]]


@pytest.fixture
def commune_officer(province):
    return member(province.commune_a1, Role.UNIT_OFFICER)


@pytest.fixture
def secretariat(province):
    return member(province.home_affairs, Role.SECRETARIAT)


# --- Units


def test_commune_officer_sees_own_commune_only(province, commune_officer):
    client = client_for(commune_officer)

    listed = client.get(UNITS)
    own = client.get(f"{UNITS}{province.commune_a1.pk}/")
    sibling = client.get(f"{UNITS}{province.commune_a2.pk}/")

    assert codes(listed) == ["P-A-1"]
    assert own.json()["name"] == "Xã Phong Phú"
    assert sibling.status_code == 404
    assert sibling.json() == {"detail": "Không tìm thấy.", "code": "not_found", "errors": {}}


def test_district_subtree_officer_sees_communes_not_other_district(province):
    officer = member(province.district_a, Role.UNIT_OFFICER, Scope.SUBTREE)
    client = client_for(officer)

    listed = client.get(UNITS)
    other = client.get(f"{UNITS}{province.commune_b1.pk}/")

    assert codes(listed) == ["P-A", "P-A-1", "P-A-2"]
    assert other.status_code == 404


def test_unit_row_shows_place_in_tree(province, commune_officer):
    row = client_for(commune_officer).get(UNITS).json()["results"][0]

    assert row["parent"] == {"id": province.district_a.pk, "code": "P-A", "name": "Huyện Cầu Kè"}
    assert row["depth"] == 2
    assert row["kind"] == "commune"
    assert row["kind_label"] == "Xã, phường, thị trấn"
    assert row["url"] == f"http://testserver{UNITS}{province.commune_a1.pk}/"


def test_unit_search_ignores_diacritics(province, secretariat):
    response = client_for(secretariat).get(UNITS, {"search": "cau ke"})

    assert codes(response) == ["P-A"]
    assert response.json()["results"][0]["name"] == "Huyện Cầu Kè"


def test_unit_filters_kind_and_parent(province, secretariat):
    client = client_for(secretariat)

    communes = client.get(UNITS, {"kind": "commune"})
    under_a = client.get(UNITS, {"parent": province.district_a.pk})

    assert codes(communes) == ["P-A-1", "P-A-2", "P-B-1"]
    assert codes(under_a) == ["P-A-1", "P-A-2"]


def test_unit_filter_valid_on_hides_units_not_in_force(province, secretariat):
    merged = UnitFactory(
        code="P-A-3", name="Xã Ninh Thới", kind=UnitKind.COMMUNE, parent=province.district_a,
        valid_to=dt.date(2025, 6, 30),
    )  # fmt: skip
    client = client_for(secretariat)

    before = client.get(UNITS, {"parent": province.district_a.pk, "valid_on": "2025-06-30"})
    after = client.get(UNITS, {"parent": province.district_a.pk, "valid_on": "2025-07-01"})

    assert merged.code in codes(before)
    assert codes(after) == ["P-A-1", "P-A-2"]


def test_unit_detail_shows_successors_and_predecessors(province, secretariat):
    new = UnitFactory(
        code="P-X", name="Xã Phong Thạnh", kind=UnitKind.COMMUNE, parent=province.root
    )
    UnitSuccession.objects.create(
        predecessor=province.commune_a1, successor=new, effective=dt.date(2025, 7, 1),
        kind="merge", basis="Nghị quyết 1687/NQ-UBTVQH15",
    )  # fmt: skip
    client = client_for(secretariat)

    old_body = client.get(f"{UNITS}{province.commune_a1.pk}/").json()
    new_body = client.get(f"{UNITS}{new.pk}/").json()

    assert old_body["successors"] == [
        {
            "unit": {"id": new.pk, "code": "P-X", "name": "Xã Phong Thạnh"},
            "effective": "2025-07-01", "kind": "merge", "basis": "Nghị quyết 1687/NQ-UBTVQH15",
        }
    ]  # fmt: skip
    assert old_body["predecessors"] == []
    assert new_body["predecessors"][0]["unit"]["code"] == "P-A-1"


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"valid_on": "notadate"}, "valid_on", "Ngày không hợp lệ: dùng dạng YYYY-MM-DD"),
        ({"valid_on": "30/06/2025"}, "valid_on", "Ngày không hợp lệ: dùng dạng YYYY-MM-DD"),
        ({"valid_on": "2025-02-30"}, "valid_on", "Ngày không hợp lệ: dùng dạng YYYY-MM-DD"),
        ({"parent": "abc"}, "parent", "Đơn vị cấp trên (parent) phải là id nguyên dương"),
        ({"parent": "0"}, "parent", "Đơn vị cấp trên (parent) phải là id nguyên dương"),
        ({"parent": "9" * 30}, "parent", "Đơn vị cấp trên (parent) phải là id nguyên dương"),
        ({"kind": "tinh"}, "kind", "Giá trị “tinh” không có; dùng một trong: province"),
        ({"search": "x" * 201}, "search", "Chuỗi tìm kiếm dài quá 200 ký tự."),
    ],
)
def test_unit_bad_filter_refused_with_message(province, secretariat, params, field, message):
    response = client_for(secretariat).get(UNITS, params)

    body = response.json()
    assert response.status_code == 400
    assert body["code"] == "invalid"
    assert body["detail"] == "Dữ liệu gửi lên không hợp lệ: xem “errors”."
    assert list(body["errors"]) == [field]
    assert body["errors"][field][0].startswith(message)


def count_queries(client: APIClient, url: str, params: dict | None = None) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(queries), response.json()["count"]


def test_unit_list_queries_do_not_grow(province, secretariat):
    client = client_for(secretariat)
    parent = {"parent": province.district_b.pk}
    one = count_queries(client, UNITS, parent)
    UnitFactory.create_batch(2, parent=province.district_b, kind=UnitKind.COMMUNE)

    three = count_queries(client, UNITS, parent)

    # token + memberships (reach) + count + page
    assert (one, three) == ((4, 1), (4, 3))


# --- Clusters and blocks


@pytest.fixture
def groups(province):
    """A cluster of district A's communes and a block of district B's."""
    ours = GroupFactory(
        code="CUM-A", name="Cụm thi đua huyện Cầu Kè", organiser=province.district_a
    )
    GroupMembershipFactory(group=ours, unit=province.commune_a1, role="leader")
    GroupMembershipFactory(group=ours, unit=province.commune_a2, role="member")
    theirs = GroupFactory(
        code="KHOI-B", kind="block", name="Khối huyện Trà Cú", organiser=province.district_b,
        year=2024,
    )  # fmt: skip
    GroupMembershipFactory(group=theirs, unit=province.commune_b1, role="leader")
    return ours, theirs


def test_cluster_of_own_commune_visible_other_hidden(province, commune_officer, groups):
    ours, theirs = groups
    client = client_for(commune_officer)

    listed = client.get(CLUSTERS)
    detail = client.get(f"{CLUSTERS}{ours.pk}/")
    hidden = client.get(f"{CLUSTERS}{theirs.pk}/")

    assert codes(listed) == ["CUM-A"]
    assert detail.json()["organiser"]["code"] == "P-A"
    assert [(m["unit"]["code"], m["role"]) for m in detail.json()["members"]] == [
        ("P-A-2", "member"),
        ("P-A-1", "leader"),
    ]  # fmt: skip (members by unit name: Hòa Ân before Phong Phú)
    assert hidden.status_code == 404
    assert hidden.json()["code"] == "not_found"


def test_cluster_filters_year_and_kind(province, secretariat, groups):
    client = client_for(secretariat)

    in_2024 = client.get(CLUSTERS, {"year": 2024})
    clusters = client.get(CLUSTERS, {"kind": "cluster"})
    everything = client.get(CLUSTERS)

    assert codes(in_2024) == ["KHOI-B"]
    assert codes(clusters) == ["CUM-A"]
    assert codes(everything) == ["CUM-A", "KHOI-B"]
    assert everything.json()["results"][0]["kind_label"] == "Cụm thi đua"


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"year": "abc"}, "year", "Năm (year) phải là số có 4 chữ số"),
        ({"year": "99999999999999999999"}, "year", "Năm (year) phải là số có 4 chữ số"),
        ({"kind": "khoi"}, "kind", "Giá trị “khoi” không có; dùng một trong: cluster, block"),
    ],
)
def test_cluster_bad_filter_refused_with_message(secretariat, params, field, message):
    response = client_for(secretariat).get(CLUSTERS, params)

    assert response.status_code == 400
    assert response.json()["errors"][field][0].startswith(message)


def test_cluster_list_queries_do_not_grow(province, secretariat):
    client = client_for(secretariat)

    def add_group() -> None:
        group = GroupFactory(organiser=province.root)
        GroupMembershipFactory(group=group, unit=province.commune_a1)
        GroupMembershipFactory(group=group, unit=province.commune_b1)

    add_group()
    one = count_queries(client, CLUSTERS)
    add_group()
    add_group()

    three = count_queries(client, CLUSTERS)

    # token + memberships (reach) + count + page + members
    assert (one, three) == ((5, 1), (5, 3))
