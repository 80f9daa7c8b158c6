"""sphinxcontrib-bibtex's domain, with its three lookups by key indexed.

sphinxcontrib-bibtex 2.7.0 finds the pages that cite an entry by scanning
every citation of the project, once per entry; resolves each citation by
scanning every formatted entry; and orders citations by looking each page up
in the list of pages. Each grows with the square of the corpus: at a thousand
sources (2,000 entries, some 30,000 citations) they dominated the build. This
subclass gives the same answers from dictionaries and replaces the domain
when sphinxcontrib-bibtex is loaded. It also formats each citation once per
build and page context: a citation repeated (the same role and keys, from a
page whose links to the bibliography are the same) is a copy of the first,
not a second run of pybtex's styles in the serial part of a parallel build.
The filtering loop follows sphinxcontrib-bibtex's own (BSD-2-Clause,
(c) 2011-2024 Matthias C. M. Troffaes).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import NoUri
from sphinx.util import logging
from sphinxcontrib.bibtex.citation_target import parse_citation_targets
from sphinxcontrib.bibtex.domain import BibtexDomain, _FilterVisitor

logger = logging.getLogger(__name__)


class IndexedBibtexDomain(BibtexDomain):
    """The same domain; ``citations`` and ``citation_refs`` looked up by key, repeated citations copied."""

    def env_updated(self) -> Any:
        result = super().env_updated()
        self._positions: dict[str, list[int]] = defaultdict(list)
        for i, citation in enumerate(self.citations):
            self._positions[citation.key].append(i)
        self._listed = {c.key for c in self.citations if self.bibliographies[c.bibliography_key].list_ == "citation"}
        self._bib_pages = sorted({c.bibliography_key.docname for c in self.citations})
        self._contexts: dict[str, tuple] = {}
        self._formatted: dict[tuple, Any] = {}
        return result

    def _context(self, builder, fromdocname: str) -> tuple:
        """What a citation's nodes depend on besides its role and keys: the links from this page."""
        if fromdocname not in self._contexts:
            links = []
            for doc in self._bib_pages:
                try:
                    links.append((doc == fromdocname, builder.get_relative_uri(fromdocname, doc)))
                except NoUri:  # a page outside the LaTeX book
                    links.append((doc == fromdocname, None))
            self._contexts[fromdocname] = (builder.name, *links)
        return self._contexts[fromdocname]

    def resolve_xref(self, env, fromdocname, builder, typ, target, node, contnode):  # type: ignore[override]
        """Resolve as sphinxcontrib-bibtex does, shown only the citations of the keys asked for."""
        positions = getattr(self, "_positions", None)
        if positions is None:
            return super().resolve_xref(env, fromdocname, builder, typ, target, node, contnode)
        keys = {t.key for t in parse_citation_targets(target)}
        cache = (typ, target, self._context(builder, fromdocname)) if keys <= self._listed else None
        if cache in self._formatted:  # an unknown key is never cached: it is reported each time
            return self._formatted[cache].deepcopy()
        everything = self.data["citations"]
        self.data["citations"] = [everything[i] for i in sorted(i for k in keys for i in positions.get(k, ()))]
        try:
            result = super().resolve_xref(env, fromdocname, builder, typ, target, node, contnode)
        finally:
            self.data["citations"] = everything
        if cache is not None:
            self._formatted[cache] = result.deepcopy()
        return result

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
