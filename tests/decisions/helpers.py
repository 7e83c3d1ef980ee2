"""Steps tests repeat: draft, fill in and issue a decision."""

from __future__ import annotations

import datetime as dt
from typing import Any

from thidua.awards.models import AwardForm, Nomination
from thidua.decisions.models import Decision
from thidua.decisions.services import decision_draft, decision_edit, decision_issue
from thidua.organisations.models import Unit

NUMBER = "1234/QĐ-UBND"
DATE = dt.date(2025, 6, 5)


def draft(
    world: Any,
    *,
    form: AwardForm | None = None,
    grantor: Unit | None = None,
    nominations: list[Nomination] | None = None,
    actor: Any = None,
) -> Decision:
    return decision_draft(
        actor=actor or world.secretariat,
        campaign=world.campaign,
        form=form or world.bk,
        grantor_unit=grantor or world.province.root,
        phase=world.phase,
        nominations=[n.pk for n in nominations] if nominations is not None else None,
    )


def fill(
    world: Any,
    decision: Decision,
    *,
    number: str = NUMBER,
    date: dt.date = DATE,
    actor: Any = None,
    **kw: Any,
) -> Decision:
    values = {
        "signer_name": "Lê Văn Hẳn",
        "signer_title": "Chủ tịch",
        **kw,
    }
    return decision_edit(
        actor=actor or world.secretariat, decision=decision, number=number, date=date, **values
    )


def issued(world: Any, **kw: Any) -> Decision:
    """The Bằng khen decision 1234/QĐ-UBND of 05/6/2025 with all four nominations."""
    decision = fill(world, draft(world), **kw)
    return decision_issue(actor=world.secretariat, decision=decision)
