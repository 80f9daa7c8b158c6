extensions = ["myst_parser", "critical_edition"]
edition_catalogue = "seeds/catalogue.toml"
exclude_patterns = ["_build", "seeds"]
