"""BibTeX field text decoded without latexcodec where it has no LaTeX: the same rich text."""

from __future__ import annotations

import codecs
from pathlib import Path

import pybtex.database
from critical_edition import latextext
from critical_edition.chicago import NAME, RichNames, register
from hypothesis import given, settings
from hypothesis import strategies as st
from latexcodec.codec import _LATEX_UNICODE_TABLE
from pybtex.plugin import find_plugin
from pybtex.richtext import Text

REFERENCES = Path(__file__).resolve().parents[1] / "docs" / "references.bib"

# Letters, the characters LaTeX gives a meaning to, dashes, quotes and whitespace.
ALPHABET = "ab \u00a0\n\t-`',!?{}\\~$%#&^_\u2019\u043f"


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=12))
def test_same_text_as_pybtex_for_any_string(latex):
    try:
        expected = Text.from_latex(latex)
    except Exception as exc:  # unbalanced braces: both must fail alike
        try:
            latextext.rich_text(latex)
        except type(exc):
            return
        raise AssertionError(f"{latex!r}: pybtex raises {exc!r}, rich_text does not") from None
    assert latextext.rich_text(latex) == expected, latex


def test_every_field_of_the_edition_bibliography():
    data = pybtex.database.parse_file(str(REFERENCES))
    fields = [v for entry in data.entries.values() for v in entry.fields.values()]
    assert len(fields) > 1000
    fast = sum(not latextext._DECODE.search(v) for v in fields)
    assert fast > 0.8 * len(fields)  # the point of it: most fields skip the decoder
    for value in fields:
        assert latextext.rich_text(value) == Text.from_latex(value), value


def test_every_name_of_the_edition_bibliography():
    """The Chicago style's names: each part the same rich text as pybtex's own ``Person.rich_*_names``."""
    data = pybtex.database.parse_file(str(REFERENCES))
    persons = [p for entry in data.entries.values() for role in entry.persons.values() for p in role]
    assert len(persons) > 250
    for person in persons:
        names = RichNames(person)
        for part in ("first", "middle", "prelast", "last", "lineage"):
            assert getattr(names, f"rich_{part}_names") == getattr(person, f"rich_{part}_names"), person


def test_decoder_table_has_no_other_sequence_outside_the_slow_path():
    """Each LaTeX sequence latexcodec translates is a ligature handled here or sends text to the decoder."""
    for tokens, text in _LATEX_UNICODE_TABLE.unicode_map.items():
        latex = "".join(t.text for t in tokens)
        if not latextext._DECODE.search(latex):
            assert latextext._LIGATURES[latex] == text == codecs.decode(latex, "ulatex")


def test_reference_list_is_unchanged(monkeypatch):
    register()
    data = pybtex.database.parse_file(str(REFERENCES))
    entries = list(data.entries.values())

    def render():
        style = find_plugin("pybtex.style.formatting", NAME)()
        return [e.text.render_as("html") for e in style.format_entries(entries)]

    fast = render()
    monkeypatch.setattr(latextext, "_DECODE", latextext.re.compile(""))  # every field and name through the decoder
    assert render() == fast
