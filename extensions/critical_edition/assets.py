"""Support files: the CSS for HTML, the style file and font fallbacks for LaTeX."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util.fileutil import copy_asset_file

from .catalogue import CatalogueError, load_catalogue, load_source
from .directive import catalogue_path

HERE = Path(__file__).parent


def fallback_chars(texts: list[str], ranges: list[tuple[int, int]]) -> list[str]:
    """Characters of *texts* whose code point lies in one of *ranges*, sorted."""
    found = {ch for text in texts for ch in text if any(lo <= ord(ch) <= hi for lo, hi in ranges)}
    return sorted(found)


def chars_tex(chars: list[str], font: str) -> str:
    """LaTeX that typesets each character in the fallback *font*."""
    lines = [f"\\newfontfamily\\EdFallbackFont{{{font}}}"]
    lines += [f'\\newunicodechar{{{ch}}}{{{{\\EdFallbackFont\\symbol{{"{ord(ch):X}}}}}}}' for ch in chars]
    return "\n".join(lines) + "\n"


def _texts(app: Sphinx) -> list[str]:
    try:
        entries = load_catalogue(catalogue_path(app.env))
        return [load_source(entry).text for entry in entries.values()]
    except CatalogueError:
        return []  # already reported where the source is used


def copy_assets(app: Sphinx, exception: Exception | None) -> None:
    """On build-finished, write the support files the output needs."""
    if exception is not None:
        return
    outdir = Path(app.outdir)
    if app.builder.format == "html":
        for path in sorted((HERE / "static").iterdir()):
            copy_asset_file(path, outdir / "_static", force=True)
    elif app.builder.format == "latex":
        copy_asset_file(HERE / "latex" / "edition.sty", outdir, force=True)
        ranges = [tuple(r) for r in app.config.edition_latex_fallback_ranges]
        chars = fallback_chars(_texts(app), ranges)
        tex = chars_tex(chars, app.config.edition_latex_fallback_font)
        (outdir / "edition-chars.def").write_text(tex, encoding="utf-8")
