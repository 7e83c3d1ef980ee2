"""Pages of exemplary models under /dien-hinh/ (the "exemplars" namespace).

Every view starts from ``exemplars_visible_to`` (a story out of reach is a 404). Actions
are POST forms calling one service each; a ``DomainError`` comes back as a message, a
refused permission as the 403 page — never a server error.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from thidua.campaigns.selectors import campaigns_visible_to
from thidua.core import lengths
from thidua.core.files import stored_file_response
from thidua.core.refusals import refusal_caught
from thidua.exemplars import workflow
from thidua.exemplars.forms import PhotoForm, ReasonForm, StoryForm
from thidua.exemplars.models import Exemplar, ExemplarPhoto, ExemplarState
from thidua.exemplars.rules import is_exemplar_author, may_act
from thidua.exemplars.selectors import exemplar_detail, exemplar_list, exemplars_visible_to
from thidua.exemplars.transitions import EDITABLE_STATES, TRANSITIONS, allowed_actions
from thidua.organisations.selectors import units_visible_to

PAGE_SIZE = 20


def _int(value: str | None) -> int | None:
    text = (value or "").strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) < 18 else None


def user_actions(user: Any, exemplar: Exemplar) -> list[str]:
    """Transitions this user may take now, plus "edit" for the author of an editable story."""
    state = ExemplarState(exemplar.state)
    actions = [
        a.value
        for a in allowed_actions(state)
        if may_act(user, exemplar, TRANSITIONS[(state, a)][1])
    ]
    if state in EDITABLE_STATES and is_exemplar_author(user, exemplar):
        actions.append("edit")
    return actions


@login_required
@require_GET
def index_page(request: HttpRequest) -> HttpResponse:
    """The stories the user sees, by state, with a diacritics-free search."""
    state = request.GET.get("state", "")
    if state not in ExemplarState.values:
        state = ""
    stories = exemplar_list(request.user, state=state, search=request.GET.get("q", ""))
    page = Paginator(stories, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "exemplars/list.html",
        {
            "page_obj": page,
            "rows": page.object_list,
            "states": ExemplarState.choices,
            "state": state,
            "q": request.GET.get("q", ""),
        },
    )


def _story_form(request: HttpRequest, *, data: Any = None, **kw: Any) -> StoryForm:
    campaigns = campaigns_visible_to(request.user).order_by("-doc_date")
    units = units_visible_to(request.user).order_by("path")
    return StoryForm(data, campaigns=campaigns, units=units, **kw)


@login_required
def create_page(request: HttpRequest) -> HttpResponse:
    """A blank story (its unit's staff or the Ban TĐKT)."""
    form = _story_form(request, data=request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        with refusal_caught(request, form=form, success=_("Đã tạo câu chuyện nháp.")) as done:
            story = workflow.exemplar_create(
                actor=request.user,
                campaign=form.cleaned_data["campaign"],
                unit=form.cleaned_data["unit"],
                data=form.story_data(),
            )
        if done.ok:
            return redirect("exemplars:detail", pk=story.pk)
    return render(request, "exemplars/form.html", {"form": form, "story": None})


def _visible(request: HttpRequest, pk: int) -> Exemplar:
    try:
        return exemplar_detail(request.user, pk)
    except Exemplar.DoesNotExist:
        raise Http404(_("Không tìm thấy câu chuyện.")) from None


@login_required
def edit_page(request: HttpRequest, pk: int) -> HttpResponse:
    story = _visible(request, pk)
    if not is_exemplar_author(request.user, story):
        raise PermissionDenied
    initial = {
        "subject_kind": story.subject_kind,
        "subject_name": story.subject_name,
        "title": story.title,
        "achievements": story.achievements,
        "results": story.results,
        "content_area": story.content_area_id,
        "place": story.place_id,
    }
    form = _story_form(
        request,
        data=request.POST if request.method == "POST" else None,
        fixed=True,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        with refusal_caught(request, form=form, success=_("Đã lưu câu chuyện.")) as done:
            workflow.exemplar_update(actor=request.user, exemplar=story, data=form.story_data())
        if done.ok:
            return redirect("exemplars:detail", pk=story.pk)
    return render(request, "exemplars/form.html", {"form": form, "story": story})


@login_required
@require_GET
def detail_page(request: HttpRequest, pk: int) -> HttpResponse:
    story = _visible(request, pk)
    actions = user_actions(request.user, story)
    return render(
        request,
        "exemplars/detail.html",
        {
            "story": story,
            "actions": actions,
            "photos": list(story.photos.all()),
            "events": list(story.events.all()),
            "reason_form": ReasonForm(),
            "photo_form": PhotoForm(),
            "public": story.state == ExemplarState.PUBLISHED,
        },
    )


_ACTIONS = {
    "submit": lambda user, story, reason: workflow.exemplar_submit(actor=user, exemplar=story),
    "approve": lambda user, story, reason: workflow.exemplar_approve(actor=user, exemplar=story),
    "return": lambda user, story, reason: workflow.exemplar_return(
        actor=user, exemplar=story, reason=reason
    ),
    "publish": lambda user, story, reason: workflow.exemplar_publish(actor=user, exemplar=story),
    "unpublish": lambda user, story, reason: workflow.exemplar_unpublish(
        actor=user, exemplar=story, reason=reason
    ),
}


@login_required
@require_POST
def action_view(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """One workflow step; a refusal comes back as a message on the story's page."""
    story = _visible(request, pk)
    run = _ACTIONS.get(action)
    if run is None:
        raise Http404
    with refusal_caught(request, success=_("Đã cập nhật trạng thái câu chuyện.")):
        lengths.check_posted(request.POST, {"reason": _("Lý do")})
        run(request.user, story, request.POST.get("reason", ""))
    return redirect("exemplars:detail", pk=story.pk)


@login_required
@require_POST
def photo_add_view(request: HttpRequest, pk: int) -> HttpResponse:
    story = _visible(request, pk)
    form = PhotoForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Hãy chọn một ảnh."))
        return redirect("exemplars:detail", pk=story.pk)
    upload = form.cleaned_data["photo"]
    with refusal_caught(request, success=_("Đã thêm ảnh.")):
        workflow.exemplar_add_photo(
            actor=request.user,
            exemplar=story,
            stream=upload,
            name=upload.name,
            size=upload.size,
            caption=form.cleaned_data.get("caption") or "",
        )
    return redirect("exemplars:detail", pk=story.pk)


@login_required
@require_POST
def photo_remove_view(request: HttpRequest, pk: int, photo_pk: int) -> HttpResponse:
    story = _visible(request, pk)
    photo = ExemplarPhoto.objects.filter(pk=photo_pk, exemplar=story).first()
    if photo is None:
        raise Http404
    with refusal_caught(request):
        workflow.exemplar_remove_photo(actor=request.user, photo=photo)
    return redirect("exemplars:detail", pk=story.pk)


@login_required
@require_GET
def photo_view(request: HttpRequest, photo_pk: int) -> FileResponse:
    """A photo of a story the user sees (the public site has its own address)."""
    photo = ExemplarPhoto.objects.filter(
        pk=photo_pk, exemplar__in=exemplars_visible_to(request.user).values("pk")
    ).first()
    if photo is None:
        raise Http404
    return stored_file_response(
        photo.file,
        content_type=photo.content_type,
        filename=f"anh-{photo.pk}",
        as_attachment=False,
    )


@login_required
@require_POST
def from_work_view(request: HttpRequest, work_pk: int) -> HttpResponse:
    """Draft a story from a visible work (prefilled, photos copied)."""
    from thidua.works.models import Work
    from thidua.works.selectors import works_visible_to

    work = (
        works_visible_to(request.user)
        .select_related("unit", "campaign__issuer_unit", "place", "content_area")
        .filter(pk=work_pk)
        .first()
    )
    if work is None:
        raise Http404(_("Không tìm thấy công trình."))
    assert isinstance(work, Work)
    with refusal_caught(request, success=_("Đã soạn câu chuyện nháp từ công trình.")) as done:
        story = workflow.exemplar_from_work(actor=request.user, work=work)
    if not done.ok:
        return redirect("exemplars:index")
    return redirect("exemplars:detail", pk=story.pk)


def _nominations_visible_to(user: Any) -> Any:
    """The awards helper's selector when it exists; else the nominations of the units the
    user's roles cover."""
    from thidua.awards.models import Nomination
    from thidua.organisations.selectors import unit_scope_q

    try:
        from thidua.awards import selectors as award_selectors

        visible = getattr(award_selectors, "nominations_visible_to", None)
    except ImportError:
        visible = None
    if visible is not None:
        return visible(user)
    if not getattr(user, "is_authenticated", False):
        return Nomination.objects.none()
    return Nomination.objects.filter(
        pk__in=Nomination.objects.filter(unit_scope_q(user, prefix="proposer_unit__")).values("pk")
    )


@login_required
@require_POST
def from_nomination_view(request: HttpRequest, nomination_pk: int) -> HttpResponse:
    """Draft a story from a visible nomination (prefilled from its summary)."""
    nomination = (
        _nominations_visible_to(request.user)
        .select_related("nominee__unit", "proposer_unit", "campaign__issuer_unit")
        .filter(pk=nomination_pk)
        .first()
    )
    if nomination is None:
        raise Http404
    with refusal_caught(request, success=_("Đã soạn câu chuyện nháp từ hồ sơ đề nghị.")) as done:
        story = workflow.exemplar_from_nomination(actor=request.user, nomination=nomination)
    if not done.ok:
        return redirect("exemplars:index")
    return redirect("exemplars:detail", pk=story.pk)


@login_required
@require_GET
def suggestions_page(request: HttpRequest) -> HttpResponse:
    """Sources for new stories: works finished ahead of schedule and nominations approved
    or decided that the user sees and that have no story yet (KH 128 IV.5)."""
    from django.db.models import Q
    from django.utils import timezone

    from thidua.awards.models import NominationState
    from thidua.works.selectors import with_flags, works_visible_to

    works = (
        with_flags(works_visible_to(request.user), timezone.localdate())
        .filter(Q(ahead=True), exemplars__isnull=True)
        .select_related("unit")
        .order_by("-actual_finish", "pk")[:50]
    )
    nominations = (
        _nominations_visible_to(request.user)
        .filter(
            state__in=[NominationState.APPROVED, NominationState.DECIDED], exemplars__isnull=True
        )
        .select_related("nominee", "form", "proposer_unit")
        .order_by("-updated_at", "pk")[:50]
    )
    return render(
        request,
        "exemplars/suggestions.html",
        {"works": list(works), "nominations": list(nominations)},
    )
