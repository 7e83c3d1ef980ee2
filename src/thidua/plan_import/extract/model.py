"""What extraction returns: the draft data, where each value came from, what is missing."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class SourceRef:
    """The line a value was read from.

    ``line`` counts from 1 into the list given to ``extract_plan`` (the list that
    ``reading.read_plan`` returns); ``text`` is that line (shortened when long);
    ``confidence`` is 1.0 for a value copied as written, lower for a value the extractor
    had to read into (a split sentence, a derived code, a completed name).
    """

    line: int
    text: str
    confidence: float = 1.0


@dataclass
class Extraction:
    """A campaign draft read from a plan.

    ``data`` has the keys and shape of a campaign file (docs/campaign-file.md);
    ``sources`` maps dotted paths into ``data`` ("phases.0.end") to the line they came from;
    ``missing`` lists the dotted paths the format needs but the text does not state (they
    are absent from ``data``: never invented, never defaulted); ``warnings`` says, in
    Vietnamese, what a person should check.
    """

    data: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, SourceRef] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class Draft:
    """Builds an ``Extraction``: each value set with the line it came from."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.result = Extraction()

    def ref(self, line: int, confidence: float = 1.0) -> SourceRef:
        """A ``SourceRef`` to ``line`` (1-based)."""
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        return SourceRef(line=line, text=text[:240], confidence=confidence)

    def cite(self, path: str, line: int, confidence: float = 1.0) -> None:
        """Say that the value at ``path`` comes from ``line``."""
        self.result.sources[path] = self.ref(line, confidence)

    def set(self, path: str, value: Any, line: int, confidence: float = 1.0) -> None:
        """Put ``value`` at the dotted ``path`` of dictionaries and cite ``line``."""
        node = self.result.data
        *parents, last = path.split(".")
        for key in parents:
            node = node.setdefault(key, {})
        node[last] = value
        self.cite(path, line, confidence)

    def cite_tree(self, path: str, value: Any, line: int, confidence: float = 1.0) -> None:
        """Cite ``line`` for ``path`` and every value below it (lists and dictionaries)."""
        self.cite(path, line, confidence)
        if isinstance(value, dict):
            for key, item in value.items():
                self.cite_tree(f"{path}.{key}", item, line, confidence)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, dict | list):
                    self.cite_tree(f"{path}.{index}", item, line, confidence)

    def miss(self, path: str) -> None:
        """Record that the format needs ``path`` and the text does not state it."""
        if path not in self.result.missing:
            self.result.missing.append(path)

    def warn(self, message: str) -> None:
        """A Vietnamese note for the person who checks the draft."""
        self.result.warnings.append(message)
