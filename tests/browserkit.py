"""Helpers for the browser tests: build the edition, serve it, drive Debian's Chromium.

Never downloads a browser: Playwright is pointed at /usr/bin/chromium, which
``scripts/setup-debian.sh browser`` installs from Debian's archive.
"""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "_build" / "screenshots"


def build_html(repo: Path, out: Path) -> Path:
    """Build the real edition into *out* as ``make html`` does, without -W.

    Warnings are the content tests' business (test_real_edition builds with -W);
    here a page that fails to build still fails the test.
    """
    cmd = [sys.executable, "-m", "sphinx", "-b", "html", "-c", str(repo), "-q",
           str(repo / "docs"), str(out)]
    result = subprocess.run(cmd, cwd=repo, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve *directory* on a free local port in a thread; yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def pages(site: Path) -> list[str]:
    """Every HTML page of the site, as paths relative to its root."""
    return sorted(
        p.relative_to(site).as_posix() for p in site.rglob("*.html")
        if not p.relative_to(site).parts[0].startswith("_")
    )
