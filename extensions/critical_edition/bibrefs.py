"""Citation keys cited (with sphinxcontrib-bibtex's roles) inside a node."""

from __future__ import annotations

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinxcontrib.bibtex.citation_target import parse_citation_targets


def citation_keys(node: nodes.Node) -> list[str]:
    """Every bibliography key cited under *node*, in order, without repeats."""
    keys: dict[str, None] = {}
    for ref in node.findall(pending_xref):
        if ref.get("refdomain") in ("cite", "footcite"):
            try:
                keys.update((t.key, None) for t in parse_citation_targets(ref["reftarget"]))
            except ValueError:
                continue  # sphinxcontrib-bibtex reports the malformed target itself
    return list(keys)
