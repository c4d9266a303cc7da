"""Benchmark: real-time CPI/PPI nowcast backtests, speed (months per second) and accuracy.

Data: the bundled real sample (``macrodesk.datasets.load()``), as a dict of
MacroSeries (no store I/O is timed). Backtest window 2015-01..2025-12 (132 months
per target), every month re-estimated on its own information set (data as of
the month's last day). Models were tuned on 2015-2022 only; 2023-2025 is the
out-of-sample evaluation (food prices and the consensus stop at 2022-12, so there
the CPI models run without wholesale food prices and no consensus exists).

Models, each timed on both targets in the same run:

  naive    random walk on the same real-time machinery: the nowcast of month t is
           the last published YoY (t-1). It builds the same information set at
           every origin, so its speed is the cost of the real-time data handling
           alone; it is the baseline of the speed ratios.
  bridge   bottom-up bridge (ridge with basket-weight priors for CPI; for PPI a light
           ridge toward zero, daily prices averaged over days 1-10 and 16-25)
  dfm      one-factor DynamicFactorMQ, estimated by EM at every origin
  combo    inverse-MSE combination of bridge and dfm (its members' nowcasts over
           the 24 months before the window are part of the run)
  sf       CPI only: Spring-Festival-aware seasonal norm (days before, during and
           after the holiday), known retail fuel prices when imported
  groups   PPI only: bottom-up by major group, pass-through with forgetting
  evidence the default: members weighted by the share of the trailing 12 months
           in which each beat the others (CPI sf+bridge; PPI the bridge alone)

Timings use time.perf_counter; naive and bridge are the best of --repeats runs,
dfm and combo run once (they take tens of seconds). Accuracy: MAE of the printed
nowcast (rounded to 0.1 like the NBS print) against the published YoY, next to
the Wind consensus and the random walk over the same months, for 2015-2019,
2020-2022, 2015-2022 and 2023-2025; Diebold-Mariano tests (HLN-corrected, on
absolute and squared errors, two-sided p) of each model against the consensus
and the random walk.

Then the commodity elasticities the linked PPI scenarios use (``ppi_2026.toml``):
PPI MoM on the log MoMs of Brent and copper (World Bank monthly averages), OLS
with Newey-West errors fitted on months up to 2022-12, next to the seed's
four-factor loadings (Brent via diesel 0.0738, copper 0.0141); each set of slopes
with its own intercept (fitted on the same months) predicts PPI MoM from the
actual commodity moves, MAE in-sample and over 2023-2025 (evaluation only).

Run:  python benchmarks/bench_nowcast.py [--repeats N] [--start 2015-01] [--end 2025-12]
                                         [--models bridge,sf,groups,evidence]   (dfm, combo also)
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import best_of, print_machine_info, print_table, secs  # noqa: E402

PERIODS = {"2015-2019": ("2015-01", "2019-12"), "2020-2022": ("2020-01", "2022-12"),
           "2015-2022": ("2015-01", "2022-12"), "2023-2025": ("2023-01", "2025-12")}


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
    ap.add_argument("--end", default="2025-12")
    ap.add_argument("--models", default="bridge,sf,groups,evidence")
    args = ap.parse_args()

    print_machine_info("bench_nowcast: real-time CPI/PPI nowcast backtests", ["numpy", "pandas", "statsmodels"])

    from macrodesk.datasets import load
    from macrodesk.importers import merge_series
    from macrodesk.exceptions import ModelError
    from macrodesk.models.nowcast import backtest_dm, make_model, month_range

    data = {s.id: s for s in merge_series(load())}
    months = len(month_range(args.start, args.end))
    RandomWalk = _naive_class()
    names = ["naive"] + [m.strip() for m in args.models.split(",") if m.strip()]

    speed_rows, acc_rows, dm_rows = [], [], []
    for target in ("cpi_yoy", "ppi_yoy"):
        base_t = None
        for name in names:
            try:
                model = RandomWalk(target) if name == "naive" else make_model(name, target)
            except ModelError:
                continue  # a one-target model (sf: CPI, groups: PPI)
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
                row.append(_f(res.stats(a, b)["mae"]))
            for a, b in PERIODS.values():
                row.append(_f(res.stats(a, b)["consensus_mae"]))
            row.append(_f(res.stats(*PERIODS["2023-2025"])["random_walk_mae"]))
            acc_rows.append(row)
            if name == "naive":
                continue
            for pname in ("2015-2022", "2023-2025"):
                a, b = PERIODS[pname]
                sub = res.stats(a, b)
                cells = [target, name, pname, str(sub["n"]), _f(sub["mae"]), _f(sub["rmse"]), _f(sub["bias"], True),
                         f"{sub['within_0_1'] * 100:.0f}%" if sub["n"] else ""]
                for loss in ("abs", "squared"):
                    t = backtest_dm(res, a, b, loss=loss)
                    for bench in ("consensus", "random_walk"):
                        d = t[bench]
                        cells.append("" if d is None else f"{d.stat:+.2f} ({d.p_value:.3f})")
                dm_rows.append(cells)

    print(f"Backtest {args.start}..{args.end} ({months} months per target); seconds = best of the runs shown")
    print_table(["target", "model", "runs", "seconds", "months/s", "time vs naive"], speed_rows, align="llrrrr")
    print("Accuracy of the printed nowcast (pp); consensus and random walk over the same months")
    print_table(
        ["target", "model", "n", "MAE", "RMSE", "bias", "within 0.1", "MAE 15-19", "MAE 20-22", "MAE 15-22",
         "MAE 23-25", "cons. 15-19", "cons. 20-22", "cons. 15-22", "cons. 23-25", "RW 23-25"],
        acc_rows,
        align="llrrrrrrrrrrrrrr",
    )
    print("Diebold-Mariano (HLN) of the printed nowcast: statistic (two-sided p); negative = model better")
    print_table(
        ["target", "model", "period", "n", "MAE", "RMSE", "bias", "within 0.1", "|e| vs cons.", "|e| vs RW",
         "e^2 vs cons.", "e^2 vs RW"],
        dm_rows,
        align="lllrrrrrrrrr",
    )
    _elasticities(data)


SEED_ELASTICITIES = {"brent": 0.0738, "copper": 0.0141}


def _elasticities(data) -> None:
    """Fitted (to 2022-12) vs the seed's Brent/copper elasticities of PPI MoM, and how each predicts PPI MoM."""
    import numpy as np
    import pandas as pd

    from macrodesk.models import commodity_elasticities

    y = data["ppi_mom"].data / 100
    lv = {"brent": data["wb_crude_oil_brent"].data, "copper": data["wb_copper"].data}
    fit = commodity_elasticities(y, lv, end="2022-12")
    x = pd.DataFrame({k: np.log(v).diff() for k, v in lv.items()})
    rows = []
    for name, slopes in (("fitted to 2022", fit.elasticities), ("seed (YoY model)", SEED_ELASTICITIES)):
        b = pd.Series(slopes)
        insample = pd.concat([y, x], axis=1).loc[fit.sample[0]:fit.sample[1]].dropna()
        a = float((insample.iloc[:, 0] - insample[list(b.index)] @ b).mean())
        pred = a + x[list(b.index)] @ b
        err = (pred - y) * 100
        se = fit.std_err if name.startswith("fitted") else {}
        rows.append([name] + [f"{slopes[k]:.4f}" + (f" ({se[k]:.4f})" if se else "") for k in ("brent", "copper")]
                    + [f"{float(err.loc[fit.sample[0]:fit.sample[1]].abs().mean()):.4f}",
                       f"{float(err.loc['2023-01':'2025-12'].abs().mean()):.4f}"])
    print(f"PPI MoM elasticities (pp per 1% of the commodity's monthly mean), fit {fit.sample[0]}..{fit.sample[1]}, "
          f"n={fit.nobs}, R2={fit.rsquared:.3f}, Newey-West s.e. in brackets")
    print_table(["slopes", "Brent", "copper", "MAE of PPI MoM, fit months", "MAE 2023-25"], rows, align="lrrrr")


def _f(x: float, signed: bool = False) -> str:
    if x is None or x != x:
        return ""
    return f"{x:+.4f}" if signed else f"{x:.4f}"


if __name__ == "__main__":
    t0 = time.perf_counter()
    main()
    print(f"total {time.perf_counter() - t0:.1f} s")
