"""Hand-over of the ranking's proposals to commendation as nominations."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import PhaseFactory
from tests.factories.scoring import Cluster, make_set, manual_entries, reviewer_for, self_submit
from thidua.awards.loading import award_forms_load_shipped
from thidua.awards.models import Nomination
from thidua.core.errors import DomainError, NotPermitted
from thidua.scoring import services
from thidua.scoring.handover import ranking_hand_over
from thidua.scoring.models import CriteriaSet, Proposal
from thidua.scoring.ranking import ranking_publish

pytestmark = pytest.mark.django_db


def _published(c: Cluster) -> CriteriaSet:
    award_forms_load_shipped()
    PhaseFactory(campaign=c.campaign, start=dt.date(2025, 5, 1), end=dt.date(2025, 9, 30))
    cs = make_set(c)
    cs.flag_count, cs.merit_count = 1, 1
    cs.save()
    for unit in c.units:
        sheet = self_submit(c, cs, unit)
        share = {c.members[0]: "1", c.members[1]: "0.9"}.get(unit, "0.5")
        entries = manual_entries(cs, share=Decimal(share))
        sheet = services.sheet_review(actor=reviewer_for(c, unit), sheet=sheet, entries=entries)
        services.sheet_confirm(actor=c.secretariat, sheet=sheet)
    ranking_publish(actor=c.secretariat, criteria_set=cs)
    return cs


def test_the_leading_unit_hands_the_proposals_over_once(cluster: Cluster) -> None:
    cs = _published(cluster)
    head = cluster.heads[cluster.leader.pk]

    created = ranking_hand_over(actor=head, criteria_set=cs)

    nominations = {
        n.nominee.unit.code: n for n in Nomination.objects.select_related("nominee__unit", "form")
    }
    assert created == 2
    assert nominations["P-C"].form.code == "co-thi-dua-tinh"
    assert nominations["P-D"].form.code == "bang-khen-tinh"
    assert nominations["P-C"].proposer_unit == cluster.leader
    assert nominations["P-C"].basis == "annual"
    rows = {r.unit.code: r for r in cs.ranking.rows.all()}
    assert (
        rows["P-C"].proposal == Proposal.FLAG and rows["P-C"].nomination_id == nominations["P-C"].pk
    )
    with pytest.raises(DomainError, match="Đề nghị đã được chuyển"):
        ranking_hand_over(actor=head, criteria_set=cs)


def test_others_cannot_hand_over(cluster: Cluster) -> None:
    cs = _published(cluster)

    for actor in (
        cluster.secretariat,
        cluster.heads[cluster.members[0].pk],
        cluster.cluster_leader,
    ):
        with pytest.raises(NotPermitted, match="Đơn vị trưởng cụm, khối lập đề nghị"):
            ranking_hand_over(actor=actor, criteria_set=cs)

    assert not Nomination.objects.exists()


def test_hand_over_before_the_ranking_is_published_refused(cluster: Cluster) -> None:
    award_forms_load_shipped()
    PhaseFactory(campaign=cluster.campaign, start=dt.date(2025, 5, 1), end=dt.date(2025, 9, 30))
    cs = make_set(cluster)
    head = cluster.heads[cluster.leader.pk]
    client = Client()
    client.force_login(head)

    with pytest.raises(DomainError, match="Bảng xếp hạng chưa được công bố") as refused:
        ranking_hand_over(actor=head, criteria_set=cs)
    page = client.post(reverse("scoring:hand_over", args=[cs.pk]), follow=True)

    assert refused.value.code == "not_published"
    assert page.status_code == 200
    assert "Bảng xếp hạng chưa được công bố" in page.content.decode()
    assert not Nomination.objects.exists()
