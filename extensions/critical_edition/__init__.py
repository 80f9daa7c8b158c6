"""Sphinx extension for the critical edition of the China–Russia source texts.

Steps, in the order ``setup`` wires them:

1. config values, all prefixed ``edition_``; the catalogue path is made
   absolute against the conf dir (``config-inited``); the BibTeX files are
   checked before sphinxcontrib-bibtex reads them (``builder-inited``);
2. contributed pages are untrusted: raw markup, file inclusion and script
   links are refused at file and line (:mod:`.safety`), and every HTML page
   carries a strict Content-Security-Policy (:mod:`.csp`);
3. the nodes and their renderers for html (also epub), latex and text;
4. the ``edition`` directive renders a source's copy text as numbered
   segments with roles, after verifying its checksum;
5. the ``ed`` domain holds the cross-document data and resolves the roles
   ``ed:entity``, ``ed:dispute``, ``ed:note`` and ``ed:passage``; its
   directives ``ed:dispute``, ``ed:note``, ``ed:tag``, ``ed:untag``,
   ``ed:entity`` and ``ed:disputes`` write the apparatus;
6. a transform anchors each page's annotations while it is read;
7. ``env-updated`` computes mentions and back-links once per build and names
   the pages whose collected data changed;
8. ``doctree-resolved`` fills pages with that data; the translators build
   each segment's marked and linked pieces (:mod:`.pieces`), the register
   pages' lists of mentions (:mod:`.mentionlist`) and the register of
   disputes' table (:mod:`.register_table`) from it;
9. ``build-finished`` writes the support files and ``annotations.json``.

Five small extensions of their own keep large editions fast (BENCHMARKS.md):
:mod:`.searchstems`, :mod:`.gctune`, :mod:`.navigation`, :mod:`.highlightlang` and
:mod:`.bibindex`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from . import nodes, render_html, render_latex, render_text
from .annotations import (
    DisputeDirective,
    DisputeRegisterDirective,
    NoteDirective,
    TagDirective,
    UntagDirective,
)
from .apparatus_json import write_apparatus
from .assets import FALLBACK_FONTS, copy_latex_support, copy_static
from .bibcheck import check_bibfiles
from .browser_assets import add_icon, write_preview_data
from .chicago import register as register_chicago
from .chronology import chronology_outdated
from .collect import collect
from .csp import add_policy
from .directive import EditionDirective
from .domain import EditionDomain
from .entities import EntityDirective
from .fill import fill
from .matrix import setup_matrix
from .mentionlist import render_mentions
from .plugincache import cache_plugin_lookups
from .register_table import render_disputes
from .resolve import ResolveAnnotations
from .safety import REFUSED, RemoveUnsafe, lock_down, scan_source
from .sourcelint import lint_source
from .stats import StatsBuilder
from .timeline import setup_timeline

__version__ = "0.2.0"

RENDERED = ("edition_text", "segment", "indent", "editorial", "annotation")


def _handlers(name: str) -> dict[str, tuple[Any, Any]]:
    return {
        builder: (getattr(module, f"visit_{name}"), getattr(module, f"depart_{name}"))
        for builder, module in (("html", render_html), ("latex", render_latex), ("text", render_text))
    }


def _built_when_written(render: Callable[[Any], None]) -> dict[str, tuple[Any, Any]]:
    """Handlers for a node whose children *render* builds from its data: the same in every translator."""

    def visit(self: Any, node: Any) -> None:
        render(node)

    def depart(self: Any, node: Any) -> None:
        pass

    return dict.fromkeys(("html", "latex", "text"), (visit, depart))


def _resolve_paths(app: Sphinx, config: Config) -> None:
    """Make the catalogue path absolute, relative to the conf dir."""
    config.edition_catalogue = str(Path(app.confdir, config.edition_catalogue))


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("edition_catalogue", "seeds/catalogue.toml", "env", types=frozenset({str}))
    app.add_config_value("edition_latex_fallback_fonts", FALLBACK_FONTS, "", types=frozenset({dict}))
    app.connect("config-inited", _resolve_paths)
    app.connect("builder-inited", check_bibfiles, priority=400)  # before sphinxcontrib-bibtex
    register_chicago()  # the "chicago-author-date" bibliography and citation styles
    cache_plugin_lookups()  # sphinxcontrib-bibtex looks plugins up once per citation
    app.connect("builder-inited", lock_down)
    app.connect("source-read", scan_source)
    app.connect("source-read", lint_source)
    app.add_transform(RemoveUnsafe)
    for name, directive in REFUSED.items():
        app.add_directive(name, directive, override=True)
    app.connect("html-page-context", add_policy)
    app.setup_extension("critical_edition.searchstems")  # the search index stems each word once
    app.setup_extension("critical_edition.gctune")  # fewer collections, none walking what lives for the build
    app.setup_extension("critical_edition.navigation")  # the sidebar's toctree without resolving every page's
    app.setup_extension("critical_edition.highlightlang")  # no walk for code languages on pages without code
    app.setup_extension("critical_edition.bibindex")  # sphinxcontrib-bibtex's lookups by key, not by scanning

    for name in RENDERED:
        app.add_node(getattr(nodes, name), **_handlers(name))
    app.add_node(nodes.mention_list, **_built_when_written(render_mentions))
    app.add_node(nodes.dispute_register, **_built_when_written(render_disputes))
    app.add_directive("edition", EditionDirective)

    app.add_domain(EditionDomain)
    for name, directive in (
        ("dispute", DisputeDirective),
        ("note", NoteDirective),
        ("tag", TagDirective),
        ("untag", UntagDirective),
        ("entity", EntityDirective),
        ("disputes", DisputeRegisterDirective),
    ):
        app.add_directive_to_domain("ed", name, directive)
    app.add_transform(ResolveAnnotations)
    app.connect("env-updated", collect)
    app.connect("doctree-resolved", fill)
    setup_timeline(app)  # ed:timeline and ed:matrix: the chronology of dated treaties and events
    setup_matrix(app)
    app.connect("env-updated", chronology_outdated, priority=600)  # after collect

    app.add_css_file("edition.css")
    app.add_css_file("edition-bibliography.css")
    app.add_js_file("edition.js")  # small, not deferred: applies the reader's settings before paint
    app.add_js_file("edition-previews.js", loading_method="defer")
    app.connect("builder-inited", copy_static)
    app.connect("env-updated", write_preview_data)
    app.connect("html-page-context", add_icon)
    app.add_latex_package("edition")
    app.connect("build-finished", copy_latex_support)
    app.connect("build-finished", write_apparatus)
    app.add_builder(StatsBuilder)
    return {
        "version": __version__,
        "env_version": 6,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
