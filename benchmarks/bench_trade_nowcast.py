"""The export nowcast's real-time backtest on the bundled sample: MAE against a random walk and a
seasonal naive, 2019-2022 (the tuning years), 2023-2025 (out of sample) and 2019-2025, and its time.

    python benchmarks/bench_trade_nowcast.py [--start 2019-01] [--end 2025-12]
"""

from __future__ import annotations

import argparse
import platform
import time

import pandas as pd


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--start", default="2019-01")
    ap.add_argument("--end", default="2025-12")
    a = ap.parse_args()
    from macrodesk.datasets import load_sample
    from macrodesk.models.nowcast.exports import ExportNowcaster

    print(f"python {platform.python_version()} on {platform.platform()}, pandas {pd.__version__}")
    data = load_sample()
    model = ExportNowcaster()
    t0 = time.perf_counter()
    bt = model.backtest(data, a.start, a.end)
    secs = time.perf_counter() - t0
    print(f"{len(bt.rows)} prints (Jan-Feb as one) in {secs:.1f} s")
    for lo, hi in (("2019-01", "2022-12"), ("2023-01", "2025-12"), (a.start, a.end)):
        s = bt.stats(lo, hi)
        print(f"\n{lo}..{hi}: nowcast MAE / random-walk MAE = {bt.mae_ratio(lo, hi):.2f}")
        print(s.round(2).to_string())


if __name__ == "__main__":
    main()
