"""Plain-text rendering of the edition nodes (text builder)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .pieces import render_pieces

if TYPE_CHECKING:
    from sphinx.writers.text import TextTranslator

    from .nodes import annotation, edition_text, editorial, indent, segment


def visit_edition_text(self: TextTranslator, node: edition_text) -> None:
    self.new_state(0)


def depart_edition_text(self: TextTranslator, node: edition_text) -> None:
    self.end_state(wrap=False)


def visit_segment(self: TextTranslator, node: segment) -> None:
    render_pieces(node)
    self.add_text(f"{node['number']:>4}  ")


def depart_segment(self: TextTranslator, node: segment) -> None:
    self.add_text("\n")


def visit_editorial(self: TextTranslator, node: editorial) -> None:
    self.add_text(" [")


def depart_editorial(self: TextTranslator, node: editorial) -> None:
    self.add_text("]")


def visit_indent(self: TextTranslator, node: indent) -> None:
    pass


def depart_indent(self: TextTranslator, node: indent) -> None:
    pass


def visit_annotation(self: TextTranslator, node: annotation) -> None:
    self.new_state(6)
    verdict = f" ({node['verdict']})" if node["kind"] == "dispute" else ""
    self.add_text(f"[{node['kind'].capitalize()} {node['number']}{verdict}]")
    self.end_state(wrap=False, end=[""])
    self.new_state(6)


def depart_annotation(self: TextTranslator, node: annotation) -> None:
    self.end_state()
