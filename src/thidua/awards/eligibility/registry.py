"""The registry of eligibility checks: each module of ``eligibility/checks/`` registers its
checks with ``eligibility_check``, and ``check_nomination`` runs what the registry holds,
in order. Nothing else lists the checks.

A check that reads thresholds names a ``thresholds`` model (pydantic): its values are then
data, given per form and rule window under ``thresholds:`` in ``award-forms.yaml`` with
their legal citation, validated against that model when the file is loaded, and read back
by date through ``Facts.thresholds`` (DESIGN.md §4: legal thresholds are data).

A check that reads more than the nomination's own rows and its rule names a ``prefetch``
loader: given the ``Facts`` of many nominations, it reads what the check needs for all of
them in a fixed number of queries and returns one value per ``Facts``, which the check
reads back with ``Facts.loaded(loader)``. Checks sharing a loader share its answer; the
check itself makes no query, so a whole queue is checked in a few queries (issue #16).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ImproperlyConfigured
from pydantic import BaseModel

from thidua.awards.eligibility.result import CheckResult

if TYPE_CHECKING:
    from thidua.awards.eligibility.facts import Facts

CheckFunction = Callable[["Facts"], CheckResult | None]
#: Reads a check's facts for many nominations at once: one value per ``Facts``, in order.
Loader = Callable[[Sequence["Facts"]], Sequence[Any]]

#: The package whose every module is imported before the registry answers.
CHECKS_PACKAGE = "thidua.awards.eligibility.checks"


@dataclass(frozen=True)
class Check:
    """One registered check. ``code`` names it (the ``CheckResult.code`` it answers with),
    ``order`` places it among the others (the law's order: R1 first), ``run`` returns its
    result or None when it does not apply, ``thresholds`` validates its values in the data
    (None: it reads none), ``prefetch`` loads what it reads for many nominations at once
    (None: it reads only the nomination's rows and its rule)."""

    code: str
    order: int
    run: CheckFunction
    thresholds: type[BaseModel] | None = None
    prefetch: Loader | None = None


class Registry:
    """The checks by code. Every answer comes after the modules of ``package`` have been
    imported once (each registers its own checks as it is imported)."""

    def __init__(self, package: str) -> None:
        self.package = package
        self._checks: dict[str, Check] = {}
        self._discovered = False

    def register(self, check: Check) -> None:
        """Add ``check``. Two different checks under one code are a programming error."""
        known = self._checks.get(check.code)
        if known is not None and known.run is not check.run:
            raise ImproperlyConfigured(f"Two eligibility checks are named {check.code!r}.")
        self._checks[check.code] = check

    def unregister(self, code: str) -> None:
        """Remove the check ``code`` (nothing happens when there is none)."""
        self._checks.pop(code, None)

    def get(self, code: str) -> Check | None:
        self._discover()
        return self._checks.get(code)

    def checks(self) -> list[Check]:
        """Every registered check, by ``order`` then ``code``."""
        self._discover()
        return sorted(self._checks.values(), key=lambda check: (check.order, check.code))

    def loaders(self) -> list[Loader]:
        """The checks' ``prefetch`` loaders, each once, in the checks' order."""
        found: list[Loader] = []
        for check in self.checks():
            if check.prefetch is not None and check.prefetch not in found:
                found.append(check.prefetch)
        return found

    def _discover(self) -> None:
        if self._discovered:
            return
        package = importlib.import_module(self.package)
        for module in pkgutil.iter_modules(package.__path__, f"{self.package}."):
            importlib.import_module(module.name)
        self._discovered = True


registry = Registry(CHECKS_PACKAGE)


def eligibility_check(
    code: str,
    *,
    order: int,
    thresholds: type[BaseModel] | None = None,
    prefetch: Loader | None = None,
) -> Callable[[CheckFunction], CheckFunction]:
    """Register the decorated function as the check ``code`` (see ``Check``); the
    function itself is returned unchanged."""

    def register(run: CheckFunction) -> CheckFunction:
        check = Check(code=code, order=order, run=run, thresholds=thresholds, prefetch=prefetch)
        registry.register(check)
        return run

    return register
