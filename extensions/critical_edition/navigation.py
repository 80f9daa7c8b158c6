"""The sidebar's table of contents, in time that does not grow with the edition.

Alabaster's sidebar calls Sphinx's ``toctree()`` on every page. Sphinx then
loads the root document and resolves every toctree of the project, however
deep, before it prunes the result to the root toctrees' ``:maxdepth:``: each
page costs time in proportion to all pages, and the build grows with their
square (at a thousand sources, nearly half of a plain Sphinx build). When
every toctree of the root document has ``:maxdepth: 1``, as the edition's do,
the sidebar shows the root's entries only; this module builds those entries,
marked as Sphinx marks them, from the root's toctrees read once per build.
Otherwise the template falls back to Sphinx's ``toctree()``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.config import Config

TEMPLATES = Path(__file__).parent / "templates"


class SidebarToctree:
    """The root's depth-one toctree entries, read once per build (``write-started``)."""

    def __init__(self) -> None:
        self.groups: list[tuple[addnodes.toctree, list[tuple[str | None, str]]]] | None = None
        self.parents: dict[str, str] = {}

    def prepare(self, app: Sphinx, builder: Builder) -> None:
        env = app.env
        toctrees = list(env.get_doctree(app.config.root_doc).findall(addnodes.toctree))
        simple = all(
            t.get("maxdepth", -1) == 1 and not t.get("numbered")
            and all(ref in env.tocs and len(env.tocs[ref]) for _, ref in t["entries"])  # no URLs, no "self"
            for t in toctrees
        )
        self.groups = [(t, list(t["entries"])) for t in toctrees] if simple and toctrees else None
        self.parents = {child: parent for parent, children in env.toctree_includes.items() for child in children}

    def _ancestors(self, docname: str) -> set[str]:
        found: list[str] = []
        while docname not in found:
            found.append(docname)
            if docname not in self.parents:
                break
            docname = self.parents[docname]
        return set(found)

    def tree(self, app: Sphinx, pagename: str, includehidden: bool) -> addnodes.compact_paragraph | None:
        """The sidebar's toctree for *pagename*, as Sphinx would resolve it at depth one."""
        assert self.groups is not None
        env, builder = app.env, app.builder
        current = self._ancestors(pagename)
        result: addnodes.compact_paragraph | None = None
        for toctree, entries in self.groups:
            if not entries or (toctree.get("hidden") and not includehidden):
                continue
            items = nodes.bullet_list()
            for title, ref in entries:
                para = env.tocs[ref][0][0].deepcopy()  # the page's title, as its own toc has it
                para["classes"] = ["toctree-l1"]
                reference = para[0]
                if title:
                    reference.children = [nodes.Text(title)]
                reference["refuri"] = builder.get_relative_uri(pagename, ref) + reference["anchorname"]
                item = nodes.list_item("", para, classes=["toctree-l1"])
                if ref == pagename:
                    reference["classes"].append("current")
                    para["classes"].append("current")
                if ref in current:
                    item["classes"].append("current")
                    items["classes"].append("current")
                items += item
            group = addnodes.compact_paragraph("", "", toctree=True)
            if caption := toctree.get("caption"):
                group += nodes.title(caption, "", nodes.Text(caption))
            group += items
            if result is None:
                result = group
            else:
                result.extend(group.children)
        return result

    def add_to_context(self, app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                       doctree: nodes.document | None) -> None:
        """``html-page-context``: give templates ``edition_toctree()``."""
        sphinx_toctree = context.get("toctree")

        def edition_toctree(**kwargs: Any) -> str:
            if self.groups is None or kwargs.get("maxdepth") not in (None, "", 1) or sphinx_toctree is None:
                return sphinx_toctree(**kwargs) if sphinx_toctree else ""
            tree = self.tree(app, pagename, bool(kwargs.get("includehidden", False)))
            return app.builder.render_partial(tree)["fragment"] if tree is not None else ""

        context["edition_toctree"] = edition_toctree


def _add_templates(app: Sphinx, config: Config) -> None:
    config.templates_path = [*config.templates_path, str(TEMPLATES)]  # the project's own come first


def setup(app: Sphinx) -> dict[str, Any]:
    sidebar = SidebarToctree()
    app.connect("config-inited", _add_templates)
    app.connect("write-started", sidebar.prepare)
    app.connect("html-page-context", sidebar.add_to_context)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

