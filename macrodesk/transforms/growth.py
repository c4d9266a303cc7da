"""Growth rates, chained indices, cumulative and two-year changes, Jan–Feb YoY and percentiles.

All rates are *fractions* (0.007 = 0.7%). Every function takes a
:class:`pandas.Series` or a :class:`pandas.DataFrame` (one column per series)
indexed by a :class:`pandas.PeriodIndex` with a monthly (``'M'``) or, where it
makes sense, quarterly (``'Q'``) frequency, and returns the same type. A
DataFrame is processed column-wise in one vectorised operation.

An index with holes is first reindexed to the complete range of periods
(missing periods become NaN), so ``shift(12)`` always means "twelve periods
earlier".

The input checks and array helpers shared by the transform modules live in
:mod:`macrodesk.transforms._frames`; the YoY projection in
:mod:`macrodesk.transforms.projection`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from macrodesk.exceptions import TransformError
from macrodesk.transforms._frames import (  # the helpers are also imported from here by carryover
    Frame,
    _as2d,
    _by_year,
    _check,
    _finite,
    _label,
    _like,
    _month_arg,
    _period_arg,
    _periods_per_year,
    _pindex,
)

__all__ = [
    "cagr2y",
    "cagr2y_from_yoy",
    "chain",
    "cumulative",
    "cumulative_span",
    "cumulative_ytd",
    "expanding_percentile",
    "janfeb_yoy",
    "mom",
    "percentile_of_last",
    "yoy",
    "yoy_janfeb_combined",
]


# --------------------------------------------------------------------------
# growth rates
# --------------------------------------------------------------------------


def _growth(level: Frame, lag: int) -> Frame:
    v = _as2d(level)
    out = np.full_like(v, np.nan)
    with np.errstate(divide="ignore", invalid="ignore"):
        out[lag:] = v[lag:] / v[:-lag] - 1.0
    return _like(level, _finite(out))


def yoy(level: Frame, periods: int | None = None) -> Frame:
    """Year-on-year growth of a level series.

    Parameters
    ----------
    level : Series or DataFrame
        Levels on a monthly or quarterly PeriodIndex.
    periods : int, optional
        Lag in periods. Default 12 for monthly, 4 for quarterly data.

    Returns
    -------
    Series or DataFrame
        Same type and index as ``level``; the first ``periods`` values are NaN.

    Notes
    -----
    ``y_t = X_t / X_{t-p} - 1``. A zero base ``X_{t-p} = 0`` gives NaN, not inf.
    """
    level = _check(level, "level")
    if periods is None:
        periods = _periods_per_year(level)
    if isinstance(periods, bool) or not isinstance(periods, (int, np.integer)) or periods < 1:
        raise TransformError(
            f"periods must be a positive integer lag (e.g. 12 for monthly YoY); got {periods!r}."
        )
    if len(level) <= periods:
        return _like(level, np.full(_as2d(level).shape, np.nan))
    return _growth(level, int(periods))


def mom(level: Frame) -> Frame:
    """Period-on-period (month-on-month) growth of a level series.

    Parameters
    ----------
    level : Series or DataFrame
        Levels on a monthly (or quarterly, giving QoQ) PeriodIndex.

    Returns
    -------
    Series or DataFrame
        Same type and index as ``level``; the first value is NaN.

    Notes
    -----
    ``m_t = X_t / X_{t-1} - 1``. A zero base gives NaN.
    """
    level = _check(level, "level")
    if len(level) <= 1:
        return _like(level, np.full(_as2d(level).shape, np.nan))
    return _growth(level, 1)


def chain(mom: Frame, base: float = 100.0) -> Frame:
    """Chain a month-on-month series into a level index.

    Parameters
    ----------
    mom : Series or DataFrame
        MoM changes as fractions.
    base : float, default 100.0
        Level of the index in the period *before* the first MoM value.

    Returns
    -------
    Series or DataFrame
        The chained index, same type and index as ``mom``. Leading and trailing
        NaNs (a series that starts late or ends early) stay NaN.

    Raises
    ------
    TransformError
        If a MoM value is missing *between* two observed values: a chain
        cannot cross a gap. The message names the first missing period.

    Notes
    -----
    ``I_t = base * prod_{k <= t} (1 + m_k)``, i.e. ``I_t = I_{t-1} (1 + m_t)``
    with the product running from the first observed MoM of each column.
    ``chain(mom(X))`` therefore equals ``X * base / X_0`` from the second
    period on.
    """
    mom = _check(mom, "mom")
    try:
        base = float(base)
    except (TypeError, ValueError):
        raise TransformError(f"base must be a number (e.g. 100.0); got {base!r}.") from None
    v = _as2d(mom)
    valid = ~np.isnan(v)
    started = np.maximum.accumulate(valid, axis=0)
    not_ended = np.maximum.accumulate(valid[::-1], axis=0)[::-1]
    gap = started & not_ended & ~valid
    if gap.any():
        rows, cols = np.nonzero(gap)
        first = int(rows.min())
        col = int(cols[rows == first][0])
        raise TransformError(
            f"mom{_label(mom, col)} is missing at {mom.index[first]} between observed "
            "values; a chained index cannot cross a gap. Fill the missing MoM "
            "(e.g. from the published index) or chain each stretch separately."
        )
    out = base * np.cumprod(np.where(valid, 1.0 + v, 1.0), axis=0)
    out[~valid] = np.nan
    return _like(mom, out)


# --------------------------------------------------------------------------
# cumulative changes
# --------------------------------------------------------------------------


def cumulative(mom: Frame, start_month: int = 1, end_month: int = 12) -> Frame:
    """Cumulative change over a span of calendar months, per calendar year.

    Parameters
    ----------
    mom : Series or DataFrame
        Monthly MoM changes (fractions).
    start_month, end_month : int
        First and last calendar month of the span (1..12, start <= end), e.g.
        1 and 11 for Jan–Nov.

    Returns
    -------
    Series or DataFrame
        Indexed by calendar year (int, index name ``'year'``) for every year the
        data touches; NaN for a year with any missing month in the span
        (including months outside the data).

    Notes
    -----
    ``C_Y = prod_{k=start..end} (1 + m_{Y,k}) - 1``.
    """
    mom = _check(mom, "mom", freqs=("M",))
    s = _month_arg(start_month, "start_month")
    e = _month_arg(end_month, "end_month")
    if s > e:
        raise TransformError(
            f"start_month ({s}) must not be after end_month ({e}); for a span across "
            "the turn of the year use cumulative_span(mom, start, end)."
        )
    years, cube = _by_year(mom)
    out = np.prod(1.0 + cube[:, s - 1 : e, :], axis=1) - 1.0
    index = pd.Index(years, name="year")
    if isinstance(mom, pd.Series):
        return pd.Series(out.reshape(-1), index=index, name=mom.name)
    return pd.DataFrame(out, index=index, columns=mom.columns)


def cumulative_ytd(mom: Frame) -> Frame:
    """Cumulative change from January to each month of the same year (累计环比).

    Parameters
    ----------
    mom : Series or DataFrame
        Monthly MoM changes (fractions) on a monthly PeriodIndex.

    Returns
    -------
    Series or DataFrame
        Same type and index; NaN from the first missing month of a year on (and for
        every month of a year whose data start after January).

    Notes
    -----
    ``C_{Y,m} = prod_{k=1..m} (1 + m_{Y,k}) - 1``.
    """
    mom = _check(mom, "mom", freqs=("M",))
    v = _as2d(mom)
    out = np.full_like(v, np.nan)
    idx = _pindex(mom)
    years, months = np.asarray(idx.year), np.asarray(idx.month)
    for y in np.unique(years):
        rows = np.flatnonzero(years == y)
        # complete from January: the months of the year must be 1, 2, … in order
        ok = months[rows] == np.arange(1, len(rows) + 1)
        n = len(rows) if ok.all() else int(np.argmin(ok))
        if n:
            out[rows[:n]] = np.cumprod(1.0 + v[rows[:n]], axis=0) - 1.0
    return _like(mom, out)


def cumulative_span(
    mom: pd.Series | pd.DataFrame, start: Any, end: Any
) -> float | pd.Series:
    """Cumulative change over an arbitrary span of periods.

    Parameters
    ----------
    mom : Series or DataFrame
        Period-on-period changes (fractions), monthly or quarterly.
    start, end : Period or str
        First and last period of the span, inclusive (e.g. '2024-12', '2025-11').

    Returns
    -------
    float or Series
        A float for a Series input; a Series indexed by column for a DataFrame.
        NaN where any period in the span is missing.

    Raises
    ------
    TransformError
        If ``start`` is after ``end`` or the span lies outside ``mom``'s index.

    Notes
    -----
    ``C = prod_{k=start..end} (1 + m_k) - 1``.
    """
    mom = _check(mom, "mom")
    freq = _pindex(mom).freq
    ps = _period_arg(start, "start", freq)
    pe = _period_arg(end, "end", freq, how="end")
    if ps > pe:
        raise TransformError(f"start ({ps}) must not be after end ({pe}).")
    if len(mom) == 0 or ps < mom.index[0] or pe > mom.index[-1]:
        rng = f"{mom.index[0]}..{mom.index[-1]}" if len(mom) else "empty"
        raise TransformError(
            f"span {ps}..{pe} is outside mom's index ({rng}); choose start/end within it."
        )
    v = _as2d(mom.loc[ps:pe])
    out = np.prod(1.0 + v, axis=0) - 1.0
    if isinstance(mom, pd.Series):
        return float(out[0])
    return pd.Series(out, index=mom.columns)


# --------------------------------------------------------------------------
# two-year compound growth
# --------------------------------------------------------------------------


def cagr2y(level: Frame) -> Frame:
    """Two-year compound annual growth rate (base-effect-neutral).

    Parameters
    ----------
    level : Series or DataFrame
        Levels on a monthly or quarterly PeriodIndex.

    Returns
    -------
    Series or DataFrame
        Same type and index; NaN for the first 24 (8 quarterly) periods and
        where the ratio is negative or its base is zero.

    Notes
    -----
    ``g_t = sqrt(X_t / X_{t-24}) - 1`` (lag 8 for quarterly data).
    """
    level = _check(level, "level")
    lag = 2 * _periods_per_year(level)
    v = _as2d(level)
    out = np.full_like(v, np.nan)
    if len(v) > lag:
        with np.errstate(divide="ignore", invalid="ignore"):
            out[lag:] = np.sqrt(v[lag:] / v[:-lag]) - 1.0
    return _like(level, _finite(out))


def cagr2y_from_yoy(yoy: Frame) -> Frame:
    """Two-year compound growth from two consecutive YoY rates.

    Parameters
    ----------
    yoy : Series or DataFrame
        YoY growth (fractions), monthly or quarterly.

    Returns
    -------
    Series or DataFrame
        Same type and index; NaN for the first 12 (4) periods.

    Notes
    -----
    ``g_t = sqrt((1 + y_t)(1 + y_{t-12})) - 1`` (lag 4 for quarterly data);
    equal to :func:`cagr2y` of the underlying level.
    """
    yoy = _check(yoy, "yoy")
    lag = _periods_per_year(yoy)
    v = _as2d(yoy)
    out = np.full_like(v, np.nan)
    if len(v) > lag:
        with np.errstate(invalid="ignore"):
            out[lag:] = np.sqrt((1.0 + v[lag:]) * (1.0 + v[:-lag])) - 1.0
    return _like(yoy, out)


# --------------------------------------------------------------------------
# Spring Festival treatment
# --------------------------------------------------------------------------


def _janfeb_by_year(level: pd.Series | pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    years, cube = _by_year(level)
    jf = cube[:, 0, :] + cube[:, 1, :]
    out = np.full_like(jf, np.nan)
    if len(jf) > 1:
        with np.errstate(divide="ignore", invalid="ignore"):
            out[1:] = jf[1:] / jf[:-1] - 1.0
    return years, _finite(out)


def janfeb_yoy(level: Frame) -> Frame:
    """Combined January–February YoY (Spring Festival neutral).

    Parameters
    ----------
    level : Series or DataFrame
        Monthly levels (flows such as exports or retail sales).

    Returns
    -------
    Series or DataFrame
        Indexed by the **February periods only** (a monthly PeriodIndex with one
        entry per year whose February lies within the data); NaN where Jan or
        Feb of either year is missing.

    Notes
    -----
    ``y_{JF,Y} = (X_{Jan,Y} + X_{Feb,Y}) / (X_{Jan,Y-1} + X_{Feb,Y-1}) - 1``.
    """
    level = _check(level, "level", freqs=("M",))
    years, out = _janfeb_by_year(level)
    if len(years) == 0:
        return _like(level, np.empty((0, _as2d(level).shape[1])), index=level.index[:0])
    febs = pd.PeriodIndex([pd.Period(year=int(y), month=2, freq="M") for y in years])
    keep = (febs >= level.index[0]) & (febs <= level.index[-1])
    return _like(level, out[keep], index=febs[keep])


def yoy_janfeb_combined(level: Frame) -> Frame:
    """Monthly YoY with January and February replaced by the Jan–Feb combined YoY.

    Parameters
    ----------
    level : Series or DataFrame
        Monthly levels.

    Returns
    -------
    Series or DataFrame
        Same type and index as ``level``.

    Notes
    -----
    ``y_t = X_t / X_{t-12} - 1`` for March..December; for January and February of
    year ``Y`` both carry ``(X_{Jan,Y} + X_{Feb,Y}) / (X_{Jan,Y-1} + X_{Feb,Y-1}) - 1``
    (the Spring Festival treatment used in trade charts).
    """
    level = _check(level, "level", freqs=("M",))
    single = _as2d(yoy(level)).copy()
    years, jf = _janfeb_by_year(level)
    if len(years):
        month = np.asarray(_pindex(level).month)
        rows = np.nonzero(month <= 2)[0]
        yi = np.asarray(_pindex(level).year)[rows] - years[0]
        single[rows] = jf[yi]
    return _like(level, single)


# --------------------------------------------------------------------------
# percentiles
# --------------------------------------------------------------------------


def percentile_of_last(
    x: pd.Series | pd.DataFrame, start: Any = None, end: Any = None
) -> float | pd.Series:
    """Percentile of the latest value within a history window.

    Parameters
    ----------
    x : Series or DataFrame
        Values on a monthly or quarterly PeriodIndex.
    start, end : Period or str, optional
        Window bounds, inclusive (default: the whole history), e.g. '2012-01'.

    Returns
    -------
    float or Series
        Share in [0, 1]; a float for a Series, a Series indexed by column for a
        DataFrame. NaN if the window holds no observation.

    Notes
    -----
    With ``x_L`` the last non-missing value in the window and ``N`` the number
    of non-missing observations in it: ``P = #{t in window: x_t <= x_L} / N``.
    The latest value counts itself, so the maximum gives 1.0 and the minimum
    ``1/N``.
    """
    x = _check(x, "x")
    freq = _pindex(x).freq
    ps = None if start is None else _period_arg(start, "start", freq)
    pe = None if end is None else _period_arg(end, "end", freq, how="end")
    if ps is not None and pe is not None and ps > pe:
        raise TransformError(f"start ({ps}) must not be after end ({pe}).")
    v = _as2d(x.loc[ps:pe])
    if len(v) == 0:
        out = np.full(v.shape[1], np.nan)
    else:
        last = pd.DataFrame(v).ffill().to_numpy()[-1]
        n = (~np.isnan(v)).sum(axis=0)
        le = (v <= last).sum(axis=0)
        with np.errstate(divide="ignore", invalid="ignore"):
            out = np.where(n > 0, le / np.maximum(n, 1), np.nan)
    if isinstance(x, pd.Series):
        return float(out[0])
    return pd.Series(out, index=x.columns)


def expanding_percentile(x: Frame, start: Any = None) -> Frame:
    """Percentile of each value within all observations since ``start``.

    Parameters
    ----------
    x : Series or DataFrame
        Values on a monthly or quarterly PeriodIndex.
    start : Period or str, optional
        Beginning of the expanding window (default: the first period).

    Returns
    -------
    Series or DataFrame
        Same type, index from ``start`` on; NaN where ``x_t`` is missing.

    Notes
    -----
    ``P_t = #{s in [start, t]: x_s <= x_t} / #{s in [start, t]: x_s observed}``;
    the last value equals :func:`percentile_of_last` on the same window.
    """
    x = _check(x, "x")
    ps = None if start is None else _period_arg(start, "start", _pindex(x).freq)
    w = x.loc[ps:]
    return w.expanding().rank(method="max", pct=True)
