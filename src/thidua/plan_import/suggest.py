"""Suggestions for the fields a plan cannot state but the campaign file needs.

A plan never says its campaign ``code`` (a name for thidua) nor the code of its issuer in
the unit list. The review page shows these suggestions marked as such; they count only
once the person accepts them (services.draft_field_accept), never silently.
"""

from __future__ import annotations

import re
from typing import Any

from thidua.core.text import fold
from thidua.organisations.models import Unit

_KIND_SHORT = {"ke hoach": "kh", "chi thi": "ct", "quyet dinh": "qd", "huong dan": "hd"}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def suggest_code(data: dict[str, Any]) -> str:
    """``kh-128-2024-tra-vinh`` from the kind, number, year and place of the document."""
    document = data.get("document") if isinstance(data.get("document"), dict) else {}
    assert isinstance(document, dict)
    kind = _KIND_SHORT.get(fold(str(document.get("kind") or "Kế hoạch")), "kh")
    number = str(document.get("number") or "").split("/")[0]
    year = str(document.get("date") or "")[:4]
    place = _slug(str(document.get("place") or ""))
    parts = [kind, _slug(number), year, place]
    code = "-".join(part for part in parts if part)
    return code[:64] if len(parts[1] + year) else ""


def suggest_issuer_unit(data: dict[str, Any], *, unit: Unit | None) -> str:
    """The unit whose name is the issuer's, inside the importer's province; else the
    province itself (a provincial plan is issued by its Ủy ban nhân dân tỉnh)."""
    document = data.get("document") if isinstance(data.get("document"), dict) else {}
    assert isinstance(document, dict)
    issuer = fold(str(document.get("issuer") or ""))
    candidates = Unit.objects.all()
    if unit is not None:
        candidates = candidates.filter(path__startswith=unit.path)
    if issuer:
        for code, name in candidates.values_list("code", "name")[:5000]:
            if fold(name) == issuer:
                return str(code)
    return unit.code if unit is not None else ""


def suggestions_for(data: dict[str, Any], *, unit: Unit | None) -> dict[str, Any]:
    """The suggested values, by field path; empty ones left out."""
    out = {
        "code": suggest_code(data),
        "document.issuer_unit": suggest_issuer_unit(data, unit=unit),
    }
    return {path: value for path, value in out.items() if value}
