"""Every URL pattern asked by two signed-in outsiders of a province's data: a unit officer
of another commune, and the Ban TĐKT of another province (issue 15, "make it a habit").

The province's objects (a campaign, a work, a nominee and its nomination, all of Xã A1)
get the id ``TARGET`` and every path argument is filled with it. Each answer must be a
refusal, or must not contain the objects' identifying text (the work's title, the
nominee's name). Each URL name has an expectation in ``tests/auth_matrix_roles.py``
(``refuse``: both outsiders are refused; ``scoped``: the page answers the visitor with
their own data): a new URL without one fails the test, named.
"""

from __future__ import annotations

import os

import pytest
from django.test import Client
from django.urls import Resolver404, resolve

from tests.auth_matrix_roles import EXPECTED
from tests.factories import CampaignFactory, Province, member
from tests.factories.decisions import (
    NominationFactory,
    PhaseFactory,
    nominee,
    other_province_home_affairs,
)
from tests.factories.works import WorkFactory
from tests.url_patterns import routes
from thidua.accounts.models import Role, Scope

TARGET = 4242
SECRETS = ("Công trình Mật Tám Chín", "Nguyễn Thị Mật")
PUBLIC_PREFIXES = ("/public/", "/static/", "/media/")
REFUSED = {302, 400, 401, 403, 404, 405}


@pytest.mark.django_db
def test_every_url_refuses_outsiders_or_shows_them_nothing_of_the_province(
    province: Province,
) -> None:
    campaign = CampaignFactory(id=TARGET, issuer_unit=province.root)
    phase = PhaseFactory(campaign=campaign)
    WorkFactory(id=TARGET, campaign=campaign, unit=province.commune_a1, title=SECRETS[0])
    person = nominee(province.commune_a1, SECRETS[1], id=TARGET)
    NominationFactory(id=TARGET, campaign=campaign, phase=phase, nominee=person)
    outsiders = {
        "commune officer": member(province.commune_b1, Role.UNIT_OFFICER),
        "other province's Ban TĐKT": member(
            other_province_home_affairs(), Role.SECRETARIAT, Scope.SUBTREE
        ),
    }
    clients = {}
    for who, user in outsiders.items():
        clients[who] = Client()
        clients[who].force_login(user)

    missing, leaks, opened, seen = [], [], [], {}
    for route in routes():
        if route.path.startswith(PUBLIC_PREFIXES) or "(" in route.path or not route.name:
            continue
        path = route.filled(str(TARGET))
        try:
            name = resolve(path).view_name  # with its namespace: "works:detail"
        except Resolver404:
            continue
        expected = EXPECTED.get(name)
        if expected is None:
            missing.append(name)
        for who, client in clients.items():
            response = client.get(path)
            refused = response.status_code in REFUSED
            seen.setdefault(name, []).append(refused)
            if expected == "refuse" and not refused:
                opened.append(f"{name} {path} → {response.status_code} for the {who}")
            if response.streaming:
                # Read to the end: the test client then closes it without ending the
                # request's connection (``response.close()`` would, on PostgreSQL).
                b"".join(response.streaming_content)
            elif not refused:
                body = response.content.decode(errors="replace")
                leaks += [f"{name} {path} shows “{s}” to the {who}" for s in SECRETS if s in body]

    if os.environ.get("THIDUA_MATRIX_WRITE"):  # print a starting table for new names
        for name in sorted(seen):
            print(f'    "{name}": "{"refuse" if all(seen[name]) else "scoped"}",')  # noqa: T201
    assert leaks == [], "\n".join(leaks)
    assert opened == [], "expected a refusal:\n" + "\n".join(opened)
    assert missing == [], (
        "URL names with no expectation in tests/auth_matrix_roles.py (add “refuse” or "
        "“scoped”): " + ", ".join(sorted(set(missing)))
    )
