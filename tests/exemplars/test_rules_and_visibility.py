"""Who may draft, edit, submit, approve and publish a story, and who sees it (leak tests:
a sibling commune, another district, another province never see an unpublished story)."""

from __future__ import annotations

from itertools import product

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.factories.exemplars import story_data, story_in
from thidua.core.errors import NotPermitted
from thidua.exemplars import workflow
from thidua.exemplars.models import ExemplarState
from thidua.exemplars.selectors import exemplars_visible_to

AUTHORS = {"a1_officer", "a1_head", "secretariat", "admin"}
APPROVERS = {"secretariat", "admin"}
EVERYONE = [
    "a1_officer",
    "a1_head",
    "a2_officer",
    "b1_officer",
    "district_a_officer",
    "district_a_head",
    "district_a_subtree",
    "district_b_officer",
    "health_officer",
    "secretariat",
    "leader",
    "admin",
    "other_secretariat",
]


@pytest.mark.parametrize("who", EVERYONE)
def test_who_may_draft_for_commune_a1(kh, people, province, who):
    actor = getattr(people, who)
    if who in AUTHORS:
        story = workflow.exemplar_create(
            actor=actor, campaign=kh.campaign, unit=province.commune_a1, data=story_data()
        )
        assert story.state == ExemplarState.DRAFT
    else:
        with pytest.raises(NotPermitted):
            workflow.exemplar_create(
                actor=actor, campaign=kh.campaign, unit=province.commune_a1, data=story_data()
            )


@pytest.mark.parametrize(("who", "step"), list(product(EVERYONE, ["submit", "approve", "publish"])))
def test_permission_matrix_of_the_workflow(kh, people, province, who, step):
    source = {
        "submit": ExemplarState.DRAFT,
        "approve": ExemplarState.SUBMITTED,
        "publish": ExemplarState.APPROVED,
    }[step]
    story = story_in(source, kh, people, province.commune_a1)
    actor = getattr(people, who)
    call = getattr(workflow, f"exemplar_{step}")
    allowed = AUTHORS if step == "submit" else APPROVERS

    if who in allowed:
        assert call(actor=actor, exemplar=story).state != source
    else:
        with pytest.raises(NotPermitted):
            call(actor=actor, exemplar=story)


def test_edit_only_by_the_author_side_and_only_while_editable(kh, people, province):
    story = story_in(ExemplarState.DRAFT, kh, people, province.commune_a1)

    with pytest.raises(NotPermitted):
        workflow.exemplar_update(actor=people.a2_officer, exemplar=story, data=story_data(2))
    edited = workflow.exemplar_update(actor=people.a1_officer, exemplar=story, data=story_data(2))
    assert edited.title == story_data(2).title

    submitted = workflow.exemplar_submit(actor=people.a1_officer, exemplar=edited)
    from thidua.core.errors import DomainError

    with pytest.raises(DomainError) as refused:
        workflow.exemplar_update(actor=people.a1_officer, exemplar=submitted, data=story_data(3))
    assert refused.value.code == "not_editable"


def test_visibility_of_unpublished_and_published_stories(kh, people, province):
    draft = story_in(ExemplarState.DRAFT, kh, people, province.commune_a1, n=0)
    submitted = story_in(ExemplarState.SUBMITTED, kh, people, province.commune_a1, n=1)
    published = story_in(ExemplarState.PUBLISHED, kh, people, province.commune_a1, n=2)
    private = {draft.pk, submitted.pk}

    def seen(user) -> set[int]:
        return set(exemplars_visible_to(user).values_list("pk", flat=True))

    for who in ("a1_officer", "a1_head", "district_a_subtree", "secretariat", "leader", "admin"):
        assert seen(getattr(people, who)) == private | {published.pk}, who
    for who in ("a2_officer", "b1_officer", "district_b_officer", "other_secretariat"):
        assert seen(getattr(people, who)) == {published.pk}, who
    assert seen(AnonymousUser()) == {published.pk}


def test_draft_campaign_stories_are_not_public(kh, people, province):
    published = story_in(ExemplarState.PUBLISHED, kh, people, province.commune_a1)
    kh.campaign.status = "draft"
    kh.campaign.save()

    assert not exemplars_visible_to(AnonymousUser()).filter(pk=published.pk).exists()
