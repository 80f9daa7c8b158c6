"""Hostile pages: every injection is an error at file:line, and none reaches the HTML."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

BASE = Path(__file__).parent / "roots" / "test-annotations"
RAW = "raw markup is not allowed"
LINK = "unsafe link address"
REFUSED_RAW = '"raw" is not allowed in the edition\'s pages'
REFUSED_INCLUDE = "is not allowed in the edition's pages: pages may not read other files"

# (name, MyST payload, line of the error within the payload, expected message)
PAYLOADS = [
    ("script-block", "<script>alert(1)</script>", 0, RAW),
    ("img-onerror", "Text <img src=x onerror=alert(2)> text.", 0, RAW),
    ("iframe", '<iframe src="https://evil.example/3"></iframe>', 0, RAW),
    ("a-javascript-inline", 'A <a href="javascript:alert(4)">link</a>.', 0, LINK),
    ("md-javascript", "[click](javascript:alert(5))", 0, LINK),
    ("md-javascript-case", "[click](JaVaScRiPt:alert(6))", 0, LINK),
    ("md-vbscript", "[click](vbscript:msgbox(7))", 0, LINK),
    ("md-data", "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCg4KTwvc2NyaXB0Pg==)", 0, LINK),
    ("autolink-javascript", "<javascript:alert(9)>", 0, LINK),
    ("refdef-javascript", "[x][evil10]\n\n[evil10]: javascript:alert(10)", 2, LINK),
    ("md-entity-javascript", "[x](&#106;avascript:alert(11))", 0, LINK),
    ("md-angle-javascript", "[x](<javascript:alert(12)>)", 0, LINK),
    ("raw-html", "```{raw} html\n<script>alert(13)</script>\n```", 0, REFUSED_RAW),
    ("raw-latex", "```{raw} latex\n\\input{/etc/passwd}\n```", 0, REFUSED_RAW),
    ("include-abs", "```{include} /etc/passwd\n```", 0, REFUSED_INCLUDE),
    ("include-rel", "```{include} ../../../../../../etc/hostname\n```", 0, REFUSED_INCLUDE),
    ("literalinclude", "```{literalinclude} /etc/passwd\n```", 0, REFUSED_INCLUDE),
    ("csv-file", "```{csv-table} x\n:file: /etc/passwd\n```", 0, "File and URL access deactivated"),
    ("image-outside", "![x](../../../../../../tmp/OUTSIDE)", 0, "lies outside docs/"),
    ("image-directive-outside", "```{image} /../../../../../../tmp/OUTSIDE\n```", 0, "lies outside docs/"),
    ("image-javascript", "![x](javascript:alert(14))", 0, LINK),
    ("image-remote", "![x](https://evil.example/track15.png)", 0, "images must be files inside docs/"),
    ("svg-onload", "<svg onload=alert(16)></svg>", 0, RAW),
    ("style-block", "<style>body{display:none}</style>", 0, RAW),
    ("div-onclick", '<div onclick="alert(17)">x</div>', 0, RAW),
    ("object", '<object data="evil18.swf"></object>', 0, RAW),
    ("a-space-javascript", '<a href=" javascript:alert(19)">x</a>', 0, LINK),
    ("meta-refresh", '<meta http-equiv="refresh" content="0;url=javascript:alert(20)">', 0, RAW),
    ("form", '<form action="https://evil.example/21"><input></form>', 0, RAW),
    ("eval-rst-raw", "```{eval-rst}\n.. raw:: html\n\n   <script>alert(22)</script>\n```", 1, REFUSED_RAW),
    ("eval-rst-include", "```{eval-rst}\n.. include:: /etc/passwd\n```", 1, REFUSED_INCLUDE),
    ("note-body-html", "```{ed:note} hostile-note\n:quote: signed in 1698\n\n<script>alert(23)</script>\n```",
     3, RAW),
    ("rst-javascript-link", "```{eval-rst}\n`x <javascript:alert(25)>`_\n```", 1, LINK),
]
# Markup in a plain option value is text: it must come out escaped.
ESCAPED = ("```{ed:entity} hostile-entity\n:type: person\n:name: <b onmouseover=alert(24)>X</b>\n\n"
           "Y {cite:p}`chen2001`.\n```")


def _page(outside: Path) -> tuple[str, dict[str, int]]:
    lines, where = ["# Hostile", "", "```{edition} alpha-h", "```", ""], {}
    for name, payload, offset, _ in PAYLOADS:
        lines += [f"## {name}", ""]
        where[name] = len(lines) + 1 + offset
        lines += payload.replace("/tmp/OUTSIDE", str(outside)).split("\n") + [""]
    lines += ["## escaped", "", *ESCAPED.split("\n"), ""]
    return "\n".join(lines), where


def _root(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    root = tmp_path / "root"
    shutil.copytree(BASE, root)
    outside = tmp_path / "outside-secret.png"
    outside.write_bytes(b"\x89PNG secret")
    text, where = _page(outside)
    (root / "hostile.md").write_text(text, encoding="utf-8")
    with open(root / "index.md", "a", encoding="utf-8") as fh:
        fh.write("\n```{toctree}\nhostile\n```\n")
    catalogue = (root / "seeds" / "catalogue.toml").read_text()
    alpha = catalogue[catalogue.index("[alpha]"):catalogue.index("[beta]")]
    (root / "seeds" / "catalogue.toml").write_text(catalogue + "\n" + alpha.replace("[alpha", "[alpha-h"))
    return root, where


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root, where = _root(tmp_path_factory.mktemp("hostile"))
    out = StringIO()
    app = SphinxTestApp("html", srcdir=root, warning=out)
    try:
        app.build()
    finally:
        app.cleanup()
    return app.outdir, out.getvalue(), where


@pytest.mark.parametrize(("name", "payload", "offset", "message"), PAYLOADS, ids=[p[0] for p in PAYLOADS])
def test_injection_is_an_error_at_file_and_line(built, name, payload, offset, message):
    _, warnings, where = built
    expected = f"hostile.md:{where[name]}:"
    assert any(expected in w and message in w for w in warnings.splitlines()), (expected, message, warnings)


class _Audit(HTMLParser):
    """Collects what a sanitised page must not contain."""

    DANGEROUS_TAGS = {"iframe", "object", "embed", "svg", "style", "base"}

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.DANGEROUS_TAGS:
            self.found.append(f"<{tag}>")
        if tag == "form" and re.match(r"(?i)\s*([a-z]+:|//)", dict(attrs).get("action") or ""):
            self.found.append(f"form to {dict(attrs)['action']}")
        if tag == "meta" and dict(attrs).get("http-equiv", "").lower() == "refresh":
            self.found.append("meta refresh")
        for key, value in attrs:
            if key.startswith("on"):
                self.found.append(f"{tag} {key}=")
            if key in ("href", "src", "action", "data") and value and re.match(
                r"(?i)\s*(javascript|vbscript|data):", value
            ):
                self.found.append(f"{tag} {key}={value}")
            if tag == "script" and key == "src" and value and "://" in value:
                self.found.append(f"external script {value}")


def test_no_payload_reaches_the_html(built):
    outdir, _, _ = built
    page = (outdir / "hostile.html").read_text(encoding="utf-8")
    audit = _Audit()
    audit.feed(page)
    assert audit.found == []
    # no inline script but the theme's search-box snippet, no file contents
    inline = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert inline == ["document.getElementById('searchbox').style.display = \"block\""]
    assert "root:x:0:0" not in page
    assert not any(p.read_bytes() == b"\x89PNG secret" for p in outdir.rglob("*.png"))
    # the escaped option value is shown as text
    assert "&lt;b onmouseover=alert(24)&gt;X&lt;/b&gt;" in page


def test_every_page_carries_a_strict_csp(built):
    outdir, _, _ = built
    for page in outdir.glob("*.html"):
        head = page.read_text(encoding="utf-8").split("</head>")[0]
        match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', head)
        assert match, page.name
        policy = match[1]
        assert "default-src 'none'" in policy
        assert "script-src 'self' 'sha256-" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_hostile_page_fails_the_build_cleanly(tmp_path):
    root, _ = _root(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html", str(root), str(tmp_path / "out")],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
