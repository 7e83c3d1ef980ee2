"""One check's answer, shown in the nomination form and refusing transitions when it blocks."""

from __future__ import annotations

from dataclasses import dataclass

BLOCK = "block"
WARN = "warn"


@dataclass(frozen=True)
class CheckResult:
    """``code`` names the rule (``authority``, ``dossier``…), ``ok`` whether it holds,
    ``severity`` what a failure does ("block" refuses the transition, "warn" advises),
    ``message`` says in plain Vietnamese what holds or what to fix, ``article`` where
    the rule comes from; ``note``, shown to the Ban TĐKT only, says when that source is
    unverified or a setting of the province to confirm (``awards.sources``)."""

    code: str
    ok: bool
    severity: str
    message: str
    article: str
    note: str = ""

    @property
    def blocks(self) -> bool:
        return not self.ok and self.severity == BLOCK


def passed(
    code: str, message: str, article: str, severity: str = BLOCK, note: str = ""
) -> CheckResult:
    return CheckResult(code, True, severity, message, article, note)


def failed(
    code: str, message: str, article: str, severity: str = BLOCK, note: str = ""
) -> CheckResult:
    return CheckResult(code, False, severity, message, article, note)
