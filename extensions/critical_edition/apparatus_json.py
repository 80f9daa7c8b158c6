"""``annotations.json``: the whole apparatus, machine-readable, beside the HTML."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from .domain import EditionDomain

FIELDS = ("kind", "source", "segment", "exact", "prefix", "suffix", "start", "end")


def apparatus(domain: EditionDomain) -> dict[str, Any]:
    """Every annotation with W3C TextQuote and TextPosition selector data."""
    items: list[dict[str, Any]] = []
    entities_in = domain.derived.get("entities_in", {})
    for aid, ann in sorted(domain.annotations.items()):
        item = {"id": aid, **{k: ann[k] for k in FIELDS}}
        item["verdict"] = ann.get("verdict")
        item["entities"] = entities_in.get(aid, [])
        item["citations"] = ann.get("citations", [])
        if ann["kind"] == "dispute":
            item["summary"] = ann["summary"]
            item["compare"] = ann.get("compare", [])
        items.append(item)
    for key, tag in sorted(domain.tags.items()):
        item = {"id": key, **{k: tag[k] for k in FIELDS}}
        item.update(verdict=None, entities=[tag["entity"]], citations=[])
        items.append(item)
    for eid, ent in sorted(domain.entities.items()):
        items.append({
            "id": eid, "kind": "entity", "type": ent["type"], "name": ent["name"],
            "aliases": ent["aliases"], "dates": ent["dates"], "citations": ent["citations"],
        })
    for source, mentions in sorted(domain.derived.get("mentions", {}).items()):
        for seg, start, end, eid in mentions:
            items.append({"id": f"{source}:{seg}:{start}", "kind": "mention", "source": source,
                          "segment": seg, "segment_start": start, "segment_end": end,
                          "entities": [eid]})
    return {"edition": "China and Russia: An Annotated Source Edition", "annotations": items}


def write_apparatus(app: Sphinx, exception: Exception | None) -> None:
    """build-finished (html builders): write ``annotations.json``."""
    if exception is not None or app.builder.format != "html" or app.builder.name == "epub":
        return
    domain: EditionDomain = app.env.get_domain("ed")  # type: ignore[assignment]
    out = Path(app.outdir, "annotations.json")
    text = json.dumps(apparatus(domain), ensure_ascii=False) + "\n"  # no indent: json's C encoder, not Python's
    if not out.is_file() or out.read_text(encoding="utf-8") != text:  # unchanged: leave it
        out.write_text(text, encoding="utf-8")
