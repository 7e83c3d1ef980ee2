"""A large nomination list imported by a job on the worker (``core.imports``, issue #16).

The upload page keeps a list of up to ``settings.IMPORT_DIRECT_ROWS`` rows in the request;
a longer one is stored privately and imported by the worker, with the uploader's rights
checked again there (the unit among their own, the campaign among the unit's), all or
nothing as in the request (``awards.excel.import_nominations``).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy

from thidua.awards.excel import import_nominations
from thidua.campaigns.selectors import campaigns_for_unit
from thidua.core.errors import NotPermitted
from thidua.core.imports import ImportKind, ImportSteps
from thidua.organisations.selectors import staff_units

KIND = "nominations-import"


def _exactly(options: Sequence[Any], pk: Any) -> Any:
    """The option ``pk`` (never another one, as a page's picker would fall back to)."""
    found = next((option for option in options if option.pk == pk), None)
    if found is None:
        raise NotPermitted()
    return found


def _run(user: Any, parameters: dict[str, Any], content: bytes, steps: ImportSteps) -> list[str]:
    """The import as the uploader may still make it (``NotPermitted`` otherwise)."""
    unit = _exactly(staff_units(user), parameters.get("unit"))
    campaign = _exactly(campaigns_for_unit(user, unit), parameters.get("campaign"))
    result = import_nominations(
        by=user,
        campaign=campaign,
        unit=unit,
        stream=io.BytesIO(content),
        size=len(content),
        progress=steps.progress,
        before_commit=steps.commit,
    )
    return result.errors


def _back(parameters: dict[str, Any]) -> str:
    query = {key: parameters[key] for key in ("unit", "campaign") if key in parameters}
    return f"{reverse('awards:excel_upload')}?{urlencode(query)}"


NOMINATIONS_IMPORT = ImportKind(
    key=KIND,
    label=gettext_lazy("Danh sách đề nghị khen thưởng"),
    run=_run,
    back=_back,
)
