"""Benchmark: reading a large Wind EDB Excel export.

Builds a Wind-style .xlsx (1,000 monthly series x 25 years = 300 month-end rows,
label rows 指标名称/频率/单位/指标ID/来源 in column A above the dates, footer
``数据来源：Wind``) in a temporary directory, then times

  (a) macrodesk.importers.wind.read_wind  -- calamine parse + validation + MacroSeries
  (b) naive baseline: pandas.read_excel(engine="openpyxl", header=None) followed by
      the reshaping an analyst would write by hand (header rows -> metadata, date
      rows -> one pd.Series per column)
  (c) raw pandas.read_excel(engine="calamine", header=None), no reshaping (reference)
  (d) (c) + the same hand-written reshaping as (b) (reference: parser vs. reshape cost)

Every cell value is a real published number from the bundled sample
(macrodesk.datasets.load()): the monthly pct series (YoY/MoM) and commodity
prices/indices are cycled across the 1,000 columns, each copy rotated by a
different number of months and tiled to 300 rows. Nothing is random.

Peak memory: each reader runs once in a fresh subprocess, which reports its peak
resident set size (VmHWM from /proc/self/status; the peak mark is reset with
/proc/self/clear_refs after the imports, so "above imports" is what the read
itself added). ru_maxrss is only a fallback off Linux: on Linux it is inherited
from the parent across fork+exec, so it would report the parent's peak.
tracemalloc is not used because it cannot see the Rust allocations of calamine.

Run:  python benchmarks/bench_import.py [--repeats N]
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import best_of, print_machine_info, print_table, ratio, secs  # noqa: E402

N_SERIES = 1_000
N_YEARS = 25
FIRST_YEAR = 2001
LABELS = ("指标名称", "频率", "单位", "指标ID", "来源")

# unit code of the sample series -> the 单位 text Wind prints for it
WIND_UNIT_TEXT = {
    "pct_yoy": "%",
    "pct_mom": "%",
    "usd_per_t": "美元/吨",
    "usd_per_bbl": "美元/桶",
    "index_2010_100": "2010年=100",
}


# --------------------------------------------------------------------------
# the workbook


def month_ends(first_year: int, n_years: int) -> list[dt.datetime]:
    return [
        dt.datetime(y, m, calendar.monthrange(y, m)[1])
        for y in range(first_year, first_year + n_years)
        for m in range(1, 13)
    ]


def real_pool() -> list[dict]:
    """Monthly sample series usable as Wind columns: pct YoY/MoM and commodity prices."""
    from macrodesk.datasets import load

    pool = []
    for s in load():
        m = s.meta
        if m.freq != "M" or m.unit not in WIND_UNIT_TEXT:
            continue
        vals = s.data.dropna().to_numpy(dtype=float)
        if len(vals) < 24:
            continue
        name = m.name_zh or m.name_en or m.id
        # Wind reads '%' together with the name: make sure the name says which rate it is
        if m.unit == "pct_yoy" and "同比" not in name:
            name += ":当月同比"
        if m.unit == "pct_mom" and "环比" not in name:
            name += ":环比"
        pool.append({"id": m.id, "unit": m.unit, "name": name, "source": m.source, "values": vals})
    pool.sort(key=lambda p: (p["unit"].startswith("pct"), p["id"]))
    return pool


def build_columns(pool: list[dict], n_series: int, n_rows: int) -> list[dict]:
    """Cycle through the pool; copy k of a series is rotated by 7*k months, tiled to n_rows."""
    cols = []
    for j in range(n_series):
        p = pool[j % len(pool)]
        k = j // len(pool)
        vals = np.resize(np.roll(p["values"], -7 * k), n_rows)
        cols.append(
            {
                "id": f"B{j + 1:07d}",  # a Wind-looking 指标ID (the sample ids are kept in the name)
                "name": f"{p['name']}[{p['id']}#{k}]",
                "freq": "月",
                "unit_text": WIND_UNIT_TEXT[p["unit"]],
                "unit": p["unit"],
                "source": p["source"],
                "values": vals.tolist(),
            }
        )
    return cols


def write_wind_xlsx(path: Path, cols: list[dict], dates: list[dt.datetime]) -> None:
    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Sheet1")
    ws.append(["指标名称"] + [c["name"] for c in cols])
    ws.append(["频率"] + [c["freq"] for c in cols])
    ws.append(["单位"] + [c["unit_text"] for c in cols])
    ws.append(["指标ID"] + [c["id"] for c in cols])
    ws.append(["来源"] + [c["source"] for c in cols])
    for i, d in enumerate(dates):
        ws.append([d] + [c["values"][i] for c in cols])
    ws.append([])
    ws.append(["数据来源：Wind"])
    wb.save(str(path))


# --------------------------------------------------------------------------
# the readers


def read_macrodesk(path: Path):
    from macrodesk.importers.wind import read_wind

    return read_wind(path)


def _naive_reshape(raw: pd.DataFrame) -> dict[str, dict]:
    """What an analyst writes after read_excel(header=None): header rows by hand, one Series per column."""
    first = raw.iloc[:, 0]
    is_date = first.map(lambda v: isinstance(v, (dt.datetime, dt.date))).to_numpy(dtype=bool)
    header_rows = [i for i in range(int(np.argmax(is_date))) if str(first.iloc[i]).strip() in LABELS]
    hdr = raw.iloc[header_rows].set_index(raw.columns[0])
    dates = pd.DatetimeIndex(pd.to_datetime(first[is_date]))
    out: dict[str, dict] = {}
    for col in raw.columns[1:]:
        sid = str(hdr.at["指标ID", col]).strip()
        values = pd.to_numeric(raw.loc[is_date, col], errors="coerce").to_numpy(dtype=float)
        s = pd.Series(values, index=dates, name=sid).dropna()
        out[sid] = {
            "name": hdr.at["指标名称", col],
            "freq": hdr.at["频率", col],
            "unit": hdr.at["单位", col],
            "source": hdr.at["来源", col],
            "data": s,
        }
    return out


def read_openpyxl_naive(path: Path):
    return _naive_reshape(pd.read_excel(path, engine="openpyxl", header=None))


def read_calamine_raw(path: Path):
    return pd.read_excel(path, engine="calamine", header=None)


def read_calamine_naive(path: Path):
    return _naive_reshape(pd.read_excel(path, engine="calamine", header=None))


METHODS = {
    "macrodesk": ("(a) macrodesk read_wind (calamine + validation + MacroSeries)", read_macrodesk),
    "openpyxl_naive": ("(b) pandas read_excel openpyxl + hand reshape [baseline]", read_openpyxl_naive),
    "calamine_raw": ("(c) pandas read_excel calamine, raw DataFrame only", read_calamine_raw),
    "calamine_naive": ("(d) pandas read_excel calamine + same hand reshape", read_calamine_naive),
}


def _proc_status_mb(field: str) -> float | None:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return None


def _reset_peak() -> bool:
    """Reset this process's peak-RSS mark (Linux >= 4.0: write 5 to /proc/self/clear_refs)."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
            fh.write("5")
        return True
    except OSError:
        return False


