"""Seasonality of a MoM series: mean and min–max band by calendar month, with Spring Festival timing.

Seed 003, Figure 14 ("CPI的季节性规律"): the average MoM of each calendar
month over a window of years and its range, the review year drawn over it.
January and February depend on when the Spring Festival falls, so the norm
of those two months is also given separately for years whose festival fell
in January and in February (2026: 17 February, a late festival — January low,
February high).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

import numpy as np
import pandas as pd

from macrodesk import transforms as T
from macrodesk.exceptions import ModelError
from macrodesk.models._base import NotComputable, ResultsMixin, check_series, pindex

__all__ = ["Seasonality", "seasonality"]


@dataclass(frozen=True)
class Seasonality(ResultsMixin):
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

    def festival(self, year: int) -> datetime.date:
        """The date of the Spring Festival of ``year``."""
        return T.spring_festival(int(year))

    def to_frame(self) -> pd.DataFrame:
        """The norm by calendar month (``mean``, ``min``, ``max``, fractions)."""
        return self.norm


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
        miss = [y for y in yrs if m[pindex(m).year == y].notna().sum() < 12]
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
        h = m[pindex(m).year == int(highlight_year)]
        hl = pd.Series(h.to_numpy(), index=pindex(h).month).reindex(range(1, 13))
    return Seasonality(name, tuple(yrs), norm, by_festival, highlight_year, hl, outlook_year)
