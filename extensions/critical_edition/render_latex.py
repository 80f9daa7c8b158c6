"""LaTeX rendering of the edition nodes (macros defined in latex/edition.sty)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from .pieces import render_pieces

if TYPE_CHECKING:
    from sphinx.writers.latex import LaTeXTranslator

    from .nodes import annotation, edition_text, editorial, indent, segment


def visit_edition_text(self: LaTeXTranslator, node: edition_text) -> None:
    self.body.append("\n\\begin{EdText}\n")


def depart_edition_text(self: LaTeXTranslator, node: edition_text) -> None:
    self.body.append("\\end{EdText}\n")


def visit_segment(self: LaTeXTranslator, node: segment) -> None:
    names = render_pieces(node)
    if names:  # before the segment, not inside \EdSeg's argument, so that \index writes its key verbatim
        addnodes.index(entries=[("single", name, "", "", None) for name in names], inline=False).walkabout(self)
    role = node["role"].replace("-", "")
    label = self.hypertarget(f"s{node['number']}", anchor=False)
    self.body.append(f"\n\\EdSeg{{{node['number']}}}{{{role}}}{{{node['depth']}}}{{{label}")


def depart_segment(self: LaTeXTranslator, node: segment) -> None:
    self.body.append("}\n")


def visit_editorial(self: LaTeXTranslator, node: editorial) -> None:
    self.body.append("\\EdEditorial{")


def depart_editorial(self: LaTeXTranslator, node: editorial) -> None:
    self.body.append("}")


def visit_indent(self: LaTeXTranslator, node: indent) -> None:
    raise nodes.SkipNode  # nesting is typeset by \EdSeg's depth argument


def depart_indent(self: LaTeXTranslator, node: indent) -> None:
    pass


def visit_annotation(self: LaTeXTranslator, node: annotation) -> None:
    env = "EdDispute" if node["kind"] == "dispute" else "EdNote"
    label = self.hypertarget(node["ids"][0], anchor=False)
    self.body.append(f"\n\\begin{{{env}}}{{{node['number']}}}{{{node.get('verdict', '')}}}{label}\n")


def depart_annotation(self: LaTeXTranslator, node: annotation) -> None:
    env = "EdDispute" if node["kind"] == "dispute" else "EdNote"
    self.body.append(f"\n\\end{{{env}}}\n")
