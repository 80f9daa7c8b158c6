"""The annotation engine on a small two-source root: HTML, LaTeX, text, epub, JSON."""

from __future__ import annotations

import json
import re
import shutil
import zlib
from pathlib import Path

import pytest
from htmlsegments import segments

ROOT = Path(__file__).parent / "roots" / "test-annotations"
ALPHA = (ROOT / "seeds" / "alpha.txt").read_text(encoding="utf-8")


def _lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


@pytest.fixture
def html(app):
    app.build()
    assert app.warning.getvalue() == ""
    return lambda name: (app.outdir / f"{name}.html").read_text(encoding="utf-8")


@pytest.mark.sphinx("html", testroot="annotations")
def test_copy_text_survives_annotation(html):
    assert [s.text for s in segments(html("alpha"))] == _lines(ALPHA)


@pytest.mark.sphinx("html", testroot="annotations")
def test_markers_are_numbered_in_text_order_and_link_to_admonitions(html):
    page = html("alpha")
    markers = re.findall(r'href="#(\w+-[\w-]+)"[^>]*>\[(\d)\]</a>', page)
    assert markers == [
        ("note-met-first", "1"), ("note-chairman", "2"), ("dispute-december", "3"),
        ("dispute-met-again", "4"), ("dispute-nerchinsk-year", "5"),
    ]
    for anchor, _ in markers:
        assert f'id="{anchor}"' in page


@pytest.mark.sphinx("html", testroot="annotations")
def test_dispute_follows_its_segment_with_verdict_claim_body_and_compare(html):
    page = html("alpha")
    seg4 = page.index('id="s4"')
    box = page.index('id="dispute-nerchinsk-year"')
    assert seg4 < box
    aside = page[page.rindex("<aside", 0, box): page.index("</aside>", box)]
    assert 'data-verdict="incorrect"' in aside and "ed-verdict-incorrect" in aside
    assert "Dispute 5" in aside and ">incorrect<" in aside
    assert "signed in 1698" in aside  # the quoted claim
    assert 'href="#s4"' in aside  # link back to the passage
    assert "bibliography.html" in aside  # the citation resolved
    assert 'href="beta.html#s3"' in aside and "Beta 2021, §3" in aside


@pytest.mark.sphinx("html", testroot="annotations")
def test_note_is_distinct_from_dispute(html):
    page = html("alpha")
    assert 'class="ed-annotation ed-note"' in page
    assert 'id="note-chairman"' in page and "Note 2" in page


@pytest.mark.sphinx("html", testroot="annotations")
def test_overlapping_annotations_mark_the_shared_words(html):
    page = html("alpha")
    assert '<span class="ed-hl ed-hl-dispute ed-hl-note ed-verdict-corroborated">Moscow</span>' in page


@pytest.mark.sphinx("html", testroot="annotations")
def test_auto_links_longest_match_tags_and_untags(html):
    seg = {s.number: s for s in segments(html("alpha"))}
    assert "../people.html" not in seg[2].links  # same-directory links
    # "Mao Zedong" is one link to Mao (longest match), "Stalin" links in §2 ...
    assert seg[2].links.count("people.html#entity-mao") == 1
    assert "people.html#entity-stalin" in seg[2].links
    # ... but is untagged in §3; "The Chairman" is tagged as Mao
    assert "people.html#entity-stalin" not in seg[3].links
    assert seg[3].links.count("people.html#entity-mao") == 2
    assert "people.html#entity-nerchinsk-treaty" in seg[1].links


@pytest.mark.sphinx("html", testroot="annotations")
def test_register_lists_every_mention_grouped_by_source(html):
    page = html("people")
    mao = page[page.index('id="entity-mao"'):page.index('id="entity-stalin"')]
    assert re.findall(r'href="(\w+\.html#s\d+)"', mao) == ["alpha.html#s2", "alpha.html#s3", "beta.html#s2"]
    assert "Alpha 2020" in mao and "Beta 2021" in mao
    stalin = page[page.index('id="entity-stalin"'):page.index('id="entity-nerchinsk-treaty"')]
    assert re.findall(r'href="(\w+\.html#s\d+)"', stalin) == ["alpha.html#s2", "beta.html#s2"]


def test_an_entity_never_named_in_the_copy_texts_says_so(make_app, tmp_path):
    root = tmp_path / "annotations"
    shutil.copytree(ROOT, root)
    people = root / "people.md"
    people.write_text(people.read_text(encoding="utf-8") + "\n```{ed:entity} witte\n:type: person\n"
                      ":name: Sergei Witte\n\nRussian minister of finance {cite:p}`chen2001`.\n```\n",
                      encoding="utf-8")
    app = make_app("html", srcdir=root)
    app.build()
    assert app.warning.getvalue() == ""
    page = (app.outdir / "people.html").read_text(encoding="utf-8")
    witte = page[page.index('id="entity-witte"'):]
    assert ('<p class="ed-mentions no-search"><em>Not named in the copy texts; referred to by the apparatus.</em>'
            "</p>") in witte
    assert "Mentions:" not in witte


