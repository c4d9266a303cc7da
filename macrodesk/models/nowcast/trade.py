"""Export YoY from a daily or weekly indicator's first days of the month: the trade nowcaster.

The seed trade flash reads "上海装载集装箱船数量指向1月前13日出口同比在-2%左右": the
first 13 days of January of a high-frequency indicator (container ships loaded,
port throughput, a freight index) are compared with the first 13 days of January a
year earlier, and a monthly relation between that indicator's YoY and export YoY
turns the comparison into an implied export YoY.

Model
-----
Partial-month aggregate of the indicator ``I_d`` over the first ``N`` days of month
``M`` (``agg`` = mean by default, so a missing day does not bias the level)::

    x_M(N) = agg{ I_d : d in M, dayofmonth(d) <= N }
    g_M(N) = x_M(N) / x_{M-12}(N) - 1                 like-for-like partial YoY

The bridge equation, fitted by OLS (statsmodels) over the ``window`` months before
the month to nowcast::

    y_M = a + b * g_M(N) + e_M

and the nowcast for month ``T`` with its prediction interval at level ``L``::

    ŷ_T = a + b * g_T(N),   se² = s² + x0' V x0,   ŷ_T ± t_{(1+L)/2, n-2} * se

with ``x0 = (1, g_T(N))``, ``V`` the OLS covariance of ``(a, b)`` and ``s²`` the
residual variance. ``history="full"`` fits on whole-month indicator YoY instead and
plugs in the partial-month YoY only for the prediction.

Real time
---------
The nowcaster shares the API of the CPI/PPI nowcasters
(:class:`~macrodesk.models.nowcast.nowcaster.Nowcaster`): it reads an
:class:`~macrodesk.models.nowcast.data.InfoSet`. Customs figures of month ``m``
count as published from day :data:`TRADE_RELEASE_DAY` (14) of ``m+1`` — the day a
flash on ``m`` is written (:func:`release_date`); an indicator observation dated
``d`` is usable when ``d + lag <= as_of`` (``lag`` = :attr:`TradeSpec.lag`, one
day: a day's count is out the next day). ``N`` is the day of the indicator's last
usable observation in the target month, so a flash rebuilt later from a store
that holds the whole next month still nowcasts from what was known on its date.
The real-time backtest nowcasts month ``t`` on :func:`release_date` of ``t-1``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

import numpy as np
import pandas as pd

from macrodesk.exceptions import ModelError, TransformError
from macrodesk.models._base import NotComputable, ResultsMixin
from macrodesk.models.nowcast.base import TargetSpec, round_print
from macrodesk.models.nowcast.data import InfoSet
from macrodesk.models.nowcast.nowcaster import Nowcaster

__all__ = [
    "EXPORTS",
    "TRADE_RELEASE_DAY",
    "TradeSpec",
    "TradeNowcaster",
    "TradeFit",
    "TradeNowcast",
    "release_date",
    "partial_yoy",
    "last_observed_day",
]

#: Day of month ``m+1`` from which the customs (GACC) trade figures of month ``m`` count as published.
TRADE_RELEASE_DAY = 14

#: Export YoY in USD (customs). It has no MoM print and no consensus in the data.
EXPORTS = TargetSpec("exports", "exports_usd_yoy", "", "exports_usd_yoy_consensus", "出口同比", "Export YoY")

_HOWS = ("mean", "sum", "last", "first", "max", "min")


def release_date(month: Any, release_day: int = TRADE_RELEASE_DAY) -> pd.Timestamp:
    """The date a flash on ``month`` is written: day ``release_day`` of the next month."""
    m = _month(month, "month")
    nxt = m + 1
    return pd.Timestamp(year=nxt.year, month=nxt.month, day=int(release_day))


# ---------------------------------------------------------------- alignment
def _dated(indicator: Any, name: str = "indicator") -> pd.Series:
    if not isinstance(indicator, pd.Series):
        raise ModelError(
            f"{name} must be a pandas Series of daily or weekly observations on a DatetimeIndex; "
            f"got {type(indicator).__name__}. Pass MacroSeries.data."
        )
    idx = indicator.index
    if isinstance(idx, pd.PeriodIndex):
        if idx.freqstr not in ("D",):
            raise ModelError(
                f"{name} must hold daily or weekly observations (a DatetimeIndex); got a monthly "
                f"or coarser PeriodIndex ({idx.freqstr}). A monthly indicator needs no partial-month alignment."
            )
        indicator = indicator.copy()
        indicator.index = idx.to_timestamp()
    elif not isinstance(idx, pd.DatetimeIndex):
        raise ModelError(f"{name} must be indexed by dates (a DatetimeIndex); got a {type(idx).__name__}.")
    s = pd.to_numeric(indicator, errors="coerce").astype("float64").dropna()
    return s.sort_index()


def partial_yoy(indicator: pd.Series, day: int | None = None, how: str = "mean") -> pd.Series:
    """Monthly YoY of an indicator over the first ``day`` days of each month.

    ``indicator``: daily or weekly observations on a DatetimeIndex; ``day``: last
    calendar day included (1..31), ``None`` for whole months; ``how``: aggregation
    within the partial month (``'mean'``, robust to a missing day, or ``'sum'``,
    ``'last'``, ``'first'``, ``'max'``, ``'min'``). Returns fractions on a complete
    monthly PeriodIndex, ``g_M(N) = x_M(N) / x_{M-12}(N) - 1``; NaN where either
    month has no observation in its first ``day`` days.
    """
    from macrodesk.transforms import partial_month, to_monthly, yoy

    s = _dated(indicator)
    if how not in _HOWS:
        raise ModelError(f"how must be one of {list(_HOWS)}; got {how!r}.")
    if len(s) == 0:
        raise ModelError("indicator has no observations.")
    try:
        monthly = to_monthly(s, how=how) if day is None else partial_month(s, int(day), how=how)
    except TransformError as exc:
        raise ModelError(str(exc)) from None
    return yoy(monthly).rename("indicator_yoy")


def last_observed_day(indicator: pd.Series, month: Any) -> int | None:
    """Day of month of the indicator's last observation in ``month`` (None if there is none)."""
    s = _dated(indicator)
    m = _month(month, "month")
    inside = s[(s.index >= m.start_time) & (s.index <= m.end_time)]
    return int(inside.index[-1].day) if len(inside) else None


