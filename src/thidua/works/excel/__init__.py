"""Works in Excel: a unit's registration template, its all-or-nothing import, the register export.

The template and the import share one column list (``COLUMNS``), so a downloaded template
always uploads. The import checks the whole file first and saves nothing while any row is
wrong (DESIGN.md: "imports are all-or-nothing with row-level errors"); then every row goes
through ``work_create`` inside one transaction, so a refusal there rolls back all rows.
openpyxl is imported inside the functions (a slow import; STYLE.md).

Modules: ``columns`` (the sheet layout and its header), ``lookups`` (what a cell may name),
``template`` (``registration_template``), ``parsing`` (one row into ``WorkData``),
``importing`` (``registration_import``, file checks, ``ImportResult``) and ``export``
(``register_export``). Import the public names from this package.
"""

from thidua.works.excel.columns import (
    CATALOGUE_SHEET,
    COLUMNS,
    EXAMPLE_MARK,
    FIRST_DATA_ROW,
    GUIDE_SHEET,
    HEADER_ROW,
    REGISTER_SHEET,
    XLSX_CONTENT_TYPE,
    Column,
)
from thidua.works.excel.export import (
    BUDGET_FORMAT,
    DATE_FORMAT,
    EXPORT_CHUNK,
    EXPORT_COLUMNS,
    register_export,
    register_export_to,
)
from thidua.works.excel.importing import (
    CONFIRM_LABEL,
    MAX_IMPORT_BYTES,
    MAX_IMPORT_ROWS,
    ImportResult,
    file_problem,
    registration_import,
    size_problem,
)
from thidua.works.excel.lookups import Lookups
from thidua.works.excel.parsing import RowError
from thidua.works.excel.template import GUIDE, TEMPLATE_ROWS, registration_template

__all__ = [
    "BUDGET_FORMAT",
    "CATALOGUE_SHEET",
    "COLUMNS",
    "CONFIRM_LABEL",
    "DATE_FORMAT",
    "EXAMPLE_MARK",
    "EXPORT_CHUNK",
    "EXPORT_COLUMNS",
    "FIRST_DATA_ROW",
    "GUIDE",
    "GUIDE_SHEET",
    "HEADER_ROW",
    "MAX_IMPORT_BYTES",
    "MAX_IMPORT_ROWS",
    "REGISTER_SHEET",
    "TEMPLATE_ROWS",
    "XLSX_CONTENT_TYPE",
    "Column",
    "ImportResult",
    "Lookups",
    "RowError",
    "file_problem",
    "register_export",
    "register_export_to",
    "registration_import",
    "registration_template",
    "size_problem",
]
