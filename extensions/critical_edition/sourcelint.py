"""Mistakes in a page's source that MyST would accept silently.

A directive fence indented by four spaces or more, outside a list, is read as
an indented code block: the annotation would vanish without a word. It is
reported at its line.
"""

from __future__ import annotations

import re

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

_FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")
_INDENTED_DIRECTIVE = re.compile(r"^(?P<indent>[ \t]+)(?:`{3,}|:{3,})\{(?P<name>[\w:-]+)\}")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")


def indented_directives(text: str) -> list[tuple[int, str, int]]:
    """(line, directive name, indent width) of each fence read as code."""
    found = []
    fence = ""  # the fence we are inside, if any
    previous = ""  # the last non-blank line outside fences
    for number, line in enumerate(text.splitlines(), start=1):
        opener = _FENCE.match(line)
        if fence:
            if opener and opener["fence"][0] == fence[0] and len(opener["fence"]) >= len(fence) \
                    and not line.strip()[len(opener["fence"]):].strip():
                fence = ""
            continue
        if opener:
            fence = opener["fence"]
            continue
        match = _INDENTED_DIRECTIVE.match(line)
        if match:
            width = len(match["indent"].expandtabs(4))
            if width >= 4 and not _LIST_ITEM.match(previous) and len(previous) - len(previous.lstrip()) < 4:
                found.append((number, match["name"], width))
        if line.strip():
            previous = line
    return found


def lint_source(app: Sphinx, docname: str, source: list[str]) -> None:
    """source-read: report directive fences that an indent turns into code."""
    for line, name, width in indented_directives(source[0]):
        logger.error(
            "directive {%s} is indented by %d spaces, so it is read as a code block: "
            "start its fence at the beginning of the line", name, width,
            type="edition", subtype="indent", location=(docname, line),
        )
