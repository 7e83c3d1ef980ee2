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
    the rule comes from."""

    code: str
    ok: bool
    severity: str
    message: str
    article: str

    @property
    def blocks(self) -> bool:
        return not self.ok and self.severity == BLOCK


def passed(code: str, message: str, article: str, severity: str = BLOCK) -> CheckResult:
    return CheckResult(code=code, ok=True, severity=severity, message=message, article=article)


def failed(code: str, message: str, article: str, severity: str = BLOCK) -> CheckResult:
    return CheckResult(code=code, ok=False, severity=severity, message=message, article=article)
