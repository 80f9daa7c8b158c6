"""Doctree nodes of the edition."""

from __future__ import annotations

from docutils import nodes


class edition_text(nodes.General, nodes.Element):
    """The copy text of one source: a sequence of :class:`segment` nodes."""


class segment(nodes.Part, nodes.TextElement):
    """One numbered line of copy text.

    Attributes: ``source`` (id), ``number``, ``role``, ``depth`` (indent level).
    Its Text descendants are the copy text, never altered: the directive sets
    ``support_smartquotes=False`` on it, which Sphinx's SmartQuotes honours.
    """


class editorial(nodes.Inline, nodes.TextElement):
    """Something the edition inserts inside a segment (a link, a marker)."""


class indent(nodes.Inline, nodes.TextElement):
    """Leading spaces of a segment: copy text, shown as nesting, not as spaces."""
