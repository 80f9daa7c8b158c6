"""The real edition, built as CI builds it: every character of every source survives."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from conftest import REPO
from htmlsegments import segments

pytestmark = pytest.mark.edition

CATALOGUE = tomllib.loads((REPO / "seeds" / "catalogue.toml").read_text(encoding="utf-8"))
SOURCE_IDS = sorted(CATALOGUE)


def seed_lines(source_id: str) -> list[str]:
    text = (REPO / "seeds" / CATALOGUE[source_id]["file"]).read_text(encoding="utf-8")
    return [line for line in text.split("\n") if line.strip()]


def sphinx(*args: str) -> subprocess.CompletedProcess[str]:
    """Run sphinx-build as the Makefile does (-W -n), failing the test on any warning."""
    cmd = [sys.executable, "-m", "sphinx", *args, "-c", str(REPO), "-W", "-n", "--keep-going"]
    result = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result


@pytest.fixture(scope="session")
def html_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("edition") / "html"
    sphinx("-b", "html", str(REPO / "docs"), str(out), "-q")
    return out


@pytest.fixture(scope="session")
def latex_dir(tmp_path_factory) -> Path:
    build = tmp_path_factory.mktemp("edition-pdf")
    sphinx("-M", "latexpdf", str(REPO / "docs"), str(build), "-q")
    return build / "latex"


@pytest.fixture(scope="session")
def pdf_text(latex_dir) -> str:
    pdf = next(latex_dir.glob("*.pdf"))
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.parametrize("source_id", SOURCE_IDS)
def test_html_segments_equal_the_seed(html_dir, source_id):
    page = (html_dir / "sources" / f"{source_id}.html").read_text(encoding="utf-8")
    found = segments(page)
    assert {s.source for s in found} == {source_id}
    assert [s.number for s in found] == list(range(1, len(found) + 1))
    assert "\n".join(s.text for s in found) == "\n".join(seed_lines(source_id))


def test_catalogue_roles_cover_the_hard_layout(html_dir):
    page = (html_dir / "sources" / "xiaohongshu-forum.html").read_text(encoding="utf-8")
    by_text = {s.text.strip(): s.attrs["data-role"] for s in segments(page)}
    assert by_text["Show"] == "placeholder"
    assert by_text["edit-2"] == "furniture"
    page = (html_dir / "sources" / "mercouris-2014.html").read_text(encoding="utf-8")
    karlin = [s for s in segments(page) if s.text.startswith("Anatoly Karlin")]
    assert karlin[0].attrs["data-role"] == "furniture"


def test_hsu_pull_quotes_link_to_the_sentences_they_repeat(html_dir):
    page = (html_dir / "sources" / "hsu-2023.html").read_text(encoding="utf-8")
    pulls = {s.number: s.links for s in segments(page) if s.attrs["data-role"] == "pull-quote"}
    expected = {17: 22, 24: 25, 33: 34, 74: 77, 93: 95, 100: 102}
    assert {n: f"#s{t}" in pulls[n] for n, t in expected.items()} == dict.fromkeys(expected, True)


def _words(text: str) -> list[str]:
    return [w.replace("-", "") for w in text.split()]


def _pdf_stream(text: str) -> str:
    text = re.sub(r"-\n", "", text)  # undo line-end hyphenation
    return re.sub(r"\s+", "", text).replace("-", "")


@pytest.mark.parametrize("source_id", SOURCE_IDS)
def test_pdf_has_every_word_in_order(pdf_text, source_id):
    stream = _pdf_stream(pdf_text)
    cursor = stream.index(f"Sourceid{source_id.replace('-', '')}")
    missing = []
    for word in _words("\n".join(seed_lines(source_id))):
        found = stream.find(word, cursor)
        if found < 0:
            missing.append(word)
        else:
            cursor = found + len(word)
    assert missing == []


def test_pdf_log_reports_no_missing_character(latex_dir):
    from critical_edition.latexlog import main

    assert main([str(latex_dir)]) == 0
    assert "🙂" in (latex_dir / "edition-chars.def").read_text(encoding="utf-8")


def test_missing_character_is_detected():
    from critical_edition.latexlog import missing_characters

    log = "Missing character: There is no 🙂 (U+1F642) in font FreeSerif/OT:script=latn;!\n"
    assert missing_characters(log) == [("🙂 (U+1F642)", "FreeSerif/OT:script=latn;")]


def test_pdf_index_lists_entities_with_the_pages_of_their_mentions(latex_dir):
    ind = next(latex_dir.glob("*.ind")).read_text(encoding="utf-8")
    # name (with \sphinxhyphen{} etc.), optional qualifier \spxextra{...}, page references
    entry = r"\\item \\spxentry\{((?:[^{}]|\{\})*)\}((?:\\spxextra\{[^}]*\})?)(.*?)"
    entries = re.findall(entry + r"(?=\\item|\\indexspace|\\end)", ind, re.S)
    names = {(name, extra) for name, extra, _ in entries}
    assert len(entries) == len(names), "an entity is split into two index entries"
    registers = "".join((REPO / "docs" / "registers" / f"{t}.md").read_text(encoding="utf-8")
                        for t in ("persons", "places", "organisations", "treaties", "events"))
    defined = len(re.findall(r"^```\{ed:entity\}", registers, re.M))
    assert len(names) >= defined * 0.9  # every mentioned entity (some have no mention)
    pages = [len(re.findall(r"\d+", refs)) for *_, refs in entries]
    assert max(pages) >= 10  # the most mentioned entities: many pages, not one register entry


def test_method_page_examples_have_the_verdict_they_illustrate(html_dir):
    import json

    method = (REPO / "docs" / "method.md").read_text(encoding="utf-8")
    section = method[method.index("## Verdicts"):method.index("## How disputes")]
    examples = re.findall(r"^(\w+)\n: .*?\{ed:dispute\}`([a-z0-9-]+)`", section, re.M | re.S)
    assert len(examples) == 7
    verdicts = {a["id"]: a.get("verdict") for a in json.loads(
        (html_dir / "annotations.json").read_text(encoding="utf-8"))["annotations"]}
    assert {verdict: verdicts[example] for verdict, example in examples} == {v: v for v, _ in examples}


def test_text_build_of_the_real_edition(tmp_path):
    sphinx("-b", "text", str(REPO / "docs"), str(tmp_path / "text"), "-q")
    text = (tmp_path / "text" / "sources" / "wu-2022.txt").read_text(encoding="utf-8")
    assert "[Dispute 1 (" in text
