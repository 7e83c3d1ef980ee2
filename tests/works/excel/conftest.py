"""The Excel tests' world (a campaign with phases, areas, targets and a registration rule)
and their real clock, shared by the test modules of this folder."""

from tests.works.excel.test_excel import _frozen_time, world  # noqa: F401
