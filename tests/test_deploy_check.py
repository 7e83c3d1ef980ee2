"""docs/operations.md says the demo's secret key is caught by ``check --deploy``: it is."""

from __future__ import annotations

from django.conf import settings
from django.core import checks


def test_the_default_secret_key_is_reported_by_the_deploy_check() -> None:
    assert settings.SECRET_KEY.startswith("django-insecure-")  # the default in tests

    found = checks.run_checks(include_deployment_checks=True, tags=[checks.Tags.security])

    assert "security.W009" in {message.id for message in found}
