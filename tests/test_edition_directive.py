"""The edition directive on a tiny test root: fidelity, roles, permalinks, pull quotes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from htmlsegments import segments

ROOTS = Path(__file__).parent / "roots"
SEED = (ROOTS / "test-basic" / "seeds" / "tiny.txt").read_text(encoding="utf-8")
LINES = [line for line in SEED.split("\n") if line.strip()]


@pytest.fixture
def html_segments(app):
    app.build()
    assert app.warning.getvalue() == ""
    return segments((app.outdir / "index.html").read_text(encoding="utf-8"))


@pytest.mark.sphinx("html", testroot="basic")
def test_copy_text_survives_exactly(html_segments):
    assert [s.text for s in html_segments] == LINES
    assert "\n".join(s.text for s in html_segments) == "\n".join(LINES)


@pytest.mark.sphinx("html", testroot="basic")
def test_roles_and_depth_are_marked(html_segments):
    roles = [s.attrs["data-role"] for s in html_segments]
    assert roles == [
        "heading", "byline", "body", "body", "pull-quote",
        "comment", "comment", "comment", "furniture",
    ]
    for seg in html_segments:
        assert f"ed-{seg.attrs['data-role']}" in seg.attrs["class"].split()
    assert [s.attrs["data-depth"] for s in html_segments[5:8]] == ["1", "2", "3"]
    # a non-body role is labelled for the reader, as editorial text
    assert "furniture" in html_segments[-1].editorial


@pytest.mark.sphinx("html", testroot="basic")
def test_permalinks_are_unique_and_numbered(html_segments):
    ids = [s.attrs["id"] for s in html_segments]
    assert ids == [f"s{n}" for n in range(1, len(LINES) + 1)]
    assert len(set(ids)) == len(ids)
    for seg in html_segments:
        assert seg.links[0] == f"#s{seg.number}"
        assert seg.attrs["data-source"] == "tiny"


@pytest.mark.sphinx("html", testroot="basic")
def test_pull_quote_links_to_its_body_sentence(html_segments):
    pull = html_segments[4]
    assert pull.attrs["data-role"] == "pull-quote"
    assert "#s4" in pull.links
    assert "repeats §4" in pull.editorial


@pytest.mark.sphinx("html", testroot="basic")
def test_permalinks_are_stable_across_builds(app):
    app.build(force_all=True)
    first = (app.outdir / "index.html").read_text(encoding="utf-8")
    app.build(force_all=True)
    second = (app.outdir / "index.html").read_text(encoding="utf-8")
    ids = lambda html: [(s.number, s.attrs["id"]) for s in segments(html)]  # noqa: E731
    assert ids(first) == ids(second)


@pytest.mark.sphinx("latex", testroot="basic")
def test_latex_segments_and_roles(app):
    app.build()
    assert app.warning.getvalue() == ""
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert r"\usepackage{edition}" in tex
    assert r"\EdSeg{1}{heading}{0}" in tex
    assert r"\EdSeg{5}{pullquote}{0}" in tex
    assert r"\EdSeg{8}{comment}{3}" in tex
    assert r"\hyperref[\detokenize{index:s4}]" in tex
    assert "🙂" in tex
    chars = (Path(app.outdir) / "edition-chars.def").read_text(encoding="utf-8")
    assert r'\newunicodechar{🙂}{{\EdFallbackA\symbol{"1F642}}}' in chars
    assert (Path(app.outdir) / "edition.sty").is_file()


@pytest.mark.sphinx("text", testroot="basic")
def test_text_builder_renders_every_line(app):
    app.build()
    assert app.warning.getvalue() == ""
    out = (app.outdir / "index.txt").read_text(encoding="utf-8")
    for number, line in enumerate(LINES, start=1):
        assert f"{number:>4}  {line}" in out


@pytest.mark.sphinx("epub", testroot="basic")
def test_epub_builder_renders_segments(app):
    app.build()
    html = (app.outdir / "index.xhtml").read_text(encoding="utf-8")
    assert [s.text for s in segments(html)] == LINES


@pytest.mark.sphinx("html", testroot="checksum")
def test_checksum_mismatch_refuses_the_source(app):
    app.build()
    warnings = app.warning.getvalue()
    assert "index.md:3: ERROR: " in warnings
    assert "tiny.txt: checksum mismatch for source 'tiny'" in warnings
    assert "0" * 64 in warnings
    assert SEED_SHA in warnings
    assert segments((app.outdir / "index.html").read_text(encoding="utf-8")) == []


def test_checksum_mismatch_fails_the_build_cleanly(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html",
         str(ROOTS / "test-checksum"), str(tmp_path / "out")],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode != 0
    assert "checksum mismatch" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


SEED_SHA = __import__("hashlib").sha256((ROOTS / "test-basic/seeds/tiny.txt").read_bytes()).hexdigest()
