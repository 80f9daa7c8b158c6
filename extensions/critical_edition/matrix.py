"""The ``ed:matrix`` directive: which source mentions which treaty or event.

A table, one row per treaty or event that a source mentions (in date order),
one column per source. A cell links to the passages (§N); a dagger (†N) links
to dispute N of that source when the dispute's quoted words mention the event.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.nodes import make_refnode

from .annotations import CollectorDirective
from .chronology import Event, events
from .domain import EditionDomain
from .register_table import build_table


class matrix(nodes.General, nodes.Element):
    """Placeholder: the sources-by-events table, filled when the doctree is resolved."""


class MatrixDirective(CollectorDirective):
    """Place the sources-by-events matrix."""

    node_class = matrix
    collects = "chronology"


def _cell(app: Sphinx, domain: EditionDomain, docname: str, event: Event, source: str) -> nodes.inline:
    cell = nodes.inline()
    doc = domain.sources[source][0]
    for i, (_source, seg) in enumerate(p for p in event.mentions if p[0] == source):
        cell += nodes.Text(", " if i else "")
        cell += make_refnode(app.builder, docname, doc, f"s{seg}", nodes.Text(f"\u00a7{seg}"))
    for aid in event.disputes:
        ann = domain.annotations[aid]
        if ann["source"] != source:
            continue
        title = f"dispute {ann['number']} ({ann['verdict']})"
        ref = make_refnode(app.builder, docname, ann["docname"], f"dispute-{aid}",
                           nodes.Text(f"\u2020{ann['number']}"), title)
        ref["classes"].append("ed-matrix-dispute")
        cell += nodes.Text(" ")
        cell += ref
    return cell


def sources_in_order(domain: EditionDomain) -> list[str]:
    """The edition's sources in catalogue order."""
    titles = list(domain.derived.get("titles", {}))
    return [s for s in titles if s in domain.sources] + sorted(s for s in domain.sources if s not in titles)


def matrix_nodes(app: Sphinx, docname: str) -> list[nodes.Node]:
    domain: EditionDomain = app.env.get_domain("ed")  # type: ignore[assignment]
    found = events(domain, app.env)
    sources = sources_in_order(domain)
    named = [e for e in found if e.mentions]
    rows: list[list[nodes.Node | str]] = []
    for event in named:
        head = nodes.inline()
        head += make_refnode(app.builder, docname, event.docname, f"entity-{event.eid}", nodes.Text(event.name))
        if event.span is not None:
            head += nodes.Text(f" ({event.span.label})")
        rows.append([head, *(_cell(app, domain, docname, event, s) for s in sources)])
    width = max(8, 70 // max(len(sources), 1))
    table = build_table(["Treaty or event", *(domain.short_title(s) for s in sources)], rows,
                   [30, *[width] * len(sources)])
    table["classes"] = ["ed-matrix", "longtable"]
    if app.builder.format == "latex":  # wrapped columns of the given widths (HTML: no style="")
        table["classes"].append("colwidths-given")
    out: list[nodes.Node] = [table]
    unnamed = [e for e in found if not e.mentions]
    if unnamed:
        para = nodes.paragraph(classes=["ed-unnamed"])
        para += nodes.Text("In the registers but not named in the copy texts: ")
        for i, event in enumerate(unnamed):
            para += nodes.Text(", " if i else "")
            para += make_refnode(app.builder, docname, event.docname, f"entity-{event.eid}",
                                 nodes.Text(event.name))
        para += nodes.Text(".")
        out.append(para)
    return out


def setup_matrix(app: Sphinx) -> None:
    app.add_directive_to_domain("ed", "matrix", MatrixDirective)
