"""The BibTeX file is parsed once: the check hands its data to sphinxcontrib-bibtex, and the pages are the same."""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path

import sphinxcontrib.bibtex.bibfile as bibfile
from critical_edition import bibcheck
from sphinx.testing.util import SphinxTestApp

ROOT = Path(__file__).parent / "roots" / "test-annotations"


def _build(tmp_path: Path, name: str, monkeypatch) -> tuple[dict[str, str], int]:
    parses = []
    parse = bibfile.parse_bibdata
    monkeypatch.setattr(bibfile, "parse_bibdata", lambda *args: parses.append(args) or parse(*args))
    root = tmp_path / name
    shutil.copytree(ROOT, root)
    app = SphinxTestApp("html", srcdir=root, builddir=tmp_path / f"{name}-out", warning=StringIO())
    try:
        app.build()
        assert app.warning.getvalue() == ""
        return {p.name: p.read_text(encoding="utf-8") for p in sorted(app.outdir.glob("*.html"))}, len(parses)
    finally:
        app.cleanup()


def test_parsed_once_same_pages(tmp_path, monkeypatch):
    once, parses = _build(tmp_path, "once", monkeypatch)
    assert parses == 0  # sphinxcontrib-bibtex found its data up to date
    monkeypatch.setattr(bibcheck, "_hand_over", lambda *args: None)
    twice, parses = _build(tmp_path, "twice", monkeypatch)
    assert parses == 1
    assert once.keys() == twice.keys() and [n for n in once if once[n] != twice[n]] == []
    assert "Mao" in once["bibliography.html"]
