"""The ``edition`` directive: render one source's copy text as numbered segments."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import OptionSpec

from . import nodes as ed
from .catalogue import CatalogueError, SourceText, load_catalogue, load_source
from .header import catalogue_header
from .segments import Segment

logger = logging.getLogger(__name__)

INDENT_UNIT = 2  # spaces per nesting level in the copy texts


def catalogue_path(env: BuildEnvironment) -> Path:
    """The catalogue file (made absolute against the conf dir at config-inited)."""
    return Path(env.config.edition_catalogue)


class EditionDirective(SphinxDirective):
    """Render the complete copy text of the source named by the argument."""

    required_arguments = 1
    has_content = False
    option_spec: ClassVar[OptionSpec] = {"no-header": directives.flag}

    def run(self) -> list[nodes.Node]:
        source_id = self.arguments[0]
        path = catalogue_path(self.env)
        self.env.note_dependency(str(path))
        try:
            entries = load_catalogue(path)
            if source_id not in entries:
                raise CatalogueError(
                    f"unknown source {source_id!r} (catalogue {path.name} has: "
                    f"{', '.join(sorted(entries))})"
                )
            entry = entries[source_id]
            self.env.note_dependency(str(entry.path))
            source = load_source(entry)
        except CatalogueError as exc:
            logger.error(
                "%s", exc, type="edition", subtype="seed",
                location=exc.location or (self.env.docname, self.lineno),
            )
            self.state.document["edition_failed"] = True  # its annotations are not re-reported
            return []
        if "s1" in self.state.document.ids:
            logger.error(
                "only one source per page: move %r to a page of its own",
                source_id,
                type="edition",
                subtype="directive",
                location=(self.env.docname, self.lineno),
            )
            return []
        domain = self.env.get_domain("ed")
        known = domain.sources.get(source_id)  # type: ignore[attr-defined]
        if known is not None and known[0] != self.env.docname:
            logger.error(
                "source %r is already rendered on page %r: give each source one page",
                source_id, known[0],
                type="edition", subtype="directive", location=(self.env.docname, self.lineno),
            )
            return []
        domain.note_source(source_id, self.env.docname, self.lineno, len(source.segments))  # type: ignore[attr-defined]
        result: list[nodes.Node] = []
        if "no-header" not in self.options:
            result.append(catalogue_header(source))
        result.append(self._text(source))
        return result

    def _text(self, source: SourceText) -> ed.edition_text:
        text = ed.edition_text(source=source.entry.id)
        previous = "body"
        for seg, role in zip(source.segments, source.roles, strict=True):
            node = self._segment(source.entry.id, seg, role)
            node["role_start"] = role != previous  # label a run of one role once
            previous = role
            if role == "pull-quote":
                self._link_repeat(node, seg, source.repeats.get(seg.number))
            text += node
            self.state.document.set_id(node)
        return text

    def _segment(self, source_id: str, seg: Segment, role: str) -> ed.segment:
        node = ed.segment(
            source=source_id,
            number=seg.number,
            role=role,
            depth=seg.indent // INDENT_UNIT,
            ids=[f"s{seg.number}"],
            support_smartquotes=False,
        )
        if seg.indent:
            node += ed.indent(seg.text[: seg.indent], seg.text[: seg.indent])
        node += nodes.Text(seg.text[seg.indent :])
        return node

    def _link_repeat(self, node: ed.segment, seg: Segment, target: int | None) -> None:
        if target is None:
            logger.warning(
                "segment %d is marked pull-quote but repeats no body segment: "
                "check its role in the catalogue",
                seg.number,
                type="edition",
                subtype="pull-quote",
                location=(self.env.docname, self.lineno),
            )
            return
        ref = nodes.reference("", "", refid=f"s{target}", classes=["ed-repeats"])
        ref += nodes.Text(f"\u2192 repeats \u00a7{target}")
        node += ed.editorial("", "", ref, classes=["ed-pq"])
