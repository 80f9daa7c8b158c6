"""The ``ed:timeline`` directive: dated treaties and events, in order, with their sources.

The directive leaves a placeholder; when the page is resolved it becomes, for
HTML, an SVG chart (:mod:`.timeline_svg`) and, for every builder, a table:
date, event, the passages that mention it, the years the sources write next to
those mentions (a year outside the register's dates is marked "differs"), and
the disputes on those mentions.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.nodes import make_refnode

from .annotations import CollectorDirective
from .chronology import Event, events
from .domain import EditionDomain
from .register_table import build_table


class timeline(nodes.General, nodes.Element):
    """Placeholder: the timeline, filled when the doctree is resolved."""


class timeline_chart(nodes.General, nodes.Element):
    """The SVG chart (HTML only; the table that follows carries the same data everywhere)."""


def visit_chart_html(self, node: timeline_chart) -> None:
    self.body.append(f'<div class="ed-chart">{node["svg"]}</div>\n')
    raise nodes.SkipNode


def skip_chart(self, node: timeline_chart) -> None:
    raise nodes.SkipNode  # latex, text: the table after the chart is the timeline


class TimelineDirective(CollectorDirective):
    """Place the timeline of the edition."""

    node_class = timeline
    collects = "chronology"


def _seg_links(app: Sphinx, domain: EditionDomain, docname: str, places: list[tuple[str, int]]) -> nodes.inline:
    cell = nodes.inline()
    grouped: dict[str, list[int]] = {}
    for source, seg in places:
        grouped.setdefault(source, []).append(seg)
    for i, (source, segs) in enumerate(grouped.items()):
        cell += nodes.Text(("; " if i else "") + domain.short_title(source) + " ")
        for j, seg in enumerate(segs):
            cell += nodes.Text(", " if j else "")
            cell += make_refnode(app.builder, docname, domain.sources[source][0], f"s{seg}",
                                 nodes.Text(f"\u00a7{seg}"))
    if not grouped:
        cell += nodes.Text("\u2014")
    return cell


def _written(app: Sphinx, domain: EditionDomain, docname: str, event: Event) -> nodes.inline:
    cell = nodes.inline()
    for i, w in enumerate(event.written):
        cell += nodes.Text(("; " if i else "") + f"{domain.short_title(w.source)} ")
        cell += make_refnode(app.builder, docname, domain.sources[w.source][0], f"s{w.segment}",
                             nodes.Text(f"\u00a7{w.segment}"))
        cell += nodes.Text(f": {w.year}")
        if not w.agrees:
            cell += nodes.Text(" ")
            cell += nodes.strong("differs", "differs", classes=["ed-disagree"])
    if not event.written:
        cell += nodes.Text("\u2014")
    return cell


def dispute_links(app: Sphinx, domain: EditionDomain, docname: str, aids: list[str],
                  classes: tuple[str, ...] = ()) -> nodes.inline:
    """Links to disputes: "Hsu 2023 dispute 3 (incorrect)"."""
    cell = nodes.inline()
    for i, aid in enumerate(aids):
        ann = domain.annotations[aid]
        label = f"{domain.short_title(ann['source'])} dispute {ann['number']} ({ann['verdict']})"
        cell += nodes.Text("; " if i else "")
        ref = make_refnode(app.builder, docname, ann["docname"], f"dispute-{aid}", nodes.Text(label))
        ref["classes"].extend(classes)
        cell += ref
    if not aids:
        cell += nodes.Text("\u2014")
    return cell


def _differing(app: Sphinx, domain: EditionDomain, docname: str, dated: list[Event]) -> list[nodes.Node]:
    """Every event a source dates outside the register's dates, one item each."""
    para = nodes.paragraph(classes=["ed-differing"])
    differ = [e for e in dated if e.disagreements]
    if not differ:
        para += nodes.Text("Dates that differ: none. Every year the sources write next to a "
                           "treaty or event lies within its dates in the registers.")
        return [para]
    para += nodes.Text(f"Dates that differ ({len(differ)}):")
    items = nodes.bullet_list(classes=["ed-differing-list"])
    for event in differ:
        assert event.span is not None
        item = nodes.paragraph()
        item += _event_link(app, docname, event)
        item += nodes.Text(f": registers {event.span.label}; ")
        for j, w in enumerate(event.disagreements):
            item += nodes.Text((", " if j else "") + f"{domain.short_title(w.source)} ")
            item += make_refnode(app.builder, docname, domain.sources[w.source][0], f"s{w.segment}",
                                 nodes.Text(f"\u00a7{w.segment}"))
            item += nodes.Text(f" writes {w.year}")
        items += nodes.list_item("", item)
    return [para, items]


def _event_link(app: Sphinx, docname: str, event: Event) -> nodes.reference:
    return make_refnode(app.builder, docname, event.docname, f"entity-{event.eid}", nodes.Text(event.name))


def timeline_nodes(app: Sphinx, docname: str, serial: int) -> list[nodes.Node]:
    """The chart (HTML) and the table (every builder) of the dated events."""
    domain: EditionDomain = app.env.get_domain("ed")  # type: ignore[assignment]
    found = events(domain, app.env)
    dated = [e for e in found if e.span is not None]
    out: list[nodes.Node] = []
    if app.builder.format == "html" and dated:
        from .timeline_svg import timeline_svg

        out.append(timeline_chart(svg=timeline_svg(dated, f"ed-timeline-{serial}")))
    out.extend(_differing(app, domain, docname, dated))
    rows = [[e.span.label if e.span else "", _event_link(app, docname, e),
             _seg_links(app, domain, docname, e.mentions), _written(app, domain, docname, e),
             dispute_links(app, domain, docname, e.disputes)] for e in dated]
    table = build_table(["Date", "Treaty or event", "Mentioned in", "Years the sources write", "Disputes"],
                   rows, [13, 21, 24, 24, 18])
    table["classes"] = ["ed-timeline", "longtable"]
    if app.builder.format == "latex":  # wrapped columns of the given widths (HTML: no style="")
        table["classes"].append("colwidths-given")
    out.append(table)
    undated = [e for e in found if e.span is None]
    if undated:
        para = nodes.paragraph(classes=["ed-undated"])
        para += nodes.Text("Without dates in the registers: ")
        for i, event in enumerate(undated):
            para += nodes.Text(", " if i else "")
            para += _event_link(app, docname, event)
        para += nodes.Text(".")
        out.append(para)
    return out


def setup_timeline(app: Sphinx) -> None:
    app.add_node(timeline_chart, html=(visit_chart_html, None), latex=(skip_chart, None),
                 text=(skip_chart, None))
    app.add_directive_to_domain("ed", "timeline", TimelineDirective)
