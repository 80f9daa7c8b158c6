"""The collector in a build: what is loaded, then the environment, frozen; young collections rarer; released later."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import weakref
from io import StringIO
from pathlib import Path

from critical_edition import gctune
from sphinx.testing.util import SphinxTestApp


def _project(tmp_path: Path, pages: list[str]) -> Path:
    """A small project with only the collector extension: a home page and *pages*, each one line of text."""
    root = tmp_path / "root"
    root.mkdir(parents=True)
    (root / "conf.py").write_text('extensions = ["myst_parser", "critical_edition.gctune"]\n')
    (root / "index.md").write_text("# Home\n\n```{toctree}\n" + "\n".join(pages) + "\n```\n")
    for page in pages:
        (root / f"{page}.md").write_text(f"# {page}\n\nText.\n")
    return root


def test_collector_tuned_from_the_build_until_released(tmp_path: Path):
    gctune.release()  # an earlier test's build
    root = _project(tmp_path, ["page", "other", "third"])
    frozen: dict[str, int] = {}
    cached: dict[str, int] = {}
    kept: list[int] = []
    before = gc.get_threshold()
    app = SphinxTestApp("html", srcdir=root, builddir=tmp_path / "out", warning=StringIO())
    during = gc.get_threshold()
    loaded = gc.get_freeze_count()  # what was loaded before the build (here: pytest's too)
    app.connect("env-before-read-docs", lambda app, env, docnames: frozen.__setitem__("reading", gc.get_freeze_count()))
    app.connect("doctree-resolved", lambda app, doctree, docname: frozen.__setitem__(docname, gc.get_freeze_count()))
    app.connect("doctree-resolved",
                lambda app, doctree, docname: cached.__setitem__(docname, len(app.env._write_doc_doctree_cache)))
    app.connect("doctree-read", lambda app, doctree: kept.append(len(app.env._write_doc_doctree_cache)), priority=900)
    try:
        app.build()
        assert app.warning.getvalue() == ""
    finally:
        app.cleanup()
    assert loaded > 10_000 and frozen["reading"] >= loaded  # frozen before reading
    assert {"index", "page"} < set(frozen) and frozen["page"] > loaded  # and more while pages were written
    assert len(kept) == 4 and set(kept) == {0}  # while reading, no earlier page's doctree kept in memory
    assert set(cached.values()) == {0}  # nor the last one's: each page read from its pickle when written
    assert gc.get_freeze_count() > frozen["page"]  # what the build left frozen too: never walked
    assert during == (20_000, *before[1:]) == gc.get_threshold()
    gctune.release()
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == before
    assert "Text." in (tmp_path / "out" / "html" / "page.html").read_text(encoding="utf-8")


def test_the_next_build_releases_the_previous_one(tmp_path: Path):
    """Two builds in one process: the second's start unfreezes and collects what the first left."""
    gctune.release()
    first = SphinxTestApp("html", srcdir=_project(tmp_path / "a", ["page"]), builddir=tmp_path / "a" / "out",
                          warning=StringIO())
    first.build()
    first.cleanup()
    env = weakref.ref(first.env)  # cyclic: only a collection frees it
    del first
    assert env() is not None and gc.get_freeze_count() > 10_000  # frozen: no collection reaches it
    second = SphinxTestApp("html", srcdir=_project(tmp_path / "b", ["page"]), builddir=tmp_path / "b" / "out",
                           warning=StringIO())
    try:
        assert env() is None  # released and collected when the second build started
        second.build()
    finally:
        second.cleanup()
        gctune.release()
    assert "Text." in (tmp_path / "b" / "out" / "html" / "page.html").read_text(encoding="utf-8")


def test_everything_frozen_when_sphinx_build_exits(tmp_path: Path):
    """The shutdown does not walk the heap; the pages are written in full all the same."""
    root = tmp_path / "root"
    root.mkdir()
    (root / "conf.py").write_text(
        "import atexit, gc\n"
        "atexit.register(lambda: print('frozen at exit:', gc.get_freeze_count()))  # runs after the extension's\n"
        'extensions = ["myst_parser", "critical_edition.gctune"]\n'
    )
    (root / "index.md").write_text("# Home\n\n" + "Text of the page. " * 2000 + "\n")
    run = subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "html", str(root), str(tmp_path / "out")],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert int(run.stdout.rsplit("frozen at exit:", 1)[1]) > 10_000
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert page.count("Text of the page.") == 2000 and page.rstrip().endswith("</html>")


def test_writing_process_freezes_what_it_inherits(tmp_path: Path):
    """In a parallel build the collector of a forked writing process never walks the main process's objects."""
    pages = [f"page{i}" for i in range(6)]
    root = _project(tmp_path, pages)
    made: list[list[str]] = []
    seen = tmp_path / "seen"
    seen.mkdir()

    def made_in_main(app, doctree, docname):
        made.append([docname])  # a container made after every freeze of the main process

    def writing(app, pagename, templatename, context, doctree):
        inherited = any(obj is made[0] for obj in gc.get_objects())  # unfrozen objects only
        (seen / f"{os.getpid()}-{pagename}").write_text(f"{inherited} {gc.get_freeze_count()}")

    app = SphinxTestApp("html", srcdir=root, builddir=tmp_path / "out", parallel=2, warning=StringIO())
    app.connect("doctree-resolved", made_in_main)
    app.connect("html-page-context", writing)
    try:
        app.build()
    finally:
        app.cleanup()
    written = {f.name: f.read_text().split() for f in seen.iterdir()}
    in_main = [v for name, v in written.items() if name.startswith(f"{os.getpid()}-")]
    in_workers = [v for name, v in written.items() if not name.startswith(f"{os.getpid()}-")]
    assert len(in_workers) >= len(pages) - 1  # the first page is written by the main process
    assert {inherited for inherited, _ in in_workers} == {"False"}
    assert all(int(count) > 10_000 for _, count in in_workers)
    assert in_main and {inherited for inherited, _ in in_main} == {"True"}  # the main process's collector walks it
