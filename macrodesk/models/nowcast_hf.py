"""High-frequency bridge nowcast: a daily or weekly indicator → a monthly YoY target.

The seed trade flash reads "上海装载集装箱船数量指向1月前13日出口同比在-2%左右": the
first 13 days of January of a high-frequency indicator (container ships loaded,
port throughput, a freight index) are compared with the first 13 days of January a
year earlier, and a monthly relation between that indicator's YoY and export YoY
turns the comparison into an implied export YoY. This module does exactly that,
for any indicator and any monthly YoY target.

Model
-----
Partial-month aggregate of the indicator ``I_d`` over the first ``N`` days of month
``M`` (``agg`` = mean by default, so a missing day does not bias the level)::

    x_M(N) = agg{ I_d : d in M, dayofmonth(d) <= N }
    g_M(N) = x_M(N) / x_{M-12}(N) - 1                 like-for-like partial YoY

(``N = None`` uses whole months.) The bridge equation, fitted by OLS
(statsmodels) over the ``window`` months before the month to predict::

    y_M = a + b * g_M(N) + e_M

and the nowcast for month ``T`` with its ``1 - alpha`` prediction interval::

    ŷ_T = a + b * g_T(N),   se² = s² + x0' V x0,   ŷ_T ± t_{1-alpha/2, n-2} * se

with ``x0 = (1, g_T(N))``, ``V`` the OLS covariance of ``(a, b)`` and ``s²`` the
residual variance. ``history="full"`` fits on whole-month indicator YoY instead and
plugs in the partial-month YoY only for the prediction.

API (fit / predict / backtest, as every macrodesk nowcaster)::

    spec = HFNowcast(day=13, window=36)
    res = spec.fit(ships_daily, exports_yoy, end="2025-12")   # -> HFNowcastResult | NotComputable
    pred = res.predict("2026-01")                              # -> HFNowcastPrediction
    pred.point, pred.lower, pred.upper, pred.summary("zh")
    spec.backtest(ships_daily, exports_yoy, start="2024-01")   # rolling, real-time

or in one call :func:`nowcast_hf` (the partial day is read from the indicator's last
observation in the target month). Rates are fractions throughout. Too little data
returns :class:`~macrodesk.models._base.NotComputable` with the reason instead of
raising; wrong argument types raise :class:`~macrodesk.exceptions.ModelError`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

import numpy as np
import pandas as pd

from macrodesk.exceptions import ModelError, TransformError
from macrodesk.models._base import NotComputable, is_computable

__all__ = [
    "HFNowcast",
    "HFNowcastResult",
    "HFNowcastPrediction",
    "partial_yoy",
    "last_observed_day",
    "nowcast_hf",
]

_HOWS = ("mean", "sum", "last", "first", "max", "min")


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

    Parameters
    ----------
    indicator : Series
        Daily or weekly observations on a DatetimeIndex.
    day : int or None
        Last calendar day included (1..31); ``None`` uses whole months.
    how : {'mean', 'sum', 'last', 'first', 'max', 'min'}
        Aggregation within the partial month. ``'mean'`` (default) is robust to
        a missing day; ``'sum'`` suits complete daily counts.

    Returns
    -------
    Series
        Fractions on a complete monthly PeriodIndex: ``g_M(N) = x_M(N) / x_{M-12}(N) - 1``;
        NaN where either month has no observation in its first ``day`` days.
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


def _target(target: Any) -> pd.Series:
    if not isinstance(target, pd.Series) or not isinstance(target.index, pd.PeriodIndex):
        raise ModelError(
            "target must be a pandas Series of monthly YoY (fractions) on a monthly PeriodIndex; "
            f"got {type(target).__name__}. Pass MacroSeries.to_fraction()."
        )
    if target.index.freqstr != "M":
        raise ModelError(f"target must be monthly; got frequency {target.index.freqstr!r}.")
    return target.astype("float64").sort_index()


# ---------------------------------------------------------------- results
@dataclass(frozen=True)
class HFNowcastPrediction:
    """A nowcast of one month: point, interval and the indicator reading behind it (fractions)."""

    month: pd.Period
    day: int | None
    indicator_yoy: float
    point: float
    lower: float
    upper: float
    alpha: float
    result: "HFNowcastResult" = field(repr=False)
    computable: ClassVar[bool] = True

    @property
    def days_text_zh(self) -> str:
        return f"{self.month.month}月前{self.day}日" if self.day else f"{self.month.month}月"

    def _sf_caution(self, lang: str) -> str:
        if self.month.month not in (1, 2):
            return ""
        from macrodesk.transforms import spring_festival

        this, prev = spring_festival(self.month.year), spring_festival(self.month.year - 1)
        if this.month == prev.month:
            return ""
        if lang == "zh":
            return (
                f"注意{self.month.year - 1}年春节在{prev.month}月{prev.day}日、{self.month.year}年在"
                f"{this.month}月{this.day}日，春节错位会扭曲{self.month.month}月同比。"
            )
        return (
            f" Caution: the Spring Festival fell on {prev:%b} {prev.day} in {self.month.year - 1} but falls on "
            f"{this:%b} {this.day} in {self.month.year}, which distorts the {self.month:%b} YoY."
        )

    def summary(self, lang: str = "zh") -> str:
        from macrodesk.text import format as F

        r = self.result
        level = int(round((1 - self.alpha) * 100))
        if lang == "zh":
            span = self.days_text_zh
            text = (
                f"{r.indicator_label[0]}{span}同比{F.pct(self.indicator_yoy * 100)}，按月度回归"
                f"（{F.month_label(r.sample.index[0])}-{F.month_label(r.sample.index[-1])}，{r.nobs}个月，"
                f"斜率{F.num(r.slope, 2)}，R²={F.num(r.rsquared, 2)}）推算，指向{span}{r.target_label[0]}同比在"
                f"{F.pct(self.point * 100)}左右（{level}%预测区间{F.pct(self.lower * 100)}至{F.pct(self.upper * 100)}）。"
            )
        else:
            span = (f"the first {self.day} days of " if self.day else "") + F.month_label(self.month, "en")
            text = (
                f"{r.indicator_label[1][:1].upper() + r.indicator_label[1][1:]}: {F.pct(self.indicator_yoy * 100)} "
                f"YoY in {span}; the monthly bridge regression ({F.month_label(r.sample.index[0], 'en')}–"
                f"{F.month_label(r.sample.index[-1], 'en')}, {r.nobs} months, slope {F.num(r.slope, 2)}, "
                f"R² {F.num(r.rsquared, 2)}) points to {r.target_label[1]} YoY of about {F.pct(self.point * 100)} "
                f"({level}% prediction interval {F.pct(self.lower * 100)} to {F.pct(self.upper * 100)})."
            )
        return text + self._sf_caution(lang)

    def chart(self, lang: str = "zh"):
        return self.result.chart(lang, prediction=self)


@dataclass(frozen=True)
class HFNowcastResult:
    """A fitted bridge equation ``y_M = a + b g_M(N) + e_M``.

    ``params``/``bse`` are indexed ``const``, ``slope``; ``sample`` holds the fit
    months with columns ``target``, ``indicator_yoy``, ``fitted``; ``indicator_yoy``
    is the partial-month (``day``) YoY for every month the indicator covers.
    """

    day: int | None
    how: str
    history: str
    params: pd.Series
    bse: pd.Series
    cov_params: np.ndarray = field(repr=False)
    rsquared: float
    nobs: int
    resid_std: float
    sample: pd.DataFrame = field(repr=False)
    indicator_yoy: pd.Series = field(repr=False)
    alpha: float = 0.1
    indicator_label: tuple[str, str] = ("高频指标", "the indicator")
    target_label: tuple[str, str] = ("出口", "exports")
    computable: ClassVar[bool] = True

    @property
    def const(self) -> float:
        return float(self.params["const"])

    @property
    def slope(self) -> float:
        return float(self.params["slope"])

    def predict(self, month: Any = None, alpha: float | None = None, *, indicator_yoy: float | None = None):
        """Nowcast ``month`` (default: the last month the indicator covers).

        ``indicator_yoy`` overrides the indicator reading (a scenario). Returns
        :class:`HFNowcastPrediction`, or :class:`NotComputable` if the indicator has
        no partial-month YoY for ``month``.
        """
        from scipy import stats

        alpha = self.alpha if alpha is None else float(alpha)
        if not 0 < alpha < 1:
            raise ModelError(f"alpha must be in (0, 1), e.g. 0.1 for a 90% interval; got {alpha!r}.")
        g_all = self.indicator_yoy.dropna()
        m = _month(month, "month") if month is not None else (g_all.index[-1] if len(g_all) else None)
        if indicator_yoy is None:
            if m is None or m not in g_all.index:
                span = f" in its first {self.day} days" if self.day else ""
                return NotComputable(
                    what=f"nowcast {m}",
                    reason=f"the indicator has no observation{span} of {m} or of the same month a year earlier",
                    reason_zh=f"高频指标在{m}{'前' + str(self.day) + '日' if self.day else ''}或上年同期没有数据")
            g = float(g_all[m])
        else:
            g = float(indicator_yoy)
        x0 = np.array([1.0, g])
        point = float(x0 @ self.params.to_numpy())
        se = float(np.sqrt(self.resid_std**2 + x0 @ self.cov_params @ x0))
        q = float(stats.t.ppf(1 - alpha / 2, self.nobs - 2))
        return HFNowcastPrediction(m, self.day, g, point, point - q * se, point + q * se, alpha, self)

    def summary(self, lang: str = "zh") -> str:
        from macrodesk.text import format as F

        a, b = self.const * 100, self.slope
        if lang == "zh":
            return (
                f"{self.target_label[0]}同比 = {F.num(a, 2)}% + {F.num(b, 2)} × {self.indicator_label[0]}同比"
                f"（{F.month_label(self.sample.index[0])}-{F.month_label(self.sample.index[-1])}，"
                f"{self.nobs}个月，R²={F.num(self.rsquared, 2)}，残差标准差{F.num(self.resid_std * 100, 1)}个百分点）。"
            )
        return (
            f"{(self.target_label[1][:1].upper() + self.target_label[1][1:])} YoY = {F.num(a, 2)}% + {F.num(b, 2)} × {self.indicator_label[1]} YoY "
            f"({F.month_label(self.sample.index[0], 'en')}–{F.month_label(self.sample.index[-1], 'en')}, "
            f"{self.nobs} months, R² {F.num(self.rsquared, 2)}, residual s.d. {F.num(self.resid_std * 100, 1)} pp)."
        )

    def chart(self, lang: str = "zh", prediction: HFNowcastPrediction | None = None):
        """Actual target YoY and the indicator-implied YoY over the fit sample, the indicator's
        partial-month YoY on the right axis, and the nowcast with its interval."""
        from macrodesk.plotting import charts

        zh = lang == "zh"
        span = (f"前{self.day}日" if zh else f"first {self.day} days") if self.day else ""
        tl, il = self.target_label[0 if zh else 1], self.indicator_label[0 if zh else 1]
        s = self.sample * 100
        fig, ax = charts._new_figure()
        ax2 = ax.twinx()
        charts._style_right_axis(ax2)
        x = s.index.to_timestamp()
        (h1,) = ax.plot(x, s["target"], color=charts.PALETTE[0], linewidth=1.6)
        (h2,) = ax.plot(x, s["fitted"], color=charts.PALETTE[1], linewidth=1.4, linestyle=(0, (4, 2)))
        g = self.indicator_yoy.dropna() * 100
        g = g[g.index >= s.index[0]]
        (h3,) = ax2.plot(g.index.to_timestamp(), g.to_numpy(), color=charts.PALETTE[2], linewidth=1.2)
        handles = [h1, h2, h3]
        labels = [
            f"{tl}同比" if zh else f"{(tl[:1].upper() + tl[1:])} YoY",
            "高频指标拟合值" if zh else "Implied by the indicator",
            (f"{il}{span}同比" if zh else f"{(il[:1].upper() + il[1:])} YoY ({span or 'whole month'})")
            + charts.label("right_axis", lang),
        ]
        end = x[-1]
        if prediction is not None and is_computable(prediction):
            px = prediction.month.to_timestamp()
            p = prediction.point * 100
            err = [[p - prediction.lower * 100], [prediction.upper * 100 - p]]
            h4 = ax.errorbar([px], [p], yerr=err, fmt="D", color=charts.PALETTE[3], markersize=5, capsize=4,
                             linewidth=1.4, zorder=5)
            ax.annotate(f"{p:+.1f}%", (px, p), xytext=(-7, 5), textcoords="offset points", ha="right", va="bottom",
                        fontsize=8.5, color=charts.PALETTE[3])
            level = int(round((1 - prediction.alpha) * 100))
            handles.append(h4)
            labels.append(f"预测值（{level}%区间）" if zh else f"Nowcast ({level}% interval)")
            end = max(end, px + pd.Timedelta(days=45))  # room for the marker and its interval
        charts._zero_line(ax, np.concatenate([s["target"].to_numpy(), s["fitted"].to_numpy()]))
        charts._date_axis(ax, x[0], end)
        ax.set_ylabel("%", fontsize=9)
        ax2.set_ylabel("%", fontsize=9)
        charts._legend_below(fig, handles, labels)
        return fig


# ---------------------------------------------------------------- the spec
@dataclass(frozen=True)
class HFNowcast:
    """Specification of a bridge nowcast from a high-frequency indicator.

    Parameters
    ----------
    day : int or None
        Partial month: the first ``day`` days (1..31). ``None`` uses whole months.
    how : str
        Aggregation within the partial month (default ``'mean'``).
    window : int
        Number of months before the predicted month used for the fit (default 36).
    min_obs : int
        Fewest fit months accepted (default 12); fewer gives :class:`NotComputable`.
    alpha : float
        Default interval level: ``1 - alpha`` (default 0.1, a 90% interval).
    history : {'partial', 'full'}
        Regress on the same partial-month YoY (like for like, default) or on
        whole-month indicator YoY.
    indicator_label, target_label : (zh, en)
        Names used in sentences and charts.
    """

    day: int | None = None
    how: str = "mean"
    window: int = 36
    min_obs: int = 12
    alpha: float = 0.1
    history: Literal["partial", "full"] = "partial"
    indicator_label: tuple[str, str] = ("高频指标", "the indicator")
    target_label: tuple[str, str] = ("出口", "exports")

    def __post_init__(self) -> None:
        if self.day is not None and (isinstance(self.day, bool) or not isinstance(self.day, (int, np.integer))
                                     or not 1 <= self.day <= 31):
            raise ModelError(f"day must be a calendar day 1..31 or None for whole months; got {self.day!r}.")
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

    def fit(self, indicator: pd.Series, target: pd.Series, *, end: Any = None):
        """Fit on the ``window`` months up to ``end`` (default: the last target month).

        Returns :class:`HFNowcastResult`, or :class:`NotComputable` when fewer than
        ``min_obs`` months have both the target and the indicator YoY, or the
        indicator YoY does not vary.
        """
        y = _target(target)
        g_pred = partial_yoy(indicator, self.day, self.how)
        g_fit = g_pred if self.history == "partial" else partial_yoy(indicator, None, self.how)
        last = y.dropna().index[-1] if y.notna().any() else None
        end_p = _month(end, "end") if end is not None else last
        what = f"nowcast of {self.target_label[1]} from {self.indicator_label[1]}"
        if end_p is None:
            return NotComputable(what=what, reason="the target has no observations", reason_zh="目标序列没有数据")
        start = end_p - (self.window - 1)
        months = pd.period_range(start, end_p, freq="M")
        df = pd.DataFrame({"target": y.reindex(months), "indicator_yoy": g_fit.reindex(months)}).dropna()
        if len(df) < self.min_obs:
            return NotComputable(
                what=what,
                reason=f"only {len(df)} months in {start}..{end_p} have both the target and the indicator YoY; "
                f"need at least {self.min_obs}",
                reason_zh=f"{start}至{end_p}仅有{len(df)}个月同时有目标与高频指标同比，至少需要{self.min_obs}个月")
        if float(df["indicator_yoy"].std()) == 0.0:
            return NotComputable(what=what, reason="the indicator YoY does not vary over the fit sample",
                                 reason_zh="拟合样本内高频指标同比没有变化")
        import statsmodels.api as sm

        X = sm.add_constant(df["indicator_yoy"].to_numpy(), has_constant="add")
        ols = sm.OLS(df["target"].to_numpy(), X).fit()
        params = pd.Series(ols.params, index=["const", "slope"])
        bse = pd.Series(ols.bse, index=["const", "slope"])
        df["fitted"] = ols.fittedvalues
        return HFNowcastResult(
            day=self.day,
            how=self.how,
            history=self.history,
            params=params,
            bse=bse,
            cov_params=np.asarray(ols.cov_params()),
            rsquared=float(ols.rsquared),
            nobs=int(ols.nobs),
            resid_std=float(np.sqrt(ols.scale)),
            sample=df,
            indicator_yoy=g_pred,
            alpha=self.alpha,
            indicator_label=self.indicator_label,
            target_label=self.target_label,
        )

    def backtest(self, indicator: pd.Series, target: pd.Series, start: Any, end: Any = None) -> pd.DataFrame:
        """Rolling real-time backtest: each month fitted only on the months before it.

        Returns a DataFrame indexed by month with ``actual``, ``predicted``,
        ``lower``, ``upper`` and ``error`` (= predicted − actual); months that
        cannot be nowcast are left out.
        """
        y = _target(target)
        s = _month(start, "start")
        e = _month(end, "end") if end is not None else y.dropna().index[-1]
        rows = {}
        for m in pd.period_range(s, e, freq="M"):  # one fit per month, not per observation
            res = self.fit(indicator, y, end=m - 1)
            if not is_computable(res) or pd.isna(y.get(m, np.nan)):
                continue
            pred = res.predict(m)
            if not is_computable(pred):
                continue
            rows[m] = (float(y[m]), pred.point, pred.lower, pred.upper)
        out = pd.DataFrame.from_dict(rows, orient="index", columns=["actual", "predicted", "lower", "upper"])
        out.index = pd.PeriodIndex(list(rows), freq="M") if rows else pd.PeriodIndex([], freq="M")
        out["error"] = out["predicted"] - out["actual"]
        return out


def nowcast_hf(
    indicator: pd.Series,
    target: pd.Series,
    month: Any,
    *,
    day: int | None = None,
    how: str = "mean",
    window: int = 36,
    min_obs: int = 12,
    alpha: float = 0.1,
    history: Literal["partial", "full"] = "partial",
    indicator_label: tuple[str, str] = ("高频指标", "the indicator"),
    target_label: tuple[str, str] = ("出口", "exports"),
):
    """Nowcast ``month`` of ``target`` from the indicator's first days of that month.

    ``day`` defaults to the day of the indicator's last observation in ``month``
    ("first 13 days of January"). The fit uses the ``window`` months before
    ``month``. Returns :class:`HFNowcastPrediction` or :class:`NotComputable`.
    """
    m = _month(month, "month")
    if day is None:
        day = last_observed_day(indicator, m)
        if day is None:
            return NotComputable(
                what=f"nowcast of {target_label[1]} for {m}",
                reason=f"{indicator_label[1]} has no observation in {m}",
                reason_zh=f"{indicator_label[0]}在{m.year}年{m.month}月没有数据")
    spec = HFNowcast(day=day, how=how, window=window, min_obs=min_obs, alpha=alpha, history=history,
                     indicator_label=indicator_label, target_label=target_label)
    res = spec.fit(indicator, target, end=m - 1)
    if not is_computable(res):
        return res
    return res.predict(m)
