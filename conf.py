"""Sphinx configuration for *China and Russia: An Annotated Source Edition*.

The conf dir is the repository root; the documents are under docs/:
``sphinx-build -c . docs _build/html``.
"""

project = "China and Russia: An Annotated Source Edition"
author = "The editors"
copyright = "2026, the editors; copy texts belong to their authors and publishers"
release = version = "0.1"
language = "en"

# sphinx-design, a charter package, is installed but not loaded: no page uses its
# components, and loaded it walks every page five more times while pages are
# resolved (the serial part of a parallel build). Add "sphinx_design" here to use it.
extensions = [
    "myst_parser",
    "sphinxcontrib.bibtex",
    "critical_edition",
]

# --- the edition ---------------------------------------------------------
edition_catalogue = "seeds/catalogue.toml"  # relative to this directory

# --- MyST ---------------------------------------------------------------
source_suffix = {".md": "markdown"}
myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3
root_doc = "index"
exclude_patterns = ["_build"]

# --- bibliography (paths relative to the conf dir) ----------------------
bibtex_bibfiles = ["docs/references.bib"]
# Chicago author–date, defined by the extension (critical_edition.chicago)
bibtex_default_style = "chicago-author-date"
bibtex_reference_style = "chicago-author-date"

# --- HTML ------------------------------------------------------------------
# Alabaster ships with Sphinx: no extra dependency, a quiet reading page,
# and the extension's CSS adds the margin column for the line numbers.
html_theme = "alabaster"
html_title = "China and Russia: An Annotated Source Edition"
html_theme_options = {
    "description": "Five source texts, numbered, annotated and checked",
    "page_width": "1100px",
    "sidebar_width": "230px",
    "fixed_sidebar": False,
    "show_relbars": True,
}
html_show_sourcelink = False
html_last_updated_fmt = None

# --- LaTeX / PDF (XeLaTeX: Unicode copy text) -----------------------------
latex_engine = "xelatex"
latex_documents = [
    ("index", "china-russia-edition.tex", project, "The editors", "manual"),
]
latex_elements = {
    "papersize": "a4paper",
    "extraclassoptions": "openany",  # no blank pages before chapters
    "pointsize": "11pt",
    "fontpkg": r"""
\setmainfont{FreeSerif}[Extension=.otf,UprightFont=*,BoldFont=*Bold,ItalicFont=*Italic,BoldItalicFont=*BoldItalic]
\setsansfont{FreeSans}[Extension=.otf,UprightFont=*,BoldFont=*Bold,ItalicFont=*Oblique,BoldItalicFont=*BoldOblique]
\setmonofont{FreeMono}[Extension=.otf,UprightFont=*,BoldFont=*Bold,ItalicFont=*Oblique,BoldItalicFont=*BoldOblique]
""",
    "printindex": r"\footnotesize\raggedright\printindex",
}
latex_show_urls = "footnote"
# The book's index lists every entity with the pages of its mentions; the
# "Index of names" by passage is an HTML page only.
latex_domain_indices = False
latex_use_xindy = False  # makeindex joins runs of pages as 12--15 (Sphinx's xindy style prints 1215)
