"""Find the body sentence each pull quote repeats (pure)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .segments import Segment

_SPACE = re.compile(r"\s+")
_EDGES = " .\u2026\"'\u201c\u201d\u2018\u2019"


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().strip(_EDGES).casefold()


def find_repeated(segments: Sequence[Segment], roles: Sequence[str]) -> dict[int, int | None]:
    """Map each pull-quote segment number to the nearest body segment containing it.

    Whitespace, case, and leading or trailing dots, ellipses and quote marks
    are ignored.  A pull quote that repeats no body segment maps to None.
    """
    bodies = [(s.number, _norm(s.text)) for s, r in zip(segments, roles, strict=True) if r == "body"]
    found: dict[int, int | None] = {}
    for seg, role in zip(segments, roles, strict=True):
        if role != "pull-quote":
            continue
        quote = _norm(seg.text)
        hits = [n for n, body in bodies if quote and quote in body]
        found[seg.number] = min(hits, key=lambda n: abs(n - seg.number)) if hits else None
    return found
