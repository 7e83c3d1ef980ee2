"""Who may have an export job's file (``core.rules.may_download_export``) and what every
registered export kind declares for it (``ExportKind.grants``). The pages' side, with
the real worker, is in tests/decisions/test_history_export_rights.py."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.factories import MembershipFactory, UnitFactory, UserFactory
from thidua.accounts.models import Role, Scope
from thidua.core.exports import export_kinds
from thidua.core.models import ExportJob, ExportJobState
from thidua.core.rules import may_download_export

pytestmark = pytest.mark.django_db


def test_every_registered_kind_names_the_rights_its_rows_rest_on() -> None:
    unit = UnitFactory()
    officer = MembershipFactory(unit=unit).user
    admin = MembershipFactory(unit=unit, role=Role.ADMIN, scope=Scope.SUBTREE).user
    nobody = UserFactory()

    kinds = export_kinds()

    assert {kind.key for kind in kinds} == {"award_history", "works"}
    for kind in kinds:
        assert kind.grants(AnonymousUser()) == frozenset(), kind.key
        assert kind.grants(nobody) == frozenset(), kind.key
        assert f"unit:{unit.pk}" in kind.grants(officer), kind.key
        assert kind.grants(admin) == {"admin"}, kind.key


def _job(user: object, **fields: object) -> ExportJob:
    return ExportJob.objects.create(requested_by=user, state=ExportJobState.DONE, **fields)


def test_the_requester_holding_every_recorded_right_may_download() -> None:
    unit = UnitFactory()
    officer = MembershipFactory(unit=unit).user
    job = _job(officer, kind="works", grants=[f"unit:{unit.pk}", f"approves:{unit.pk}"])

    assert may_download_export(officer, job)


def test_a_job_not_started_needs_some_right_to_the_export() -> None:
    officer = MembershipFactory(unit=UnitFactory()).user
    nobody = UserFactory()

    assert may_download_export(officer, _job(officer, kind="works"))
    assert not may_download_export(nobody, _job(nobody, kind="works"))


def test_a_deactivated_requester_is_refused_whatever_their_roles() -> None:
    unit = UnitFactory()
    officer = MembershipFactory(unit=unit).user
    job = _job(officer, kind="works", grants=[f"unit:{unit.pk}"])
    officer.is_active = False
    officer.save()

    assert not may_download_export(officer, job)


def test_someone_else_and_a_kind_no_app_registers_are_refused() -> None:
    unit = UnitFactory()
    officer = MembershipFactory(unit=unit).user
    colleague = MembershipFactory(unit=unit).user
    job = _job(officer, kind="works", grants=[f"unit:{unit.pk}"])
    gone = _job(officer, kind="retired_export", grants=[])

    assert not may_download_export(colleague, job)
    assert not may_download_export(officer, gone)


def test_no_import_shares_a_key_with_an_export() -> None:
    # Both are ExportJob rows told apart by their kind: a shared key made the works
    # register's export page look for an import's campaign.
    from thidua.core import imports

    assert {"works-import", "nominations-import"} <= set(imports._KINDS)
    exports = {kind.key for kind in export_kinds()}
    assert "works" in exports
    assert set(imports._KINDS) & exports == set()
