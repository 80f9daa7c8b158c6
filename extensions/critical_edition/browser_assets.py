"""The reading page's script, the register data its previews show, the site icon.

For HTML builders (epub too; the static files are copied by :mod:`.assets`):
``env-updated`` writes ``_static/edition-previews.js``, which sets
``window.edPreviews`` to one short record per register entry (name, type,
dates, a description without its citations, number of passages that mention
it). A script file, not JSON, so that previews also work when the site is
opened from disk, and so that the strict Content-Security-Policy (scripts from
'self' only) holds.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .domain import EditionDomain

DATA = "edition-previews.js"
ICON = "edition-icon.svg"


def preview_data(env: BuildEnvironment) -> dict[str, dict[str, Any]]:
    """One record per entity, keyed by id."""
    domain: EditionDomain = env.get_domain("ed")  # type: ignore[assignment]
    mentions = domain.mentions_by_entity()
    data = {}
    for eid, ent in sorted(domain.entities.items()):
        data[eid] = {
            "name": ent["name"],
            "type": ent["type"],
            "dates": ent.get("dates", ""),
            "text": ent.get("description", ""),
            "mentions": len(mentions.get(eid, [])),
        }
    return data


def write_preview_data(app: Sphinx, env: BuildEnvironment) -> None:
    """env-updated: the register data of the previews, once every page has been read."""
    if app.builder.format != "html":
        return
    static = Path(app.outdir, "_static")
    static.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(preview_data(env), ensure_ascii=False, sort_keys=True)
    (static / DATA).write_text(f"window.edPreviews = {payload};\n", encoding="utf-8")


def add_icon(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """html-page-context: link the edition's icon (else browsers ask for /favicon.ico, a 404)."""
    if context.get("favicon_url") or "pathto" not in context:
        return
    href = context["pathto"](f"_static/{ICON}", 1)
    link = f'<link rel="icon" type="image/svg+xml" href="{href}" />'
    context["metatags"] = context.get("metatags", "") + link + "\n"
