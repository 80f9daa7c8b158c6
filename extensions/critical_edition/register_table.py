"""The register of disputes: a table of every dispute, and counts; listed when resolved, built when written."""

from __future__ import annotations

from collections import Counter

from docutils import nodes
from sphinx.application import Sphinx

from .annotations import VERDICTS
from .domain import EditionDomain
from .nodes import dispute_register


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


def list_disputes(app: Sphinx, domain: EditionDomain, docname: str, node: dispute_register) -> None:
    """Give the placeholder the counts per verdict and per source; store one row per dispute.

    A row: short title, link to the segment, quoted words, verdict, link to the
    dispute, its summary. The translators build the table (:func:`render_disputes`).
    """
    disputes = sorted(
        (a for a in domain.annotations.values() if a["kind"] == "dispute"),
        key=lambda a: (a["source"], a["segment"], a["start"]),
    )
    ids = {id(a): aid for aid, a in domain.annotations.items()}
    by_verdict = Counter(a["verdict"] for a in disputes)
    by_source = Counter(a["source"] for a in disputes)
    counts = nodes.paragraph(classes=["ed-register-counts"])  # in the page now: the search indexes it
    counts += nodes.Text(
        f"{len(disputes)} disputes. By verdict: "
        + ", ".join(f"{v} {by_verdict[v]}" for v in VERDICTS)
        + ". By source: "
        + ", ".join(f"{domain.short_title(s)} {n}" for s, n in sorted(by_source.items()))
        + "."
    )
    node += counts
    uris: dict[str, str] = {}  # page -> its URI from this page ("" for this page)

    def link(doc: str, anchor: str) -> str:  # as make_refnode: "#anchor" on this page
        if doc not in uris:
            uris[doc] = "" if doc == docname else app.builder.get_relative_uri(docname, doc)
        return f"{uris[doc]}#{anchor}"

    node["rows"] = [
        (domain.short_title(ann["source"]),
         link(domain.sources.get(ann["source"], (ann["docname"],))[0], f"s{ann['segment']}"),
         f"\u00a7{ann['segment']}", f"\u201c{ann['exact']}\u201d", ann["verdict"],
         link(ann["docname"], f"dispute-{ids[id(ann)]}"), ann["summary"])
        for ann in disputes
    ]
    node["colwidths_given"] = app.builder.format == "latex"  # wrapping columns in the PDF (in HTML: inline style)


def internal_ref(uri: str, text: str) -> nodes.reference:
    """A link within the edition; "#anchor" (this page) becomes a ``refid``, as with ``make_refnode``."""
    target = {"refid": uri[1:]} if uri.startswith("#") else {"refuri": uri}
    return nodes.reference("", "", nodes.Text(text), internal=True, **target)


def render_disputes(node: dispute_register) -> None:
    """Give the placeholder its table, from the stored rows (used up: a second call does nothing)."""
    if "rows" not in node:
        return
    rows: list[list[nodes.Node | str]] = [
        [title, internal_ref(seg_uri, seg), quoted, verdict, internal_ref(uri, summary)]
        for title, seg_uri, seg, quoted, verdict, uri, summary in node.attributes.pop("rows")
    ]
    table = build_table(["Source", "§", "Quoted words", "Verdict", "Summary"], rows, [12, 5, 30, 12, 41])
    if node.attributes.pop("colwidths_given"):
        table["classes"].append("colwidths-given")
    node += table
