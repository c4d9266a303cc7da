"""House-style building blocks for the chart functions: palette, axes, legends, date and month ticks.

Shared by :mod:`macrodesk.plotting.charts` and by report views that compose a
chart of their own (a second axis, a custom legend).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, Literal, cast

import numpy as np
import pandas as pd
from matplotlib import dates as mdates
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine

from macrodesk.exceptions import ReportError
from macrodesk.plotting._fonts import setup_matplotlib
from macrodesk.text.labels import MONTHS_EN as _MONTHS_EN
from macrodesk.text.labels import tr

#: Series colours, in order of use.
PALETTE: tuple[str, ...] = (
    "#C00000",  # dark red
    "#1F3864",  # navy
    "#7F7F7F",  # grey
    "#BF9000",  # gold
    "#2E75B6",  # blue/teal
    "#548235",  # green
    "#ED7D31",  # orange
    "#7030A0",  # purple
    "#A5A5A5",  # light grey
    "#843C0C",  # brown
)
#: Default figure size in inches (fits an A4 text column at full width).
FIGSIZE: tuple[float, float] = (7.5, 3.6)
#: Size of a chart drawn for half the text column (two side by side, as broker reports pair
#: exhibits): printed at about the scale of a full-width chart, so its text is as large.
HALF_FIGSIZE: tuple[float, float] = (3.7, 3.0)

_TEXT = "#262626"
_AXIS = "#595959"
_GRID = "#D0D0D0"
_ZERO = "#404040"
_BAND = "#D6DCE5"
_SHADE = "#F2F2F2"
_FONT = 9.0


# --------------------------------------------------------------------------- helpers


def _new_figure(figsize: tuple[float, float] | None = None) -> tuple[Figure, Axes]:
    setup_matplotlib()
    fig = Figure(figsize=figsize or FIGSIZE, layout="constrained", facecolor="white")
    FigureCanvasAgg(fig)
    cast(ConstrainedLayoutEngine, fig.get_layout_engine()).set(w_pad=0.04, h_pad=0.04, hspace=0.02, wspace=0.02)
    ax = fig.add_subplot()
    _style_axes(ax)
    return fig, ax


def _style_axes(ax: Axes, grid_axis: Literal["x", "y", "both"] | None = "y") -> None:
    ax.spines["top"].set_visible(False)
    ax.spines["right"].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(_AXIS)
        ax.spines[side].set_linewidth(0.8)
    ax.tick_params(labelsize=_FONT, colors=_TEXT, length=3, width=0.6, color=_AXIS)
    if grid_axis:
        ax.grid(axis=grid_axis, color=_GRID, linewidth=0.7, linestyle="-")
    ax.set_axisbelow(True)


def _style_right_axis(ax2: Axes) -> None:
    ax2.spines["top"].set_visible(False)
    ax2.spines["left"].set_visible(False)
    ax2.spines["bottom"].set_visible(False)
    ax2.spines["right"].set_color(_AXIS)
    ax2.spines["right"].set_linewidth(0.8)
    ax2.tick_params(labelsize=_FONT, colors=_TEXT, length=3, width=0.6, color=_AXIS)
    ax2.grid(False)


def _text_width_pt(s: str, size: float = _FONT) -> float:
    """Rough printed width of ``s``: CJK/full-width characters are one em, others ~0.55 em."""
    w = 0.0
    for ch in s:
        w += size if ord(ch) > 0x2E80 else 0.55 * size
    return w


def _legend_below(fig: Figure, handles: Sequence[Any], labels: Sequence[str]) -> None:
    """Legend centred below the plot, no frame, one row if it fits, else two (or more)."""
    if not handles:
        return
    n = len(handles)
    avail = fig.get_figwidth() * 72 * 0.96
    entry = [_text_width_pt(str(lab)) + 3.8 * _FONT for lab in labels]  # handle 1.8 + pad 0.5 + spacing 1.4 em, and a margin
    ncols = n
    while ncols > 1 and sum(max(entry[c::ncols]) for c in range(ncols)) > avail:
        ncols -= 1
    # matplotlib fills legend columns top to bottom (np.array_split); reorder so the
    # entries read left to right, row by row, in the order the series were drawn.
    rows = math.ceil(n / ncols)
    order = [r * ncols + c for c in range(ncols) for r in range(rows) if r * ncols + c < n]
    fig.legend(
        [handles[i] for i in order],
        [labels[i] for i in order],
        loc="outside lower center",
        ncols=max(ncols, 1),
        frameon=False,
        fontsize=_FONT,
        handlelength=1.8,
        handletextpad=0.5,
        columnspacing=1.4,
        borderaxespad=0.2,
    )


def _zero_line(ax: Axes, values: Any, vertical: bool = False) -> None:
    arr = np.asarray(values, dtype=float).ravel()
    arr = arr[np.isfinite(arr)]
    if arr.size and arr.min() < 0 < arr.max():
        if vertical:
            ax.axvline(0, color=_ZERO, linewidth=0.8, zorder=1.5)
        else:
            ax.axhline(0, color=_ZERO, linewidth=0.8, zorder=1.5)


def _as_frame(data: Any, what: str) -> pd.DataFrame:
    if isinstance(data, pd.Series):
        return data.to_frame(name=data.name if data.name is not None else "")
    if isinstance(data, pd.DataFrame):
        return data
    raise ReportError(f"{what} must be a pandas DataFrame or Series, got {type(data).__name__}")


def _as_series(data: Any, what: str) -> pd.Series:
    if isinstance(data, pd.Series):
        return data
    if isinstance(data, pd.DataFrame) and data.shape[1] == 1:
        return data.iloc[:, 0]
    raise ReportError(f"{what} must be a pandas Series, got {type(data).__name__}")


def _to_datetime_index(idx: pd.Index, what: str) -> pd.DatetimeIndex:
    if isinstance(idx, pd.PeriodIndex):
        return idx.to_timestamp()
    if isinstance(idx, pd.DatetimeIndex):
        return idx
    try:
        return pd.DatetimeIndex(pd.to_datetime(idx.astype(str)))
    except (ValueError, TypeError):
        raise ReportError(
            f"{what} needs a PeriodIndex or DatetimeIndex (or dates as text), got {type(idx).__name__}"
        ) from None


def _tick_format(step_months: int) -> str:
    """The strftime format of date ticks ``step_months`` apart: '2014' on a yearly (or longer)
    step, '2025-12' on a monthly one. The one place that decides how dates are ticked."""
    return "%Y" if step_months >= 12 else "%Y-%m"


def _is_annual(idx: pd.DatetimeIndex) -> bool:
    """True when dates fall once a year in the same month (an annual series stamped at a month end)."""
    if len(idx) < 2 or len(set(idx.month)) != 1:
        return False
    return bool(np.all(np.diff(idx.year) >= 1))


def _fits(ax: Axes, labels: int, chars: int) -> int:
    """How many of ``labels`` tick labels of ``chars`` characters fit across ``ax``'s figure (at least 3).

    A full-width chart keeps ``labels``; a narrow one (:data:`HALF_FIGSIZE`) gets as many as its
    width holds, so the labels of a half-width chart do not run into each other.
    """
    inches = cast(Figure, ax.get_figure(root=True)).get_figwidth()
    if inches >= FIGSIZE[0]:
        return labels
    width = inches * 72 * 0.78
    return max(3, min(labels, int(width // (_text_width_pt("0" * chars) + 1.2 * _FONT))))


def _date_axis(ax: Axes, start: pd.Timestamp, end: pd.Timestamp) -> None:
    """Ticks as 2025-12 at sensible month steps, or 2014 at year steps, at most ~8 labels (fewer on a
    narrow chart: as many as fit)."""
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if months <= 3:
        ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=_fits(ax, 8, 5)))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%m-%d"))
    else:
        for step in (1, 2, 3, 6, 12, 24, 36, 60, 120, 240):
            if months / step <= _fits(ax, 8, 4 if step >= 12 else 7):
                break
        if step < 12:
            loc: Any = mdates.MonthLocator(bymonth=range(1, 13, step))
        else:
            loc = mdates.YearLocator(step // 12)
        ax.xaxis.set_major_locator(loc)
        ax.xaxis.set_major_formatter(mdates.DateFormatter(_tick_format(step)))
    pad = (end - start) * 0.01
    ax.set_xlim(start - pad, end + pad)  # type: ignore[arg-type]  # matplotlib's date units accept Timestamps


def _period_labels(idx: pd.Index) -> list[str]:
    if isinstance(idx, pd.PeriodIndex):
        if idx.freqstr.startswith("M"):
            return [p.strftime(_tick_format(1)) for p in idx]
        if idx.freqstr.startswith(("Y", "A")):
            return [p.strftime(_tick_format(12)) for p in idx]
        return [str(p) for p in idx]
    if isinstance(idx, pd.DatetimeIndex):
        if all(t.day == 1 for t in idx) or all(t.is_month_end for t in idx):
            fmt = _tick_format(12 if _is_annual(idx) else 1)
            return [t.strftime(fmt) for t in idx]
        return [t.strftime("%Y-%m-%d") for t in idx]
    return [str(v) for v in idx]


def _wrap_label(text: str, width_pt: float) -> str:
    """Wrap a tick label to ``width_pt``: by words for Latin text, by characters for CJK."""
    if _text_width_pt(text) <= width_pt:
        return text
    if " " in text.strip():
        lines: list[str] = []
        cur = ""
        for word in text.split():
            cand = f"{cur} {word}".strip()
            if cur and _text_width_pt(cand) > width_pt:
                lines.append(cur)
                cur = word
            else:
                cur = cand
        lines.append(cur)
        return "\n".join(lines)
    per_line = max(1, int(width_pt // _FONT))
    n_lines = math.ceil(len(text) / per_line)
    per_line = math.ceil(len(text) / n_lines)  # balance the lines
    return "\n".join(text[i : i + per_line] for i in range(0, len(text), per_line))


def _category_ticks(ax: Axes, labels: Sequence[str], axis: str = "x", max_labels: int = 12) -> None:
    """Category tick labels; on x, long labels are wrapped (up to 3 lines) or else rotated."""
    n = len(labels)
    step = max(1, math.ceil(n / max_labels))
    if axis == "x":  # a label that cannot wrap (a year, a number) is thinned out rather than broken
        inches = cast(Figure, ax.get_figure(root=True)).get_figwidth()
        solid = max((_text_width_pt(t) for t in labels if t.isascii() and " " not in t.strip()), default=0.0)
        while step < n and solid > inches * 72 * 0.88 / max(n / step, 1) - 4:
            step += 1
    pos = list(range(0, n, step))
    shown = [labels[i] for i in pos]
    if axis == "x":
        slot = inches * 72 * 0.88 / max(n / step, 1) - 4
        wrapped = [_wrap_label(t, slot) for t in shown]
        if max((w.count("\n") for w in wrapped), default=0) <= 2:
            ax.set_xticks(pos, wrapped)
        else:
            ax.set_xticks(pos, shown)
            # the gentlest slant at which neighbouring labels keep a line's height apart
            pitch = slot + 4
            angle = next((a for a in (30, 45, 60) if pitch * math.sin(math.radians(a)) >= 1.1 * _FONT), 90)
            for t in ax.get_xticklabels():
                t.set_rotation(angle)
                t.set_horizontalalignment("right")
                t.set_rotation_mode("anchor")
    else:
        ax.set_yticks(pos, shown)


def _period_ticks(ax: Axes, idx: pd.Index, max_labels: int = 12) -> None:
    """Ticks for bars at positions 0..n-1 of a monthly index, on a regular calendar step.

    Months are labelled where the calendar month falls on the step (every month, or
    Jan/Apr/Jul/Oct, or each January …), so a missing month never shifts the ticks;
    any other index gets plain category ticks.
    """
    months = _monthly(idx)
    if months is None:
        _category_ticks(ax, _period_labels(idx), axis="x", max_labels=max_labels)
        return
    span = (months[-1].year - months[0].year) * 12 + months[-1].month - months[0].month + 1
    step = next((s for s in (1, 2, 3, 6, 12, 24, 36, 60, 120)
                 if span / s <= _fits(ax, max_labels, 4 if s >= 12 else 7)), 120)
    pos = [i for i, m in enumerate(months)
           if (step < 12 and (m.month - 1) % step == 0) or (step >= 12 and m.month == 1 and m.year % (step // 12) == 0)]
    if not pos:
        pos = [0]
    ax.set_xticks(pos, [months[i].strftime(_tick_format(step)) for i in pos])


def _monthly(idx: pd.Index) -> list[pd.Period] | None:
    """The index as monthly periods, or None when it is not monthly."""
    if isinstance(idx, pd.PeriodIndex) and idx.freqstr.startswith("M"):
        return list(idx)
    if isinstance(idx, pd.DatetimeIndex) and len(idx) and (all(t.is_month_end for t in idx) or all(t.day == 1 for t in idx)):
        return list(idx.to_period("M"))
    return None


def _regular_index(idx: pd.Index) -> tuple[pd.PeriodIndex, pd.PeriodIndex, bool] | None:
    """``(idx as periods, every period from its first to its last, monthly)`` for a regular index.

    The one place that decides which lines break at a missing period: monthly, quarterly and
    annual series are drawn on their full period range, so a period without a value is a gap
    in the line (see :func:`_gap_values`). Monthly periods (or dates all on the 1st or all at
    month ends) observed only every third or twelfth month are quarterly or annual: the range
    steps by 3 or 12 months. ``monthly`` is True on a month-by-month axis. None for daily,
    weekly and other dates, whose gaps are natural (weekends, holidays): drawn as they are.
    """
    if isinstance(idx, pd.PeriodIndex) and idx.freqstr.startswith(("Q", "Y", "A")):
        if len(idx) == 0 or idx.has_duplicates:
            return None
        return idx, pd.period_range(idx.min(), idx.max(), freq=idx.freq), False
    months = _monthly(idx)
    if not months:
        return None
    per = pd.PeriodIndex(months, freq="M")
    if per.has_duplicates:
        return None
    steps = [int(d) for d in np.diff(np.sort(np.asarray(per.asi8, dtype=np.int64)))]
    step = next((k for k in (12, 3) if steps and all(d % k == 0 for d in steps)), 1)
    full = pd.period_range(per.min(), per.max(), freq="M")[::step]
    return per, full, step == 1


def _gap_values(y: np.ndarray, full: pd.PeriodIndex, monthly: bool) -> np.ndarray:
    """The values a line is drawn through, on the full period axis ``full``: a missing period is a gap.

    One exception, the merged Jan–Feb releases (industrial output, retail sales …): a monthly
    series lacking every January between its first and last values (at least two) is published
    Jan–Feb combined, and its line runs from December to February. Any other missing month,
    such as a release not in the data, breaks the line.
    """
    y = np.asarray(y, dtype=float)
    fin = np.flatnonzero(np.isfinite(y))
    if not monthly or fin.size < 2:
        return y
    jan = np.flatnonzero(np.asarray(full.month) == 1)
    jan = jan[(jan > fin[0]) & (jan < fin[-1])]
    if jan.size < 2 or np.isfinite(y[jan]).any():
        return y
    out = y.copy()
    both = jan[np.isfinite(y[jan - 1]) & np.isfinite(y[jan + 1])]
    out[both] = np.interp(both, fin, y[fin])  # the midpoint, computed as pandas' linear interpolation does
    return out


def _lone_points(y: np.ndarray) -> np.ndarray:
    """Where ``y`` has a value with no value on either side: a line through it draws nothing."""
    ok = np.isfinite(np.asarray(y, dtype=float))
    prev = np.concatenate([[False], ok[:-1]])
    nxt = np.concatenate([ok[1:], [False]])
    return ok & ~prev & ~nxt


def _by_calendar_month(months: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``values`` at calendar months ``months`` (1..12) on every month from the first to the last with a
    value, so a missing month is a gap in the line (seasonal charts: one line per year)."""
    v = np.asarray(values, dtype=float)
    m = np.asarray(months, dtype=float)
    ok = np.isfinite(v)
    if not ok.any():
        return m[ok], v[ok]
    if len(np.unique(m[ok])) != ok.sum():
        raise ReportError(f"calendar months repeat in a seasonal line: {sorted(m[ok].tolist())}")
    full = np.arange(m[ok].min(), m[ok].max() + 1)
    return full, pd.Series(v[ok], index=m[ok]).reindex(full).to_numpy(dtype=float)


