"""Find entity mentions in copy text: one pass, longest match, word boundaries (pure)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any


def _trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation of *words* factored as a trie (greedy: longest first)."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


class Matcher:
    """Match every alias of a name register in one scan of a text."""

    def __init__(self, aliases: Mapping[str, str]) -> None:
        self.aliases = dict(aliases)  # alias -> entity id
        pattern = _trie_pattern(self.aliases)
        self.regex = re.compile(rf"(?<!\w)(?:{pattern})(?!\w)") if pattern else None

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, entity id) of each mention, left to right, not overlapping."""
        if self.regex is None:
            return []
        return [(m.start(), m.end(), self.aliases[m.group()]) for m in self.regex.finditer(text)]


def apply_tags(
    mentions: list[tuple[int, int, int, str]],
    tags: Iterable[tuple[str, int, int, int, str]],
) -> list[tuple[int, int, int, str]]:
    """Apply ("tag"|"untag", segment, start, end, entity) edits to (segment, start, end, entity).

    An untag removes the automatic mentions it overlaps; a tag replaces any it
    overlaps with its own.
    """
    result = list(mentions)
    for kind, seg, start, end, eid in tags:
        result = [m for m in result if not (m[0] == seg and m[1] < end and start < m[2])]
        if kind == "tag":
            result.append((seg, start, end, eid))
    return sorted(result)