def _peak_mb() -> float:
    hwm = _proc_status_mb("VmHWM")
    if hwm is not None:
        return hwm
    r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return r / 1024 / 1024 if sys.platform == "darwin" else r / 1024  # bytes on macOS, KiB on Linux


def child(method: str, path: str) -> None:
    """Run one reader once in this (fresh) process and print its peak RSS as JSON."""
    # import what the reader needs first, so the delta is the read itself
    if method == "macrodesk":
        import macrodesk.importers.wind  # noqa: F401
        import python_calamine  # noqa: F401
    elif method == "openpyxl_naive":
        import openpyxl  # noqa: F401
    else:
        import python_calamine  # noqa: F401
    reset = _reset_peak()
    before = _proc_status_mb("VmRSS") if reset else _peak_mb()
    res = METHODS[method][1](Path(path))
    after = _peak_mb()
    print(json.dumps({"before_mb": before, "peak_mb": after, "n": len(res), "reset": reset}))


def measure_memory(method: str, path: Path) -> dict:
    proc = subprocess.run(
        [sys.executable, __file__, "--child", method, str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"memory child for {method} failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------


def check_same(md_series, naive: dict[str, dict]) -> None:
    """The baseline and macrodesk must read the same numbers (else the comparison is moot)."""
    assert len(md_series) == len(naive) == N_SERIES, (len(md_series), len(naive))
    for ms in md_series:
        ref = naive[ms.id]["data"]
        got = ms.data
        assert len(got) == len(ref), ms.id
        assert np.allclose(got.to_numpy(), ref.to_numpy(), rtol=0, atol=0), ms.id
        assert got.index[0].to_timestamp(how="end").normalize() == ref.index[0], ms.id


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeats", type=int, default=3, help="repeats per reader; the best is reported (default 3)")
    ap.add_argument("--child", nargs=2, metavar=("METHOD", "PATH"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(*args.child)
        return

    print_machine_info(
        "bench_import: Wind EDB workbook, 1,000 monthly series x 25 years",
        ["macrodesk", "pandas", "numpy", "python-calamine", "openpyxl"],
    )

    t0 = time.perf_counter()
    pool = real_pool()
    dates = month_ends(FIRST_YEAR, N_YEARS)
    cols = build_columns(pool, N_SERIES, len(dates))
    n_units = pd.Series([c["unit"] for c in cols]).value_counts().to_dict()
    print(
        f"data: {len(pool)} real monthly sample series cycled over {N_SERIES} columns "
        f"(units: {n_units}); {len(dates)} month-end rows {dates[0]:%Y-%m}..{dates[-1]:%Y-%m}; "
        f"{N_SERIES * len(dates):,} numeric cells"
    )

    with tempfile.TemporaryDirectory(prefix="macrodesk-bench-") as tmp:
        path = Path(tmp) / "wind_export_1000x300.xlsx"
        t1 = time.perf_counter()
        write_wind_xlsx(path, cols, dates)
        print(
            f"workbook: {path.name}, {path.stat().st_size / 1e6:.1f} MB, written with openpyxl write-only "
            f"in {time.perf_counter() - t1:.1f} s (set-up incl. loading the sample: "
            f"{time.perf_counter() - t0:.1f} s)"
        )

        # warm imports so no reader is charged for importing its library
        import openpyxl  # noqa: F401
        import python_calamine  # noqa: F401
        import macrodesk.importers.wind  # noqa: F401

        results: dict[str, tuple[float, list[float]]] = {}
        outputs = {}
        for key, (_label, fn) in METHODS.items():
            best, times, out = best_of(lambda fn=fn: fn(path), args.repeats)
            results[key] = (best, times)
            outputs[key] = out

        check_same(outputs["macrodesk"], outputs["openpyxl_naive"])
        units_ok = all(ms.meta.unit == c["unit"] for ms, c in zip(outputs["macrodesk"], cols))
        print(
            f"check: read_wind and the openpyxl baseline return the same {N_SERIES} series and identical "
            f"values; read_wind units match the sample's unit codes: {units_ok}"
        )
        print()

        mem = {key: measure_memory(key, path) for key in METHODS}

    base = results["macrodesk"][0]
    rows = []
    for key, (label, _fn) in METHODS.items():
        best, times = results[key]
        m = mem[key]
        rows.append(
            [
                label,
                secs(best),
                " ".join(secs(t) for t in times),
                f"{N_SERIES / best:,.0f}",
                ratio(best, base),
                f"{m['peak_mb']:.0f}",
                f"{m['peak_mb'] - m['before_mb']:.0f}",
            ]
        )
    print(
        f"best of {args.repeats} (time.perf_counter); memory = peak RSS (VmHWM) of one read in a fresh "
        f"subprocess{'' if all(m['reset'] for m in mem.values()) else ' (peak mark could not be reset: RSS above imports is approximate)'}"
    )
    print_table(
        ["reader", "best s", "all runs s", "series/s", "x macrodesk", "peak RSS MB", "RSS above imports MB"],
        rows,
    )
    b, a = results["openpyxl_naive"][0], results["macrodesk"][0]
    print(f"RATIO openpyxl baseline / macrodesk read_wind = {b / a:.1f}x  ({secs(b)} s vs {secs(a)} s)")
    c = results["calamine_raw"][0]
    print(f"      macrodesk read_wind / raw calamine read_excel = {a / c:.2f}x  "
          f"(cost of validation + MacroSeries over a bare parse)")


if __name__ == "__main__":
    main()