def _month(value: Any, name: str) -> pd.Period:
    try:
        p = value if isinstance(value, pd.Period) else pd.Period(str(value), freq="M")
        return p.asfreq("M") if p.freqstr != "M" else p
    except (TypeError, ValueError):
        raise ModelError(f"{name} must be a month like '2026-01'; got {value!r}.") from None


# ---------------------------------------------------------------- the spec
@dataclass(frozen=True)
class TradeSpec:
    """The design of the trade nowcast.

    ``indicator`` is the series id of the daily or weekly indicator (``name_zh`` /
    ``name_en`` name it in reasons and reports); ``day`` caps the partial month at
    the first ``day`` days (``None``: every day observed by the as-of date); ``how``
    aggregates within the partial month; the fit uses the ``window`` months before
    the target month and needs ``min_obs`` of them; ``alpha`` sets the default
    interval (``1 - alpha``, 90%); ``history`` regresses on the same partial-month
    YoY (``'partial'``, like for like) or on whole-month YoY (``'full'``); ``lag`` is
    the indicator's publication delay in days.
    """

    indicator: str = "hf_sh_container_ships_loaded"
    day: int | None = None
    how: str = "mean"
    window: int = 36
    min_obs: int = 12
    alpha: float = 0.1
    history: Literal["partial", "full"] = "partial"
    lag: int = 1
    name_zh: str = ""
    name_en: str = ""

    def __post_init__(self) -> None:
        if self.day is not None and (isinstance(self.day, bool) or not isinstance(self.day, (int, np.integer))
                                     or not 1 <= self.day <= 31):
            raise ModelError(f"day must be a calendar day 1..31 or None for every observed day; got {self.day!r}.")
        if self.how not in _HOWS:
            raise ModelError(f"how must be one of {list(_HOWS)}; got {self.how!r}.")
        if not isinstance(self.window, (int, np.integer)) or self.window < 3:
            raise ModelError(f"window must be an integer number of months >= 3; got {self.window!r}.")
        if not isinstance(self.min_obs, (int, np.integer)) or self.min_obs < 3:
            raise ModelError(f"min_obs must be an integer >= 3 (a slope and an interval need 3 points); got {self.min_obs!r}.")
        if not 0 < self.alpha < 1:
            raise ModelError(f"alpha must be in (0, 1); got {self.alpha!r}.")
        if self.history not in ("partial", "full"):
            raise ModelError(f"history must be 'partial' or 'full'; got {self.history!r}.")
        if not isinstance(self.lag, (int, np.integer)) or self.lag < 0:
            raise ModelError(f"lag must be a number of days >= 0; got {self.lag!r}.")


