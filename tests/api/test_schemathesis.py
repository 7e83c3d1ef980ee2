"""A bounded schemathesis run against the API's own OpenAPI schema (issue 15, "make it a
habit"): every operation, with examples generated from the schema, called in-process as
a commune's unit officer (low privilege) and as an administrator, on the demo's data
(so lists and details answer with real rows, whose bodies are checked too). No answer may be a
server error, and every answer must match what the schema says of it (status code,
content type, body).

The run is bounded (a few examples per operation, derandomised) so that it costs about a
minute; ``THIDUA_SCHEMATHESIS_EXAMPLES`` raises it for a deeper run by hand. Each
operation runs its own Hypothesis search inside this one test (schemathesis's pytest
plugin does not run under this pytest), and every failure is collected before the test
fails, so one run lists them all.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from rest_framework.authtoken.models import Token
from schemathesis import Case
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.demo_database import DemoRun
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.demo_database("vinh_long")

EXAMPLES = int(os.environ.get("THIDUA_SCHEMATHESIS_EXAMPLES", "4"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
BOUNDED = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


def _exercise(operation: Any, tokens: dict[str, str], failures: list[str]) -> None:
    """Run ``operation``'s bounded search, adding what fails to ``failures``."""
    name = f"{operation.method.upper()} {operation.path}"

    @BOUNDED
    @given(case=operation.as_strategy())
    def run(case: Case) -> None:
        for who, key in tokens.items():
            try:
                case.call_and_validate(headers={"Authorization": f"Token {key}"}, checks=CHECKS)
            except (AssertionError, BaseExceptionGroup) as error:  # collected, reported below
                lines = [line.strip() for line in str(error).splitlines() if line.strip()]
                said = " | ".join(line for line in lines[:8] if not line.startswith("curl"))
                failures.append(f"{name} as {who}: {said}")
                return

    run()


def test_every_operation_answers_as_its_schema_says(demo: DemoRun) -> None:
    from thidua.accounts.models import User
    from thidua.wsgi import application

    officer = User.objects.get(username="canbo_xa_vl")  # Xã Cầu Kè's unit officer
    Token.objects.filter(user=officer).delete()
    tokens = {
        "officer": Token.objects.create(user=officer).key,
        "admin": Token.objects.create(user=UserFactory(is_staff=True, is_superuser=True)).key,
    }
    # The WSGI application, called straight, ends each request by closing "old"
    # connections, and on PostgreSQL that closes the test's own (inside its transaction):
    # disconnect it for the run, as Django's test client does for its requests.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", application)
        failures: list[str] = []
        operations = 0
        for result in schema.get_all_operations():
            operation = result.ok()
            operations += 1
            _exercise(operation, tokens, failures)
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)

    assert operations > 50, "the schema lost its operations"
    unique = sorted(set(failures))
    assert unique == [], f"{len(unique)} schema mismatches or errors:\n" + "\n".join(unique)
