"""Benchmark: start-up time of the ``macrodesk`` command.

Builds a store with the bundled sample in a temporary directory
(macrodesk.series.store.Store + macrodesk.importers.merge_series(macrodesk.datasets.load())),
then runs as subprocesses, 10 times each (after one untimed warm-up run each,
interleaved round-robin so background load hits all commands alike):

  macrodesk --help
  macrodesk version
  macrodesk data list --store <the store>

(plus, for reference, ``data list --json``, which skips the rich table) and, as
baselines in the same run, ``python -c pass`` and ``python -c "import pandas"``.
Wall time per run with time.perf_counter around subprocess.run; median and min
are reported, with ratios against both baselines.

The ``macrodesk`` executable is the console script installed next to the running
Python (not a pyenv/asdf shim on PATH, whose own start-up would be counted).
A final section runs each command once under ``python -X importtime`` and lists
the slowest top-level imports.

Run:  python benchmarks/bench_cli.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ms, print_machine_info, print_table  # noqa: E402


def console_script() -> list[str]:
    """The installed ``macrodesk`` entry point, preferring the one beside sys.executable."""
    bindir = Path(sys.executable).parent
    for name in ("macrodesk", "macrodesk.exe", "Scripts/macrodesk.exe"):
        p = bindir / name
        if p.exists():
            return [str(p)]
    found = shutil.which("macrodesk")
    if found:
        return [found]
    return [sys.executable, "-c", "from macrodesk.cli import main; main()"]


def build_store(path: Path) -> tuple[int, int, float]:
    from macrodesk.datasets import load
    from macrodesk.importers import merge_series
    from macrodesk.series.store import Store

    t0 = time.perf_counter()
    series = merge_series(load())
    with Store(path) as st:
        summary = st.write(series, label="bundled sample (bench_cli)")
    return len(series), sum(summary.added.values()), time.perf_counter() - t0


def run_once(cmd: list[str], env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess]:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, env=env, check=False)
    return time.perf_counter() - t0, proc


def import_breakdown(cmd: list[str], env: dict[str, str], top: int = 6) -> list[tuple[str, float]]:
    """Slowest top-level imports (cumulative ms) of one run under -X importtime."""
    if Path(cmd[0]).name.startswith("python") or cmd[0] == sys.executable:
        full = [cmd[0], "-X", "importtime"] + cmd[1:]
    else:  # a console script: run its file with this interpreter
        full = [sys.executable, "-X", "importtime"] + cmd
    proc = subprocess.run(full, capture_output=True, text=True, env=env, check=False)
    out = []
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        parts = line.split("|")
        try:
            cum = int(parts[1].strip())
        except ValueError:
            continue  # the header line
        name = parts[2]
        stripped = name.lstrip()
        if len(name) - len(stripped) <= 1:  # top level: one space after the bar
            out.append((stripped, cum / 1000))
    out.sort(key=lambda t: -t[1])
    return out[:top]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=10, help="timed runs per command (default 10)")
    args = ap.parse_args()

    print_machine_info("bench_cli: macrodesk command start-up time", ["macrodesk", "typer", "rich", "pandas", "duckdb"])
    md = console_script()
    print(f"macrodesk executable: {' '.join(md)}")

    with tempfile.TemporaryDirectory(prefix="macrodesk-bench-") as tmp:
        store = Path(tmp) / "bench.duckdb"
        n_series, n_obs, t_store = build_store(store)
        print(f"store: {n_series} series, {n_obs:,} observations from the bundled sample, "
              f"built in {t_store:.1f} s ({store.stat().st_size / 1e6:.1f} MB)")

        env = dict(os.environ)
        env.pop("MACRODESK_STORE", None)
        env["PYTHONDONTWRITEBYTECODE"] = env.get("PYTHONDONTWRITEBYTECODE", "")  # leave as the user has it
        env["COLUMNS"] = "120"

        commands = [
            ("python -c pass", [sys.executable, "-c", "pass"]),
            ('python -c "import pandas"', [sys.executable, "-c", "import pandas"]),
            ("macrodesk --help", md + ["--help"]),
            ("macrodesk version", md + ["version"]),
            ("macrodesk data list --store S", md + ["data", "list", "--store", str(store)]),
            ("  same with --json (extra)", md + ["data", "list", "--json", "--store", str(store)]),
        ]

        # warm-up (file cache, .pyc), and check that every command works
        for label, cmd in commands:
            _, proc = run_once(cmd, env)
            if proc.returncode != 0:
                raise SystemExit(
                    f"{label} failed with status {proc.returncode}:\n{proc.stderr.decode(errors='replace')}"
                )
            if label.startswith("macrodesk data list"):
                n_lines = len(proc.stdout.decode(errors="replace").splitlines())
                print(f"check: `data list` printed {n_lines} lines for {n_series} stored series")
        print()

        times: dict[str, list[float]] = {label: [] for label, _ in commands}
        for _ in range(args.runs):
            for label, cmd in commands:
                t, proc = run_once(cmd, env)
                if proc.returncode != 0:
                    raise SystemExit(f"{label} failed with status {proc.returncode}")
                times[label].append(t)

        breakdown = {label: import_breakdown(cmd, env) for label, cmd in commands[2:5]}

    med = {k: statistics.median(v) for k, v in times.items()}
    base_pass = med["python -c pass"]
    base_pd = med['python -c "import pandas"']
    rows = []
    for label, _ in commands:
        v = times[label]
        rows.append([
            label, ms(med[label]), ms(min(v)), ms(max(v)),
            f"{med[label] / base_pass:.1f}x", f"{med[label] / base_pd:.2f}x",
        ])
    print(f"{args.runs} timed runs per command (after 1 warm-up), wall time of subprocess.run, milliseconds")
    print_table(
        ["command", "median ms", "min ms", "max ms", "/ python -c pass", "/ import pandas"],
        rows,
    )
    print("slowest top-level imports (cumulative ms, one run under python -X importtime):")
    for label, items in breakdown.items():
        print(f"  {label:30} " + ", ".join(f"{n} {t:.0f}" for n, t in items))


if __name__ == "__main__":
    main()
