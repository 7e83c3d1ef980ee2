"""The POST actions of a session page and the member's voting page: one service each."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from thidua.core.refusals import refusal_caught
from thidua.core.tree import root_path
from thidua.councils import services
from thidua.councils.forms import AttendanceForm, MemberForm, WrittenVoteForm
from thidua.councils.models import (
    Attendance,
    CouncilSession,
    SessionState,
)
from thidua.councils.rules import can_manage_session
from thidua.councils.secret_ballots import has_sealed_ballots, key_fingerprint
from thidua.councils.selectors import (
    attendance_counts,
    votes_missing,
)
from thidua.councils.views import render_detail, visible_session


def _run(
    request: HttpRequest, session: CouncilSession, done: str, call: Any
) -> HttpResponse | None:
    """Call a service; a refusal is shown on the session page, a 403 stays a 403."""
    with refusal_caught() as outcome:
        call()
    if not outcome.ok:
        return render_detail(
            request, visible_session(request.user, session.pk), error=outcome.error
        )
    messages.success(request, done)
    return None


def _back(session: CouncilSession, anchor: str = "") -> HttpResponse:
    return redirect(reverse("councils:detail", args=[session.pk]) + anchor)


@login_required
@require_POST
def member_add(request: HttpRequest, pk: int) -> HttpResponse:
    session = visible_session(request.user, pk)
    form = MemberForm(request.POST, province_path=root_path(session.campaign.issuer_unit.path))
    if not form.is_valid():
        return render_detail(request, session, member_form=form)
    data = form.cleaned_data
    failed = _run(
        request,
        session,
        _("Đã thêm thành viên."),
        lambda: services.session_add_member(
            actor=request.user,
            session=session,
            user=data["user"],
            name=data["name"],
            position=data["position"],
            role=data["role"],
        ),
    )
    return failed or _back(session, "#thanh-vien")


@login_required
@require_POST
def attendance_set(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    session = visible_session(request.user, pk)
    member = next((m for m in session.members.all() if m.pk == member_pk), None)
    form = AttendanceForm(request.POST)
    if member is None or not form.is_valid():
        raise Http404
    failed = _run(
        request,
        session,
        _("Đã cập nhật điểm danh."),
        lambda: services.session_set_attendance(
            actor=request.user, member=member, attendance=form.cleaned_data["attendance"]
        ),
    )
    return failed or _back(session, "#thanh-vien")


@login_required
@require_POST
def items_add(request: HttpRequest, pk: int) -> HttpResponse:
    from thidua.awards.models import Nomination

    session = visible_session(request.user, pk)
    ids = [int(v) for v in request.POST.getlist("nomination") if v.isascii() and v.isdigit()]
    if not ids:
        return render_detail(
            request, session, error=_("Hãy chọn ít nhất một đề nghị khen thưởng để đưa vào.")
        )
    nominations = list(Nomination.objects.filter(pk__in=ids))
    failed = _run(
        request,
        session,
        _("Đã đưa %(count)s đề nghị vào nội dung xét.") % {"count": len(nominations)},
        lambda: services.session_add_items(
            actor=request.user, session=session, nominations=nominations
        ),
    )
    return failed or _back(session, "#noi-dung")


@login_required
@require_POST
def session_open(request: HttpRequest, pk: int) -> HttpResponse:
    """Open the session. With secret ballots, the answer is the page that shows the tally
    code once (it is stored nowhere: ``councils.ballot_box``), not a redirect."""
    session = visible_session(request.user, pk)
    opened: list[CouncilSession] = []
    failed = _run(
        request,
        session,
        _("Đã khai mạc phiên họp: thành viên có mặt có thể bỏ phiếu."),
        lambda: opened.append(services.session_open(actor=request.user, session=session)),
    )
    if failed or not opened or not opened[0].tally_code:
        return failed or _back(session)
    response = render(
        request,
        "councils/tally_code.html",
        {
            "session": opened[0],
            "code": opened[0].tally_code,
            "fingerprint": key_fingerprint(opened[0]),
        },
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def session_close(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: what closing will do and who has not voted yet; POST (with the box ticked):
    close the session and count the votes. The secretariat of the session only."""
    session = visible_session(request.user, pk)
    if not can_manage_session(request.user, session):
        raise PermissionDenied(_("Chỉ Ban Thi đua - Khen thưởng kết thúc phiên họp."))
    if session.state != SessionState.OPEN:
        return _back(session)
    error = ""
    if request.method == "POST":
        if request.POST.get("confirm") == "yes":
            code = request.POST.get("tally_code", "")[:100]
            lost = request.POST.get("code_lost") == "yes"
            with refusal_caught() as outcome:
                services.session_close(
                    actor=request.user, session=session, tally_code=code, code_lost=lost
                )
            if outcome.ok:
                messages.success(
                    request, _("Đã kết thúc phiên họp: kết quả và biên bản đã được lập.")
                )
                return _back(session, "#ket-qua")
            error = outcome.error
        else:
            error = _("Hãy đánh dấu ô xác nhận để kết thúc phiên họp.")
    gaps = votes_missing(session)
    context = {
        "session": session,
        "gaps": gaps,
        "missing": sum(g.count for g in gaps),
        "counts": attendance_counts(session),
        "error": error,
        "sealed": has_sealed_ballots(session),
        "fingerprint": key_fingerprint(session),
    }
    return render(request, "councils/close.html", context, status=400 if error else 200)


@login_required
@require_POST
def written_vote(request: HttpRequest, pk: int) -> HttpResponse:
    session = visible_session(request.user, pk)
    members = [m for m in session.members.all() if m.attendance == Attendance.WRITTEN]
    items = list(session.items.all())
    form = WrittenVoteForm(request.POST, members=members, items=items)
    if not form.is_valid():
        return render_detail(request, session, written_form=form)
    member = next(m for m in members if m.pk == form.cleaned_data["member"])
    item = next(i for i in items if i.pk == form.cleaned_data["item"])
    failed = _run(
        request,
        session,
        _("Đã ghi nhận ý kiến bằng văn bản của %(name)s.") % {"name": member.name},
        lambda: services.council_written_vote(
            actor=request.user, item=item, member=member, choice=form.cleaned_data["choice"]
        ),
    )
    return failed or _back(session, "#phieu-van-ban")
