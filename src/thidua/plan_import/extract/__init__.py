"""Read a launch plan (kế hoạch phát động thi đua) into a campaign draft.

Pure Python, no database: ``extract_plan(lines)`` takes the lines of a plan (as
``thidua.plan_import.reading.read_plan`` gives them) and returns an ``Extraction``.
"""

from __future__ import annotations

from thidua.plan_import.extract.model import Extraction, SourceRef
from thidua.plan_import.extract.plan import extract_plan

__all__ = ["Extraction", "SourceRef", "extract_plan"]
