"""Doctree nodes of the edition."""

from __future__ import annotations

from docutils import nodes


class edition_text(nodes.General, nodes.Element):
    """The copy text of one source: a sequence of :class:`segment` nodes."""


class segment(nodes.Part, nodes.TextElement):
    """One numbered line of copy text.

    Attributes: ``source`` (id), ``number``, ``role``, ``depth`` (indent level);
    until a translator builds its pieces (:mod:`.pieces`), ``spans`` (its anchored
    words) and ``mentions`` (its entity links, stored when the page is resolved).
    Its Text descendants are the copy text, never altered: the directive sets
    ``support_smartquotes=False`` on it, which Sphinx's SmartQuotes honours.
    """


class editorial(nodes.Inline, nodes.TextElement):
    """Something the edition inserts inside a segment (a link, a marker)."""


class indent(nodes.Inline, nodes.TextElement):
    """Leading spaces of a segment: copy text, shown as nesting, not as spaces."""


class pending_annotation(nodes.Element):
    """A dispute, note, tag or untag as written; replaced once its anchor is resolved."""


class annotation(nodes.General, nodes.Element):
    """A dispute or note shown after its segment.

    Attributes: ``kind`` (dispute or note), ``annotation_id``, ``number``,
    ``verdict`` (disputes only), ``source``, ``segment``.
    """


class mention_list(nodes.General, nodes.Element):
    """Every mention of an entity (``entity``): ``groups`` stored when the doctree is resolved, built when written."""


class dispute_register(nodes.General, nodes.Element):
    """The table of every dispute: ``counts`` and ``rows`` stored when the doctree is resolved, built when written."""
