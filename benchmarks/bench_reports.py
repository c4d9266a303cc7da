"""Report builds: the results cache (cold and warm) and parallel work against the plain build, in the same run.

Builds each demo report from a fresh store holding the bundled sample, four ways:

* baseline — no cache, one process (``MACRODESK_WORKERS=1``): every figure drawn in turn
  and every estimate made in order, what each build cost before the cache and the pools;
* parallel — no cache, the default processes (figures drawn in a pool, the outlook's
  nowcast backtests beside the other estimates);
* cold     — an empty cache, default processes: everything computed, results and files stored;
* warm     — the same build again, nothing changed: written from the cache.

Each build is given in seconds of wall time and, beside it, in CPU seconds (user + sys of
this process and of the processes it forked): the CPU figure moves less when the machine is
busy with other work. It also times the figures alone: every matplotlib ``savefig`` of the
baseline build (the per-figure PNG cost) against the drawing the parallel build still had to
wait for when the report was built (the rest is drawn while the report is built), and the bridge nowcaster's two
96-month backtests with and without the input cache their refits share. The checks: every
variant's Markdown and figure files equal the baseline's, byte for byte, and the backtests'
rows are identical.

    python benchmarks/bench_reports.py [--formats md] [--repeats 1] [--reports inflation-outlook]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # measure this checkout's code

from _common import print_machine_info, print_table, secs  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--formats", default="md", help="comma-separated: html,pdf,md (default md)")
    ap.add_argument("--repeats", type=int, default=1, help="builds per variant; the best is shown")
    ap.add_argument("--reports", default=None, help="comma-separated report names (default: the demo's)")
    ap.add_argument("--lang", default="zh")
    args = ap.parse_args()

    import os

    import matplotlib.figure

    import macrodesk.reports.model as report_model
    from macrodesk._parallel import WORKERS_ENV, workers
    from macrodesk.analyses import DEMO_REPORTS
    from macrodesk.cache import ResultsCache
    from macrodesk.cli.report import _build
    from macrodesk.datasets import load
    from macrodesk.importers import merge_series
    from macrodesk.series.store import Store

    print_machine_info("report builds: results cache vs uncached", ["pandas", "matplotlib", "statsmodels", "duckdb"])
    formats = tuple(f.strip() for f in args.formats.split(",") if f.strip())
    names = tuple(args.reports.split(",")) if args.reports else DEMO_REPORTS

    saves: list[float] = []
    orig = matplotlib.figure.Figure.savefig

    def timed_savefig(self, *a, **kw):  # type: ignore[no-untyped-def]
        t0 = time.perf_counter()
        try:
            return orig(self, *a, **kw)
        finally:
            saves.append(time.perf_counter() - t0)

    batches: list[float] = []
    orig_finish = report_model._Stream.finish

    def timed_finish(self):  # type: ignore[no-untyped-def]
        t0 = time.perf_counter()
        try:
            return orig_finish(self)
        finally:
            batches.append(time.perf_counter() - t0)

    n_workers = workers()
    rows, fig_rows, cpu_rows, mismatches = [], [], [], []
    with tempfile.TemporaryDirectory(prefix="macrodesk-bench-") as tmp:
        root = Path(tmp)
        path = root / "demo.duckdb"
        with Store(path) as st:
            st.write(merge_series(load()), label="bundled sample")
        with Store(path, read_only=True) as st:
            for name in names:
                def run(tag: str, rc: ResultsCache | None, i: int, procs: int | None = None) -> tuple[float, dict]:
                    cpu0 = _cpu()
                    out = root / f"{name}-{tag}-{i}"
                    old = os.environ.get(WORKERS_ENV)
                    if procs is not None:
                        os.environ[WORKERS_ENV] = str(procs)
                    try:
                        t0 = time.perf_counter()
                        _build(name, st, None, out, formats, args.lang, quiet=True, rcache=rc)
                        dt = time.perf_counter() - t0
                        cpu[tag].append(_cpu() - cpu0)
                    finally:
                        if old is None:
                            os.environ.pop(WORKERS_ENV, None)
                        else:
                            os.environ[WORKERS_ENV] = old
                    files = {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
                             if p.is_file() and p.suffix in (".md", ".png")}
                    return dt, files

                base_t, par_t, cold_t, warm_t, par_fig = [], [], [], [], []
                cpu: dict[str, list[float]] = {t: [] for t in ("baseline", "parallel", "cold", "warm")}
                for i in range(args.repeats):
                    matplotlib.figure.Figure.savefig = timed_savefig  # type: ignore[method-assign]
                    try:
                        saves.clear()
                        dt, base_files = run("baseline", None, i, procs=1)
                        base_t.append(dt)
                    finally:
                        matplotlib.figure.Figure.savefig = orig  # type: ignore[method-assign]
                    n_fig, fig_total = len(saves), sum(saves)
                    report_model._Stream.finish = timed_finish  # type: ignore[method-assign]
                    try:
                        batches.clear()
                        dt, par_files = run("parallel", None, i)
                        par_t.append(dt)
                        par_fig.append(sum(batches))
                    finally:
                        report_model._Stream.finish = orig_finish  # type: ignore[method-assign]
                    rc = ResultsCache(root / f"cache-{name}-{i}")
                    dt, cold_files = run("cold", rc, i)
                    cold_t.append(dt)
                    dt, warm_files = run("warm", rc, i)
                    warm_t.append(dt)
                    if not (par_files == cold_files == warm_files == base_files):
                        mismatches.append(name)
                b, p, c, w = min(base_t), min(par_t), min(cold_t), min(warm_t)
                rows.append([name, secs(b), secs(p), secs(c), secs(w), f"{b / p:.2f}x", f"{b / c:.2f}x",
                             f"{b / w:.0f}x"])
                cpu_rows.append([name] + [secs(min(cpu[t])) for t in ("baseline", "parallel", "cold", "warm")])
                pf = min(par_fig) if par_fig else 0.0
                fig_rows.append([name, n_fig, secs(fig_total), secs(fig_total / n_fig) if n_fig else "-",
                                 secs(pf), secs(pf / n_fig) if n_fig else "-",
                                 f"{fig_total / pf:.2f}x" if pf else "-", f"{fig_total / b:.0%}"])
        cli_rows = [_cli_builds(root, path, name, formats, args.lang, args.repeats, mismatches) for name in names]
        bt_rows, bt_same = _bridge_backtests(path)

    print(f"formats {','.join(formats)}, lang {args.lang}, best of {args.repeats}; seconds of wall time; "
          f"{n_workers} processes by default")
    print_table(["report", "baseline (1 process, no cache)", "parallel (no cache)", "cold cache", "warm cache",
                 "baseline/parallel", "baseline/cold", "baseline/warm"], rows)
    print("the same builds in CPU seconds (user + sys, this process and its children)")
    print_table(["report", "baseline", "parallel", "cold cache", "warm cache"], cpu_rows)
    print("PNG rendering: every savefig of the baseline build, one by one, against what the parallel build still "
          "drew after the report was built (the rest was drawn meanwhile)")
    print_table(["report", "figures", "serial total", "serial per figure", "parallel, left at the end",
                 "parallel per figure", "serial/parallel", "serial share of baseline build"], fig_rows)
    print("the command line, each build a fresh process (imports included): `macrodesk report NAME` with "
          "MACRODESK_WORKERS=1 --no-cache, then with an empty results cache, then again; wall seconds (CPU seconds)")
    print_table(["report", "baseline (1 process, no cache)", "cold cache", "warm cache", "baseline/cold"], cli_rows)
    print("bridge nowcaster, two 96-month real-time backtests (2018-01..2025-12), one process")
    print_table(["target", "direct refits", "input cache", "direct/cache"], bt_rows)
    if mismatches or not bt_same:
        print("MISMATCH: " + ", ".join(mismatches + ([] if bt_same else ["bridge backtest rows"])))
        sys.exit(1)
    print("check: parallel, cold and warm Markdown and figures identical to the baseline's for every report; "
          "backtest rows identical with and without the input cache")


def _cli_builds(root: Path, store: Path, name: str, formats: tuple[str, ...], lang: str, repeats: int,
                mismatches: list[str]) -> list[str]:
    """``macrodesk report NAME`` in fresh processes: baseline, cold and warm; (wall, CPU) of each, best of ``repeats``."""
    import os
    import resource
    import shutil
    import subprocess

    checkout = Path(__file__).resolve().parents[1]
    env = dict(os.environ, PYTHONPATH=str(checkout))
    cache = Path(str(store) + ".cache")
    best: dict[str, tuple[float, float]] = {}
    md: dict[str, bytes] = {}
    for i in range(repeats):
        shutil.rmtree(cache, ignore_errors=True)
        for tag, extra, workers in (("baseline", ["--no-cache"], "1"), ("cold", [], None), ("warm", [], None)):
            out = root / f"cli-{name}-{tag}-{i}"
            run_env = dict(env, MACRODESK_WORKERS=workers) if workers else env
            k0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "macrodesk", "report", name, "--store", str(store), "--out", str(out),
                            "--format", ",".join(formats), "--lang", lang, *extra],
                           cwd=root, env=run_env, check=True, stdout=subprocess.DEVNULL)
            dt = time.perf_counter() - t0
            k1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = k1.ru_utime + k1.ru_stime - k0.ru_utime - k0.ru_stime
            best[tag] = min(best.get(tag, (dt, cpu)), (dt, cpu))
            md[tag] = b"".join(p.read_bytes() for p in sorted(out.rglob("*.md")))
    shutil.rmtree(cache, ignore_errors=True)
    if not md["baseline"] == md["cold"] == md["warm"]:
        mismatches.append(f"{name} (command line)")
    b, c, w = best["baseline"], best["cold"], best["warm"]
    return [name] + [f"{secs(t)} ({secs(u)})" for t, u in (b, c, w)] + [f"{b[0] / c[0]:.2f}x"]


def _cpu() -> float:
    """CPU seconds so far: user + sys of this process and of its children that have ended."""
    import resource

    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _bridge_backtests(path: Path) -> tuple[list[list[str]], bool]:
    """Each bridge backtest with its refits sharing an InputCache, and with each refit computing its inputs itself."""
    from macrodesk.models.nowcast import make_model
    from macrodesk.series.store import Store

    rows, same = [], True
    with Store(path, read_only=True) as st:
        for target in ("cpi_yoy", "ppi_yoy"):
            model = make_model("bridge", target)
            data = st.get_many(list(model.series_ids()) + [model.target.consensus_id], missing="skip")
            t0 = time.perf_counter()
            fast = model.backtest(data, "2018-01", "2025-12")
            t_fast = time.perf_counter() - t0
            model._predictor = lambda src: model.predict  # type: ignore[method-assign]  # each refit on its own
            t0 = time.perf_counter()
            slow = model.backtest(data, "2018-01", "2025-12")
            t_slow = time.perf_counter() - t0
            same = same and slow.rows.equals(fast.rows)
            rows.append([target, secs(t_slow), secs(t_fast), f"{t_slow / t_fast:.2f}x"])
    return rows, same


if __name__ == "__main__":
    main()
