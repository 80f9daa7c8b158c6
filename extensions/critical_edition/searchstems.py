"""Stem each word once per build for the HTML search index.

Sphinx memoises the search stemmer per page only, so a word that occurs on
every page is stemmed once per page: with the pure-Python Snowball stemmers
that was a third of a full build. This extension registers, through
``app.add_search_language``, a subclass of the configured search language
whose ``stem`` remembers its answers for the whole build. The index is
unchanged; only the repeated work goes. It is a Sphinx extension of its own
so that a plain project can load it too (the benchmark's yardstick does).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.search import SearchLanguage, languages


class MemoisedStems:
    """Mixin: ``stem`` answers from a dictionary after the first call per word."""

    def __init__(self, options: dict[str, str]) -> None:
        super().__init__(options)  # type: ignore[call-arg]
        self._stems: dict[str, str] = {}

    def stem(self, word: str) -> str:
        try:
            return self._stems[word]
        except KeyError:
            stemmed = self._stems[word] = super().stem(word)  # type: ignore[misc]
            return stemmed


def _language_class(code: str) -> type[SearchLanguage] | None:
    found = languages.get(code) or languages.get(code.partition("_")[0])
    if isinstance(found, str):
        module, _, name = found.rpartition(".")
        found = getattr(import_module(module), name)
    return found


def memoise_search_language(app: Sphinx, config: Config) -> None:
    """Register a memoising subclass for the language the search index uses."""
    base = _language_class(config.html_search_language or config.language or "en")
    if base is None or issubclass(base, MemoisedStems):
        return
    memoised = type(f"Memoised{base.__name__}", (MemoisedStems, base), {"lang": base.lang})
    app.add_search_language(memoised)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("config-inited", memoise_search_language)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
