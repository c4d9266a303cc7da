"""Charts in one broker-research house style.

Every function returns a :class:`matplotlib.figure.Figure` (7.5 x 3.6 in by
default, constrained layout, not registered with pyplot) ready to be wrapped
in a :class:`macrodesk.reports.Figure`. The style: palette starting dark red
``#C00000``, navy ``#1F3864``, grey, gold, blue…; no top/right spines; a light
horizontal grid; the legend below the plot without a frame; a zero line when
the data cross zero; dates ticked as ``2025-12``; Chinese text in Noto Sans
CJK SC.

Captions and sources are not drawn on the chart: the report adds them
("图1：…" above, "数据来源：…" below), as broker notes do. Functions that
print fixed text (legend suffixes such as "（右轴）", month names, "预测")
take ``lang="zh"`` or ``"en"``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any, cast

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.text import Text

from macrodesk.exceptions import ReportError
from macrodesk.plotting._style import (  # noqa: F401  (helpers also used by report views)
    FIGSIZE,
    HALF_FIGSIZE,
    PALETTE,
    _AXIS,
    _BAND,
    _FONT,
    _GRID,
    _SHADE,
    _TEXT,
    _ZERO,
    _as_frame,
    _align_zero,
    _as_series,
    _by_calendar_month,
    _category_ticks,
    _colors,
    _date_axis,
    _finish,
    _gap_values,
    _legend_below,
    _lone_points,
    _month_index,
    _month_ticks,
    _new_figure,
    _monthly,
    _period_labels,
    _period_ticks,
    _regular_index,
    _style_axes,
    _style_right_axis,
    _text_width_pt,
    _to_datetime_index,
    _wrap_label,
    _year_label,
    _zero_line,
)
from macrodesk.text.labels import check_lang, label

__all__ = [
    "FIGSIZE",
    "HALF_FIGSIZE",
    "PALETTE",
    "band_chart",
    "bar_chart",
    "carryover_bars",
    "line_chart",
    "ranking_chart",
    "robust_limits",
    "scatter_labeled",
    "scenario_paths",
    "seasonal_lines",
    "stacked_contributions",
]

def _tag(fig: Figure, data: pd.DataFrame, kind: str, right: Sequence[str] = ()) -> Figure:
    """Attach the numbers behind a chart to ``fig`` (``fig.macrodesk_data``) for data outputs.

    ``kind`` is one of ``line``, ``column``, ``bar`` (horizontal), ``stacked``,
    ``stacked_bar``, ``contributions`` (stacked columns and a total line, the
    last column) or ``scatter``; ``right`` names the secondary-axis columns.
    """
    setattr(fig, "macrodesk_data", (data.copy(), kind, tuple(str(c) for c in right)))
    return fig


def line_chart(
    df: pd.DataFrame | pd.Series,
    right: str | Sequence[str] | None = None,
    ylabel: str | None = None,
    right_ylabel: str | None = None,
    title: str | None = None,
    *,
    lang: str = "zh",
    colors: Sequence[str] | None = None,
    figsize: tuple[float, float] | None = None,
    markers: bool = False,
) -> Figure:
    """One line per column of ``df`` (PeriodIndex or DatetimeIndex).

    Columns named in ``right`` go on a secondary axis and get "（右轴）" /
    " (RHS)" appended to their legend entry; when both axes cross zero their
    zeros are aligned. A monthly, quarterly or annual line breaks at a period
    without a value (Januaries of a series published Jan–Feb combined aside),
    and a value with no neighbour is drawn as a dot; daily and weekly lines join
    their points. ``markers`` marks each published point.
    """
    check_lang(lang)
    df = _as_frame(df, "line_chart data")
    if df.shape[1] == 0 or df.dropna(how="all").empty:
        raise ReportError("line_chart: the data are empty")
    rights = [right] if isinstance(right, str) else list(right or [])
    missing = [c for c in rights if c not in df.columns]
    if missing:
        raise ReportError(
            f"line_chart: right-axis columns not in the data: {', '.join(map(str, missing))}; "
            f"columns are: {', '.join(map(str, df.columns))}"
        )
    reg = _regular_index(df.index)
    if reg is not None:  # every period on the axis, so a missing one is a gap
        periods, full, monthly = reg
        df = df.set_axis(periods).reindex(full)
    x = _to_datetime_index(df.index, "line_chart")
    fig, ax = _new_figure(figsize)
    ax2 = None
    if rights:
        ax2 = ax.twinx()
        _style_right_axis(ax2)
    cols = list(colors) if colors else _colors(df.shape[1])
    handles, labels = [], []
    for j, col in enumerate(df.columns):
        y = df.iloc[:, j].to_numpy(dtype=float, na_value=np.nan)
        if reg is not None:
            xs, ys = x, _gap_values(y, full, monthly)
        else:  # daily, weekly: the points joined
            xs, ys, y = x[np.isfinite(y)], y[np.isfinite(y)], y[np.isfinite(y)]
        target = ax2 if ax2 is not None and col in rights else ax
        color = cols[j % len(cols)]
        (h,) = target.plot(xs, ys, color=color, linewidth=1.6)
        dots = np.isfinite(y) if markers else _lone_points(ys)
        if dots.any():  # published points, or a lone value the line cannot show
            target.plot(xs[dots], y[dots], linestyle="none", marker="o", markersize=3, color=color)
        if markers:
            h = Line2D([], [], color=color, linewidth=1.6, marker="o", markersize=3)
        handles.append(h)
        labels.append(str(col) + (label("right_axis", lang) if col in rights else ""))
    left_cols = [c for c in df.columns if c not in rights]
    _zero_line(ax, df[left_cols].to_numpy(dtype=float, na_value=np.nan) if left_cols else [])
    _date_axis(ax, x.min(), x.max())
    if ax2 is not None:
        _align_zero(ax, ax2)
    if ax2 is not None and right_ylabel:
        ax2.set_ylabel(right_ylabel, fontsize=_FONT, color=_TEXT)
    _legend_below(fig, handles, labels)
    return _tag(_finish(fig, ax, title, ylabel), df.set_axis(x), "line", rights)


def seasonal_lines(
    df_by_year: pd.DataFrame,
    *,
    lang: str = "zh",
    ylabel: str | None = None,
    title: str | None = None,
    figsize: tuple[float, float] | None = None,
) -> Figure:
    """Seasonal comparison: x = calendar month 1..12, one line per year column.

    The latest year (largest year-like column name, else the last column) is
    drawn thick in dark red; the others thinner in the rest of the palette.
    Year columns are labelled "2025年" in Chinese.
    """
    check_lang(lang)
    df = _as_frame(df_by_year, "seasonal_lines data")
    if df.shape[1] == 0:
        raise ReportError("seasonal_lines: the data have no year columns")
    months = _month_index(df.index, "seasonal_lines data")
    years = {}
    for c in df.columns:
        try:
            years[c] = int(str(c))
        except ValueError:
            pass
    latest = max(years, key=years.__getitem__) if years else df.columns[-1]
    fig, ax = _new_figure(figsize)
    others = _colors(len(PALETTE) - 1, start=1)
    handles, labels = [], []
    k = 0
    for j, col in enumerate(df.columns):
        xs, ys = _by_calendar_month(months, df.iloc[:, j].to_numpy(dtype=float, na_value=np.nan))
        if col == latest:
            (h,) = ax.plot(xs, ys, color=PALETTE[0], linewidth=2.4, marker="o", markersize=3.5, zorder=4)
        else:
            color = others[k % len(others)]
            (h,) = ax.plot(xs, ys, color=color, linewidth=1.2, zorder=3)
            lone = _lone_points(ys)
            if lone.any():  # a month with no neighbour: a dot, or it would not show
                ax.plot(xs[lone], ys[lone], linestyle="none", marker="o", markersize=2.5, color=color, zorder=3)
            k += 1
        handles.append(h)
        labels.append(_year_label(col, lang))
    _zero_line(ax, df.to_numpy(dtype=float, na_value=np.nan))
    _month_ticks(ax, lang)
    _legend_below(fig, handles, labels)
    return _tag(_finish(fig, ax, title, ylabel), df.set_axis(pd.Index(months, name=df.index.name)).set_axis(
        [_year_label(c, lang) for c in df.columns], axis=1), "line")


def _stack(ax: Axes, data: pd.DataFrame, pos: np.ndarray, colors: Sequence[str], width: float,
           horizontal: bool = False) -> list[Any]:
    """Stack positives upward and negatives downward separately; one handle per column."""
    pos_base = np.zeros(len(data))
    neg_base = np.zeros(len(data))
    handles = []
    for j in range(data.shape[1]):
        v = np.nan_to_num(data.iloc[:, j].to_numpy(dtype=float, na_value=np.nan))
        base = np.where(v >= 0, pos_base, neg_base)
        if horizontal:
            ax.barh(pos, v, height=width, left=base, color=colors[j], edgecolor="white", linewidth=0.3)
        else:
            ax.bar(pos, v, width=width, bottom=base, color=colors[j], edgecolor="white", linewidth=0.3)
        handles.append(Patch(facecolor=colors[j]))
        pos_base = pos_base + np.where(v >= 0, v, 0)
        neg_base = neg_base + np.where(v < 0, v, 0)
    return handles


def bar_chart(
    df: pd.DataFrame | pd.Series,
    horizontal: bool = False,
    stacked: bool = False,
    *,
    value_labels: bool = False,
    digits: int = 1,
    lang: str = "zh",
    ylabel: str | None = None,
    title: str | None = None,
    colors: Sequence[str] | None = None,
    figsize: tuple[float, float] | None = None,
) -> Figure:
    """Bars: one category per row of ``df``, one bar series per column.

    Grouped side by side by default; ``stacked=True`` stacks positives and
    negatives separately. ``horizontal=True`` lists categories top to bottom
    (handy for long Chinese item names). ``value_labels=True`` prints each
    value (``digits`` decimals) at the bar end.
    """
    check_lang(lang)
    df = _as_frame(df, "bar_chart data")
    if df.empty:
        raise ReportError("bar_chart: the data are empty")
    n, k = df.shape
    cats = _period_labels(df.index)
    cols = list(colors) if colors else _colors(k)
    if figsize is None and horizontal:
        rows = n * (1 if stacked else max(1.0, 0.45 * k))
        # 0.2 in a row up to 20 rows, 0.12 in beyond: 41 industries fit in half a page with some text.
        figsize = (FIGSIZE[0], min(9.0, max(FIGSIZE[1], 0.9 + 0.2 * min(rows, 20.0) + 0.12 * max(rows - 20.0, 0.0))))
    fig, ax = _new_figure(figsize)
    if horizontal:
        _style_axes(ax, grid_axis="x")
        ax.grid(False, axis="y")
    pos = np.arange(n, dtype=float)
    fmt = f"%.{digits}f"
    if stacked:
        handles = _stack(ax, df, pos, cols, 0.65, horizontal)
        if value_labels:
            total = df.sum(axis=1, min_count=1).to_numpy(dtype=float, na_value=np.nan)
            for p, t in zip(pos, total):
                if np.isfinite(t):
                    if horizontal:
                        ax.annotate(fmt % t, (t, p), xytext=(3 if t >= 0 else -3, 0), textcoords="offset points",
                                    ha="left" if t >= 0 else "right", va="center", fontsize=_FONT - 1)
                    else:
                        ax.annotate(fmt % t, (p, t), xytext=(0, 2 if t >= 0 else -2), textcoords="offset points",
                                    ha="center", va="bottom" if t >= 0 else "top", fontsize=_FONT - 1)
    else:
        group = min(0.8, 0.3 + 0.25 * k)  # a lone series gets slimmer bars
        width = group / k
        handles = []
        for j in range(k):
            v = df.iloc[:, j].to_numpy(dtype=float, na_value=np.nan)
            off = pos - group / 2 + width * (j + 0.5)
            if horizontal:
                cont = ax.barh(off, np.nan_to_num(v), height=width * 0.92, color=cols[j % len(cols)])
            else:
                cont = ax.bar(off, np.nan_to_num(v), width=width * 0.92, color=cols[j % len(cols)])
            handles.append(Patch(facecolor=cols[j % len(cols)]))
            if value_labels:
                ax.bar_label(cont, labels=["" if not np.isfinite(x) else fmt % x for x in v],
                             fontsize=_FONT - 1.5, padding=1.5, color=_TEXT)
    values = df.to_numpy(dtype=float, na_value=np.nan)
    if np.nanmin(values) < 0:
        if horizontal:
            ax.axvline(0, color=_ZERO, linewidth=0.8, zorder=1.5)
        else:
            ax.axhline(0, color=_ZERO, linewidth=0.8, zorder=1.5)
    if horizontal:
        _category_ticks(ax, cats, axis="y", max_labels=60)
        ax.set_ylim(n - 0.5, -0.5)
        ax.tick_params(axis="y", length=0)
        if ylabel:
            ax.set_xlabel(ylabel, fontsize=_FONT, color=_TEXT)
            ylabel = None
    else:
        _category_ticks(ax, cats, axis="x", max_labels=24)
        ax.set_xlim(-0.6, n - 0.4)
        ax.tick_params(axis="x", length=0)
    if k > 1 or str(df.columns[0]):
        _legend_below(fig, handles, [str(c) for c in df.columns])
    if value_labels:
        ax.margins(x=0.08) if horizontal else ax.margins(y=0.1)
    kind = ("stacked_bar" if stacked else "bar") if horizontal else ("stacked" if stacked else "column")
    return _tag(_finish(fig, ax, title, ylabel), df, kind)


#: Rows a ranking chart draws in one panel; a longer ranking continues in a second panel on the right.
RANKING_PANEL_ROWS = 20
_RANK_FONT = _FONT - 0.5  # 8.5 pt drawn, ~7.6 pt printed on a 17 cm text column (7.5 in figure)
_RANK_PITCH = 0.15  # inches a row (1.27 lines of the label)


def ranking_chart(
    values: pd.Series,
    *,
    digits: int = 0,
    lang: str = "zh",
    xlabel: str | None = None,
    title: str | None = None,
    color: str | None = None,
) -> Figure:
    """Horizontal bars ranked highest first, each labelled with its value (``digits`` decimals).

    Up to :data:`RANKING_PANEL_ROWS` categories are drawn in one panel; more are split into two
    panels side by side on a common scale, the first half (rounded up) down the left panel and the
    rest continuing down the right, so a 41-row ranking is about half as tall as one column of
    bars and every row keeps a label of the same size. Missing values rank last and are labelled "—".
    A named ``values`` gets a legend entry; ``xlabel`` names the value axis.
    """
    check_lang(lang)
    s = _as_series(values, "ranking_chart data")
    if s.empty:
        raise ReportError("ranking_chart: the data are empty")
    s = s.astype(float).sort_values(ascending=False, na_position="last", kind="stable")
    n = len(s)
    panels = 1 if n <= RANKING_PANEL_ROWS else 2
    rows = math.ceil(n / panels)
    cats = _period_labels(s.index)
    # a label longer than ~2/3 of its panel wraps (rare: the longest NBS industry name fits)
    wrap_pt = 0.67 * FIGSIZE[0] * 72 / panels * _FONT / _RANK_FONT
    cats = [_wrap_label(c, wrap_pt) for c in cats]
    lines = max(c.count("\n") + 1 for c in cats)
    pitch = _RANK_PITCH * (1 + 0.85 * (lines - 1))
    legend = bool(str(s.name or ""))
    height = max(FIGSIZE[1] if panels == 1 else 0.0, 0.55 + (0.3 if legend else 0.0) + (0.2 if xlabel else 0.0)
                 + pitch * rows)
    setup = _new_figure((FIGSIZE[0], height))
    fig = setup[0]
    fig.delaxes(setup[1])
    axes = fig.subplots(1, panels, sharex=True, squeeze=False)[0]
    v = s.to_numpy(dtype=float, na_value=np.nan)
    finite = v[np.isfinite(v)]
    lo = min(0.0, float(finite.min())) if finite.size else 0.0
    hi = max(0.0, float(finite.max())) if finite.size else 1.0
    span = (hi - lo) or 1.0
    fmt = f"%.{digits}f"
    bar_color = color or PALETTE[0]
    for p, ax in enumerate(axes):
        _style_axes(ax, grid_axis="x")
        chunk = slice(p * rows, min(n, (p + 1) * rows))
        vals, labels = v[chunk], cats[chunk]
        pos = np.arange(len(vals), dtype=float)
        cont = ax.barh(pos, np.nan_to_num(vals), height=0.62, color=bar_color)
        ax.bar_label(cont, labels=["—" if not np.isfinite(x) else fmt % x for x in vals],
                     fontsize=_RANK_FONT - 0.5, padding=1.5, color=_TEXT)
        ax.set_yticks(pos, labels)
        ax.set_ylim(rows - 0.5, -0.5)  # both panels row for row, even when the right one is a row short
        ax.tick_params(axis="y", length=0, labelsize=_RANK_FONT)
        ax.tick_params(axis="x", labelsize=_RANK_FONT)
        if lo < 0:
            ax.axvline(0, color=_ZERO, linewidth=0.8, zorder=1.5)
        if xlabel:
            ax.set_xlabel(xlabel, fontsize=_RANK_FONT, color=_TEXT)
    # room at both ends for the value labels
    axes[0].set_xlim(lo - (0.1 * span if lo < 0 else 0.0), hi + (0.1 * span if hi > 0 else 0.0))
    if legend:
        _legend_below(fig, [Patch(facecolor=bar_color)], [str(s.name)])
    if title:
        fig.suptitle(title, x=0.01, ha="left", fontsize=_FONT + 1, color=_TEXT)
    return _tag(fig, s.to_frame(), "bar")


def _contributions_chart(
    contrib: pd.DataFrame,
    total: pd.Series | None,
    total_label: str,
    colors: Sequence[str],
    ylabel: str | None,
    title: str | None,
    figsize: tuple[float, float] | None,
) -> Figure:
    n = len(contrib)
    if n == 0:
        raise ReportError("contribution chart: the data are empty")
    fig, ax = _new_figure(figsize)
    pos = np.arange(n, dtype=float)
    handles = _stack(ax, contrib, pos, colors, 0.65)
    labels = [str(c) for c in contrib.columns]
    allvals = [contrib.clip(lower=0).sum(axis=1).to_numpy(), contrib.clip(upper=0).sum(axis=1).to_numpy()]
    if total is not None:
        t = total.reindex(contrib.index).to_numpy(dtype=float, na_value=np.nan)
        (h,) = ax.plot(pos, t, color=PALETTE[0], linewidth=1.6, marker="o", markersize=3.5, zorder=4)
        handles.append(h)
        labels.append(total_label)
        allvals.append(t)
    vals = np.concatenate([np.asarray(a, dtype=float) for a in allvals])
    vals = vals[np.isfinite(vals)]
    if vals.size and vals.min() < 0:
        ax.axhline(0, color=_ZERO, linewidth=0.8, zorder=1.5)
    _period_ticks(ax, contrib.index, max_labels=12)
    ax.set_xlim(-0.6, n - 0.4)
    _legend_below(fig, handles, labels)
    data = contrib.copy()
    if total is not None:
        data[total_label if total_label not in data.columns else f"{total_label} "] = total.reindex(contrib.index)
        return _tag(_finish(fig, ax, title, ylabel), data, "contributions")
    return _tag(_finish(fig, ax, title, ylabel), data, "stacked")


def stacked_contributions(
    contrib_df: pd.DataFrame,
    total: pd.Series | None = None,
    *,
    show_total: bool = True,
    total_label: str | None = None,
    lang: str = "zh",
    ylabel: str | None = None,
    title: str | None = None,
    colors: Sequence[str] | None = None,
    figsize: tuple[float, float] | None = None,
) -> Figure:
    """Stacked bars of contributions per period, positives and negatives stacked separately.

    ``total`` (e.g. the headline YoY) is drawn as a dark-red line with markers;
    when omitted it is the sum of the contributions ("合计"/"Total").
    Pass ``show_total=False`` for bars only.
    """
    check_lang(lang)
    contrib = _as_frame(contrib_df, "stacked_contributions data")
    if show_total:
        if total is None:
            total = contrib.sum(axis=1, min_count=1)
            name = total_label or label("total", lang)
        else:
            total = _as_series(total, "stacked_contributions total")
            name = total_label or (str(total.name) if total.name is not None else label("total", lang))
    else:
        total, name = None, ""
    cols = list(colors) if colors else _colors(contrib.shape[1], start=1)
    return _contributions_chart(contrib, total, name, cols, ylabel, title, figsize)


def carryover_bars(
    carryover: pd.Series,
    new_price: pd.Series,
    yoy: pd.Series | None = None,
    *,
    lang: str = "zh",
    ylabel: str | None = None,
    title: str | None = None,
    figsize: tuple[float, float] | None = None,
) -> Figure:
    """Carry-over (翘尾因素) and new-price (新涨价因素) effects as stacked bars, YoY (同比) as a line.

    Without ``yoy`` the line is the sum of the two effects.
    """
    check_lang(lang)
    c = _as_series(carryover, "carryover_bars carryover")
    n = _as_series(new_price, "carryover_bars new_price")
    idx = c.index.union(n.index) if not c.index.equals(n.index) else c.index
    contrib = pd.DataFrame({label("carryover", lang): c.reindex(idx), label("new_price", lang): n.reindex(idx)})
    total = contrib.sum(axis=1, min_count=1) if yoy is None else _as_series(yoy, "carryover_bars yoy")
    return _contributions_chart(contrib, total, label("yoy", lang), (PALETTE[1], "#A6A6A6"), ylabel, title, figsize)


def _place_labels(fig: Figure, ax: Axes, xs: np.ndarray, ys: np.ndarray, texts: Sequence[str],
                  colors: Sequence[str], others: np.ndarray | None = None) -> None:
    """Greedy label placement: try positions around each point, keep the first free one.

    A label avoids the labelled points, the labels already placed and the unlabelled
    points ``others`` (an ``(n, 2)`` array in data coordinates).
    """
    fig.canvas.draw()  # run the layout so display coordinates are final
    renderer = cast(FigureCanvasAgg, fig.canvas).get_renderer()
    pts = ax.transData.transform(np.column_stack([xs, ys]))
    r = 4.0 * fig.dpi / 72
    occupied = [(px - r, py - r, px + r, py + r) for px, py in pts]
    if others is not None and len(others):
        occupied += [(px - r, py - r, px + r, py + r) for px, py in ax.transData.transform(others)]
    ab = ax.get_window_extent(renderer)
    cands = [(5, 0, "left", "center"), (-5, 0, "right", "center"), (0, 5, "center", "bottom"),
             (0, -5, "center", "top"), (5, 5, "left", "bottom"), (-5, 5, "right", "bottom"),
             (5, -5, "left", "top"), (-5, -5, "right", "top"), (10, 10, "left", "bottom"),
             (-10, -10, "right", "top"), (10, -10, "left", "top"), (-10, 10, "right", "bottom"),
             (0, 12, "center", "bottom"), (0, -12, "center", "top"), (16, 16, "left", "bottom"),
             (-16, -16, "right", "top"), (16, -16, "left", "top"), (-16, 16, "right", "bottom"),
             # farther out, joined to the point by a hairline: where every near spot covers a neighbour
             (6, 24, "left", "bottom"), (6, -24, "left", "top"), (-6, 24, "right", "bottom"),
             (-6, -24, "right", "top"), (28, 14, "left", "bottom"), (28, -14, "left", "top"),
             (-28, 14, "right", "bottom"), (-28, -14, "right", "top"), (0, 34, "center", "bottom"),
             (0, -34, "center", "top")]

    def overlap(b: tuple[float, float, float, float], o: tuple[float, float, float, float]) -> float:
        w = min(b[2], o[2]) - max(b[0], o[0])
        h = min(b[3], o[3]) - max(b[1], o[1])
        return w * h if w > 0 and h > 0 else 0.0

    order = np.argsort(-np.abs(ys - np.nanmedian(ys)))  # extreme points first
    for i in order:
        best = None
        text = _point_label(texts[i])
        for dx, dy, ha, va in cands:
            lead = dict(arrowstyle="-", color=colors[i], linewidth=0.5, shrinkA=0, shrinkB=3) \
                if abs(dx) + abs(dy) > 30 else None
            ann = ax.annotate(text, (xs[i], ys[i]), xytext=(dx, dy), textcoords="offset points",
                              ha=ha, va=va, fontsize=_FONT - 1, color=colors[i], multialignment=ha,
                              arrowprops=lead)
            ann.set_in_layout(False)
            ann.update_positions(renderer)
            bb = Text.get_window_extent(ann, renderer)  # the text's box, without its leader line
            box = (bb.x0 - 1, bb.y0 - 1, bb.x1 + 1, bb.y1 + 1)
            own = occupied[i]
            cost = sum(overlap(box, o) for k, o in enumerate(occupied) if o is not own)
            if box[0] < ab.x0 or box[2] > ab.x1 or box[1] < ab.y0 or box[3] > ab.y1:
                cost += 1e6
            if best is None or cost < best[0]:
                if best is not None:
                    best[1].remove()
                best = (cost, ann, box)
            else:
                ann.remove()
            if cost == 0:
                break
        assert best is not None
        occupied.append(best[2])


def _point_label(text: str, max_em: float = 7.0) -> str:
    """A point's label on two lines when it is longer than ``max_em`` characters: broken after the
    "、" nearest its middle ("金属制品、\n机械和设备修理业"), else at a space or in the middle, so a
    long name does not run across its neighbours."""
    size = _FONT - 1
    if _text_width_pt(text, size) <= max_em * size or "\n" in text:
        return text
    mid = len(text) / 2
    cuts = [k + 1 for k, ch in enumerate(text[:-1]) if ch in "、，,/ "]
    if cuts:
        k = min(cuts, key=lambda c: abs(c - mid))
        return text[:k].rstrip() + "\n" + text[k:].lstrip()
    k = math.ceil(mid)
    return text[:k] + "\n" + text[k:]


def robust_limits(values: Sequence[float] | np.ndarray, k: float = 3.0) -> tuple[float, float]:
    """Axis limits that keep an outlier from squeezing the rest: the quartiles widened by ``k`` IQRs.

    Never wider than the data; zero is kept inside. Points beyond are for
    :func:`scatter_labeled` to draw at the edge.
    """
    v = np.asarray(values, dtype=float)
    v = v[np.isfinite(v)]
    if v.size == 0:
        raise ReportError("robust_limits: no finite value")
    q1, q3 = np.percentile(v, [25, 75])
    iqr = q3 - q1
    lo, hi = max(float(v.min()), q1 - k * iqr), min(float(v.max()), q3 + k * iqr)
    return min(lo, 0.0), max(hi, 0.0)


def scatter_labeled(
    x: Sequence[float] | pd.Series,
    y: Sequence[float] | pd.Series,
    labels: Sequence[str],
    xlabel: str | None = None,
    ylabel: str | None = None,
    *,
    highlight: Sequence[str] | None = None,
    sizes: Sequence[float] | None = None,
    lang: str = "zh",
    title: str | None = None,
    figsize: tuple[float, float] | None = None,
    label_only: Sequence[str] | None = None,
    limits: tuple[tuple[float, float], tuple[float, float]] | None = None,
) -> Figure:
    """Scatter with a text label at each point (e.g. industry weight vs cumulative change).

    Labels are placed around their point avoiding each other. Points whose
    label is in ``highlight`` are drawn in dark red. ``sizes`` scales markers.
    Zero lines are drawn on either axis the data cross. ``label_only`` labels
    just those points (and the ones outside ``limits``). ``limits`` —
    ``((xlo, xhi), (ylo, yhi))``, e.g. from :func:`robust_limits` — clips the
    axes: a point beyond them is drawn as a hollow marker at the edge.
    """
    check_lang(lang)
    xs = np.asarray(x, dtype=float)
    ys = np.asarray(y, dtype=float)
    texts = [str(s) for s in labels]
    if not (len(xs) == len(ys) == len(texts)):
        raise ReportError(f"scatter_labeled: x, y and labels differ in length ({len(xs)}, {len(ys)}, {len(texts)})")
    keep = np.isfinite(xs) & np.isfinite(ys)
    if not keep.any():
        raise ReportError("scatter_labeled: no point has both x and y")
    out = np.zeros(len(xs), dtype=bool)
    if limits is not None:
        (xlo, xhi), (ylo, yhi) = limits
        out = keep & ((xs < xlo) | (xs > xhi) | (ys < ylo) | (ys > yhi))
        xs, ys = np.clip(xs, xlo, xhi), np.clip(ys, ylo, yhi)
    fig, ax = _new_figure(figsize)
    ax.grid(axis="x", color=_GRID, linewidth=0.7)
    hl = set(highlight or ())
    colors = [PALETTE[0] if t in hl else PALETTE[1] for t in texts]
    if sizes is not None:
        sz = np.asarray(sizes, dtype=float)
        sz = 20 + 180 * (sz - np.nanmin(sz)) / (np.nanmax(sz) - np.nanmin(sz) or 1)
    else:
        sz = np.full(len(xs), 28.0)
    inside = keep & ~out
    ax.scatter(xs[inside], ys[inside], s=sz[inside], c=[c for c, k in zip(colors, inside) if k], alpha=0.85,
               edgecolors="white", linewidths=0.5, zorder=3)
    if out.any():
        ax.scatter(xs[out], ys[out], s=sz[out], facecolors="none",
                   edgecolors=[c for c, k in zip(colors, out) if k], linewidths=1.2, zorder=3)
    _zero_line(ax, ys[keep])
    _zero_line(ax, xs[keep], vertical=True)
    ax.margins(x=0.12, y=0.12)
    if xlabel:
        ax.set_xlabel(xlabel, fontsize=_FONT, color=_TEXT)
    _finish(fig, ax, title, ylabel)
    shown = keep if label_only is None else keep & (np.isin(texts, list(label_only)) | out)
    idx = np.flatnonzero(shown)
    rest = np.flatnonzero(keep & ~shown)
    _place_labels(fig, ax, xs[idx], ys[idx], [texts[i] for i in idx], [colors[i] for i in idx],
                  others=np.column_stack([xs[rest], ys[rest]]))
    data = pd.DataFrame({xlabel or "x": np.asarray(x, dtype=float), ylabel or "y": np.asarray(y, dtype=float)},
                        index=pd.Index(texts))
    return _tag(fig, data[keep], "scatter")


def band_chart(
    mean: pd.Series,
    low: pd.Series,
    high: pd.Series,
    highlight: pd.Series | None = None,
    *,
    lang: str = "zh",
    mean_label: str | None = None,
    band_label: str | None = None,
    highlight_label: str | None = None,
    ylabel: str | None = None,
    title: str | None = None,
    figsize: tuple[float, float] | None = None,
) -> Figure:
    """Seasonal range by calendar month: shaded min–max band, mean line, optional highlighted year.

    All series are indexed by month 1..12. ``highlight`` (e.g. this year,
    possibly only some months) is drawn thick in dark red; its label defaults
    to its name ("2025" -> "2025年" in Chinese).
    """
    check_lang(lang)
    m = _as_series(mean, "band_chart mean")
    lo = _as_series(low, "band_chart low").reindex(m.index)
    hi = _as_series(high, "band_chart high").reindex(m.index)
    months = _month_index(m.index, "band_chart mean")
    fig, ax = _new_figure(figsize)
    band = ax.fill_between(months, lo.to_numpy(dtype=float, na_value=np.nan), hi.to_numpy(dtype=float, na_value=np.nan), color=_BAND,
                           linewidth=0, zorder=2)
    (hm,) = ax.plot(months, m.to_numpy(dtype=float, na_value=np.nan), color=PALETTE[1], linewidth=1.6, linestyle="--", zorder=3)
    handles: list[Any] = [band, hm]
    labels = [band_label or label("range", lang), mean_label or label("mean", lang)]
    vals = [lo.to_numpy(dtype=float, na_value=np.nan), hi.to_numpy(dtype=float, na_value=np.nan)]
    if highlight is not None:
        h = _as_series(highlight, "band_chart highlight")
        hx = _month_index(h.index, "band_chart highlight")
        hv = h.to_numpy(dtype=float, na_value=np.nan)
        (hh,) = ax.plot(*_by_calendar_month(hx, hv), color=PALETTE[0], linewidth=2.4, marker="o", markersize=3.5,
                        zorder=4)
        handles.append(hh)
        name = highlight_label or (_year_label(h.name, lang) if h.name is not None else "")
        labels.append(name)
        vals.append(hv)
    _zero_line(ax, np.concatenate(vals))
    _month_ticks(ax, lang)
    _legend_below(fig, handles, labels)
    ends = (label("min", lang), label("max", lang)) if band_label is None else (
        f"{band_label}{label('number_sep', lang)}{label('min', lang)}", f"{band_label}{label('number_sep', lang)}{label('max', lang)}")
    data = pd.DataFrame({ends[0]: lo.to_numpy(dtype=float, na_value=np.nan),
                         ends[1]: hi.to_numpy(dtype=float, na_value=np.nan),
                         labels[1]: m.to_numpy(dtype=float, na_value=np.nan)}, index=pd.Index(months))
    if highlight is not None:
        data[labels[2] or " "] = pd.Series(hv, index=hx).reindex(months).to_numpy()
    return _tag(_finish(fig, ax, title, ylabel), data, "line")


def scenario_paths(
    history: pd.Series,
    scenarios: Mapping[str, pd.Series],
    *,
    lang: str = "zh",
    history_label: str | None = None,
    ylabel: str | None = None,
    title: str | None = None,
    figsize: tuple[float, float] | None = None,
) -> Figure:
    """History as a solid line, each scenario as a dashed line, the forecast span shaded.

    Scenario lines start from the last historical point so the paths join.
    The legend shows ``history_label`` (default: the history's name, else
    "历史"/"History") and the scenario names.
    """
    check_lang(lang)
    hist = _as_series(history, "scenario_paths history").dropna()
    if hist.empty:
        raise ReportError("scenario_paths: the history is empty")
    if not isinstance(scenarios, Mapping) or not scenarios:
        raise ReportError("scenario_paths: scenarios must be a non-empty dict of name -> Series")
    hx = _to_datetime_index(hist.index, "scenario_paths history")
    fig, ax = _new_figure(figsize)
    lx, ly = hx, hist.to_numpy(dtype=float, na_value=np.nan)
    reg = _regular_index(hist.index) if isinstance(hist.index, pd.PeriodIndex) else None
    if reg is not None:  # a missing period of the history is a gap, as in line_chart
        periods, full, monthly = reg
        lx = full.to_timestamp()
        ly = _gap_values(hist.set_axis(periods).reindex(full).to_numpy(dtype=float, na_value=np.nan), full, monthly)
    (hh,) = ax.plot(lx, ly, color="#262626", linewidth=1.8, zorder=4)
    lone = _lone_points(ly)
    if lone.any():
        ax.plot(lx[lone], ly[lone], linestyle="none", marker="o", markersize=3, color="#262626", zorder=4)
    handles: list[Any] = [hh]
    labels = [history_label or (str(hist.name) if hist.name else label("history", lang))]
    last_x, last_y = hx[-1], float(hist.iloc[-1])
    end = last_x
    vals = [hist.to_numpy(dtype=float, na_value=np.nan)]
    colors = [PALETTE[0], PALETTE[3], PALETTE[4], PALETTE[1], PALETTE[5], PALETTE[6], PALETTE[7]]
    for k, (name, path) in enumerate(scenarios.items()):
        s = _as_series(path, f"scenario_paths scenario '{name}'").dropna()
        if s.empty:
            continue
        sx = _to_datetime_index(s.index, f"scenario_paths scenario '{name}'")
        xs, ys = list(sx), list(s.to_numpy(dtype=float, na_value=np.nan))
        if sx[0] > last_x:
            xs, ys = [last_x] + xs, [last_y] + ys
        (h,) = ax.plot(xs, ys, color=colors[k % len(colors)], linewidth=1.6, linestyle=(0, (4, 2)),  # type: ignore[arg-type]
                       zorder=3)  # matplotlib's date units accept Timestamps; its stubs do not say so
        handles.append(h)
        labels.append(str(name))
        end = max(end, sx[-1])
        vals.append(np.asarray(ys, dtype=float))
    if end > last_x:
        ax.axvspan(last_x, end, color=_SHADE, zorder=0, linewidth=0)  # type: ignore[arg-type]  # date units
        ax.text(last_x, 0.97, " " + label("forecast", lang), transform=ax.get_xaxis_transform(),  # type: ignore[arg-type]
                ha="left", va="top", fontsize=_FONT - 0.5, color=_AXIS)
    _zero_line(ax, np.concatenate(vals))
    _date_axis(ax, hx[0], end)
    _legend_below(fig, handles, labels)
    data = pd.DataFrame({labels[0]: pd.Series(hist.to_numpy(dtype=float, na_value=np.nan), index=hx)})
    for name, path in scenarios.items():
        path = _as_series(path, "scenario").dropna()
        if path.empty or str(name) in data.columns:
            continue
        data = data.join(pd.Series(path.to_numpy(dtype=float, na_value=np.nan),
                                   index=_to_datetime_index(path.index, "scenario"), name=str(name)), how="outer")
    return _tag(_finish(fig, ax, title, ylabel), data, "line")

