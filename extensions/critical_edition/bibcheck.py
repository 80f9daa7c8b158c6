"""Check the BibTeX files before sphinxcontrib-bibtex reads them.

A syntax error would otherwise stop the build with a traceback; a missing
required field would only surface where the entry is cited. Both are reported
at the ``.bib`` file's line; a file that cannot be parsed is left out of the
build (its keys then show up as unknown), so the build goes on and fails
under ``-W`` with every problem listed.

When the project has one BibTeX file and it parses, the parsed data is handed
to sphinxcontrib-bibtex in its own form (``BibData``), so that the file is not
parsed a second time.
"""

from __future__ import annotations

import re
from pathlib import Path

from pybtex.database import BibliographyData, BibliographyDataError
from pybtex.database.input.bibtex import Parser
from pybtex.scanner import PybtexSyntaxError
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinxcontrib.bibtex.bibfile import BibData, BibFile, get_mtime, is_bibdata_outdated

logger = logging.getLogger(__name__)

# The fields BibTeX's standard styles require; "author|editor" means either.
REQUIRED: dict[str, tuple[str, ...]] = {
    "article": ("author", "title", "journal", "year"),
    "book": ("author|editor", "title", "publisher", "year"),
    "booklet": ("title",),
    "inbook": ("author|editor", "title", "publisher", "year"),
    "incollection": ("author", "title", "booktitle", "publisher", "year"),
    "inproceedings": ("author", "title", "booktitle", "year"),
    "manual": ("title",),
    "mastersthesis": ("author", "title", "school", "year"),
    "misc": ("title",),
    "phdthesis": ("author", "title", "school", "year"),
    "proceedings": ("title", "year"),
    "techreport": ("author", "title", "institution", "year"),
    "unpublished": ("author", "title", "note"),
}

_ENTRY = re.compile(r"^\s*@(\w+)\s*[{(]\s*([^,\s]+)\s*,", re.MULTILINE)


def _lines(text: str) -> dict[str, int]:
    """The line on which each entry key is declared."""
    return {m[2]: text.count("\n", 0, m.start(2)) + 1 for m in _ENTRY.finditer(text)}


def _missing(entry, required: tuple[str, ...]) -> list[str]:
    have = {f.lower() for f in entry.fields} | {r.lower() for r in entry.persons}
    return [req.replace("|", " or ") for req in required if not have & set(req.split("|"))]


def check_file(path: Path, seen: dict[str, str], encoding: str = "utf-8-sig") -> tuple[bool, BibliographyData | None]:
    """Report the problems of one file; return whether to keep it, and its data if it parsed."""
    try:
        text = path.read_text(encoding=encoding)
    except (OSError, UnicodeDecodeError) as exc:
        logger.error("cannot read bibliography file: %s", exc, type="edition", subtype="bibtex",
                     location=f"{path}:1")
        return False, None
    try:
        data = Parser().parse_string(text)
    except PybtexSyntaxError as exc:
        logger.error("BibTeX syntax error: %s (the file is left out until it is fixed)",
                     exc.message if hasattr(exc, "message") else exc,
                     type="edition", subtype="bibtex", location=f"{path}:{exc.lineno}")
        return False, None
    except BibliographyDataError as exc:
        key = str(exc).rsplit(": ", 1)[-1]
        logger.error("%s (each key once)", exc, type="edition", subtype="bibtex",
                     location=f"{path}:{_lines(text).get(key, 1)}")
        return True, None
    lines = _lines(text)
    for key, entry in data.entries.items():
        where = f"{path}:{lines.get(key, 1)}"
        if key in seen:
            logger.error("BibTeX key %r is also defined in %s (each key once)", key, seen[key],
                         type="edition", subtype="bibtex", location=where)
        seen[key] = str(path)
        required = REQUIRED.get(entry.type.lower())
        if required is None:
            logger.error("entry %r: unknown entry type @%s (use one of: %s)", key, entry.type,
                         ", ".join(sorted(REQUIRED)), type="edition", subtype="bibtex", location=where)
            continue
        missing = _missing(entry, required)
        if missing:
            logger.error("entry %r (@%s) lacks %s (required: %s)", key, entry.type,
                         ", ".join(missing), ", ".join(r.replace("|", " or ") for r in required),
                         type="edition", subtype="bibtex", location=where)
    return True, data


def check_bibfiles(app: Sphinx) -> None:
    """builder-inited, before sphinxcontrib-bibtex: check every configured file."""
    if "sphinxcontrib.bibtex" not in app.extensions:
        return
    seen: dict[str, str] = {}
    keep = []
    parsed: list[tuple[Path, BibliographyData]] = []
    encoding = app.config.bibtex_encoding
    for name in app.config.bibtex_bibfiles or []:
        path = (Path(app.confdir) / name).resolve()
        kept, data = check_file(path, seen, encoding) if path.is_file() else (True, None)  # missing: reported later
        if kept:
            keep.append(name)
        if data is not None:
            parsed.append((path, data))
    app.config.bibtex_bibfiles = keep
    if len(keep) == len(parsed) == 1:
        _hand_over(app, *parsed[0], encoding)


def _hand_over(app: Sphinx, path: Path, data: BibliographyData, encoding: str) -> None:
    """Give sphinxcontrib-bibtex the parsed file, as its ``parse_bibdata`` would have made it."""
    domain = app.env.get_domain("cite")
    if is_bibdata_outdated(domain.bibdata, [path], encoding):
        bibfile = BibFile(mtime=get_mtime(path), keys=dict.fromkeys(data.entries.keys()))
        domain.data["bibdata"] = BibData(encoding=encoding, bibfiles={path: bibfile}, data=data)
