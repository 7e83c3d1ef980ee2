"""The lists that were constants are read from the rule data, by date: the forms the
province grants (its authorities) and the forms a Cụm/Khối ranking proposes."""

from __future__ import annotations

import datetime as dt

from tests.factories.awards import Kh
from thidua.awards.authority import form_for_ranking_proposal, province_grants
from thidua.awards.models import AwardAuthority, AwardRule
from thidua.awards.services import default_grantor

ON = dt.date(2025, 9, 30)


def test_the_province_grants_the_forms_its_authority_names(kh: Kh) -> None:
    granted = {
        code
        for code in ("bang-khen-tinh", "giay-khen", "ldtt", "cstdcs", "cstd-tinh", "ttldtt",
                     "ttldxs", "co-thi-dua-tinh")
        if province_grants(code, ON)
    }  # fmt: skip

    assert granted == {"bang-khen-tinh", "cstd-tinh", "ttldxs", "co-thi-dua-tinh"}
    assert not province_grants("bang-khen-tinh", dt.date(2023, 12, 31))


def test_a_form_the_province_stops_granting_gets_the_nearest_grantor(kh: Kh) -> None:
    p = kh.province
    ttldxs = AwardAuthority.objects.get(form__code="ttldxs")
    before = default_grantor(
        form=ttldxs.form, proposer_unit=p.health, subject_kind="collective", on=ON
    )

    ttldxs.grantor_kind = "department"
    ttldxs.save()
    after = default_grantor(
        form=ttldxs.form, proposer_unit=p.health, subject_kind="collective", on=ON
    )

    assert before == p.root and after == p.health


def test_ranking_proposals_name_their_forms_by_date(kh: Kh) -> None:
    flag, merit = form_for_ranking_proposal("flag", ON), form_for_ranking_proposal("merit", ON)

    assert flag is not None and flag.code == "co-thi-dua-tinh"
    assert merit is not None and merit.code == "bang-khen-tinh"
    assert form_for_ranking_proposal("merit", dt.date(2023, 12, 31)) is None
    AwardRule.objects.filter(form__code="bang-khen-tinh").update(ranking_proposal="")
    AwardRule.objects.filter(form__code="ttldxs").update(ranking_proposal="merit")
    moved = form_for_ranking_proposal("merit", ON)
    assert moved is not None and moved.code == "ttldxs"
