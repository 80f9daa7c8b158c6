"""Fail the PDF build when XeTeX logged a missing character.

XeTeX only logs "Missing character" and exits 0, so the build checks the log
itself::

    python -m critical_edition.latexlog _build/latex
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

_MISSING = re.compile(r"^Missing character: There is no (.+?) in font (.+?)!?$", re.M)


def missing_characters(log_text: str) -> list[tuple[str, str]]:
    """(character, font) pairs XeTeX reported missing, without repeats."""
    seen = dict.fromkeys(_MISSING.findall(log_text))
    return list(seen)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m critical_edition.latexlog LATEX_BUILD_DIR", file=sys.stderr)
        return 2
    logs = sorted(Path(args[0]).glob("*.log"))
    if not logs:
        print(f"{args[0]}: no LaTeX log found: was the PDF built?", file=sys.stderr)
        return 1
    status = 0
    for log in logs:
        text = log.read_text(encoding="utf-8", errors="replace")
        for char, font in missing_characters(text):
            codes = " ".join(f"U+{ord(c):04X}" for c in char if len(char) < 4)
            print(
                f"{log}: missing character {char} {codes} in font {font}: "
                "map it to a font that has it (edition_latex_fallback_font)",
                file=sys.stderr,
            )
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
