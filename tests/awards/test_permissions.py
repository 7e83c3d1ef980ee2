"""Who may take each step (every role × every action) and who sees what (leak tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from tests.factories.awards import Kh, NominationFactory, NomineeFactory, People, full_dossier
from thidua.awards import services
from thidua.awards.models import Nomination, NominationState
from thidua.awards.selectors import nominations_visible_to
from thidua.core.errors import DomainError, NotPermitted

S = NominationState
ACTIONS: dict[str, tuple[str, Callable[..., object]]] = {
    "submit": (S.DRAFT, lambda n, u: services.nomination_submit(n, by=u)),
    "review_start": (S.SUBMITTED, lambda n, u: services.nomination_review_start(n, by=u)),
    "return": (S.UNDER_REVIEW, lambda n, u: services.nomination_return(n, by=u, reason="Thiếu")),
    "send_to_council": (S.UNDER_REVIEW, lambda n, u: services.nomination_send_to_council(n, by=u)),
    "approve": (S.TO_COUNCIL, lambda n, u: services.nomination_approve(n, by=u)),
    "reject": (S.TO_COUNCIL, lambda n, u: services.nomination_reject(n, by=u)),
    "mark_decided": (
        S.APPROVED,
        lambda n, u: services.nomination_mark_decided(n, by=u, decision_ref="1/QĐ"),
    ),
    "withdraw": (S.SUBMITTED, lambda n, u: services.nomination_withdraw(n, by=u, reason="Rút")),
}
ALLOWED = {
    "submit": {"head"},
    "review_start": {"secretariat"},
    "return": {"secretariat"},
    "send_to_council": {"secretariat"},
    "approve": {"secretariat"},
    "reject": {"secretariat"},
    "mark_decided": {"secretariat"},
    "withdraw": {"head", "secretariat"},
}
ROLES = ["officer", "head", "sibling_officer", "sibling_head", "secretariat", "leader", "council", "district_officer", "stranger"]  # fmt: skip


def _nomination(kh: Kh, state: str) -> Nomination:
    p = kh.province
    nomination = NominationFactory(
        campaign=kh.campaign, phase=kh.phase1, proposer_unit=p.health, grantor_unit=p.root,
        nominee=NomineeFactory(unit=p.health), state=state,
    )  # fmt: skip
    full_dossier(nomination)
    return nomination


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(ACTIONS))
def test_permission_matrix(kh: Kh, people: People, role: str, action: str) -> None:
    state, run = ACTIONS[action]
    nomination = _nomination(kh, state)
    user = getattr(people, role)

    try:
        run(nomination, user)
        outcome = "done"
    except NotPermitted:
        outcome = "denied"
    except DomainError as exc:  # a blocking check, not a permission question
        outcome = f"refused: {exc.message}"

    nomination.refresh_from_db()
    if role in ALLOWED[action]:
        assert outcome == "done"
    else:
        assert outcome == "denied"
        assert nomination.state == state


def test_editing_is_for_the_proposing_units_staff_only(kh: Kh, people: People) -> None:
    nomination = _nomination(kh, S.DRAFT)

    services.nomination_update(nomination, by=people.officer, summary="Của đơn vị")
    for outsider in (people.sibling_officer, people.secretariat, people.district_officer):
        with pytest.raises(NotPermitted):
            services.nomination_update(nomination, by=outsider, summary="Người ngoài")


def test_visibility_own_unit_overseers_after_submit_never_sideways(kh: Kh, people: People) -> None:
    draft = _nomination(kh, S.DRAFT)
    sent = _nomination(kh, S.SUBMITTED)
    Nomination.objects.filter(pk=sent.pk).update(submitted_on="2025-03-01")

    def seen(user: object) -> set[int]:
        return set(nominations_visible_to(user).values_list("pk", flat=True))

    assert seen(people.officer) == {draft.pk, sent.pk}
    assert seen(people.secretariat) == seen(people.leader) == seen(people.council) == {sent.pk}
    assert seen(people.sibling_officer) == seen(people.sibling_head) == set()
    assert seen(people.district_officer) == seen(people.stranger) == set()


def test_district_officer_with_subtree_sees_its_communes_only(kh: Kh, people: People) -> None:
    p = kh.province
    mine = NominationFactory(
        campaign=kh.campaign, phase=kh.phase1, proposer_unit=p.commune_a1, grantor_unit=p.district_a
    )
    NominationFactory(
        campaign=kh.campaign, phase=kh.phase1, proposer_unit=p.commune_b1, grantor_unit=p.district_b
    )

    assert set(nominations_visible_to(people.district_officer)) == {mine}


def test_sibling_nomination_invisible_on_pages_and_api(kh: Kh, people: People) -> None:
    nomination = _nomination(kh, S.DRAFT)
    client, api = Client(), APIClient()
    client.force_login(people.sibling_officer)
    api.force_authenticate(people.sibling_officer)

    detail = client.get(reverse("awards:detail", args=[nomination.pk]))
    listing = client.get(reverse("awards:index"))
    api_detail = api.get(f"/api/v1/nominations/{nomination.pk}/")
    api_list = api.get("/api/v1/nominations/")
    action = api.post(f"/api/v1/nominations/{nomination.pk}/submit/")

    assert detail.status_code == 404
    assert nomination.nominee.name not in listing.content.decode()
    assert api_detail.status_code == 404 and api_list.json()["results"] == []
    assert action.status_code == 404
    nomination.refresh_from_db()
    assert nomination.state == S.DRAFT
