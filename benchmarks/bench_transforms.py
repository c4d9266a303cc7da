"""Benchmark: the transform catalogue on 10,000 monthly series vs. a per-series pandas loop.

Data (real numbers, rearranged; nothing random), 10,000 series x 25 years
(2001-01..2025-12, 300 months) on a monthly PeriodIndex:

* levels: contiguous 300-month windows of the bundled monthly price series that
  are complete and positive (World Bank commodity prices and price indices);
  copy k of a series starts 5*k months later in its history.
* MoM (fractions): complete calendar years of the bundled CPI/PPI/PPIRM MoM
  series that have at least two (MoM in percent / 100, or "上月=100" / 100 - 1);
  copy k of a series rotates its list of years by k and tiles it to 25 years,
  so every January value is a real January MoM (seasonality is kept).

Each transform runs once on one DataFrame (macrodesk.transforms, vectorised) and
as the obvious per-series loop over a dict of pd.Series (built before timing):

  yoy                 s / s.shift(12) - 1
  mom                 s / s.shift(1) - 1
  cagr2y              (s / s.shift(24)) ** 0.5 - 1
  cumulative Jan-Nov  (1 + s[month <= 11]).groupby(year).prod() - 1
  carryover 2025      [(1 + s['2024'].iloc[m:]).prod() - 1 for m in 1..12]
  monthly_norm        s['2015':'2019'].groupby(month).agg(['mean', 'min', 'max'])
  percentile_of_last  x = s.dropna(); (x <= x.iloc[-1]).mean()

Both results are compared with numpy.allclose before any figure is printed. Best
of N repeats with time.perf_counter (at least 10 for the vectorised calls, which
take milliseconds). A per-series loop that would take more than
--loop-budget seconds per repeat on all 10,000 series is timed on the first
1,000 series and scaled linearly (marked in the table).

Run:  python benchmarks/bench_transforms.py [--repeats N] [--loop-budget S]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import best_of, print_machine_info, print_table, secs  # noqa: E402

N_SERIES = 10_000
FIRST_YEAR, N_YEARS = 2001, 25
SUBSET = 1_000
VEC_REPEATS = 10  # the vectorised calls take milliseconds: repeat them more
CARRY_YEAR = 2025
NORM_YEARS = range(2015, 2020)
NORM_STATS = ("mean", "min", "max")
MIN_MOM_YEARS = 2  # a MoM series enters the pool with at least this many complete calendar years
LEVEL_UNITS = {
    "usd_per_t", "usd_per_bbl", "usd_per_kg", "usd_per_troy_oz", "usd_per_mmbtu",
    "usd_per_m3", "usd_per_dmtu", "usc_per_sheet", "index_2010_100", "index",
}


# --------------------------------------------------------------------------
# data


def real_frames() -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    from macrodesk.datasets import load

    n_rows = 12 * N_YEARS
    level_pool: list[tuple[str, np.ndarray]] = []
    mom_pool: list[tuple[str, np.ndarray]] = []  # (id, (n_years, 12) fractions)
    for s in load():
        m = s.meta
        if m.freq != "M":
            continue
        d = s.data
        if m.unit in LEVEL_UNITS:
            v = d.to_numpy(dtype=float)
            if len(v) >= n_rows and np.isfinite(v).all() and (v > 0).all():
                level_pool.append((m.id, v))
        elif m.unit in ("pct_mom", "index_prev_month_100") and m.id.startswith(("cpi", "ppi")):
            frac = d / 100.0 if m.unit == "pct_mom" else d / 100.0 - 1.0
            by_year = frac.groupby(frac.index.year)
            full = [g.to_numpy(dtype=float) for _, g in by_year if len(g) == 12 and g.notna().all()]
            if len(full) >= MIN_MOM_YEARS:
                mom_pool.append((m.id, np.vstack(full)))
    level_pool.sort()
    mom_pool.sort(key=lambda t: t[0])

    idx = pd.period_range(f"{FIRST_YEAR}-01", periods=n_rows, freq="M")
    cols = [f"s{j:05d}" for j in range(N_SERIES)]
    lv = np.empty((n_rows, N_SERIES))
    mv = np.empty((n_rows, N_SERIES))
    for j in range(N_SERIES):
        name, v = level_pool[j % len(level_pool)]
        k = j // len(level_pool)
        start = (5 * k) % (len(v) - n_rows + 1)
        lv[:, j] = v[start : start + n_rows]
        name, years = mom_pool[j % len(mom_pool)]
        k = j // len(mom_pool)
        order = np.resize(np.roll(np.arange(len(years)), -k), N_YEARS)
        mv[:, j] = years[order].reshape(-1)
    info = {
        "levels": f"{len(level_pool)} price series with >= {n_rows} complete positive months",
        "mom": f"{len(mom_pool)} CPI/PPI MoM series, complete calendar years: "
        + ", ".join(f"{n} {len(y)}" for n, y in mom_pool),
    }
    return (
        pd.DataFrame(lv, index=idx, columns=cols),
        pd.DataFrame(mv, index=idx, columns=cols),
        info,
    )


# --------------------------------------------------------------------------
# naive per-series versions


def naive_yoy(d):
    return {c: s / s.shift(12) - 1 for c, s in d.items()}


def naive_mom(d):
    return {c: s / s.shift(1) - 1 for c, s in d.items()}


def naive_cagr2y(d):
    return {c: (s / s.shift(24)) ** 0.5 - 1 for c, s in d.items()}


def naive_cumulative(d):
    out = {}
    for c, s in d.items():
        x = s[s.index.month <= 11]
        out[c] = (1 + x).groupby(x.index.year).prod() - 1
    return out


def naive_carryover(d):
    months = pd.period_range(f"{CARRY_YEAR}-01", f"{CARRY_YEAR}-12", freq="M")
    out = {}
    for c, s in d.items():
        prev = s[s.index.year == CARRY_YEAR - 1]
        out[c] = pd.Series([(1 + prev.iloc[m:]).prod() - 1 for m in range(1, 13)], index=months)
    return out


def naive_monthly_norm(d):
    out = {}
    y0, y1 = min(NORM_YEARS), max(NORM_YEARS)
    for c, s in d.items():
        w = s[(s.index.year >= y0) & (s.index.year <= y1)]
        out[c] = w.groupby(w.index.month).agg(list(NORM_STATS))
    return out


def naive_percentile_of_last(d):
    out = {}
    for c, s in d.items():
        x = s.dropna()
        out[c] = (x <= x.iloc[-1]).mean()
    return out


# --------------------------------------------------------------------------
# comparison of the two results


def _stack(d: dict, cols) -> np.ndarray:
    return np.column_stack([d[c].to_numpy(dtype=float) for c in cols])


def same_frame(vec: pd.DataFrame, naive: dict, cols) -> bool:
    return bool(np.allclose(vec[cols].to_numpy(), _stack(naive, cols), rtol=1e-12, atol=1e-15, equal_nan=True))


def same_index_frame(vec: pd.DataFrame, naive: dict, cols) -> bool:
    ok = all(vec.index.equals(naive[c].index) or list(vec.index) == list(naive[c].index) for c in cols[:50])
    return ok and same_frame(vec, naive, cols)


def same_norm(vec: pd.DataFrame, naive: dict, cols) -> bool:
    for stat in NORM_STATS:
        a = vec[stat][cols].to_numpy()
        b = np.column_stack([naive[c][stat].to_numpy(dtype=float) for c in cols])
        if not np.allclose(a, b, rtol=1e-12, atol=1e-15, equal_nan=True):
            return False
    return True


def same_series(vec: pd.Series, naive: dict, cols) -> bool:
    return bool(np.allclose(vec[cols].to_numpy(), np.array([naive[c] for c in cols]), rtol=1e-12, atol=0))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeats", type=int, default=3, help="repeats per measurement, best reported (default 3)")
    ap.add_argument(
        "--loop-budget", type=float, default=4.0,
        help="time the per-series loop on all series only if one repeat is estimated to take at most "
        "this many seconds; otherwise on the first 1,000 and scale x10 (default 4)",
    )
    args = ap.parse_args()

    import macrodesk.transforms as T

    print_machine_info(
        "bench_transforms: catalogue on 10,000 monthly series x 25 years vs a per-series pandas loop",
        ["macrodesk", "pandas", "numpy"],
    )
    t0 = time.perf_counter()
    levels, moms, info = real_frames()
    print(f"data: {N_SERIES:,} series x {len(levels)} months ({levels.index[0]}..{levels.index[-1]}), "
          f"built in {time.perf_counter() - t0:.1f} s from the bundled sample")
    print(f"  levels <- {info['levels']}")
    print(f"  MoM    <- {info['mom']}")
    t0 = time.perf_counter()
    level_d = {c: levels[c].copy() for c in levels.columns}
    mom_d = {c: moms[c].copy() for c in moms.columns}
    print(f"  per-series input: two dicts of {N_SERIES:,} pd.Series, built before timing "
          f"({time.perf_counter() - t0:.1f} s)")
    print()

    cases = [
        ("yoy", "s/s.shift(12)-1", lambda: T.yoy(levels), naive_yoy, level_d, same_frame),
        ("mom", "s/s.shift(1)-1", lambda: T.mom(levels), naive_mom, level_d, same_frame),
        ("cagr2y", "(s/s.shift(24))**.5-1", lambda: T.cagr2y(levels), naive_cagr2y, level_d, same_frame),
        ("cumulative Jan-Nov", "groupby(year).prod()", lambda: T.cumulative(moms, 1, 11),
         naive_cumulative, mom_d, same_index_frame),
        (f"carryover {CARRY_YEAR}", "12 x prod() per series", lambda: T.carryover(moms, CARRY_YEAR),
         naive_carryover, mom_d, same_index_frame),
        ("monthly_norm 2015-19", "groupby(month).agg(3)", lambda: T.monthly_norm(moms, NORM_YEARS, NORM_STATS),
         naive_monthly_norm, mom_d, same_norm),
        ("percentile_of_last", "(x<=x.iloc[-1]).mean()", lambda: T.percentile_of_last(levels),
         naive_percentile_of_last, level_d, same_series),
    ]

    rows = []
    tot_vec = tot_loop = 0.0
    scaled_any = False
    for name, naive_form, vec_fn, loop_fn, data, same in cases:
        vec_fn()  # warm-up (first call pays for lazy imports / caches)
        vbest, _vt, vres = best_of(vec_fn, max(VEC_REPEATS, args.repeats))

        probe_cols = list(data)[:200]
        probe = {c: data[c] for c in probe_cols}
        t = time.perf_counter()
        loop_fn(probe)
        estimate = (time.perf_counter() - t) * N_SERIES / len(probe_cols)
        if estimate <= args.loop_budget:
            cols, scale, how = list(data), 1.0, f"all {N_SERIES:,}"
        else:
            cols = list(data)[:SUBSET]
            scale, how = N_SERIES / SUBSET, f"first {SUBSET:,}, x{N_SERIES // SUBSET}"
            scaled_any = True
        sub = {c: data[c] for c in cols}
        lbest, _lt, lres = best_of(lambda sub=sub: loop_fn(sub), args.repeats)
        lbest *= scale

        ok = same(vres, lres, cols)
        assert ok, f"{name}: vectorised and per-series results differ"
        tot_vec += vbest
        tot_loop += lbest
        rows.append([
            name, naive_form, secs(vbest), secs(lbest), how,
            f"{lbest / N_SERIES * 1e6:.0f}", f"{lbest / vbest:,.0f}x", "yes" if ok else "NO",
        ])
    rows.append(["total", "", secs(tot_vec), secs(tot_loop), "", "", f"{tot_loop / tot_vec:,.0f}x", ""])

    print(f"best of {max(VEC_REPEATS, args.repeats)} (vectorised) / {args.repeats} (loop) runs, "
          f"time.perf_counter, seconds for all {N_SERIES:,} series")
    print_table(
        ["transform", "per-series loop", "vectorised s", "loop s", "loop timed on",
         "loop us/series", "speed-up", "allclose"],
        rows,
        align="llrrlrrl",
    )
    if scaled_any:
        print(f"Note: rows marked 'first {SUBSET:,}, x{N_SERIES // SUBSET}' timed the per-series loop on "
              f"{SUBSET:,} series and scaled linearly to {N_SERIES:,}; the allclose check ran on those "
              f"{SUBSET:,} series.")


if __name__ == "__main__":
    main()
