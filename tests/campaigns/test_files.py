"""Campaign files: validation with line-level errors, loading, and the lossless round trip."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from thidua.campaigns.files.errors import CampaignFileInvalid
from thidua.campaigns.files.export import campaign_to_yaml
from thidua.campaigns.files.validate import validate_text
from thidua.campaigns.models import Campaign, CampaignEvent, Phase
from thidua.campaigns.services import SHIPPED, campaign_load_bytes
from thidua.targets.models import Target


def load(text: str) -> Campaign:
    return campaign_load_bytes(content=text.encode(), source_name="thu.yaml")


def same(a, b) -> bool:
    """Compare two validated files field by field (pytest then shows a readable diff)."""
    assert a.model_dump(mode="json") == b.model_dump(mode="json")
    return a == b


def errors_of(text: str) -> list[str]:
    with pytest.raises(CampaignFileInvalid) as caught:
        validate_text(text)
    return [str(e) for e in caught.value.errors]


def test_load_minimal_file_writes_every_part(minimal_text):
    campaign = load(minimal_text)

    assert campaign.doc_number == "12/KH-UBND"
    assert campaign.issuer_unit.code == "P-A"
    assert (campaign.start, campaign.start_precision) == (dt.date(2025, 1, 1), "month")
    assert [p.name for p in campaign.phases.order_by("position")] == ["Đợt 1", "Đợt 2"]
    t01 = campaign.targets.get(code="T01")
    assert (t01.comparator, t01.value, t01.value_max) == ("between", Decimal(10), Decimal(11))
    assert t01.content_area.code == "ND1"
    assert campaign.targets.get(code="T03").deadline == dt.date(2025, 6, 1)
    assert campaign.reporting_rule.weekend_policy == "previous_working_day"
    assert campaign.campaign_works.get().deadline_precision == "month"
    assert sorted(campaign.duties.get().agency_units.values_list("code", flat=True)) == [
        "P-A-1",
        "P-A-2",
    ]
    assert CampaignEvent.objects.filter(campaign=campaign, kind="created").count() == 1


def test_export_then_load_is_lossless(minimal_text):
    campaign = load(minimal_text)

    exported = campaign_to_yaml(campaign)

    assert same(validate_text(exported), validate_text(minimal_text))
    assert "Trần Thị Bé" in exported  # Vietnamese kept readable, not escaped


def test_kh128_round_trip_is_lossless(tra_vinh_units):
    text = SHIPPED["kh-128"].read_text(encoding="utf-8")
    campaign = load(text)

    again = load(campaign_to_yaml(campaign))

    assert same(validate_text(campaign_to_yaml(again)), validate_text(text))
    assert again.pk == campaign.pk
    assert again.targets.count() >= 20


def test_reload_replaces_without_duplicates_and_keeps_ids(minimal_text):
    first = load(minimal_text)
    phase_ids = sorted(Phase.objects.filter(campaign=first).values_list("pk", flat=True))

    second = load(minimal_text.replace("Cầu Phong Phú", "Cầu Phong Phú mới"))

    assert Campaign.objects.count() == 1
    assert sorted(Phase.objects.filter(campaign=second).values_list("pk", flat=True)) == phase_ids
    assert second.campaign_works.get().title == "Cầu Phong Phú mới"
    assert list(CampaignEvent.objects.values_list("kind", flat=True)) == ["created", "replaced"]


def test_loading_the_same_file_again_writes_nothing(minimal_text):
    first = load(minimal_text)

    again = load(minimal_text)

    assert again.pk == first.pk
    assert CampaignEvent.objects.count() == 1


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("  date: 2025-01-05", "  date: 2025-02-30", "Dòng 6, trường `document.date`"),
        (
            "    comparator: gte",
            "    comparator: atleast",
            "Dòng 47, trường `targets[2].comparator`",
        ),
        ("  number: 12/KH-UBND\n", "", "Dòng 4, trường `document.number`: thiếu trường bắt buộc"),
        (
            '    measure_unit: "%"\n    period',
            '    unit: "%"\n    period',
            "Dòng 41, trường `targets[1].unit`: trường này không có",
        ),
        ("  - code: T02", "  - code: T01", "Dòng 44, trường `targets[2].code`: mã `T01` bị trùng"),
        ("  issuer_unit: P-A", "  issuer_unit: P-ZZ", "Dòng 9, trường `document.issuer_unit`"),
        ("    value_max: 11", "    value_max: 9", "trường `targets[1].value_max`: value_max phải"),
        (
            "    end: 2025-04-30",
            "    end: 2025-06-30",
            "trường `phases[2].start`: đợt bắt đầu trước",
        ),
        (
            '    start: "2025-01"\n    end: 2025-04-30',
            '    start: "2024-12"\n    end: 2025-04-30',
            "trường `phases[1].start`: đợt nằm ngoài",
        ),
        ("    value: 99.5", '    value: "99,5"', "trường `targets[2].value`: phải là một số"),
    ],
)
def test_broken_file_names_line_and_field(minimal_text, old, new, expected):
    assert old in minimal_text
    broken = minimal_text.replace(old, new, 1)

    messages = errors_of(broken)

    assert any(expected in m for m in messages), messages


def test_all_problems_are_reported_at_once(minimal_text):
    broken = minimal_text.replace("date: 2025-01-05", "date: 2025-13-01").replace(
        "comparator: gte", "comparator: nhiều hơn"
    )

    messages = errors_of(broken)

    assert len(messages) == 2


def test_yaml_syntax_error_has_a_line(minimal_text):
    broken = minimal_text.replace("  place: Cầu Kè", "  place: [Cầu Kè")

    messages = errors_of(broken)

    assert messages[0].startswith("Dòng ")
    assert "cú pháp YAML" in messages[0]


def test_broken_load_writes_nothing(minimal_text):
    load(minimal_text)
    broken = minimal_text.replace("Cầu Phong Phú", "Cầu mới").replace("date: 2025-01-05", "date: x")

    with pytest.raises(CampaignFileInvalid):
        load(broken)

    assert Campaign.objects.get().campaign_works.get().title == "Cầu Phong Phú"
    assert CampaignEvent.objects.count() == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "tệp rỗng"),
        (b"\xff\xfe\x00b", "UTF-8"),
        (b"- just\n- a list\n", "nhóm trường"),
        (b"x" * (2 * 1024 * 1024 + 1), "quá lớn"),
    ],
)
def test_not_a_campaign_file_is_refused(db, content, message):
    with pytest.raises(CampaignFileInvalid) as caught:
        campaign_load_bytes(content=content, source_name="x.yaml")

    assert message in str(caught.value)
    assert not Campaign.objects.exists()


def test_command_load_exits_non_zero_with_messages(minimal_text, tmp_path: Path, capsys):
    path = tmp_path / "hong.yaml"
    path.write_text(minimal_text.replace("comparator: gte", "comparator: khong-biet"), "utf-8")

    with pytest.raises(CommandError, match="chưa ghi gì"):
        call_command("campaign", "load", str(path))

    assert "trường `targets[2].comparator`" in capsys.readouterr().err
    assert not Campaign.objects.exists()
    assert not Target.objects.exists()


def test_command_load_and_export(minimal_text, tmp_path: Path, capsys):
    source = tmp_path / "kh.yaml"
    source.write_text(minimal_text, "utf-8")
    out = tmp_path / "out.yaml"

    call_command("campaign", "load", str(source))
    call_command("campaign", "export", "kh-thu-2025", "--out", str(out))

    assert "Đã nạp phong trào kh-thu-2025" in capsys.readouterr().out
    assert same(validate_text(out.read_text("utf-8")), validate_text(minimal_text))
