"""sphinxcontrib-bibtex's domain, with its three lookups by key indexed.

sphinxcontrib-bibtex 2.7.0 finds the pages that cite an entry by scanning
every citation of the project, once per entry; resolves each citation by
scanning every formatted entry; and orders citations by looking each page up
in the list of pages. Each grows with the square of the corpus: at a thousand
sources (2,000 entries, some 30,000 citations) they dominated the build. This
subclass gives the same answers from dictionaries and replaces the domain
when sphinxcontrib-bibtex is loaded. The filtering loop follows
sphinxcontrib-bibtex's own (BSD-2-Clause, (c) 2011-2024 Matthias C. M. Troffaes).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging
from sphinxcontrib.bibtex.citation_target import parse_citation_targets
from sphinxcontrib.bibtex.domain import BibtexDomain, _FilterVisitor

logger = logging.getLogger(__name__)


class IndexedBibtexDomain(BibtexDomain):
    """The same domain; ``citations`` and ``citation_refs`` looked up by key."""

    def env_updated(self) -> Any:
        result = super().env_updated()
        self._positions: dict[str, list[int]] = defaultdict(list)
        for i, citation in enumerate(self.citations):
            self._positions[citation.key].append(i)
        return result

    def resolve_xref(self, env, fromdocname, builder, typ, target, node, contnode):  # type: ignore[override]
        """Resolve as sphinxcontrib-bibtex does, shown only the citations of the keys asked for."""
        positions = getattr(self, "_positions", None)
        if positions is None:
            return super().resolve_xref(env, fromdocname, builder, typ, target, node, contnode)
        everything = self.data["citations"]
        keys = {t.key for t in parse_citation_targets(target)}
        self.data["citations"] = [everything[i] for i in sorted(i for k in keys for i in positions.get(k, ()))]
        try:
            return super().resolve_xref(env, fromdocname, builder, typ, target, node, contnode)
        finally:
            self.data["citations"] = everything

    def get_all_cited_keys(self, docnames):
        order = {name: i for i, name in enumerate(docnames)}
        for citation_ref in sorted(self.citation_refs, key=lambda c: order[c.docname]):
            for target in citation_ref.targets:
                yield target.key

    def get_filtered_entries(self, bibliography_key):
        cited: dict[str, set[str]] = defaultdict(set)
        for citation_ref in self.citation_refs:
            for target in citation_ref.targets:
                cited[target.key].add(citation_ref.docname)
        bibliography = self.bibliographies[bibliography_key]
        for entry in self.get_entries(bibliography.bibfiles):
            key = bibliography.keyprefix + entry.key
            cited_docnames = cited.get(key, set())
            visitor = _FilterVisitor(entry=entry, docname=bibliography_key.docname, cited_docnames=cited_docnames)
            try:
                success = visitor.visit(bibliography.filter_)
            except ValueError as err:
                logger.warning(f"syntax error in :filter: expression; {err}",
                               location=(bibliography_key.docname, bibliography.line),
                               type="bibtex", subtype="filter_syntax_error")
                success = bool(cited_docnames)  # as sphinxcontrib-bibtex: fall back to the default
            if success or entry.key in bibliography.keys:
                yield key, entry


def use_indexed_domain(app: Sphinx, config: Config) -> None:
    """Replace sphinxcontrib-bibtex's domain by the indexed one, when it is loaded."""
    if "sphinxcontrib.bibtex" in app.extensions:
        app.add_domain(IndexedBibtexDomain, override=True)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("config-inited", use_indexed_domain)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
