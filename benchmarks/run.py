"""Benchmark the edition against plain Sphinx on the same texts.

    python benchmarks/run.py                      # all sizes: real 50 200 1000
    python benchmarks/run.py --sizes real 50      # a quick run
    make bench SIZES="real 50"

For each size, in one run: plain Sphinx (myst_parser only) building the same
texts, full and after a one-page edit; plain Sphinx with the extension's four
generic speed-ups (``GENERIC``: stems memoised, the collector tuned, sidebar
toctree at depth one, no code-language walk of pages without code), full; the edition: full HTML build, no-change
rebuild, rebuild after editing one source's annotations, rebuild after
editing one register entry, full build with -j 2 (compared file by file with
the -j 1 output), and the cold ``make check`` build (dummy builder, -W -n
--keep-going).  Every build is a fresh ``python -m sphinx`` process; its wall
time, CPU time (user+sys, workers included) and peak RSS are measured. Up to
200 sources each build runs three times and the fastest counts; the four full
builds take turns, so that the machine's drift weighs on each alike.

Results: benchmarks/results.json (a run of the default sizes) or
_build/bench/results-partial.json (any other selection), and a table on
stdout.  Corpora are generated under _build/bench/<size>/, never committed.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import filecmp
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402

DEFAULT_SIZES = ["real", "50", "200", "1000"]
ENTITIES_PER_SOURCE = 2  # 2,000 entities at 1,000 sources
OPTS = ["-W", "-n", "--keep-going", "-q"]
EDIT_NOTE = "Revised for the benchmark."
# The edition's speed-ups that are not about the edition: plain Sphinx with them is the second yardstick.
GENERIC = ["critical_edition.searchstems", "critical_edition.gctune", "critical_edition.navigation",
           "critical_edition.highlightlang"]


# --------------------------------------------------------------------------
# measuring one build


def _children(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    kids = [int(k) for k in fh.read().split()]
                found += kids
                todo += kids
        except OSError:
            continue
    return found


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def measure(cmd: list[str], cwd: Path, log: Path, timeout: float | None = None) -> dict:
    """Run *cmd*; return wall and CPU seconds, peak RSS (largest process; whole tree, sampled).

    A build still running after *timeout* seconds is stopped (its process group
    killed) and reported with ``timed_out``: its time is a lower bound.
    """
    peak_tree = 0
    done = threading.Event()
    timed_out = False
    with open(log, "w") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)

        def sample() -> None:
            nonlocal peak_tree, timed_out
            while not done.wait(0.05):
                total = sum(_rss_kib(p) for p in [proc.pid, *_children(proc.pid)])
                peak_tree = max(peak_tree, total)
                if timeout and not timed_out and time.perf_counter() - start > timeout:
                    timed_out = True
                    os.killpg(proc.pid, 9)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
    result = {
        "wall_s": round(wall, 3),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 3),
        "peak_rss_mib": round(usage.ru_maxrss / 1024, 1),  # largest single process (wait4)
        "peak_tree_rss_mib": round(max(peak_tree, usage.ru_maxrss) / 1024, 1),  # sum over processes, sampled
        "returncode": proc.returncode,
    }
    if timed_out:
        result["timed_out"] = True
        print(f"    !! stopped after {timeout:.0f} s (time limit): the time is a lower bound", flush=True)
        return result
    if proc.returncode != 0:
        tail = log.read_text(errors="replace").splitlines()[-15:]
        result["error_tail"] = tail
        print(f"    !! exit {proc.returncode}: {' '.join(cmd[2:])}\n       " + "\n       ".join(tail),
              flush=True)
    return result


def sphinx(builder: str, project: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "sphinx", "-b", builder, "-c", str(project), *OPTS, *extra,
            "-d", str(out) + "-doctrees", str(project / "docs"), str(out)]


# --------------------------------------------------------------------------
# edits


def _note(run: int) -> str:
    """The line an edit adds, different in each run."""
    return f"{EDIT_NOTE} ({run + 1})"


def _append_in_block(path: Path, opener: str, note: str) -> None:
    """Insert *note* as the last line of the first fenced block that starts with *opener*."""
    lines = path.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith(opener))
    fence = re.match(r"^(`{3,}|:{3,})", lines[start])[1]
    end = next(i for i in range(start + 1, len(lines)) if lines[i].strip() == fence)
    lines[end:end] = ["", note]
    path.write_text("\n".join(lines), encoding="utf-8")


def _append(path: Path, note: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"\n\n{note}\n", encoding="utf-8")


def _edit_targets(edition: Path) -> tuple[str, str]:
    """(the source page in the middle, the persons register page), relative to docs/."""
    pages = sorted(p for p in (edition / "docs" / "sources").glob("*.md")
                   if p.name != "index.md" and "{ed:dispute}" in p.read_text(encoding="utf-8"))
    return (str(pages[len(pages) // 2].relative_to(edition / "docs")), "registers/persons.md")


# --------------------------------------------------------------------------
# one size


def _tree_diff(a: Path, b: Path) -> list[str]:
    diffs: list[str] = []

    def walk(cmp: filecmp.dircmp, rel: str) -> None:
        for name in cmp.left_only + cmp.right_only + cmp.funny_files:
            diffs.append(f"{rel}{name} (only on one side)")
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        diffs.extend(f"{rel}{n}" for n in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{rel}{name}/")

    walk(filecmp.dircmp(a, b), "")
    return sorted(diffs)


def prepare(root: Path, size: str, seed: int) -> dict:
    """Generate the corpus under root/pristine, unless it is there for the same generator and conf.py."""
    import hashlib

    pristine = root / "pristine"
    stamp = pristine / "stamp.json"
    key = hashlib.sha256(b"".join(p.read_bytes() for p in (HERE / "corpus.py", REPO / "conf.py"))).hexdigest()
    want = {"size": size, "seed": seed, "entities_per_source": ENTITIES_PER_SOURCE, "generator": key}
    if size != "real" and stamp.exists():
        have = json.loads(stamp.read_text(encoding="utf-8"))
        if have.get("want") == want:
            return have["info"]
    shutil.rmtree(pristine, ignore_errors=True)
    t0 = time.perf_counter()
    if size == "real":
        info = corpus.real(pristine / "edition", REPO)
    else:
        n = int(size)
        info = corpus.synthetic(pristine / "edition", n, ENTITIES_PER_SOURCE * n, seed, REPO / "conf.py")
    corpus.plain(pristine / "edition", pristine / "plain")
    info["generate_s"] = round(time.perf_counter() - t0, 2)
    stamp.write_text(json.dumps({"want": want, "info": info}), encoding="utf-8")
    return info


SCENARIOS = ("plain_full", "plain_generic_full", "plain_nochange", "plain_edit_page", "edition_full", "edition_full_j2",
             "edition_nochange", "edition_edit_annotations", "edition_edit_register", "edition_check")


def run_size(size: str, seed: int, only: set[str], timeout: float | None, workdir: str = "",
             repeat: int = 1) -> dict:
    root = REPO / "_build" / "bench" / (f"{workdir}-{size}" if workdir else size)
    edition, plain, out = root / "edition", root / "plain", root / "out"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    info = prepare(root, size, seed)
    for name in ("edition", "plain"):  # every run starts from the pristine corpus
        shutil.rmtree(root / name, ignore_errors=True)
        shutil.copytree(root / "pristine" / name, root / name)
    print(f"== {size}: {info}", flush=True)

    res: dict[str, dict] = {}

    def step(name: str, cmd: list[str], needs: str = "", edit: Callable[[int], None] | None = None) -> None:
        """Run an incremental build: once, or *repeat* times, each after its change (*edit*, given the
        run's number), keeping the fastest."""
        if name not in only:
            return
        if needs and (needs not in res or res[needs].get("timed_out")):
            print(f"   {name:<24} skipped: {needs} did not complete", flush=True)
            return
        runs = []
        for i in range(repeat if edit else 1):
            if edit:
                edit(i)
            runs.append(measure(cmd, REPO, out / f"{name}.log", timeout))
        keep(name, runs)

    def fulls(*specs: tuple[str, list[str], Path]) -> None:
        """Full builds from nothing, *repeat* rounds of each in turn; the fastest of each kept.

        Taking turns, the builds compared meet the machine's drift (10-40 % over minutes) alike.
        """
        specs = tuple(spec for spec in specs if spec[0] in only)
        runs: dict[str, list[dict]] = {name: [] for name, _, _ in specs}
        for _ in range(repeat):
            for name, cmd, fresh in specs:
                for folder in (fresh, Path(str(fresh) + "-doctrees")):
                    shutil.rmtree(folder, ignore_errors=True)
                runs[name].append(measure(cmd, REPO, out / f"{name}.log", timeout))
        for name, got in runs.items():
            keep(name, got)

    def keep(name: str, runs: list[dict]) -> None:
        r = min(runs, key=lambda run: run["wall_s"])
        if len(runs) > 1:
            r["runs_wall_s"] = [run["wall_s"] for run in runs]
        res[name] = r
        print(f"   {name:<24} wall {r['wall_s']:8.2f} s  cpu {r['cpu_s']:8.2f} s  "
              f"rss {r['peak_rss_mib']:7.1f} MiB (tree {r['peak_tree_rss_mib']:7.1f})", flush=True)

    def nothing(i: int) -> None:
        """No change: the rebuild finds nothing to do."""

    source_page, register_page = _edit_targets(edition)
    fulls(("plain_full", sphinx("html", plain, out / "plain"), out / "plain"),
          ("plain_generic_full", sphinx("html", plain, out / "plain-generic",
                                        "-D", "extensions=" + ",".join(["myst_parser", *GENERIC])),
           out / "plain-generic"),
          ("edition_full", sphinx("html", edition, out / "html"), out / "html"),
          ("edition_full_j2", sphinx("html", edition, out / "html-j2", "-j", "2"), out / "html-j2"))
    step("plain_nochange", sphinx("html", plain, out / "plain"), needs="plain_full", edit=nothing)
    step("plain_edit_page", sphinx("html", plain, out / "plain"), needs="plain_full",
         edit=lambda i: _append(plain / "docs" / source_page, _note(i)))

    if "edition_full" in res and "edition_full_j2" in res and not any(
            res[k].get("timed_out") for k in ("edition_full", "edition_full_j2")):
        diffs = _tree_diff(out / "html", out / "html-j2")
        res["edition_full_j2"]["identical_to_j1"] = not diffs
        res["edition_full_j2"]["differing_files"] = diffs[:20]
        print(f"   -j 2 output identical to -j 1: {not diffs} {diffs[:5] if diffs else ''}", flush=True)
    step("edition_nochange", sphinx("html", edition, out / "html"), needs="edition_full", edit=nothing)
    step("edition_edit_annotations", sphinx("html", edition, out / "html"), needs="edition_full",
         edit=lambda i: _append_in_block(edition / "docs" / source_page, "```{ed:dispute}", _note(i)))
    step("edition_edit_register", sphinx("html", edition, out / "html"), needs="edition_full",
         edit=lambda i: _append_in_block(edition / "docs" / register_page, "```{ed:entity}", _note(i)))
    step("edition_check", sphinx("dummy", edition, out / "check"))
    for key, edited in (("edition_edit_annotations", source_page), ("edition_edit_register", register_page)):
        if key in res:
            res[key]["edited"] = edited
    return {"corpus": info, "builds": res}


# --------------------------------------------------------------------------
# report


def _ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 3) if a and b else None


