"""A large registration file imported by a job on the worker (``core.imports``, issue #16).

The upload page keeps a file of up to ``settings.IMPORT_DIRECT_ROWS`` rows in the request;
a longer one (checked or confirmed: the box "không trùng" travels with it) is stored
privately and imported by the worker with the uploader's rights checked again there (the
campaign visible to them, the unit one they register for, within the campaign), all or
nothing as in the request (``works.excel.registration_import``). Look-alikes found by the
job fail it with each row listed; the person ticks the box and uploads again.
"""

from __future__ import annotations

import io
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.campaigns.selectors import campaigns_visible_to
from thidua.core.errors import NotPermitted
from thidua.core.imports import ImportKind, ImportSteps, sheet_row_count
from thidua.organisations.models import Unit
from thidua.works.excel import FIRST_DATA_ROW, REGISTER_SHEET, registration_import
from thidua.works.services import can_register_for

KIND = "works-import"


def file_rows(content: bytes) -> int:
    """About how many rows a registration file holds below its header and example (the
    template's 500 formatted blank rows count as rows while the file has fewer)."""
    return sheet_row_count(io.BytesIO(content), {REGISTER_SHEET, _(REGISTER_SHEET)}) - (
        FIRST_DATA_ROW - 1
    )


def _run(user: Any, parameters: dict[str, Any], content: bytes, steps: ImportSteps) -> list[str]:
    """The import as the uploader may still make it (``NotPermitted`` otherwise)."""
    campaign = (
        campaigns_visible_to(user)
        .select_related("issuer_unit")
        .filter(pk=int(parameters["campaign"]))
        .first()
    )
    unit = Unit.objects.filter(pk=int(parameters["unit"])).first()
    if campaign is None or unit is None or not can_register_for(user, unit):
        raise NotPermitted()
    if not unit.path.startswith(campaign.issuer_unit.path):
        raise NotPermitted()
    result = registration_import(
        actor=user,
        campaign=campaign,
        unit=unit,
        content=content,
        confirm_similar=bool(parameters.get("confirm")),
        progress=steps.progress,
        before_commit=steps.commit,
    )
    return [str(error) for error in result.errors]


def _back(parameters: dict[str, Any]) -> str:
    return reverse("works:excel_upload", args=[parameters["campaign"], parameters["unit"]])


WORKS_IMPORT = ImportKind(
    key=KIND,
    label=gettext_lazy("Đăng ký công trình bằng Excel"),
    run=_run,
    back=_back,
)
