"""Open nominations follow the successor of a merged or dissolved proposing unit
(`awards reorganise`): decided ones stay, a split unit is left to a person."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from tests.factories import UnitFactory
from tests.factories.decisions import NominationFactory, nominee
from thidua.awards.codes import EventKind
from thidua.awards.models import Nomination, NominationEvent, NominationState
from thidua.awards.reorganisation import nominations_apply_successions
from thidua.organisations.models import UnitKind, UnitSuccession

MERGED = dt.date(2025, 7, 1)


@pytest.fixture
def merged(db: None):  # type: ignore[no-untyped-def]
    old = UnitFactory(code="TV-CK-PHONG-PHU", kind=UnitKind.COMMUNE, valid_to=dt.date(2025, 6, 30))
    new = UnitFactory(code="29329", kind=UnitKind.COMMUNE, valid_from=MERGED)
    UnitSuccession.objects.create(predecessor=old, successor=new, effective=MERGED, kind="merge")
    return old, new


def test_open_nominations_move_to_the_successor_and_say_so(merged):
    old, new = merged
    open_one = NominationFactory(
        nominee=nominee(old, "Trần Văn Phú"), state=NominationState.SUBMITTED
    )
    decided = NominationFactory(nominee=nominee(old, "Lê Thị Sáu"), state=NominationState.DECIDED)

    applied = nominations_apply_successions(on=MERGED)

    assert applied == [(old, new, 1)]
    open_one.refresh_from_db()
    assert (open_one.proposer_unit, open_one.nominee.unit) == (new, old)
    assert Nomination.objects.get(pk=decided.pk).proposer_unit == old
    event = NominationEvent.objects.get(nomination=open_one, kind=EventKind.PROPOSER_MOVED)
    assert event.payload["from_unit"] == "TV-CK-PHONG-PHU"
    assert event.payload["to_unit"] == "29329"


def test_nothing_moves_before_the_date_or_twice(merged):
    old, _new = merged
    nomination = NominationFactory(
        nominee=nominee(old, "Trần Văn Phú"), state=NominationState.DRAFT
    )

    assert nominations_apply_successions(on=dt.date(2025, 6, 30)) == []
    nominations_apply_successions(on=MERGED)
    assert nominations_apply_successions(on=MERGED) == []
    assert NominationEvent.objects.filter(nomination=nomination).count() == 1


def test_a_split_unit_is_left_for_a_person(merged):
    old, _new = merged
    other = UnitFactory(code="29308", kind=UnitKind.COMMUNE, valid_from=MERGED)
    UnitSuccession.objects.create(predecessor=old, successor=other, effective=MERGED, kind="split")
    nomination = NominationFactory(
        nominee=nominee(old, "Trần Văn Phú"), state=NominationState.DRAFT
    )

    assert nominations_apply_successions(on=MERGED) == []
    assert Nomination.objects.get(pk=nomination.pk).proposer_unit == old


def test_command_prints_each_move(merged):
    old, _new = merged
    NominationFactory(nominee=nominee(old, "Trần Văn Phú"), state=NominationState.RETURNED)
    out = StringIO()

    call_command("awards", "reorganise", "--date", "2025-07-01", stdout=out)
    call_command("awards", "reorganise", "--date", "2025-07-01", stdout=out)

    assert "TV-CK-PHONG-PHU → 29329: 1 đề nghị chuyển sang." in out.getvalue()
    assert "Không có đề nghị nào cần chuyển." in out.getvalue()
