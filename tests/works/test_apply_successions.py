"""Works follow the recorded successions of the 2025 reorganisation."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import CommandError, call_command

from tests.factories import UnitFactory
from tests.factories.works import WorkFactory
from thidua.organisations.models import UnitKind, UnitSuccession
from thidua.works.models import WorkState
from thidua.works.reorganisation import works_apply_successions


def make_work(kh, unit, *, state):
    return WorkFactory(campaign=kh.campaign, unit=unit, state=state)


def test_district_dissolved_hands_open_works_and_approvals_to_successor(kh, province, people):
    successor = UnitFactory(code="NEW", kind=UnitKind.PROVINCE)
    UnitSuccession.objects.create(
        predecessor=province.district_a,
        successor=successor,
        effective=dt.date(2025, 7, 1),
        kind="dissolve",
    )
    own = make_work(kh, province.district_a, state=WorkState.IN_PROGRESS)
    done = make_work(kh, province.district_a, state=WorkState.COMPLETED)
    commune = make_work(kh, province.commune_a1, state=WorkState.SUBMITTED)

    before = works_apply_successions(on=dt.date(2025, 6, 30))
    applied = works_apply_successions(on=dt.date(2025, 7, 1))
    again = works_apply_successions(on=dt.date(2025, 7, 2))

    own.refresh_from_db()
    done.refresh_from_db()
    commune.refresh_from_db()
    assert before == []
    assert [(o.code, n.code, m) for o, n, m in applied] == [("P-A", "NEW", 1)]
    assert again == []
    assert own.unit == successor and own.registrant_unit == province.district_a
    assert done.unit == province.district_a
    assert commune.approver_unit == successor
    assert own.events.filter(kind="moved").count() == 1


def test_split_unit_is_left_for_a_person(kh, province):
    for code in ("S1", "S2"):
        UnitSuccession.objects.create(
            predecessor=province.district_b,
            successor=UnitFactory(code=code),
            effective=dt.date(2025, 7, 1),
            kind="split",
        )
    work = make_work(kh, province.district_b, state=WorkState.APPROVED)

    assert works_apply_successions(on=dt.date(2025, 8, 1)) == []
    work.refresh_from_db()
    assert work.unit == province.district_b


def test_command_rejects_a_bad_date(db):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("works_reorganise", "--date", "01/07/2025")
