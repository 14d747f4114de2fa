"""What an import brought in and what it had to approximate, in human lines."""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_NAMED = 5  # items named per approximation line; the rest are counted


@dataclass
class ImportSummary:
    """Counts of what was imported and one line per kind of approximation."""

    source: str = ""
    diagrams: int = 0
    lanes: int = 0
    nodes: int = 0
    edges: int = 0
    annotations: int = 0
    stages: int = 0
    dividing_lines: int = 0
    approximations: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The summary as lines for the CLI or a dialog."""
        counts = [
            _count(self.diagrams, "diagram"),
            _count(self.lanes, "lane"),
            _count(self.nodes, "node"),
            _count(self.edges, "connector"),
            _count(self.annotations, "annotation"),
        ]
        if self.dividing_lines:
            counts.append(_count(self.dividing_lines, "dividing line"))
        if self.stages:
            counts.append(_count(self.stages, "stage"))
        out = [f"Imported {self.source}: {', '.join(counts)}."]
        if self.approximations:
            out.append("Approximated:")
            out.extend(f"  - {line}" for line in self.approximations)
        else:
            out.append("Everything was imported as drawn.")
        return out


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


class Notes:
    """Collects approximations per page and phrase, naming a few items each."""

    def __init__(self) -> None:
        self._items: dict[tuple[str, str, str], list[str]] = {}

    def add(
        self, page: str, singular: str, plural: str, item: str = "", count: int = 1
    ) -> None:
        self._items.setdefault((page, singular, plural), []).extend([item] * count)

    def lines(self) -> list[str]:
        out = []
        for (page, singular, plural), items in self._items.items():
            n = len(items)
            text = f"Page {page!r}: " + (
                singular if n == 1 else plural.replace("{n}", f"{n:,}")
            )
            named = [i for i in items if i]
            if named:
                shown = ", ".join(repr(_short(i)) for i in named[:MAX_NAMED])
                more = len(named) - MAX_NAMED
                text += f": {shown}" + (f" and {more:,} more" if more > 0 else "")
            out.append(text)
        return out


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
