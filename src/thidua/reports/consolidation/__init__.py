"""The consolidated report of one period for the Ban Thi đua - Khen thưởng (Sở Nội vụ).

KH 128 section IV.2: units report every quarter to Sở Nội vụ (Ban Thi đua - Khen
thưởng), which sums them up for the Ủy ban nhân dân tỉnh. ``consolidation_data`` gathers
the figures (SQL aggregates, a fixed number of queries); ``build_docx`` lays them out as
an official report (Nghị định 30/2020/NĐ-CP) and ``build_xlsx`` puts the tables in a
workbook. The task that runs them is in ``reports/consolidation_tasks.py``.
"""

from thidua.reports.consolidation.data import consolidation_data, goal_text
from thidua.reports.consolidation.document import build_docx
from thidua.reports.consolidation.workbook import build_xlsx

__all__ = ["build_docx", "build_xlsx", "consolidation_data", "goal_text"]
