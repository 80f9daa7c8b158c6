"""Parallel builds equal serial builds; incremental builds rewrite what changed, only that."""

from __future__ import annotations

import importlib
import re
import shutil
from io import StringIO
from pathlib import Path

import pytest
from docutils import nodes
from sphinx.testing.util import SphinxTestApp

BASE = Path(__file__).parent / "roots" / "test-annotations"
EXTRA = 12  # extra source pages, so that reading really splits into chunks


def _large_root(root: Path) -> Path:
    shutil.copytree(BASE, root)
    catalogue = (root / "seeds" / "catalogue.toml").read_text()
    alpha = catalogue[catalogue.index("[alpha]"):catalogue.index("[beta]")]
    names = []
    for i in range(EXTRA):
        catalogue += "\n" + alpha.replace("[alpha", f"[copy{i}")
        (root / f"copy{i}.md").write_text(
            f"# Copy {i}\n\n```{{edition}} copy{i}\n```\n\n"
            f"```{{ed:dispute}} copy{i}-year\n:quote: signed in 1698\n:verdict: incorrect\n"
            f":compare: beta The Treaty of Nerchinsk (1689)\n\nIt was 1689 {{cite:p}}`chen2001`.\n```\n"
        )
        names.append(f"copy{i}")
    (root / "seeds" / "catalogue.toml").write_text(catalogue)
    index = (root / "index.md").read_text().replace("bibliography\n", "bibliography\n" + "\n".join(names) + "\n")
    (root / "index.md").write_text(index)
    return root


def _build(srcdir: Path, builddir: Path, parallel: int) -> dict[str, str]:
    warnings = StringIO()
    app = SphinxTestApp("html", srcdir=srcdir, builddir=builddir, parallel=parallel, warning=warnings)
    try:
        app.build()
    finally:
        app.cleanup()
    assert warnings.getvalue() == ""
    out = builddir / "html"
    pages = sorted(out.glob("*.html")) + [out / "annotations.json"]
    return {p.name: p.read_text(encoding="utf-8") for p in pages}


def test_parallel_build_equals_serial_build(tmp_path):
    root = _large_root(tmp_path / "root")
    serial = _build(root, tmp_path / "serial", parallel=0)
    parallel = _build(root, tmp_path / "parallel", parallel=2)
    assert len(serial) == len(parallel) > EXTRA
    assert [name for name in serial if serial[name] != parallel[name]] == []
    # the merged data is complete: every copy's dispute is in the register ...
    assert serial["disputes.html"].count("It was 1689") == EXTRA
    # ... and every compare-link shows on beta's page
    assert serial["beta.html"].count("(dispute 1)") == EXTRA


GENERATED = {"genindex.html", "search.html", "ed-entities.html"}  # Sphinx rewrites these always


def test_main_process_resolves_and_the_writer_builds_the_pieces(tmp_path):
    """In a parallel build the main process resolves pages in turn: it stores each segment's
    mentions and each register entry's list of them; the marked and linked pieces and the
    lists' links are built where the page is written."""
    root = _large_root(tmp_path / "root")
    resolved: dict[str, tuple[int, int, int]] = {}
    lists: dict[str, list[tuple[bool, int]]] = {}

    def look(app, doctree, docname):
        segs = [n for n in doctree.findall() if type(n).__name__ == "segment"]
        resolved[docname] = (sum("mentions" in s for s in segs), sum("spans" in s for s in segs),
                             sum(1 for s in segs for _ in s.findall(nodes.reference)))
        lists[docname] = [("groups" in n or "rows" in n, len(n.children)) for n in doctree.findall()
                          if type(n).__name__ in ("mention_list", "dispute_register")]

    app = SphinxTestApp("html", srcdir=root, builddir=tmp_path / "out", parallel=2, warning=StringIO())
    app.connect("doctree-resolved", look, priority=900)  # after the edition's fill
    try:
        app.build()
    finally:
        app.cleanup()
    assert resolved["alpha"][0] > 0 and resolved["alpha"][1] > 0  # the data: mentions and anchored words
    assert {docname: counts[2] for docname, counts in resolved.items() if counts[2]} == {}  # no pieces yet
    assert len(lists["people"]) >= 3 and set(lists["people"]) == {(True, 0)}  # the lists' data, no nodes yet
    assert lists["disputes"] == [(True, 1)]  # the rows' data; only the counts, which the search indexes
    page = (tmp_path / "out" / "html" / "alpha.html").read_text(encoding="utf-8")
    assert 'class="ed-mention ed-person reference internal"' in page and '<span class="ed-hl ed-hl-dispute' in page
    people = (tmp_path / "out" / "html" / "people.html").read_text(encoding="utf-8")
    assert '<p class="ed-mentions no-search"><em>Mentions: </em>' in people
    assert re.search(r'<a class="reference internal" href="alpha.html#s\d+">\u00a7\d+</a>', people)
    disputes = (tmp_path / "out" / "html" / "disputes.html").read_text(encoding="utf-8")
    assert disputes.count('href="copy3.html#dispute-copy3-year"') == 1 and "ed-register-counts" in disputes


