"""Broken catalogue, seeds and bibliography: a clear error at file:line, exit non-zero, no traceback."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

BASE = Path(__file__).parent / "roots" / "test-annotations"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _append(path: Path, text: str) -> None:
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(text)


def _non_utf8(root: Path) -> None:
    seed = root / "seeds" / "beta.txt"
    old = hashlib.sha256(seed.read_bytes()).hexdigest()
    seed.write_bytes(seed.read_bytes() + b"A line in Latin-1: caf\xe9\n")
    _edit(root / "seeds" / "catalogue.toml", old, hashlib.sha256(seed.read_bytes()).hexdigest())


BIB_LINES = (BASE / "refs.bib").read_text(encoding="utf-8").count("\n")

# (case, how to break the root, file the error names, its line, message)
CASES = [
    ("catalogue-missing-field", lambda r: _edit(r / "seeds/catalogue.toml", 'title = "Alpha"\n', ""),
     "seeds/catalogue.toml", 1, "[alpha] lacks title (every source needs: file, sha256, title"),
    ("catalogue-unknown-field", lambda r: _edit(r / "seeds/catalogue.toml", 'title = "Beta"\n',
                                                'title = "Beta"\ncolour = "red"\n'),
     "seeds/catalogue.toml", 15, "[beta] has unknown field(s) colour (allowed: file, sha256"),
    ("catalogue-toml-syntax", lambda r: _edit(r / "seeds/catalogue.toml", 'genre = "test"\n', 'genre = "test\n'),
     "seeds/catalogue.toml", 9, "not valid TOML"),
    ("roles-out-of-range", lambda r: _edit(r / "seeds/catalogue.toml", 'comment = "4"', 'comment = "9"'),
     "seeds/catalogue.toml", 1, "[alpha] roles: role 'comment': segment 9 out of range 1-4"),
    ("seed-checksum", lambda r: _append(r / "seeds/beta.txt", "An added line.\n"),
     "beta.md", 3, "checksum mismatch for source 'beta': catalogue has 9915226df2986122"),
    ("seed-missing", lambda r: (r / "seeds/beta.txt").unlink(),
     "beta.md", 3, "seeds/beta.txt: cannot read (No such file or directory)"),
    ("seed-not-utf8", _non_utf8, "seeds/beta.txt", 4, "not UTF-8 (byte 148, line 4): save the seed as UTF-8"),
    ("bibtex-syntax", lambda r: _append(r / "refs.bib", "\n@book{broken,\n  title = {No end\n"),
     "refs.bib", BIB_LINES + 3, "BibTeX syntax error: syntax error in line"),
    ("bibtex-missing-fields", lambda r: _append(r / "refs.bib", "\n@book{thin,\n  title = {Only a title},\n}\n"),
     "refs.bib", BIB_LINES + 2, "entry 'thin' (@book) lacks author or editor, publisher, year"),
    ("bibtex-duplicate-key", lambda r: _append(r / "refs.bib", "\n@misc{chen2001,\n  title = {Again},\n}\n"),
     "refs.bib", BIB_LINES + 2, "repeated bibliography entry: chen2001"),
    ("bibtex-unknown-type", lambda r: _append(r / "refs.bib", "\n@thing{odd,\n  title = {Odd},\n}\n"),
     "refs.bib", BIB_LINES + 2, "entry 'odd': unknown entry type @thing"),
]


def _build(tmp: Path, case: tuple) -> subprocess.CompletedProcess:
    name, breaker, *_ = case
    root = tmp / name
    shutil.copytree(BASE, root)
    breaker(root)
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-n", "--keep-going", "-q", "-b", "html",
         str(root), str(tmp / f"{name}-out")],
        capture_output=True, text=True, check=False,
    )


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> dict[str, subprocess.CompletedProcess]:
    tmp = tmp_path_factory.mktemp("broken")
    with ThreadPoolExecutor(max_workers=2) as pool:
        done = pool.map(lambda case: _build(tmp, case), CASES)
        return {case[0]: result for case, result in zip(CASES, done, strict=True)}


@pytest.mark.parametrize(("name", "breaker", "filename", "line", "message"), CASES, ids=[c[0] for c in CASES])
def test_broken_input_is_reported_at_file_and_line(results, name, breaker, filename, line, message):
    result = results[name]
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output and "sphinx-err-" not in output
    located = [w for w in output.splitlines() if re.search(rf"{re.escape(filename)}:{line}: (ERROR|WARNING): ", w)]
    assert any(message in w for w in located), output
