"""Factories of plan import drafts (their own file, so as not to collide with others)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import factory
import yaml

import thidua.campaigns
from tests.factories import UserFactory
from thidua.plan_import.models import ImportDraft


class DraftFactory(factory.django.DjangoModelFactory):
    """A draft as ``draft_create`` leaves it; ``data`` defaults to a small valid plan."""

    class Meta:
        model = ImportDraft

    file_name = "ke-hoach.txt"
    file_size = 100
    sha256 = factory.LazyFunction(lambda: hashlib.sha256(b"x").hexdigest())
    lines = factory.LazyFunction(lambda: ["Số: 5/KH-UBND", "KẾ HOẠCH", "Thi đua"])
    data = factory.LazyFunction(
        lambda: {
            "title": "Thi đua",
            "document": {
                "kind": "Kế hoạch",
                "number": "5/KH-UBND",
                "date": "2024-11-11",
                "place": "Trà Vinh",
                "issuer": "Ủy ban nhân dân tỉnh Trà Vinh",
                "signer": {"name": "Lê Văn Hẳn", "position": "Chủ tịch"},
            },
            "period": {"start": "2024-11", "end": "2025-09-30"},
            "phases": [{"code": "dot-1", "name": "Đợt 1", "start": "2024-11", "end": "2025-09-30"}],
        }
    )
    sources = factory.LazyFunction(
        lambda: {"document.number": {"line": 1, "text": "Số: 5/KH-UBND", "confidence": 0.95}}
    )
    missing = factory.LazyFunction(list)
    warnings = factory.LazyFunction(list)
    suggestions = factory.LazyFunction(
        lambda: {"code": "kh-5-2024-tra-vinh", "document.issuer_unit": "TV"}
    )
    review = factory.LazyFunction(dict)
    created_by = factory.SubFactory(UserFactory)


SEED = (
    Path(__file__).resolve().parents[2]
    / "src/thidua/plan_import/data/kh-128-ubnd-tra-vinh-2024.txt"
)

SHIPPED_YAML = Path(thidua.campaigns.__file__).parent / "data" / "kh-128-ubnd-tra-vinh-2024.yaml"


def shipped_data() -> dict[str, Any]:
    """The shipped KH 128 campaign file as the extraction would hold it (JSON values)."""
    data = yaml.safe_load(SHIPPED_YAML.read_text(encoding="utf-8"))
    return json.loads(json.dumps(data, default=str))
