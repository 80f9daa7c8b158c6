"""Chicago author–date style for sphinxcontrib-bibtex: reference list and citations.

In the text: (Chen 2001), (Zubok and Pleshakov 1996, 45), with 2001a, 2001b
where one author has two works of a year; a work without author is cited by
the first words of its title. In the reference list: Chen, Jian. 2001.
*Mao’s China and the Cold War*. Chapel Hill: University of North Carolina
Press. Registered under the name ``chicago-author-date`` as a pybtex
formatting style and label style and a sphinxcontrib-bibtex referencing style.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from functools import lru_cache

import sphinxcontrib.bibtex.plugin
from pybtex.plugin import find_plugin
from pybtex.richtext import Text
from pybtex.style.formatting import toplevel
from pybtex.style.formatting.unsrt import Style as UnsrtStyle
from pybtex.style.formatting.unsrt import dashify
from pybtex.style.labels import BaseLabelStyle
from pybtex.style.template import FieldIsMissing, first_of, href, join, node, optional, sentence, tag
from sphinxcontrib.bibtex.style.referencing import BracketStyle, PersonStyle
from sphinxcontrib.bibtex.style.referencing.label import LabelReferenceStyle

from . import plugincache
from .latextext import field, optional_field, rich_text

NAME = "chicago-author-date"


@lru_cache(maxsize=1)
def _name_styles():
    """pybtex's name styles "Last, First" and "First Last" (plugin lookup is slow: once)."""
    return find_plugin("pybtex.style.names", "lastfirst")(), find_plugin("pybtex.style.names", "plain")()


class RichNames:
    """A person's name parts as rich text by :func:`.latextext.rich_text`: what pybtex's name styles read.

    pybtex's ``Person.rich_*_names`` run every part through latexcodec's decoder.
    """

    def __init__(self, person) -> None:
        self.rich_first_names = [rich_text(n) for n in person.first_names]
        self.rich_middle_names = [rich_text(n) for n in person.middle_names]
        self.rich_prelast_names = [rich_text(n) for n in person.prelast_names]
        self.rich_last_names = [rich_text(n) for n in person.last_names]
        self.rich_lineage_names = [rich_text(n) for n in person.lineage_names]


@node
def chicago_names(children, context, role, invert_first=True):
    """First name inverted, the others in natural order: Zubok, Vladislav, and Constantine Pleshakov."""
    try:
        persons = context["entry"].persons[role]
    except KeyError:
        raise FieldIsMissing(role, context["entry"]) from None
    inverted, natural = _name_styles()
    parts = [(inverted if invert_first else natural).format(RichNames(persons[0])).format_data(context)]
    parts += [natural.format(RichNames(p)).format_data(context) for p in persons[1:]]
    if len(parts) > 10:  # Chicago 15.6: the first seven, then et al.
        return Text(*Text(", ").join(parts[:7]).parts, ", et al.")
    if len(parts) == 1:
        return parts[0]
    return Text(", ").join(parts[:-1]) + Text(", and " if len(parts) > 2 or "," in str(parts[0]) else " and ",
                                              parts[-1])


def _period(text: Text) -> Text:
    return text.add_period()


year = first_of[optional_field("year"), "n.d."]
pages = field("pages", apply_func=dashify)
quoted_title = join["\u201c", field("title", apply_func=_period), "\u201d"]
italic_title = sentence[tag("em")[field("title")]]
place_publisher = sentence[join(sep=": ")[optional_field("address"), field("publisher")]]


def _plain(latex: str) -> str:
    """BibTeX field text as a reader sees it: no braces, real dashes."""
    text = latex.replace("{", "").replace("}", "").replace("\\&", "&")
    return text.replace("---", "\u2014").replace("--", "\u2013")


def _surnames(persons) -> str:
    last = [_plain(" ".join(p.prelast_names + p.last_names)) for p in persons]
    if len(last) > 3:
        return f"{last[0]} et al."
    if len(last) == 3:
        return f"{last[0]}, {last[1]}, and {last[2]}"
    return " and ".join(last)


def _short_title(entry) -> str:
    words = _plain(entry.fields.get("title", "Anonymous")).split()
    return " ".join(words[:4]) + ("\u2026" if len(words) > 4 else "")


def _shorten(who: str, limit: int = 40) -> str:
    """A long corporate author, cut at a word: the citation stays readable."""
    if len(who) <= limit:
        return who
    return who[: who.rfind(" ", 0, limit)].rstrip(",;") + "\u2026"


class ChicagoLabels(BaseLabelStyle):
    """Labels "Chen 2001", "Hsu 2023a": the author–date citation itself."""

    def format_labels(self, sorted_entries):
        bases = []
        for entry in sorted_entries:
            persons = entry.persons.get("author") or entry.persons.get("editor")
            who = _shorten(_surnames(persons) if persons else _short_title(entry))
            bases.append(f"{who} {entry.fields.get('year', 'n.d.')}")
        counts = Counter(bases)
        seen: Counter[str] = Counter()
        for base in bases:
            if counts[base] > 1:
                seen[base] += 1
                yield base + "abcdefghijklmnopqrstuvwxyz"[seen[base] - 1]
            else:
                yield base


