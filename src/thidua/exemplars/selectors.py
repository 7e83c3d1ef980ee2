"""Reads of exemplary models. Every page and API call starts from ``exemplars_visible_to``
(staff) or ``published_exemplars`` (the public site)."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from thidua.accounts.selectors import reach_of
from thidua.campaigns.models import CampaignStatus
from thidua.core.text import fold
from thidua.exemplars.models import Exemplar, ExemplarPhoto, ExemplarState
from thidua.organisations.selectors import unit_scope_q

#: What a list row shows besides the story itself (one join each).
ROW_RELATED = ("unit", "place", "content_area", "campaign")


def published_exemplars() -> QuerySet[Exemplar]:
    """Published stories of campaigns that are not drafts: what the public site shows.

    Publicity of the exemplary models chosen for the media (KH 128 IV.5; Luật TĐKT 2022
    Điều 5: công khai, minh bạch). Nothing else about a story is public.
    """
    return Exemplar.objects.filter(state=ExemplarState.PUBLISHED).exclude(
        campaign__status=CampaignStatus.DRAFT
    )


def exemplars_visible_to(user: Any) -> QuerySet[Exemplar]:
    """Published stories for everyone; drafts and stories under review for the staff of the
    units the user's roles cover (the Ban TĐKT and leaders: their province). Never a
    sibling unit's unpublished story."""
    if not getattr(user, "is_authenticated", False):
        return published_exemplars()
    if reach_of(user).is_admin:
        return Exemplar.objects.all()
    own = Exemplar.objects.filter(unit_scope_q(user, prefix="unit__")).values("pk")
    return Exemplar.objects.filter(Q(pk__in=published_exemplars().values("pk")) | Q(pk__in=own))


def with_photos(stories: QuerySet[Exemplar]) -> QuerySet[Exemplar]:
    """Stories with their photos prefetched in order (one query for all)."""
    return stories.prefetch_related(
        Prefetch("photos", queryset=ExemplarPhoto.objects.order_by("position", "pk"))
    )


def exemplar_list(
    user: Any,
    *,
    state: str = "",
    campaign: int | None = None,
    content_area: int | None = None,
    search: str = "",
) -> QuerySet[Exemplar]:
    """Visible stories, filtered, newest first, with what a row shows (fixed queries)."""
    stories = exemplars_visible_to(user).select_related(*ROW_RELATED)
    if state:
        stories = stories.filter(state=state)
    if campaign:
        stories = stories.filter(campaign_id=campaign)
    if content_area:
        stories = stories.filter(content_area_id=content_area)
    for word in fold(search).split():
        stories = stories.filter(search_text__contains=word)
    return with_photos(stories).order_by("-updated_at", "-pk")


def exemplar_detail(user: Any, pk: int) -> Exemplar:
    """One visible story with its photos and history (``Exemplar.DoesNotExist`` otherwise)."""
    return (
        with_photos(exemplars_visible_to(user))
        .select_related(*ROW_RELATED, "campaign__issuer_unit", "source_work", "created_by")
        .prefetch_related("events__actor")
        .get(pk=pk)
    )


def public_story_list(*, content_area: int | None = None, search: str = "") -> QuerySet[Exemplar]:
    """Published stories, newest first, with their tags and photos (fixed queries)."""
    stories = published_exemplars().select_related(*ROW_RELATED)
    if content_area:
        stories = stories.filter(content_area_id=content_area)
    for word in fold(search).split():
        stories = stories.filter(search_text__contains=word)
    return with_photos(stories).order_by("-published_at", "-pk")


def public_story(pk: int) -> Exemplar:
    """One published story (``Exemplar.DoesNotExist`` for any other: a 404)."""
    return with_photos(published_exemplars().select_related(*ROW_RELATED)).get(pk=pk)
