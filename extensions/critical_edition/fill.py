"""Fill a page with collected data as it is written (``doctree-resolved``).

Source pages: the anchored words of each segment are marked and numbered,
entity mentions linked to their register entries, and passages compared from
other sources get a "compared in" line. Register pages: each entity's
mentions. The disputes page: the register of disputes.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.nodes import make_refnode

from .domain import EditionDomain, passage_label
from .nodes import dispute_register, edition_text, editorial, indent, mention_list, segment
from .register_table import dispute_register_nodes


def _link(app: Sphinx, fromdoc: str, todoc: str, anchor: str, text: str) -> nodes.reference:
    return make_refnode(app.builder, fromdoc, todoc, anchor, nodes.Text(text))


def _mention_ref(domain: EditionDomain, pages: dict[str, str], eid: str) -> nodes.reference:
    """A link to the register entry; *pages* maps register pages to their URIs from this page."""
    ent = domain.entities[eid]
    return nodes.reference("", "", internal=True, reftitle=ent["name"],
                           refuri=f"{pages[ent['docname']]}#entity-{eid}",
                           classes=["ed-mention", f"ed-{ent['type']}"])


def _word_end(line: str, pos: int) -> int:
    """The end of the word (run of non-space characters) that *pos* lies in or ends."""
    while pos < len(line) and not line[pos].isspace():
        pos += 1
    return pos


def _render_segment(app: Sphinx, domain: EditionDomain, pages: dict[str, str], seg: segment,
                    mentions: list[tuple[int, int, str]]) -> None:
    """Rebuild a segment's copy text as pieces: marked, linked, with markers after quotes."""
    spans = seg.get("spans", [])
    if not spans and not mentions:
        return
    indent_node = next(iter(seg.findall(indent)), None)
    start = len(indent_node.astext()) if indent_node is not None else 0
    text = next(child for child in seg.children if isinstance(child, nodes.Text))
    line = " " * start + str(text)
    extras = [c for c in seg.children if isinstance(c, editorial)]
    # a marker goes after the word its quote ends in ("1959,[4]"), so words stay whole
    marks = {s: _word_end(line, s[1]) for s in spans}
    points = sorted({start, len(line), *(p for s in spans for p in s[:2]), *marks.values(),
                     *(p for m in mentions for p in m[:2])})
    out: list[nodes.Node] = [indent_node] if indent_node is not None else []
    names: list[str] = []  # entities mentioned, for the book's index
    link: nodes.reference | None = None
    for a, b in zip(points, points[1:], strict=False):
        if a < start:
            continue
        piece: nodes.Node = nodes.Text(line[a:b])
        active = [s for s in spans if s[0] <= a and b <= s[1]]
        if active:
            classes = ["ed-hl", *sorted({f"ed-hl-{s[2]}" for s in active}),
                       *sorted({f"ed-verdict-{s[5]}" for s in active if s[5]})]
            piece = nodes.inline("", "", piece, classes=classes)
        mention = next((m for m in mentions if m[0] <= a and b <= m[1]), None)
        if mention is None:
            link = None
            out.append(piece)
        else:
            if link is None or a == mention[0]:
                link = _mention_ref(domain, pages, mention[2])
                if a == mention[0]:
                    names.append(domain.entities[mention[2]]["name"])
                out.append(link)
            link += piece
        ending = sorted((s for s in spans if marks[s] == b), key=lambda s: s[4])
        if ending:
            link = None  # a marker never sits inside a link
        for s in ending:
            ref = nodes.reference("", f"[{s[4]}]", refid=f"{s[2]}-{s[3]}",
                                  classes=["ed-marker-link"], reftitle=f"{s[2]} {s[4]}")
            out.append(editorial("", "", ref, classes=["ed-marker", f"ed-marker-{s[2]}"]))
    seg.children = []
    seg.extend(out)
    seg.extend(extras)
    if names and app.builder.format == "latex":
        # before the segment, not inside \EdSeg's argument, so that \index writes its key verbatim
        entries = [("single", name, "", "", None) for name in names]
        seg.parent.insert(seg.parent.index(seg), addnodes.index(entries=entries, inline=False))


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
    source = text["source"]
    by_segment: dict[int, list[tuple[int, int, str]]] = {}
    for seg_no, a, b, eid in domain.derived["mentions"].get(source, []):
        if eid in domain.entities:
            by_segment.setdefault(seg_no, []).append((a, b, eid))
    pages = {doc: app.builder.get_relative_uri(docname, doc)
             for doc in {domain.entities[m[2]]["docname"] for ms in by_segment.values() for m in ms}}
    for seg in list(text.findall(segment)):
        _render_segment(app, domain, pages, seg, by_segment.get(seg["number"], []))
        ids = domain.derived["backlinks"].get(f"{source}:{seg['number']}")
        if ids:
            seg.parent.insert(seg.parent.index(seg) + 1, _compared_in(app, domain, docname, ids))


def _mention_nodes(app: Sphinx, domain: EditionDomain, docname: str, eid: str) -> nodes.Node:
    places = domain.mentions_by_entity().get(eid, [])
    para = nodes.paragraph(classes=["ed-mentions", "no-search"])  # generated: not in the search index
    if not places:
        para += nodes.emphasis(text="Not named in the copy texts; referred to by the apparatus.")
        return para
    para += nodes.emphasis(text="Mentions: ")
    grouped: dict[str, list[int]] = {}
    for source, seg in places:
        grouped.setdefault(source, []).append(seg)
    for i, (source, segs) in enumerate(grouped.items()):
        if i:
            para += nodes.Text("; ")
        para += nodes.Text(f"{domain.short_title(source)} ")
        doc = domain.sources[source][0]
        uri = "" if doc == docname else app.builder.get_relative_uri(docname, doc)  # once per source
        for j, seg in enumerate(segs):
            if j:
                para += nodes.Text(", ")
            target = {"refuri": f"{uri}#s{seg}"} if uri else {"refid": f"s{seg}"}  # as make_refnode
            para += nodes.reference("", "", nodes.Text(f"\u00a7{seg}"), internal=True, **target)
    return para


def _filled(node: nodes.Node) -> bool:
    """The nodes that fill replaces or completes."""
    return isinstance(node, (edition_text, mention_list, dispute_register))


def fill(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """doctree-resolved: put the collected data into the page."""
    domain: EditionDomain = app.env.get_domain("ed")  # type: ignore[assignment]
    for node in list(doctree.findall(_filled)):  # one walk of the page
        if isinstance(node, edition_text):
            _fill_source(app, domain, docname, node)
        elif isinstance(node, mention_list):
            node.replace_self(_mention_nodes(app, domain, docname, node["entity"]))
        else:
            node.replace_self(dispute_register_nodes(app, domain, docname))
