"""What users read as the source of a rule (issue 12 items 16 and 24): the law or the
province's own regulation, never an internal reference (the notes' sections) nor another
province's regulation shown as this one's; a value no law fixes is "Cài đặt của tỉnh",
and only the Ban TĐKT reads that it still needs confirming."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from django.urls import reverse

from tests.factories.awards import Kh, NominationFactory, NomineeFactory, People, full_dossier
from tests.pages import page_text, signed_in
from thidua.awards.eligibility import check_nomination
from thidua.awards.forms_file import read_award_forms
from thidua.awards.loading import SHIPPED_FILE
from thidua.awards.models import NominationState, PhaseAwardDate

INTERNAL = re.compile(r"LAW-NOTES|DOMAIN|§|\(ví dụ\)|Bắc Ninh|\bR\d{1,2}\b|\[[UVS]\]")
SOURCE = Path(__file__).resolve().parents[2] / "src" / "thidua"


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list | tuple):
        return [s for item in value for s in _strings(item)]
    return []


def test_the_rule_data_cites_no_internal_reference(db: None) -> None:
    spec = read_award_forms(SHIPPED_FILE.read_text(encoding="utf-8"))

    found = [s for s in _strings(spec.model_dump(mode="json")) if INTERNAL.search(s)]

    assert found == []


def test_no_template_shows_an_internal_reference() -> None:
    found = [
        str(path.relative_to(SOURCE))
        for path in SOURCE.glob("*/templates/**/*.html")
        if INTERNAL.search(path.read_text(encoding="utf-8"))
    ]

    assert found == []


def _submitted(kh: Kh) -> Any:
    nomination = NominationFactory(
        campaign=kh.campaign,
        phase=kh.phase1,
        proposer_unit=kh.province.health,
        grantor_unit=kh.province.root,
        nominee=NomineeFactory(unit=kh.province.health),
        state=NominationState.SUBMITTED,
        submitted_on=dt.date(2025, 4, 1),
    )
    full_dossier(nomination)
    PhaseAwardDate.objects.create(phase=kh.phase1, review_on=dt.date(2025, 4, 25))
    return nomination


def test_every_check_cites_the_law_or_the_provinces_setting(kh: Kh) -> None:
    results = check_nomination(_submitted(kh), as_of=dt.date(2025, 4, 25))

    assert [r.article for r in results if INTERNAL.search(r.article + r.message)] == []
    by_code = {r.code: r for r in results}
    assert by_code["deadline"].article == "Cài đặt của tỉnh"
    assert by_code["deadline"].note == "cài đặt của tỉnh, chưa có căn cứ – cần xác nhận"
    assert by_code["appraisal_time"].article == "Cài đặt của tỉnh"
    assert "Nghị định 98/2023/NĐ-CP Điều 32" not in by_code["appraisal_time"].article
    assert by_code["campaign_form"].article == "Luật TĐKT 2022 Điều 26"
    assert by_code["quota"].article.startswith("Kế hoạch số ")


def test_only_the_board_reads_that_a_setting_needs_confirming(kh: Kh, people: People) -> None:
    nomination = _submitted(kh)
    url = reverse("awards:detail", args=[nomination.pk])

    board = page_text(signed_in(people.secretariat).get(url))
    unit = page_text(signed_in(people.head).get(url))

    assert "Cài đặt của tỉnh" in board and "chưa có căn cứ – cần xác nhận" in board
    assert "Cài đặt của tỉnh" in unit and "chưa có căn cứ" not in unit
    assert INTERNAL.search(board) is None and INTERNAL.search(unit) is None


def test_the_council_quorum_is_the_provinces_setting(kh: Kh, people: People) -> None:
    page = signed_in(people.secretariat).get(reverse("councils:create"))
    text = page_text(page)

    assert "Bắc Ninh" not in text and "QĐ 86/2025" not in text
    assert "Cài đặt của tỉnh, chưa có căn cứ – cần xác nhận" in text
    # The general default (two thirds), used when the chosen council sets none.
    assert 'placeholder="0,666"' in page.content.decode()
