"""Views of the inventory-cycle model, in one language.

Each function reads an :class:`~macrodesk.models.inflation.inventory.InventoryCycle`
or :class:`~macrodesk.models.inflation.inventory.InventoryPanel` and returns a
sentence, a table with labels or a chart. Industry names come from the cycles'
``name`` (English) and ``name_zh`` (Chinese) fields.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from macrodesk.models._base import period_arg
from macrodesk.models.inflation.inventory import PHASES, InventoryCycle, InventoryPanel
from macrodesk.plotting import charts
from macrodesk.text import format as F
from macrodesk.text import count_en, tr

__all__ = [
    "cycle_name",
    "inventory_chart",
    "inventory_panel_chart",
    "inventory_panel_outliers",
    "inventory_panel_table",
    "inventory_panel_text",
    "inventory_percentile_chart",
    "inventory_text",
    "phase_label",
    "turnover_percentile_chart",
]


def phase_label(code: str | None, lang: str = "zh") -> str:
    """The name of a phase code of :data:`PHASES` ("主动补库存" / "active restocking"); "—" for none."""
    if code is None or code not in PHASES:
        return "—"
    zh, en, _, _ = PHASES[code]
    return tr(zh, en, lang)


def cycle_name(c: InventoryCycle, lang: str = "zh") -> str:
    """The industry's name in ``lang`` (the Chinese one falls back to the English one and back)."""
    return tr(c.name_zh or c.name, c.name or c.name_zh, lang)


def inventory_text(c: InventoryCycle, lang: str = "zh", ytd: bool = False) -> str:
    """The latest month: revenue and inventory YoY, their change, the phase, its length and the percentile
    (``ytd``: the revenue YoY is year-to-date, '营收累计同比')."""
    name = cycle_name(c, lang)
    t = c.latest
    rev, inv = c.revenue_yoy.get(t, np.nan) * 100, c.inventory_yoy.get(t, np.nan) * 100
    pct_of = tr("库存", "inventory", lang) if c.percentile_of == "level" else tr("库存同比", "inventory YoY", lang)
    cum = "累计" if ytd else ""
    return tr(
        f"{F.month_label(t)}{name}营收{cum}同比{F.pct(rev)}（近{c.window}个月{F.pp(c.change('revenue') * 100, 1)}），"
        f"产成品存货同比{F.pct(inv)}（{F.pp(c.change('inventory') * 100, 1)}），处于{phase_label(c.latest_phase)}阶段"
        f"（已持续{c.months_in_phase}个月）；{pct_of}处于{F.month_label(c.since)}以来"
        f"{F.num(c.percentile * 100, 0)}%分位。",
        f"In {F.month_label(t, 'en')}, {name} {'year-to-date ' if ytd else ''}revenue YoY was {F.pct(rev)} "
        f"({F.pp(c.change('revenue') * 100, 1, lang='en')} over {c.window} months) and finished-goods inventory YoY "
        f"{F.pct(inv)} ({F.pp(c.change('inventory') * 100, 1, lang='en')}): {phase_label(c.latest_phase, 'en')} "
        f"for {count_en(c.months_in_phase, 'month')}; {pct_of} is at the {F.ordinal(c.percentile * 100)} percentile "
        f"since {F.month_label(c.since, 'en')}.",
        lang,
    )


def inventory_chart(c: InventoryCycle, lang: str = "zh", *, start: Any = None, ytd: bool = False,
                    figsize: tuple[float, float] | None = None) -> Figure:
    """Revenue YoY and inventory YoY (percent) since ``start`` (default: the last ten years);
    ``ytd``: the revenue YoY is year-to-date; ``figsize``: :data:`~macrodesk.plotting.HALF_FIGSIZE` for one of a pair."""
    df = pd.DataFrame({
        (tr("营业收入累计同比", "Revenue YoY (year to date)", lang) if ytd else tr("营业收入同比", "Revenue YoY", lang)):
            c.revenue_yoy * 100,
        tr("产成品存货同比", "Finished-goods inventory YoY", lang): c.inventory_yoy * 100,
    })
    p = period_arg(start, "start", "M") if start is not None else c.latest - 119
    return charts.line_chart(df[df.index >= p], ylabel="%", lang=lang, figsize=figsize)


def inventory_panel_table(panel: InventoryPanel, lang: str = "zh") -> pd.DataFrame:
    """One row per industry: month, revenue and inventory YoY (%), phase, months in it, percentile (%)."""
    rows = []
    for c in panel.cycles.values():
        t = c.latest
        rows.append({
            tr("行业", "Industry", lang): cycle_name(c, lang),
            tr("月份", "Month", lang): str(t),
            tr("营收同比(%)", "Revenue YoY (%)", lang): c.revenue_yoy.get(t, np.nan) * 100,
            tr("存货同比(%)", "Inventory YoY (%)", lang): c.inventory_yoy.get(t, np.nan) * 100,
            tr("阶段", "Phase", lang): phase_label(c.latest_phase, lang),
            tr("持续月数", "Months", lang): c.months_in_phase,
            tr("库存分位(%)", "Inventory pctile (%)", lang): c.percentile * 100,
        })
    return pd.DataFrame(rows).set_index(tr("行业", "Industry", lang))


