"""While pages are written the environment is frozen out of the collector, and released at the end."""

from __future__ import annotations

import gc
from io import StringIO
from pathlib import Path

from sphinx.testing.util import SphinxTestApp


def test_environment_frozen_while_writing_and_released_after(tmp_path: Path):
    root = tmp_path / "root"
    root.mkdir()
    (root / "conf.py").write_text('extensions = ["myst_parser", "critical_edition.gcfreeze"]\n')
    (root / "index.md").write_text("# Home\n\n```{toctree}\npage\n```\n")
    (root / "page.md").write_text("# Page\n\nText.\n")
    frozen: dict[str, int] = {}
    cached: dict[str, int] = {}
    app = SphinxTestApp("html", srcdir=root, builddir=tmp_path / "out", warning=StringIO())
    app.connect("doctree-resolved", lambda app, doctree, docname: frozen.__setitem__(docname, gc.get_freeze_count()))
    app.connect("doctree-resolved",
                lambda app, doctree, docname: cached.__setitem__(docname, len(app.env._write_doc_doctree_cache)))
    try:
        app.build()
        assert app.warning.getvalue() == ""
    finally:
        app.cleanup()
    assert set(frozen) == {"index", "page"} and min(frozen.values()) > 0  # frozen while pages were written
    assert set(cached.values()) == {0}  # the doctrees kept from reading were dropped: each read from its pickle
    assert gc.get_freeze_count() == 0  # unfrozen when the build finished
    assert "Text." in (tmp_path / "out" / "html" / "page.html").read_text(encoding="utf-8")
