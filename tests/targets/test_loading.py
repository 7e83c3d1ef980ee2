"""The shipped Trà Vinh figures load on the real KH 128 campaign; broken files write nothing.

The Trà Vinh units and KH 128 are loaded once per session (tests/demo_database.py, stage
"campaign"); what a test loads on top is rolled back after it."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.core.management import CommandError, call_command

from tests.demo_database import DemoRun
from thidua.campaigns.models import Campaign
from thidua.targets.evaluation import Status, evaluate
from thidua.targets.loading import SHIPPED
from thidua.targets.models import Target, TargetValue

URL = re.compile(r"^https?://\S+$")


pytestmark = pytest.mark.demo_database("campaign")


@pytest.fixture
def kh128(demo: DemoRun) -> Campaign:
    return Campaign.objects.get(pk=demo.campaign_pk)


def load(name: str) -> str:
    out = StringIO()
    call_command("target_values", "load", name, stdout=out)
    return out.getvalue()


def test_shipped_values_load_on_kh128(kh128: Campaign):
    first = load("tra-vinh")
    again = load("tra-vinh")

    assert "8 mới, 0 cập nhật, 0 không đổi" in first
    assert "0 mới, 0 cập nhật, 8 không đổi" in again
    assert TargetValue.objects.count() == 8
    assert sorted(set(TargetValue.objects.values_list("target__code", flat=True))) == [
        "T01", "T03", "T04", "T06", "T17",
    ]  # fmt: skip


def test_shipped_values_each_have_a_source_url(kh128: Campaign):
    load("tra-vinh")

    for value in TargetValue.objects.all():
        lines = value.source.splitlines()
        assert lines, value
        assert all(URL.match(line) for line in lines), value.source
        assert value.unit.code == "TV"


def test_shipped_values_say_what_is_estimated_and_derived(kh128: Campaign):
    load("tra-vinh")
    stored = {(v.target.code, v.label): v for v in TargetValue.objects.select_related("target")}

    growth = stored[("T01", "Năm 2024")]
    poverty = stored[("T17", "Năm 2023")]
    assert (growth.value, growth.is_estimate) == (Decimal("10.04"), True)
    assert stored[("T04", "Năm 2024")].value == Decimal("94.37")
    assert stored[("T06", "Năm 2024")].value == Decimal("6.18")
    assert (poverty.value, poverty.is_estimate) == (Decimal("0.68"), False)
    assert "Số suy ra" in poverty.note and "1,88%" in poverty.note
    assert "Số suy ra" in stored[("T04", "Năm 2023")].note
    assert stored[("T03", "Năm 2023")].value == Decimal("8.25")


def test_shipped_file_has_no_value_for_targets_without_a_source(kh128: Campaign):
    load("tra-vinh")

    empty = Target.objects.filter(campaign=kh128, unit__isnull=True, values__isnull=True)
    assert {"T02", "T05", "T07", "T08", "T10", "T11", "T16", "T19", "T20"} <= set(
        empty.values_list("code", flat=True)
    )


def test_t01_2024_is_met_within_10_to_11(kh128: Campaign):
    load("tra-vinh")
    target = Target.objects.get(campaign=kh128, code="T01", unit__isnull=True)

    result = evaluate(target, list(target.values.all()), dt.date(2025, 3, 1))

    assert (result.status, result.measured, result.warning) == (
        Status.MET,
        Decimal("10.04"),
        False,
    )


MD = Path(__file__).resolve().parents[3] / "shared" / "data" / "tra-vinh-actuals.md"


@pytest.mark.skipif(not MD.is_file(), reason="the collected figures are kept beside the repository")
def test_shipped_figures_and_sources_come_from_the_collected_figures():
    """Every figure is written in the collected figures (as 10,04) unless its note says it is
    derived, and every source address is one they cite: nothing is invented."""
    collected = MD.read_text(encoding="utf-8")
    data = yaml.safe_load(SHIPPED["tra-vinh"].read_text(encoding="utf-8"))

    for item in data["values"]:
        figure = str(item["value"]).replace(".", ",")
        assert figure in collected or "Số suy ra" in item["note"], item
        for source in item["sources"]:
            assert source in collected, source


# --- Broken files


BROKEN = """\
format: thidua/target-values@1
campaign: kh-128-2024-tra-vinh
unit: TV
values:
  - target: T01
    period: 2024
    value: 10.04
    sources: [https://example.org/a]
  - target: T99
    period: 2024
    value: 1
    sources: [https://example.org/b]
  - target: T07
    period: 2024
    value: 1
    sources: [https://example.org/c]
  - target: T04
    period: 2024-02-30
    value: 94.37
    sources: [https://example.org/d]
  - target: T06
    period: 2024
    value: "6,18"
    sources: []
  - target: T01
    period: {from: 2024-01, to: 2024-12}
    value: 10.5
    sources: [https://example.org/e]
"""


def run_broken(tmp_path: Path, text: str) -> str:
    path = tmp_path / "so-lieu.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CommandError) as caught:
        call_command("target_values", "load", str(path), stdout=StringIO())
    return str(caught.value)


def test_broken_file_is_refused_with_lines_and_nothing_written(kh128: Campaign, tmp_path: Path):
    message = run_broken(tmp_path, BROKEN)

    assert "Tệp so-lieu.yaml có 3 lỗi" in message and "chưa ghi gì vào cơ sở dữ liệu" in message
    assert (
        "Dòng 18, trường `values[4].period`: phải là ngày dạng YYYY, YYYY-MM hoặc YYYY-MM-DD"
        in message
    )
    assert "Dòng 23, trường `values[5].value`: phải là một số, dùng dấu chấm thập phân" in message
    assert "Dòng 24, trường `values[5].sources`: phải có ít nhất 1 phần tử" in message
    assert TargetValue.objects.count() == 0


def test_broken_references_are_refused_with_lines(kh128: Campaign, tmp_path: Path):
    # The schema errors fixed, what is left is checked against the database.
    text = (
        BROKEN.replace("2024-02-30", "2024")
        .replace('"6,18"', "6.18")
        .replace("sources: []", "sources: [https://example.org/f]")
    )

    message = run_broken(tmp_path, text)

    assert "Dòng 9, trường `values[2].target`: phong trào không có chỉ tiêu mã `T99`" in message
    assert "Dòng 13, trường `values[3]`: Chỉ tiêu T07 là mốc hoàn thành" in message
    assert (
        "Dòng 26, trường `values[6].period`: chỉ tiêu T01 đã có số liệu cùng kỳ ở mục 1" in message
    )
    assert TargetValue.objects.count() == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("format: thidua/target-values@1\nvalues: [\n", "Dòng 2: lỗi cú pháp YAML"),
        ("- a\n- b\n", "Dòng 1: tệp phải là một nhóm trường"),
        (
            "format: thidua/target-values@1\ncampaign: khong-co\nunit: TV\nvalues:\n"
            "  - {target: T01, period: 2024, value: 1, sources: [x]}\n",
            "Dòng 2, trường `campaign`: không có phong trào mã `khong-co`",
        ),
        (
            "format: thidua/target-values@2\ncampaign: kh-128-2024-tra-vinh\nunit: XX\nvalues: []\n",
            "Dòng 1, trường `format`: giá trị không hợp lệ",
        ),
        (
            "format: thidua/target-values@1\ncampaign: kh-128-2024-tra-vinh\nunit: XX\nvalues:\n"
            "  - {target: T01, period: 2024, value: 1, sources: [x], extra: 1}\n",
            "trường này không có trong định dạng",
        ),
        (
            "format: thidua/target-values@1\ncampaign: kh-128-2024-tra-vinh\nunit: XX\nvalues:\n"
            "  - {target: T01, period: 2024, value: 1, sources: [x]}\n",
            "Dòng 3, trường `unit`: không có đơn vị mã `XX`",
        ),
    ],
)
def test_broken_file_messages(kh128: Campaign, tmp_path: Path, text: str, expected: str):
    assert expected in run_broken(tmp_path, text)
    assert TargetValue.objects.count() == 0


def test_validate_writes_nothing(kh128: Campaign):
    out = StringIO()

    call_command("target_values", "validate", "tra-vinh", stdout=out)

    assert "Tệp hợp lệ: 8 số liệu của phong trào kh-128-2024-tra-vinh." in out.getvalue()
    assert TargetValue.objects.count() == 0
