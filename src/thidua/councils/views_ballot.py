"""A council member's ballot (phone first): one card per nomination, a confirmation page
before a vote is cast or changed, and a change allowed until the session closes.

A secret ballot's proof (``councils.vote_change``) is kept in a cookie that only the
member's browser holds and sends back, for this session's pages only.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from thidua.core.refusals import refusal_caught
from thidua.councils import services
from thidua.councils.models import AgendaItem, Attendance, CouncilSession, VoteChoice
from thidua.councils.rules import can_vote_in_session
from thidua.councils.selectors import member_seat, own_open_choices, voted_item_ids
from thidua.councils.views import visible_session

#: How long the browser keeps a secret ballot's proof: a session lasts a day at most.
PROOF_AGE = 2 * 24 * 3600


def _proof_cookie(item: AgendaItem) -> str:
    return f"thidua_ballot_{item.pk}"


def _proven_items(request: HttpRequest, items: list[AgendaItem]) -> set[int]:
    return {i.pk for i in items if i.secret_ballot and request.COOKIES.get(_proof_cookie(i))}


def _ballot_context(
    request: HttpRequest, session: CouncilSession, error: str = ""
) -> dict[str, Any]:
    seat = member_seat(session, request.user)
    if seat is None:
        raise PermissionDenied
    items = list(session.items.all())
    return {
        "session": session,
        "seat": seat,
        "items": items,
        "voted": voted_item_ids(seat),
        "own": own_open_choices(seat),
        "proven": _proven_items(request, items),
        "error": error,
        "present": seat.attendance == Attendance.PRESENT,
    }


@login_required
@require_GET
def ballot_page(request: HttpRequest, pk: int) -> HttpResponse:
    """A member's voting page (phone first): one card per nomination."""
    session = visible_session(request.user, pk)
    return render(request, "councils/ballot.html", _ballot_context(request, session))


def _may_vote(request: HttpRequest, session: CouncilSession, choice: str) -> bool:
    """A valid choice from a member who may vote now: the confirmation page comes first.
    Anything else goes straight to the service, which says what is wrong."""
    return (
        choice in VoteChoice.values
        and member_seat(session, request.user) is not None
        and bool(can_vote_in_session(request.user, session))
    )


def _cast(request: HttpRequest, item: AgendaItem, choice: str, *, change: bool) -> Any:
    """Cast or change the vote; the new proof of a secret ballot goes to the cookie."""
    if not change:
        return services.council_vote(actor=request.user, item=item, choice=choice)
    proof = request.COOKIES.get(_proof_cookie(item), "")
    return services.council_vote_change(actor=request.user, item=item, choice=choice, proof=proof)


@login_required
@require_POST
def vote(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    """Cast or change the member's vote on one item, after a page that names the nominee
    and the choice; a change is possible until the session closes."""
    session = visible_session(request.user, pk)
    item = next((i for i in session.items.all() if i.pk == item_pk), None)
    if item is None:
        raise Http404
    choice = request.POST.get("choice", "")
    seat = member_seat(session, request.user)
    change = seat is not None and item.pk in voted_item_ids(seat)
    if request.POST.get("confirmed") != "1" and _may_vote(request, session, choice):
        prefetch_related_objects([item], "nomination__files")
        context = {"session": session, "item": item, "choice": VoteChoice(choice), "change": change}
        return render(request, "councils/vote_confirm.html", context)
    with refusal_caught() as outcome:
        proof = _cast(request, item, choice, change=change)
    if not outcome.ok:
        context = _ballot_context(request, visible_session(request.user, pk), outcome.error)
        return render(request, "councils/ballot.html", context)
    done = _("Đã đổi ý kiến của bạn.") if change else _("Đã ghi nhận phiếu của bạn.")
    messages.success(request, done)
    response = redirect(reverse("councils:ballot", args=[session.pk]) + f"#muc-{item.pk}")
    if proof:
        response.set_cookie(
            _proof_cookie(item),
            proof,
            max_age=PROOF_AGE,
            path=reverse("councils:detail", args=[session.pk]),
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Strict",
        )
    return response
