"""Imports against commodity prices, and the base of the coming months (seed Figure 15).

:func:`imports_vs_commodities` lines import YoY up with the YoY of commodity price
indices (World Bank energy / non-energy, bundled to 2025-12) and the customs import
price index, reports their correlation over a window, and reads the base effect
ahead: last year's YoY in each of the next months against the base of this month
("进口或因基数的回落而有所震荡回升").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from macrodesk import transforms as T
from macrodesk.exceptions import ModelError
from macrodesk.models._base import NotComputable, ResultsMixin
from macrodesk.models.trade._frames import months as _months
from macrodesk.series import parse_period

__all__ = ["ImportsCommodities", "imports_vs_commodities"]


@dataclass(frozen=True)
class ImportsCommodities(ResultsMixin):
    """Import YoY, commodity-index YoY and the base ahead (fractions).

    ``commodity_yoy`` has one column per index key; ``corr`` their correlation
    with import YoY over ``window`` months to ``month``; ``bases`` last year's
    YoY for this month and the next ``ahead`` months (Jan–Feb combined where
    given).
    """

    month: pd.Period
    imports_yoy: pd.Series
    commodity_yoy: pd.DataFrame
    labels: Mapping[str, tuple[str, str]]
    corr: pd.Series
    window: int
    bases: pd.Series
    import_price_yoy: pd.Series | None = None
    computable: ClassVar[bool] = True

    @property
    def yoy(self) -> float:
        return float(self.imports_yoy.get(self.month, np.nan))

    @property
    def base_now(self) -> float:
        return float(self.bases.iloc[0])

    @property
    def base_ahead(self) -> pd.Series:
        return self.bases.iloc[1:]

    def to_frame(self) -> pd.DataFrame:
        """Import YoY and the commodity indices' YoY by month (fractions)."""
        return pd.concat([self.imports_yoy.rename("imports_yoy"), self.commodity_yoy], axis=1)

    def summary(self) -> pd.DataFrame:
        """One row per commodity index: its correlation with import YoY over ``window`` months."""
        return pd.DataFrame({"corr": self.corr, "window": self.window})


def imports_vs_commodities(
    imports_yoy: pd.Series,
    commodity_levels: Mapping[str, pd.Series],
    month: Any,
    *,
    labels: Mapping[str, tuple[str, str]] | None = None,
    import_price_yoy: pd.Series | None = None,
    janfeb_yoy: pd.Series | None = None,
    window: int = 60,
    ahead: int = 3,
):
    """Import YoY against commodity price indices, and the base of the next months.

    Parameters
    ----------
    imports_yoy : Series
        Import YoY (fractions), monthly.
    commodity_levels : mapping key -> Series
        Commodity price index levels (monthly); their YoY is computed here.
    import_price_yoy : Series, optional
        Import price index YoY (fractions), e.g. ``import_price_index_hs2`` converted.
    janfeb_yoy : Series, optional
        Jan–Feb combined import YoY stamped at February; used as the base of
        January and February (the way the flash quotes them).
    window : int
        Months of the correlation window (default 60).
    ahead : int
        How many coming months' bases to report (default 3).

    Notes
    -----
    Commodity YoY ``P_t / P_{t-12} − 1``; correlation: Pearson over the months of
    the window where both exist; base of month ``t+k`` = YoY of ``t+k−12``.
    """
    if not isinstance(imports_yoy, pd.Series) or not isinstance(imports_yoy.index, pd.PeriodIndex):
        raise ModelError("imports_yoy must be a pandas Series on a monthly PeriodIndex.")
    m = parse_period(month, "M", name="month", error=ModelError)
    y = imports_yoy.astype(float).sort_index()
    if not np.isfinite(y.get(m, np.nan)):
        return NotComputable(what="imports vs commodities", reason=f"no import YoY for {m}", reason_zh=f"{m}没有进口同比数据")
    cy = pd.DataFrame({k: T.yoy(v.astype(float)) for k, v in commodity_levels.items()})
    if len(cy.columns):
        cy = cy[cy.index <= m]
    corr = {}
    lo = m - (window - 1)
    for k in cy.columns:
        both = pd.DataFrame({"y": y, "c": cy[k]})
        both = both[(both.index >= lo) & (both.index <= m)].dropna()
        corr[k] = float(both["y"].corr(both["c"])) if len(both) >= 12 else np.nan
    # the base of month t+k is last year's YoY in t+k (Jan and Feb: the combined figure)
    base_src = y.copy()
    if janfeb_yoy is not None:
        jf = janfeb_yoy.dropna()
        feb, vals = _months(jf), jf.to_numpy(dtype=float)
        jan_feb = pd.Series(np.concatenate([vals, vals]), index=(feb - 1).append(feb))
        base_src = jan_feb.combine_first(base_src)  # the combined figure wins; sorted
    targets = [m + k for k in range(ahead + 1)]
    bases = pd.Series([float(base_src.get(t - 12, np.nan)) for t in targets], index=pd.PeriodIndex(targets, freq="M"))
    ipy = None
    if import_price_yoy is not None:
        ipy = import_price_yoy.astype(float)
        ipy = ipy[ipy.index <= m]
    return ImportsCommodities(m, y[y.index <= m], cy, dict(labels or {}), pd.Series(corr, dtype=float), window, bases, ipy)
