"""The registration workflow: the table, who may act, entries, events."""

from __future__ import annotations

import pytest

from tests.factories.registrations import collective, person, registration_in
from thidua.awards.models import Nominee, SubjectKind
from thidua.core.errors import DomainError, NotPermitted
from thidua.registrations.models import (
    Registration,
    RegistrationEntry,
    RegistrationEvent,
    RegistrationState,
)
from thidua.registrations.transitions import TRANSITIONS, Action, Actor
from thidua.registrations.workflow import (
    WORKFLOW,
    entry_add,
    entry_remove,
    registration_accept,
    registration_open,
    registration_return,
    registration_submit,
)

S = RegistrationState


def test_table_every_state_and_action():
    expected = {
        (S.DRAFT, Action.SUBMIT): (S.SUBMITTED, Actor.HEAD),
        (S.RETURNED, Action.SUBMIT): (S.SUBMITTED, Actor.HEAD),
        (S.SUBMITTED, Action.RETURN): (S.RETURNED, Actor.SECRETARIAT),
        (S.SUBMITTED, Action.ACCEPT): (S.ACCEPTED, Actor.SECRETARIAT),
    }
    for state in S:
        for action in Action:
            move = WORKFLOW.move_for(state, action)
            if (state, action) in expected:
                assert (move.target, move.who) == expected[(state, action)]
            else:
                assert move is None

    assert expected == TRANSITIONS


def test_officer_prepares_and_head_submits(province, people):
    registration = registration_open(actor=people.a1_officer, unit=province.commune_a1, year=2026)
    entry_add(actor=people.a1_officer, registration=registration, data=person("Lê Văn Tám"))
    entry_add(actor=people.a1_officer, registration=registration, data=collective())

    with pytest.raises(NotPermitted):
        registration_submit(actor=people.a1_officer, registration=registration)
    submitted = registration_submit(actor=people.a1_head, registration=registration)

    assert submitted.state == S.SUBMITTED
    assert submitted.submitted_by == people.a1_head
    assert submitted.submitted_at is not None
    names = sorted(e.nominee.name for e in submitted.entries.all())
    assert names == ["Lê Văn Tám", "Xã Phong Phú"]
    tam = Nominee.objects.get(name="Lê Văn Tám")
    assert (tam.unit, tam.kind, tam.birth_year) == (
        province.commune_a1,
        SubjectKind.INDIVIDUAL,
        1985,
    )
    kinds = list(
        RegistrationEvent.objects.filter(registration=registration).values_list("kind", "to_state")
    )
    assert kinds == [("create", ""), ("entry_add", ""), ("entry_add", ""), ("submit", "submitted")]


def test_empty_registration_is_not_submitted(province, people):
    registration = registration_open(actor=people.a1_officer, unit=province.commune_a1, year=2026)

    with pytest.raises(DomainError, match="chưa có danh hiệu"):
        registration_submit(actor=people.a1_head, registration=registration)

    assert Registration.objects.get(pk=registration.pk).state == S.DRAFT


def test_secretariat_returns_and_the_unit_resubmits(province, people):
    registration = registration_in(
        S.SUBMITTED, province.commune_a1, people.a1_officer, people.a1_head
    )

    with pytest.raises(DomainError, match="lý do"):
        registration_return(actor=people.secretariat, registration=registration, reason=" ")
    with pytest.raises(NotPermitted):
        registration_accept(actor=people.a1_head, registration=registration)
    returned = registration_return(
        actor=people.secretariat, registration=registration, reason="Thiếu CSTĐ"
    )
    entry_add(actor=people.a1_officer, registration=returned, data=person("Võ Thị Sáu", "cstdcs"))
    again = registration_submit(actor=people.a1_head, registration=returned)
    accepted = registration_accept(actor=people.secretariat, registration=again)

    assert accepted.state == S.ACCEPTED
    assert accepted.return_reason == ""
    assert accepted.entries.count() == 2


def test_submitted_registration_is_not_edited(province, people):
    registration = registration_in(
        S.SUBMITTED, province.commune_a1, people.a1_officer, people.a1_head
    )
    entry = registration.entries.get()

    with pytest.raises(DomainError, match="đã gửi"):
        entry_add(actor=people.a1_officer, registration=registration, data=person("Ai Đó"))
    with pytest.raises(DomainError, match="đã gửi"):
        entry_remove(actor=people.a1_officer, entry=entry)

    assert registration.entries.count() == 1


def test_sibling_may_not_prepare_or_submit(province, people):
    registration = registration_in(S.DRAFT, province.commune_a1, people.a1_officer, people.a1_head)

    with pytest.raises(NotPermitted):
        registration_open(actor=people.a2_head, unit=province.commune_a1, year=2027)
    with pytest.raises(NotPermitted):
        entry_add(actor=people.a2_head, registration=registration, data=person("Ai Đó"))
    with pytest.raises(NotPermitted):
        registration_submit(actor=people.a2_head, registration=registration)

    assert not Registration.objects.filter(year=2027).exists()
    assert Registration.objects.get(pk=registration.pk).state == S.DRAFT


def test_duplicate_entry_and_wrong_title_are_refused(province, people):
    registration = registration_in(S.DRAFT, province.commune_a1, people.a1_officer, people.a1_head)

    with pytest.raises(DomainError, match="đã đăng ký"):
        entry_add(actor=people.a1_officer, registration=registration, data=person("Nguyễn Thị Hoa"))
    with pytest.raises(DomainError, match="không phải danh hiệu"):
        entry_add(
            actor=people.a1_officer, registration=registration, data=person("Bà Ba", "ttldtt")
        )
    with pytest.raises(DomainError, match="không phải danh hiệu"):
        entry_add(
            actor=people.a1_officer,
            registration=registration,
            data=person("Bà Ba", "bang-khen-tinh"),
        )

    assert RegistrationEntry.objects.filter(registration=registration).count() == 1


def test_open_is_idempotent(province, people):
    first = registration_open(actor=people.a1_officer, unit=province.commune_a1, year=2026)

    second = registration_open(actor=people.a1_head, unit=province.commune_a1, year=2026)

    assert first.pk == second.pk
    assert RegistrationEvent.objects.filter(registration=first, kind="create").count() == 1
