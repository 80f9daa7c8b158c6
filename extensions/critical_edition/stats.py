"""``edition-stats``: a builder that writes nothing and prints the edition's figures.

``make stats`` runs it. Per source: segments (and by role), entity mentions,
distinct entities, disputes by verdict, notes, citations. For the edition:
register sizes, bibliography size, and the checks that must come out empty
(disputes without a citation, entities without a description) with the
bibliography entries no page cites.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sphinx.builders.dummy import DummyBuilder

from .annotations import VERDICTS
from .catalogue import CatalogueError, load_catalogue, load_source
from .directive import catalogue_path
from .entities import ENTITY_TYPES


def edition_stats(env: Any) -> dict[str, Any]:
    """The figures, as plain data (the builder prints them; tests read them)."""
    ed = env.get_domain("ed")
    cite = env.domaindata.get("cite", {})
    refs = cite.get("citation_refs", [])
    cited_by_doc: Counter[str] = Counter()
    cited_keys: set[str] = set()
    for ref in refs:
        keys = [target.key for target in ref.targets]
        cited_by_doc[ref.docname] += len(keys)
        cited_keys.update(keys)
    bibdata = cite.get("bibdata")
    bib_keys = sorted(bibdata.data.entries) if bibdata is not None else []
    try:
        entries = load_catalogue(catalogue_path(env))
    except CatalogueError:
        entries = {}
    sources = {}
    for source_id, (docname, *_rest) in sorted(ed.sources.items()):
        text = load_source(entries[source_id])
        mentions = ed.derived["mentions"].get(source_id, [])
        annotations = [a for a in ed.annotations.values() if a["source"] == source_id]
        verdicts = Counter(a["verdict"] for a in annotations if a["kind"] == "dispute")
        sources[source_id] = {
            "segments": len(text.segments),
            "roles": dict(sorted(Counter(text.roles).items())),
            "mentions": len(mentions),
            "entities": len({m[3] for m in mentions}),
            "disputes": {v: verdicts[v] for v in VERDICTS if verdicts[v]},
            "notes": sum(1 for a in annotations if a["kind"] == "note"),
            "citations": cited_by_doc[docname],
        }
    types = Counter(e["type"] for e in ed.entities.values())
    return {
        "sources": sources,
        "registers": {t: types[t] for t in ENTITY_TYPES},
        "bibliography": len(bib_keys),
        "disputes_without_citation": sorted(
            aid for aid, a in ed.annotations.items() if a["kind"] == "dispute" and not a.get("citations")
        ),
        "entities_without_description": sorted(
            eid for eid, e in ed.entities.items() if not e.get("description_words")
        ),
        "uncited_bibliography": [key for key in bib_keys if key not in cited_keys],
    }


def format_stats(stats: dict[str, Any]) -> str:
    """The figures as a plain-text report."""
    out = []
    for source_id, s in stats["sources"].items():
        out.append(f"{source_id}")
        out.append(f"  segments            {s['segments']}")
        out.append("  by role             " + ", ".join(f"{r} {n}" for r, n in s["roles"].items()))
        out.append(f"  entity mentions     {s['mentions']} ({s['entities']} distinct entities)")
        disputes = sum(s["disputes"].values())
        detail = ", ".join(f"{v} {n}" for v, n in s["disputes"].items())
        out.append(f"  disputes            {disputes}" + (f" ({detail})" if detail else ""))
        out.append(f"  notes               {s['notes']}")
        out.append(f"  citations           {s['citations']}")
    out.append("edition")
    out.append("  registers           " + ", ".join(f"{t} {n}" for t, n in stats["registers"].items())
               + f" (total {sum(stats['registers'].values())})")
    out.append(f"  bibliography        {stats['bibliography']} entries")
    for label, key in (("disputes without a citation", "disputes_without_citation"),
                       ("entities without a description", "entities_without_description"),
                       ("bibliography entries never cited", "uncited_bibliography")):
        items = stats[key]
        out.append(f"  {label}: {len(items)}" + (f" ({', '.join(items)})" if items else ""))
    return "\n".join(out)


class StatsBuilder(DummyBuilder):
    """Read the edition, write nothing, print its figures."""

    name = "edition-stats"
    epilog = ""

    def finish(self) -> None:
        print(format_stats(edition_stats(self.env)))
