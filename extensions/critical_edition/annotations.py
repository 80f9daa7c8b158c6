"""Directives that annotate a copy text: ``ed:dispute``, ``ed:note``, ``ed:tag``, ``ed:untag``.

Each produces a :class:`~.nodes.pending_annotation` carrying its selector and
parsed body; :mod:`.resolve` anchors it once the whole page is parsed.
"""

from __future__ import annotations

import re
from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import OptionSpec

from .nodes import dispute_register, pending_annotation

VERDICTS = (
    "incorrect",
    "imprecise",
    "anachronistic",
    "misattributed",
    "contested",
    "unsupported",
    "corroborated",
)
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_COMPARE = re.compile(r"^(?P<source>[a-z0-9][a-z0-9-]*)\s+(?:\u00a7(?P<segment>\d+)\s+)?(?P<quote>.+)$")


def verdict(argument: str | None) -> str:
    """Option converter: one of :data:`VERDICTS`."""
    return directives.choice(argument, VERDICTS)


def compare_links(argument: str | None) -> list[tuple[str, int | None, str]]:
    """Option converter: lines of ``source-id [§N] exact quote``."""
    links = []
    for line in (argument or "").splitlines():
        if not line.strip():
            continue
        match = _COMPARE.match(line.strip())
        if not match:
            raise ValueError(
                f"malformed compare-link {line.strip()!r}: write 'source-id [§N] exact quote'"
            )
        segment = int(match["segment"]) if match["segment"] else None
        links.append((match["source"], segment, match["quote"]))
    if not links:
        raise ValueError("give at least one compare-link: 'source-id [§N] exact quote'")
    return links


SELECTOR: OptionSpec = {
    "quote": directives.unchanged_required,
    "prefix": directives.unchanged,
    "suffix": directives.unchanged,
    "segment": directives.positive_int,
}


class AnnotationDirective(SphinxDirective):
    """Common ground: an id, a selector, a body parsed as MyST/reST."""

    kind: ClassVar[str] = ""
    required_arguments = 1
    has_content = True
    body_required = True
    option_spec: ClassVar[OptionSpec] = dict(SELECTOR)

    def run(self) -> list[nodes.Node]:
        ann_id = self.arguments[0]
        if not ID_PATTERN.match(ann_id):
            raise self.error(
                f"invalid id {ann_id!r}: use lower-case letters, digits and hyphens"
            )
        if "quote" not in self.options:
            raise self.error(f"{self.name} {ann_id!r} needs :quote: (the exact words annotated)")
        if self.body_required and not "".join(self.content).strip():
            raise self.error(f"{self.name} {ann_id!r} has an empty body: say what the record is")
        node = pending_annotation(
            kind=self.kind,
            annotation_id=ann_id,
            options=dict(self.options),
            argument=ann_id,
        )
        self.set_source_info(node)
        if self.content:
            node.extend(self.parse_content_to_nodes())
        return [node]


class DisputeDirective(AnnotationDirective):
    """A factual-dispute admonition with a verdict."""

    kind = "dispute"
    option_spec: ClassVar[OptionSpec] = {
        **SELECTOR,
        "verdict": verdict,
        "compare": compare_links,
        "summary": directives.unchanged_required,
    }

    def run(self) -> list[nodes.Node]:
        if "verdict" not in self.options:
            raise self.error(f"dispute needs :verdict: (one of {', '.join(VERDICTS)})")
        self._continued_compare_links()
        return super().run()

    def _continued_compare_links(self) -> None:
        """Indented lines right under ``:compare:`` continue it (MyST would make them body text)."""
        if "compare" not in self.options:
            return
        taken = 0
        for line in self.content:
            if not line[:1].isspace() or not line.strip():
                break
            taken += 1
        if taken:
            try:
                self.options["compare"] += compare_links("\n".join(self.content[:taken]))
            except ValueError as exc:
                raise self.error(f"dispute {self.arguments[0]!r}: {exc}") from None
            self.content = self.content[taken:]
            self.content_offset += taken


class NoteDirective(AnnotationDirective):
    """An explanatory editorial note."""

    kind = "note"


class TagDirective(AnnotationDirective):
    """Link a mention that no alias catches to an entity (argument: entity id)."""

    kind = "tag"
    has_content = False
    body_required = False

    def run(self) -> list[nodes.Node]:
        self.options.setdefault("entity", self.arguments[0])
        return super().run()


class UntagDirective(AnnotationDirective):
    """Suppress a false automatic link (argument: the entity id it wrongly matched)."""

    kind = "untag"
    has_content = False
    body_required = False


class CollectorDirective(SphinxDirective):
    """Place a placeholder for data collected from the whole edition; filled late."""

    has_content = False
    node_class: ClassVar[type[nodes.Element]]
    collects: ClassVar[str] = ""  # what the page shows, so it is rewritten when that changes

    def run(self) -> list[nodes.Node]:
        node = self.node_class()
        self.set_source_info(node)
        self.env.get_domain("ed").note_collector(self.env.docname, self.collects)  # type: ignore[attr-defined]
        return [node]


class DisputeRegisterDirective(CollectorDirective):
    """The table of every dispute of the edition, with counts."""

    node_class = dispute_register
    collects = "disputes"
