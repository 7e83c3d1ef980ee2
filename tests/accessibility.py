"""axe-core in the browser tests: the page's serious and critical accessibility problems.

axe-core (tests/vendor/axe, MPL-2.0) is evaluated in the page through the DevTools
protocol, which the Content-Security-Policy does not block (a <script> tag would be).
``axe_problems(page)`` returns one line per violation and node, empty when the page
passes; a test asserts ``== []`` so the message names the rule, the element and the fix.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

AXE = Path(__file__).parent / "vendor" / "axe" / "axe.min.js"
#: WCAG 2.1 A and AA, and axe's best practices (landmarks, headings, regions).
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
#: What fails a test; "moderate" and "minor" findings are reported by ``axe_report``.
FAILING = frozenset({"serious", "critical"})


@cache
def _source() -> str:
    return AXE.read_text(encoding="utf-8")


def axe_results(page: Any) -> list[dict[str, Any]]:
    """Every violation axe-core finds on the page as it is now."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(_source())
    return list(
        page.evaluate(
            "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags},"
            " resultTypes: ['violations']})).violations",
            TAGS,
        )
    )


def _lines(violations: list[dict[str, Any]]) -> list[str]:
    return [
        f"{v['impact']} {v['id']}: {', '.join(node['target'][0] for node in v['nodes'][:5])}"
        f" — {v['help']}"
        for v in violations
    ]


def axe_problems(page: Any, failing: frozenset[str] = FAILING) -> list[str]:
    """The violations of impact ``failing`` (serious and critical), one line each."""
    return _lines([v for v in axe_results(page) if v["impact"] in failing])


def axe_report(page: Any) -> list[str]:
    """Every violation, whatever its impact, one line each."""
    return _lines(axe_results(page))
