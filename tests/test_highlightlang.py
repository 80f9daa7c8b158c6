"""Pages with and without code: the same output as Sphinx's own highlight-language transform."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

from critical_edition import highlightlang
from sphinx.testing.util import SphinxTestApp
from sphinx.transforms.post_transforms.code import HighlightLanguageTransform

PAGES = {
    "index.md": "# Home\n\n```{toctree}\ncode\nprose\n```\n",
    "code.md": "# Code\n\n```{highlight} python\n```\n\n::\n\n    print(1)\n\n```{code-block}\nx = 1\n```\n",
    "prose.md": "# Prose\n\n```{highlight} python\n```\n\nNo code here, only text.\n",
}


def _build(tmp_path: Path, name: str) -> tuple[dict[str, str], list[type]]:
    root = tmp_path / name
    root.mkdir()
    (root / "conf.py").write_text('extensions = ["myst_parser", "critical_edition.highlightlang"]\n'
                                  'myst_enable_extensions = ["colon_fence"]\n')
    for page, text in PAGES.items():
        (root / page).write_text(text)
    app = SphinxTestApp("html", srcdir=root, builddir=tmp_path / f"{name}-out", warning=StringIO())
    try:
        app.build()
        assert app.warning.getvalue() == ""
        return {p.name: p.read_text() for p in app.outdir.glob("*.html")}, list(app.registry.post_transforms)
    finally:
        app.cleanup()


def test_same_pages_as_sphinx(tmp_path, monkeypatch):
    ours, transforms = _build(tmp_path, "ours")
    assert highlightlang.HighlightLanguage in transforms and HighlightLanguageTransform not in transforms
    monkeypatch.setattr(highlightlang, "setup", lambda app: {"parallel_read_safe": True})
    sphinx, transforms = _build(tmp_path, "sphinx")
    assert HighlightLanguageTransform in transforms
    assert ours.keys() == sphinx.keys() and [p for p in ours if ours[p] != sphinx[p]] == []
    assert 'class="highlight-python' in ours["code.html"]  # the language of the highlight directive applied


def test_pages_without_code_are_not_walked(tmp_path, monkeypatch):
    walked = []
    apply = HighlightLanguageTransform.apply
    monkeypatch.setattr(HighlightLanguageTransform, "apply",
                        lambda self, **kw: walked.append(self.env.docname) or apply(self, **kw))
    _build(tmp_path, "walks")
    assert walked == ["code"]