def inventory_panel_text(panel: InventoryPanel, lang: str = "zh") -> str:
    """How many industries are in each phase, and those with inventory above the 90th percentile."""
    n = len(panel.cycles)
    cnt = panel.counts()
    hi = [cycle_name(c, lang) for c in panel.cycles.values() if c.percentile >= 0.9]
    text = tr(
        f"{n}个行业中，处于" + "、".join(f"{phase_label(str(k))}阶段的{v}个" for k, v in cnt.items() if v) + "。",
        f"Of {n} industries: " + ", ".join(f"{v} in {phase_label(str(k), 'en')}" for k, v in cnt.items() if v) + ".",
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


_QUADRANTS = {
    "active_restocking": (0.99, 0.98, "right", "top"),
    "passive_destocking": (0.99, 0.02, "right", "bottom"),
    "active_destocking": (0.01, 0.02, "left", "bottom"),
    "passive_restocking": (0.01, 0.98, "left", "top"),
}


def _panel_points(panel: InventoryPanel) -> tuple[list[InventoryCycle], np.ndarray, np.ndarray, tuple[Any, Any]]:
    cs = list(panel.cycles.values())  # keyed by industry code, in that order
    x = np.array([c.change("revenue") * 100 for c in cs], dtype=float)
    y = np.array([c.change("inventory") * 100 for c in cs], dtype=float)
    return cs, x, y, (charts.robust_limits(x), charts.robust_limits(y))


def inventory_panel_chart(panel: InventoryPanel, lang: str = "zh", label: tuple[str, ...] = ()) -> Figure:
    """Quadrant chart: change of revenue YoY (x) vs change of inventory YoY (y), pp; quadrants are phases.

    Only the industries coded in ``label``, the extremes of either axis and those beyond the
    axes are named; the axes stop at :func:`~macrodesk.plotting.charts.robust_limits`, a point
    beyond is drawn hollow at the edge (:func:`inventory_panel_outliers` says which).
    """
    cs, x, y, limits = _panel_points(panel)
    names = [cycle_name(c, lang) for c in cs]
    named = {names[i] for i, code in enumerate(panel.cycles) if code in label}
    for v in (x, y):
        if np.isfinite(v).any():
            named |= {names[int(np.nanargmax(v))], names[int(np.nanargmin(v))]}
    fig = charts.scatter_labeled(
        list(x), list(y), names,
        xlabel=tr("营收同比变化（百分点）", "Change in revenue YoY (pp)", lang),
        ylabel=tr("存货同比变化（百分点）", "Change in inventory YoY (pp)", lang),
        lang=lang, label_only=sorted(named), limits=limits,
    )
    ax = fig.axes[0]
    ax.axhline(0, color="#404040", linewidth=0.8, zorder=1.5)
    ax.axvline(0, color="#404040", linewidth=0.8, zorder=1.5)
    for code, (xa, ya, ha, va) in _QUADRANTS.items():
        ax.text(xa, ya, phase_label(code, lang), transform=ax.transAxes, ha=ha, va=va, fontsize=8, color="#7F7F7F")
    return fig


def inventory_panel_outliers(panel: InventoryPanel, lang: str = "zh") -> str:
    """The note on the quadrant chart's clipped points ("" if none): who, and their true changes."""
    cs, x, y, ((xlo, xhi), (ylo, yhi)) = _panel_points(panel)
    parts = []
    for c, a, b in zip(cs, x, y):
        if not (np.isfinite(a) and np.isfinite(b)) or (xlo <= a <= xhi and ylo <= b <= yhi):
            continue
        parts.append(tr(f"{cycle_name(c, lang)}（营收{F.num(a, 1, signed=True)}、存货{F.num(b, 1, signed=True)}个百分点）",
                        f"{cycle_name(c, 'en')} (revenue {F.num(a, 1, signed=True)}, inventory {F.num(b, 1, signed=True)} pp)", lang))
    if not parts:
        return ""
    sep = tr("、", ", ", lang)
    return tr(f"；只标注正文所述行业与两轴极值，{sep.join(parts)}超出坐标范围，以空心点画在边缘",
              f"; only the industries discussed and the extremes are named; {sep.join(parts)} beyond the axes, "
              f"drawn hollow at the edge", lang)


def inventory_percentile_chart(panel: InventoryPanel, lang: str = "zh") -> Figure:
    """Inventory percentile by industry (:func:`~macrodesk.plotting.charts.ranking_chart`: highest first)."""
    s = pd.Series({cycle_name(c, lang): c.percentile * 100 for c in panel.cycles.values()})
    return charts.ranking_chart(s.rename(tr("库存历史分位（%）", "Inventory percentile (%)", lang)), lang=lang)


def turnover_percentile_chart(table: pd.DataFrame, names: Mapping[str, str], lang: str = "zh") -> Figure:
    """Percentile of the latest finished-goods turnover days by industry (a ranking chart, highest first).

    ``table`` is :func:`~macrodesk.models.inflation.inventory.turnover_percentiles`' result, ``names``
    maps its codes to display names.
    """
    s = pd.Series({names.get(str(c), str(c)): p * 100 for c, p in table["percentile"].items()})
    return charts.ranking_chart(s.rename(tr("周转天数历史分位（%）", "Turnover-days percentile (%)", lang)), lang=lang)