def _wall(data: dict, key: str) -> float | None:
    b = data["builds"].get(key)
    return None if b is None else b["wall_s"]


def summarise(sizes: dict[str, dict]) -> dict:
    for data in sizes.values():
        b = data["builds"]
        full = _wall(data, "edition_full")
        plain_full = _wall(data, "plain_full")

        def get(key: str, field: str, builds: dict = b) -> float | None:
            return builds.get(key, {}).get(field)

        data["ratios"] = {
            "full_vs_plain": _ratio(full, plain_full),
            "full_vs_plain_cpu": _ratio(get("edition_full", "cpu_s"), get("plain_full", "cpu_s")),
            "full_vs_plain_generic": _ratio(full, _wall(data, "plain_generic_full")),
            "nochange_vs_full": _ratio(_wall(data, "edition_nochange"), full),
            "edit_annotations_vs_full": _ratio(_wall(data, "edition_edit_annotations"), full),
            "edit_register_vs_full": _ratio(_wall(data, "edition_edit_register"), full),
            "j2_vs_j1": _ratio(_wall(data, "edition_full_j2"), full),
            "check_vs_plain": _ratio(_wall(data, "edition_check"), plain_full),
            "rss_vs_plain": _ratio(get("edition_full", "peak_rss_mib"), get("plain_full", "peak_rss_mib")),
            "seconds_per_source": round(full / data["corpus"]["sources"], 4) if full else None,
            "plain_seconds_per_source": round(plain_full / data["corpus"]["sources"], 4) if plain_full else None,
        }
        data["lower_bounds"] = sorted(k for k, v in b.items() if v.get("timed_out"))
    targets = []

    def target(name: str, value: float | None, limit: float, unit: str = "", lower_bound: bool = False) -> None:
        met = None if value is None else value <= limit
        if lower_bound and met:
            met = None  # a lower bound below the limit proves nothing
        targets.append({"target": name, "value": value, "limit": limit, "unit": unit, "met": met,
                        **({"lower_bound": True} if lower_bound else {})})

    def lower(size: str, *keys: str) -> bool:
        return any(k in sizes[size]["lower_bounds"] for k in keys)

    for size, data in sizes.items():
        target(f"full HTML build ≤ 1.5× plain Sphinx ({size})", data["ratios"]["full_vs_plain"], 1.5, "×",
               lower(size, "edition_full"))
    if "200" in sizes:
        target("rebuild after editing one source's annotations ≤ 10 % of full (200)",
               sizes["200"]["ratios"]["edit_annotations_vs_full"], 0.10)
        target("-j 2 full build ≤ 0.75× -j 1 (200)", sizes["200"]["ratios"]["j2_vs_j1"], 0.75, "×")
        same = sizes["200"]["builds"].get("edition_full_j2", {}).get("identical_to_j1")
        targets.append({"target": "-j 2 output identical to -j 1 (200)", "value": same, "met": same})
    if "50" in sizes and "1000" in sizes:
        target("time per source at 1,000 ≤ 1.25× time per source at 50",
               _ratio(sizes["1000"]["ratios"]["seconds_per_source"], sizes["50"]["ratios"]["seconds_per_source"]),
               1.25, "×", lower("1000", "edition_full"))
    if "1000" in sizes:
        target("peak RSS at 1,000 sources < 2 GiB (MiB, -j 1 full build)",
               sizes["1000"]["builds"].get("edition_full", {}).get("peak_rss_mib"), 2048, "MiB",
               lower("1000", "edition_full"))
    if "real" in sizes:
        target("make check on the real edition ≤ 10 s (cold)", _wall(sizes["real"], "edition_check"), 10, "s")
    return {"targets": targets}


