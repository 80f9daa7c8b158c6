"""The timeline and the sources-by-events matrix, in every builder (test root: test-chronology).

Alpha dates the Treaty of Nerchinsk 1689 in §2 and 1698 in §3 (disputed), and
the Moscow Summit 1972; Beta dates the summit 1971. The registers say 1689 and
1972: two dates differ.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from critical_edition.chronology import Span, parse_dates, years_by_mention
from critical_edition.fill import _Placeholders

ROOT = Path(__file__).parent / "roots" / "test-chronology"


@pytest.mark.parametrize("text, start, end, approx", [
    ("1689", (1689, 0, 0), (1689, 0, 0), False),
    ("1950-02-14", (1950, 2, 14), (1950, 2, 14), False),
    ("1893\u20131976", (1893, 0, 0), (1976, 0, 0), False),
    ("2022-02-24\u2013", (2022, 2, 24), None, False),
    ("c. 1650\u2013", (1650, 0, 0), None, True),
    ("1904/1905", (1904, 0, 0), (1905, 0, 0), False),
])
def test_register_dates_parse(text, start, end, approx):
    assert parse_dates(text) == Span(start, end, approx, text)


def test_unparsable_or_empty_dates_are_undated():
    assert parse_dates("") is None
    assert parse_dates("sometime") is None


def test_a_date_span_contains_its_years_with_slack_only_when_approximate():
    assert parse_dates("1949-12\u20131950-02").contains(1950)
    assert not parse_dates("1972-05-22").contains(1971)
    assert parse_dates("c. 1650").contains(1654) and not parse_dates("1650").contains(1654)
    assert parse_dates("2001\u2013").contains(2024) and not parse_dates("2001\u2013").contains(2000)


def test_a_year_belongs_to_the_nearest_mention_within_reach():
    text = ("The Quemoy crisis of 1958 and the Ukrainian invasion of now; "
            "and then, in another sentence well over forty characters on: 2022.")
    quemoy = (4, 17, "quemoy")
    ukraine = (34, 52, "ukraine")
    assert years_by_mention(text, [quemoy, ukraine]) == [("quemoy", 1958)]


@pytest.mark.sphinx("html", testroot="chronology")
def test_timeline_and_matrix_in_html(app):
    app.build()
    assert app.warning.getvalue() == ""
    page = (app.outdir / "timeline.html").read_text(encoding="utf-8")
    svg = page[page.index("<svg"):page.index("</svg>")]
    assert svg.count('class="ed-row"') == 2  # the undated conference has no bar
    assert re.findall(r'data-entity="([a-z-]+)"', svg) == ["nerchinsk", "summit"]
    assert "style=" not in svg and "<script" not in svg  # the CSP holds
    assert page.count(">differs<") == 2
    assert "Alpha 2020" in page and "Beta 2021" in page
    assert 'href="alpha.html#dispute-alpha-nerchinsk-year"' in page
    assert 'href="events.html#entity-nowhere"' in page  # listed as undated
    matrix = (app.outdir / "matrix.html").read_text(encoding="utf-8")
    table = matrix[matrix.index("<table"):matrix.index("</table>")]
    assert table.count("<tr") == 3  # header, the treaty, the summit
    assert re.search(r'class="[^"]*ed-matrix-dispute[^"]*"[^>]*>\u20201<', table)
    assert 'href="alpha.html#s3"' in table and 'href="beta.html#s3"' in table


@pytest.mark.sphinx("text", testroot="chronology")
def test_timeline_and_matrix_in_text(app):
    app.build()
    assert app.warning.getvalue() == ""
    timeline = (app.outdir / "timeline.txt").read_text(encoding="utf-8")
    assert "Treaty of Nerchinsk" in timeline and timeline.count("**differs**") == 2
    assert "Alpha 2020 §3: 1698" in timeline and "Beta 2021 §3: 1971" in timeline
    assert "Without dates in the registers: Nowhere Conference." in timeline
    assert ("Dates that differ (2): * Treaty of Nerchinsk: registers 1689; Alpha 2020 §3 writes 1698 "
            "* Moscow Summit: registers 1972-05-22–1972-05-30; Beta 2021 §3 writes 1971") in " ".join(
        timeline.split())
    matrix = (app.outdir / "matrix.txt").read_text(encoding="utf-8")
    assert "\u20201" in matrix and "Moscow Summit" in matrix


@pytest.mark.sphinx("latex", testroot="chronology")
def test_timeline_and_matrix_in_latex(app):
    app.build()
    assert app.warning.getvalue() == ""
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert tex.count(r"\begin{longtable}{\X{") == 2  # timeline and matrix, wrapped columns
    assert "1698 differs" not in tex  # bold in LaTeX:
    assert re.search(r"1698 \\sphinxstylestrong\{differs\}", tex)
    assert "<svg" not in tex


def test_timeline_page_follows_a_changed_register_date(make_app, tmp_path):
    srcdir = tmp_path / "chronology"
    shutil.copytree(ROOT, srcdir)
    first = make_app("html", srcdir=srcdir)
    first.build()
    out = Path(first.outdir)
    before = (out / "timeline.html").read_text(encoding="utf-8")
    assert "1971 differs" in re.sub(r"<[^>]+>", "", before)
    events = srcdir / "events.md"
    events.write_text(events.read_text(encoding="utf-8").replace("1972-05-22\u20131972-05-30", "1971"),
                      encoding="utf-8")
    second = make_app("html", srcdir=srcdir)
    second.build()
    after = re.sub(r"<[^>]+>", "", (out / "timeline.html").read_text(encoding="utf-8"))
    assert "1971 differs" not in after and "1972 differs" in after


@pytest.mark.sphinx("html", testroot="chronology", freshenv=True)
def test_one_walk_finds_every_placeholder_and_never_enters_a_copy_text(app, monkeypatch):
    visited: list[str] = []
    visit = _Placeholders.dispatch_visit
    monkeypatch.setattr(_Placeholders, "dispatch_visit",
                        lambda self, node: visited.append(type(node).__name__) or visit(self, node))
    app.build()
    assert app.warning.getvalue() == ""
    assert {"edition_text", "mention_list", "timeline", "matrix"} <= set(visited)
    assert "segment" not in visited and "annotation" not in visited
    assert "<table" in (app.outdir / "timeline.html").read_text(encoding="utf-8")
    assert 'class="ed-mentions' in (app.outdir / "events.html").read_text(encoding="utf-8")
