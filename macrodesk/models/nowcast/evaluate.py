"""Forecast comparison: the Diebold–Mariano test with the Harvey–Leybourne–Newbold correction.

For two forecasts of the same months with errors ``e1_t`` and ``e2_t`` and a loss
``L`` (absolute or squared error), the loss differential is ``d_t = L(e1_t) - L(e2_t)``
(negative when forecast 1 is better). With ``T`` months, horizon ``h`` and the
autocovariances ``g_k = (1/T) sum_{t>k} (d_t - dbar)(d_{t-k} - dbar)``::

    DM  = dbar / sqrt((g_0 + 2 sum_{k=1}^{h-1} g_k) / T)
    DM* = DM * sqrt((T + 1 - 2h + h(h-1)/T) / T)          (Harvey, Leybourne and Newbold 1997)

and ``DM*`` is compared with Student's t with ``T - 1`` degrees of freedom. A
nowcast is a horizon-1 forecast (``h = 1``: the variance is ``g_0`` alone).
statsmodels has no DM test; this is the textbook formula.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from macrodesk.exceptions import ModelError
from macrodesk.models._base import ResultsMixin

__all__ = ["DMTest", "diebold_mariano", "backtest_dm"]

_LOSSES = ("abs", "squared")
_ALTERNATIVES = ("two-sided", "less", "greater")


@dataclass(frozen=True)
class DMTest(ResultsMixin):
    """A Diebold–Mariano comparison of forecast 1 with forecast 2 (see the module docstring).

    ``mean_diff`` is ``dbar`` (loss units, e.g. pp of absolute error), ``stat`` the
    HLN-corrected statistic, ``p_value`` against ``alternative``: ``'two-sided'``
    (the losses differ), ``'less'`` (forecast 1 has the smaller loss) or
    ``'greater'``.
    """

    stat: float
    p_value: float
    n: int
    mean_diff: float
    loss: str
    h: int
    alternative: str
    computable: ClassVar[bool] = True

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame([self.to_dict()])

    def to_dict(self) -> dict[str, Any]:
        return {"stat": self.stat, "p_value": self.p_value, "n": self.n, "mean_diff": self.mean_diff,
                "loss": self.loss, "h": self.h, "alternative": self.alternative}

    def summary(self) -> pd.DataFrame:
        return self.to_frame()


def diebold_mariano(
    e1: Any, e2: Any, *, loss: str = "abs", h: int = 1, alternative: str = "two-sided"
) -> DMTest:
    """Diebold–Mariano test (HLN small-sample correction) of errors ``e1`` against ``e2``.

    ``e1`` and ``e2`` are aligned errors (arrays or Series on the same index);
    months where either is missing are dropped. Raises :class:`ModelError` for a
    bad ``loss``/``h``/``alternative`` or fewer than 3 common months. When the
    loss differential is constant the statistic is undefined: ``stat`` and
    ``p_value`` are NaN (or the test is exact: p = 1 for identical losses).
    """
    from scipy.special import stdtr  # type: ignore[import-untyped]  # Student t CDF, light to import

    if loss not in _LOSSES:
        raise ModelError(f"loss must be one of {', '.join(_LOSSES)}; got {loss!r}")
    if alternative not in _ALTERNATIVES:
        raise ModelError(f"alternative must be one of {', '.join(_ALTERNATIVES)}; got {alternative!r}")
    if isinstance(h, bool) or not isinstance(h, (int, np.integer)) or h < 1:
        raise ModelError(f"h must be a positive integer; got {h!r}")
    if isinstance(e1, pd.Series) and isinstance(e2, pd.Series):
        both = pd.concat([e1, e2], axis=1).to_numpy(float)
        a, b = both[:, 0], both[:, 1]
    else:
        a, b = np.asarray(e1, float), np.asarray(e2, float)
        if a.shape != b.shape:
            raise ModelError(f"the two error series must have the same length; got {a.shape} and {b.shape}")
    ok = np.isfinite(a) & np.isfinite(b)
    a, b = a[ok], b[ok]
    T = int(a.size)
    if T < 3:
        raise ModelError(f"a Diebold–Mariano test needs at least 3 common months; got {T}")
    d = (np.abs(a) - np.abs(b)) if loss == "abs" else (a**2 - b**2)
    dbar = float(d.mean())
    dc = d - dbar
    var = float(dc @ dc) / T
    for k in range(1, h):
        var += 2.0 * float(dc[k:] @ dc[:-k]) / T
    if var <= 0 or not np.isfinite(var):
        p = 1.0 if dbar == 0 else float("nan")
        return DMTest(float("nan"), p, T, dbar, loss, int(h), alternative)
    dm = dbar / np.sqrt(var / T)
    stat = float(dm * np.sqrt((T + 1 - 2 * h + h * (h - 1) / T) / T))
    df = T - 1
    if alternative == "two-sided":
        p = float(2.0 * stdtr(df, -abs(stat)))
    elif alternative == "less":
        p = float(stdtr(df, stat))
    else:
        p = float(stdtr(df, -stat))
    return DMTest(stat, p, T, dbar, loss, int(h), alternative)


def backtest_dm(bt: Any, start: Any = None, end: Any = None, *, loss: str = "abs") -> dict[str, DMTest | None]:
    """DM tests of a backtest's printed nowcast against the consensus and the random walk.

    ``bt`` is a :class:`~macrodesk.models.nowcast.results.BacktestResult`; the
    months are ``start..end`` where the nowcast, the actual and the benchmark all
    exist. A benchmark with fewer than 3 such months gives ``None``.
    """
    r = bt.rows
    if start is not None:
        r = r[r.index >= pd.Period(str(start), freq="M")]
    if end is not None:
        r = r[r.index <= pd.Period(str(end), freq="M")]
    out: dict[str, DMTest | None] = {}
    for bench in ("consensus", "random_walk"):
        e_model = r["nowcast"] - r["actual"]
        e_bench = r[bench] - r["actual"]
        ok = e_model.notna() & e_bench.notna()
        out[bench] = diebold_mariano(e_model[ok], e_bench[ok], loss=loss) if int(ok.sum()) >= 3 else None
    return out
