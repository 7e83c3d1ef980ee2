"""Pages of lists that can hold a country's rows: the count stops at a cap.

Counting every row of a list of millions costs seconds (PostgreSQL reads each one);
nobody pages through more than a few thousand rows, they search. ``CappedPaginator``
counts at most ``cap`` + 1 rows, in the list's disjoint ``parts`` one after the other
(each an index-friendly query), and says when there are more: the pagination then reads
"Trang 1/hơn 200".
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from typing import Any

from django.core.paginator import Paginator
from django.db.models import QuerySet

#: Rows counted before a list says "more than".
COUNT_CAP = 10_000


class CappedPaginator(Paginator):
    """A paginator whose count stops after ``cap`` rows.

    ``parts``: querysets whose rows together are exactly ``object_list``'s, with no row
    in two of them (the branches of an OR). Each is counted up to what is still missing
    under the cap; without ``parts`` the list is counted up to the cap directly.
    """

    def __init__(
        self,
        object_list: QuerySet[Any],
        per_page: int,
        *,
        parts: Sequence[QuerySet[Any]] = (),
        cap: int = COUNT_CAP,
    ) -> None:
        super().__init__(object_list, per_page)
        self.parts = list(parts) or [object_list]
        self.cap = cap

    @cached_property
    def counted(self) -> int:
        """Rows counted: the list's size, or ``cap`` + 1 when it holds more."""
        total = 0
        for part in self.parts:
            total += part.order_by()[: self.cap + 1 - total].count()
            if total > self.cap:
                break
        return total

    @cached_property
    def count(self) -> int:
        """The rows counted: past the cap, one more than the cap (its last page holds
        that row, and the pagination says there are more pages than it shows)."""
        return self.counted

    @property
    def capped(self) -> bool:
        """True when the list holds more rows than were counted."""
        return self.counted > self.cap
