"""Headline growth of a trade flow, and its month-on-month change against earlier years.

* :func:`trade_headline` — YoY this month and the prior print, Jan–Feb combined YoY
  (Spring Festival neutral), two-year compound growth (base-effect neutral) and the
  level's MoM (seed Figures 1–2).
* :func:`seasonal_comparison` — the level by calendar month, one line per year, and
  the "super-seasonal" reading: this year's MoM against the min–max range of the
  same month's MoM in earlier years (seed Figures 2–4).

Rates are fractions inside; sentences print percent through
:mod:`macrodesk.reports.format`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from macrodesk import transforms as T
from macrodesk.analyses.trade._frames import months as _months
from macrodesk.text import tr
from macrodesk.exceptions import ModelError
from macrodesk.models._base import NotComputable
from macrodesk.series import parse_period
from macrodesk.plotting import charts
from macrodesk.text import format as F

__all__ = ["TradeHeadline", "trade_headline", "SeasonalComparison", "seasonal_comparison", "month_word", "grew"]


def grew(x: float, digits: int = 1) -> str:
    """English verb phrase for a growth rate in fractions: 'grew 6.6%' / 'fell 2.1%'."""
    if not np.isfinite(x):
        return "changed by an unknown amount"
    return ("grew " if x >= 0 else "fell ") + F.pct(abs(x) * 100, digits, signed=False)


def month_word(p: pd.Period, lang: str) -> str:
    """'12月' / 'December' — the month as the flash writes it."""
    return f"{p.month}月" if lang == "zh" else p.strftime("%B")


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


def _dir(change: float, lang: str) -> str:
    """'回升'/'回落'/'持平' (zh) or 'up'/'down'/'flat' for a change in fractions."""
    if not np.isfinite(change) or abs(change) < 0.0005:
        return tr("持平", "unchanged", lang)
    return tr("回升", "up", lang) if change > 0 else tr("回落", "down", lang)


# ---------------------------------------------------------------- headline
@dataclass(frozen=True)
class TradeHeadline:
    """Headline numbers of one trade flow in ``month`` (fractions; levels as given).

    ``yoy`` is the published single-month YoY (or the level's YoY when none was
    given), ``yoy_chart`` the same with January and February replaced by the
    Jan–Feb combined YoY, ``janfeb`` the combined YoY stamped at February.
    ``quoted`` / ``prior`` are the YoY as a flash quotes them: in February the
    Jan–Feb combined figure, in March the prior is the Jan–Feb combined figure.
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

    def _n(self, lang: str) -> str:
        return self.name[0] if lang == "zh" else self.name[1]

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

    def label(self, lang: str = "zh") -> str:
        """'12月' or '1-2月' (zh); 'December' or 'January–February' (en); with the year if ``long_label``."""
        if self.is_janfeb:
            short = tr("1-2月", "January–February", lang)
        else:
            short = month_word(self.month, lang)
        if not self.long_label:
            return short
        return tr(f"{self.month.year}年{short}", f"{short} {self.month.year}", lang)

    def event(self, lang: str = "zh") -> str:
        """'12月出口同比+6.6%，前值+5.9%' / 'exports +6.6% YoY in December (prior +5.9%)'."""
        q, p = self.quoted * 100, self.prior * 100
        if lang == "zh":
            return f"{self.label(lang)}{self._n(lang)}同比{F.pct(q)}" + (f"，前值{F.pct(p)}" if np.isfinite(p) else "")
        return f"{self._n(lang)} {F.pct(q)} YoY in {self.label(lang)}" + (f" (prior {F.pct(p)})" if np.isfinite(p) else "")

    def summary(self, lang: str = "zh") -> str:
        q, p = self.quoted, self.prior
        change = q - p
        n = self._n(lang)
        if lang == "zh":
            text = f"{self.label(lang)}{n}同比{F.pct(q * 100)}"
            if np.isfinite(p):
                text += f"，较前值（{F.pct(p * 100)}）"
                text += "持平" if _dir(change, lang) == "持平" else f"{_dir(change, lang)}{F.pp(abs(change) * 100, 1, signed=False)}"
            if np.isfinite(self.base):
                text += f"，上年同期基数为{F.pct(self.base * 100)}"
            if np.isfinite(self.cagr2y_last):
                text += f"；两年复合增速{F.pct(self.cagr2y_last * 100)}（前值{F.pct(self.cagr2y_prior * 100)}）"
            return text + "。"
        text = f"{n[:1].upper() + n[1:]} {grew(q)} YoY in {self.label(lang)}"
        if np.isfinite(p):
            text += f" (prior {F.pct(p * 100)})"
        if np.isfinite(self.base):
            text += f", against a base of {F.pct(self.base * 100)} a year earlier"
        if np.isfinite(self.cagr2y_last):
            text += (f"; two-year compound growth {F.pct(self.cagr2y_last * 100)} "
                     f"(prior {F.pct(self.cagr2y_prior * 100)})")
        return text + "."

    def chart(self, lang: str = "zh", years: int = 6):
        """YoY (Jan–Feb combined) and two-year compound growth over the last ``years`` years (Figure 1)."""
        start = self.month - (12 * years - 1)
        n = self._n(lang)
        df = pd.DataFrame(
            {
                tr(f"{n}同比", f"{(n[:1].upper() + n[1:])} YoY", lang): self.yoy_chart * 100,
                tr(f"{n}两年复合增速", f"{(n[:1].upper() + n[1:])} 2-year CAGR", lang): self.cagr2y * 100,
            }
        )
        df = df[(df.index >= start) & (df.index <= self.month)]
        return charts.line_chart(df, ylabel="%", lang=lang)


