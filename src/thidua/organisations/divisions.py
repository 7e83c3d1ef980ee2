"""Viet Nam's administrative divisions as they are now: 34 provinces and their communes.

Since 01/7/2025 local government has two levels (Nghị quyết 202/2025/QH15 on the
provinces, and the Standing Committee's resolutions arranging each province's communes):
a province (tỉnh, thành phố trực thuộc trung ương) and its xã, phường and đặc khu. No list
of them is maintained here: they come from the PyPI package ``vietnam-provinces``
(GPL-3.0-or-later), which carries the list of the Tổng cục Thống kê
(https://danhmuchanhchinh.gso.gov.vn/) with its official codes.

A ``Dataset`` is that list as plain values. ``package_dataset()`` reads the installed
package; a test or a later package version is just another ``Dataset``, so the loader
(``thidua.organisations.divisions_loading``) takes one as an argument.

Official codes are written as the statistics office writes them: 2 digits for a province
(``01`` Hà Nội, ``86`` Vĩnh Long) and 5 for a commune (``00004`` Phường Ba Đình). The
widths matter: unpadded, province 4 (Cao Bằng) and commune 4 (Phường Ba Đình) would be
the same code.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import vietnam_provinces
from django.utils.translation import gettext as _

from thidua.core.errors import DomainError
from thidua.core.text import fold

PACKAGE = "vietnam-provinces"
PROVINCE_CODE_WIDTH = 2
COMMUNE_CODE_WIDTH = 5
GSO_LIST = "https://danhmuchanhchinh.gso.gov.vn/"
# The words a province's name starts with, dropped to get the name people use.
_CITY = "Thành phố "


@dataclass(frozen=True)
class Commune:
    """A xã, phường or đặc khu: official code, full name (``Xã Hòa Ân``) and type (``xã``)."""

    code: str
    name: str
    division_type: str


@dataclass(frozen=True)
class Province:
    """A tỉnh or thành phố trực thuộc trung ương with its communes, in the dataset's order."""

    code: str
    name: str
    division_type: str
    communes: tuple[Commune, ...]

    @property
    def short(self) -> str:
        """The name without ``Thành phố``: ``Hà Nội``, ``Vĩnh Long``."""
        return self.name.removeprefix(_CITY)

    @property
    def label(self) -> str:
        """``tỉnh Vĩnh Long`` or ``thành phố Hà Nội``, as it reads inside a sentence."""
        kind = "tỉnh" if self.division_type == "tỉnh" else "thành phố"
        return f"{kind} {self.short}"


@dataclass(frozen=True)
class Dataset:
    """A whole list of provinces and communes, with where it comes from.

    ``version`` is the package version (``2025.10.1``), ``data_version`` the day its data
    were retrieved from the statistics office (``2025-10-18``).
    """

    version: str
    data_version: str
    provinces: tuple[Province, ...]

    @property
    def source(self) -> str:
        """The ``source`` recorded on every unit taken from this dataset.

        Data, not interface text: it stays in Vietnamese whatever the active language.
        """
        return (
            "Danh mục đơn vị hành chính của Tổng cục Thống kê (%(gso)s), qua gói %(package)s "
            "%(version)s (dữ liệu ngày %(data)s); tỉnh theo Nghị quyết 202/2025/QH15, xã "
            "theo các nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị hành chính "
            "cấp xã năm 2025."
        ) % {
            "gso": GSO_LIST,
            "package": PACKAGE,
            "version": self.version,
            "data": self.data_version,
        }

    @property
    def commune_count(self) -> int:
        return sum(len(province.communes) for province in self.provinces)


def dataset_from_nested(
    rows: Iterable[dict[str, Any]], *, version: str, data_version: str
) -> Dataset:
    """A ``Dataset`` from rows shaped like the package's ``nested-divisions.json``.

    Each row has ``code`` (a number), ``name``, ``division_type`` and ``wards`` (each with
    ``code``, ``name``, ``division_type``); codes are padded to their official width.
    """
    provinces = tuple(
        Province(
            code=str(row["code"]).zfill(PROVINCE_CODE_WIDTH),
            name=row["name"],
            division_type=row["division_type"],
            communes=tuple(
                Commune(
                    str(ward["code"]).zfill(COMMUNE_CODE_WIDTH), ward["name"], ward["division_type"]
                )
                for ward in row["wards"]
            ),
        )
        for row in rows
    )
    return Dataset(version=version, data_version=data_version, provinces=provinces)


def package_dataset() -> Dataset:
    """The list carried by the installed ``vietnam-provinces`` package."""
    rows = json.loads(vietnam_provinces.NESTED_DIVISIONS_JSON_PATH.read_text(encoding="utf-8"))
    return dataset_from_nested(
        rows, version=vietnam_provinces.__version__, data_version=vietnam_provinces.__data_version__
    )


class UnknownProvince(DomainError):
    """No province of the dataset answers to ``query``; ``suggestions`` are the close ones."""

    code = "province_unknown"

    def __init__(
        self, query: str, suggestions: Sequence[Province], everyone: Sequence[Province]
    ) -> None:
        self.query = query
        self.suggestions = list(suggestions)
        listed = self.suggestions or list(everyone)
        names = ", ".join(f"{p.short} ({p.code})" for p in listed)
        if self.suggestions:
            text = _("Không có tỉnh, thành phố “%(query)s” trong danh mục. Có phải: %(names)s?")
        else:
            text = _(
                "Không có tỉnh, thành phố “%(query)s” trong danh mục. Các tỉnh, thành phố "
                "(mã): %(names)s."
            )
        super().__init__(text % {"query": query, "names": names})


def _keys(province: Province) -> set[str]:
    """Every folded spelling that names ``province``: code, name, short name, with its kind."""
    short = fold(province.short)
    return {
        province.code,
        str(int(province.code)),
        fold(province.name),
        short,
        fold(province.label),
        f"tp {short}",
    }


def find_province(dataset: Dataset, query: str) -> Province:
    """The province named by ``query``: its code (``86``, ``1``, ``01``) or its name.

    Names are compared without diacritics, case or extra spaces (``vinh long``, ``Vĩnh
    Long``, ``tỉnh Vĩnh Long``, ``TP Hồ Chí Minh``). ``UnknownProvince`` otherwise, with
    the close matches (or, when none is close, every province).
    """
    wanted = fold(query)
    for province in dataset.provinces:
        if wanted in _keys(province):
            return province
    shorts = {fold(p.short): p for p in dataset.provinces}
    close = difflib.get_close_matches(wanted, list(shorts), n=5, cutoff=0.6)
    close += [key for key in shorts if wanted and wanted in key and key not in close]
    raise UnknownProvince(query, [shorts[key] for key in close], dataset.provinces)
