"""The public site under /public/ (the "public" namespace): no sign-in, no user data.

Every page reads through ``public.selectors`` (or the published-only selectors of other
apps), uses its own lean base template (no menu, no account, no forms that set cookies)
and is cacheable by browsers and proxies for a few minutes.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from thidua.core.files import stored_file_response
from thidua.exemplars.models import Exemplar, ExemplarPhoto
from thidua.exemplars.selectors import public_story, public_story_list, published_exemplars
from thidua.higher_awards.selectors import posted_shortlists
from thidua.public import selectors

#: Seconds a browser or proxy may keep a public page.
MAX_AGE = 300
PAGE_SIZE = 20

View = Callable[..., HttpResponseBase]


def public_page(view: View) -> View:
    """GET only, cacheable by anyone for ``MAX_AGE`` seconds."""
    return require_GET(cache_control(public=True, max_age=MAX_AGE)(view))


def _int(value: str | None) -> int | None:
    text = (value or "").strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) < 18 else None


@public_page
def index_page(request: HttpRequest) -> HttpResponse:
    """Home: the campaigns and their targets' status, latest stories, links."""
    campaigns = list(selectors.public_campaigns()[:3])
    boards = selectors.campaign_boards(campaigns, timezone.localdate())
    stories = list(public_story_list()[:3])
    return render(request, "public/index.html", {"boards": boards, "stories": stories})


@public_page
def works_page(request: HttpRequest) -> HttpResponse:
    """Approved works with their progress, filters and a sketch map."""
    district = _int(request.GET.get("district"))
    unit = _int(request.GET.get("unit"))
    q = request.GET.get("q", "")[:100]
    works = selectors.public_work_list(unit=unit, district=district, search=q)
    page = Paginator(works, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = list(page.object_list)
    counts, districts = selectors.district_counts()
    cells = selectors.district_grid(counts)
    return render(
        request,
        "public/works.html",
        {
            "page_obj": page,
            "rows": rows,
            "districts": districts,
            "district": district,
            "q": q,
            "points": selectors.map_points(rows),
            "cells": cells,
        },
    )


@public_page
def stories_page(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "")[:100]
    page = Paginator(public_story_list(search=q), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request, "public/stories.html", {"page_obj": page, "rows": page.object_list, "q": q}
    )


@public_page
def story_page(request: HttpRequest, pk: int) -> HttpResponse:
    """A published story; anything else is a 404 (not a 403: nothing is told)."""
    try:
        story = public_story(pk)
    except Exemplar.DoesNotExist:
        raise Http404(_("Không tìm thấy câu chuyện.")) from None
    return render(
        request, "public/story.html", {"story": story, "photos": list(story.photos.all())}
    )


@public_page
def photo_view(request: HttpRequest, photo_pk: int) -> FileResponse:
    """A photo of a published story (a 404 for any other photo)."""
    photo = ExemplarPhoto.objects.filter(
        pk=photo_pk, exemplar__in=published_exemplars().values("pk")
    ).first()
    if photo is None:
        raise Http404
    return stored_file_response(
        photo.file, content_type=photo.content_type, filename=f"anh-{photo.pk}", as_attachment=False
    )


@public_page
def rankings_page(request: HttpRequest) -> HttpResponse:
    return render(request, "public/rankings.html", {"rankings": selectors.public_rankings()})


@public_page
def decisions_page(request: HttpRequest) -> HttpResponse:
    """Issued decisions, ``selectors.DECISIONS_PER_PAGE`` a page."""
    found = selectors.public_decisions(request.GET.get("page"))
    if found is None:
        return render(request, "public/decisions.html", {"decisions": None})
    page, decisions = found
    return render(request, "public/decisions.html", {"decisions": decisions, "page_obj": page})


@public_page
def postings_page(request: HttpRequest) -> HttpResponse:
    """Shortlists of proposals to the State posted for public comment (R15; Luật Thi đua,
    khen thưởng 2022 Điều 84 khoản 5): names, units, forms and the posting's dates and
    where to send comments. Comments are received by the Ban TĐKT by post, e-mail, the
    portal or in person, and recorded there; this page takes no input."""
    page = Paginator(posted_shortlists(), 10).get_page(request.GET.get("page"))
    return render(
        request,
        "public/postings.html",
        {"page_obj": page, "rows": list(page.object_list), "today": timezone.localdate()},
    )
