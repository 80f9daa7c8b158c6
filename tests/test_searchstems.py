"""The search index's stems are memoised for the whole build, and the index is unchanged."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

from critical_edition.searchstems import MemoisedStems
from sphinx.search import languages
from sphinx.search.en import SearchEnglish
from sphinx.testing.util import SphinxTestApp

PAGES = {
    "index": "# Index\n\n```{toctree}\none\ntwo\nthree\n```\n",
    "one": "# One\n\nThe treaty was signed at Nerchinsk in 1689 by the envoys.\n",
    "two": "# Two\n\nThe envoys signed the treaty; Nerchinsk lies on the Shilka.\n",
    "three": "# Three\n\nSigned, sealed: the treaties of Nerchinsk and Kyakhta.\n",
}


def _build(root: Path, out: Path, extensions: list[str]) -> tuple[str, object]:
    root.mkdir()
    (root / "conf.py").write_text(f"extensions = {extensions!r}\n")
    for name, text in PAGES.items():
        (root / f"{name}.md").write_text(text)
    app = SphinxTestApp("html", srcdir=root, builddir=out, warning=StringIO())
    try:
        app.build()
        assert app.warning.getvalue() == ""
        return (out / "html" / "searchindex.js").read_text(encoding="utf-8"), app.builder.indexer.lang
    finally:
        app.cleanup()


def test_memoised_stems_leave_the_index_unchanged(tmp_path, monkeypatch):
    monkeypatch.setitem(languages, "en", "sphinx.search.en.SearchEnglish")  # undone after the test
    calls: list[str] = []
    stem = SearchEnglish.stem

    def counting(self: SearchEnglish, word: str) -> str:
        calls.append(word)
        return stem(self, word)

    monkeypatch.setattr(SearchEnglish, "stem", counting)
    plain_index, plain_lang = _build(tmp_path / "plain", tmp_path / "plain-out", ["myst_parser"])
    plain_calls = len(calls)
    calls.clear()
    memo_index, memo_lang = _build(tmp_path / "memo", tmp_path / "memo-out",
                                   ["myst_parser", "critical_edition.searchstems"])

    assert not isinstance(plain_lang, MemoisedStems)
    assert isinstance(memo_lang, MemoisedStems) and isinstance(memo_lang, SearchEnglish)
    assert memo_index == plain_index  # the same index, byte for byte
    assert "nerchinsk" in memo_index
    assert len(calls) == len(set(calls))  # each word stemmed once in the whole build ...
    assert len(calls) < plain_calls  # ... where plain Sphinx stems it again on every page