ROWS = [
    ("plain_full", "plain Sphinx, full"),
    ("plain_generic_full", "plain Sphinx + the generic speed-ups, full"),
    ("plain_nochange", "plain, no change"),
    ("plain_edit_page", "plain, one page edited"),
    ("edition_full", "edition, full -j 1"),
    ("edition_full_j2", "edition, full -j 2"),
    ("edition_nochange", "edition, no change"),
    ("edition_edit_annotations", "edition, 1 source's annotations edited"),
    ("edition_edit_register", "edition, 1 register entry edited"),
    ("edition_check", "make check (dummy, cold)"),
]


def table(results: dict) -> str:
    sizes = results["sizes"]
    names = list(sizes)
    lines = ["| build | " + " | ".join(f"{s} wall s (×plain) | {s} RSS MiB" for s in names) + " |",
             "|---|" + "---|---|" * len(names)]
    for key, label in ROWS:
        cells = []
        for s in names:
            b = sizes[s]["builds"].get(key)
            if b is None:
                cells.append("– | –")
                continue
            ratio = _ratio(b["wall_s"], _wall(sizes[s], "plain_full"))
            mark = " (stopped: lower bound)" if b.get("timed_out") else "" if b["returncode"] == 0 else " FAILED"
            gt = ">" if b.get("timed_out") else ""
            cells.append(f"{gt}{b['wall_s']:.1f} ({gt}{ratio}×){mark} | {b['peak_rss_mib']:.0f}")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    lines.append("")
    lines.append("| ratio | " + " | ".join(names) + " |")
    lines.append("|---|" + "---|" * len(names))
    for key in ("full_vs_plain", "full_vs_plain_cpu", "full_vs_plain_generic", "nochange_vs_full",
                "edit_annotations_vs_full", "edit_register_vs_full", "j2_vs_j1", "check_vs_plain", "rss_vs_plain",
                "seconds_per_source", "plain_seconds_per_source"):
        lines.append(f"| {key} | " + " | ".join(str(sizes[s]["ratios"][key]) for s in names) + " |")
    lines.append("")
    lines.append("| target | value | met |")
    lines.append("|---|---|---|")
    for t in results["summary"]["targets"]:
        met = {True: "yes", False: "**no**", None: "not measured"}[t["met"]]
        if t.get("lower_bound"):
            met += " (lower bound: build stopped)"
        lines.append(f"| {t['target']} | {t['value']}{t.get('unit', '') if t['value'] is not None else ''} | {met} |")
    return "\n".join(lines)


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "")
    mem = next((int(line.split()[1]) // 1024 for line in open("/proc/meminfo") if line.startswith("MemTotal")), 0)
    import docutils
    import myst_parser
    import sphinx as sphinx_pkg

    return {
        "cpu": cpu, "cores": os.cpu_count(), "memory_mib": mem, "platform": platform.platform(),
        "python": platform.python_version(), "sphinx": sphinx_pkg.__version__,
        "myst_parser": myst_parser.__version__, "docutils": docutils.__version__,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", nargs="*", default=DEFAULT_SIZES,
                        help="'real' and/or numbers of synthetic sources (default: real 50 200 1000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", default=",".join(SCENARIOS),
                        help="comma-separated scenarios to run (default: all): " + ", ".join(SCENARIOS))
    parser.add_argument("--timeout", type=float, default=1800,
                        help="stop any build after this many seconds; its time is then a lower bound "
                        "(default 1800; 0: no limit)")
    parser.add_argument("--merge", type=Path, action="append", default=[],
                        help="take the sizes of an earlier results file that this run does not measure")
    parser.add_argument("--repeat-small", type=int, default=3,
                        help="up to 200 sources, run the full builds this many rounds (taking turns) and each "
                        "rebuild this many times, keeping the fastest; an edited rebuild makes a new edit each "
                        "time; make check runs once (default 3)")
    parser.add_argument("--workdir", default="", help="corpus folder prefix under _build/bench (experiments)")
    parser.add_argument("--label", default="", help="free text recorded in the results (e.g. an experiment)")
    parser.add_argument("--output", type=Path, help="results file (default: benchmarks/results.json for "
                        "the default sizes, else _build/bench/results-partial.json)")
    args = parser.parse_args(argv)
    sizes = [s for raw in args.sizes for s in raw.replace(",", " ").split()]
    output = args.output or (HERE / "results.json" if sizes == DEFAULT_SIZES and not args.workdir
                             else REPO / "_build" / "bench" / "results-partial.json")
    # pip compiled plain Sphinx's packages when it installed them; the extension (an editable
    # install) is compiled here, so that no build compiles it (PYTHONDONTWRITEBYTECODE may be set)
    compileall.compile_dir(REPO / "extensions", quiet=1)
    started = dt.datetime.now(dt.UTC)
    load_before = os.getloadavg()
    results: dict = {"started_utc": started.isoformat(timespec="seconds"), "machine": machine(),
                     "load_before": [round(x, 2) for x in load_before], "seed": args.seed,
                     "entities_per_source": ENTITIES_PER_SOURCE, "sphinx_options": OPTS,
                     "timeout_s": args.timeout or None, "sizes": {}}
    only = {k.strip() for k in args.only.split(",") if k.strip()}
    results["label"] = args.label
    results["pythonpath"] = os.environ.get("PYTHONPATH", "")
    import critical_edition

    results["extension"] = {"path": str(Path(critical_edition.__file__).parent),
                            "version": getattr(critical_edition, "__version__", "")}
    for size in sizes:
        started_size = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        load = [round(x, 2) for x in os.getloadavg()]
        repeat = args.repeat_small if size == "real" or int(size) <= 200 else 1
        results["sizes"][size] = run_size(size, args.seed, only, args.timeout or None, args.workdir, repeat)
        results["sizes"][size].update(started_utc=started_size, load_before=load,
                                      load_after=[round(x, 2) for x in os.getloadavg()])
    for earlier in args.merge:
        old = json.loads(earlier.read_text(encoding="utf-8"))
        for size, data in old["sizes"].items():
            if size not in results["sizes"]:
                data.setdefault("merged_from", f"{earlier.name} (run started {old['started_utc']})")
                data.setdefault("started_utc", old["started_utc"])
                data.setdefault("load_before", old.get("load_before"))
                results["sizes"][size] = data
    order = {s: i for i, s in enumerate(DEFAULT_SIZES)}
    results["sizes"] = dict(sorted(results["sizes"].items(), key=lambda kv: order.get(kv[0], 99)))
    results["finished_utc"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    results["summary"] = summarise(results["sizes"])
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print()
    print(table(results))
    print(f"\nresults: {output}")
    failed = [f"{s}:{k}" for s, d in results["sizes"].items() for k, b in d["builds"].items() if b["returncode"]]
    if failed:
        print("failed builds: " + ", ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
