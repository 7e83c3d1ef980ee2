"""The works register as an export of any size (``core.exports``, issue #16).

Up to ``settings.EXPORT_DIRECT_ROWS`` works the register's "Xuất Excel" answers with the
file at once; more become a job written by the worker with the requester's rights
(``work_list`` starts from ``works_visible_to``) and the register page's filters; its
file is served while the requester still holds the rights that selector read
(``works_visible_grants``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import IO, Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy

from thidua.campaigns.models import WorkKind
from thidua.core.exports import ExportKind, register_export_kind
from thidua.works.excel.export import register_export_to
from thidua.works.models import Work, WorkState
from thidua.works.selectors import WorkFilters, work_list, works_visible_grants

SEARCH_MAX = 100
#: The query-string filters of the register that an export keeps (``filters_from_query``).
FILTER_NAMES = ("campaign", "state", "kind", "unit", "content_area", "phase", "late", "ahead", "q")
EXPORT_KIND = "works"


def filters_from_query(query: Mapping[str, str]) -> WorkFilters:
    """The register's filters from a query string (or a job's stored filters); values
    that make no sense are ignored."""

    def number(name: str) -> int | None:
        value = (query.get(name) or "").strip()
        return int(value) if value.isdigit() else None

    def flag(name: str) -> bool | None:
        value = (query.get(name) or "").strip().lower()
        if value in {"1", "true", "yes", "co", "on"}:
            return True
        if value in {"0", "false", "no", "khong", "off"}:
            return False
        return None

    state = query.get("state") or ""
    kind = query.get("kind") or ""
    return WorkFilters(
        campaign=number("campaign"),
        state=state if state in WorkState.values else "",
        kind=kind if kind in WorkKind.values else "",
        unit=number("unit"),
        content_area=number("content_area"),
        phase=number("phase"),
        late=flag("late"),
        ahead=flag("ahead"),
        search=(query.get("q") or "").strip()[:SEARCH_MAX],
    )


def export_rows(user: Any, parameters: Mapping[str, str]) -> QuerySet[Work]:
    """The works ``user`` sees, with the register's filters (run again inside the task)."""
    return work_list(user, filters_from_query(parameters), today=timezone.localdate())


def export_write(works: Iterable[Work], stream: IO[bytes]) -> int:
    """The register's XLSX layout (``excel.export``), today's date in its title."""
    return register_export_to(works, today=timezone.localdate(), stream=stream)


def export_file_name() -> str:
    return f"cong-trinh-{timezone.localdate():%Y-%m-%d}.xlsx"


def register() -> None:
    """Offer the register to ``core.exports`` (from ``WorksConfig.ready``)."""
    register_export_kind(
        ExportKind(
            key=EXPORT_KIND,
            label=gettext_lazy("Sổ theo dõi công trình, dự án, phần việc"),
            rows=export_rows,
            grants=works_visible_grants,
            write=export_write,
            file_name=export_file_name,
            back_url="works:register",
        )
    )