# ---------------------------------------------------------------- results
@dataclass(frozen=True, eq=False)
class TradeNowcast(ResultsMixin):
    """A nowcast of one month's export YoY (fractions): point, the indicator reading behind it,
    and the t-distribution of the OLS prediction (``se``, ``dof``) for its intervals."""

    target: TargetSpec
    model: str
    month: pd.Period
    as_of: pd.Timestamp
    day: int
    indicator_yoy: float
    yoy: float
    se: float
    dof: int
    alpha: float
    fit: "TradeFit" = field(repr=False)
    computable: ClassVar[bool] = True
    mom: ClassVar[float] = float("nan")  # exports have no MoM nowcast
    reconciled: ClassVar[tuple[pd.Period, ...]] = ()
    missing_inputs: ClassVar[tuple[str, ...]] = ()

    @property
    def point(self) -> float:
        return self.yoy

    @property
    def yoy_print(self) -> float:
        """The nowcast as customs prints a YoY: percent rounded to 0.1."""
        return round_print(self.yoy * 100.0)

    def bounds(self, level: float | None = None) -> tuple[float, float]:
        """Prediction interval (fractions) at ``level`` (default ``1 - alpha``)."""
        from scipy import stats  # type: ignore[import-untyped]

        lv = 1.0 - self.alpha if level is None else float(level)
        if not 0 < lv < 1:
            raise ModelError(f"level must be in (0, 1); got {level!r}")
        q = float(stats.t.ppf(0.5 + lv / 2, self.dof))
        return self.yoy - q * self.se, self.yoy + q * self.se

    @property
    def lower(self) -> float:
        return self.bounds()[0]

    @property
    def upper(self) -> float:
        return self.bounds()[1]

    def interval(self, level: float = 0.8) -> tuple[float, float]:
        """Prediction interval in percent at ``level`` (80% by default, as every nowcast)."""
        lo, hi = self.bounds(level)
        return lo * 100.0, hi * 100.0

    def _row(self) -> dict[str, float]:
        lo, hi = self.bounds()
        return {"nowcast": self.yoy_print, "nowcast_unrounded": self.yoy * 100, "lower": lo * 100,
                "upper": hi * 100, "level": 1 - self.alpha, "indicator_yoy": self.indicator_yoy * 100,
                "day": self.day}

    def to_frame(self) -> pd.DataFrame:
        """One row (the month), percent: the print, the unrounded nowcast, its interval and the indicator YoY."""
        return pd.DataFrame([self._row()], index=pd.PeriodIndex([self.month], name="month"))

    def to_dict(self) -> dict[str, Any]:
        return {"target": self.target.yoy_id, "model": self.model, "month": self.month, "as_of": self.as_of,
                "indicator": self.fit.spec.indicator, **self._row(), "fit": self.fit.to_dict()}


@dataclass(frozen=True, eq=False)
class TradeFit(ResultsMixin):
    """The bridge equation ``y_M = a + b g_M(N) + e_M`` fitted for target month ``month``.

    ``params``/``bse`` are indexed ``const``, ``slope``; ``sample`` holds the fit
    months with columns ``target``, ``indicator_yoy``, ``fitted``; ``indicator_yoy``
    is the partial-month (``day``) YoY for every month the indicator covers.
    """

    target: TargetSpec
    spec: TradeSpec
    month: pd.Period
    as_of: pd.Timestamp
    day: int
    params: pd.Series
    bse: pd.Series
    cov_params: np.ndarray = field(repr=False)
    rsquared: float = float("nan")
    nobs: int = 0
    resid_std: float = float("nan")
    sample: pd.DataFrame = field(repr=False, default_factory=pd.DataFrame)
    indicator_yoy: pd.Series = field(repr=False, default_factory=lambda: pd.Series(dtype="float64"))
    computable: ClassVar[bool] = True

    @property
    def const(self) -> float:
        return float(self.params["const"])

    @property
    def slope(self) -> float:
        return float(self.params["slope"])

    def predict(self, *, indicator_yoy: float | None = None) -> TradeNowcast | NotComputable:
        """The nowcast of ``month``; ``indicator_yoy`` overrides the indicator reading (a scenario)."""
        if indicator_yoy is None:
            g = float(self.indicator_yoy.get(self.month, np.nan))
            if not np.isfinite(g):
                return NotComputable(
                    what=f"nowcast {self.month}",
                    reason=f"the indicator has no observation in its first {self.day} days of {self.month} "
                    "or of the same month a year earlier",
                    reason_zh=f"高频指标在{self.month}前{self.day}日或上年同期没有数据")
        else:
            g = float(indicator_yoy)
        x0 = np.array([1.0, g])
        point = float(x0 @ self.params.to_numpy())
        se = float(np.sqrt(self.resid_std**2 + x0 @ self.cov_params @ x0))
        return TradeNowcast(self.target, TradeNowcaster.name, self.month, self.as_of, self.day, g, point, se,
                            self.nobs - 2, self.spec.alpha, self)

    def to_frame(self) -> pd.DataFrame:
        """The fit sample (fractions): target, indicator YoY and fitted values by month."""
        return self.sample.copy()

    def summary(self) -> pd.DataFrame:
        """Coefficients with standard errors, then R², observations and the residual s.d."""
        table = pd.DataFrame({"coef": self.params, "std_err": self.bse})
        extra = pd.DataFrame({"coef": [self.rsquared, float(self.nobs), self.resid_std], "std_err": np.nan},
                             index=["rsquared", "nobs", "resid_std"])
        return pd.concat([table, extra])

    def to_dict(self) -> dict[str, Any]:
        return {"const": self.const, "slope": self.slope, "rsquared": self.rsquared, "nobs": self.nobs,
                "resid_std": self.resid_std, "sample": (self.sample.index[0], self.sample.index[-1]),
                "day": self.day, "history": self.spec.history}


