"""A strict Content-Security-Policy for every HTML page.

Scripts, styles, images and fonts come from the site itself only; nothing
inline runs except the theme's two known snippets, allowed by their hashes.
"""

from __future__ import annotations

import base64
import hashlib
from typing import Any

from sphinx.application import Sphinx

# The theme's inline snippets (alabaster's search box), allowed by hash.
# Also Sphinx's own index templates, each allowed by the hash of its exact
# text (the browser tests fail on any CSP violation, so a change shows):
# domainindex.html's collapse switch (the Index of names), genindex.html's
# table widths and search.html's progress indent.
INLINE_SCRIPTS = (
    "document.getElementById('searchbox').style.display = \"block\"",
    "\n      DOCUMENTATION_OPTIONS.COLLAPSE_INDEX = true;\n    ",
)
INLINE_STYLES = ("display: none", "width: 100%", "width: 33%; vertical-align: top;", "padding-left: 10px")


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


POLICY = "; ".join((
    "default-src 'none'",
    "script-src 'self' " + " ".join(map(_hash, INLINE_SCRIPTS)),
    "style-src 'self' 'unsafe-hashes' " + " ".join(map(_hash, INLINE_STYLES)),
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
))


def add_policy(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """html-page-context: put the policy in the page's meta tags."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{POLICY}" />'
    context["metatags"] = context.get("metatags", "") + meta + "\n"
