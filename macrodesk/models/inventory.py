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
:data:`macrodesk.models.ppi_industry.INDUSTRIES`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from macrodesk import transforms as T
from macrodesk.text import tr
from macrodesk.exceptions import ModelError
from macrodesk.models._base import NotComputable, check_series, period_arg
from macrodesk.plotting import charts
from macrodesk.text import format as F

__all__ = ["PHASES", "InventoryCycle", "InventoryPanel", "inventory_cycle", "inventory_panel", "phases"]

#: phase code -> (Chinese, English, revenue direction, inventory direction)
PHASES: dict[str, tuple[str, str, int, int]] = {
    "active_restocking": ("主动补库存", "active restocking", 1, 1),
    "passive_destocking": ("被动去库存", "passive destocking", 1, -1),
    "active_destocking": ("主动去库存", "active destocking", -1, -1),
    "passive_restocking": ("被动补库存", "passive restocking", -1, 1),
}
_CODES = np.array(list(PHASES) + [None], dtype=object)


def phase_label(code: str | None, lang: str = "zh") -> str:
    if code is None or code not in PHASES:
        return "—"
    zh, en, _, _ = PHASES[code]
    return zh if lang == "zh" else en


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
    mask = np.isin(np.asarray(yoy.index.year), list(years))
    return yoy.where(~mask, two)


@dataclass(frozen=True)
class InventoryCycle:
    """One industry's revenue and inventory YoY (fractions), phase per month and inventory percentile."""

    name: str
    revenue_yoy: pd.Series
    inventory_yoy: pd.Series
    phase: pd.Series
    window: int
    percentile: float
    percentile_of: str
    since: pd.Period
    two_year: tuple[int, ...] = ()
    computable: ClassVar[bool] = True

    @property
    def latest(self) -> pd.Period:
        """The last month with a phase."""
        return self.phase.dropna().index[-1]

    @property
    def latest_phase(self) -> str:
        return str(self.phase.loc[self.latest])

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

    def summary(self, lang: str = "zh") -> str:
        t = self.latest
        rev, inv = self.revenue_yoy.get(t, np.nan) * 100, self.inventory_yoy.get(t, np.nan) * 100
        pct_of = tr("库存", "inventory", lang) if self.percentile_of == "level" else tr("库存同比", "inventory YoY", lang)
        return tr(
            f"{F.month_label(t)}{self.name}营收同比{F.pct(rev)}（近{self.window}个月{F.pp(self.change('revenue') * 100, 1)}），"
            f"产成品存货同比{F.pct(inv)}（{F.pp(self.change('inventory') * 100, 1)}），处于{phase_label(self.latest_phase)}阶段"
            f"（已持续{self.months_in_phase}个月）；{pct_of}处于{F.month_label(self.since)}以来"
            f"{F.num(self.percentile * 100, 0)}%分位。",
            f"In {F.month_label(t, 'en')}, {self.name} revenue YoY was {F.pct(rev)} "
            f"({F.pp(self.change('revenue') * 100, 1, lang='en')} over {self.window} months) and finished-goods inventory YoY "
            f"{F.pct(inv)} ({F.pp(self.change('inventory') * 100, 1, lang='en')}): {phase_label(self.latest_phase, 'en')} "
            f"for {self.months_in_phase} months; {pct_of} is at the {F.num(self.percentile * 100, 0)}th percentile "
            f"since {F.month_label(self.since, 'en')}.",
            lang,
        )

    def chart(self, lang: str = "zh", *, start: Any = None):
        """Revenue YoY and inventory YoY (percent) since ``start`` (default: the last ten years)."""
        df = pd.DataFrame({
            tr("营业收入同比", "Revenue YoY", lang): self.revenue_yoy * 100,
            tr("产成品存货同比", "Finished-goods inventory YoY", lang): self.inventory_yoy * 100,
        })
        p = period_arg(start, "start", "M") if start is not None else self.latest - 119
        return charts.line_chart(df[df.index >= p], ylabel="%", lang=lang)


def inventory_cycle(
    revenue_yoy: pd.Series,
    inventory_yoy: pd.Series,
    *,
    window: int = 3,
    inventory_level: pd.Series | None = None,
    since: Any = "2012-01",
    two_year: Sequence[int] = (),
    name: str = "",
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
            what_zh=f"{name}库存周期",
            reason_zh=f"营收与库存同比重叠不足{window + 1}个月",
        )
    p0 = period_arg(since, "since", "M")
    if inventory_level is not None:
        base, of = check_series(inventory_level, "inventory_level"), "level"
    else:
        base, of = inv, "yoy"
    base = base[base.index >= p0]
    pct = T.percentile_of_last(base) if base.notna().any() else float("nan")
    return InventoryCycle(name, rev, inv, ph, int(window), float(pct), of, p0, tuple(int(y) for y in two_year))


