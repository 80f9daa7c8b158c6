"""BibTeX field text as pybtex rich text, running the LaTeX decoder only where needed.

pybtex's ``field`` node runs every field through latexcodec's decoder, a
token-by-token Python loop that took three quarters of the time spent
formatting the bibliography. Most fields hold no LaTeX command, tie,
comment, math or extra whitespace; in those the decoder changes only the
ligatures (dashes ``--`` and ``---``, quotes of two backquotes or two
apostrophes), which are replaced here directly.
Braces are left to pybtex's own parser, as before; anything else still goes
through ``Text.from_latex``.
"""

from __future__ import annotations

import re

from pybtex.markup import LaTeXParser
from pybtex.richtext import Text
from pybtex.style.template import FieldIsMissing, node, optional

# What latexcodec's decoder changes besides the ligatures: commands, ties,
# comments, math, parameters, the ligatures ,, !` ?` and whitespace it collapses
# or drops (leading, repeated, line breaks, tabs).
_DECODE = re.compile(r"[\\~$%#\n\t\r]|,,|[!?]`|\s\s|^\s")
_LIGATURES = {"---": "\u2014", "--": "\u2013", "``": "\u201c", "''": "\u201d"}
_LIGATURE = re.compile("|".join(map(re.escape, _LIGATURES)))  # "---" before "--", as latexcodec


def rich_text(latex: str) -> Text:
    """``Text.from_latex(latex)``, without the decoder when *latex* needs only its ligatures."""
    if _DECODE.search(latex):
        return Text.from_latex(latex)
    return LaTeXParser(_LIGATURE.sub(lambda m: _LIGATURES[m[0]], latex)).parse()


@node
def field(children, context, name, apply_func=None, raw=False):
    """pybtex's ``field`` node, with :func:`rich_text` for the LaTeX."""
    if children:
        raise ValueError(children)
    entry = context["entry"]
    try:
        value = entry._find_field(name, bib_data=context.get("bib_data"))
    except KeyError:
        raise FieldIsMissing(name, entry) from None
    if not raw:
        value = rich_text(value)
    return apply_func(value) if apply_func else value


@node
def optional_field(children, data, *args, **kwargs):
    """pybtex's ``optional_field``, built on :func:`field` above."""
    assert not children
    return optional[field(*args, **kwargs)].format_data(data)
