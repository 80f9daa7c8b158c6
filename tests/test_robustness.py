"""Random input never crashes the edition; two clean builds are byte-identical."""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from critical_edition.anchoring import AnchorError, Selector, resolve
from critical_edition.annotations import compare_links, verdict
from critical_edition.entities import aliases, dates, entity_type
from critical_edition.segments import split_segments
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp

REPO = Path(__file__).parent.parent
BASE = Path(__file__).parent / "roots" / "test-annotations"

# Text drawn from the characters that matter in the copy texts.
ALPHABET = st.sampled_from(list("ab Mao1949.,’“”\u00a0–-:§\n\t") + ["Stalin", "the ", "Chairman"])
TEXT = st.lists(ALPHABET, max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(copy=TEXT, exact=TEXT, prefix=TEXT, suffix=TEXT, segment=st.none() | st.integers(-3, 12))
def test_anchoring_answers_or_explains(copy, exact, prefix, suffix, segment):
    segments = split_segments(copy)
    try:
        anchor = resolve(Selector(exact, prefix, suffix, segment), segments)
    except AnchorError as exc:
        assert exc.kind and str(exc)
    else:
        line = segments[anchor.segment - 1].text
        assert line[anchor.start:anchor.end] == exact
        assert line[:anchor.start].endswith(prefix) and line[anchor.end:].startswith(suffix)


@settings(max_examples=300, deadline=None)
@given(value=st.none() | st.text(max_size=60))
def test_option_converters_accept_or_raise_valueerror(value):
    for convert in (verdict, compare_links, aliases, dates, entity_type):
        try:
            convert(value)
        except ValueError as exc:
            assert str(exc)


DIRECTIVES = st.sampled_from(["ed:dispute", "ed:note", "ed:tag", "ed:untag", "ed:entity", "edition"])
OPTION_NAMES = st.sampled_from(["quote", "prefix", "suffix", "segment", "verdict", "compare", "summary",
                                "type", "name", "aliases", "dates", "colour", ""])
LINE = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)


@st.composite
def directive_blocks(draw) -> str:
    name = draw(DIRECTIVES)
    argument = draw(st.sampled_from(["", "x", "Bad Id", "random-id", "alpha", "mao"]))
    options = draw(st.lists(st.tuples(OPTION_NAMES, LINE), max_size=5))
    body = draw(st.lists(LINE, max_size=3))
    lines = [f"```{{{name}}} {argument}".rstrip()]
    lines += [f":{key}: {value}" for key, value in options]
    lines += ["", *body, "```"]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("random") / "root"
    shutil.copytree(BASE, root)
    return root


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(blocks=st.lists(directive_blocks(), min_size=1, max_size=3))
def test_random_directives_build_without_traceback(scratch, blocks):
    page = "# Random\n\n```{edition} alpha\n```\n\n" + "\n\n".join(blocks) + "\n"
    (scratch / "alpha.md").write_text(page, encoding="utf-8")
    warnings = StringIO()
    app = SphinxTestApp("html", srcdir=scratch, warning=warnings, freshenv=True)
    try:
        app.build()  # an exception here fails the test: bad input must be a warning
    finally:
        app.cleanup()
    assert "Traceback" not in warnings.getvalue()


def test_two_clean_builds_are_byte_identical(tmp_path):
    snapshot = tmp_path / "edition"
    snapshot.mkdir()
    shutil.copy(REPO / "conf.py", snapshot)
    for folder in ("docs", "seeds"):
        shutil.copytree(REPO / folder, snapshot / folder)
    outputs = []
    for run in (1, 2):
        out = tmp_path / f"html{run}"
        subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "html", "-c", str(snapshot),
                        str(snapshot / "docs"), str(out)], check=True, capture_output=True)
        outputs.append(out)
    differing = _differences(outputs[0], outputs[1])
    # environment.pickle (Sphinx's cache, not output) is the one file allowed to differ
    assert differing == [], differing
    assert (outputs[0] / "sources" / "hsu-2023.html").is_file()


def _differences(a: Path, b: Path) -> list[str]:
    files_a = {p.relative_to(a) for p in a.rglob("*") if p.is_file() and ".doctrees" not in p.parts}
    files_b = {p.relative_to(b) for p in b.rglob("*") if p.is_file() and ".doctrees" not in p.parts}
    differing = sorted(str(p) for p in files_a ^ files_b)
    differing += sorted(str(p) for p in files_a & files_b if not filecmp.cmp(a / p, b / p, shallow=False))
    return differing
