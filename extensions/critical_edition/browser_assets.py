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

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .domain import EditionDomain

HERE = Path(__file__).parent
DATA = "edition-previews.js"
ICON = "edition-icon.svg"


def describe(box: nodes.Element, has_aliases: bool, limit: int = 280) -> str:
    """The description of an entity box: its body text, citations left out, shortened."""
    start = 2 if has_aliases else 1  # after the rubric and the "In the sources" line
    parts = []
    for child in box.children[start:]:
        if not isinstance(child, nodes.paragraph):
            continue
        para = child.deepcopy()
        for xref in list(para.findall(pending_xref)):
            if xref.get("refdomain") == "cite":
                xref.parent.remove(xref)
        parts.append(para.astext())
    text = " ".join(" ".join(parts).split()).replace(" .", ".").replace(" ,", ",")
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "\u2026"


def _boxes(env: BuildEnvironment, docname: str) -> dict[str, nodes.Element]:
    """Entity id -> its box, read from the stored doctree of a register page."""
    found = {}
    for target in env.get_doctree(docname).findall(nodes.target):
        ids = [i for i in target["ids"] if i.startswith("entity-")] or [
            i for i in target.get("refid", "").split() if i.startswith("entity-")
        ]
        parent = target.parent
        if not ids or parent is None:
            continue
        following = parent.children[parent.index(target) + 1:]
        box = next((n for n in following if "ed-entity" in n.get("classes", ())), None)
        if box is not None:
            found[ids[0].removeprefix("entity-")] = box
    return found


def preview_data(env: BuildEnvironment) -> dict[str, dict[str, Any]]:
    """One record per entity, keyed by id."""
    domain: EditionDomain = env.get_domain("ed")  # type: ignore[assignment]
    mentions = domain.mentions_by_entity()
    boxes: dict[str, nodes.Element] = {}
    for docname in sorted({e["docname"] for e in domain.entities.values()}):
        boxes.update(_boxes(env, docname))
    data = {}
    for eid, ent in sorted(domain.entities.items()):
        box = boxes.get(eid)
        data[eid] = {
            "name": ent["name"],
            "type": ent["type"],
            "dates": ent.get("dates", ""),
            "text": describe(box, bool(ent["aliases"])) if box is not None else "",
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
