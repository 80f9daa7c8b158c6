"""The sidebar's toctree equals Sphinx's own, page for page, without resolving every toctree."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from critical_edition.navigation import SidebarToctree
from sphinx.testing.util import SphinxTestApp

PAGES = {
    "index": "# Home\n\n```{toctree}\n:maxdepth: MAXDEPTH\n:caption: Sources\n\none\nThe second <two>\n```\n\n"
             "```{toctree}\n:maxdepth: 1\n\nsection/index\n```\n\n"
             "```{toctree}\n:maxdepth: 1\n:hidden:\n\nhidden\n```\n",
    "one": "# One *with* emphasis\n\n## A section\n\nText.\n",
    "two": "# Two\n\nText.\n",
    "hidden": "# Hidden\n\nText.\n",
    "section/index": "# Section\n\n```{toctree}\n:maxdepth: 1\n\ndeep\n```\n",
    "section/deep": "# Deep\n\n## Deeper\n\nText.\n",
}


def _build(tmp_path: Path, maxdepth: int) -> SphinxTestApp:
    root = tmp_path / "root"
    (root / "section").mkdir(parents=True)
    (root / "conf.py").write_text('extensions = ["myst_parser", "critical_edition.navigation"]\n'
                                  'html_theme = "alabaster"\n')
    for name, text in PAGES.items():
        (root / f"{name}.md").write_text(text.replace("MAXDEPTH", str(maxdepth)))
    app = SphinxTestApp("html", srcdir=root, builddir=tmp_path / "out", warning=StringIO(),
                        confoverrides={"html_theme": "alabaster"})  # the test app would use "basic"
    app.build()
    assert app.warning.getvalue() == ""
    return app


@pytest.mark.parametrize("maxdepth", [1, 2])
def test_sidebar_equals_sphinx_toctree(tmp_path, maxdepth):
    app = _build(tmp_path, maxdepth)
    try:
        sidebar = SidebarToctree()
        sidebar.prepare(app, app.builder)
        assert (sidebar.groups is not None) == (maxdepth == 1)  # deeper toctrees: Sphinx's toctree()
        for page in sorted(app.env.found_docs):
            theirs = app.builder._get_local_toctree(page, collapse=True, includehidden=True)
            html = (app.outdir / f"{page}.html").read_text(encoding="utf-8")
            assert theirs in html  # the page's sidebar is Sphinx's toctree, byte for byte
            if maxdepth == 1:
                for hidden in (True, False):
                    ours = app.builder.render_partial(sidebar.tree(app, page, hidden))["fragment"]
                    assert ours == app.builder._get_local_toctree(page, collapse=True, includehidden=hidden)
        deep = (app.outdir / "section" / "deep.html").read_text(encoding="utf-8")
        assert '<li class="toctree-l1 current"><a class="reference internal" href="index.html">Section</a>' in deep
        assert "The second</a>" in deep and "<em>with</em>" in deep and "Hidden</a>" in deep
    finally:
        app.cleanup()
