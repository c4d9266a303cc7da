"""Headline growth of a trade flow, and its month-on-month change against earlier years.

* :func:`trade_headline` — YoY this month and the prior print, Jan–Feb combined YoY
  (Spring Festival neutral), two-year compound growth (base-effect neutral) and the
  level's MoM (seed Figures 1–2).
* :func:`seasonal_comparison` — the level by calendar month, one line per year, and
  the "super-seasonal" reading: this year's MoM against the min–max range of the
  same month's MoM in earlier years (seed Figures 2–4).

Rates are fractions; the sentences and charts are in :mod:`macrodesk.reports.views.trade`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from macrodesk import transforms as T
from macrodesk.exceptions import ModelError
from macrodesk.models._base import NotComputable, ResultsMixin
from macrodesk.models.trade._frames import months as _months
from macrodesk.series import parse_period

__all__ = ["TradeHeadline", "trade_headline", "SeasonalComparison", "seasonal_comparison", "HEADLINE_JANFEB_SINCE"]

#: First year in which the customs headline print stamped at February is the Jan–Feb
#: combined YoY; GACC published January and February separately until 2019.
HEADLINE_JANFEB_SINCE = 2020


def _level(x: Any, name: str) -> pd.Series:
    if not isinstance(x, pd.Series) or not isinstance(x.index, pd.PeriodIndex) or x.index.freqstr != "M":
        raise ModelError(f"{name} must be a pandas Series on a monthly PeriodIndex; got {type(x).__name__}.")
    s = x.astype("float64").sort_index()
    if len(s):
        s = s.reindex(pd.period_range(s.index[0], s.index[-1], freq="M"))
    return s


def _get(s: pd.Series | None, p: pd.Period) -> float:
    if s is None:
        return float("nan")
    v = s.get(p, np.nan)
    return float(v) if v is not None else float("nan")


# ---------------------------------------------------------------- headline
@dataclass(frozen=True)
class TradeHeadline(ResultsMixin):
    """Headline numbers of one trade flow in ``month`` (fractions; levels as given).

    ``yoy`` is the published single-month YoY (or the level's YoY when none was
    given), ``yoy_chart`` the same with January and February replaced by the
    Jan–Feb combined YoY, ``janfeb`` the combined YoY stamped at February.
    ``quoted`` / ``prior`` are the YoY as a flash quotes them: in February the
    Jan–Feb combined figure, in March the prior is the Jan–Feb combined figure.
    ``name`` is the flow's (zh, en) name, for the views' sentences.
    """

    name: tuple[str, str]
    month: pd.Period
    level: pd.Series
    yoy: pd.Series
    yoy_chart: pd.Series
    janfeb: pd.Series
    cagr2y: pd.Series
    mom: pd.Series
    long_label: bool = False
    computable: ClassVar[bool] = True

    @property
    def is_janfeb(self) -> bool:
        return self.month.month == 2

    @property
    def quoted(self) -> float:
        """The YoY a flash leads with: Jan–Feb combined in February."""
        return _get(self.janfeb, self.month) if self.is_janfeb else _get(self.yoy, self.month)

    @property
    def prior(self) -> float:
        """The prior print: the Jan–Feb combined figure when the month is March."""
        prev = self.month - 1
        if self.is_janfeb:
            return _get(self.yoy, self.month - 2)
        if prev.month == 2:
            return _get(self.janfeb, prev)
        return _get(self.yoy, prev)

    @property
    def level_last(self) -> float:
        return _get(self.level, self.month)

    @property
    def mom_last(self) -> float:
        return _get(self.mom, self.month)

    @property
    def cagr2y_last(self) -> float:
        return _get(self.cagr2y, self.month)

    @property
    def cagr2y_prior(self) -> float:
        """Two-year growth of the prior print (December's when the month is February)."""
        return _get(self.cagr2y, self.month - (2 if self.is_janfeb else 1))

    @property
    def base(self) -> float:
        """Last year's YoY in the same month (Jan–Feb combined in February): the base of this YoY."""
        if self.is_janfeb:
            return _get(self.janfeb, self.month - 12)
        return _get(self.yoy, self.month - 12)

    def to_frame(self) -> pd.DataFrame:
        """The monthly series: level, yoy, yoy_chart, janfeb, cagr2y and mom (fractions)."""
        return pd.DataFrame({"level": self.level, "yoy": self.yoy, "yoy_chart": self.yoy_chart,
                             "janfeb": self.janfeb, "cagr2y": self.cagr2y, "mom": self.mom})

    def summary(self) -> pd.DataFrame:
        """One row for ``month``: quoted, prior, base, cagr2y, cagr2y_prior, mom and level."""
        return pd.DataFrame({"quoted": [self.quoted], "prior": [self.prior], "base": [self.base],
                             "cagr2y": [self.cagr2y_last], "cagr2y_prior": [self.cagr2y_prior],
                             "mom": [self.mom_last], "level": [self.level_last]},
                            index=pd.PeriodIndex([self.month], freq="M", name="month"))

def trade_headline(
    level: pd.Series,
    month: Any,
    *,
    yoy: pd.Series | None = None,
    ytd_yoy: pd.Series | None = None,
    headline_yoy: pd.Series | None = None,
    name: tuple[str, str] = ("出口", "exports"),
    long_label: bool = False,
    headline_janfeb_since: int = HEADLINE_JANFEB_SINCE,
):
    """Headline numbers of a trade flow for ``month``.

    Parameters
    ----------
    level : Series
        Monthly value (any unit) on a PeriodIndex.
    month : Period or 'YYYY-MM'
        The release month.
    yoy : Series, optional
        Published single-month YoY (fractions). Without it the YoY is computed
        from ``level``.
    ytd_yoy : Series, optional
        Published year-to-date YoY (fractions); its February value is a
        published Jan–Feb combined YoY and is preferred to the one from levels.
    headline_yoy : Series, optional
        The customs headline prints (fractions). From ``headline_janfeb_since`` on,
        the February print is the Jan–Feb combined YoY and is preferred to everything
        else; before, it is February alone and is not used as a Jan–Feb figure (the
        combined YoY then comes from ``ytd_yoy`` or from the separate Jan and Feb levels).
    headline_janfeb_since : int
        First year whose February headline print is Jan–Feb combined (2020 for GACC).
    name : (zh, en)
        The flow's name in sentences ("出口", "exports").
    long_label : bool
        Write the month with its year ("2025年6月"), e.g. for a peer whose data
        end before the report month.

    Returns
    -------
    TradeHeadline, or NotComputable if ``month`` has no YoY.

    Notes
    -----
    ``MoM_t = X_t / X_{t-1} - 1``; Jan–Feb ``(X_Jan + X_Feb) / (X_Jan,-1 + X_Feb,-1) - 1``;
    two-year compound growth ``sqrt((1 + y_t)(1 + y_{t-12})) - 1`` on the published YoY
    (equal to ``sqrt(X_t / X_{t-24}) - 1`` on unrevised levels), with the Jan–Feb combined
    YoY standing for January and February.
    """
    lv = _level(level, "level")
    m = parse_period(month, "M", name="month", error=ModelError)
    y = _level(yoy, "yoy") if yoy is not None else T.yoy(lv)
    jf = T.janfeb_yoy(lv)
    for pub, nm, since in ((ytd_yoy, "ytd_yoy", None), (headline_yoy, "headline_yoy", headline_janfeb_since)):
        if pub is not None:  # later wins
            pub = _level(pub, nm)
            is_feb = _months(pub).month == 2
            if since is not None:  # before then the February print is February alone
                is_feb &= _months(pub).year >= since
            pub = pub[is_feb].dropna()
            jf = pub.combine_first(jf)
    ychart = y.copy()
    if len(jf):
        jf_obs = jf.dropna()
        feb, vals = _months(jf_obs), jf_obs.to_numpy()
        for stamp in (feb - 1, feb):  # January and February both take the combined YoY
            hit = stamp.isin(ychart.index)
            ychart.loc[stamp[hit]] = vals[hit]
    c2 = T.cagr2y_from_yoy(ychart)  # Jan and Feb: from the combined YoY of both years
    mom = T.mom(lv)
    head = TradeHeadline(name, m, lv, y, ychart, jf, c2, mom, long_label)
    if not np.isfinite(head.quoted):
        return NotComputable(
            what=f"{name[1]} headline",
            reason=f"no YoY for {m} (the data end at {y.dropna().index[-1] if y.notna().any() else 'no date'})",
            reason_zh=f"{m}没有同比数据")
    return head


# ---------------------------------------------------------------- seasonal comparison
@dataclass(frozen=True)
class SeasonalComparison(ResultsMixin):
    """This month's MoM against the same calendar month of earlier years.

    ``by_year`` is the level by calendar month (index 1..12, one column per year);
    ``same_month_mom`` the MoM of calendar month ``month.month`` in every year
    (index: year); ``window`` the earlier years the range is taken over.
    """

    name: tuple[str, str]
    month: pd.Period
    by_year: pd.DataFrame
    same_month_mom: pd.Series
    window: tuple[int, ...]
    computable: ClassVar[bool] = True

    @property
    def mom(self) -> float:
        return float(self.same_month_mom.get(self.month.year, np.nan))

    @property
    def last_year(self) -> float:
        return float(self.same_month_mom.get(self.month.year - 1, np.nan))

    @property
    def window_mom(self) -> pd.Series:
        return self.same_month_mom.reindex(list(self.window)).dropna()

    @property
    def low(self) -> float:
        return float(self.window_mom.min())

    @property
    def high(self) -> float:
        return float(self.window_mom.max())

    @property
    def mean(self) -> float:
        return float(self.window_mom.mean())

    @property
    def verdict(self) -> str:
        """'above' the window's max (super-seasonal), 'below' its min, or 'within'."""
        if self.mom > self.high:
            return "above"
        if self.mom < self.low:
            return "below"
        return "within"

    @property
    def rank(self) -> int:
        """Rank of this year's MoM among the window years plus this year (1 = highest)."""
        vals = pd.concat([self.window_mom, pd.Series({self.month.year: self.mom})])
        return int((vals > self.mom).sum()) + 1

    def to_frame(self) -> pd.DataFrame:
        """The level by calendar month (index 1..12), one column per year."""
        return self.by_year

    def summary(self) -> pd.DataFrame:
        """One row: this year's MoM, last year's, the window's low, high and mean, verdict and rank."""
        return pd.DataFrame({"mom": [self.mom], "last_year": [self.last_year], "low": [self.low],
                             "high": [self.high], "mean": [self.mean], "verdict": [self.verdict],
                             "rank": [self.rank]}, index=pd.PeriodIndex([self.month], freq="M", name="month"))

def seasonal_comparison(
    level: pd.Series,
    month: Any,
    *,
    years: int = 5,
    lines: int = 5,
    name: tuple[str, str] = ("出口", "exports"),
):
    """Compare this month's MoM with the same calendar month of the ``years`` earlier years.

    Parameters
    ----------
    level : Series
        Monthly level on a PeriodIndex.
    month : Period or 'YYYY-MM'
    years : int
        How many earlier years form the range (default 5).
    lines : int
        How many earlier years get a line in the seasonal chart (default 5).

    Returns
    -------
    SeasonalComparison, or NotComputable if this month's or no earlier year's MoM exists.

    Notes
    -----
    ``m_{Y,j} = X_{Y,j} / X_{Y,j-1} - 1``; super-seasonal when ``m_{Y,j} > max_{Y' in window} m_{Y',j}``.
    """
    lv = _level(level, "level")
    m = parse_period(month, "M", name="month", error=ModelError)
    mom = T.mom(lv)
    same = mom[_months(mom).month == m.month]
    same.index = _months(same).year
    same = same[same.index <= m.year].dropna()
    window = tuple(y for y in range(m.year - years, m.year) if y in same.index)
    if m.year not in same.index or not window:
        return NotComputable(
            what=f"{name[1]} seasonal comparison",
            reason=f"no MoM for {m} or for the same month of {m.year - years}-{m.year - 1}",
            reason_zh=f"{m}或{m.year - years}-{m.year - 1}年同月没有环比数据")
    cut = lv[lv.index <= m]
    by_year = {}
    for y in range(m.year - lines, m.year + 1):
        s = cut[_months(cut).year == y]
        if s.notna().any():
            col = pd.Series(s.to_numpy(), index=_months(s).month)
            by_year[str(y)] = col.reindex(range(1, 13))
    df = pd.DataFrame(by_year)
    df.index.name = "month"
    return SeasonalComparison(name, m, df, same, window)
