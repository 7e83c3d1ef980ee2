"""`python -m thidua campaign import FILE [--out draft.yaml] [--json]` on real files."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.core.management import CommandError, call_command

from tests.plan_import.test_reading import (
    SEED,
    build_docx,
    build_pdf,
    build_scanned_pdf,
    seed_paragraphs,
)

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("campaign", "import", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_prints_the_draft_yaml_with_sources_and_a_summary_of_missing_fields():
    out, err = run(str(SEED))

    draft = yaml.safe_load(out)
    assert draft["document"]["number"] == "128/KH-UBND"
    assert len(draft["targets"]) == 24
    assert "# Thiếu (văn bản không ghi): document.issuer_unit" in out
    assert "# document.number ← dòng 1 (1.0)" in out
    assert "Còn thiếu" in err and "document.issuer_unit" in err


def test_import_json_holds_data_sources_missing_and_warnings():
    out, _ = run(str(SEED), "--json")

    payload = json.loads(out)
    assert set(payload) == {"data", "sources", "missing", "unrecognised", "warnings"}
    assert payload["sources"]["phases.0.end"]["line"] == 77
    assert payload["sources"]["phases.0.end"]["text"].startswith("- Đợt 01")
    assert payload["data"]["phases"][0]["start"] == "2024-11"


def test_import_writes_the_draft_to_out(tmp_path):
    target = tmp_path / "draft.yaml"

    out, _ = run(str(SEED), "--out", str(target))

    assert f"Đã ghi bản nháp ra {target}" in out
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["code"] == "kh-128-2024-tra-vinh"


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_import_reads_a_docx_and_a_pdf_of_the_plan(tmp_path, kind):
    builder = build_docx if kind == "docx" else build_pdf
    path = tmp_path / f"kh-128.{kind}"
    path.write_bytes(builder(seed_paragraphs()))

    out, _ = run(str(path))

    draft = yaml.safe_load(out)
    assert draft["document"]["date"] == "2024-11-11"
    assert [p["code"] for p in draft["phases"]] == ["dot-1", "dot-2"]
    assert len(draft["targets"]) == 24


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("scan.pdf", "scanned", "không có lớp chữ"),
        ("rong.txt", b"", "rỗng"),
        ("bien-ban.docx", "not-a-plan", "không phải là một kế hoạch"),
    ],
)
def test_import_refuses_bad_files_with_the_vietnamese_message(tmp_path, name, content, message):
    data = {
        "scanned": build_scanned_pdf,
        "not-a-plan": lambda: build_docx(["BIÊN BẢN", "Cuộc họp giao ban tuần"]),
    }
    path = tmp_path / name
    path.write_bytes(data[content]() if isinstance(content, str) else content)

    with pytest.raises(CommandError, match=message):
        run(str(path))


def test_import_refuses_a_50_mb_file_before_reading_it(tmp_path):
    path = tmp_path / "lon.pdf"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)

    with pytest.raises(CommandError, match="quá lớn"):
        run(str(path))


def test_import_exits_non_zero_from_the_shell(tmp_path):
    path = tmp_path / "rong.txt"
    path.write_bytes(b"")

    result = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "thidua", "campaign", "import", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )

    assert result.returncode != 0
    assert "rỗng" in result.stderr
