"""The ``ed`` domain: the edition's cross-document data and cross-references.

Per-document data (sources, annotations, tags, entities, collector pages) is
recorded while reading, cleared and merged like any domain's; data derived
from all of it (mentions, back-links) is computed once per build by
:mod:`.collect` and kept under ``derived``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Set
from typing import Any

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.builders import Builder
from sphinx.domains import Domain, Index, IndexEntry, ObjType
from sphinx.environment import BuildEnvironment
from sphinx.roles import XRefRole
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

logger = logging.getLogger(__name__)

PER_DOC = ("sources", "annotations", "tags", "entities", "collectors", "by_doc")


def passage_label(short_title: str, segment: int) -> str:
    """How a passage is cited: ``Hsu 2023, §12``."""
    return f"{short_title}, \u00a7{segment}"


class EntityIndex(Index):
    """Persons, places, organisations, treaties and events with every mention."""

    name = "entities"
    localname = "Index of names"
    shortname = "names"

    def generate(
        self, docnames: Iterable[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        domain: EditionDomain = self.domain  # type: ignore[assignment]
        mentions = domain.mentions_by_entity()
        letters: dict[str, list[IndexEntry]] = {}
        for eid, ent in sorted(domain.entities.items(), key=lambda kv: kv[1]["name"].casefold()):
            entries = letters.setdefault(ent["name"][0].upper(), [])
            entries.append(IndexEntry(ent["name"], 1, ent["docname"], f"entity-{eid}", "", "", ent["type"]))
            for source, segment in mentions.get(eid, []):
                doc = domain.sources.get(source, (None,))[0]
                if doc is None:
                    continue
                label = passage_label(domain.short_title(source), segment)
                entries.append(IndexEntry(label, 2, doc, f"s{segment}", "", "", ""))
        return sorted(letters.items()), True


class EditionDomain(Domain):
    """Typed, referenceable objects of the edition."""

    name = "ed"
    label = "Critical edition"
    object_types = {
        "entity": ObjType("entity", "entity"),
        "dispute": ObjType("dispute", "dispute"),
        "note": ObjType("note", "note"),
        "source": ObjType("source", "passage"),
    }
    roles = {
        "entity": XRefRole(),
        "dispute": XRefRole(),
        "note": XRefRole(),
        "passage": XRefRole(),
    }
    indices = [EntityIndex]
    initial_data: dict[str, Any] = {
        **{key: {} for key in PER_DOC},
        "derived": {"mentions": {}, "backlinks": {}, "shown": {}, "titles": {}},
    }

    # -- data ------------------------------------------------------------
    @property
    def sources(self) -> dict[str, tuple[str, int, int]]:
        """Source id -> (docname, line of its edition directive, number of segments)."""
        return self.data["sources"]

    @property
    def annotations(self) -> dict[str, dict[str, Any]]:
        return self.data["annotations"]

    @property
    def tags(self) -> dict[str, dict[str, Any]]:
        return self.data["tags"]

    @property
    def entities(self) -> dict[str, dict[str, Any]]:
        return self.data["entities"]

    @property
    def collectors(self) -> dict[str, list[str]]:
        return self.data["collectors"]

    @property
    def derived(self) -> dict[str, Any]:
        return self.data["derived"]

    def short_title(self, source: str) -> str:
        return self.derived["titles"].get(source, source)

    def note_source(self, source: str, docname: str, lineno: int, segments: int) -> None:
        self.sources[source] = (docname, lineno, segments)

    def note_collector(self, docname: str, what: str) -> None:
        shown = self.collectors.setdefault(docname, [])
        if what not in shown:
            shown.append(what)

    def note_object(self, table: str, key: str, record: dict[str, Any]) -> bool:
        """Record an annotation or entity; warn and refuse a duplicate id."""
        known = self.data[table].get(key)
        if known is not None and (known["docname"], known["lineno"]) != (
            record["docname"], record["lineno"]
        ):
            where = f"{self.env.doc2path(known['docname'])}:{known['lineno']}"
            logger.warning(
                "duplicate id %r: already used at %s; choose another id",
                key, where,
                type="edition", subtype="duplicate-id",
                location=(record["docname"], record["lineno"]),
            )
            return False
        self.data[table][key] = record
        self.data["by_doc"].setdefault(record["docname"], []).append((table, key))
        return True

    def mentions_by_entity(self) -> dict[str, list[tuple[str, int]]]:
        """Entity id -> [(source, segment)] in source and text order, without repeats.

        Computed once per set of mentions (every register entry asks for it).
        """
        mentions = self.derived["mentions"]
        cached = getattr(self, "_by_entity", None)
        if cached is not None and cached[0] is mentions:
            return cached[1]
        found: dict[str, dict[tuple[str, int], None]] = {}
        for source, found_in_source in sorted(mentions.items()):
            for segment, _start, _end, eid in found_in_source:
                found.setdefault(eid, {})[(source, segment)] = None
        result = {eid: list(places) for eid, places in found.items()}
        self._by_entity = (mentions, result)
        return result

    # -- lifecycle -----------------------------------------------------------
    def clear_doc(self, docname: str) -> None:
        for table, key in self.data["by_doc"].pop(docname, []):
            record = self.data[table].get(key)
            if record is not None and record["docname"] == docname:
                del self.data[table][key]
        for source in [s for s, (doc, *_) in self.sources.items() if doc == docname]:
            del self.sources[source]
        self.collectors.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for key in ("annotations", "tags", "entities"):
            for name, record in otherdata[key].items():
                if record["docname"] in docnames:
                    self.note_object(key, name, record)
        for source, record in otherdata["sources"].items():
            if record[0] in docnames:
                self.sources[source] = record
        for doc, shown in otherdata["collectors"].items():
            if doc in docnames:
                self.collectors[doc] = shown

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        for eid, ent in self.entities.items():
            yield eid, ent["name"], "entity", ent["docname"], f"entity-{eid}", 1
        for aid, ann in self.annotations.items():
            yield aid, aid, ann["kind"], ann["docname"], f"{ann['kind']}-{aid}", 1
        for source, (doc, *_) in self.sources.items():
            yield source, self.short_title(source), "source", doc, "", 1

    # -- cross-references ------------------------------------------------------
    def _target(self, typ: str, target: str) -> tuple[str, str, str] | None:
        """(docname, anchor, title) of a reference, or None."""
        if typ == "entity" and target in self.entities:
            ent = self.entities[target]
            return ent["docname"], f"entity-{target}", ent["name"]
        if typ in ("dispute", "note") and target in self.annotations:
            ann = self.annotations[target]
            if ann["kind"] == typ:
                title = f"{typ} on {passage_label(self.short_title(ann['source']), ann['segment'])}"
                return ann["docname"], f"{typ}-{target}", title
        if typ == "passage":
            source, _, segment = target.replace("\u00a7", ":").replace(" ", "").partition(":")
            if source in self.sources and segment.isdigit() and 1 <= int(segment) <= self.sources[source][2]:
                doc = self.sources[source][0]
                return doc, f"s{int(segment)}", passage_label(self.short_title(source), int(segment))
        return None

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        found = self._target(typ, target)
        if found is None:
            return None
        docname, anchor, title = found
        if not node.get("refexplicit"):
            contnode = nodes.inline(title, title, classes=["xref", f"ed-{typ}-ref"])
        return make_refnode(builder, fromdocname, docname, anchor, contnode, title)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        results = []
        for typ in self.roles:
            ref = self.resolve_xref(env, fromdocname, builder, typ, target, node, contnode)
            if ref is not None:
                results.append((f"ed:{typ}", ref))
        return results
