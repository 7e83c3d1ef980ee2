"""Users and their memberships (role and scope in a unit)."""

from __future__ import annotations

import factory

from tests.factories.organisations import UnitFactory
from thidua.accounts.models import Membership, Role, Scope, User
from thidua.organisations.models import Unit


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn {n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "mat-khau-thu")

    @factory.post_generation
    def saved(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            self.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    unit = factory.SubFactory(UnitFactory)
    role = Role.UNIT_OFFICER
    scope = Scope.UNIT


def member(
    unit: Unit, role: str = Role.UNIT_OFFICER, scope: str = Scope.UNIT, **kw: object
) -> User:
    """A new user holding ``role`` in ``unit``."""
    return MembershipFactory(unit=unit, role=role, scope=scope, **kw).user