@pytest.mark.sphinx("html", testroot="annotations")
def test_dispute_register_counts_and_rows(html):
    page = html("disputes")
    assert "3 disputes. By verdict: incorrect 1, imprecise 1," in page
    assert "corroborated 1. By source: Alpha 2020 3." in page
    rows = re.findall(r"<tr class=\"row-(?:odd|even)\">(.*?)</tr>", page, re.S)
    assert len(rows) == 4  # header + 3 disputes
    assert "Mao reached Moscow on 16 December 1949." in page  # :summary:
    assert "The treaty was signed in 1689" in page  # first sentence of the body
    assert 'href="alpha.html#dispute-nerchinsk-year"' in page


@pytest.mark.sphinx("html", testroot="annotations")
def test_compare_links_are_bidirectional(html):
    page = html("beta")
    assert page.count('class="ed-compared') == 2  # §2 and §3 are both compared
    seg2, seg3 = page.index('id="s2"'), page.index('id="s3"')
    assert seg2 < page.index('class="ed-compared', seg2) < seg3
    compared = page.index('class="ed-compared', seg3)
    assert 'href="alpha.html#dispute-nerchinsk-year"' in page[compared:]
    assert "Alpha 2020, §4 (dispute 5)" in page


@pytest.mark.sphinx("html", testroot="annotations")
def test_roles_refer_to_passage_entity_and_dispute(html):
    page = html("index")
    assert '<a class="reference internal" href="alpha.html#s2" title="Alpha 2020, §2">' in page
    assert ">Alpha 2020, §2<" in page
    assert 'href="people.html#entity-mao"' in page and ">Mao Zedong<" in page
    assert 'href="alpha.html#dispute-nerchinsk-year"' in page


@pytest.mark.sphinx("html", testroot="annotations")
def test_annotations_json_has_w3c_offsets(app, html):
    data = json.loads((app.outdir / "annotations.json").read_text(encoding="utf-8"))
    items = {a["id"]: a for a in data["annotations"]}
    for aid in ("nerchinsk-year", "chairman", "december", "met-again", "met-first"):
        item = items[aid]
        assert ALPHA[item["start"]:item["end"]] == item["exact"]
        assert item["source"] == "alpha" and item["citations"] == ["chen2001"]
    assert items["nerchinsk-year"]["verdict"] == "incorrect"
    # the second compare-link continues :compare: on an indented line
    assert [c["segment"] for c in items["nerchinsk-year"]["compare"]] == [3, 2]
    assert items["chairman"]["entities"] == ["mao", "moscow"]
    assert items["mao"]["kind"] == "entity" and items["mao"]["aliases"] == ["Mao"]
    tags = [a for a in data["annotations"] if a["kind"] in ("tag", "untag")]
    assert {(t["kind"], t["exact"]) for t in tags} == {("tag", "The Chairman"), ("untag", "Stalin")}


@pytest.mark.sphinx("html", testroot="annotations")
def test_objects_inventory_lists_entities_and_disputes(app, html):
    raw = (app.outdir / "objects.inv").read_bytes()
    body = zlib.decompress(raw.split(b"\n", 4)[4]).decode()
    assert "mao ed:entity 1 people.html#entity-$ Mao Zedong" in body
    assert "nerchinsk-year ed:dispute 1 alpha.html#dispute-$ -" in body


@pytest.mark.sphinx("latex", testroot="annotations")
def test_latex_disputes_have_their_own_environment_and_markers(app):
    app.build()
    assert app.warning.getvalue() == ""
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert r"\begin{EdDispute}{5}{incorrect}\label{\detokenize{alpha:dispute-nerchinsk-year}}" in tex
    assert r"\begin{EdNote}{2}{}\label{\detokenize{alpha:note-chairman}}" in tex
    assert r"\hyperref[\detokenize{alpha:dispute-nerchinsk-year}]{\sphinxcrossref{{[}5{]}}}" in tex
    assert r"\hyperref[\detokenize{people:entity-mao}]" in tex
    assert r"\sphinxstyleindexentry{Mao Zedong}\sphinxstyleindexpageref{people:\detokenize{entity-mao}}" in tex
    assert r"\sphinxstyleindexentry{Alpha 2020, §2}\sphinxstyleindexpageref{alpha:\detokenize{s2}}" in tex
    assert r"\index{Mao Zedong@\spxentry{Mao Zedong}" in tex


@pytest.mark.sphinx("text", testroot="annotations")
def test_text_builder_renders_annotations(app):
    app.build()
    assert app.warning.getvalue() == ""
    out = (app.outdir / "alpha.txt").read_text(encoding="utf-8")
    assert "[Dispute 5 (incorrect)]" in out and "[Note 2]" in out
    assert "signed in 1698. [[5]]" in out  # the marker follows the whole word


@pytest.mark.sphinx("epub", testroot="annotations")
def test_epub_builder_renders_annotations(app):
    app.build()
    page = (app.outdir / "alpha.xhtml").read_text(encoding="utf-8")
    assert [s.text for s in segments(page)] == _lines(ALPHA)
    assert 'id="dispute-nerchinsk-year"' in page
