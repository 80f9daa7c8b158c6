"""Data derived from the whole edition, computed once per build (``env-updated``).

Mentions of every entity in every source, back-links of compare-links, the
entities inside each annotation's quote; and which pages show data that
changed, so that Sphinx rewrites them (and only them).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from .catalogue import CatalogueError, load_catalogue, load_source
from .directive import catalogue_path
from .domain import EditionDomain
from .mentions import Matcher, apply_tags

logger = logging.getLogger(__name__)


def _aliases(domain: EditionDomain) -> dict[str, str]:
    """Alias -> entity id; an alias claimed by two entities is reported at each and dropped."""
    claimants: dict[str, list[str]] = {}
    for eid, ent in sorted(domain.entities.items()):
        for alias in dict.fromkeys([ent["name"], *ent["aliases"]]):
            claimants.setdefault(alias, []).append(eid)
    for alias, eids in claimants.items():
        if len(eids) > 1:
            for eid in eids:
                ent = domain.entities[eid]
                logger.warning(
                    "alias %r is claimed by entities %s: keep it on one and tag the "
                    "other's mentions with ed:tag",
                    alias, " and ".join(repr(e) for e in eids),
                    type="edition", subtype="alias", location=(ent["docname"], ent["lineno"]),
                )
    return {alias: eids[0] for alias, eids in claimants.items() if len(eids) == 1}


def _mentions(domain: EditionDomain, env: BuildEnvironment) -> dict[str, list[tuple]]:
    """Mentions per source: the automatic ones, then the tags and untags applied.

    The automatic mentions of a source are kept from the last build while its
    text (its checksum in the catalogue) and the aliases are the same.
    """
    entries = load_catalogue(catalogue_path(env))
    aliases = _aliases(domain)
    edits: dict[str, list[tuple]] = {}
    for tag in domain.tags.values():
        eid = tag["entity"]
        if tag["kind"] == "tag" and eid not in domain.entities:
            logger.warning(
                "tag names unknown entity %r: define it with ed:entity or fix the id", eid,
                type="edition", subtype="entity", location=(tag["docname"], tag["lineno"]),
            )
            continue
        edits.setdefault(tag["source"], []).append(
            (tag["kind"], tag["segment"], tag["offset"], tag["offset"] + len(tag["exact"]), eid)
        )
    key = _digest(sorted(aliases.items()))
    last = domain.data.get("automatic", {})
    kept = last.get("sources", {}) if last.get("aliases") == key else {}  # source -> (checksum, mentions)
    automatic: dict[str, tuple[str, list[tuple]]] = {}
    matcher = None
    found = {}
    for source in sorted(domain.sources):
        if source not in entries:
            continue
        checksum = entries[source].data["sha256"]
        hit = kept.get(source)
        if hit and hit[0] == checksum:
            auto = hit[1]
        else:
            matcher = matcher or Matcher(aliases)
            text = load_source(entries[source])
            auto = [(s.number, a, b, eid) for s in text.segments for a, b, eid in matcher.find(s.text)]
        automatic[source] = (checksum, auto)
        found[source] = apply_tags(auto, sorted(edits.get(source, []), key=lambda e: (e[1], e[2])))
    domain.data["automatic"] = {"aliases": key, "sources": automatic}
    return found


def _digest(data: Any) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=list).encode()).hexdigest()


def collect(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Compute the derived data; return the pages whose shown data changed."""
    domain: EditionDomain = env.get_domain("ed")  # type: ignore[assignment]
    try:
        entries = load_catalogue(catalogue_path(env))
        mentions = _mentions(domain, env)
    except CatalogueError:
        return []  # reported where the catalogue is used
    backlinks: dict[str, list[str]] = {}
    for aid, ann in sorted(domain.annotations.items()):
        for link in ann.get("compare", []):
            backlinks.setdefault(f"{link['source']}:{link['segment']}", []).append(aid)
    in_segment: dict[tuple[str, int], list[tuple]] = {}
    for source, found in mentions.items():
        for mention in found:
            in_segment.setdefault((source, mention[0]), []).append(mention)
    entities_in: dict[str, list[str]] = {}
    for aid, ann in domain.annotations.items():
        offset = ann["offset"]
        length = ann["end"] - ann["start"]
        entities_in[aid] = sorted({
            eid for _, a, b, eid in in_segment.get((ann["source"], ann["segment"]), [])
            if a < offset + length and offset < b
        })
    titles = {sid: entry.get("short_title") for sid, entry in entries.items()}
    entity_docs = {eid: (e["docname"], e["name"], e["type"]) for eid, e in domain.entities.items()}
    old = domain.derived.get("shown", {})
    domain.data["derived"] = {
        "mentions": mentions, "backlinks": backlinks, "titles": titles,
        "entities_in": entities_in, "shown": old,
    }
    shown = _shown(domain, entity_docs)
    domain.derived["shown"] = shown
    return sorted(doc for doc, digest in shown.items() if old.get(doc) != digest)


def _shown(domain: EditionDomain, entity_docs: dict[str, Any]) -> dict[str, str]:
    """A digest, per page, of the collected data the page shows."""
    derived = domain.derived
    shown: dict[str, str] = {}
    backlinks_of: dict[str, dict[str, Any]] = {}  # source -> its back-links, grouped once
    for key, ids in derived["backlinks"].items():
        backlinks_of.setdefault(key.split(":", 1)[0], {})[key] = ids
    for source, (doc, *_) in domain.sources.items():
        mentions = derived["mentions"].get(source, [])
        links = {eid: entity_docs.get(eid) for *_, eid in mentions}
        back = backlinks_of.get(source, {})
        sources = {aid: domain.annotations[aid]["docname"] for ids in back.values() for aid in ids}
        shown[doc] = _digest([mentions, links, back, sources, derived["titles"]])
    by_entity = domain.mentions_by_entity()
    disputes = {
        aid: [a["source"], a["segment"], a["exact"], a["verdict"], a["summary"], a["docname"]]
        for aid, a in domain.annotations.items() if a["kind"] == "dispute"
    }
    for doc, what in domain.collectors.items():
        parts: list[Any] = [derived["titles"], sorted(domain.sources.items())]
        if "mentions" in what:
            parts.append({eid: by_entity.get(eid, []) for eid, e in domain.entities.items()
                          if e["docname"] == doc})
        if "disputes" in what:
            parts.append(disputes)
        shown[doc] = _digest(parts)
    return shown
