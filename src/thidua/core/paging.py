"""Pages of lists that can hold a country's rows (issue #16).

- ``CappedPaginator``: counting every row of a list of millions costs seconds
  (PostgreSQL reads each one); nobody pages through more than a few thousand rows, they
  search. It counts at most ``cap`` + 1 rows, in the list's disjoint ``parts`` one after
  the other (each an index-friendly query), and says when there are more: the
  pagination then reads "Trang 1/hơn 200".
- ``IdsFirst``: a list sorted on a computed key (the approval queue's last submission)
  cannot be read from an index: PostgreSQL sorts every candidate row. Sorting the full
  rows joined to their units and campaign costs those joins for every candidate;
  sorting only their ids does not, and the joins are then made for the fifty rows shown.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cached_property
from typing import Any, Generic, TypeVar, overload

from django.core.paginator import Paginator
from django.db.models import Model, QuerySet

M = TypeVar("M", bound=Model)

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


class IdsFirst(Generic[M]):
    """``queryset`` for ``Paginator`` (and DRF's pagination): ``count()`` is the
    queryset's, a slice reads the slice's ids in the queryset's order (without its
    ``select_related`` joins, which ``values_list`` drops), then loads those rows from
    the same queryset and returns them in that order. Two queries a page and one count;
    the rows and their annotations are exactly the queryset's."""

    def __init__(self, queryset: QuerySet[M]) -> None:
        self.queryset = queryset

    def count(self) -> int:
        return self.queryset.count()

    def __len__(self) -> int:
        return self.count()

    def __iter__(self) -> Iterator[M]:
        return iter(self.queryset)

    @overload
    def __getitem__(self, index: int) -> M: ...

    @overload
    def __getitem__(self, index: slice) -> list[M]: ...

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, int):
            return self[index : index + 1][0]
        ids = list(self.queryset.values_list("pk", flat=True)[index])
        by_pk = {row.pk: row for row in self.queryset.filter(pk__in=ids)}
        return [by_pk[pk] for pk in ids if pk in by_pk]
