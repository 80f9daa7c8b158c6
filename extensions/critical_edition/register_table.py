"""The register of disputes: a table of every dispute, and counts."""

from __future__ import annotations

from collections import Counter

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.nodes import make_refnode

from .annotations import VERDICTS
from .domain import EditionDomain


def build_table(header: list[str], rows: list[list[nodes.Node | str]], widths: list[int]) -> nodes.table:
    """A docutils table with a header row (also used by the timeline and the matrix)."""
    # generated from the annotations and registers: Sphinx's search skips it ("no-search"),
    # the words it repeats are indexed where they stand
    table = nodes.table(classes=["ed-register", "no-search"])
    group = nodes.tgroup(cols=len(header))
    table += group
    group.extend(nodes.colspec(colwidth=w) for w in widths)
    head = nodes.thead()
    group += head
    body = nodes.tbody()
    group += body
    for target, cells in ((head, [header]), (body, rows)):
        for cells_row in cells:
            row = nodes.row()
            for cell in cells_row:
                entry = nodes.entry()
                para = nodes.paragraph()
                para += nodes.Text(cell) if isinstance(cell, str) else cell
                entry += para
                row += entry
            target += row
    return table


def dispute_register_nodes(app: Sphinx, domain: EditionDomain, docname: str) -> list[nodes.Node]:
    """Counts per verdict and per source, then one row per dispute."""
    disputes = sorted(
        (a for a in domain.annotations.values() if a["kind"] == "dispute"),
        key=lambda a: (a["source"], a["segment"], a["start"]),
    )
    ids = {id(a): aid for aid, a in domain.annotations.items()}
    by_verdict = Counter(a["verdict"] for a in disputes)
    by_source = Counter(a["source"] for a in disputes)
    counts = nodes.paragraph(classes=["ed-register-counts"])
    counts += nodes.Text(
        f"{len(disputes)} disputes. By verdict: "
        + ", ".join(f"{v} {by_verdict[v]}" for v in VERDICTS)
        + ". By source: "
        + ", ".join(f"{domain.short_title(s)} {n}" for s, n in sorted(by_source.items()))
        + "."
    )
    rows: list[list[nodes.Node | str]] = []
    for ann in disputes:
        aid = ids[id(ann)]
        doc = domain.sources.get(ann["source"], (ann["docname"],))[0]
        seg = make_refnode(app.builder, docname, doc, f"s{ann['segment']}",
                           nodes.Text(f"\u00a7{ann['segment']}"))
        link = make_refnode(app.builder, docname, ann["docname"], f"dispute-{aid}",
                            nodes.Text(ann["summary"]))
        rows.append([domain.short_title(ann["source"]), seg, f"\u201c{ann['exact']}\u201d",
                     ann["verdict"], link])
    table = build_table(["Source", "§", "Quoted words", "Verdict", "Summary"], rows, [12, 5, 30, 12, 41])
    if app.builder.format == "latex":  # wrapping columns in the PDF (in HTML this would be inline style)
        table["classes"].append("colwidths-given")
    return [counts, table]