def trade_headline(
    level: pd.Series,
    month: Any,
    *,
    yoy: pd.Series | None = None,
    ytd_yoy: pd.Series | None = None,
    headline_yoy: pd.Series | None = None,
    name: tuple[str, str] = ("出口", "exports"),
    long_label: bool = False,
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
        The customs headline prints (fractions), Jan–Feb stamped at February;
        their February value is preferred to everything else.
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
    for pub, nm in ((ytd_yoy, "ytd_yoy"), (headline_yoy, "headline_yoy")):  # later wins
        if pub is not None:
            pub = _level(pub, nm)
            pub = pub[_months(pub).month == 2].dropna()
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
class SeasonalComparison:
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

    def _n(self, lang: str) -> str:
        return self.name[0] if lang == "zh" else self.name[1]

    def _sf_note(self, lang: str) -> str:
        """Spring Festival dates of this and last year, for January–March."""
        if self.month.month > 3:
            return ""
        y = self.month.year
        a, b = T.spring_festival(y), T.spring_festival(y - 1)
        return tr(f"（{y}年春节为{a.month}月{a.day}日，{y - 1}年为{b.month}月{b.day}日）",
                  f" (Spring Festival: {a:%b} {a.day}, {y}; {b:%b} {b.day}, {y - 1})", lang)

    def summary(self, lang: str = "zh", *, with_name: bool = True) -> str:
        m, y = self.month, self.month.year
        n = self._n(lang) if with_name else ""
        w0, w1 = self.window[0], self.window[-1]
        mom, ly = self.mom * 100, self.last_year * 100
        lo, hi, mean = self.low * 100, self.high * 100, self.mean * 100
        if lang == "zh":
            rel = "高于" if self.mom > self.last_year else ("低于" if self.mom < self.last_year else "持平于")
            text = f"{y}年{m.month}月{n}金额环比{F.pct(mom)}，{rel}{y - 1}年同期（{F.pct(ly)}）"
            band = f"{w0}-{w1}年同月环比区间（{F.pct(lo)}至{F.pct(hi)}，均值{F.pct(mean)}）"
            if self.verdict == "above":
                text += f"，超出{band}上沿，呈超季节性"
            elif self.verdict == "below":
                text += f"，低于{band}下沿，弱于季节性"
            else:
                text += f"，处于{band}之内"
            return text + self._sf_note(lang) + "。"
        rel = "above" if self.mom > self.last_year else ("below" if self.mom < self.last_year else "level with")
        text = (f"{(n + ' ') if n else ''}MoM in {m.strftime('%B')} {y} was {F.pct(mom)}, {rel} the same month of "
                f"{y - 1} ({F.pct(ly)})")
        band = f"the {w0}–{w1} range for {m.strftime('%B')} ({F.pct(lo)} to {F.pct(hi)}, mean {F.pct(mean)})"
        if self.verdict == "above":
            text += f", above {band}: stronger than seasonal"
        elif self.verdict == "below":
            text += f", below {band}: weaker than seasonal"
        else:
            text += f", within {band}"
        return text[0].upper() + text[1:] + self._sf_note(lang) + "."

    def chart(self, lang: str = "zh", ylabel: str | None = None):
        """Level by calendar month, one line per year (seed Figures 3–4)."""
        return charts.seasonal_lines(self.by_year, lang=lang, ylabel=ylabel)

    def chart_mom(self, lang: str = "zh"):
        """MoM of this calendar month in each year, this year highlighted (seed Figure 2)."""
        years = [y for y in self.same_month_mom.index if y >= self.window[0]]
        s = self.same_month_mom.reindex(years) * 100
        df = pd.DataFrame({tr(f"{self.month.month}月环比", f"{self.month.strftime('%b')} MoM", lang): s})
        df.index = [tr(f"{y}年", str(y), lang) for y in years]
        fig = charts.bar_chart(df, value_labels=True, lang=lang, ylabel="%")
        for lg in list(fig.legends):
            lg.remove()
        ax = fig.axes[0]
        for patch, y in zip(ax.patches, years):
            patch.set_color(charts.PALETTE[0] if y == self.month.year else "#A6A6A6")
        return fig


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
