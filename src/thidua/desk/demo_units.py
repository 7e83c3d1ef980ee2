"""The demo's units: today's Vĩnh Long, the Trà Vinh of KH 128, and the 2025 successions.

Order matters: the official province 86 (Vĩnh Long) and its 124 communes come from the
vietnam-provinces package first, then the Trà Vinh units of 2024–2025 (ended on
30/6/2025), Vĩnh Long's departments and mass organisations, and last the successions of
01/7/2025 that link the two (Nghị quyết 202/2025/QH15, Nghị quyết 1687/NQ-UBTVQH15).
Each step is idempotent, so the demo can be loaded again without doubling anything.
"""

from __future__ import annotations

from typing import Any

from django.core.management import call_command

#: The province of today in the demo (official code, Tổng cục Thống kê).
DEMO_PROVINCE = "86"
#: Shipped ``thidua/units@1`` files, in the order they must be loaded after the province.
DEMO_UNIT_FILES = ("tra-vinh", "vinh-long", "vinh-long-2025-successions")


def demo_units_load(stdout: Any) -> None:
    """Load the demo's units in order (see the module docstring); nothing twice.

    ``stdout`` is where the loads report (a command's output wrapper or a ``StringIO``).
    """
    call_command("units", "load", "vn", "--province", DEMO_PROVINCE, stdout=stdout)
    for name in DEMO_UNIT_FILES:
        call_command("units", "load", name, stdout=stdout)
