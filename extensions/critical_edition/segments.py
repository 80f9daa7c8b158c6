"""Split a copy text into numbered segments (pure; no Sphinx import)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_RANGE = re.compile(r"^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$")


@dataclass(frozen=True, slots=True)
class Segment:
    """One non-blank line of a copy text.

    ``start`` and ``end`` are character offsets in the decoded file
    (W3C TextPositionSelector semantics); ``line`` is the 1-based file line.
    """

    number: int
    line: int
    start: int
    end: int
    text: str

    @property
    def indent(self) -> int:
        """Number of leading spaces."""
        return len(self.text) - len(self.text.lstrip(" "))


def split_segments(text: str) -> list[Segment]:
    """Every non-blank line of *text*, numbered from 1 in file order."""
    segments: list[Segment] = []
    offset = 0
    for lineno, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            segments.append(Segment(len(segments) + 1, lineno, offset, offset + len(line), line))
        offset += len(line) + 1
    return segments


def parse_ranges(spec: str) -> list[int]:
    """Parse ``"1, 3-5"`` into ``[1, 3, 4, 5]``; raise ValueError if malformed."""
    numbers: list[int] = []
    for part in spec.split(","):
        match = _RANGE.match(part)
        if not match:
            raise ValueError(f"malformed segment range {part.strip()!r} (use e.g. '1, 3-5')")
        first = int(match[1])
        last = int(match[2] or first)
        if last < first:
            raise ValueError(f"range {part.strip()!r} runs backwards")
        numbers.extend(range(first, last + 1))
    return numbers