def _align_zero(ax: Axes, ax2: Axes) -> None:
    """Put the zero of a secondary axis at the height of the primary axis' zero.

    Done only when both axes' ranges contain zero (two rates on two scales); an axis of
    levels far from zero keeps its own range.
    """
    (a0, a1), (b0, b1) = ax.get_ylim(), ax2.get_ylim()
    if not (a0 < 0 < a1 and b0 < 0 < b1):
        return
    fa, fb = -a0 / (a1 - a0), -b0 / (b1 - b0)  # share of each axis below zero
    f = max(fa, fb)
    if fa < f:
        ax.set_ylim(-f * a1 / (1 - f), a1)
    if fb < f:
        ax2.set_ylim(-f * b1 / (1 - f), b1)


def _year_label(col: Any, lang: str) -> str:
    try:
        y = int(str(col))
    except ValueError:
        return str(col)
    if 1800 <= y <= 2200:
        return tr(f"{y}年", str(col), lang)
    return str(col)


def _month_ticks(ax: Axes, lang: str) -> None:
    """Ticks 1月…12月 (Jan…Dec); on a chart too narrow for twelve labels, every other month is named."""
    names = tr([f"{m}月" for m in range(1, 13)], list(_MONTHS_EN), lang)
    if _fits(ax, 12, 4) < 12:
        names = [n if m % 2 == 0 else "" for m, n in enumerate(names)]  # 1月, 3月 … 11月
    ax.set_xticks(range(1, 13), names)
    ax.set_xlim(0.6, 12.4)


def _month_index(idx: pd.Index, what: str) -> np.ndarray:
    try:
        m = np.asarray(idx, dtype=float)
    except (TypeError, ValueError):
        raise ReportError(f"{what} must be indexed by calendar month 1..12") from None
    if m.size and (np.nanmin(m) < 1 or np.nanmax(m) > 12 or not np.all(m == np.round(m))):
        raise ReportError(f"{what} must be indexed by calendar month 1..12, got {list(idx)[:5]}…")
    return m


def _finish(fig: Figure, ax: Axes, title: str | None, ylabel: str | None) -> Figure:
    if title:
        ax.set_title(title, loc="left", fontsize=_FONT + 1, color=_TEXT, pad=6)
    if ylabel:
        ax.set_ylabel(ylabel, fontsize=_FONT, color=_TEXT)
    return fig


def _colors(n: int, start: int = 0) -> list[str]:
    pal = PALETTE[start:] + PALETTE[:start]
    return [pal[i % len(pal)] for i in range(n)]


# --------------------------------------------------------------------------- charts
