"""Pages of a list whose order is costly: the order is found on the rows' ids alone, and
only the page's rows are loaded with their joins (issue #16).

A list sorted on a computed key (the approval queue's last submission) cannot be read
from an index: PostgreSQL sorts every candidate row. Sorting the full rows joined to
their units and campaign costs those joins for every candidate; sorting only their ids
does not, and the joins are then made for the fifty rows shown.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Generic, TypeVar, overload

from django.db.models import Model, QuerySet

M = TypeVar("M", bound=Model)


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
