"""Benchmark: real-time CPI/PPI nowcast backtests, speed (months per second) and accuracy.

Data: the bundled real sample (``macrodesk.datasets.load()``), as a dict of
MacroSeries (no store I/O is timed). Backtest window 2015-01..2022-12 (96 months
per target), every month re-estimated on its own information set (data as of
the month's last day).

Models, each timed on both targets in the same run:

  naive    random walk on the same real-time machinery: the nowcast of month t is
           the last published YoY (t-1). It builds the same information set at
           every origin, so its speed is the cost of the real-time data handling
           alone; it is the baseline of the speed ratios.
  bridge   bottom-up bridge (ridge with basket-weight priors for CPI, OLS for PPI)
  dfm      one-factor DynamicFactorMQ, estimated by EM at every origin
  combo    inverse-MSE combination of bridge and dfm (its members' nowcasts over
           the 24 months before the window are part of the run)

Timings use time.perf_counter; naive and bridge are the best of --repeats runs,
dfm and combo run once (they take tens of seconds). Accuracy: MAE of the printed
nowcast (rounded to 0.1 like the NBS print) against the published YoY, next to
the Wind consensus and the random walk over the same months, for 2015-2019,
2020-2022 and the whole window.

Run:  python benchmarks/bench_nowcast.py [--repeats N] [--start 2015-01] [--end 2022-12] [--models bridge,dfm,combo]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import best_of, print_machine_info, print_table, secs  # noqa: E402

PERIODS = {"2015-2019": ("2015-01", "2019-12"), "2020-2022": ("2020-01", "2022-12")}


def _naive_class():
    from macrodesk.models._base import NotComputable
    from macrodesk.models.nowcast import Nowcast, Nowcaster
    from macrodesk.models.nowcast.base import anchor_of
    from macrodesk.exceptions import ModelError

    class RandomWalk(Nowcaster):
        """y^_t = y_{t-1}: a MoM equal to the base month's keeps the YoY where it was."""

        name = "naive"

        def series_ids(self):
            return (self.target.yoy_id, self.target.mom_id)

        def fit(self, info):
            return self

        def predict(self, info):
            try:
                hist = info.target(self.target.yoy_id, self.target.mom_id)
                anchor, base = anchor_of(hist, info.month)
            except ModelError as exc:
                return NotComputable("random walk", str(exc))
            return Nowcast(self.target, "naive", info.month, info.as_of, base, anchor, base, 0.0)

    return RandomWalk


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--start", default="2015-01")
    ap.add_argument("--end", default="2022-12")
    ap.add_argument("--models", default="bridge,dfm,combo")
    args = ap.parse_args()

    print_machine_info("bench_nowcast: real-time CPI/PPI nowcast backtests", ["numpy", "pandas", "statsmodels"])

    from macrodesk.datasets import load
    from macrodesk.importers import merge_series
    from macrodesk.models.nowcast import make_model, month_range

    data = {s.id: s for s in merge_series(load())}
    months = len(month_range(args.start, args.end))
    RandomWalk = _naive_class()
    names = ["naive"] + [m.strip() for m in args.models.split(",") if m.strip()]

    speed_rows, acc_rows = [], []
    for target in ("cpi_yoy", "ppi_yoy"):
        base_t = None
        for name in names:
            model = RandomWalk(target) if name == "naive" else make_model(name, target)
            reps = args.repeats if name in ("naive", "bridge") else 1
            best, _times, res = best_of(lambda m=model: m.backtest(data, args.start, args.end), reps)
            if name == "naive":
                base_t = best
            st = res.stats()
            speed_rows.append([
                target, name, f"{reps}", secs(best), f"{months / best:.1f}",
                f"{best / base_t:.1f}x" if base_t else "",
            ])
            row = [target, name, str(st["n"]), f"{st['mae']:.4f}", f"{st['rmse']:.4f}", f"{st['bias']:+.4f}",
                   f"{st['within_0_1'] * 100:.0f}%"]
            for a, b in PERIODS.values():
                row.append(f"{res.stats(a, b)['mae']:.4f}")
            row += [f"{st['consensus_mae']:.4f}", f"{st['random_walk_mae']:.4f}"]
            for a, b in PERIODS.values():
                row.append(f"{res.stats(a, b)['consensus_mae']:.4f}")
            acc_rows.append(row)

    print(f"Backtest {args.start}..{args.end} ({months} months per target); seconds = best of the runs shown")
    print_table(["target", "model", "runs", "seconds", "months/s", "time vs naive"], speed_rows, align="llrrrr")
    print("Accuracy of the printed nowcast (pp); consensus and random walk over the same months")
    print_table(
        ["target", "model", "n", "MAE", "RMSE", "bias", "within 0.1", "MAE 15-19", "MAE 20-22",
         "consensus MAE", "random walk MAE", "cons. 15-19", "cons. 20-22"],
        acc_rows,
        align="llrrrrrrrrrrr",
    )


if __name__ == "__main__":
    t0 = time.perf_counter()
    main()
    print(f"total {time.perf_counter() - t0:.1f} s")
