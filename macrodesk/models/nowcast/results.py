"""Backtest results: one row per month and the error statistics (sentences, charts and
tables in a language come from :mod:`macrodesk.reports.views.nowcast`).

:class:`BacktestResult` holds one row per month (percent, as published): the
nowcast as it would print (rounded to 0.1), the actual, the error, the
consensus, the random walk (``y_{t-1}``), the unrounded nowcast with its 80%
interval and the MoM nowcast. Statistics (pp): MAE, RMSE, bias (mean of
nowcast − actual) and the share of months within ±0.1 pp; the same for the
consensus and the random walk over the months where each exists.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from macrodesk.models._base import ResultsMixin
from macrodesk.models.nowcast.base import TargetSpec
from macrodesk.series._container import SeriesMeta

__all__ = ["BacktestResult", "error_stats"]

_TOL = 1e-9


def error_stats(err: pd.Series | np.ndarray) -> dict[str, float]:
    """``n``, ``mae``, ``rmse``, ``bias`` and ``within_0_1`` (share with ``|e| <= 0.1``) of errors in pp."""
    e = np.asarray(err, dtype=float)
    e = e[np.isfinite(e)]
    if e.size == 0:
        return {"n": 0, "mae": np.nan, "rmse": np.nan, "bias": np.nan, "within_0_1": np.nan}
    return {
        "n": int(e.size),
        "mae": float(np.mean(np.abs(e))),
        "rmse": float(np.sqrt(np.mean(e**2))),
        "bias": float(np.mean(e)),
        "within_0_1": float(np.mean(np.abs(e) <= 0.1 + _TOL)),
    }


@dataclass(frozen=True, eq=False)
class BacktestResult(ResultsMixin):
    """A rolling real-time backtest of one model on one target (see the module docstring).

    ``sources`` are the metadata of the target and the consensus (the source line);
    ``inputs`` the ids of every series the backtest read (model inputs, target, consensus).
    """

    target: TargetSpec
    model: str
    rows: pd.DataFrame
    reconciled: tuple[pd.Period, ...] = ()
    failed: tuple[str, ...] = ()
    sources: tuple[SeriesMeta, ...] = ()
    release_day: int = 15
    inputs: tuple[str, ...] = ()
    computable: ClassVar[bool] = True

    # -- statistics ---------------------------------------------------------------------
    def _slice(self, start: Any = None, end: Any = None) -> pd.DataFrame:
        r = self.rows
        if start is not None:
            r = r[r.index >= pd.Period(str(start), freq="M")]
        if end is not None:
            r = r[r.index <= pd.Period(str(end), freq="M")]
        return r

    def stats(self, start: Any = None, end: Any = None) -> dict[str, Any]:
        """Model, consensus and random-walk statistics over ``start..end`` (default: all months).

        The consensus and the random walk are scored on the months where the model
        has a nowcast and they exist, so the three are compared on the same months
        (``consensus_n`` says how many).
        """
        r = self._slice(start, end)
        has = r["nowcast"].notna() & r["actual"].notna()
        model = error_stats(r.loc[has, "error"])
        cmask = has & r["consensus"].notna()
        cons = error_stats((r["consensus"] - r["actual"])[cmask])
        rw = error_stats((r["random_walk"] - r["actual"])[has & r["random_walk"].notna()])
        unr = error_stats((r["nowcast_unrounded"] - r["actual"])[has])
        out: dict[str, Any] = dict(model)
        out["mae_unrounded"] = unr["mae"]
        out["model_mae_on_consensus_months"] = error_stats(r.loc[cmask, "error"])["mae"]
        for k, v in cons.items():
            out[f"consensus_{k}"] = v
        for k, v in rw.items():
            out[f"random_walk_{k}"] = v
        return out

    @property
    def mae(self) -> float:
        return self.stats()["mae"]

    @property
    def rmse(self) -> float:
        return self.stats()["rmse"]

    @property
    def bias(self) -> float:
        return self.stats()["bias"]

    @property
    def within(self) -> float:
        """Share of months whose printed nowcast is within ±0.1 pp of the actual."""
        return self.stats()["within_0_1"]

    @property
    def consensus_mae(self) -> float:
        return self.stats()["consensus_mae"]

    @property
    def random_walk_mae(self) -> float:
        return self.stats()["random_walk_mae"]

    @property
    def start(self) -> pd.Period:
        return self.rows.index[0]

    @property
    def end(self) -> pd.Period:
        return self.rows.index[-1]

    def by_period(self, periods: Mapping[str, tuple[Any, Any]] | None = None) -> pd.DataFrame:
        """One row per period (default: each calendar year, then the whole sample).

        Columns: n, MAE, RMSE, bias, within ±0.1, consensus MAE, random-walk MAE (pp).
        """
        if periods is None:
            years = sorted({p.year for p in self.rows.index})
            periods = {str(y): (f"{y}-01", f"{y}-12") for y in years}
        table = {}
        for name, (a, b) in periods.items():
            table[name] = self.stats(a, b)
        table["all"] = self.stats()
        cols = ["n", "mae", "rmse", "bias", "within_0_1", "consensus_mae", "random_walk_mae"]
        return pd.DataFrame(table).T[cols]

    # -- numbers out ------------------------------------------------------------------
    def to_frame(self) -> pd.DataFrame:
        """The monthly rows (percent): nowcast, actual, error, consensus, random walk, interval, MoM."""
        return self.rows.copy()

    def summary(self) -> pd.DataFrame:
        """Error statistics (pp) by calendar year and for the whole sample (:meth:`by_period`)."""
        return self.by_period()

    def to_dict(self, digits: int = 4) -> dict[str, Any]:
        """``{"target", "model", "rows": [{"month", "nowcast", "actual", …}], "mae", "rmse", "bias", …}``
        (percent, rounded to ``digits``), the shape of ``to_json()``."""

        def val(x: Any) -> float | None:
            return None if x is None or not np.isfinite(x) else round(float(x), digits)

        st = self.stats()
        rows = [
            {
                "month": p,
                "nowcast": val(r["nowcast"]),
                "actual": val(r["actual"]),
                "error": val(r["error"]),
                "consensus": val(r["consensus"]),
                "random_walk": val(r["random_walk"]),
                "nowcast_unrounded": val(r["nowcast_unrounded"]),
                "interval_80": [val(r["lower"]), val(r["upper"])],
                "nowcast_mom": val(r["nowcast_mom"]),
                "actual_mom": val(r["actual_mom"]),
            }
            for p, r in self.rows.iterrows()
        ]
        out: dict[str, Any] = {
            "target": self.target.yoy_id,
            "model": self.model,
            "start": self.start.strftime("%Y-%m"),
            "end": self.end.strftime("%Y-%m"),
            "rows": rows,
            "n": st["n"],
            "mae": val(st["mae"]),
            "rmse": val(st["rmse"]),
            "bias": val(st["bias"]),
            "within_0_1": val(st["within_0_1"]),
            "mae_unrounded": val(st["mae_unrounded"]),
            "consensus_mae": val(st["consensus_mae"]),
            "consensus_n": st["consensus_n"],
            "random_walk_mae": val(st["random_walk_mae"]),
            "random_walk_n": st["random_walk_n"],
            "by_year": {
                k: {c: (int(v) if c == "n" else val(v)) for c, v in row.items()}
                for k, row in self.by_period().drop(index="all").iterrows()
            },
        }
        if self.reconciled:
            out["reconciled_mom"] = [p.strftime("%Y-%m") for p in self.reconciled]
        if self.failed:
            out["not_computable"] = list(self.failed)
        return out
