"""The catalogue of sources (seeds/catalogue.toml) and the verified copy texts."""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from .pullquotes import find_repeated
from .roles import assign_roles
from .segments import Segment, split_segments

REQUIRED = ("file", "sha256", "title", "short_title", "authors", "outlet", "date", "genre", "roles")
OPTIONAL = (
    "translators", "url", "original_file", "unverified", "default_role", "description",
)


class CatalogueError(Exception):
    """The catalogue or a seed is unusable; the message says what to do.

    ``location`` is ``"path:line"`` when the problem lies in a file other than
    the page being read (a catalogue table, a seed), else ``None``.
    """

    def __init__(self, message: str, location: tuple[str, int] | None = None) -> None:
        super().__init__(message)
        self.location = f"{location[0]}:{location[1]}" if location else None


def _table_line(path: str, source_id: str) -> int:
    """The line of ``[source_id]`` in the catalogue (1 if not found)."""
    with open(path, encoding="utf-8", errors="replace") as fh:
        for number, line in enumerate(fh, start=1):
            if line.strip() == f"[{source_id}]":
                return number
    return 1


@dataclass(frozen=True)
class SourceEntry:
    """One source as the catalogue describes it."""

    id: str
    path: Path
    data: dict[str, Any] = field(repr=False, hash=False, compare=False)
    catalogue: str = ""  # the catalogue file that describes it

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)


@dataclass(frozen=True)
class SourceText:
    """A checksum-verified copy text with its segments and their roles."""

    entry: SourceEntry
    text: str
    segments: list[Segment]
    roles: list[str]
    repeats: dict[int, int | None]


def load_catalogue(path: Path) -> dict[str, SourceEntry]:
    """Read and validate the catalogue; raise CatalogueError on any problem."""
    stat = _stat(path)
    return _load_catalogue(str(path), *stat)


def load_source(entry: SourceEntry) -> SourceText:
    """Read a seed, verify its checksum and segment it; raise CatalogueError."""
    stat = _stat(entry.path)
    return _load_source(entry, *stat)


def _stat(path: Path) -> tuple[int, int]:
    try:
        info = path.stat()
    except OSError as exc:
        raise CatalogueError(f"{path}: cannot read ({exc.strerror})") from None
    return info.st_mtime_ns, info.st_size


@lru_cache(maxsize=8)
def _load_catalogue(path: str, _mtime: int, _size: int) -> dict[str, SourceEntry]:
    try:
        with open(path, "rb") as fh:
            raw = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"at line (\d+)", str(exc))
        line = int(found[1]) if found else Path(path).read_bytes().count(b"\n")  # at end of document
        raise CatalogueError(f"{path}: not valid TOML: {exc}", (path, line)) from None
    entries = {}
    for source_id, data in raw.items():
        if not isinstance(data, dict):
            raise CatalogueError(f"{path}: [{source_id}] must be a table", (path, 1))
        missing = [key for key in REQUIRED if key not in data]
        if missing:
            raise CatalogueError(
                f"{path}: [{source_id}] lacks {', '.join(missing)} "
                f"(every source needs: {', '.join(REQUIRED)})",
                (path, _table_line(path, source_id)),
            )
        unknown = sorted(set(data) - set(REQUIRED) - set(OPTIONAL))
        if unknown:
            raise CatalogueError(
                f"{path}: [{source_id}] has unknown field(s) {', '.join(unknown)} "
                f"(allowed: {', '.join(REQUIRED + OPTIONAL)})",
                (path, _table_line(path, source_id)),
            )
        entries[source_id] = SourceEntry(source_id, Path(path).parent / data["file"], data, path)
    return entries


@cache  # every source, however many: compare-links read other sources
def _load_source(entry: SourceEntry, _mtime: int, _size: int) -> SourceText:
    raw = entry.path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != entry.data["sha256"]:
        raise CatalogueError(
            f"{entry.path}: checksum mismatch for source {entry.id!r}: catalogue has "
            f"{entry.data['sha256']}, file has {digest}. The copy text is never edited by "
            "hand: restore the original file"
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CatalogueError(
            f"{entry.path}: not UTF-8 (byte {exc.start}, line {line}): save the seed as UTF-8",
            (str(entry.path), line),
        ) from None
    segments = split_segments(text)
    try:
        roles = assign_roles(len(segments), entry.data["roles"], entry.get("default_role", "body"))
    except ValueError as exc:
        location = (entry.catalogue, _table_line(entry.catalogue, entry.id))
        raise CatalogueError(f"[{entry.id}] roles: {exc}", location) from None
    return SourceText(entry, text, segments, roles, find_repeated(segments, roles))
