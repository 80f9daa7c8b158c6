"""HTML rendering of the edition nodes (also used by epub and singlehtml)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from .pieces import render_pieces
from .resolve import summary_of

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator

    from .nodes import annotation, edition_text, editorial, indent, segment


def visit_edition_text(self: HTML5Translator, node: edition_text) -> None:
    titles = self.builder.env.get_domain("ed").data["derived"].get("titles", {})
    attrs = {
        "data-source": node["source"],
        "data-short-title": titles.get(node["source"]) or node["source"],  # for "cite this passage"
        "data-edition-title": self.builder.config.project,
    }
    self.body.append(self.starttag(node, "div", CLASS="ed-text", **attrs))


def depart_edition_text(self: HTML5Translator, node: edition_text) -> None:
    self.body.append("</div>\n")


def visit_segment(self: HTML5Translator, node: segment) -> None:
    render_pieces(node)
    attrs = {
        "data-source": node["source"],
        "data-segment": str(node["number"]),
        "data-role": node["role"],
        "data-depth": str(node["depth"]),
    }
    self.body.append(self.starttag(node, "div", "", CLASS=f"ed-seg ed-{node['role']}", **attrs))
    number = node["number"]
    self.body.append(
        f'<a class="ed-n" href="#s{number}" data-editorial="" '
        f'title="Permalink to segment {number}">{number}</a>'
    )
    if node.get("role_start"):
        self.body.append(f'<span class="ed-role" data-editorial="">{node["role"]}</span>')
    self.body.append('<span class="ed-copy">')


def depart_segment(self: HTML5Translator, node: segment) -> None:
    self.body.append("</span></div>\n")


def visit_editorial(self: HTML5Translator, node: editorial) -> None:
    self.body.append(self.starttag(node, "span", "", **{"data-editorial": ""}))


def depart_editorial(self: HTML5Translator, node: editorial) -> None:
    self.body.append("</span>")


def visit_indent(self: HTML5Translator, node: indent) -> None:
    self.body.append('<span class="ed-indent">')


def depart_indent(self: HTML5Translator, node: indent) -> None:
    self.body.append("</span>")


def visit_annotation(self: HTML5Translator, node: annotation) -> None:
    kind = node["kind"]
    classes = f"ed-annotation ed-{kind}" + (f" ed-verdict-{node['verdict']}" if kind == "dispute" else "")
    label = f"{kind.capitalize()} {node['number']}"
    attrs = {"data-annotation": node["annotation_id"], "aria-label": label}
    if kind == "dispute":
        attrs["data-verdict"] = node["verdict"]
    attrs["data-summary"] = _summary(self, node)  # shown by the preview popover
    self.body.append(self.starttag(node, "aside", CLASS=classes, ROLE="note", **attrs))
    verdict = f' <span class="ed-verdict">{node["verdict"]}</span>' if kind == "dispute" else ""
    self.body.append(f'<p class="ed-annotation-title">{label}{verdict}</p>\n')


def _summary(self: HTML5Translator, node: annotation) -> str:
    """A dispute's summary (as in the register), or the first sentence of a note."""
    record = self.builder.env.get_domain("ed").data["annotations"].get(node["annotation_id"], {})
    if record.get("summary"):
        return record["summary"]
    body = [c for c in node.children
            if isinstance(c, nodes.Element) and "ed-claim" not in c.get("classes", ())]
    return summary_of(" ".join(c.astext() for c in body))


def depart_annotation(self: HTML5Translator, node: annotation) -> None:
    self.body.append("</aside>\n")