def _mtimes(out: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in out.glob("*.html") if p.name not in GENERATED}


@pytest.fixture
def project(tmp_path):
    root = tmp_path / "root"
    shutil.copytree(BASE, root)

    def build() -> dict[str, int]:
        app = SphinxTestApp("html", srcdir=root, builddir=tmp_path / "build", warning=StringIO())
        try:
            app.build()
            assert app.warning.getvalue() == ""
        finally:
            app.cleanup()
        return _mtimes(tmp_path / "build" / "html")

    return root, build


def _rewritten(before: dict[str, int], after: dict[str, int]) -> set[str]:
    return {name for name in after if before.get(name) != after[name]}


def test_editing_a_dispute_rewrites_its_page_and_the_register_only(project):
    root, build = project
    first = build()
    assert build() == first  # nothing changed, nothing rewritten
    page = root / "alpha.md"
    page.write_text(page.read_text().replace("The treaty was signed in 1689", "It was signed in 1689"))
    rewritten = _rewritten(first, build())
    assert {"alpha.html", "disputes.html"} <= rewritten
    assert not rewritten & {"beta.html", "people.html"}


def test_tagging_a_mention_rewrites_the_register_of_names(project):
    root, build = project
    first = build()
    page = root / "alpha.md"
    page.write_text(page.read_text() + "\n```{ed:tag} moscow\n:quote: Russia\n```\n")
    rewritten = _rewritten(first, build())
    assert {"alpha.html", "people.html"} <= rewritten
    assert "beta.html" not in rewritten


def test_editing_an_entity_rewrites_the_sources_that_mention_it(project):
    root, build = project
    first = build()
    page = root / "people.md"
    page.write_text(page.read_text().replace(":name: Moscow", ":name: Moscow\n:aliases: Russia"))
    rewritten = _rewritten(first, build())
    assert {"people.html", "alpha.html"} <= rewritten


def test_editing_the_seed_catalogue_is_a_dependency(project):
    root, build = project
    first = build()
    cat = root / "seeds" / "catalogue.toml"
    cat.write_text(cat.read_text().replace('short_title = "Beta 2021"', 'short_title = "Beta 2022"'))
    rewritten = _rewritten(first, build())
    assert "beta.html" in rewritten and "alpha.html" in rewritten


def test_automatic_mentions_kept_while_texts_and_aliases_are_the_same(project, monkeypatch):
    collect = importlib.import_module("critical_edition.collect")  # the package's "collect" is the handler
    root, build = project
    made = []
    matcher = collect.Matcher
    monkeypatch.setattr(collect, "Matcher", lambda aliases: made.append(aliases) or matcher(aliases))
    build()
    assert len(made) == 1
    page = root / "alpha.md"
    page.write_text(page.read_text().replace("The treaty was signed in 1689", "It was signed in 1689"))
    build()
    assert len(made) == 1  # an annotation edited: the sources are not scanned again
    people = root / "people.md"
    people.write_text(people.read_text().replace(":name: Moscow", ":name: Moscow\n:aliases: Russia"))
    build()
    assert len(made) == 2 and "Russia" in made[-1]  # an alias added: scanned again
