"""Contributed pages are untrusted: raw markup, file inclusion and script links never pass.

Defence in two layers. docutils' own switches turn off the ``raw`` directive
and every file-inserting directive (``include``, ``literalinclude``,
``csv-table :file:``); they report at file and line. A transform then removes,
and reports as errors, whatever still carries markup or script into the
document: raw nodes (MyST HTML blocks and inline HTML), links with a
``javascript:``, ``vbscript:`` or ``data:`` address, and images that are not
files inside the documentation tree.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import Directive, directives
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

logger = logging.getLogger(__name__)

# Browsers ignore control characters and whitespace inside a scheme.
_UNSAFE = re.compile(r"^(?:javascript|vbscript|data|file):", re.IGNORECASE)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
# A link or image destination written in the source: ](...), <...>, [x]: ...
_SOURCE_LINK = re.compile(
    r"(?:\]\(\s*<?|^\s*\[[^\]]+\]:\s*<?|<|\b(?:href|src)\s*=\s*[\"']?)\s*"
    r"((?:j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t|v\s*b\s*s\s*c\s*r\s*i\s*p\s*t|data|file)\s*:)",
    re.IGNORECASE | re.MULTILINE,
)


def _unsafe_uri(uri: str) -> bool:
    squeezed = re.sub(r"[\x00-\x20]", "", uri)
    return bool(_UNSAFE.match(squeezed))


class RefusedDirective(Directive):
    """Stands in for ``raw``, ``include`` and ``literalinclude``: an error, no output."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = defaultdict(lambda: directives.unchanged)  # any option: the error is the point
    advice = ""

    def run(self) -> list[nodes.Node]:
        raise self.error(f'"{self.name}" is not allowed in the edition\'s pages: {self.advice}')


class RefusedRaw(RefusedDirective):
    advice = "raw output could carry scripts; write the text in MyST markdown"


class RefusedInclude(RefusedDirective):
    advice = "pages may not read other files; put the text in the page itself"


REFUSED = {"raw": RefusedRaw, "include": RefusedInclude, "literalinclude": RefusedInclude}


def lock_down(app: Sphinx) -> None:
    """builder-inited: turn off docutils' raw and file-insertion features."""
    app.env.settings["raw_enabled"] = False
    app.env.settings["file_insertion_enabled"] = False


def scan_source(app: Sphinx, docname: str, source: list[str]) -> None:
    """source-read: report script addresses that MyST would leave as plain text."""
    for line, raw in enumerate(source[0].splitlines(), start=1):
        for match in _SOURCE_LINK.finditer(html.unescape(raw)):
            logger.error(
                "unsafe link address %r: only http(s), mailto and addresses inside the edition "
                "are allowed", re.sub(r"\s", "", match[1]),
                type="edition", subtype="unsafe", location=(docname, line),
            )


class RemoveUnsafe(SphinxTransform):
    """Drop raw markup, script links and outside images, reporting each."""

    default_priority = 100  # right after parsing, before anything renders

    def apply(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(nodes.raw)):
            self._error(node, "raw markup is not allowed (HTML, LaTeX or other raw output): "
                        "write it in MyST markdown instead")
            node.parent.remove(node)
        for node in list(self.document.findall(nodes.reference)):
            if _unsafe_uri(node.get("refuri", "")):
                self._error(node, f"unsafe link address {node['refuri']!r}: only http(s), "
                            "mailto and addresses inside the edition are allowed")
                node.replace_self(nodes.Text(node.astext()))
        for node in list(self.document.findall(nodes.image)):
            problem = self._image_problem(node["uri"])
            if problem:
                self._error(node, problem)
                node.parent.remove(node)

    def _image_problem(self, uri: str) -> str:
        if _SCHEME.match(uri) or uri.startswith("//"):
            return f"image {uri!r}: images must be files inside docs/, not addresses"
        srcdir = Path(self.env.srcdir).resolve()
        if uri.startswith("/"):
            target = (srcdir / uri.lstrip("/")).resolve()
        else:
            target = (Path(self.env.doc2path(self.env.docname)).parent / uri).resolve()
        if not target.is_relative_to(srcdir):
            return f"image {uri!r} lies outside docs/: copy the file into docs/ and refer to it there"
        return ""

    def _error(self, node: nodes.Node, message: str) -> None:
        logger.error(message, type="edition", subtype="unsafe", location=node)
