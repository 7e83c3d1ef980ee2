"""A list of a country's rows counts at most its cap, part by part (core.paging)."""

from __future__ import annotations

from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from tests.factories import Province
from thidua.core.paging import CappedPaginator
from thidua.organisations.models import Unit, UnitKind


def test_a_list_under_the_cap_counts_every_row_of_every_part(province: Province) -> None:
    units = Unit.objects.order_by("pk")
    parts = [units.filter(kind=UnitKind.COMMUNE), units.exclude(kind=UnitKind.COMMUNE)]

    paginator = CappedPaginator(units, 2, parts=parts, cap=100)

    assert paginator.count == units.count() == 8
    assert paginator.capped is False
    assert paginator.num_pages == 4


def test_a_list_over_the_cap_stops_counting_and_says_so(province: Province) -> None:
    units = Unit.objects.order_by("pk")
    parts = [units.filter(kind=UnitKind.COMMUNE), units.exclude(kind=UnitKind.COMMUNE)]

    paginator = CappedPaginator(units, 2, parts=parts, cap=2)
    with CaptureQueriesContext(connection) as counted:
        assert paginator.count == 3  # the cap and one more
    page = paginator.get_page(1)

    assert paginator.capped is True
    # The communes (3) are over the cap already: the other part is never counted.
    assert len(counted) == 1
    html = render_to_string(
        "partials/pagination.html", {"page_obj": page}, request=RequestFactory().get("/")
    )
    assert "Trang 1/hơn 1" in " ".join(html.split())
    assert [unit.pk for unit in page.object_list] == list(units.values_list("pk", flat=True)[:2])
