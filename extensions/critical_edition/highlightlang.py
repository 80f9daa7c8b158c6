"""Sphinx's highlight-language post-transform, without its walk of pages that have no code.

``HighlightLanguageTransform`` visits every node of every page (a visitor
dispatch per node) to give each literal block its language; the edition's
pages are long and hold no literal block, and the walk ran in the serial part
of a parallel build. This subclass replaces it: a page without a literal
block only loses its ``highlightlang`` nodes, as Sphinx's would.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms.code import HighlightLanguageTransform


class HighlightLanguage(HighlightLanguageTransform):
    """Sphinx's transform, run only where there is a literal block."""

    def apply(self, **kwargs: Any) -> None:
        if next(self.document.findall(nodes.literal_block), None) is not None:
            super().apply(**kwargs)
            return
        for node in list(self.document.findall(addnodes.highlightlang)):
            node.parent.remove(node)


def setup(app: Sphinx) -> dict[str, Any]:
    transforms = app.registry.post_transforms
    if HighlightLanguageTransform in transforms:
        transforms[transforms.index(HighlightLanguageTransform)] = HighlightLanguage
    return {"parallel_read_safe": True, "parallel_write_safe": True}
