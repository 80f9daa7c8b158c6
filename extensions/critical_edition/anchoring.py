"""Resolve W3C-style TextQuoteSelectors against a source's segments (pure).

A selector is the exact quoted words, optionally a prefix and/or suffix that
must stand immediately before/after them, and optionally a segment number.
A unique match is required; every failure says why and what to do.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from .segments import Segment

#: Characters contributors commonly type for the ones in the copy text.
_LOOKALIKES = {
    "\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
    "\u00a0": " ", "\u2013": "-", "\u2014": "-", "\u2026": "...",
}
_NAMES = {
    "\u2019": "’ (U+2019 RIGHT SINGLE QUOTATION MARK)",
    "\u2018": "‘ (U+2018 LEFT SINGLE QUOTATION MARK)",
    "\u201c": "“ (U+201C LEFT DOUBLE QUOTATION MARK)",
    "\u201d": "” (U+201D RIGHT DOUBLE QUOTATION MARK)",
    "\u00a0": "a no-break space (U+00A0)",
    "\u2013": "– (U+2013 EN DASH)",
    "\u2014": "— (U+2014 EM DASH)",
    "\u2026": "… (U+2026 HORIZONTAL ELLIPSIS)",
    "'": "' (U+0027 APOSTROPHE)",
    '"': '" (U+0022 QUOTATION MARK)',
    " ": "a space (U+0020)",
}


@dataclass(frozen=True, slots=True)
class Selector:
    exact: str
    prefix: str = ""
    suffix: str = ""
    segment: int | None = None


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a selector matched: segment number and offsets within its line."""

    segment: int
    start: int
    end: int


class AnchorError(ValueError):
    """A selector that matches nothing, more than once, or across segments."""

    def __init__(self, kind: str, message: str, hint: str = "") -> None:
        super().__init__(message + (f" ({hint})" if hint else ""))
        self.kind = kind
        self.hint = hint


def _fold(text: str) -> str:
    return "".join(_LOOKALIKES.get(ch, ch) for ch in text)


def _occurrences(text: str, exact: str) -> list[int]:
    found, pos = [], text.find(exact)
    while pos >= 0:
        found.append(pos)
        pos = text.find(exact, pos + 1)
    return found


def _short(text: str, width: int = 60) -> str:
    text = text.strip()
    return text if len(text) <= width else text[: width - 1] + "…"


def resolve(selector: Selector, segments: Sequence[Segment]) -> Anchor:
    """Return the unique place *selector* matches, or raise AnchorError."""
    if not selector.exact:
        raise AnchorError("empty", "the quote is empty", "give the exact words of the copy text")
    if selector.segment is not None and not 1 <= selector.segment <= len(segments):
        raise AnchorError(
            "segment-range",
            f"segment {selector.segment} out of range",
            f"this source has segments 1-{len(segments)}",
        )
    hits = [(s, pos) for s in segments for pos in _occurrences(s.text, selector.exact)]
    if not hits:
        raise _not_found(selector, segments)
    kept = [
        (s, pos) for s, pos in hits
        if (selector.segment is None or s.number == selector.segment)
        and s.text[:pos].endswith(selector.prefix)
        and s.text[pos + len(selector.exact):].startswith(selector.suffix)
    ]
    where = ", ".join(f"§{s.number}" for s, _ in hits)
    if not kept:
        raise AnchorError(
            "contradiction",
            f"quote {_short(selector.exact)!r} occurs at {where}, but not with the given "
            "prefix, suffix or segment",
            "check them against the copy text character for character",
        )
    if len(kept) > 1:
        places = ", ".join(f"§{s.number}" for s, _ in kept)
        raise AnchorError(
            "ambiguous",
            f"quote {_short(selector.exact)!r} is ambiguous: it occurs {len(kept)} times ({places})",
            "add :segment:, :prefix: or :suffix: to pick one",
        )
    seg, pos = kept[0]
    return Anchor(seg.number, pos, pos + len(selector.exact))


def _not_found(selector: Selector, segments: Sequence[Segment]) -> AnchorError:
    exact = selector.exact
    folded = _fold(exact)
    for seg in segments:
        pos = _fold(seg.text).find(folded)
        if pos >= 0 and len(_fold(seg.text[pos:])) >= len(folded):
            return AnchorError(
                "lookalike",
                f"quote {_short(exact)!r} not found as typed, but found in §{seg.number} "
                "with other characters",
                _lookalike_hint(exact, seg.text, pos),
            )
    joined = "\n".join(" ".join(s.text.split()) for s in segments)
    squeezed = " ".join(exact.split())
    for pos in _occurrences(joined.replace("\n", " "), squeezed):
        if "\n" in joined[pos : pos + len(squeezed)]:
            first = joined.count("\n", 0, pos) + 1
            return AnchorError(
                "crosses-segments",
                f"quote {_short(exact)!r} crosses a segment boundary (§{first}-§{first + 1})",
                "an annotation anchors within one segment: split it into one per segment",
            )
    near = closest(exact, segments)
    listing = "; ".join(f"§{n}: {text!r}" for n, text in near)
    return AnchorError(
        "not-found",
        f"quote {_short(exact)!r} not found in the copy text",
        f"closest passages: {listing}" if near else "the source has no text",
    )


def _lookalike_hint(exact: str, text: str, pos: int) -> str:
    """Name the first character that differs from the copy text's."""
    i = 0
    for ch in exact:
        have = text[pos + i]
        if ch != have:
            return (
                f"the copy text has {_NAMES.get(have, repr(have))} where the quote has "
                f"{_NAMES.get(ch, repr(ch))}: copy the quote from the text"
            )
        i += 1
    return "copy the quote character for character from the text"


def closest(exact: str, segments: Sequence[Segment], n: int = 3) -> list[tuple[int, str]]:
    """The *n* passages most like *exact*: (segment number, passage)."""
    size = max(1, len(exact.split()))
    windows: list[tuple[int, str]] = []
    for seg in segments:
        words = seg.text.split()
        for i in range(max(1, len(words) - size + 1)):
            windows.append((seg.number, " ".join(words[i : i + size])))
    texts = [w for _, w in windows]
    best = difflib.get_close_matches(exact, texts, n=n * 4, cutoff=0.0)
    result: list[tuple[int, str]] = []
    for text in best:
        number = windows[texts.index(text)][0]
        if all(number != r[0] for r in result):
            result.append((number, _short(text)))
        if len(result) == n:
            break
    return result
