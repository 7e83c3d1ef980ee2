"""Acceptance: the KH 128 seed text gives the shipped KH 128 campaign file.

The seed ``tests/plan_import/data/kh-128-ubnd-tra-vinh-2024.txt`` is a copy of
``../shared/seed/kh-128-ubnd-tra-vinh-2024.txt``; ``seed_comparison.py`` says, leaf by
leaf, what the text states and what the shipped file reads into it.
"""

from __future__ import annotations

import copy

import pytest
import yaml

from tests.plan_import.seed_comparison import SEED, SHIPPED, compare, flatten, shipped_leaves
from thidua.plan_import.extract import Extraction, extract_plan
from thidua.plan_import.reading import read_plan


@pytest.fixture(scope="module")
def seed_lines() -> list[str]:
    return read_plan(SEED.read_bytes(), SEED.name)


@pytest.fixture(scope="module")
def draft(seed_lines: list[str]) -> Extraction:
    return extract_plan(seed_lines)


def test_every_field_the_text_states_equals_the_shipped_file(draft):
    outcome = compare(draft.data)

    assert outcome["differs"] == []
    assert outcome["absent"] == []
    assert len(outcome["matched"]) >= 374


def test_fields_the_text_does_not_state_stay_out_and_required_ones_are_missing(draft):
    outcome = compare(draft.data)

    assert outcome["not_stated_present"] == []
    assert "document.issuer_unit" in draft.missing
    assert "document" in draft.data and "issuer_unit" not in draft.data["document"]
    for path in draft.missing:
        assert path not in flatten(draft.data)


def test_the_draft_holds_nothing_the_shipped_file_lacks(draft):
    # The signature block shows no "TM."/"KT.": authority is stated as empty, which the
    # shipped file writes by leaving the key out.
    extra = set(flatten(draft.data)) - set(shipped_leaves())

    assert extra == {"document.signer.authority"}
    assert draft.data["document"]["signer"]["authority"] == ""


def test_lists_have_the_shipped_number_of_items(draft):
    shipped = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))

    for key in (
        "legal_bases",
        "purposes",
        "requirements",
        "phases",
        "content_areas",
        "targets",
        "duties",
    ):
        assert len(draft.data[key]) == len(shipped[key]), key
    assert len(draft.data["registration"]["rules"]) == 4
    assert len(draft.data["registration"]["campaign_works"]) == 8
    assert len(draft.data["awards"]["forms"]) == 2


def test_sources_point_at_the_line_each_value_came_from(draft, seed_lines):
    def line_of(path: str) -> str:
        return seed_lines[draft.sources[path].line - 1]

    assert line_of("document.number") == "Số: 128/KH-UBND"
    assert line_of("phases.0.end").startswith("- Đợt 01: Từ tháng 11 năm 2024")
    assert line_of("targets.5.value").startswith("- Thu ngân sách (thu nội địa)")
    assert line_of("document.signer.name") == "Lê Văn Hân"
    assert draft.sources["document.number"].confidence == 1.0
    assert draft.sources["document.issuer"].confidence < 1.0


def _resolve(data: object, path: str) -> object:
    for key in path.split("."):
        data = data[int(key)] if isinstance(data, list) else data[key]  # type: ignore[index]
    return data


def test_every_source_names_a_value_of_the_draft_and_a_real_line(draft, seed_lines):
    for path, ref in draft.sources.items():
        assert _resolve(draft.data, path) is not None, path
        assert 1 <= ref.line <= len(seed_lines)
        assert ref.text == seed_lines[ref.line - 1][:240]


def test_numbers_that_are_not_targets_do_not_become_targets(draft):
    values = [t.get("value") for t in draft.data["targets"]]

    # 06 nhiệm vụ trọng tâm, 03 nhiệm vụ đột phá; 34 cống; Quốc lộ 60, 53; 05 năm; phường 4
    for number in (6, 3, 34, 60, 53, 5, 4, 2024, 2030):
        assert number not in values


def test_the_issuer_is_completed_from_the_preamble_with_a_warning(draft):
    assert draft.data["document"]["issuer"] == "Ủy ban nhân dân tỉnh Trà Vinh"
    assert any("Cơ quan ban hành" in w for w in draft.warnings)


def test_the_restated_unemployment_figure_of_ii_1_b_is_not_a_second_target(draft):
    unemployment = [t for t in draft.data["targets"] if "thất nghiệp" in t["indicator"]]

    assert len(unemployment) == 1
    assert any("nhắc lại" in w for w in draft.warnings)


def test_with_its_missing_fields_filled_the_draft_is_a_valid_campaign_file(draft):
    from thidua.campaigns.files.schema import CampaignFile

    data = copy.deepcopy(draft.data)
    data["document"]["issuer_unit"] = "TV"
    data["registration"]["rules"][0]["unit_kinds"] = ["mass_organisation", "enterprise", "other"]
    data["registration"]["rules"][2].update(minimum=1, work_kinds=["construction"])

    spec = CampaignFile.model_validate(data)

    assert spec.code == "kh-128-2024-tra-vinh"
    assert len(spec.targets) == 24