class ChicagoStyle(UnsrtStyle):
    """Reference-list entries in Chicago author–date form, sorted by author, year, title."""

    default_sorting_style = "author_year_title"
    default_label_style = NAME

    def format_entry(self, label, entry, bib_data=None):
        """Format an entry; asked again for the same one at once, answer from the last call.

        sphinxcontrib-bibtex formats each entry twice in a row with the same
        style, label and entry: once for the list and once for the tooltip.
        """
        last = getattr(self, "_last", None)
        if last is not None and last[0] == label and last[1] is entry and last[2] is bib_data:
            return last[3]
        formatted = super().format_entry(label, entry, bib_data=bib_data)
        self._last = (label, entry, bib_data, formatted)
        return formatted

    def _lead(self, e, title):
        """Author (or editor, or the title itself), then the year, then the title."""
        if "author" in e.persons:
            return [sentence[chicago_names("author")], sentence[year], title]
        if "editor" in e.persons:
            label = "eds." if len(e.persons["editor"]) > 1 else "ed."
            return [sentence[join(sep=", ")[chicago_names("editor"), label]], sentence[year], title]
        return [title, sentence[year]]

    def _tail(self, e):
        return [sentence[optional_field("note")], self.format_web_refs(e)]

    def get_book_template(self, e):
        return toplevel[
            *self._lead(e, italic_title),
            optional[sentence[field("edition"), "ed."]],
            optional[sentence[join(sep=" ")["Vol.", field("volume")], optional_field("series")]],
            place_publisher,
            *self._tail(e),
        ]

    def get_article_template(self, e):
        volume = join(sep=" ")[
            tag("em")[field("journal")],
            optional[join[field("volume"), optional[" (", field("number"), ")"]]],
        ]
        return toplevel[
            *self._lead(e, quoted_title),
            sentence[join(sep=": ")[volume, optional[pages]]],
            *self._tail(e),
        ]

    def get_incollection_template(self, e):
        inside = join(sep=", ")[
            join(sep=" ")["In", tag("em")[field("booktitle")]],
            optional[join(sep=" ")["edited by", chicago_names("editor", invert_first=False)]],
            optional[pages],
        ]
        return toplevel[*self._lead(e, quoted_title), sentence[inside], place_publisher, *self._tail(e)]

    get_inbook_template = get_incollection_template

    def get_inproceedings_template(self, e):
        inside = join(sep=", ")[
            join(sep=" ")["In", tag("em")[field("booktitle")]],
            optional[join(sep=" ")["edited by", chicago_names("editor", invert_first=False)]],
            optional[pages],
        ]
        return toplevel[
            *self._lead(e, quoted_title),
            sentence[inside],
            optional[sentence[join(sep=": ")[optional_field("address"), field("publisher")]]],
            *self._tail(e),
        ]

    def get_phdthesis_template(self, e):
        return toplevel[
            *self._lead(e, quoted_title),
            sentence[first_of[optional_field("type"), "PhD diss."], field("school")],
            *self._tail(e),
        ]

    def get_mastersthesis_template(self, e):
        return toplevel[
            *self._lead(e, quoted_title),
            sentence[first_of[optional_field("type"), "Master\u2019s thesis"], field("school")],
            *self._tail(e),
        ]

    def get_techreport_template(self, e):
        return toplevel[
            *self._lead(e, italic_title),
            sentence[optional[join(sep=" ")[optional_field("type"), field("number")]], field("institution")],
            optional[sentence[field("address")]],
            *self._tail(e),
        ]

    def get_misc_template(self, e):
        return toplevel[
            *self._lead(e, italic_title),
            optional[sentence[field("howpublished")]],
            optional[sentence[field("publisher")]],
            *self._tail(e),
        ]

    get_online_template = get_booklet_template = get_manual_template = get_misc_template

    def get_unpublished_template(self, e):
        return toplevel[*self._lead(e, quoted_title), *self._tail(e)]

    def format_web_refs(self, e):
        return sentence[
            optional[href(field("url", raw=True))[field("url", raw=True)]],
            optional[join["Accessed ", field("urldate")]],
            optional[href(join["https://doi.org/", field("doi", raw=True)])[
                join["https://doi.org/", field("doi", raw=True)]]],
        ]


def _round() -> BracketStyle:
    return BracketStyle(left="(", right=")", sep="; ")


@dataclasses.dataclass
class ChicagoReferenceStyle(LabelReferenceStyle):
    """(Chen 2001); (Zubok and Pleshakov 1996, 45): the label in round brackets."""

    bracket_parenthetical: BracketStyle = dataclasses.field(default_factory=_round)
    bracket_textual: BracketStyle = dataclasses.field(default_factory=_round)
    bracket_label: BracketStyle = dataclasses.field(default_factory=_round)
    bracket_year: BracketStyle = dataclasses.field(default_factory=_round)
    person: PersonStyle = dataclasses.field(
        default_factory=lambda: PersonStyle(sep2=" and ", last_sep=", and ", other=" et al.")
    )


def register() -> None:
    """Make both styles known to pybtex and sphinxcontrib-bibtex (idempotent)."""
    plugincache.register("pybtex.style.formatting", NAME, ChicagoStyle)
    plugincache.register("pybtex.style.labels", NAME, ChicagoLabels)
    sphinxcontrib.bibtex.plugin.register_plugin("sphinxcontrib.bibtex.style.referencing", NAME,
                                                ChicagoReferenceStyle)
