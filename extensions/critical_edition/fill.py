"""Fill a page with collected data as it is written (``doctree-resolved``).

Source pages: each segment gets the entity mentions it links (the
translators build its pieces, :mod:`.pieces`), and passages compared from
other sources get a "compared in" line. Register pages: each entity's
mentions (:mod:`.mentionlist`). The disputes page: the register of disputes
(:mod:`.register_table`); the translators build both lists. The chronology:
its timelines and matrices. One walk per page finds them all.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.nodes import make_refnode

from .domain import EditionDomain, passage_label
from .matrix import matrix, matrix_nodes
from .mentionlist import list_mentions
from .nodes import dispute_register, edition_text, mention_list, segment
from .register_table import list_disputes
from .timeline import timeline, timeline_nodes


def _link(app: Sphinx, fromdoc: str, todoc: str, anchor: str, text: str) -> nodes.reference:
    return make_refnode(app.builder, fromdoc, todoc, anchor, nodes.Text(text))


def _compared_in(app: Sphinx, domain: EditionDomain, docname: str, ids: list[str]) -> nodes.paragraph:
    para = nodes.paragraph(classes=["ed-compared", "no-search"])  # generated: not in the search index
    para += nodes.Text("Compared in: ")
    for i, aid in enumerate(ids):
        ann = domain.annotations[aid]
        if i:
            para += nodes.Text("; ")
        label = f"{passage_label(domain.short_title(ann['source']), ann['segment'])} (dispute {ann['number']})"
        para += _link(app, docname, ann["docname"], f"dispute-{aid}", label)
    return para


def _fill_source(app: Sphinx, domain: EditionDomain, docname: str, text: edition_text) -> None:
    """Store each segment's mentions for :func:`.pieces.render_pieces`; add "compared in" lines."""
    source = text["source"]
    pages: dict[str, str] = {}  # register page -> its URI from this page
    by_segment: dict[int, list[tuple[int, int, str, str, str]]] = {}
    for seg_no, a, b, eid in domain.derived["mentions"].get(source, []):
        ent = domain.entities.get(eid)
        if ent is None:
            continue
        doc = ent["docname"]
        if doc not in pages:
            pages[doc] = app.builder.get_relative_uri(docname, doc)
        by_segment.setdefault(seg_no, []).append(
            (a, b, f"{pages[doc]}#entity-{eid}", ent["name"], ent["type"]))
    for seg in list(text.findall(segment)):
        mentions = by_segment.get(seg["number"])
        if mentions:
            seg["mentions"] = mentions
        ids = domain.derived["backlinks"].get(f"{source}:{seg['number']}")
        if ids:
            seg.parent.insert(seg.parent.index(seg) + 1, _compared_in(app, domain, docname, ids))


class _Placeholders(nodes.NodeVisitor):
    """Finds the nodes fill replaces or completes; never walks into a copy text (most of a page)."""

    def __init__(self, document: nodes.document) -> None:
        super().__init__(document)
        self.found: list[nodes.Node] = []

    def dispatch_visit(self, node: nodes.Node) -> None:
        if isinstance(node, (edition_text, mention_list, dispute_register, timeline, matrix)):
            self.found.append(node)
        if isinstance(node, (edition_text, nodes.TextElement)):  # no placeholder inside either
            raise nodes.SkipChildren


def fill(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """doctree-resolved: put the collected data into the page."""
    domain: EditionDomain = app.env.get_domain("ed")  # type: ignore[assignment]
    finder = _Placeholders(doctree)
    doctree.walk(finder)
    timelines = 0  # numbered on the page
    for node in finder.found:
        if isinstance(node, edition_text):
            _fill_source(app, domain, docname, node)
        elif isinstance(node, mention_list):
            list_mentions(app, domain, docname, node)
        elif isinstance(node, dispute_register):
            list_disputes(app, domain, docname, node)
        elif isinstance(node, timeline):
            timelines += 1
            node.replace_self(timeline_nodes(app, docname, timelines))
        else:
            node.replace_self(matrix_nodes(app, docname))
