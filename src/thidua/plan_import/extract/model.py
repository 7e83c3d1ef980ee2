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
    had to read into (a split sentence, a derived code, a completed name, running text);
    ``where`` says what kind of place the line is: "heading" (the header block, a numbered
    heading or list item), "table" (a header flattened into cells "… | … |") or "prose"
    (a sentence of running text).
    """

    line: int
    text: str
    confidence: float = 1.0
    where: str = "heading"


@dataclass
class Extraction:
    """A campaign draft read from a plan.

    ``data`` has the keys and shape of a campaign file (docs/campaign-file.md);
    ``sources`` maps dotted paths into ``data`` ("phases.0.end") to the line they came from;
    ``missing`` lists the dotted paths the format needs and the text does not state: the
    whole text was searched and no wording of that kind occurs ("văn bản không ghi");
    ``unrecognised`` lists the paths the reader could not read although the text may state
    them ("chưa nhận ra": a person must look in the text). Both are absent from ``data``:
    never invented, never defaulted. ``warnings`` says, in Vietnamese, what a person should
    check.
    """

    data: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, SourceRef] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    unrecognised: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def place_of(text: str) -> str:
    """What kind of place a line is: "table" (cells "… | …"), "prose" (a sentence of running
    text: long, ending in a full stop or holding one inside) or "heading"."""
    if text.count("|") >= 2:
        return "table"
    body = text.strip()
    if len(body) > 160 or (len(body) > 60 and ". " in body):
        return "prose"
    return "heading"


class Draft:
    """Builds an ``Extraction``: each value set with the line it came from."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.result = Extraction()

    def ref(self, line: int, confidence: float = 1.0, where: str = "") -> SourceRef:
        """A ``SourceRef`` to ``line`` (1-based); ``where`` guessed from the line when not
        given (cells "… | …" are a table, a long sentence is prose)."""
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        return SourceRef(line, text[:240], confidence, where or place_of(text))

    def cite(self, path: str, line: int, confidence: float = 1.0, where: str = "") -> None:
        """Say that the value at ``path`` comes from ``line``."""
        self.result.sources[path] = self.ref(line, confidence, where)

    def set(
        self, path: str, value: Any, line: int, confidence: float = 1.0, where: str = ""
    ) -> None:
        """Put ``value`` at the dotted ``path`` of dictionaries and cite ``line``."""
        node = self.result.data
        *parents, last = path.split(".")
        for key in parents:
            node = node.setdefault(key, {})
        node[last] = value
        self.cite(path, line, confidence, where)

    def cite_tree(
        self, path: str, value: Any, line: int, confidence: float = 1.0, where: str = ""
    ) -> None:
        """Cite ``line`` for ``path`` and every value below it (lists and dictionaries)."""
        self.cite(path, line, confidence, where)
        if isinstance(value, dict):
            for key, item in value.items():
                self.cite_tree(f"{path}.{key}", item, line, confidence, where)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, dict | list):
                    self.cite_tree(f"{path}.{index}", item, line, confidence, where)

    def miss(self, path: str) -> None:
        """Record that the format needs ``path`` and the reader did not find it; whether the
        text does not state it or the reader did not recognise it is decided at the end
        (``extract.gaps``), once the whole text has been searched."""
        if path not in self.result.missing:
            self.result.missing.append(path)

    def warn(self, message: str) -> None:
        """A Vietnamese note for the person who checks the draft."""
        self.result.warnings.append(message)
