"""Profile a full edition HTML build of a benchmark corpus with cProfile.

    python benchmarks/profile.py 200          # corpus of benchmarks/run.py, generated if missing
    python benchmarks/profile.py real

Writes _build/bench/<size>/profile.prof and prints the top functions by
cumulative time, then those of the extension and of pybtex/sphinxcontrib-bibtex.
"""

from __future__ import annotations

import argparse
import pstats
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402
from run import ENTITIES_PER_SOURCE  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("size")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--regenerate", action="store_true")
    args = parser.parse_args()
    root = REPO / "_build" / "bench" / args.size
    edition = root / "edition"
    if args.regenerate or not (edition / "conf.py").exists():
        if args.size == "real":
            corpus.real(edition, REPO)
        else:
            n = int(args.size)
            corpus.synthetic(edition, n, ENTITIES_PER_SOURCE * n, args.seed, REPO / "conf.py")
    out = root / "profile-out"
    shutil.rmtree(out, ignore_errors=True)
    prof = root / "profile.prof"
    cmd = [sys.executable, "-m", "cProfile", "-o", str(prof), "-m", "sphinx", "-b", "html", "-c", str(edition),
           "-n", "--keep-going", "-q", "-d", str(out / "doctrees"), str(edition / "docs"), str(out / "html")]
    subprocess.run(cmd, cwd=REPO, check=False)
    stats = pstats.Stats(str(prof))
    stats.sort_stats("cumulative").print_stats(args.top)
    stats.sort_stats("tottime").print_stats(args.top)
    stats.sort_stats("cumulative").print_stats("critical_edition", args.top)
    stats.sort_stats("cumulative").print_stats("pybtex|bibtex", 15)
    print(f"profile: {prof}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
