"""Annual registrations: the people of a small province who prepare, submit and receive
them, and the steps that drive a registration to a state."""

from __future__ import annotations

from dataclasses import dataclass

from tests.factories.accounts import member
from tests.factories.organisations import Province
from thidua.accounts.models import Role, Scope, User
from thidua.awards.models import AwardForm, Gender, SubjectKind
from thidua.registrations.models import Registration, RegistrationState
from thidua.registrations.workflow import (
    EntryData,
    entry_add,
    registration_accept,
    registration_open,
    registration_return,
    registration_submit,
)


@dataclass
class People:
    """Officer and head of Sở Y tế and of two sibling communes; the Ban TĐKT; a leader."""

    health_officer: User
    health_head: User
    a1_officer: User
    a1_head: User
    a2_head: User
    secretariat: User
    leader: User


def people_of(province: Province) -> People:
    return People(
        health_officer=member(province.health),
        health_head=member(province.health, Role.UNIT_HEAD),
        a1_officer=member(province.commune_a1),
        a1_head=member(province.commune_a1, Role.UNIT_HEAD),
        a2_head=member(province.commune_a2, Role.UNIT_HEAD),
        secretariat=member(province.home_affairs, Role.SECRETARIAT, Scope.SUBTREE),
        leader=member(province.root, Role.LEADER),
    )


def form(code: str) -> AwardForm:
    return AwardForm.objects.get(code=code)


def person(name: str, code: str = "ldtt", **kw: object) -> EntryData:
    return EntryData(
        kind=SubjectKind.INDIVIDUAL,
        form=form(code),
        name=name,
        gender=str(kw.get("gender", Gender.FEMALE)),
        birth_year=kw.get("birth_year", 1985),  # type: ignore[arg-type]
        position=str(kw.get("position", "Chuyên viên")),
    )


def collective(code: str = "ttldtt", name: str = "") -> EntryData:
    return EntryData(kind=SubjectKind.COLLECTIVE, form=form(code), name=name)


def registration_in(
    state: str, unit, officer: User, head: User, year: int = 2026, *, secretariat: User | None = None,
    names: tuple[str, ...] = ("Nguyễn Thị Hoa",),
) -> Registration:  # fmt: skip
    """A registration of ``unit`` for ``year`` with one title per name, driven to ``state``."""
    registration = registration_open(actor=officer, unit=unit, year=year)
    for name in names:
        entry_add(actor=officer, registration=registration, data=person(name))
    if state == RegistrationState.DRAFT:
        return registration
    registration = registration_submit(actor=head, registration=registration)
    if state == RegistrationState.ACCEPTED:
        registration = registration_accept(actor=secretariat, registration=registration)
    elif state == RegistrationState.RETURNED:
        registration = registration_return(
            actor=secretariat, registration=registration, reason="Thiếu danh sách"
        )
    return registration
