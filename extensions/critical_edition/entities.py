"""The ``ed:entity`` directive: one entry of a register (person, place, ...)."""

from __future__ import annotations

import re
from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import OptionSpec

from .annotations import ID_PATTERN
from .bibrefs import citation_keys
from .nodes import mention_list

ENTITY_TYPES = ("person", "place", "organisation", "treaty", "event")
_DATE = r"(?:c\. ?)?-?\d{1,4}(?:-\d{2}(?:-\d{2})?)?(?: BCE)?"
DATES = re.compile(rf"^{_DATE}(?:\s*[\u2013/]\s*(?:{_DATE})?)?$")

logger = logging.getLogger(__name__)


def entity_type(argument: str | None) -> str:
    return directives.choice(argument, ENTITY_TYPES)


def aliases(argument: str | None) -> list[str]:
    """Option converter: aliases separated by ';' or new lines."""
    found = [a.strip() for a in re.split(r"[;\n]", argument or "") if a.strip()]
    if not found:
        raise ValueError("give at least one alias, separated by ';'")
    return found


def dates(argument: str | None) -> str:
    """Option converter: '1893–1976', '1689', '1950-02-14', 'c. 1650–', '1904/1905'."""
    value = (argument or "").strip()
    if not DATES.match(value):
        raise ValueError(
            f"malformed date {value!r}: write YYYY, YYYY-MM or YYYY-MM-DD, "
            "a range with an en dash (1893–1976), or 'c. ' before an approximate year"
        )
    return value


def describe(body: list[nodes.Node], limit: int = 280) -> str:
    """The description's paragraphs as plain text, citations left out, shortened."""
    parts = []
    for child in body:
        if not isinstance(child, nodes.paragraph):
            continue
        para = child.deepcopy()
        for xref in list(para.findall(addnodes.pending_xref)):
            if xref.get("refdomain") == "cite":
                xref.parent.remove(xref)
        parts.append(para.astext())
    text = " ".join(" ".join(parts).split()).replace(" .", ".").replace(" ,", ",")
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "\u2026"


class EntityDirective(SphinxDirective):
    """Define a register entry; its mentions are listed when the build resolves."""

    required_arguments = 1
    has_content = True
    option_spec: ClassVar[OptionSpec] = {
        "type": entity_type,
        "name": directives.unchanged_required,
        "aliases": aliases,
        "dates": dates,
    }

    def run(self) -> list[nodes.Node]:
        eid = self.arguments[0]
        if not ID_PATTERN.match(eid):
            raise self.error(f"invalid entity id {eid!r}: use lower-case letters, digits and hyphens")
        for required in ("type", "name"):
            if required not in self.options:
                raise self.error(f"entity {eid!r} needs :{required}:")
        if not "".join(self.content).strip():
            raise self.error(f"entity {eid!r} has no description: give one with a citation")
        name = self.options["name"]
        anchor = f"entity-{eid}"
        target = nodes.target("", "", ids=[anchor])
        box = nodes.container(classes=["ed-entity", f"ed-entity-{self.options['type']}"])
        self.set_source_info(box)
        heading = nodes.rubric(name, name)
        if "dates" in self.options:
            heading += nodes.Text(f" ({self.options['dates']})")
        box += heading
        alias_list = self.options.get("aliases", [])
        if alias_list:
            para = nodes.paragraph("", "", nodes.emphasis(text="In the sources: "))
            para += nodes.Text("; ".join(alias_list))
            box += para
        body = self.parse_content_to_nodes()
        box.extend(body)
        box += mention_list(entity=eid)
        self.state.document.note_explicit_target(target)
        index = addnodes.index(entries=[("single", name, anchor, "", None)])
        record = {
            "docname": self.env.docname,
            "lineno": self.lineno,
            "type": self.options["type"],
            "name": name,
            "aliases": alias_list,
            "dates": self.options.get("dates", ""),
            "citations": citation_keys(box),
            "description_words": sum(len(n.astext().split()) for n in body),
            "description": describe(body),  # for the previews
        }
        if not record["citations"]:
            logger.warning("entity %r cites no bibliography entry: add {cite:p}`key` to its description",
                           eid, type="edition", subtype="no-citation", location=(self.env.docname, self.lineno))
        domain = self.env.get_domain("ed")
        domain.note_object("entities", eid, record)  # type: ignore[attr-defined]
        domain.note_collector(self.env.docname, "mentions")  # type: ignore[attr-defined]
        return [index, target, box]