@dataclass(frozen=True)
class InventoryPanel:
    """Inventory cycles of several industries, and those that could not be computed."""

    cycles: Mapping[str, InventoryCycle]
    not_computable: Mapping[str, NotComputable] = field(default_factory=dict)
    computable: ClassVar[bool] = True

    def table(self, lang: str = "zh") -> pd.DataFrame:
        rows = []
        for c in self.cycles.values():
            t = c.latest
            rows.append({
                tr("行业", "Industry", lang): c.name,
                tr("月份", "Month", lang): str(t),
                tr("营收同比(%)", "Revenue YoY (%)", lang): c.revenue_yoy.get(t, np.nan) * 100,
                tr("存货同比(%)", "Inventory YoY (%)", lang): c.inventory_yoy.get(t, np.nan) * 100,
                tr("阶段", "Phase", lang): phase_label(c.latest_phase, lang),
                tr("持续月数", "Months", lang): c.months_in_phase,
                tr("库存分位(%)", "Inventory pctile (%)", lang): c.percentile * 100,
            })
        return pd.DataFrame(rows).set_index(tr("行业", "Industry", lang))

    def counts(self) -> pd.Series:
        """How many industries are in each phase (latest month)."""
        ph = pd.Series([c.latest_phase for c in self.cycles.values()], dtype=object)
        return ph.value_counts().reindex(list(PHASES), fill_value=0)

    def summary(self, lang: str = "zh") -> str:
        n = len(self.cycles)
        cnt = self.counts()
        hi = [c.name for c in self.cycles.values() if c.percentile >= 0.9]
        text = tr(
            f"{n}个行业中，处于" + "、".join(f"{phase_label(k)}阶段的{v}个" for k, v in cnt.items() if v) + "。",
            f"Of {n} industries: " + ", ".join(f"{v} in {phase_label(k, 'en')}" for k, v in cnt.items() if v) + ".",
            lang,
        )
        if hi:
            text += tr(
                f"库存处于历史90%分位以上的有{len(hi)}个：{'、'.join(hi[:8])}{'等' if len(hi) > 8 else ''}。",
                f" {len(hi)} have inventory above the 90th percentile of their history: {', '.join(hi[:8])}"
                + (" and others." if len(hi) > 8 else "."),
                lang,
            )
        return text

    def chart(self, lang: str = "zh"):
        """Quadrant chart: change of revenue YoY (x) vs change of inventory YoY (y), pp; quadrants are phases."""
        cs = list(self.cycles.values())
        x = [c.change("revenue") * 100 for c in cs]
        y = [c.change("inventory") * 100 for c in cs]
        fig = charts.scatter_labeled(
            x, y, [c.name for c in cs],
            xlabel=tr("营收同比变化（百分点）", "Change in revenue YoY (pp)", lang),
            ylabel=tr("存货同比变化（百分点）", "Change in inventory YoY (pp)", lang),
            lang=lang,
        )
        ax = fig.axes[0]
        ax.axhline(0, color="#404040", linewidth=0.8, zorder=1.5)
        ax.axvline(0, color="#404040", linewidth=0.8, zorder=1.5)
        for code, (xa, ya, ha, va) in {
            "active_restocking": (0.99, 0.98, "right", "top"),
            "passive_destocking": (0.99, 0.02, "right", "bottom"),
            "active_destocking": (0.01, 0.02, "left", "bottom"),
            "passive_restocking": (0.01, 0.98, "left", "top"),
        }.items():
            ax.text(xa, ya, phase_label(code, lang), transform=ax.transAxes, ha=ha, va=va, fontsize=8, color="#7F7F7F")
        return fig

    def percentile_chart(self, lang: str = "zh"):
        """Inventory percentile by industry (horizontal bars, highest first)."""
        s = pd.Series({c.name: c.percentile * 100 for c in self.cycles.values()}).sort_values(ascending=False)
        return charts.bar_chart(s.rename(tr("库存历史分位（%）", "Inventory percentile (%)", lang)).to_frame(),
                                horizontal=True, value_labels=True, digits=0, lang=lang)


def inventory_panel(
    data: Mapping[str, tuple[pd.Series, pd.Series] | tuple[pd.Series, pd.Series, pd.Series | None]],
    *,
    names: Mapping[str, str] | None = None,
    **kwargs: Any,
) -> InventoryPanel:
    """Inventory cycles for several industries.

    ``data`` maps an industry code to ``(revenue_yoy, inventory_yoy)`` or
    ``(revenue_yoy, inventory_yoy, inventory_level)``; ``names`` gives display
    names; other keyword arguments go to :func:`inventory_cycle`.
    """
    names = dict(names or {})
    ok: dict[str, InventoryCycle] = {}
    bad: dict[str, NotComputable] = {}
    for code, parts in data.items():
        rev, inv, *rest = parts
        level = rest[0] if rest else None
        r = inventory_cycle(rev, inv, inventory_level=level, name=names.get(code, code), **kwargs)
        if isinstance(r, InventoryCycle):
            ok[code] = r
        else:
            bad[code] = r
    return InventoryPanel(ok, bad)
