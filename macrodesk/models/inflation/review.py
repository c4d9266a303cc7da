"""The review of a year of CPI or PPI: cumulative MoM against seasonal norms, carry-over and new price.

* :func:`seasonal_review` — cumulative MoM from January to the latest month
  against the same span's norm over windows of years (e.g. 2021–2024 and
  2015–2019) and the super-seasonal gap (seed 003, Figure 1 and Table 1).
* :func:`carryover_review` — carry-over (翘尾) and new-price effects by month,
  checked against the published YoY, and next year's carry-over.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import cast

import numpy as np
import pandas as pd

from macrodesk import transforms as T
from macrodesk.exceptions import ModelError
from macrodesk.models._base import ResultsMixin

__all__ = ["DEFAULT_WINDOWS", "CarryoverReview", "SeasonalReview", "carryover_review", "seasonal_review"]

#: Default comparison windows, as in the seed outlook.
DEFAULT_WINDOWS: dict[str, range] = {"2021-2024": range(2021, 2025), "2015-2019": range(2015, 2020)}


# ---------------------------------------------------------------- seasonal review
@dataclass(frozen=True)
class SeasonalReview(ResultsMixin):
    """Cumulative MoM over months ``start_month..end_month`` of ``year`` vs norms.

    All values are fractions. ``by_year`` holds the cumulative change of every
    year with complete data; ``norms`` maps a window label to its mean/min/max.
    """

    name: str
    year: int
    start_month: int
    end_month: int
    by_year: pd.Series
    norms: Mapping[str, pd.Series]

    @property
    def actual(self) -> float:
        return float(self.by_year.get(self.year, np.nan))

    @property
    def previous(self) -> float:
        return float(self.by_year.get(self.year - 1, np.nan))

    def gap(self, window: str) -> float:
        """Super-seasonal gap: actual − the window's mean."""
        return self.actual - float(self.norms[window]["mean"])

    def to_frame(self) -> pd.DataFrame:
        """Rows: this year, last year and each window's mean; columns ``value`` and ``gap`` (actual − value)."""
        rows = {str(self.year): self.actual, str(self.year - 1): self.previous}
        rows.update({f"mean:{w}": float(st["mean"]) for w, st in self.norms.items()})
        s = pd.Series(rows, dtype=float)
        return pd.DataFrame({"value": s, "gap": self.actual - s})

    def window_ranges(self) -> list[range]:
        """The years of each norm window, read from its label ("2021-2024")."""
        out = []
        for w in self.norms:
            a, _, b = w.partition("-")
            out.append(range(int(a), int(b) + 1))
        return out


def seasonal_review(
    mom: pd.Series,
    year: int,
    end_month: int,
    *,
    start_month: int = 1,
    windows: Mapping[str, Sequence[int]] | None = None,
    name: str = "CPI",
) -> SeasonalReview:
    """Compare the cumulative MoM of ``year`` over a span with the same span in other years.

    Parameters
    ----------
    mom : Series
        Monthly MoM as fractions.
    year, end_month : int
        The review year and the last month of the span (e.g. 2025 and 11 for Jan–Nov).
    windows : mapping label -> years
        Norm windows, default 2021–2024 and 2015–2019.

    Notes
    -----
    ``C_Y = prod_{k=start..end}(1+m_{Y,k}) - 1``; norm = mean of ``C_Y`` over the
    window; super-seasonal = ``C_year`` − norm.
    """
    windows = dict(windows or DEFAULT_WINDOWS)
    by_year = T.cumulative(mom, start_month, end_month).dropna()
    if year not in by_year.index:
        raise ModelError(
            f"{name}: no complete MoM data for months {start_month}-{end_month} of {year}"
        )
    norms: dict[str, pd.Series] = {w: cast(pd.Series, T.span_norm(mom, list(yrs), start_month, end_month))
                                  for w, yrs in windows.items()}
    norms = {w: st for w, st in norms.items() if not np.isnan(st["mean"])}  # one Series of stats per window
    return SeasonalReview(name, year, start_month, end_month, by_year, norms)


# ---------------------------------------------------------------- carry-over review
@dataclass(frozen=True)
class CarryoverReview(ResultsMixin):
    """Carry-over and new-price effects by month of ``year`` (fractions).

    ``table`` has columns carryover, new_price, implied (= (1+c)(1+n)−1) and
    published (the published YoY, NaN where absent). ``next_year`` is the
    carry-over of ``year + 1`` from this year's MoMs (None if the year is incomplete).
    """

    name: str
    year: int
    table: pd.DataFrame
    next_year: pd.Series | None = None
    assumed: Mapping[str, float] = field(default_factory=dict)

    @property
    def max_residual(self) -> float:
        r = (self.table["implied"] - self.table["published"]).abs()
        return float(r.max()) if r.notna().any() else np.nan

    def to_frame(self) -> pd.DataFrame:
        """Carry-over, new price, implied and published YoY by month (fractions)."""
        return self.table


def carryover_review(
    mom: pd.Series,
    yoy_published: pd.Series,
    year: int,
    *,
    name: str = "CPI",
    assume: Mapping[str, float] | None = None,
) -> CarryoverReview:
    """Split each month's YoY of ``year`` into carry-over and new-price effects.

    ``mom`` and ``yoy_published`` are fractions. ``assume`` (YYYY-MM -> MoM
    fraction) fills months of ``year`` missing for next year's carry-over.

    Notes
    -----
    ``c_{Y,m} = prod_{k=m+1..12}(1+m_{Y-1,k}) - 1``, ``n_{Y,m} = prod_{k<=m}(1+m_{Y,k}) - 1``,
    ``(1+y) = (1+c)(1+n)``.
    """
    dec = T.decompose_yoy(mom, year)
    table = pd.DataFrame(
        {
            "carryover": dec["carryover"],
            "new_price": dec["new_price"],
            "implied": dec["yoy_implied"],
        }
    )
    table["published"] = yoy_published.reindex(table.index)
    nxt = None
    try:
        nxt = T.carryover(mom, year + 1, assume=dict(assume or {}))
    except Exception:  # incomplete year: no next-year carry-over
        nxt = None
    return CarryoverReview(name, year, table, nxt, dict(assume or {}))
