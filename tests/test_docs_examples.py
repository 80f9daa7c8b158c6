"""Every example in docs/contributing.md builds, against the real copy texts, without warnings."""

from __future__ import annotations

import re
import shutil
from io import StringIO

from conftest import REPO
from sphinx.testing.util import SphinxTestApp

EXAMPLE = re.compile(r"^````md\n(.*?)^````$", re.M | re.S)


def examples() -> list[str]:
    return EXAMPLE.findall((REPO / "docs" / "contributing.md").read_text(encoding="utf-8"))


def test_contributing_documents_every_directive_and_role():
    text = "\n".join(examples())
    for name in ("ed:dispute", "ed:note", "ed:entity", "ed:tag", "ed:untag"):
        assert "{" + name + "}" in text
    for role in ("{ed:passage}", "{ed:entity}", "{ed:dispute}"):
        assert role in text
    for option in (":quote:", ":verdict:", ":summary:", ":segment:", ":type:", ":name:",
                   ":aliases:", ":dates:"):
        assert option in text


def test_contributing_examples_build_without_warnings(tmp_path):
    root = tmp_path / "root"
    shutil.copytree(REPO / "seeds", root / "seeds")
    shutil.copy(REPO / "docs" / "references.bib", root / "references.bib")
    (root / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinxcontrib.bibtex", "critical_edition"]\n'
        'bibtex_bibfiles = ["references.bib"]\nexclude_patterns = ["_build", "seeds"]\n'
        'suppress_warnings = ["bibtex.duplicate_citation"]\n'
    )
    entities = [e for e in examples() if "```{ed:entity}" in e]
    annotations = [e for e in examples() if re.search(r"```\{ed:(dispute|note|tag|untag)\}", e)]
    prose = [e for e in examples() if e not in entities and e not in annotations]
    (root / "source.md").write_text("# Hsu\n\n```{edition} hsu-2023\n```\n\n" + "\n".join(annotations))
    (root / "names.md").write_text("# Names\n\n" + "\n".join(entities))
    (root / "index.md").write_text(
        "# Examples\n\n" + "\n".join(prose)
        + "\n\n```{toctree}\nsource\nnames\nbib\n```\n"
    )
    (root / "bib.md").write_text("# Bibliography\n\n```{bibliography}\n```\n")
    warnings = StringIO()
    app = SphinxTestApp("html", srcdir=root, warning=warnings)
    try:
        app.build()
    finally:
        app.cleanup()
    assert warnings.getvalue() == ""
    page = (app.outdir / "source.html").read_text(encoding="utf-8")
    assert 'id="dispute-hsu-sco-founding-members"' in page
    assert 'title="Shanghai Cooperation Organisation">SCO</a>' in page  # the alias links
    assert '">Shanghai Cooperation Organisation</a>' not in page  # the untag example removed this
    assert "Hsu 2023, §99" in (app.outdir / "index.html").read_text(encoding="utf-8")
