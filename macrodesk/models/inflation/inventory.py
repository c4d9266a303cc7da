"""Inventory cycles by industry, from revenue YoY and finished-goods inventory YoY.

The phase of an industry in month ``t`` comes from the direction of its revenue
YoY and its inventory YoY over the last ``window`` months (seed 003,
Figures 25, 29, 36, 37)::

    revenue ↑, inventory ↑   active restocking    主动补库存
    revenue ↑, inventory ↓   passive destocking   被动去库存
    revenue ↓, inventory ↓   active destocking    主动去库存
    revenue ↓, inventory ↑   passive restocking   被动补库存

The percentile of inventory within its history (seed Figure 34: "多数行业库存
处于2012年以来90-100%分位") uses the inventory level when given, else its YoY.

Series ids (user-imported; not in the bundled sample): ``industry_revenue_yoy_<code>``
and ``industry_inventory_yoy_<code>`` (pct_yoy, monthly), optionally
``industry_inventory_<code>`` (cny_100m) for the percentile; codes as in
:data:`macrodesk.models.inflation.ppi_industry.INDUSTRIES`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from macrodesk import transforms as T
from macrodesk.exceptions import ModelError
from macrodesk.models._base import NotComputable, ResultsMixin, check_series, period_arg, pindex

__all__ = ["PHASES", "InventoryCycle", "InventoryPanel", "inventory_cycle", "inventory_panel", "phases",
           "turnover_percentiles"]

#: phase code -> (Chinese, English, revenue direction, inventory direction)
PHASES: dict[str, tuple[str, str, int, int]] = {
    "active_restocking": ("主动补库存", "active restocking", 1, 1),
    "passive_destocking": ("被动去库存", "passive destocking", 1, -1),
    "active_destocking": ("主动去库存", "active destocking", -1, -1),
    "passive_restocking": ("被动补库存", "passive restocking", -1, 1),
}
_CODES = np.array(list(PHASES) + [None], dtype=object)


def phases(revenue_yoy: pd.Series, inventory_yoy: pd.Series, window: int = 3) -> pd.Series:
    """Phase code per month from the direction of revenue YoY and inventory YoY.

    Parameters
    ----------
    revenue_yoy, inventory_yoy : Series
        Monthly YoY (fractions) on a PeriodIndex.
    window : int
        Months over which the direction is read: ``sign(x_t - x_{t-window})``.

    Returns
    -------
    Series (object)
        Codes of :data:`PHASES` on the union of the indices; None where a
        direction is flat or cannot be read.
    """
    if isinstance(window, bool) or not isinstance(window, (int, np.integer)) or window < 1:
        raise ModelError(f"window must be a positive number of months; got {window!r}.")
    r = check_series(revenue_yoy, "revenue_yoy")
    i = check_series(inventory_yoy, "inventory_yoy")
    idx = r.index.union(i.index)
    if len(idx):
        idx = pd.period_range(idx[0], idx[-1], freq="M")
    r, i = r.reindex(idx), i.reindex(idx)
    dr = np.sign((r - r.shift(window)).to_numpy())
    di = np.sign((i - i.shift(window)).to_numpy())
    code = np.select(
        [(dr > 0) & (di > 0), (dr > 0) & (di < 0), (dr < 0) & (di < 0), (dr < 0) & (di > 0)],
        [0, 1, 2, 3],
        default=4,
    )
    return pd.Series(_CODES[code], index=idx, name="phase", dtype=object)


def _two_year(yoy: pd.Series, years: Sequence[int]) -> pd.Series:
    """YoY with the months of ``years`` replaced by the two-year average growth."""
    if not years:
        return yoy
    two = T.cagr2y_from_yoy(yoy)
    mask = np.isin(np.asarray(pindex(yoy).year), list(years))
    return yoy.where(~mask, two)


@dataclass(frozen=True)
class InventoryCycle(ResultsMixin):
    """One industry's revenue and inventory YoY (fractions), phase per month and inventory percentile.

    ``name`` labels the industry (``name_zh``: its Chinese name; each falls back to the other).
    """

    name: str
    revenue_yoy: pd.Series
    inventory_yoy: pd.Series
    phase: pd.Series
    window: int
    percentile: float
    percentile_of: str
    since: pd.Period
    two_year: tuple[int, ...] = ()
    name_zh: str = ""
    computable: ClassVar[bool] = True

    @property
    def latest(self) -> pd.Period:
        """The last month with a phase."""
        return self.phase.dropna().index[-1]

    @property
    def latest_phase(self) -> str:
        return str(self.phase.loc[self.latest])  # type: ignore[call-overload]

    @property
    def months_in_phase(self) -> int:
        """How many consecutive months up to :attr:`latest` share its phase."""
        p = self.phase.loc[: self.latest]
        same = (p == self.latest_phase).to_numpy()[::-1]
        return int(np.argmin(same)) if not same.all() else len(same)

    def change(self, which: str) -> float:
        """Change of revenue or inventory YoY over the window ending at :attr:`latest` (fraction)."""
        s = self.revenue_yoy if which == "revenue" else self.inventory_yoy
        return float(s.get(self.latest, np.nan) - s.get(self.latest - self.window, np.nan))

    def to_frame(self) -> pd.DataFrame:
        """Revenue YoY, inventory YoY (fractions) and the phase code per month."""
        return pd.DataFrame({"revenue_yoy": self.revenue_yoy, "inventory_yoy": self.inventory_yoy, "phase": self.phase})

    def summary(self) -> pd.DataFrame:
        """The latest month: YoYs, their change over the window, phase, its length and the percentile (one row)."""
        t = self.latest
        return pd.DataFrame({
            "month": [str(t)],
            "revenue_yoy": [self.revenue_yoy.get(t, np.nan)],
            "inventory_yoy": [self.inventory_yoy.get(t, np.nan)],
            "revenue_change": [self.change("revenue")],
            "inventory_change": [self.change("inventory")],
            "phase": [self.latest_phase],
            "months_in_phase": [self.months_in_phase],
            "percentile": [self.percentile],
        }, index=pd.Index([self.name], name="industry"))


def inventory_cycle(
    revenue_yoy: pd.Series,
    inventory_yoy: pd.Series,
    *,
    window: int = 3,
    inventory_level: pd.Series | None = None,
    since: Any = "2012-01",
    two_year: Sequence[int] = (),
    name: str = "",
    name_zh: str = "",
) -> InventoryCycle | NotComputable:
    """Inventory-cycle phase per month for one industry.

    Parameters
    ----------
    revenue_yoy, inventory_yoy : Series
        Monthly YoY (fractions) of revenue and finished-goods inventory.
    window : int
        Months over which directions are read (see :func:`phases`).
    inventory_level : Series, optional
        Inventory level; when given the percentile is of the level, else of the YoY.
    since : period-like
        Start of the history for the percentile (seed: 2012).
    two_year : sequence of int
        Years whose YoY is replaced by the two-year average growth
        ``sqrt((1+y_t)(1+y_{t-12})) - 1`` (seed: 2020 and 2021, base distortion).
    name, name_zh : str
        The industry's name in English and Chinese (for the views).

    Returns
    -------
    InventoryCycle, or NotComputable when no month has both directions.
    """
    rev = _two_year(check_series(revenue_yoy, "revenue_yoy"), two_year)
    inv = _two_year(check_series(inventory_yoy, "inventory_yoy"), two_year)
    ph = phases(rev, inv, window)
    if ph.dropna().empty:
        return NotComputable(
            f"inventory cycle {name}",
            f"revenue and inventory YoY do not overlap for {window + 1} months",
            what_zh=f"{name_zh or name}库存周期",
            reason_zh=f"营收与库存同比重叠不足{window + 1}个月",
        )
    p0 = period_arg(since, "since", "M") or rev.index[0]
    if inventory_level is not None:
        base, of = check_series(inventory_level, "inventory_level"), "level"
    else:
        base, of = inv, "yoy"
    base = base[base.index >= p0]
    pct = float(T.percentile_of_last(base)) if base.notna().any() else float("nan")  # type: ignore[arg-type]
    return InventoryCycle(name, rev, inv, ph, int(window), float(pct), of, p0, tuple(int(y) for y in two_year), name_zh)


@dataclass(frozen=True)
class InventoryPanel(ResultsMixin):
    """Inventory cycles of several industries, and those that could not be computed."""

    cycles: Mapping[str, InventoryCycle]
    not_computable: Mapping[str, NotComputable] = field(default_factory=dict)
    computable: ClassVar[bool] = True

    def to_frame(self) -> pd.DataFrame:
        """The latest month of each industry (index: industry code), see :meth:`InventoryCycle.summary`."""
        rows = [c.summary().reset_index().assign(code=code) for code, c in self.cycles.items()]
        if not rows:
            return pd.DataFrame()
        return pd.concat(rows, ignore_index=True).set_index("code")

    def counts(self) -> pd.Series:
        """How many industries are in each phase (latest month)."""
        ph = pd.Series([c.latest_phase for c in self.cycles.values()], dtype=object)
        return ph.value_counts().reindex(list(PHASES), fill_value=0)


def inventory_panel(
    data: Mapping[str, Sequence[pd.Series | None]],
    *,
    names: Mapping[str, str] | None = None,
    names_zh: Mapping[str, str] | None = None,
    **kwargs: Any,
) -> InventoryPanel:
    """Inventory cycles for several industries.

    ``data`` maps an industry code to ``(revenue_yoy, inventory_yoy)`` or
    ``(revenue_yoy, inventory_yoy, inventory_level)``; ``names`` gives display
    names (``names_zh`` the Chinese ones); other keyword arguments go to
    :func:`inventory_cycle`.
    """
    names = dict(names or {})
    names_zh = dict(names_zh or {})
    ok: dict[str, InventoryCycle] = {}
    bad: dict[str, NotComputable] = {}
    for code, parts in data.items():
        rev, inv, *rest = parts
        level = rest[0] if rest else None
        if rev is None or inv is None:
            raise ModelError(f"{code}: give revenue_yoy and inventory_yoy as Series.")
        r = inventory_cycle(rev, inv, inventory_level=level, name=names.get(code, code),
                            name_zh=names_zh.get(code, ""), **kwargs)
        if isinstance(r, InventoryCycle):
            ok[code] = r
        else:
            bad[code] = r
    return InventoryPanel(ok, bad)


def turnover_percentiles(inventory: Mapping[str, pd.Series], revenue_ytd: Mapping[str, pd.Series],
                         window: int = 12) -> pd.DataFrame:
    """Finished-goods turnover days by industry and the percentile of the latest within its own history.

    ``inventory`` (month-end finished-goods inventory) and ``revenue_ytd`` (year-to-date revenue) map an
    industry code to a monthly level in one unit. Turnover days are
    :func:`~macrodesk.transforms.turnover_days`, smoothed by a ``window``-month
    :func:`~macrodesk.transforms.moving_average` (they are seasonal: Jan–Feb revenue is low); the
    percentile is :func:`~macrodesk.transforms.percentile_of_last` of that average over its history.

    Returns a frame indexed by code with ``days`` (latest average), ``percentile`` (0..1), ``last``
    (its month) and ``n`` (months in the history), highest percentile first; codes without both
    series are left out.
    """
    rows = {}
    for code, inv in inventory.items():
        rev = revenue_ytd.get(code)
        if rev is None:
            continue
        days = T.moving_average(T.turnover_days(inv, rev), window).dropna()
        if len(days) < 2:
            continue
        pct = T.percentile_of_last(days)
        assert isinstance(pct, float)  # a Series in, a float out
        rows[code] = {"days": float(days.iloc[-1]), "percentile": pct,
                      "last": days.index[-1], "n": len(days)}
    if not rows:
        raise ModelError("no industry has both finished-goods inventory and year-to-date revenue")
    return pd.DataFrame.from_dict(rows, orient="index").sort_values("percentile", ascending=False)
