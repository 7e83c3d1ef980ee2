"""The home page shows each role what it needs first, and only what the data has."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.urls import reverse

from tests.factories import GroupFactory, GroupMembershipFactory, UserFactory, member
from tests.factories.campaigns import VIETNAM
from tests.pages import page_text, signed_in
from thidua.accounts.models import Role

HOME = "core:home"


def test_home_secretariat_sees_managed_campaigns_and_unit_counts(world, jan_2025):
    secretariat = member(world.province.home_affairs, role=Role.SECRETARIAT)

    text = page_text(signed_in(secretariat).get(reverse(HOME)))

    assert "Phong trào do bạn quản lý" in text
    assert "128/KH-UBND" in text
    assert "77/KH-UBND" in text  # the district's campaign lies within the province
    assert "Đợt 1 (11/2024 – 30/04/2025)" in text
    assert "15/03/2025 (Thứ Bảy) – Quý I/2025" in text
    assert "Xã, phường, thị trấn 3" in text
    assert "Huyện, thị xã, thành phố 2" in text


def test_home_unit_officer_sees_unit_campaigns_phase_and_next_due(world, jan_2025):
    officer = member(world.province.commune_a1)

    text = page_text(signed_in(officer).get(reverse(HOME)))

    assert "Xin chào, " + officer.full_name in text
    assert "Hôm nay: Thứ Sáu, 10/01/2025" in text
    assert "Đơn vị của bạn" in text
    assert "Xã Phong Phú" in text
    assert "Phong trào áp dụng cho đơn vị" in text
    assert "128/KH-UBND" in text
    assert "Đợt hiện tại Đợt 1 (11/2024 – 30/04/2025)" in text
    assert "Hạn báo cáo tới 15/03/2025 (Thứ Bảy)" in text
    assert "77/KH-UBND" not in text
    assert "Phong trào do bạn quản lý" not in text
    assert "Quản trị" not in text


def test_home_unit_officer_after_last_report_says_so(world):
    officer = member(world.province.commune_a1)

    with time_machine.travel(dt.datetime(2025, 9, 20, 9, 0, tzinfo=VIETNAM), tick=False):
        text = page_text(signed_in(officer).get(reverse(HOME)))

    assert "Đợt hiện tại Đợt 2 (05/2025 – 30/09/2025)" in text
    assert "Đã qua mọi kỳ báo cáo" in text


def test_home_cluster_leader_sees_groups_led(province):
    group = GroupFactory(organiser=province.root, name="Cụm thi đua các huyện", year=2025)
    GroupMembershipFactory(group=group, unit=province.district_a, role="leader")
    GroupMembershipFactory(group=group, unit=province.district_b, role="deputy")
    other = GroupFactory(organiser=province.root, name="Khối các sở", kind="block")
    GroupMembershipFactory(group=other, unit=province.health, role="leader")
    leader = member(province.district_a, role=Role.CLUSTER_LEADER)

    text = page_text(signed_in(leader).get(reverse(HOME)))

    assert "Cụm, khối thi đua bạn làm trưởng" in text
    assert "Cụm thi đua các huyện Cụm thi đua 2025" in text
    assert "2 thành viên" in text
    assert "Huyện Cầu Kè Trưởng cụm, khối" in text
    assert "Huyện Trà Cú Phó cụm, khối" in text
    assert "Khối các sở" not in text


def test_home_leader_and_council_see_phase_timeline(world, jan_2025):
    for role in (Role.LEADER, Role.COUNCIL_MEMBER):
        user = member(world.province.root, role=role)

        response = signed_in(user).get(reverse(HOME))

        text = page_text(response)
        assert "Tiến độ các phong trào" in text
        assert "Hôm nay 10/01/2025" in text
        assert "Đợt 1 11/2024 – 30/04/2025 đang diễn ra, còn 110 ngày" in text
        assert "Đợt 2 05/2025 – 30/09/2025 chưa bắt đầu" in text
        assert 'class="timeline__bar tl-at-0 tl-w-55"' in response.content.decode()


def test_home_admin_links_to_admin_site(world):
    admin = member(world.province.root, role=Role.ADMIN)

    response = signed_in(admin).get(reverse(HOME))

    assert 'href="/quan-tri/"' in response.content.decode()
    assert "Mở trang quản trị" in page_text(response)


def test_home_user_without_membership_is_told_to_ask_admin(world):
    nobody = UserFactory()

    text = page_text(signed_in(nobody).get(reverse(HOME)))

    assert "chưa được phân quyền" in text
    assert "128/KH-UBND" not in text
    assert "Xem tất cả 0 phong trào" in text


def test_home_header_shows_name_roles_nav_and_sign_out(world):
    officer = member(world.province.commune_a1, role=Role.UNIT_HEAD)

    response = signed_in(officer).get(reverse(HOME))

    body = response.content.decode()
    text = page_text(response)
    assert "Thi đua – Khen thưởng" in text
    assert officer.full_name in text
    assert "Thủ trưởng đơn vị" in text
    for label in ("Trang chủ", "Phong trào", "Đơn vị", "Đổi mật khẩu", "Đăng xuất"):
        assert label in text
    assert f'<form method="post" action="{reverse("accounts:logout")}"' in body
    assert f'href="{reverse(HOME)}" aria-current="page"' in body
