"""Ratios of two series on one calendar: a part's share of a total, a stock in days of a flow.

``share(food, total)`` is the Engel coefficient when ``food`` is household spending on food
(and tobacco and liquor) per head and ``total`` all spending per head; ``turnover_days(inventory,
revenue_ytd)`` is finished-goods inventory in days of year-to-date revenue; ``moving_average`` smooths
such a ratio over twelve months (its seasonality).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from macrodesk.exceptions import TransformError
from macrodesk.transforms._frames import Frame, _check, _pindex, _same_kind

__all__ = ["moving_average", "share", "turnover_days"]


def _aligned(a: Frame, b: Frame, name_a: str, name_b: str) -> tuple[Frame, Frame]:
    a = _check(a, name_a)
    b = _check(b, name_b)
    _same_kind(a, b, name_a, name_b)
    if _pindex(a).freqstr != _pindex(b).freqstr:
        raise TransformError(f"{name_a} is {_pindex(a).freqstr} but {name_b} is {_pindex(b).freqstr}; "
                             "both must have the same frequency")
    idx = _pindex(a).union(_pindex(b))
    return a.reindex(idx), b.reindex(idx)


def share(part: Frame, total: Frame) -> Frame:
    """A part's share of a total, on the union of the two calendars.

    Parameters
    ----------
    part, total : Series or DataFrame
        Levels in the same unit and frequency (year-to-date values give the year-to-date share).

    Returns
    -------
    Series or DataFrame
        A fraction; NaN where either is missing or ``total`` is 0.

    Notes
    -----
    ``s_t = part_t / total_t``: with food, tobacco and liquor spending per head over all spending
    per head, the Engel coefficient.
    """
    p, t = _aligned(part, total, "part", "total")
    with np.errstate(divide="ignore", invalid="ignore"):
        out = p / t.where(t != 0)
    return out


def turnover_days(stock: Frame, flow_ytd: Frame) -> Frame:
    """A period-end stock in days of the year-to-date flow.

    Parameters
    ----------
    stock : Series or DataFrame
        Period-end stock (e.g. finished-goods inventory), monthly or quarterly.
    flow_ytd : Series or DataFrame
        Year-to-date flow in the same unit and frequency (e.g. revenue).

    Returns
    -------
    Series or DataFrame
        Days; NaN where the flow is missing or not positive.

    Notes
    -----
    ``d_t = stock_t / (flow_ytd_t / n_t)`` with ``n_t`` the days from 1 January to the end of
    period t (59 or 60 for a February stamp that holds January–February).
    """
    s, f = _aligned(stock, flow_ytd, "stock", "flow_ytd")
    idx = _pindex(s)
    days = np.asarray(idx.end_time.day_of_year, dtype=float)
    per_day = f.div(days, axis=0) if isinstance(f, pd.DataFrame) else f / days
    with np.errstate(divide="ignore", invalid="ignore"):
        return s / per_day.where(per_day > 0)


def moving_average(x: Frame, window: int = 12, min_periods: int | None = None) -> Frame:
    """Mean of the observed values among the last ``window`` periods (``MA12``).

    Parameters
    ----------
    x : Series or DataFrame
        Values on a PeriodIndex.
    window : int, default 12
        Periods in the window.
    min_periods : int, optional
        Observed values needed (default ``window - 1``: one missing period is allowed, as in the
        January of the Jan–Feb combined NBS releases).

    Returns
    -------
    Series or DataFrame
        Same index as ``x``; NaN where fewer than ``min_periods`` values are observed.

    Notes
    -----
    ``m_t = mean{x_s : t - window < s <= t, x_s observed}``.
    """
    if not isinstance(window, int) or isinstance(window, bool) or window < 1:
        raise TransformError(f"window must be a whole number of periods ≥ 1, got {window!r}")
    need = window - 1 if min_periods is None else min_periods
    if not 1 <= need <= window:
        raise TransformError(f"min_periods must be between 1 and window ({window}), got {need}")
    x = _check(x, "x")
    return x.rolling(window, min_periods=max(need, 1)).mean()
