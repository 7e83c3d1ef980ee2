"""Pages of councils under /hoi-dong/: the sessions, one session, the minutes.

Every page starts from ``sessions_visible_to`` (a session out of reach is a 404, so a
member of another session cannot tell it exists). Actions are POST forms calling one
service each (``views_actions``); a ``DomainError`` comes back as a Vietnamese message,
a refused permission as the 403 page, never a server error.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from thidua.accounts.models import Role
from thidua.accounts.selectors import has_role
from thidua.campaigns.selectors import campaigns_visible_to
from thidua.core.files import stored_file_response
from thidua.core.refusals import refusal_caught
from thidua.core.tree import root_path
from thidua.councils import services
from thidua.councils.forms import MemberForm, SessionForm, WrittenVoteForm
from thidua.councils.minutes import MINUTES_FILENAME, minutes_document
from thidua.councils.models import (
    Attendance,
    BallotReceipt,
    CouncilSession,
    SessionState,
    Vote,
)
from thidua.councils.roster import councils_run_by, councils_visible_to, roster_size
from thidua.councils.rules import (
    can_manage_session,
    can_record_written_votes,
    can_vote_in_session,
)
from thidua.councils.selectors import (
    agenda_candidates,
    attendance_counts,
    member_seat,
    session_detail,
    session_list,
    written_receipts,
    written_votes,
)

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def visible_session(user: Any, pk: int) -> CouncilSession:
    """A session the user may see, with its members and agenda; else 404."""
    try:
        return session_detail(user, pk)
    except CouncilSession.DoesNotExist:
        raise Http404(_("Không tìm thấy phiên họp.")) from None


@login_required
@require_GET
def index_page(request: HttpRequest) -> HttpResponse:
    """The sessions the user may see (for a council member: "my sessions")."""
    sessions = list(session_list(request.user))
    overseer = has_role(request.user, Role.SECRETARIAT, Role.LEADER)
    runs = councils_run_by(request.user).exists()
    return render(
        request,
        "councils/index.html",
        {
            "sessions": sessions,
            "mine_only": not overseer and not runs,
            "can_create": has_role(request.user, Role.SECRETARIAT) or runs,
            "councils_link": overseer or runs or councils_visible_to(request.user).exists(),
        },
    )


@login_required
def create_page(request: HttpRequest) -> HttpResponse:
    """Plan a new session: the secretariat, or whoever runs a standing council (a unit's
    head or officer, for their unit's own council)."""
    councils = councils_run_by(request.user)
    if not has_role(request.user, Role.SECRETARIAT) and not councils.exists():
        raise PermissionDenied
    campaigns = campaigns_visible_to(request.user).order_by("-doc_date", "pk")
    initial: dict[str, Any] = {"date": timezone.localdate()}
    chosen = request.GET.get("council", "")
    if chosen.isascii() and chosen.isdigit():
        initial["council"] = int(chosen)
    form = SessionForm(
        request.POST or None, campaigns=campaigns, councils=councils, initial=initial
    )
    error = ""
    if request.method == "POST" and form.is_valid():
        with refusal_caught() as outcome:
            session = services.session_create(actor=request.user, **form.cleaned_data)
        if outcome.ok:
            messages.success(request, _("Đã tạo phiên họp."))
            return redirect("councils:detail", pk=session.pk)
        error = outcome.error
    return render(request, "councils/create.html", {"form": form, "error": error})


def _progress(session: CouncilSession) -> dict[int, int]:
    """How many members have voted on each item (open votes and receipts; no choices)."""
    counts: dict[int, int] = {}
    for model in (Vote, BallotReceipt):
        rows = (
            model.objects.filter(item__session=session)
            .values_list("item_id")
            .annotate(n=Count("pk"))
            .values_list("item_id", "n")
        )
        for item_id, n in rows:
            counts[item_id] = counts.get(item_id, 0) + n
    return counts


def render_detail(
    request: HttpRequest,
    session: CouncilSession,
    *,
    error: str = "",
    member_form: MemberForm | None = None,
    written_form: WrittenVoteForm | None = None,
) -> HttpResponse:
    user = request.user
    manage = bool(can_manage_session(user, session))
    state = SessionState(session.state)
    members = list(session.members.all())
    items = list(session.items.all())
    roster_total = roster_size(session) if session.council_id else None
    context: dict[str, Any] = {
        "roster_total": roster_total,
        "session": session,
        "members": members,
        "items": items,
        "counts": attendance_counts(session),
        "manage": manage,
        "seat": member_seat(session, user),
        "can_vote": bool(can_vote_in_session(user, session)),
        "error": error,
        "attendance_choices": Attendance.choices,
        "search": request.GET.get("q", ""),
    }
    if state == SessionState.PLANNED and manage and not session.council_id:
        root = root_path(session.campaign.issuer_unit.path)
        context["member_form"] = member_form or MemberForm(province_path=root)
    if state == SessionState.PLANNED and manage:
        context["candidates"] = list(agenda_candidates(session, search=context["search"])[:200])
    if state == SessionState.OPEN:
        progress = _progress(session)
        for item in items:
            item.voted_count = progress.get(item.pk, 0)  # type: ignore[attr-defined]
        absent = [m for m in members if m.attendance == Attendance.WRITTEN]
        if absent and can_record_written_votes(user, session):
            context["written_form"] = written_form or WrittenVoteForm(members=absent, items=items)
    if state != SessionState.PLANNED:
        context["written_votes"] = written_votes(session)
        context["written_receipts"] = written_receipts(session)
    return render(request, "councils/detail.html", context)


@login_required
@require_GET
def detail_page(request: HttpRequest, pk: int) -> HttpResponse:
    """One session: members and attendance, agenda, actions, results, minutes."""
    return render_detail(request, visible_session(request.user, pk))


@login_required
@require_GET
def minutes_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    """The minutes of a closed session (DOCX), to whoever may see the session."""
    session = visible_session(request.user, pk)
    if session.state != SessionState.CLOSED:
        raise Http404(_("Biên bản chỉ có sau khi phiên họp kết thúc."))
    filename = MINUTES_FILENAME % session.pk
    if session.minutes:
        return stored_file_response(
            session.minutes, content_type=DOCX, filename=filename, as_attachment=True
        )
    response = HttpResponse(minutes_document(session), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
