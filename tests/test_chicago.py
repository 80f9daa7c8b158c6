"""Chicago author–date: the reference list and the citations in the text."""

from __future__ import annotations

import re

import pytest
from critical_edition.chicago import NAME, register
from pybtex.database import parse_string
from pybtex.plugin import find_plugin

BIB = r"""
@book{chen2001, author = {Chen, Jian}, title = {Mao's China and the Cold War},
  publisher = {University of North Carolina Press}, address = {Chapel Hill}, year = {2001}}
@book{zubok1996, author = {Zubok, Vladislav and Pleshakov, Constantine},
  title = {Inside the Kremlin's Cold War}, publisher = {Harvard University Press}, address = {Cambridge, MA},
  year = {1996}}
@article{yang2000, author = {Yang, Kuisong}, title = {The Sino-Soviet Border Clash of 1969},
  journal = {Cold War History}, volume = {1}, number = {1}, pages = {21--52}, year = {2000}}
@incollection{shen1998, author = {Shen, Zhihua}, title = {Sino-Soviet Relations},
  booktitle = {Brothers in Arms}, editor = {Westad, Odd Arne}, publisher = {Stanford University Press},
  address = {Stanford}, year = {1998}, pages = {1--10}}
@misc{bulletin2022a, author = {{Bulletin of the Atomic Scientists}}, title = {About us}, year = {2022}}
@misc{bulletin2022b, author = {{Bulletin of the Atomic Scientists}}, title = {Masthead}, year = {2022}}
@misc{heads2001, author = {{Heads of State of Kazakhstan, China, Kyrgyzstan, Russia, Tajikistan and Uzbekistan}},
  title = {Declaration}, year = {2001}}
@misc{anon, title = {Soviet--Chinese Agreements of the Year}, howpublished = {An encyclopaedia}}
"""


def _formatted() -> dict[str, tuple[str, str]]:
    register()
    style = find_plugin("pybtex.style.formatting", NAME)()
    data = parse_string(BIB, "bibtex")
    return {e.key: (e.label, e.text.render_as("text")) for e in style.format_entries(data.entries.values())}


def test_reference_list_entries():
    entries = _formatted()
    assert entries["chen2001"] == (
        "Chen 2001", "Chen, Jian. 2001. Mao's China and the Cold War. Chapel Hill: University of North Carolina Press.")
    assert entries["zubok1996"][1].startswith("Zubok, Vladislav, and Constantine Pleshakov. 1996. Inside")
    assert entries["zubok1996"][0] == "Zubok and Pleshakov 1996"
    assert entries["yang2000"][1] == ("Yang, Kuisong. 2000. \u201cThe Sino-Soviet Border Clash of 1969.\u201d "
                                      "Cold War History 1 (1): 21\u201352.")
    assert entries["shen1998"][1] == ("Shen, Zhihua. 1998. \u201cSino-Soviet Relations.\u201d In Brothers in Arms, "
                                      "edited by Odd Arne Westad, 1\u201310. Stanford: Stanford University Press.")
    assert entries["anon"] == ("Soviet\u2013Chinese Agreements of the\u2026 n.d.",
                               "Soviet\u2013Chinese Agreements of the Year. n.d. An encyclopaedia.")


def test_long_corporate_author_is_cut_at_a_word_in_the_citation():
    label, text = _formatted()["heads2001"]
    assert label == "Heads of State of Kazakhstan, China\u2026 2001"
    assert text.startswith("Heads of State of Kazakhstan, China, Kyrgyzstan, Russia, Tajikistan and Uzbekistan. 2001.")


def test_same_author_same_year_gets_a_and_b():
    entries = _formatted()
    assert (entries["bulletin2022a"][0], entries["bulletin2022b"][0]) == (
        "Bulletin of the Atomic Scientists 2022a", "Bulletin of the Atomic Scientists 2022b")


def test_entries_sort_by_author_then_year():
    register()
    style = find_plugin("pybtex.style.formatting", NAME)()
    keys = [e.key for e in style.format_entries(parse_string(BIB, "bibtex").entries.values())]
    assert keys.index("chen2001") < keys.index("shen1998") < keys.index("yang2000") < keys.index("zubok1996")


@pytest.mark.sphinx("html", testroot="annotations", confoverrides={
    "bibtex_default_style": NAME, "bibtex_reference_style": NAME})
def test_citations_in_html_are_author_date_in_round_brackets(app):
    app.build()
    page = (app.outdir / "alpha.html").read_text(encoding="utf-8")
    assert re.search(r'\(<a class="reference internal" href="bibliography.html#[^"]+"[^>]*>Chen 2001</a>\)', page)
    bib = (app.outdir / "bibliography.html").read_text(encoding="utf-8")
    assert "Chen, Jian. 2001. <em>Mao" in bib


@pytest.mark.sphinx("html", testroot="annotations", confoverrides={
    "bibtex_default_style": NAME, "bibtex_reference_style": NAME})
def test_each_entry_is_formatted_once_and_the_tooltip_is_the_entry(app, monkeypatch):
    from pybtex.style.formatting.unsrt import Style as UnsrtStyle

    formatted: list[str] = []
    original = UnsrtStyle.format_entry

    def counting(self, label, entry, bib_data=None):
        formatted.append(entry.key)
        return original(self, label, entry, bib_data=bib_data)

    monkeypatch.setattr(UnsrtStyle, "format_entry", counting)
    app.build()
    assert formatted and len(formatted) == len(set(formatted))  # sphinxcontrib-bibtex asks twice per entry
    page = (app.outdir / "alpha.html").read_text(encoding="utf-8")
    assert re.search(r'title="Chen, Jian\. 2001\. Mao[^"]*"[^>]*>Chen 2001</a>', page)  # the tooltip
