"""Seasonality of a MoM series: mean and min–max band by calendar month, with Spring Festival timing.

Seed 003, Figure 14 ("CPI的季节性规律"): the average MoM of each calendar
month over a window of years and its range, the review year drawn over it.
January and February depend on when the Spring Festival falls, so the norm
of those two months is also given separately for years whose festival fell
in January and in February (2026: 17 February, a late festival — January low,
February high).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

import numpy as np
import pandas as pd

from macrodesk import transforms as T
from macrodesk.text import tr
from macrodesk.exceptions import ModelError
from macrodesk.models._base import NotComputable, check_series
from macrodesk.plotting import charts
from macrodesk.text import format as F
from macrodesk.text import MONTHS_EN as _MONTHS_EN

__all__ = ["Seasonality", "seasonality"]



@dataclass(frozen=True)
class Seasonality:
    """Monthly norm (``mean``, ``min``, ``max`` by calendar month, fractions) over ``years``.

    ``by_festival`` has rows 1 and 2 (January, February) and columns ``jan``
    and ``feb``: the mean MoM in window years whose Spring Festival fell in
    January / February (NaN if no such year).
    """

    name: str
    years: tuple[int, ...]
    norm: pd.DataFrame
    by_festival: pd.DataFrame
    highlight_year: int | None = None
    highlight: pd.Series | None = None
    outlook_year: int | None = None
    computable: ClassVar[bool] = True

    def festival(self, year: int):
        return T.spring_festival(int(year))

    def summary(self, lang: str = "zh") -> str:
        m = self.norm["mean"] * 100
        hi, lo = int(m.idxmax()), int(m.idxmin())
        y0, y1 = self.years[0], self.years[-1]
        mon = (lambda k: f"{k}月") if lang == "zh" else (lambda k: _MONTHS_EN[k - 1])
        if np.isclose(m.max(), m.min()):
            text = tr(f"{y0}-{y1}年{self.name}各月环比均值相同（{F.pct(m[hi], 2)}）。",
                      f"Over {y0}-{y1}, {self.name} MoM averaged {F.pct(m[hi], 2)} in every month.", lang)
        else:
            text = tr(
                f"{y0}-{y1}年{self.name}环比均值以{mon(hi)}最高（{F.pct(m[hi], 2)}），{mon(lo)}最低（{F.pct(m[lo], 2)}）。",
                f"Over {y0}-{y1}, {self.name} MoM averaged highest in {mon(hi)} ({F.pct(m[hi], 2)}) and lowest in "
                f"{mon(lo)} ({F.pct(m[lo], 2)}).",
                lang,
            )
        bf = self.by_festival * 100
        if bf.notna().all().all():
            text += tr(
                f"春节在1月的年份，1月、2月环比均值为{F.pct(bf.loc[1, 'jan'], 2)}、{F.pct(bf.loc[2, 'jan'], 2)}；"
                f"春节在2月的年份为{F.pct(bf.loc[1, 'feb'], 2)}、{F.pct(bf.loc[2, 'feb'], 2)}。",
                f" In years with the Spring Festival in January, Jan and Feb MoM averaged {F.pct(bf.loc[1, 'jan'], 2)} and "
                f"{F.pct(bf.loc[2, 'jan'], 2)}; with it in February, {F.pct(bf.loc[1, 'feb'], 2)} and {F.pct(bf.loc[2, 'feb'], 2)}.",
                lang,
            )
        if self.outlook_year is not None:
            d = self.festival(self.outlook_year)
            p = self.festival(self.outlook_year - 1)
            text += tr(
                f"{self.outlook_year}年春节为{d.month}月{d.day}日（{self.outlook_year - 1}年为{p.month}月{p.day}日）。",
                f" The {self.outlook_year} Spring Festival falls on {_MONTHS_EN[d.month - 1]} {d.day} "
                f"({self.outlook_year - 1}: {_MONTHS_EN[p.month - 1]} {p.day}).",
                lang,
            )
        return text

    def chart(self, lang: str = "zh"):
        n = self.norm * 100
        y0, y1 = self.years[0], self.years[-1]
        hl = None
        if self.highlight is not None:
            hl = (self.highlight * 100).rename(str(self.highlight_year))
        return charts.band_chart(
            n["mean"], n["min"], n["max"], hl, lang=lang,
            mean_label=tr(f"{y0}-{y1}年均值", f"{y0}-{y1} mean", lang),
            highlight_label=tr(f"{self.highlight_year}年", str(self.highlight_year), lang) if hl is not None else None,
            ylabel="%",
        )


def seasonality(
    mom: pd.Series,
    years: Sequence[int],
    *,
    highlight_year: int | None = None,
    outlook_year: int | None = None,
    name: str = "CPI",
) -> Seasonality | NotComputable:
    """Mean, min and max MoM by calendar month over ``years``, and the Spring Festival split.

    Parameters
    ----------
    mom : Series
        Monthly MoM (fractions).
    years : sequence of int
        The window, e.g. ``range(2015, 2025)``; every month of every year must be present.
    highlight_year : int, optional
        A year to draw over the band (its available months).
    outlook_year : int, optional
        The year whose Spring Festival date the summary states.

    Notes
    -----
    ``norm_j = stat_{Y in years} m_{Y,j}``; for ``j`` in {1, 2}:
    ``mean_{Y in years, month(SF_Y) = k} m_{Y,j}`` for ``k`` = 1, 2.
    """
    m = check_series(mom, "mom")
    yrs = sorted(set(int(y) for y in years))
    if not yrs:
        raise ModelError("years is empty; pass e.g. range(2015, 2025).")
    norm = T.monthly_norm(m, yrs)
    if norm["mean"].isna().any():
        miss = [y for y in yrs if m[m.index.year == y].notna().sum() < 12]
        return NotComputable(
            f"{name} seasonality {yrs[0]}-{yrs[-1]}",
            f"incomplete years in the window: {', '.join(map(str, miss))}",
            what_zh=f"{name}季节性（{yrs[0]}-{yrs[-1]}年）",
            reason_zh=f"窗口内数据不全的年份：{'、'.join(map(str, miss))}",
        )
    sf = np.array([T.spring_festival_month(y) for y in yrs])
    by = {}
    for k, col in ((1, "jan"), (2, "feb")):
        sel = [y for y, s in zip(yrs, sf) if s == k]
        by[col] = T.monthly_norm(m, sel, stats=("mean",))["mean"].loc[[1, 2]] if sel else pd.Series(np.nan, index=[1, 2])
    by_festival = pd.DataFrame(by)
    hl = None
    if highlight_year is not None:
        h = m[m.index.year == int(highlight_year)]
        hl = pd.Series(h.to_numpy(), index=h.index.month).reindex(range(1, 13))
    return Seasonality(name, tuple(yrs), norm, by_festival, highlight_year, hl, outlook_year)