# ---------------------------------------------------------------- the model
class TradeNowcaster(Nowcaster):
    """The high-frequency bridge nowcast of export YoY (see the module docstring)."""

    name: ClassVar[str] = "hf_bridge"
    release_day: ClassVar[int] = TRADE_RELEASE_DAY

    def __init__(self, spec: TradeSpec | None = None, target: str | TargetSpec = EXPORTS) -> None:
        super().__init__(target)
        self.spec = spec or TradeSpec()
        self.lags = {self.spec.indicator: int(self.spec.lag)}

    def __repr__(self) -> str:
        return f"TradeNowcaster('{self.spec.indicator}' -> '{self.target.yoy_id}')"

    def series_ids(self) -> tuple[str, ...]:
        return (self.target.yoy_id, self.spec.indicator)

    def origin(self, month: pd.Period, release_day: int | None = None) -> pd.Timestamp:
        """A backtest nowcasts ``month`` on the day the flash on ``month - 1`` is written."""
        return release_date(month - 1, self.release_day if release_day is None else int(release_day))

    def fit(self, info: InfoSet) -> TradeFit | NotComputable:
        spec, t = self.spec, info.month
        iname = (spec.name_zh or spec.indicator, spec.name_en or spec.indicator)
        day = last_observed_day(info.series[spec.indicator].data, t) if info.has(spec.indicator) else None
        if day is None:
            return NotComputable(
                what=f"nowcast of {self.target.yoy_id} for {t}",
                reason=f"{iname[1]} has no observation in {t}",
                reason_zh=f"{iname[0]}在{t.year}年{t.month}月没有数据")
        day = min(day, spec.day) if spec.day is not None else day
        what = f"nowcast of {self.target.yoy_id} from {spec.indicator}"
        if not info.has(self.target.yoy_id):
            return NotComputable(what=what, reason="the target has no observations", reason_zh="目标序列没有数据")
        y = info.series[self.target.yoy_id].to_fraction()
        ind = info.series[spec.indicator].data
        g_pred = partial_yoy(ind, day, spec.how)
        g_fit = g_pred if spec.history == "partial" else partial_yoy(ind, None, spec.how)
        start, end = t - spec.window, t - 1
        months = pd.period_range(start, end, freq="M")
        df = pd.DataFrame({"target": y.reindex(months), "indicator_yoy": g_fit.reindex(months)}).dropna()
        if len(df) < spec.min_obs:
            return NotComputable(
                what=what,
                reason=f"only {len(df)} months in {start}..{end} have both the target and the indicator YoY; "
                f"need at least {spec.min_obs}",
                reason_zh=f"{start}至{end}仅有{len(df)}个月同时有目标与高频指标同比，至少需要{spec.min_obs}个月")
        if float(df["indicator_yoy"].std()) == 0.0:
            return NotComputable(what=what, reason="the indicator YoY does not vary over the fit sample",
                                 reason_zh="拟合样本内高频指标同比没有变化")
        from statsmodels.regression.linear_model import OLS  # not statsmodels.api: it imports all of statsmodels
        from statsmodels.tools.tools import add_constant

        X = add_constant(df["indicator_yoy"].to_numpy(), has_constant="add")
        ols = OLS(df["target"].to_numpy(), X).fit()
        df["fitted"] = ols.fittedvalues
        return TradeFit(
            self.target, spec, t, info.as_of, day,
            params=pd.Series(ols.params, index=["const", "slope"]),
            bse=pd.Series(ols.bse, index=["const", "slope"]),
            cov_params=np.asarray(ols.cov_params()),
            rsquared=float(ols.rsquared),
            nobs=int(ols.nobs),
            resid_std=float(np.sqrt(ols.scale)),
            sample=df,
            indicator_yoy=g_pred,
        )
