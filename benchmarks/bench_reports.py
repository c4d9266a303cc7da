"""Report builds: the results cache (cold and warm) and parallel work against the plain build, in the same run.

Builds each demo report from a fresh store holding the bundled sample, four ways:

* baseline — no cache, one process (``MACRODESK_WORKERS=1``): every figure drawn in turn
  and every estimate made in order, what each build cost before the cache and the pools;
* parallel — no cache, the default processes (figures drawn in a pool, the outlook's
  nowcast backtests beside the other estimates);
* cold     — an empty cache, default processes: everything computed, results and files stored;
* warm     — the same build again, nothing changed: written from the cache.

It also times the figures alone: every matplotlib ``savefig`` of the baseline build (the
per-figure PNG cost) against the parallel build's batch, and the bridge nowcaster's two
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
    orig_batch = report_model.fork_map

    def timed_fork_map(*a, **kw):  # type: ignore[no-untyped-def]
        t0 = time.perf_counter()
        try:
            return orig_batch(*a, **kw)
        finally:
            batches.append(time.perf_counter() - t0)

    n_workers = workers()
    rows, fig_rows, mismatches = [], [], []
    with tempfile.TemporaryDirectory(prefix="macrodesk-bench-") as tmp:
        root = Path(tmp)
        path = root / "demo.duckdb"
        with Store(path) as st:
            st.write(merge_series(load()), label="bundled sample")
        with Store(path, read_only=True) as st:
            for name in names:
                def run(tag: str, rc: ResultsCache | None, i: int, procs: int | None = None) -> tuple[float, dict]:
                    out = root / f"{name}-{tag}-{i}"
                    old = os.environ.get(WORKERS_ENV)
                    if procs is not None:
                        os.environ[WORKERS_ENV] = str(procs)
                    try:
                        t0 = time.perf_counter()
                        _build(name, st, None, out, formats, args.lang, quiet=True, rcache=rc)
                        dt = time.perf_counter() - t0
                    finally:
                        if old is None:
                            os.environ.pop(WORKERS_ENV, None)
                        else:
                            os.environ[WORKERS_ENV] = old
                    files = {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
                             if p.is_file() and p.suffix in (".md", ".png")}
                    return dt, files

                base_t, par_t, cold_t, warm_t, par_fig = [], [], [], [], []
                for i in range(args.repeats):
                    matplotlib.figure.Figure.savefig = timed_savefig  # type: ignore[method-assign]
                    try:
                        saves.clear()
                        dt, base_files = run("baseline", None, i, procs=1)
                        base_t.append(dt)
                    finally:
                        matplotlib.figure.Figure.savefig = orig  # type: ignore[method-assign]
                    n_fig, fig_total = len(saves), sum(saves)
                    report_model.fork_map = timed_fork_map  # type: ignore[assignment]
                    try:
                        batches.clear()
                        dt, par_files = run("parallel", None, i)
                        par_t.append(dt)
                        par_fig.append(sum(batches))
                    finally:
                        report_model.fork_map = orig_batch  # type: ignore[assignment]
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
                pf = min(par_fig) if par_fig else 0.0
                fig_rows.append([name, n_fig, secs(fig_total), secs(fig_total / n_fig) if n_fig else "-",
                                 secs(pf), secs(pf / n_fig) if n_fig else "-",
                                 f"{fig_total / pf:.2f}x" if pf else "-", f"{fig_total / b:.0%}"])
        bt_rows, bt_same = _bridge_backtests(path)

    print(f"formats {','.join(formats)}, lang {args.lang}, best of {args.repeats}; seconds of wall time; "
          f"{n_workers} processes by default")
    print_table(["report", "baseline (1 process, no cache)", "parallel (no cache)", "cold cache", "warm cache",
                 "baseline/parallel", "baseline/cold", "baseline/warm"], rows)
    print("PNG rendering: every savefig of the baseline build, one by one, against the parallel build's batch")
    print_table(["report", "figures", "serial total", "serial per figure", "parallel total", "parallel per figure",
                 "serial/parallel", "serial share of baseline build"], fig_rows)
    print("bridge nowcaster, two 96-month real-time backtests (2018-01..2025-12), one process")
    print_table(["target", "direct refits", "input cache", "direct/cache"], bt_rows)
    if mismatches or not bt_same:
        print("MISMATCH: " + ", ".join(mismatches + ([] if bt_same else ["bridge backtest rows"])))
        sys.exit(1)
    print("check: parallel, cold and warm Markdown and figures identical to the baseline's for every report; "
          "backtest rows identical with and without the input cache")


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
