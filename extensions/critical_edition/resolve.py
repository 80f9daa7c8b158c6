"""Anchor a page's annotations to its copy text while the page is read.

A transform: it resolves every pending dispute, note, tag and untag against
the segments of the page's source, records them in the ``ed`` domain, marks
the anchored words on the segment (``spans``) and puts each dispute or note
right after its segment, numbered in text order.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from .anchoring import Anchor, AnchorError, Selector, resolve
from .bibrefs import citation_keys
from .catalogue import CatalogueError, SourceText, load_catalogue, load_source
from .directive import catalogue_path
from .nodes import annotation, edition_text, pending_annotation, segment

logger = logging.getLogger(__name__)

_SENTENCE = re.compile(r"^(.{20,}?[.!?])(?=\s|$)", re.S)


def summary_of(text: str, limit: int = 180) -> str:
    """The first sentence of *text*, shortened to *limit* characters."""
    text = " ".join(text.split())
    match = _SENTENCE.match(text)
    first = match[1] if match else text
    return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"


def _warn(node: nodes.Node, subtype: str, message: str, *args: Any) -> None:
    logger.warning(message, *args, type="edition", subtype=subtype, location=node)


def _selector(options: dict[str, Any]) -> Selector:
    return Selector(
        options["quote"], options.get("prefix", ""), options.get("suffix", ""), options.get("segment")
    )


class ResolveAnnotations(SphinxTransform):
    """Resolve, record and place the annotations of one page."""

    default_priority = 870  # after parsing, before the doctree-read event (880)

    def apply(self, **kwargs: Any) -> None:
        pending = list(self.document.findall(pending_annotation))
        if not pending:
            return
        text = next(iter(self.document.findall(edition_text)), None)
        source = self._source(text) if text is not None else None
        if text is None or source is None:
            for node in pending:
                if text is None and not self.document.get("edition_failed"):
                    _warn(node, "directive", "%s %r: this page has no {edition} source to anchor to",
                          node["kind"], node["annotation_id"])
                node.parent.remove(node)
            return
        segs = {n["number"]: n for n in text.findall(segment)}
        placed: list[tuple[Anchor, pending_annotation]] = []
        for node in pending:
            node.parent.remove(node)
            try:
                anchor = resolve(_selector(node["options"]), source.segments)
            except AnchorError as exc:
                _warn(node, f"anchor-{exc.kind}", "%s %r: %s", node["kind"], node["annotation_id"], exc)
                continue
            if node["kind"] in ("tag", "untag"):
                self._record_tag(node, anchor, source)
            else:
                placed.append((anchor, node))
        placed.sort(key=lambda item: (item[0].segment, item[0].start, item[0].end))
        after: dict[int, nodes.Node] = {}
        for number, (anchor, node) in enumerate(placed, start=1):
            box = self._box(node, anchor, number, source)
            seg_node = segs[anchor.segment]
            seg_node.setdefault("spans", []).append(
                (anchor.start, anchor.end, node["kind"], node["annotation_id"], number,
                 node["options"].get("verdict", ""))
            )
            prev = after.get(anchor.segment, seg_node)
            prev.parent.insert(prev.parent.index(prev) + 1, box)
            after[anchor.segment] = box

    def _source(self, text: edition_text) -> SourceText | None:
        try:
            return load_source(load_catalogue(catalogue_path(self.env))[text["source"]])
        except (CatalogueError, KeyError):
            return None  # the edition directive has reported it

    def _record(self, node: pending_annotation, anchor: Anchor, source: SourceText, **extra: Any) -> dict:
        seg = source.segments[anchor.segment - 1]
        options = node["options"]
        return {
            "kind": node["kind"],
            "docname": self.env.docname,
            "lineno": node.line,
            "source": source.entry.id,
            "segment": anchor.segment,
            "offset": anchor.start,  # in the segment
            "start": seg.start + anchor.start,
            "end": seg.start + anchor.end,
            "exact": options["quote"],
            "prefix": options.get("prefix", ""),
            "suffix": options.get("suffix", ""),
            **extra,
        }

    def _record_tag(self, node: pending_annotation, anchor: Anchor, source: SourceText) -> None:
        record = self._record(node, anchor, source, entity=node["annotation_id"])
        key = f"{node['kind']}:{self.env.docname}:{node.line}"
        self.env.get_domain("ed").note_object("tags", key, record)  # type: ignore[attr-defined]

    def _box(self, node: pending_annotation, anchor: Anchor, number: int, source: SourceText) -> annotation:
        kind, ann_id, options = node["kind"], node["annotation_id"], node["options"]
        box = annotation(
            kind=kind, annotation_id=ann_id, number=number, verdict=options.get("verdict", ""),
            source=source.entry.id, segment=anchor.segment, ids=[f"{kind}-{ann_id}"],
        )
        box.source, box.line = node.source, node.line
        claim = nodes.paragraph(classes=["ed-claim"])
        claim += nodes.Text("On \u201c")
        claim += nodes.inline(options["quote"], options["quote"], classes=["ed-quote"])
        claim += nodes.Text("\u201d (")
        claim += nodes.reference("", f"\u00a7{anchor.segment}", refid=f"s{anchor.segment}",
                                 classes=["ed-backlink"])
        claim += nodes.Text(")")
        box += claim
        body = list(node.children)
        box.extend(body)
        citations = citation_keys(box)
        extra: dict[str, Any] = {"number": number, "citations": citations}
        if kind == "dispute":
            if not citations:
                _warn(node, "citation", "dispute %r cites no bibliography entry: add {cite:p}`key`", ann_id)
            extra["verdict"] = options["verdict"]
            extra["summary"] = options.get("summary") or summary_of(
                " ".join(n.astext() for n in body)
            )
            extra["compare"] = self._compare(node, box)
        self.env.get_domain("ed").note_object(  # type: ignore[attr-defined]
            "annotations", ann_id, self._record(node, anchor, source, **extra)
        )
        return box

    def _compare(self, node: pending_annotation, box: annotation) -> list[dict[str, Any]]:
        links = []
        try:
            entries = load_catalogue(catalogue_path(self.env))
        except CatalogueError:
            return links
        para = nodes.paragraph(classes=["ed-compare"])
        for source_id, seg_no, quote in node["options"].get("compare", []):
            if source_id not in entries:
                _warn(node, "compare", "compare-link to unknown source %r (known: %s)",
                      source_id, ", ".join(sorted(entries)))
                continue
            self.env.note_dependency(str(entries[source_id].path))
            try:
                other = load_source(entries[source_id])
            except CatalogueError as exc:
                _warn(node, "compare", "compare-link to %s: %s", source_id, exc)
                continue
            try:
                anchor = resolve(Selector(quote, segment=seg_no), other.segments)
            except AnchorError as exc:
                _warn(node, f"compare-{exc.kind}", "compare-link to %s: %s", source_id, exc)
                continue
            seg = other.segments[anchor.segment - 1]
            links.append({
                "source": source_id, "segment": anchor.segment, "exact": quote,
                "start": seg.start + anchor.start, "end": seg.start + anchor.end,
            })
            para += nodes.Text("Compare " if len(para) == 0 else "; ")
            ref = pending_xref("", refdomain="ed", reftype="passage",
                               reftarget=f"{source_id}:{anchor.segment}", refexplicit=False)
            ref += nodes.inline(source_id, source_id)
            para += ref
            para += nodes.Text(f": \u201c{quote}\u201d")
        if links:
            para += nodes.Text(".")
            box += para
        return links
