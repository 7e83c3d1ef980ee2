"""The demo sign-ins (README.md lists the same table; a test keeps them in step).

Created only by ``python -m thidua demo_setup``, never by migrations; their password is
``accounts.demo.DEMO_PASSWORD``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from thidua.accounts.demo import DEMO_PASSWORD
from thidua.accounts.models import Membership, Role, Scope, User
from thidua.accounts.selectors import forget_reach
from thidua.organisations.models import Unit


@dataclass(frozen=True)
class DemoUser:
    username: str
    full_name: str
    position: str
    role: str
    unit_code: str
    scope: str = Scope.UNIT


DEMO_USERS = [
    DemoUser("admin", "Quản trị hệ thống", "Quản trị viên", Role.ADMIN, "TV"),
    DemoUser(
        "bantdkt",
        "Nguyễn Thị Thu",
        "Chuyên viên Ban Thi đua - Khen thưởng",
        Role.SECRETARIAT,
        "TV-SNV",
    ),
    DemoUser("lanhdao", "Lê Thanh Bình", "Phó Chủ tịch UBND tỉnh", Role.LEADER, "TV"),
    DemoUser(
        "hoidong",
        "Trần Văn Hòa",
        "Ủy viên Hội đồng Thi đua - Khen thưởng tỉnh",
        Role.COUNCIL_MEMBER,
        "TV",
    ),
    DemoUser("canbo_so", "Phạm Thị Lan", "Chuyên viên Văn phòng Sở", Role.UNIT_OFFICER, "TV-SYT"),
    DemoUser("thutruong_so", "Thạch Văn Minh", "Giám đốc Sở Y tế", Role.UNIT_HEAD, "TV-SYT"),
    DemoUser(
        "canbo_huyen",
        "Kim Thị Sa Rết",
        "Chuyên viên Phòng Nội vụ huyện",
        Role.UNIT_OFFICER,
        "TV-CK",
        Scope.SUBTREE,
    ),
    DemoUser(
        "canbo_xa",
        "Lâm Văn Tài",
        "Công chức Văn phòng - Thống kê xã",
        Role.UNIT_OFFICER,
        "TV-CK-PHONG-PHU",
    ),
    DemoUser(
        "cumtruong",
        "Huỳnh Văn Sơn",
        "Chánh Văn phòng UBND thành phố",
        Role.CLUSTER_LEADER,
        "TV-TPTV",
    ),
]


#: The present-day demo (desk/demo_vinh_long.py): Vĩnh Long's illustrative 2026 campaign.
#: The people are made up; the units are the official ones (province 86, Xã Cầu Kè 29308).
VINH_LONG_USERS = [
    DemoUser(
        "bantdkt_vl",
        "Trương Thị Ngọc Hân",
        "Chuyên viên Ban Thi đua - Khen thưởng",
        Role.SECRETARIAT,
        "86-SNV",
    ),
    DemoUser("lanhdao_vl", "Nguyễn Văn Minh", "Chủ tịch UBND tỉnh", Role.LEADER, "86"),
    DemoUser("thutruong_syt_vl", "Phan Thanh Tùng", "Giám đốc Sở Y tế", Role.UNIT_HEAD, "86-SYT"),
    DemoUser(
        "canbo_xa_vl",
        "Thạch Thị Kim Hồng",
        "Công chức Văn phòng HĐND và UBND xã",
        Role.UNIT_OFFICER,
        "29308",
    ),
    DemoUser("chutich_xa_vl", "Kim Văn Phước", "Chủ tịch UBND xã", Role.UNIT_HEAD, "29308"),
    DemoUser("chutich_pt_vl", "Lê Văn Sang", "Chủ tịch UBND xã", Role.UNIT_HEAD, "29329"),
]


@transaction.atomic
def demo_users_ensure(demo_users: list[DemoUser] | None = None) -> list[DemoUser]:
    """Create or reset the demo users (by default those of the Trà Vinh demo) and their
    single membership each (idempotent)."""
    demo_users = DEMO_USERS if demo_users is None else demo_users
    wanted = {d.unit_code for d in demo_users}
    units = {u.code: u for u in Unit.objects.filter(code__in=wanted)}
    missing = sorted(wanted - set(units))
    if missing:
        raise ValueError(f"thiếu đơn vị {', '.join(missing)}: hãy nạp danh mục đơn vị trước")
    for demo in demo_users:
        user, _ = User.objects.get_or_create(username=demo.username)
        user.full_name = demo.full_name
        user.position = demo.position
        user.email = f"{demo.username}@demo.thidua.local"
        user.is_staff = user.is_superuser = demo.role == Role.ADMIN
        user.set_password(DEMO_PASSWORD)
        user.save()
        Membership.objects.filter(user=user).exclude(
            unit=units[demo.unit_code], role=demo.role
        ).delete()
        Membership.objects.update_or_create(
            user=user,
            unit=units[demo.unit_code],
            role=demo.role,
            defaults={"scope": demo.scope},
        )
        forget_reach(user)
    return demo_users
