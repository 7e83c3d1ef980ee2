"""The organisation tree: visible units, searchable without diacritics, as of a date."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.db.models import prefetch_related_objects
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.core.form_conventions import FormConventions
from thidua.core.forms import VnDateField
from thidua.core.views import render_page_or_part
from thidua.organisations.models import Unit, UnitKind
from thidua.organisations.selectors import unit_tree_slice

#: Rows rendered at most: a whole country has ~11.000 communes; beyond this, narrow down.
MAX_ROWS = 500
#: Indentation levels the stylesheet knows (deeper levels share the last one).
MAX_DEPTH = 6


class TreeFilterForm(FormConventions, forms.Form):
    """``?q=`` words with or without diacritics; ``?on=`` a day typed the Vietnamese way."""

    q = forms.CharField(label=_("Tìm đơn vị"), required=False, max_length=100, strip=True)
    on = VnDateField(label=_("Hiệu lực ngày"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs.update({"type": "search", "autocomplete": "off"})


def _kind_counts(counted: Counter[str]) -> list[tuple[str, int]]:
    return [(str(kind.label), counted[kind.value]) for kind in UnitKind if counted[kind.value]]


def _decorate(units: list[Unit], today: dt.date) -> None:
    """Add what the template needs without queries: relative depth and whether it ended."""
    top = min((unit.depth for unit in units), default=0)
    for unit in units:
        unit.level = min(unit.depth - top, MAX_DEPTH)
        unit.ended = unit.valid_to is not None and unit.valid_to < today
        unit.pending = unit.valid_from is not None and unit.valid_from > today


@login_required
def unit_tree_page(request: HttpRequest) -> HttpResponse:
    """The units the user may see, in tree order, with counts per kind.

    A bad date never fails the page: the message says how to write it and the tree is
    shown without the date filter.
    """
    form = TreeFilterForm(request.GET or None)
    search, on = "", None
    if form.is_bound:
        form.is_valid()
        search = form.cleaned_data.get("q", "") or request.GET.get("q", "").strip()[:100]
        on = form.cleaned_data.get("on")
    tree = unit_tree_slice(request.user, search=search, on=on, limit=MAX_ROWS)
    shown = tree.units
    prefetch_related_objects(shown, "successions__successor")
    today = on or timezone.localdate()
    _decorate(shown, today)
    context = {
        "form": form,
        "search": search,
        "on": on,
        "units": shown,
        "total": tree.total,
        "capped": tree.total > MAX_ROWS,
        "max_rows": MAX_ROWS,
        "kind_counts": _kind_counts(tree.kinds),
    }
    return render_page_or_part(request, "organisations/tree.html", "results", context)
