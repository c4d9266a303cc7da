"""Bottom-up bridge models: high-frequency prices → the target's MoM → its YoY.

Model (fractions; ``x_{i,m}`` the like-for-like log change of input ``i``, see
:mod:`macrodesk.models.nowcast.data`)::

    m_t = sum_i b_i d_{i,t} x_{i,t} + sum_j g_j x_{j,t-1} + c S_t + phi m_{t-1} + a_{month(t)} + e_t

* ``d_{i,t}`` is the Laspeyres weight drift of a CPI basket item (its price level of
  ``t-1`` over its base-year average, :func:`~macrodesk.models.nowcast.data.drift_factor`):
  a basket weight is fixed at the base rotation and drifts with relative prices,
  so pork counts for more when pork is dear (2019–2020) and less after the 2021
  rotation. PPI inputs are market prices, not basket items: no drift.
* ``S_t`` is the share of the month inside the Spring Festival window
  (:func:`~macrodesk.models.nowcast.data.spring_festival_share`), for CPI.
* ``phi m_{t-1}`` (PPI only): producer prices follow commodity prices with a lag
  (contract pricing), so last month's published MoM carries information.
* ``g_j x_{j,t-1}`` (PPI: the Nanhua industrial index, :attr:`BridgeSpec.lagged_inputs`):
  for the same reason last month's change of a broad commodity index still moves
  this month's producer prices.
* ``a_month`` are calendar-month effects (CPI) or one constant (PPI).

Estimation at each origin, on the months before the target month only, is a
Bayesian ridge regression: prior means ``b0`` from CPI basket weights times
wholesale-to-retail pass-through (see :data:`CPI_BRIDGE`), prior precision worth
``prior_months`` months of data (``prior_months * var(x_i)``), so early origins
with a year of food-price history lean on the basket weights and later ones on
the data. For CPI the calendar-month part of the nowcast is the **seasonal norm
of the rest**: the mean over the last ``norm_years`` (5) same calendar months of
``m - sum b d x - c S`` (what the inputs do not explain: services, clothing,
other food), as in the seed's seasonal-norm comparisons. For PPI the prior means
are zero and worth two months of data (a light ridge, :data:`PPI_BRIDGE`), and the
daily prices are averaged over days 1-10 and 16-25 of each month
(:data:`PPI_SAMPLE_DAYS`).

The MoM nowcast becomes the YoY nowcast through the published-history recursion
(:mod:`macrodesk.models.nowcast.base`); each input's contribution is reported.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from macrodesk.exceptions import ModelError
from macrodesk.models._base import NotComputable, ResultsMixin
from macrodesk.models.nowcast.base import (
    _ANCHOR_ROUNDING_VAR,
    Nowcast,
    TargetSpec,
    anchor_of,
    contributions_frame,
)
from macrodesk.models.nowcast.data import (
    DayRanges,
    InfoSet,
    TargetHistory,
    _binned_means,
    check_days,
    _Dated,
    _finish_means,
    _period_of,
    drift_factor,
    spring_festival_share,
)
from macrodesk.models.nowcast.nowcaster import Nowcaster
from macrodesk.series._container import MacroSeries

__all__ = [
    "BridgeInput",
    "BridgeSpec",
    "CPI_BRIDGE",
    "PPI_BRIDGE",
    "PPI_PRICE_INPUTS",
    "PPI_SAMPLE_DAYS",
    "LAG_SUFFIX",
    "BRIDGE_SPECS",
    "BridgeNowcaster",
    "BridgeFit",
    "ridge_prior",
    "same_month_norm",
    "input_matrix",
    "InputCache",
]


@dataclass(frozen=True)
class BridgeInput:
    """One input: its series id (first of ``(id, *alternatives)`` in the data), prior and drift.

    ``days`` (inclusive day-of-month ranges, empty = every day) averages a dated
    input over those days of each month only (:meth:`InfoSet.monthly_means`).
    """

    id: str
    prior: float = 0.0
    drift: bool = False
    alternatives: tuple[str, ...] = ()
    name_zh: str = ""
    name_en: str = ""
    days: DayRanges = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "days", check_days(self.days, f"the days of input '{self.id}'"))

    def resolve(self, info: InfoSet) -> str | None:
        for sid in (self.id, *self.alternatives):
            if info.has(sid):
                return sid
        return None


@dataclass(frozen=True)
class BridgeSpec:
    """The fixed design of a bridge model (see the module docstring for the equation)."""

    inputs: tuple[BridgeInput, ...]
    seasonal: bool = True
    spring_festival: bool = True
    sf_prior: float = 0.0
    ar: bool = False
    prior_months: float = 36.0
    min_obs: int = 12
    min_rows: int = 12
    norm_years: int = 5
    window: int | None = None
    #: inputs whose previous-month change enters as a further term (``<id>_lag1``)
    lagged_inputs: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        ids = {i.id for i in self.inputs}
        unknown = [c for c in self.lagged_inputs if c not in ids]
        if unknown:
            raise ModelError(f"lagged_inputs must be inputs of the bridge; not inputs: {', '.join(unknown)}")
        if self.min_obs < 3 or self.min_rows < 3:
            raise ModelError(f"min_obs and min_rows must be at least 3; got {self.min_obs}, {self.min_rows}")
        if self.prior_months < 0:
            raise ModelError(f"prior_months must be >= 0; got {self.prior_months}")
        if self.norm_years < 1:
            raise ModelError(f"norm_years must be >= 1; got {self.norm_years}")


#: CPI: wholesale food prices (MOA, daily) and fuel (NBS, 10-day). Priors are basket
#: weight x pass-through from wholesale to the retail CPI item, in MoM pp of the CPI
#: per 1 pp of the input (fractions per fraction): pork ~2.5% of the basket x 0.8;
#: fresh vegetables ~2.5% x 0.8; fresh fruit ~2% x 0.5 (six fruits track the CPI
#: fruit index loosely); eggs ~0.6% x 1; beef ~0.5% x 1; vehicle fuel ~2% of the
#: basket, about half of the wholesale change reaching regulated retail prices,
#: split between gasoline and diesel. Spring Festival: +0.5 pp of MoM per unit share.
CPI_BRIDGE = BridgeSpec(
    inputs=(
        BridgeInput("pork_wholesale_cny", 0.020, True, name_zh="猪肉批发价", name_en="Pork (wholesale)"),
        BridgeInput("vegetables28_wholesale_cny", 0.020, True, name_zh="28种蔬菜批发价", name_en="28 vegetables (wholesale)"),
        BridgeInput("fruits6_wholesale_cny", 0.010, True, name_zh="6种水果批发价", name_en="6 fruits (wholesale)"),
        BridgeInput("egg_wholesale_cny", 0.006, True, name_zh="鸡蛋批发价", name_en="Eggs (wholesale)"),
        BridgeInput("beef_wholesale_cny", 0.005, True, name_zh="牛肉批发价", name_en="Beef (wholesale)"),
        BridgeInput("gasoline_92_cny", 0.005, True, name_zh="92号汽油", name_en="Gasoline 92#"),
        BridgeInput("diesel_0_cny", 0.005, True, name_zh="0号柴油", name_en="Diesel 0#"),
    ),
    seasonal=True,
    spring_festival=True,
    sf_prior=0.005,
    ar=False,
    prior_months=36.0,
    min_obs=12,
    norm_years=5,
    # at most ten years of months: with the food prices missing the equation falls back to
    # seasonality and the Spring Festival, fitted on every month since 1994 without this, and
    # the high inflation of the mid-1990s widened its 80% band to about ±2 pp. In 2015-2022
    # the inputs' own history is shorter (at most 106 months), so the backtest is unchanged.
    window=120,
)

_PPI_WEEKLY = ("rebar_hrb_25mm_cny", "means_of_production_price_index_weekly")

#: The PPI's commodity and producer-price inputs (daily/weekly). The factor model uses them all.
PPI_PRICE_INPUTS: tuple[BridgeInput, ...] = (
    BridgeInput("brent_usd", alternatives=("brent_dtd_usd",), name_zh="布伦特原油", name_en="Brent crude"),
    BridgeInput("thermal_coal_qhd_q5500_cny", name_zh="秦皇岛动力煤", name_en="Thermal coal (QHD 5500)"),
    BridgeInput("rebar_hrb_25mm_cny", name_zh="螺纹钢", name_en="Rebar"),
    BridgeInput("copper_lme_usd", name_zh="LME铜", name_en="LME copper"),
    BridgeInput("aluminium_lme_usd", name_zh="LME铝", name_en="LME aluminium"),
    BridgeInput("cement_price_index", name_zh="水泥价格指数", name_en="Cement price index"),
    BridgeInput("nanhua_industrial_index", name_zh="南华工业品指数", name_en="Nanhua industrials"),
    BridgeInput("crb_spot_index", name_zh="CRB现货指数", name_en="CRB spot"),
    BridgeInput(
        "means_of_production_price_index_weekly", name_zh="商务部生产资料价格指数", name_en="MOFCOM means of production"
    ),
)

#: Days of the month the PPI bridge averages its daily prices over: the first and the
#: third ten-day period, leaving out days 11-15 and the month's last days. Chosen on the
#: 2015-2022 real-time backtest (before the lagged Nanhua term: printed MAE 0.165 with
#: full-month means, 0.153 with these days); weekly series keep every observation (about
#: two a month would be left).
PPI_SAMPLE_DAYS: DayRanges = ((1, 10), (16, 25))

#: PPI: last month's published MoM (lagged pass-through), a constant instead of
#: seasonality, and the prices of :data:`PPI_PRICE_INPUTS` but thermal coal and the CRB
#: index (both already in the MOFCOM and Nanhua indices; with them the 2015-2022 MAE is
#: 0.168). A light ridge toward zero (``prior_months=2``: each slope's prior is worth two
#: months of data) keeps the equation stable on the year of history the MOFCOM index has
#: when it enters (``min_obs=12``; it is published from mid-2016 on). Last month's change
#: of the Nanhua industrial index enters too (``lagged_inputs``, contract pricing): over
#: 2015-2022 the residuals of the equation without it correlate -0.35 with it, and with it
#: the printed MAE is 0.151 (0.153 without).
PPI_BRIDGE = BridgeSpec(
    inputs=tuple(
        replace(i, days=PPI_SAMPLE_DAYS) if i.id not in _PPI_WEEKLY else i
        for i in PPI_PRICE_INPUTS
        if i.id not in ("thermal_coal_qhd_q5500_cny", "crb_spot_index")
    ),
    seasonal=False,
    spring_festival=False,
    ar=True,
    prior_months=2.0,
    min_obs=12,
    lagged_inputs=("nanhua_industrial_index",),
)

#: The suffix of the term of a lagged input (:attr:`BridgeSpec.lagged_inputs`): ``'nanhua_industrial_index_lag1'``.
LAG_SUFFIX = "_lag1"

BRIDGE_SPECS: dict[str, BridgeSpec] = {"cpi": CPI_BRIDGE, "ppi": PPI_BRIDGE}

# ---------------------------------------------------------------- building blocks
def ridge_prior(
    X: np.ndarray, y: np.ndarray, prior_mean: np.ndarray, prior_precision: np.ndarray
) -> np.ndarray:
    """Posterior mean of a regression with independent normal priors.

    ``beta = (X'X + L)^{-1} (X'y + L beta0)`` with ``L = diag(prior_precision)``;
    zero precision is a flat prior (OLS). Solved as least squares on the data
    stacked with ``sqrt(L)`` pseudo-observations, so a flat prior with a full-rank
    ``X`` gives exactly OLS.
    """
    X = np.asarray(X, float)
    y = np.asarray(y, float)
    lam = np.sqrt(np.maximum(np.asarray(prior_precision, float), 0.0))
    keep = lam > 0
    A = np.vstack([X, np.diag(lam)[keep]])
    b = np.concatenate([y, (lam * np.asarray(prior_mean, float))[keep]])
    beta, *_ = np.linalg.lstsq(A, b, rcond=None)
    return beta


def same_month_norm(x: pd.Series, years: int) -> pd.Series:
    """For each month, the mean of the same calendar month over the previous ``years`` years with data.

    Uses only earlier values (never the month itself): ``N_m = mean{x_{m-12k} : k = 1..K,
    the last K = years observed}``; NaN when no earlier same month is observed.
    """
    out = pd.Series(np.nan, index=x.index, name=x.name)
    months = np.asarray(pd.PeriodIndex(x.index).month)
    for mo in range(1, 13):
        sel = months == mo
        if not sel.any():
            continue
        s = x[sel]
        vals = s.to_numpy()
        res = np.full(len(vals), np.nan)
        seen: list[float] = []
        for k, v in enumerate(vals):
            if seen:
                res[k] = float(np.mean(seen[-years:]))
            if np.isfinite(v):
                seen.append(float(v))
        out[sel] = res
    return out


def input_matrix(
    info: InfoSet, inputs: tuple[BridgeInput, ...], cache: "InputCache | None" = None
) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, str], list[str]]:
    """(changes with drift applied, raw changes, input id → resolved series id, inputs absent from the data).

    ``cache`` (an :class:`InputCache` of the data ``info`` was cut from) gives the
    same numbers without recomputing each input's monthly means.
    """
    cols: dict[str, pd.Series] = {}
    raw: dict[str, pd.Series] = {}
    resolved: dict[str, str] = {}
    absent: list[str] = []
    for inp in inputs:
        sid = inp.resolve(info)
        if sid is None:
            absent.append(inp.id)
            continue
        got = cache.change(info, sid, inp.drift, inp.days) if cache is not None else None
        if got is not None:
            x, xd = got
        else:
            x = info.input_change(sid, inp.days)
            xd = x * drift_factor(info.monthly_means(sid, inp.days)[1]).reindex(x.index) if inp.drift else x
        raw[inp.id] = x
        cols[inp.id] = xd
        resolved[inp.id] = sid
    if not cols:
        idx = pd.PeriodIndex([], freq="M")
        return pd.DataFrame(index=idx), pd.DataFrame(index=idx), resolved, absent
    return _frame(cols), _frame(raw), resolved, absent


def _frame(cols: dict[str, pd.Series]) -> pd.DataFrame:
    """``pd.DataFrame(cols)`` for monthly series on gap-free PeriodIndexes, without the index alignment."""
    idxs = [c.index for c in cols.values()]
    if not all(isinstance(i, pd.PeriodIndex) and i.freqstr == "M" and len(i) for i in idxs):
        return pd.DataFrame(cols)
    idxs = [pd.PeriodIndex(i) for i in idxs]
    lo = [int(i[0].ordinal) for i in idxs]
    hi = [int(i[-1].ordinal) for i in idxs]
    if any(h - l + 1 != len(i) for l, h, i in zip(lo, hi, idxs)):
        return pd.DataFrame(cols)
    start, n = min(lo), max(hi) - min(lo) + 1
    arr = np.full((len(cols), n), np.nan)
    for j, (c, l) in enumerate(zip(cols.values(), lo)):
        arr[j, l - start : l - start + len(c)] = c.to_numpy(dtype="float64")
    index = pd.period_range(idxs[lo.index(start)][0], periods=n, freq="M")
    return pd.DataFrame(arr.T, index=index, columns=list(cols))


class InputCache:
    """The monthly inputs of a bridge model for many real-time refits on the same data.

    A rolling backtest cuts the same series at ~100 dates. Each month's like-for-like
    mean depends only on that month's observations and on how the target month is
    cut (:meth:`InfoSet._cut`), so the means are computed once per series and cut on
    the whole series and sliced at each origin; the Laspeyres drift likewise (its
    base-year means only use years before the target month's). Where the slice could
    differ from a direct computation (an information set not cut from ``src``, a
    target month with no usable day, fewer than twelve complete months for the
    drift's fallback base) :meth:`change` returns None and the caller computes directly.
    """

    def __init__(self, src: Mapping[str, MacroSeries]) -> None:
        self.src = src
        self._means: dict[tuple[str, str, int, DayRanges],
                          tuple[int, np.ndarray, np.ndarray, np.ndarray, pd.PeriodIndex] | None] = {}
        self._cuts: dict[tuple[pd.Timestamp, pd.Period, int, int], tuple[str, int]] = {}

    def _full(self, sid: str, kind: str, k: int,
              days: DayRanges = ()) -> tuple[int, np.ndarray, np.ndarray, np.ndarray, pd.PeriodIndex] | None:
        key = (sid, kind, k, days)
        if key not in self._means:
            dated = _Dated.of(self.src[sid].data, days)
            if len(dated.days) == 0:
                self._means[key] = None
            else:
                last = dated.days[-1].astype("datetime64[M]").astype(np.int64)
                first, part, full = _binned_means(dated, kind, k, int(last))
                idx = pd.period_range(_period_of(first), periods=len(full), freq="M")
                drift = drift_factor(pd.Series(full, index=idx, name=sid)).to_numpy()
                self._means[key] = (first, part, full, drift, idx)
        return self._means[key]

    def _cut(self, info: InfoSet, sid: str) -> tuple[str, int]:
        key = (info.as_of, info.month, info.lag(sid), info.release_day)
        if key not in self._cuts:
            self._cuts[key] = info._cut(sid)
        return self._cuts[key]

    def change(self, info: InfoSet, sid: str, drift: bool,
               days: DayRanges = ()) -> tuple[pd.Series, pd.Series] | None:
        """(``info.input_change(sid, days)``, the same times the drift factor if ``drift``), or None (compute directly)."""
        s, whole = info.series.get(sid), self.src.get(sid)
        if s is None or whole is None or s.freq not in ("D", "W", "X") or not _is_head(s.data, whole.data):
            return None
        kind, k = self._cut(info, sid)
        if kind == "none":
            return None
        got = self._full(sid, kind, k, days)
        if got is None:
            return None
        first, part_all, full_all, drift_all, idx_all = got
        t = info.month
        n = (t.year - 1970) * 12 + t.month - 1 - first + 1
        if n <= 0:
            return None
        part = _take(part_all, n)
        full = _take(full_all, n)
        if kind != "full":
            full[-1] = np.nan  # the target month is not complete
        prev = np.concatenate([[np.nan], full[:-1]])
        with np.errstate(invalid="ignore", divide="ignore"):
            x = np.log(part) - np.log(prev)
        x[~np.isfinite(x)] = np.nan
        idx = idx_all[:n] if n <= len(idx_all) else pd.period_range(idx_all[0], periods=n, freq="M")
        xs = pd.Series(x, index=idx, name=sid)
        if not drift:
            return xs, xs
        if int(np.isfinite(full).sum()) < 12:
            return None  # the drift's base would be the first twelve months of this cut
        return xs, pd.Series(x * _take(drift_all, n), index=idx, name=sid)


def _take(a: np.ndarray, n: int) -> np.ndarray:
    """The first ``n`` values of ``a`` (a copy), NaN-padded past its end."""
    if n <= len(a):
        return a[:n].copy()
    return np.concatenate([a, np.full(n - len(a), np.nan)])


def _is_head(d: pd.Series, whole: pd.Series) -> bool:
    """Whether ``d`` is the first ``len(d)`` observations of ``whole`` (as :meth:`InfoSet.build` cuts)."""
    n = len(d)
    if n > len(whole) or n == 0:
        return False
    if d is whole:
        return True
    return bool(np.array_equal(d.index.to_numpy()[[0, -1]], whole.index.to_numpy()[[0, n - 1]])) and bool(
        np.array_equal(d.index.to_numpy(), whole.index.to_numpy()[:n])
    ) and bool(np.array_equal(d.to_numpy(dtype="float64"), whole.to_numpy(dtype="float64")[:n], equal_nan=True))


# ---------------------------------------------------------------- the fit
@dataclass(frozen=True, eq=False)
class BridgeFit(ResultsMixin):
    """A bridge model estimated on one information set; :meth:`predict` gives the nowcast."""

    target: TargetSpec
    spec: BridgeSpec
    month: pd.Period
    as_of: pd.Timestamp
    params: pd.Series
    terms: pd.DataFrame  # index term; columns value (x_t), coef, mom (contribution, fraction)
    raw_change: pd.Series
    sigma_mom: float
    n_obs: int
    anchor_yoy: float
    base_mom: float
    sample: tuple[pd.Period, pd.Period]
    missing_inputs: tuple[str, ...] = ()
    reconciled: tuple[pd.Period, ...] = ()
    computable: ClassVar[bool] = True
    name: ClassVar[str] = "bridge"

    @property
    def mom(self) -> float:
        return float(self.terms["mom"].sum())

    def predict(self) -> Nowcast:
        scale = (1.0 + self.anchor_yoy) / (1.0 + self.base_mom)
        contrib = contributions_frame(
            list(self.terms.index),
            [float(self.raw_change.get(k, np.nan)) for k in self.terms.index],
            list(self.terms["coef"]),
            list(self.terms["mom"]),
            scale,
        )
        sigma = float(np.sqrt(scale**2 * self.sigma_mom**2 + _ANCHOR_ROUNDING_VAR))
        return Nowcast(
            self.target, "bridge", self.month, self.as_of, self.mom, self.anchor_yoy, self.base_mom, sigma,
            contributions=contrib, missing_inputs=self.missing_inputs, reconciled=self.reconciled,
        )

    def to_frame(self) -> pd.DataFrame:
        """The terms of the MoM nowcast: value (x_t), coefficient and contribution (fractions)."""
        return self.terms.copy()

    def summary(self) -> pd.DataFrame:
        """The estimated parameters, then the MoM residual s.d. and the number of months."""
        extra = pd.Series([self.sigma_mom, float(self.n_obs)], index=["sigma_mom", "n_obs"])
        return pd.concat([self.params, extra]).rename("value").to_frame()


class BridgeNowcaster(Nowcaster):
    """The bottom-up bridge model for ``target`` (``'cpi_yoy'`` or ``'ppi_yoy'``).

    ``spec`` defaults to :data:`CPI_BRIDGE` / :data:`PPI_BRIDGE`.
    """

    name: ClassVar[str] = "bridge"

    def __init__(self, target: str | TargetSpec = "cpi_yoy", spec: BridgeSpec | None = None) -> None:
        super().__init__(target)
        self.spec = spec or BRIDGE_SPECS[self.target.key]

    def series_ids(self) -> tuple[str, ...]:
        ids = [self.target.yoy_id, self.target.mom_id]
        for inp in self.spec.inputs:
            ids.extend((inp.id, *inp.alternatives))
        return tuple(dict.fromkeys(ids))

    def fit(self, info: InfoSet, *, cache: InputCache | None = None) -> BridgeFit | NotComputable:
        """Estimate on ``info``; ``cache`` (an :class:`InputCache` of the data ``info`` was cut from) saves work."""
        what = f"bridge nowcast of {self.target.yoy_id} for {info.month}"
        try:
            hist = info.target(self.target.yoy_id, self.target.mom_id)
            anchor, base = anchor_of(hist, info.month, what)
        except ModelError as exc:
            return NotComputable(what, str(exc), f"{self.target.name_zh}{info.month}桥接预测")
        return _fit_bridge(self.spec, self.target, info, hist, anchor, base, what, cache)

    def _predictor(self, src: Mapping[str, Any]) -> Callable[[InfoSet], Any]:
        cache = InputCache(src)

        def predict(info: InfoSet) -> Any:
            fit = self.fit(info, cache=cache)
            return fit.predict() if isinstance(fit, BridgeFit) else fit

        return predict


def _fit_bridge(
    spec: BridgeSpec,
    target: TargetSpec,
    info: InfoSet,
    hist: TargetHistory,
    anchor: float,
    base: float,
    what: str,
    cache: InputCache | None = None,
) -> BridgeFit | NotComputable:
    t = info.month
    X, raw, _resolved, absent = input_matrix(info, spec.inputs, cache)
    y = hist.mom.dropna()
    start = y.index[0]
    idx = pd.period_range(start, t, freq="M")
    X = X.reindex(idx)
    raw = raw.reindex(idx)
    # positions, not labels: month t is the last row, the training months the ones before it
    yarr = hist.mom.reindex(idx).to_numpy(dtype="float64", copy=True)
    yarr[-1] = np.nan
    y_ok = ~np.isnan(yarr[:-1])
    Xa = X.to_numpy(dtype="float64")
    # inputs usable this month: observed at t with enough history alongside the target
    usable, missing, ucols = [], list(absent), []
    for j, c in enumerate(X.columns):
        xc = Xa[:, j]
        if np.isfinite(xc[-1]) and int((~np.isnan(xc[:-1]) & y_ok).sum()) >= spec.min_obs:
            usable.append(c)
            ucols.append(xc)
        else:
            missing.append(c)
    prior_mean = [next(i.prior for i in spec.inputs if i.id == c) for c in usable]
    slope_cols = list(usable)
    if spec.spring_festival:
        ucols.append(_spring_festival_values(idx[0], len(idx)).copy())
        slope_cols.append("spring_festival")
        prior_mean.append(spec.sf_prior)
    # last month's change of a lagged input (contract pricing passes it on a month later); like an
    # input, the term is left out in a month it is not observed or has too short a history
    for c in spec.lagged_inputs:
        if c in X.columns:
            lag = np.concatenate([[np.nan], Xa[:-1, list(X.columns).index(c)]])
            if np.isfinite(lag[-1]) and int((~np.isnan(lag[:-1]) & y_ok).sum()) >= spec.min_obs:
                ucols.append(lag)
                slope_cols.append(c + LAG_SUFFIX)
                prior_mean.append(0.0)
            elif c not in missing:
                missing.append(c + LAG_SUFFIX)
    if spec.ar:
        ucols.append(hist.mom.reindex(idx).shift(1).to_numpy(dtype="float64"))
        slope_cols.append("momentum")
        prior_mean.append(0.0)
    Da = np.column_stack(ucols) if ucols else np.empty((len(idx), 0))
    rows = ~np.isnan(Da[:-1]).any(axis=1) & y_ok
    pos = np.flatnonzero(rows)
    if spec.window is not None:
        pos = pos[-spec.window:]
    tr = idx[pos]
    if spec.ar and not np.isfinite(Da[-1, slope_cols.index("momentum")]):
        return NotComputable(what, f"the MoM of {t - 1} is missing")
    if len(tr) < spec.min_rows:
        return NotComputable(
            what,
            f"only {len(tr)} months with the target and all inputs observed before {t} (need {spec.min_rows})",
            f"{target.name_zh}{t}桥接预测",
            f"{t}之前目标与输入同时可得的月份仅{len(tr)}个（至少需要{spec.min_rows}个）",
        )
    Xs = np.asfortranarray(Da[pos])  # the layout DataFrame.to_numpy gives: the same floating-point results
    ys = yarr[pos]
    tr_months = np.asarray(idx.month)[pos]
    design, pm, prec_dummy, names = _design(spec, hist, t, Xs, tr_months, slope_cols, prior_mean)
    var = Xs.var(axis=0) if len(tr) > 1 else np.zeros(len(slope_cols))
    prec = np.concatenate([spec.prior_months * var, prec_dummy])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        beta = ridge_prior(design, ys, pm, prec)
    if not np.all(np.isfinite(beta)):
        return NotComputable(what, "the regression could not be solved (degenerate design)")
    params = pd.Series(beta, index=names, name="coef")
    b = beta[: len(slope_cols)]
    fitted = design @ beta
    resid = ys - fitted
    dof = len(ys) - design.shape[1]
    sigma_mom = float(np.sqrt(resid @ resid / (dof if dof >= 5 else len(ys))))
    xt = Da[-1]
    mom = b * xt
    raw_t = raw.iloc[[-1]].iloc[0] if len(raw.columns) else pd.Series(dtype="float64")
    # an input's reported coefficient is per unit of its raw change (drift folded in)
    coef = b.copy()
    for j, c in enumerate(usable):
        r = raw_t.get(c)
        if pd.notna(r) and r != 0:
            coef[j] = mom[j] / r
    if spec.seasonal:
        rest = ys - Xs @ b
        same = pd.Series(rest[tr_months == t.month])
        norm = float(same.iloc[-spec.norm_years:].mean()) if len(same) else float(params[f"month_{t.month}"])
        extra, extra_row = "seasonal", [np.nan, np.nan, norm]
    else:
        const = float(params["constant"])
        extra, extra_row = "constant", [1.0, const, const]
    terms = pd.DataFrame(
        {"value": [*xt, extra_row[0]], "coef": [*coef, extra_row[1]], "mom": [*mom, extra_row[2]]},
        index=pd.Index([*slope_cols, extra], name="term"),
        dtype="float64",
    )
    raw_t = raw_t.reindex(terms.index) if len(raw.columns) else pd.Series(np.nan, index=terms.index)
    if "spring_festival" in terms.index:
        raw_t["spring_festival"] = terms.at["spring_festival", "value"]
    for k in terms.index:
        if k == "momentum" or k.endswith(LAG_SUFFIX):
            raw_t[k] = terms.at[k, "value"]
    return BridgeFit(
        target, spec, t, info.as_of, params, terms, raw_t, sigma_mom, len(tr), anchor, base, (tr[0], tr[-1]),
        tuple(missing), hist.reconciled,
    )


def _design(spec: BridgeSpec, hist: TargetHistory, t: pd.Period, Xs: np.ndarray, months: np.ndarray,
            slope_cols: list[str], prior_mean: list[float]) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    """The regression design (slopes plus calendar-month dummies or a constant), prior means, prior precisions, names."""
    if spec.seasonal:
        dummies = np.eye(12)[months - 1]
        # prior for the calendar-month effects: the target's recent norm minus what the priors explain
        ynorm = _recent_month_means(hist.mom.loc[: t - 1], spec.norm_years)
        xm = pd.DataFrame(Xs, columns=slope_cols).groupby(months).mean().reindex(range(1, 13)).fillna(0.0)
        a0 = ynorm.reindex(range(1, 13)).fillna(0.0).to_numpy() - xm.to_numpy() @ np.asarray(prior_mean, float)
        design = np.hstack([Xs, dummies])
        pm = np.concatenate([np.asarray(prior_mean, float), a0])
        prec_dummy = np.full(12, 0.1)
        names = slope_cols + [f"month_{m}" for m in range(1, 13)]
    else:
        design = np.hstack([Xs, np.ones((len(Xs), 1))])
        pm = np.concatenate([np.asarray(prior_mean, float), [0.0]])
        prec_dummy = np.zeros(1)
        names = slope_cols + ["constant"]
    return design, pm, prec_dummy, names


@lru_cache(maxsize=256)
def _spring_festival_values(start: pd.Period, n: int) -> np.ndarray:
    """``spring_festival_share`` of the ``n`` months from ``start`` (the same each refit of a backtest)."""
    return spring_festival_share(pd.period_range(start, periods=n, freq="M")).to_numpy(dtype="float64")


def _recent_month_means(mom: pd.Series, years: int) -> pd.Series:
    """Mean MoM by calendar month over the last ``years`` observations of each month."""
    s = mom.dropna()
    if len(s) == 0:
        return pd.Series(dtype=float)
    months = np.asarray(pd.PeriodIndex(s.index).month)
    vals = s.to_numpy()
    keys = np.unique(months)
    # the same Series.mean of each calendar month's last ``years`` values as a groupby-apply, without its overhead
    return pd.Series([pd.Series(vals[months == m][-years:]).mean() for m in keys], index=keys)

