"""A segment's copy text as marked, linked pieces, built when a translator reaches it.

The data is on the segment: its anchored words (``spans``, stored while the
page is read) and its entity mentions (``mentions``, stored by :mod:`.fill`
when the page is resolved). Building the nodes is left to the translators so
that a parallel build does it in the writing processes, not in the main
process, which resolves every page in turn.
"""

from __future__ import annotations

from docutils import nodes

from .nodes import editorial, indent, segment


def _word_end(line: str, pos: int) -> int:
    """The end of the word (run of non-space characters) that *pos* lies in or ends."""
    while pos < len(line) and not line[pos].isspace():
        pos += 1
    return pos


def _mention_ref(target: str, name: str, kind: str) -> nodes.reference:
    return nodes.reference("", "", internal=True, reftitle=name, refuri=target,
                           classes=["ed-mention", f"ed-{kind}"])


def render_pieces(seg: segment) -> list[str]:
    """Rebuild the copy text as pieces: marked, linked, with markers after quotes.

    Uses up the segment's data, so a second call changes nothing. Returns the
    names of the entities mentioned, in order, for the book's index.
    """
    spans = seg.attributes.pop("spans", [])
    mentions = seg.attributes.pop("mentions", [])
    if not spans and not mentions:
        return []
    indent_node = next((c for c in seg.children if isinstance(c, indent)), None)
    start = len(indent_node.astext()) if indent_node is not None else 0
    text = next(child for child in seg.children if isinstance(child, nodes.Text))
    line = " " * start + str(text)
    extras = [c for c in seg.children if isinstance(c, editorial)]
    # a marker goes after the word its quote ends in ("1959,[4]"), so words stay whole
    marks = {s: _word_end(line, s[1]) for s in spans}
    points = sorted({start, len(line), *(p for s in spans for p in s[:2]), *marks.values(),
                     *(p for m in mentions for p in m[:2])})
    out: list[nodes.Node] = [indent_node] if indent_node is not None else []
    names: list[str] = []
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
                link = _mention_ref(*mention[2:])
                if a == mention[0]:
                    names.append(mention[3])
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
    return names
