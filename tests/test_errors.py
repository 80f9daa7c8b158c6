"""Bad input: every mistake is reported at file:line with what to do; no traceback."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

BASE = Path(__file__).parent / "roots" / "test-annotations"

OK_BODY = "Body {cite:p}`chen2001`."

# (case name, page text after the edition directive, line of the error, expected message)
CASES = [
    ("not-found", "```{ed:note} ID\n:quote: signed in 1698 by\n\nx\n```", 6,
     "note 'not-found': quote 'signed in 1698 by' not found in the copy text (closest passages: §4:"),
    ("ambiguous", "```{ed:note} ID\n:quote: met Stalin\n\nx\n```", 6,
     "quote 'met Stalin' is ambiguous: it occurs 2 times (§2, §3) (add :segment:, :prefix:"),
    ("crossing", "```{ed:note} ID\n:quote: met Stalin. The Chairman\n\nx\n```", 6,
     "crosses a segment boundary (§2-§3)"),
    ("contradiction", "```{ed:note} ID\n:quote: met Stalin\n:prefix: Lenin \n\nx\n```", 6,
     "occurs at §2, §3, but not with the given prefix, suffix or segment"),
    ("segment-range", "```{ed:note} ID\n:quote: met Stalin\n:segment: 40\n\nx\n```", 6,
     "segment 40 out of range (this source has segments 1-4)"),
    ("unknown-verdict", "```{ed:dispute} ID\n:quote: signed in 1698\n:verdict: wrong\n\n" + OK_BODY + "\n```", 8,
     "Invalid option value for 'verdict': wrong: \"wrong\" unknown; choose from \"incorrect\""),
    ("missing-verdict", "```{ed:dispute} ID\n:quote: signed in 1698\n\n" + OK_BODY + "\n```", 6,
     "dispute needs :verdict: (one of incorrect, imprecise"),
    ("unknown-option", "```{ed:note} ID\n:quote: signed in 1698\n:colour: red\n\nx\n```", 8,
     "Unknown option key: 'colour' (allowed: ['prefix', 'quote', 'segment', 'suffix'])"),
    ("no-citation", "```{ed:dispute} ID\n:quote: signed in 1698\n:verdict: incorrect\n\nNo source.\n```", 6,
     "dispute 'no-citation' cites no bibliography entry: add {cite:p}`key`"),
    ("unknown-key", "```{ed:dispute} ID\n:quote: signed in 1698\n:verdict: incorrect\n\nX {cite:p}`nokey`.\n```", 10,
     "could not find bibtex key \"nokey\""),
    ("empty-body", "```{ed:note} ID\n:quote: signed in 1698\n```", 6,
     "ed:note 'empty-body' has an empty body"),
    ("missing-quote", "```{ed:note} ID\n\nx\n```", 6, "ed:note 'missing-quote' needs :quote:"),
    ("bad-id", "```{ed:note} Bad_Id\n:quote: signed in 1698\n\nx\n```", 6, "invalid id 'Bad_Id'"),
    ("duplicate-id", "```{ed:note} ID\n:quote: signed in 1698\n\nx\n```\n\n"
     "```{ed:note} ID\n:quote: met Stalin\n:segment: 2\n\nx\n```", 6,
     "duplicate id 'duplicate-id': already used at"),
    ("compare-source", "```{ed:dispute} ID\n:quote: signed in 1698\n:verdict: incorrect\n"
     ":compare: gamma The Treaty\n\n" + OK_BODY + "\n```", 6,
     "compare-link to unknown source 'gamma' (known: alpha,"),
    ("compare-quote", "```{ed:dispute} ID\n:quote: signed in 1698\n:verdict: incorrect\n"
     ":compare: beta The Treaty of Kyakhta\n\n" + OK_BODY + "\n```", 6,
     "compare-link to beta: quote 'The Treaty of Kyakhta' not found"),
    ("compare-malformed", "```{ed:dispute} ID\n:quote: signed in 1698\n:verdict: incorrect\n"
     ":compare: Beta!\n\n" + OK_BODY + "\n```", 9,
     "malformed compare-link 'Beta!': write 'source-id [§N] exact quote'"),
    ("tag-entity", "```{ed:tag} lenin\n:quote: The Chairman\n```", 6,
     "tag names unknown entity 'lenin'"),
    ("bad-date", "```{ed:entity} ID\n:type: person\n:name: X\n:dates: around 1900\n\nY.\n```", 9,
     "malformed date 'around 1900'"),
    ("bad-type", "```{ed:entity} ID\n:type: animal\n:name: X\n\nY.\n```", 7,
     "Invalid option value for 'type': animal"),
    ("entity-no-description", "```{ed:entity} ID\n:type: person\n:name: X\n```", 6,
     "entity 'entity-no-description' has no description"),
    ("alias-clash", "```{ed:entity} ID\n:type: person\n:name: Chairman Mao\n"
     ":aliases: Mao\n\nY {cite:p}`chen2001`.\n```", 6,
     "alias 'Mao' is claimed by entities 'alias-clash' and 'mao'"),
]
# Cases on the copy text GAMMA (curly quotes, a no-break space).
GAMMA = "He said \u201cno\u201d to the 1860 treaty.\nThe\u00a0Amur border was fixed.\n"
GAMMA_CASES = [
    ("straight-quote", "```{ed:note} ID\n:quote: said \"no\" to\n\nx\n```", 6,
     "\u201c (U+201C LEFT DOUBLE QUOTATION MARK)"),
    ("plain-space", "```{ed:note} ID\n:quote: The Amur border\n\nx\n```", 6,
     "a no-break space (U+00A0)"),
    ("duplicate-id-across-pages", "```{ed:note} chairman\n:quote: Amur border\n\nx\n```", 6,
     "duplicate id 'chairman': already used at"),
    ("unknown-entity-ref", "See {ed:entity}`nobody`.", 6, "nobody"),
    ("unknown-passage-ref", "See {ed:passage}`alpha \u00a799`.", 6, "alpha \u00a799"),
    ("indented-directive", "    ```{ed:note} ID\n    :quote: Amur border\n\n    x\n    ```", 6,
     "indented by 4 spaces, so it is read as a code block"),
]
NO_EDITION = ("no-edition", "```{ed:note} ID\n:quote: anything\n\nx\n```", 3,
              "note 'no-edition': this page has no {edition} source to anchor to")


def _root(tmp_path: Path) -> Path:
    root = tmp_path / "root"
    shutil.copytree(BASE, root)
    names = []
    for name, snippet, _, _ in CASES:
        # each case page renders a source; alpha is already on alpha.md, so
        # the case pages annotate alpha through their own copy of its entry
        snippet = snippet.replace("ID", name)
        (root / f"case-{name}.md").write_text(f"# {name}\n\n```{{edition}} alpha-{name}\n```\n\n{snippet}\n")
        names.append(f"case-{name}")
    for name, snippet, _, _ in GAMMA_CASES:
        snippet = snippet.replace("ID", name)
        (root / f"case-{name}.md").write_text(f"# {name}\n\n```{{edition}} gamma-{name}\n```\n\n{snippet}\n")
        names.append(f"case-{name}")
    name, snippet, _, _ = NO_EDITION
    (root / f"case-{name}.md").write_text(f"# {name}\n\n{snippet.replace('ID', name)}\n")
    names.append(f"case-{name}")
    catalogue = (root / "seeds" / "catalogue.toml").read_text()
    alpha = catalogue[catalogue.index("[alpha]"):catalogue.index("[beta]")]
    for case, *_ in CASES:
        catalogue += "\n" + alpha.replace("[alpha", f"[alpha-{case}")
    gamma = GAMMA.encode()
    (root / "seeds" / "gamma.txt").write_bytes(gamma)
    for case, *_ in GAMMA_CASES:
        catalogue += (f'\n[gamma-{case}]\nfile = "gamma.txt"\nsha256 = "{hashlib.sha256(gamma).hexdigest()}"\n'
                      'title = "Gamma"\nshort_title = "Gamma"\nauthors = []\noutlet = "Test"\n'
                      'date = "2022"\ngenre = "test"\n[gamma-' + case + '.roles]\n')
    (root / "seeds" / "catalogue.toml").write_text(catalogue)
    index = (root / "index.md").read_text().replace("bibliography\n", "bibliography\n" + "\n".join(names) + "\n")
    (root / "index.md").write_text(index)
    return root


@pytest.fixture(scope="module")
def warnings(tmp_path_factory) -> str:
    root = _root(tmp_path_factory.mktemp("errors"))
    out = StringIO()
    app = SphinxTestApp("html", srcdir=root, warning=out, confoverrides={"nitpicky": True})
    try:
        app.build()
    finally:
        app.cleanup()
    return out.getvalue()


ALL_CASES = [*CASES, *GAMMA_CASES, NO_EDITION]


@pytest.mark.parametrize(("name", "snippet", "line", "message"), ALL_CASES, ids=[c[0] for c in ALL_CASES])
def test_error_names_file_line_and_fix(warnings, name, snippet, line, message):
    mine = [w for w in warnings.splitlines() if f"case-{name}.md" in w]
    assert any(f"case-{name}.md:{line}:" in w and message in w for w in mine), "\n".join(mine) or warnings


def test_errors_fail_the_build_under_W_without_traceback(tmp_path):
    root = _root(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-n", "--keep-going", "-q", "-b", "html", str(root),
         str(tmp_path / "out")],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stderr.count("case-") >= len(CASES) + len(GAMMA_CASES)
