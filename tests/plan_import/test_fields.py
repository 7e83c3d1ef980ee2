"""The draft's fields: flattening, kinds, typed values, and the campaign file they make."""

from __future__ import annotations

import pytest

from thidua.core.errors import DomainError
from thidua.plan_import import fields as f
from thidua.plan_import import labels, paths, values


def test_flatten_keeps_lists_of_codes_whole_and_numbers_items():
    data = {
        "targets": [{"value": 10, "period": {"from": 2024}}],
        "duties": [{"agencies": ["A", "B"]}],
    }

    flat = paths.flatten(data)

    assert flat == {
        "targets.0.value": 10,
        "targets.0.period.from": 2024,
        "duties.0.agencies": ["A", "B"],
    }


def test_field_paths_put_person_fields_first_and_expand_missing_phases():
    paths = f.field_paths({"title": "T", "document": {"number": "1/KH"}}, ["phases"])

    assert paths[:3] == ["code", "document.number", "document.issuer_unit"]
    assert f.field_paths({"targets": [{"code": "T1"}, {"code": "T2"}]}, ["targets.0.value"])[
        2:5
    ] == ["targets.0.code", "targets.0.value", "targets.1.code"]
    assert "phases.0.start" in paths and "phases.0.code" in paths
    assert paths.index("title") < paths.index("phases.0.code")


@pytest.mark.parametrize(
    ("path", "raw", "expected"),
    [
        ("targets.0.value", "2.500", 2500),
        ("targets.0.value", "99,5", 99.5),
        ("targets.0.value", "1.234,5", 1234.5),
        ("targets.0.value", "12", 12),
        ("document.date", "11/11/2024", "2024-11-11"),
        ("document.date", "7-12-2026", "2026-12-07"),
        ("document.date", "07.12.2026", "2026-12-07"),
        ("document.date", "07122026", "2026-12-07"),
        ("phases.0.start", "11.2024", "2024-11"),
        ("phases.0.start", "11/2024", "2024-11"),
        ("phases.0.end", "2025", "2025"),
        ("duties.0.agencies", "Sở Nội vụ\nSở Y tế\n", ["Sở Nội vụ", "Sở Y tế"]),
        ("registration.rules.0.via_parent", "true", True),
        ("document.signer.name", "  Le Van  ", "Le Van"),
    ],
)
def test_parse_value_reads_each_kind_the_vietnamese_way(path, raw, expected):
    assert values.parse_value(path, raw) == expected


@pytest.mark.parametrize(
    ("path", "raw", "message"),
    [
        ("targets.0.value", "mười", "không phải là một số"),
        ("document.date", "31/02/2025", "không phải là ngày"),
        ("document.number", "   ", "bắt buộc"),
    ],
)
def test_parse_value_refuses_with_a_vietnamese_message(path, raw, message):
    with pytest.raises(DomainError) as refused:
        values.parse_value(path, raw)

    assert message in refused.value.message


def test_campaign_data_applies_decisions_and_uses_suggestions_only_when_accepted():
    data = {"document": {"number": "1/KH"}, "targets": [{"code": "T01"}, {"code": "T02"}]}
    review = {
        "document.number": {"state": "corrected", "value": "2/KH"},
        "code": {"state": "accepted"},
        "targets.0": {"state": "removed"},
    }

    built = f.campaign_data(
        data=data, review=review, suggestions={"code": "kh-2", "document.issuer_unit": "TV"}
    )

    assert built["format"] == "thidua/campaign@1"
    assert built["document"] == {"number": "2/KH"}  # issuer_unit suggested, never accepted
    assert built["code"] == "kh-2"
    assert built["targets"] == [{"code": "T02"}]


def test_labels_count_items_from_one():
    assert labels.label_of("targets.3.value") == "4 · Giá trị"
    assert labels.label_of("document.signer.name") == "Người ký · Tên"


def test_error_field_maps_back_to_a_draft_path():
    assert paths.path_from_error("targets[4].value") == "targets.3.value"
    assert paths.path_from_error("document.place") == "document.place"
