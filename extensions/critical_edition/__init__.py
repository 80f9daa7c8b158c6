"""Sphinx extension for the critical edition of the China–Russia source texts.

Steps, in the order ``setup`` wires them:

1. config values, all prefixed ``edition_``;
2. the nodes and their renderers for html (epub), latex and text;
3. the ``edition`` directive, which reads the catalogue, verifies each seed's
   checksum and renders its copy text as numbered segments with roles;
4. on ``build-finished``, the CSS (html) or the style file and font
   fallbacks (latex).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from . import nodes, render_html, render_latex, render_text
from .assets import copy_assets
from .directive import EditionDirective

__version__ = "0.1.0"


def _handlers(name: str) -> dict[str, tuple[Any, Any]]:
    return {
        builder: (getattr(module, f"visit_{name}"), getattr(module, f"depart_{name}"))
        for builder, module in (
            ("html", render_html),
            ("latex", render_latex),
            ("text", render_text),
        )
    }


def _resolve_paths(app: Sphinx, config: Config) -> None:
    """Make the catalogue path absolute, relative to the conf dir."""
    config.edition_catalogue = str(Path(app.confdir, config.edition_catalogue))


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("edition_catalogue", "seeds/catalogue.toml", "env", types=frozenset({str}))
    app.add_config_value("edition_latex_fallback_font", "Symbola", "", types=frozenset({str}))
    app.add_config_value(
        "edition_latex_fallback_ranges",
        [(0x2600, 0x27BF), (0x1F000, 0x1FAFF)],
        "",
        types=frozenset({list, tuple}),
    )

    app.connect("config-inited", _resolve_paths)

    for name in ("edition_text", "segment", "indent", "editorial"):
        app.add_node(getattr(nodes, name), **_handlers(name))
    app.add_directive("edition", EditionDirective)

    app.add_css_file("edition.css")
    app.add_latex_package("edition")
    app.connect("build-finished", copy_assets)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
