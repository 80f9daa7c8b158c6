"""An entity's mentions on its register page: listed when the page is resolved, built when it is written.

:func:`list_mentions` (called by :mod:`.fill`) stores on the placeholder, per
source, its short title, the link to its page and the segment numbers;
:func:`render_mentions` (called by the translators) builds the paragraph from
them. A register page of a large edition holds tens of thousands of these
links: a parallel build builds them in a writing process, not in the main
process, which resolves every page in turn.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from .domain import EditionDomain
from .nodes import mention_list
from .register_table import internal_ref


def list_mentions(app: Sphinx, domain: EditionDomain, docname: str, node: mention_list) -> None:
    """Store ``groups``: (short title, URI of its page or "" for this page, segment numbers) per source."""
    grouped: dict[str, list[int]] = {}
    for source, seg in domain.mentions_by_entity().get(node["entity"], []):
        grouped.setdefault(source, []).append(seg)
    groups = []
    for source, segs in grouped.items():
        doc = domain.sources[source][0]
        uri = "" if doc == docname else app.builder.get_relative_uri(docname, doc)  # once per source
        groups.append((domain.short_title(source), uri, segs))
    node["groups"] = groups


def render_mentions(node: mention_list) -> None:
    """Give the placeholder its paragraph of links, from ``groups`` (used up: a second call does nothing)."""
    if "groups" not in node:
        return
    groups = node.attributes.pop("groups")
    para = nodes.paragraph(classes=["ed-mentions", "no-search"])  # generated: not in the search index
    if not groups:
        para += nodes.emphasis(text="Not named in the copy texts; referred to by the apparatus.")
    else:
        para += nodes.emphasis(text="Mentions: ")
    for i, (title, uri, segs) in enumerate(groups):
        if i:
            para += nodes.Text("; ")
        para += nodes.Text(f"{title} ")
        for j, seg in enumerate(segs):
            if j:
                para += nodes.Text(", ")
            para += internal_ref(f"{uri}#s{seg}", f"\u00a7{seg}")
    node += para
