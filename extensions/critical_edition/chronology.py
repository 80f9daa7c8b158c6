"""The edition's chronology: dated treaties and events, who mentions them, where dates differ.

Shared by the timeline and the sources-by-events matrix. Built from the ``ed``
domain when a page is resolved: register dates, mentions (derived data),
disputes whose quoted words contain a mention, and the years the copy text
writes next to a mention.

The rule for "a source disagrees on a date" (also stated on the timeline
page): a year (1000-2099) written in a segment belongs to the treaty or event
whose mention in that segment is nearest to it, if at most :data:`NEAR`
characters away; it is a year that source gives the event. It disagrees when
it lies outside the register's dates (an approximate ``c.`` date allows
:data:`SLACK` years either side).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

from .catalogue import CatalogueError, load_catalogue, load_source
from .directive import catalogue_path
from .domain import EditionDomain

EVENT_TYPES = ("treaty", "event")
NEAR = 40
SLACK = 5
_YEAR = re.compile(r"(?<![\d-])(1\d{3}|20\d{2})(?!\d)")
_POINT = re.compile(r"^(-?)(\d{1,4})(?:-(\d{2})(?:-(\d{2}))?)?( BCE)?$")


@dataclass(frozen=True)
class Span:
    """Register dates: first and last year (``None``: still running), approximate or not."""

    start: tuple[int, int, int]
    end: tuple[int, int, int] | None
    approx: bool
    label: str

    def contains(self, year: int) -> bool:
        slack = SLACK if self.approx else 0
        last = self.end[0] if self.end is not None else 9999
        return self.start[0] - slack <= year <= last + slack


def _point(text: str) -> tuple[int, int, int]:
    match = _POINT.match(text.strip())
    if not match:
        raise ValueError(f"not a date: {text!r}")
    year = int(match[2]) * (-1 if match[1] or match[5] else 1)
    return year, int(match[3] or 0), int(match[4] or 0)


def parse_dates(text: str) -> Span | None:
    """``1893–1976``, ``1689``, ``1950-02-14``, ``c. 1650–``, ``1904/1905`` -> a Span."""
    value = text.strip()
    approx = value.startswith("c.")
    value = value.removeprefix("c.").strip()
    if not value:
        return None
    parts = re.split(r"\s*[\u2013/]\s*", value, maxsplit=1)
    try:
        start = _point(parts[0])
        if len(parts) == 1:
            end: tuple[int, int, int] | None = start
        else:
            end = _point(parts[1].removeprefix("c.").strip()) if parts[1].strip() else None
    except ValueError:
        return None
    return Span(start, end, approx, text.strip())


@dataclass
class Written:
    """A year a source writes next to a mention."""

    source: str
    segment: int
    year: int
    agrees: bool


@dataclass
class Event:
    eid: str
    name: str
    type: str
    docname: str
    span: Span | None
    mentions: list[tuple[str, int]] = field(default_factory=list)
    disputes: list[str] = field(default_factory=list)
    written: list[Written] = field(default_factory=list)

    @property
    def disagreements(self) -> list[Written]:
        """Years outside the register's dates; empty when every source agrees."""
        return [w for w in self.written if not w.agrees]

    @property
    def sort_key(self) -> tuple[Any, ...]:
        start = self.span.start if self.span else (99999, 0, 0)
        return start, self.name.casefold()


def years_by_mention(text: str, mentions: list[tuple[int, int, str]]) -> list[tuple[str, int]]:
    """(entity id, year) for each year in *text*, given to the nearest mention within :data:`NEAR`."""
    found = []
    for match in _YEAR.finditer(text):
        best: tuple[int, str] | None = None
        for a, b, eid in mentions:
            distance = max(a - match.end(), match.start() - b, 0)
            if distance <= NEAR and (best is None or distance < best[0]):
                best = (distance, eid)
        if best is not None:
            found.append((best[1], int(match[1])))
    return found


def _segments(domain: EditionDomain, catalogue: Any) -> dict[str, list[Any]]:
    try:
        entries = load_catalogue(catalogue)
    except CatalogueError:
        return {}
    found = {}
    for source in domain.sources:
        if source in entries:
            try:
                found[source] = load_source(entries[source]).segments
            except CatalogueError:
                continue
    return found


def events(domain: EditionDomain, env: Any) -> list[Event]:
    """Every treaty and event of the registers, in date order (undated last)."""
    chosen = {eid: ent for eid, ent in domain.entities.items() if ent["type"] in EVENT_TYPES}
    found = {
        eid: Event(eid, ent["name"], ent["type"], ent["docname"], parse_dates(ent.get("dates", "")))
        for eid, ent in chosen.items()
    }
    for eid, places in domain.mentions_by_entity().items():
        if eid in found:
            found[eid].mentions = list(places)
    segments = _segments(domain, catalogue_path(env))
    seen: set[tuple[str, str, int, int]] = set()  # (event, source, segment, year) already written
    for source, mentions in sorted(domain.derived.get("mentions", {}).items()):
        by_segment: dict[int, list[tuple[int, int, str]]] = {}
        for seg_no, a, b, eid in mentions:
            if eid in found:
                by_segment.setdefault(seg_no, []).append((a, b, eid))
        segs = segments.get(source, [])
        for seg_no, here in sorted(by_segment.items()):
            if seg_no > len(segs):
                continue
            for eid, year in years_by_mention(segs[seg_no - 1].text, here):
                event = found[eid]
                if event.span is not None and (eid, source, seg_no, year) not in seen:
                    seen.add((eid, source, seg_no, year))
                    event.written.append(Written(source, seg_no, year, event.span.contains(year)))
    for aid, eids in sorted(domain.derived.get("entities_in", {}).items()):
        ann = domain.annotations.get(aid)
        if ann is None or ann["kind"] != "dispute":
            continue
        for eid in eids:
            if eid in found:
                found[eid].disputes.append(aid)
    return sorted(found.values(), key=lambda e: e.sort_key)


def digest_data(domain: EditionDomain) -> list[Any]:
    """What the timeline and matrix show, for deciding when to rewrite their pages."""
    derived = domain.derived
    chosen = {eid for eid, e in domain.entities.items() if e["type"] in EVENT_TYPES}
    return [
        sorted((eid, e["name"], e.get("dates", ""), e["docname"]) for eid, e in domain.entities.items()
               if eid in chosen),
        {s: [m for m in ms if m[3] in chosen] for s, ms in sorted(derived.get("mentions", {}).items())},
        sorted((aid, a["docname"], a["number"], a["verdict"], a["source"], a["segment"])
               for aid, a in domain.annotations.items() if a["kind"] == "dispute"),
        derived.get("entities_in", {}),
        derived.get("titles", {}),
        sorted((s, d[0]) for s, d in domain.sources.items()),
    ]


def chronology_outdated(app: Any, env: Any) -> list[str]:
    """env-updated (after :func:`.collect.collect`): the timeline and matrix pages, if their data changed."""
    domain: EditionDomain = env.get_domain("ed")
    digest = hashlib.sha256(json.dumps(digest_data(domain), sort_keys=True, default=list).encode()).hexdigest()
    old = domain.data.get("chronology_digest")
    domain.data["chronology_digest"] = digest
    if old == digest:
        return []
    return sorted(doc for doc, what in domain.collectors.items() if "chronology" in what)
