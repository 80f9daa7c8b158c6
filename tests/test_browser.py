"""The edition read in a real browser: Debian's Chromium driven by Playwright.

The real edition is built into a temporary directory, served over HTTP from a
thread, and every reading aid is exercised as a reader would: previews on
hover and focus, the reading controls and their persistence, "cite this
passage", dark mode, print, the phone layout, search, the timeline and the
matrix. axe-core (from the axe-playwright-python package, injected locally)
checks accessibility. Screenshots go to _build/screenshots/.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from browserkit import CHROMIUM, LAUNCH_ARGS, SCREENSHOTS, build_html, pages, serve
from conftest import REPO
from playwright.sync_api import sync_playwright  # the test extra: pip install -e '.[test]'

pytestmark = pytest.mark.edition

SOURCE = "sources/hsu-2023.html"
EDITION_TITLE = "China and Russia: An Annotated Source Edition"
CATALOGUE = tomllib.loads((REPO / "seeds" / "catalogue.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_html(REPO, tmp_path_factory.mktemp("browser") / "html")


@pytest.fixture(scope="module")
def base(site) -> Iterator[str]:
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    assert CHROMIUM.exists(), "Debian's Chromium is missing: run `bash scripts/setup-debian.sh browser`"
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS, headless=True)
        yield chromium
        chromium.close()


class Tab:
    """A page of a fresh browser context that records every error it meets."""

    def __init__(self, browser: Any, base: str, **options: Any) -> None:
        self.base = base
        self.context = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, **options})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(f"exception: {e}"))
        self.page.on("requestfailed", self._failed)
        self.page.on("response", lambda r: r.status >= 400 and self.errors.append(f"HTTP {r.status}: {r.url}"))

    def _failed(self, request: Any) -> None:
        if request.failure != "net::ERR_ABORTED":  # a request cut short by the next navigation
            self.errors.append(f"request failed: {request.url} ({request.failure})")

    def open(self, path: str) -> Any:
        self.page.goto(f"{self.base}/{path}", wait_until="load")
        return self.page

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def tab(browser, base) -> Iterator[Tab]:
    t = Tab(browser, base)
    yield t
    t.close()


def visible(page: Any, selector: str) -> int:
    return page.locator(selector).evaluate_all("els => els.filter(e => e.offsetParent !== null).length")


# -- every page -------------------------------------------------------------------


def test_every_page_loads_without_console_errors(site, tab):
    found = pages(site)
    assert SOURCE in found and "timeline.html" in found and "matrix.html" in found
    for path in found:
        page = tab.open(path)
        page.wait_for_function("window.edPreviews !== undefined")
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy, path  # errors under it
    assert tab.errors == []


def test_every_page_fits_a_phone_without_horizontal_scroll(site, browser, base):
    phone = Tab(browser, base, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        too_wide = {}
        for path in pages(site):
            page = phone.open(path)
            width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            if width[0] > width[1]:
                too_wide[path] = width
        assert too_wide == {}
        assert phone.errors == []
    finally:
        phone.close()


def test_screenshots_of_a_source_page(browser, base):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, viewport, mobile in (("desktop", {"width": 1280, "height": 900}, False),
                                   ("phone", {"width": 390, "height": 844}, True)):
        t = Tab(browser, base, viewport=viewport, is_mobile=mobile)
        try:
            page = t.open(SOURCE + "#s8")
            shot = SCREENSHOTS / f"source-{name}.png"
            page.screenshot(path=str(shot))
            assert shot.stat().st_size > 10_000
        finally:
            t.close()


# -- previews ------------------------------------------------------------------------


def test_entity_preview_opens_on_hover_and_closes_on_escape(tab):
    page = tab.open(SOURCE)
    link = page.locator("#s7 a.ed-mention").first
    eid = link.get_attribute("href").split("#entity-")[1]
    name = page.evaluate("eid => window.edPreviews[eid].name", eid)
    preview = page.locator("#ed-preview")
    link.hover()
    preview.wait_for(state="visible")
    assert preview.get_attribute("role") == "tooltip"
    assert link.get_attribute("aria-describedby") == "ed-preview"
    assert name in preview.inner_text()
    page.keyboard.press("Escape")
    preview.wait_for(state="hidden")
    assert link.get_attribute("aria-describedby") is None
    assert tab.errors == []


def test_previews_open_on_keyboard_focus(tab):
    page = tab.open(SOURCE)
    page.locator("#s7 .ed-n").focus()
    preview = page.locator("#ed-preview")
    for _ in range(6):  # Tab from the segment number to the first name in it
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('ed-mention')"):
            break
    else:
        pytest.fail("Tab never reached a linked name in segment 7")
    preview.wait_for(state="visible")
    focused = page.evaluate("document.activeElement.getAttribute('aria-describedby')")
    assert focused == "ed-preview"
    page.keyboard.press("Escape")
    preview.wait_for(state="hidden")
    assert page.evaluate("document.activeElement.classList.contains('ed-mention')")  # focus stays


def test_dispute_marker_preview_shows_the_summary(tab):
    page = tab.open(SOURCE)
    marker = page.locator(".ed-marker-dispute a").first
    target = marker.get_attribute("href").lstrip("#")
    summary = page.locator(f"[id='{target}']").get_attribute("data-summary")
    assert summary
    marker.hover()
    preview = page.locator("#ed-preview")
    preview.wait_for(state="visible")
    assert summary in preview.inner_text()
    assert re.search(r"Dispute \d+", preview.inner_text())
    page.mouse.move(0, 0)
    preview.wait_for(state="hidden")
    marker.focus()
    preview.wait_for(state="visible")
    page.keyboard.press("Escape")
    preview.wait_for(state="hidden")


# -- reading controls -------------------------------------------------------------


def _open_controls(page: Any) -> None:
    page.locator("#ed-controls summary").click()


def test_verdict_filters_hide_and_show(tab):
    page = tab.open(SOURCE)
    verdicts = page.locator("aside.ed-dispute").evaluate_all(
        "els => [...new Set(els.map(e => e.dataset.verdict))]")
    assert len(verdicts) >= 2
    hidden, kept = verdicts[0], verdicts[1]
    copy = page.locator(".ed-seg .ed-copy")
    copy_before = copy.evaluate_all("els => els.map(e => e.textContent)")
    total = visible(page, f"aside[data-verdict='{hidden}']")
    markers = visible(page, f".ed-marker[data-ed-verdict='{hidden}']")
    assert total > 0 and markers == total
    _open_controls(page)
    toggle = page.locator(f"input[data-ed-verdict-toggle='{hidden}']")
    toggle.uncheck()
    assert visible(page, f"aside[data-verdict='{hidden}']") == 0
    assert visible(page, f".ed-marker[data-ed-verdict='{hidden}']") == 0
    assert visible(page, f"aside[data-verdict='{kept}']") > 0
    assert copy.evaluate_all("els => els.map(e => e.textContent)") == copy_before  # text untouched
    assert visible(page, ".ed-seg") == page.locator(".ed-seg").count()  # and every line shown
    toggle.check()
    assert visible(page, f"aside[data-verdict='{hidden}']") == total


def test_reading_choices_persist_across_pages(tab):
    page = tab.open(SOURCE)
    assert visible(page, "aside.ed-note") > 0
    _open_controls(page)
    page.locator("input[data-ed-toggle='notes']").uncheck()
    page.locator("input[data-ed-toggle='entities']").uncheck()
    assert visible(page, "aside.ed-note") == 0
    other = tab.open("sources/mercouris-2014.html")
    assert other.evaluate("document.documentElement.classList.contains('ed-hide-notes')")
    assert other.locator("aside.ed-note").count() == 0 or visible(other, "aside.ed-note") == 0
    border = other.locator("a.ed-mention").first.evaluate("e => getComputedStyle(e).borderBottomStyle")
    assert border == "none"
    _open_controls(other)
    assert not other.locator("input[data-ed-toggle='entities']").is_checked()
    other.locator("input[data-ed-toggle='notes']").check()
    other.locator("input[data-ed-toggle='entities']").check()
    again = tab.open(SOURCE)
    assert visible(again, "aside.ed-note") > 0


def test_furniture_and_comments_collapse_and_stay_in_the_dom(tab):
    page = tab.open("sources/mercouris-2014.html")
    comments = page.locator(".ed-seg.ed-comment").count()
    assert comments > 0 and visible(page, ".ed-seg.ed-comment") == comments
    _open_controls(page)
    page.locator("input[data-ed-toggle='comments']").uncheck()
    page.locator("input[data-ed-toggle='furniture']").uncheck()
    assert visible(page, ".ed-seg.ed-comment") == 0 and visible(page, ".ed-seg.ed-furniture") == 0
    assert page.locator(".ed-seg.ed-comment").count() == comments
    page.locator("input[data-ed-toggle='comments']").check()
    page.locator("input[data-ed-toggle='furniture']").check()
    assert visible(page, ".ed-seg.ed-comment") == comments


# -- citation ---------------------------------------------------------------------


def test_cite_control_copies_the_citation(browser, base):
    t = Tab(browser, base, permissions=["clipboard-read", "clipboard-write"])
    try:
        page = t.open(SOURCE)
        seg = page.locator("#s12")
        assert seg.locator("a.ed-n").get_attribute("href") == "#s12"  # the permalink
        seg.hover()
        seg.locator("button.ed-cite").click()
        expected = f"Hsu 2023, \u00a712, in: {EDITION_TITLE}, {base}/{SOURCE}#s12"
        page.wait_for_function("document.querySelector('.ed-toast') && "
                               "document.querySelector('.ed-toast').textContent.includes('copied')")
        assert page.evaluate("navigator.clipboard.readText()") == expected
        assert expected in page.locator(".ed-toast").inner_text()
        assert t.errors == []
    finally:
        t.close()


def test_segments_keep_the_html_contract_after_the_script_ran(tab):
    """Removing data-editorial elements (the script's buttons included) leaves the copy text."""
    source = "hsu-2023"
    text = (REPO / "seeds" / CATALOGUE[source]["file"]).read_text(encoding="utf-8")
    lines = [line for line in text.split("\n") if line.strip()]
    page = tab.open(SOURCE)
    assert page.locator(".ed-seg button.ed-cite[data-editorial]").count() == len(lines)
    found = page.evaluate("""() => [...document.querySelectorAll('[data-segment]')].map(seg => {
        const copy = seg.cloneNode(true);
        copy.querySelectorAll('[data-editorial]').forEach(e => e.remove());
        return copy.textContent; })""")
    assert found == lines


# -- colours, print, search ------------------------------------------------------------


def _background(page: Any) -> str:
    return page.evaluate("getComputedStyle(document.querySelector('div.body')).backgroundColor")


def test_dark_mode_follows_the_system_and_the_readers_choice(browser, base):
    t = Tab(browser, base, color_scheme="dark")
    try:
        page = t.open(SOURCE)
        assert _background(page) == "rgb(23, 25, 29)"
        page.select_option("#ed-theme-select", "light")
        assert _background(page) == "rgb(255, 255, 255)"
        assert t.open("index.html").evaluate("document.documentElement.dataset.edTheme") == "light"
        page = t.open(SOURCE)
        page.select_option("#ed-theme-select", "auto")
        assert _background(page) == "rgb(23, 25, 29)"
    finally:
        t.close()


def test_print_stylesheet_hides_the_controls(tab):
    page = tab.open(SOURCE)
    page.emulate_media(media="print")
    for selector in ("#ed-controls", ".ed-cite", "div.sphinxsidebar"):
        assert visible(page, selector) == 0, selector
    assert visible(page, ".ed-seg") == page.locator(".ed-seg").count()
    assert visible(page, "aside.ed-annotation") > 0
    pdf = page.pdf()  # the print path works end to end
    assert pdf[:4] == b"%PDF"


@pytest.mark.parametrize("query, page_expected", [
    ("Nerchinsk", "registers/treaties.html"),   # an entity (register entry and domain object)
    ("Albazin", "sources/"),                    # a word of the copy texts
])
def test_search_finds_entities_and_words_of_the_sources(tab, query, page_expected):
    page = tab.open(f"search.html?q={query}")
    page.wait_for_selector("#search-results ul.search li", timeout=15_000)
    links = page.locator("#search-results ul.search li a").evaluate_all("els => els.map(e => e.href)")
    assert any(page_expected in href for href in links), links
    assert tab.errors == []


# -- accessibility ------------------------------------------------------------------


@pytest.mark.parametrize("path, scheme", [
    ("index.html", "light"), (SOURCE, "light"), ("registers/persons.html", "light"),
    ("disputes.html", "light"), ("timeline.html", "light"), ("matrix.html", "light"),
    (SOURCE, "dark"), ("timeline.html", "dark"),
])
def test_axe_reports_no_serious_or_critical_violation(browser, base, path, scheme):
    tab = Tab(browser, base, color_scheme=scheme)
    try:
        page = tab.open(path)
        results = Axe().run(page)
    finally:
        tab.close()
    bad = [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"][:5]]}
        for v in results.response["violations"] if v["impact"] in ("serious", "critical")
    ]
    assert bad == [], json.dumps(bad, indent=1)


# -- timeline and matrix -------------------------------------------------------------


def test_timeline_renders(tab):
    page = tab.open("timeline.html")
    chart = page.locator(".ed-chart svg")
    assert chart.count() == 1 and chart.get_attribute("role") == "img"
    assert "Timeline of" in chart.locator("title").first.text_content()
    bars = chart.locator("g.ed-row rect.ed-bar")
    rows = page.locator("table.ed-timeline tbody tr")
    assert bars.count() >= 10 and bars.count() == rows.count()
    box = chart.bounding_box()
    assert box["width"] > 300 and box["height"] > 200
    assert bars.first.bounding_box()["width"] >= 1  # drawn, not collapsed
    years = chart.locator("g.ed-row").evaluate_all("gs => gs.map(g => Number(g.dataset.year))")
    assert years == sorted(years)
    first_cells = rows.evaluate_all("rs => rs.map(r => r.cells[0].textContent.trim())")
    assert [int(re.search(r"-?\d{1,4}", c)[0]) for c in first_cells] == years  # chart and table agree
    assert page.locator("p.ed-differing").inner_text().startswith("Dates that differ")
    flagged = chart.locator("g.ed-row:has(rect.ed-written-off)").count()
    assert page.locator("ul.ed-differing-list > li").count() == flagged  # the list and the squares agree
    assert page.locator("table.ed-timeline .ed-disagree").count() >= flagged
    assert tab.errors == []


def test_matrix_renders(tab):
    page = tab.open("matrix.html")
    head = page.locator("table.ed-matrix thead th").all_inner_texts()
    assert len(head) == 1 + len(CATALOGUE)
    assert page.locator("table.ed-matrix tbody tr").count() >= 10
    assert page.locator("table.ed-matrix a.ed-matrix-dispute").count() > 0
    assert tab.errors == []
