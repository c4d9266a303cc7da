"""Report builds: the results cache (cold and warm) against the uncached build, measured in the same run.

Builds each demo report from a fresh store holding the bundled sample, three ways:

* baseline — the cache switched off (what every build cost before the cache);
* cold     — an empty cache: everything computed, results and files stored;
* warm     — the same build again, nothing changed: written from the cache.

It also times every matplotlib ``savefig`` of the baseline build (the per-figure PNG
cost). The only check: the warm and cold Markdown equal the baseline's, byte for byte.

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

    import matplotlib.figure

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

    rows, fig_rows, mismatches = [], [], []
    with tempfile.TemporaryDirectory(prefix="macrodesk-bench-") as tmp:
        root = Path(tmp)
        path = root / "demo.duckdb"
        with Store(path) as st:
            st.write(merge_series(load()), label="bundled sample")
        with Store(path, read_only=True) as st:
            for name in names:
                md = f"{name}.md"

                def run(tag: str, rc: ResultsCache | None, i: int) -> tuple[float, str]:
                    out = root / f"{name}-{tag}-{i}"
                    t0 = time.perf_counter()
                    _build(name, st, None, out, formats, args.lang, quiet=True, rcache=rc)
                    dt = time.perf_counter() - t0
                    text = (out / md).read_text(encoding="utf-8") if "md" in formats else ""
                    return dt, text

                base_t, cold_t, warm_t = [], [], []
                matplotlib.figure.Figure.savefig = timed_savefig  # type: ignore[method-assign]
                try:
                    for i in range(args.repeats):
                        saves.clear()
                        dt, base_md = run("baseline", None, i)
                        base_t.append(dt)
                finally:
                    matplotlib.figure.Figure.savefig = orig  # type: ignore[method-assign]
                n_fig, fig_total = len(saves), sum(saves)
                for i in range(args.repeats):
                    rc = ResultsCache(root / f"cache-{name}-{i}")
                    dt, cold_md = run("cold", rc, i)
                    cold_t.append(dt)
                    dt, warm_md = run("warm", rc, i)
                    warm_t.append(dt)
                    if cold_md != base_md or warm_md != base_md:
                        mismatches.append(name)
                b, c, w = min(base_t), min(cold_t), min(warm_t)
                rows.append([name, secs(b), secs(c), secs(w), f"{b / c:.2f}x", f"{b / w:.0f}x"])
                fig_rows.append([name, n_fig, secs(fig_total), secs(fig_total / n_fig) if n_fig else "-",
                                 f"{fig_total / b:.0%}"])

    print(f"formats {','.join(formats)}, lang {args.lang}, best of {args.repeats}; seconds of wall time")
    print_table(["report", "baseline (no cache)", "cold cache", "warm cache", "baseline/cold", "baseline/warm"], rows)
    print("PNG rendering in the baseline build (matplotlib savefig)")
    print_table(["report", "figures", "total", "per figure", "share of build"], fig_rows)
    if mismatches:
        print("MISMATCH: the cached Markdown differs from the uncached one for " + ", ".join(mismatches))
        sys.exit(1)
    print("check: cold and warm Markdown identical to the baseline's for every report")


if __name__ == "__main__":
    main()
