"""sphinxcontrib-bibtex made faster gives its own pages: the indexed domain; the BibTeX file parsed once."""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path

import sphinxcontrib.bibtex.bibfile as bibfile
import sphinxcontrib.bibtex.domain as bibdomain
from critical_edition import bibcheck, bibindex
from critical_edition.bibindex import IndexedBibtexDomain
from sphinx.testing.util import SphinxTestApp

ROOT = Path(__file__).parent / "roots" / "test-annotations"


def _build(tmp_path: Path, name: str, extra: str = "") -> tuple[dict[str, str], object]:
    root = tmp_path / name
    shutil.copytree(ROOT, root)
    if extra:  # a page in a folder: its links to the bibliography differ from the other pages'
        (root / "sub").mkdir()
        (root / "sub" / "more.md").write_text(extra)
        index = root / "index.md"
        index.write_text(index.read_text().replace("bibliography\n", "bibliography\nsub/more\n"))
    app = SphinxTestApp("html", srcdir=root, builddir=tmp_path / f"{name}-out", warning=StringIO())
    try:
        app.build()
        assert app.warning.getvalue() == ""
        pages = {str(p.relative_to(app.outdir)): p.read_text(encoding="utf-8")
                 for p in sorted(app.outdir.rglob("*.html"))}
        return pages, app.env.get_domain("cite")
    finally:
        app.cleanup()


def test_indexed_domain_gives_the_same_pages(tmp_path, monkeypatch):
    indexed, domain = _build(tmp_path, "indexed")
    assert isinstance(domain, IndexedBibtexDomain)
    monkeypatch.setattr(bibindex, "use_indexed_domain", lambda app, config: None)
    original, domain = _build(tmp_path, "original")
    assert not isinstance(domain, IndexedBibtexDomain)
    assert indexed.keys() == original.keys() and [n for n in indexed if indexed[n] != original[n]] == []
    assert 'href="bibliography.html#id2" title="Jian Chen. Mao' in indexed["alpha.html"]  # resolved, with its tooltip


def test_parsed_once_same_pages(tmp_path, monkeypatch):
    """The check hands its parse to sphinxcontrib-bibtex, which then parses nothing."""
    parses = []
    parse = bibfile.parse_bibdata
    monkeypatch.setattr(bibfile, "parse_bibdata", lambda *args: parses.append(args) or parse(*args))
    once, _ = _build(tmp_path, "once")
    assert parses == []  # sphinxcontrib-bibtex found its data up to date
    monkeypatch.setattr(bibcheck, "_hand_over", lambda *args: None)
    twice, _ = _build(tmp_path, "twice")
    assert len(parses) == 1
    assert once.keys() == twice.keys() and [n for n in once if once[n] != twice[n]] == []
    assert "Mao" in once["bibliography.html"]


def test_repeated_citations_formatted_once_same_pages(tmp_path, monkeypatch):
    """A citation repeated from pages with the same links is copied, not formatted again by pybtex."""
    formatted = []
    format_references = bibdomain.format_references
    monkeypatch.setattr(bibdomain, "format_references",
                        lambda *args: formatted.append(args[1]) or format_references(*args))
    extra = "# More\n\n" + "Cited {cite:p}`chen2001`, {cite:t}`chen2001`, {cite:p}`chen2001`.\n\n" * 3
    copied, _ = _build(tmp_path, "copied", extra)
    once = len(formatted)
    monkeypatch.setattr(bibindex, "use_indexed_domain", lambda app, config: None)
    formatted.clear()
    original, _ = _build(tmp_path, "original", extra)
    assert copied.keys() == original.keys() and [n for n in copied if copied[n] != original[n]] == []
    assert once == 3  # {cite:p}`chen2001` on the top pages; {cite:p} and {cite:t} in the folder
    assert len(formatted) == 9 + 9  # sphinxcontrib-bibtex formats every citation: nine on the top pages
    assert copied["sub/more.html"].count('href="../bibliography.html#') == 9
    assert copied["alpha.html"].count('href="bibliography.html#') >= 5
