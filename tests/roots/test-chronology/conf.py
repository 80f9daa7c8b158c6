extensions = ["myst_parser", "sphinxcontrib.bibtex", "critical_edition"]
project = "Chronology test"
edition_catalogue = "seeds/catalogue.toml"
bibtex_bibfiles = ["refs.bib"]
bibtex_reference_style = "author_year"
exclude_patterns = ["_build", "seeds"]
latex_engine = "xelatex"
