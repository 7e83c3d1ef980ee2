"""An extraction as text: the draft YAML with its sources as comments, or JSON."""

from __future__ import annotations

import json
from dataclasses import asdict

import yaml

from thidua.plan_import.extract.model import Extraction

_ORDER = (
    "format",
    "code",
    "kind",
    "title",
    "document",
    "preamble",
    "legal_bases",
    "purposes",
    "requirements",
    "period",
    "phases",
    "content_areas",
    "targets",
    "registration",
    "reporting",
    "awards",
    "duties",
)


_WHERE = {"prose": ", trong câu văn", "table": ", trong bảng"}


def _ordered(extraction: Extraction) -> dict[str, object]:
    data = extraction.data
    ordered = {key: data[key] for key in _ORDER if key in data}
    ordered.update({k: v for k, v in data.items() if k not in ordered})
    return ordered


def draft_yaml(extraction: Extraction) -> str:
    """The draft as a campaign file, with what is missing (not stated, or not recognised)
    and where each value came from written as comments (the file needs the missing fields
    before it can be loaded)."""
    head = [
        "# Bản nháp tệp phong trào đọc từ văn bản kế hoạch (python -m thidua campaign import).",
        "# Hãy kiểm tra từng giá trị với văn bản gốc và điền các trường còn thiếu.",
    ]
    head += [f"# Thiếu (văn bản không ghi): {path}" for path in extraction.missing]
    head += [f"# Chưa nhận ra (hãy tìm trong văn bản): {path}" for path in extraction.unrecognised]
    head += [f"# Lưu ý: {warning}" for warning in extraction.warnings]
    body = yaml.safe_dump(_ordered(extraction), allow_unicode=True, sort_keys=False, width=100)
    tail = ["", "# Nguồn (trường ← dòng của văn bản, độ tin cậy, nơi đọc):"]
    tail += [
        f"# {path} ← dòng {ref.line} ({ref.confidence:.1f}){_WHERE.get(ref.where, '')}"
        for path, ref in extraction.sources.items()
    ]
    return "\n".join(head) + "\n" + body + "\n".join(tail) + "\n"


def draft_json(extraction: Extraction) -> str:
    """The draft, its sources, missing and unrecognised fields and warnings as one JSON
    object."""
    payload = {
        "data": _ordered(extraction),
        "sources": {path: asdict(ref) for path, ref in extraction.sources.items()},
        "missing": extraction.missing,
        "unrecognised": extraction.unrecognised,
        "warnings": extraction.warnings,
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def summary(extraction: Extraction) -> str:
    """One Vietnamese paragraph: what was read, what the text does not state and what the
    reader did not recognise (to be looked for in the text)."""
    data = extraction.data
    counts = (
        f"{len(data.get('phases', []))} đợt, {len(data.get('targets', []))} chỉ tiêu, "
        f"{len(data.get('content_areas', []))} nội dung, {len(data.get('duties', []))} nhiệm vụ"
    )
    lines = [f"Đã đọc: {counts}."]
    if extraction.missing:
        lines.append(
            f"Còn thiếu {len(extraction.missing)} trường (văn bản không ghi): "
            + ", ".join(extraction.missing)
        )
    if extraction.unrecognised:
        lines.append(
            f"Chưa nhận ra {len(extraction.unrecognised)} trường (văn bản có thể có, hãy tìm "
            "trong văn bản): " + ", ".join(extraction.unrecognised)
        )
    lines += [f"Lưu ý: {warning}" for warning in extraction.warnings]
    return "\n".join(lines)
