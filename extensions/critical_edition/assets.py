"""Support files: the CSS for HTML, the style file and font fallbacks for LaTeX."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util.fileutil import copy_asset_file

HERE = Path(__file__).parent


# Characters the main fonts lack, by the font that has them: emoji and
# dingbats (in the copy texts), CJK (in titles and names of the apparatus).
FALLBACK_FONTS: dict[str, list[tuple[int, int]]] = {
    "Symbola": [(0x2600, 0x27BF), (0x1F000, 0x1FAFF)],
    "WenQuanYi Micro Hei": [(0x2E80, 0x2FDF), (0x3000, 0x303F), (0x3400, 0x4DBF), (0x4E00, 0x9FFF),
                            (0xF900, 0xFAFF), (0xFF00, 0xFFEF)],
}


def fallback_chars(texts: list[str], fonts: dict[str, list[tuple[int, int]]]) -> dict[str, list[str]]:
    """Font -> the characters of *texts* in its ranges, sorted."""
    found = {ch for text in texts for ch in text if ord(ch) > 0x2000}
    return {
        font: sorted(ch for ch in found if any(lo <= ord(ch) <= hi for lo, hi in ranges))
        for font, ranges in fonts.items()
    }


def chars_tex(chars: dict[str, list[str]]) -> str:
    """LaTeX that typesets each character in its fallback font."""
    lines = []
    for number, (font, found) in enumerate(chars.items()):
        if not found:
            continue
        family = "\\EdFallback" + "ABCDEFGHIJ"[number]
        lines.append(f"\\newfontfamily{family}{{{font}}}")
        lines += [f'\\newunicodechar{{{ch}}}{{{{{family}\\symbol{{"{ord(ch):X}}}}}}}' for ch in found]
    return "\n".join(lines) + "\n"


def copy_static(app: Sphinx) -> None:
    """builder-inited (HTML builders): the scripts, style sheets and icon.

    Copied before the pages are written, so that the epub builder packs them too.
    """
    if app.builder.format != "html":
        return
    static = Path(app.outdir, "_static")
    static.mkdir(parents=True, exist_ok=True)  # else copy_asset_file writes a file named _static
    for path in sorted((HERE / "static").iterdir()):
        copy_asset_file(path, static, force=True)


def copy_latex_support(app: Sphinx, exception: Exception | None) -> None:
    """build-finished (LaTeX): the style file and the font fallbacks for the .tex files."""
    if exception is not None or app.builder.format != "latex":
        return
    outdir = Path(app.outdir)
    copy_asset_file(HERE / "latex" / "edition.sty", outdir, force=True)
    texts = [path.read_text(encoding="utf-8") for path in sorted(outdir.glob("*.tex"))]
    fonts = {font: [tuple(r) for r in ranges] for font, ranges in app.config.edition_latex_fallback_fonts.items()}
    tex = chars_tex(fallback_chars(texts, fonts))
    (outdir / "edition-chars.def").write_text(tex, encoding="utf-8")
