"""Growth rates, chained indices, YoY projection and related transforms.

All rates are *fractions* (0.007 = 0.7%). Every function takes a
:class:`pandas.Series` or a :class:`pandas.DataFrame` (one column per series)
indexed by a :class:`pandas.PeriodIndex` with a monthly (``'M'``) or, where it
makes sense, quarterly (``'Q'``) frequency, and returns the same type. A
DataFrame is processed column-wise in one vectorised operation.

An index with holes is first reindexed to the complete range of periods
(missing periods become NaN), so ``shift(12)`` always means "twelve periods
earlier".

This module also holds the private validation helpers shared by the other
transform modules (``_check``, ``_complete``, ...).
"""

from __future__ import annotations

import re
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from macrodesk.exceptions import TransformError

__all__ = [
    "cagr2y",
    "cagr2y_from_yoy",
    "chain",
    "cumulative",
    "cumulative_span",
    "expanding_percentile",
    "janfeb_yoy",
    "mom",
    "percentile_of_last",
    "project_yoy",
    "yoy",
    "yoy_janfeb_combined",
    "yoy_recursion_residual",
]

Frame = TypeVar("Frame", pd.Series, pd.DataFrame)

# --------------------------------------------------------------------------
# private helpers shared by the transform modules
# --------------------------------------------------------------------------


def _freq_code(index: pd.PeriodIndex) -> str:
    """'M' or 'Q' for a PeriodIndex, '' for anything else."""
    fs = index.freqstr or ""
    if fs == "M":
        return "M"
    if fs == "Q" or fs.startswith("Q-"):
        return "Q"
    return ""


def _periods_per_year(x: pd.Series | pd.DataFrame) -> int:
    return 12 if _freq_code(x.index) == "M" else 4  # type: ignore[arg-type]


def _complete(x: Frame) -> Frame:
    """Reindex ``x`` to the complete, sorted range of its PeriodIndex.

    Missing periods become NaN rows. Returns ``x`` itself when the index is
    already complete and sorted (no copy).
    """
    idx = x.index
    if not isinstance(idx, pd.PeriodIndex):
        raise TransformError(
            f"expected a PeriodIndex, got {type(idx).__name__}; "
            "convert with x.index = x.index.to_period('M')"
        )
    if len(idx) == 0:
        return x
    if not idx.is_unique:
        raise TransformError(
            f"duplicated period {idx[idx.duplicated()][0]} in the index; keep one "
            "observation per period (e.g. x[~x.index.duplicated(keep='last')])."
        )
    if not idx.is_monotonic_increasing:
        x = x.sort_index()
        idx = x.index
    span = (idx[-1] - idx[0]).n // idx.freq.n + 1
    if span == len(idx):
        return x
    full = pd.period_range(idx[0], idx[-1], freq=idx.freq, name=idx.name)
    return x.reindex(full)


def _check(x: Any, name: str, *, freqs: tuple[str, ...] = ("M", "Q")) -> Any:
    """Validate a transform input and return it completed and as float.

    Raises :class:`TransformError` naming ``name`` for anything other than a
    Series/DataFrame on a PeriodIndex of an allowed frequency, for duplicated
    periods, and for non-numeric values.
    """
    if not isinstance(x, (pd.Series, pd.DataFrame)):
        raise TransformError(
            f"{name} must be a pandas Series or DataFrame indexed by a monthly "
            f"PeriodIndex; got {type(x).__name__}. Wrap the values in a pd.Series "
            "with index=pd.period_range(..., freq='M')."
        )
    idx = x.index
    if not isinstance(idx, pd.PeriodIndex):
        raise TransformError(
            f"{name} must be indexed by a pandas PeriodIndex (freq "
            f"{' or '.join(repr(f) for f in freqs)}); got a {type(idx).__name__}. "
            f"Convert it with {name}.index = {name}.index.to_period('M')"
            " (or use macrodesk.transforms.to_monthly for daily/weekly data)."
        )
    code = _freq_code(idx)
    if code not in freqs:
        raise TransformError(
            f"{name} has unsupported frequency {idx.freqstr!r}; this transform "
            f"accepts {' or '.join(repr(f) for f in freqs)}. Aggregate it first "
            "(e.g. macrodesk.transforms.to_monthly)."
        )
    if not idx.is_unique:
        dup = idx[idx.duplicated()][0]
        raise TransformError(
            f"{name} has duplicated period {dup}; keep one observation per period "
            "(e.g. x[~x.index.duplicated(keep='last')])."
        )
    x = _complete(x)
    if isinstance(x, pd.Series):
        if x.dtype != np.float64:
            try:
                x = x.astype(np.float64)
            except (TypeError, ValueError) as exc:
                raise TransformError(
                    f"{name} must hold numbers; got dtype {x.dtype} ({exc}). "
                    "Convert with pd.to_numeric first."
                ) from None
    else:
        if not all(dt == np.float64 for dt in x.dtypes):
            try:
                x = x.astype(np.float64)
            except (TypeError, ValueError) as exc:
                raise TransformError(
                    f"{name} must hold numbers in every column; ({exc}). "
                    "Convert with df.apply(pd.to_numeric) first."
                ) from None
    return x


def _same_kind(a: Any, b: Any, name_a: str, name_b: str) -> None:
    """Both Series, or both DataFrames with the same columns, same frequency."""
    if isinstance(a, pd.Series) != isinstance(b, pd.Series):
        raise TransformError(
            f"{name_a} is a {type(a).__name__} but {name_b} is a {type(b).__name__}; "
            "pass both as Series or both as DataFrames with the same columns."
        )
    if isinstance(a, pd.DataFrame) and not a.columns.equals(b.columns):
        only_a = [c for c in a.columns if c not in b.columns]
        only_b = [c for c in b.columns if c not in a.columns]
        raise TransformError(
            f"{name_a} and {name_b} must have the same columns in the same order; "
            f"only in {name_a}: {only_a[:5]}, only in {name_b}: {only_b[:5]}. "
            f"Select/reorder with {name_b}[{name_a}.columns]."
        )
    if _freq_code(a.index) != _freq_code(b.index):
        raise TransformError(
            f"{name_a} has frequency {a.index.freqstr!r} but {name_b} has "
            f"{b.index.freqstr!r}; convert them to the same frequency first."
        )


def _as2d(x: pd.Series | pd.DataFrame) -> np.ndarray:
    """Values as a 2-D float array (n_periods, n_columns)."""
    v = x.to_numpy(dtype=np.float64)
    return v.reshape(-1, 1) if v.ndim == 1 else v


def _like(x: Frame, values: np.ndarray, index: Any = None) -> Frame:
    """Wrap a 2-D result array in the same type (and columns/name) as ``x``."""
    index = x.index if index is None else index
    if isinstance(x, pd.Series):
        return pd.Series(values.reshape(-1), index=index, name=x.name)
    return pd.DataFrame(values, index=index, columns=x.columns, copy=False)


def _finite(a: np.ndarray) -> np.ndarray:
    """Replace +/-inf (a division by zero) with NaN, in place; returns ``a``."""
    a[np.isinf(a)] = np.nan
    return a


def _by_year(x: pd.Series | pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Reshape a complete monthly frame to (n_years, 12, n_columns).

    Returns ``(years, cube)``; months outside the data are NaN.
    """
    idx = x.index
    if len(idx) == 0:
        ncol = 1 if isinstance(x, pd.Series) else x.shape[1]
        return np.array([], dtype=int), np.empty((0, 12, ncol))
    y0, y1 = int(idx[0].year), int(idx[-1].year)
    full = pd.period_range(f"{y0}-01", f"{y1}-12", freq="M")
    v = _as2d(x)
    ncol = v.shape[1]
    cube = np.full((len(full), ncol), np.nan)
    start = (idx[0] - full[0]).n
    cube[start : start + len(idx)] = v
    return np.arange(y0, y1 + 1), cube.reshape(y1 - y0 + 1, 12, ncol)


def _month_arg(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not 1 <= value <= 12:
        raise TransformError(
            f"{name} must be a calendar month 1..12; got {value!r}."
        )
    return int(value)


_PERIOD_TEXT = re.compile(r"^\s*\d{4}(?:\s*$|[-/Qq])")


def _period_arg(value: Any, name: str, freq: Any, how: str = "start") -> pd.Period:
    """Parse a period argument strictly and convert it to ``freq``.

    A string must start with a 4-digit year ('2025', '2025-03', '2025Q1',
    '2025-03-15'); an int is a year. A coarser period is taken at its start (``how='start'``)
    or its end (``how='end'``), so ``end='2025'`` means December 2025.
    """
    p = None
    if isinstance(value, pd.Period):
        p = value
    elif isinstance(value, str) and _PERIOD_TEXT.match(value):
        try:
            p = pd.Period(value.strip())
        except (TypeError, ValueError):
            p = None
    elif isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        if 1000 <= value <= 9999:
            p = pd.Period(year=int(value), freq="Y")
    elif not isinstance(value, (str, bool)):
        try:
            p = pd.Period(value, freq=freq)
        except (TypeError, ValueError):
            p = None
    if p is None:
        raise TransformError(
            f"{name} must be a period like '2025-01' or pd.Period('2025-01', 'M'); "
            f"got {value!r}."
        )
    return p.asfreq(freq, how=how)


def _label(x: pd.Series | pd.DataFrame, col: int) -> str:
    if isinstance(x, pd.DataFrame):
        return f" column {x.columns[col]!r}"
    return f" ({x.name!r})" if x.name is not None else ""


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
# YoY recursion
# --------------------------------------------------------------------------


def project_yoy(yoy_hist: Frame, mom_hist: Frame, mom_path: Frame) -> Frame:
    """Project YoY forward from a MoM path, anchored on the last published YoY.

    Parameters
    ----------
    yoy_hist : Series or DataFrame
        Published YoY history (fractions). The anchor is the last period with a
        value (for a DataFrame: the last row with any value; every column must
        have a value there).
    mom_hist : Series or DataFrame
        Published MoM history (fractions); must cover month ``t-12`` of every
        projected month ``t`` that falls on or before the anchor period. Values
        after the anchor are ignored (``mom_path`` is used instead).
    mom_path : Series or DataFrame
        Assumed MoM for the projected months; must start the period after the
        anchor and have no missing values.

    Returns
    -------
    Series or DataFrame
        Projected YoY on the index of ``mom_path``.

    Raises
    ------
    TransformError
        Mismatched types/columns/frequency, a path that does not start right
        after the anchor, a missing path value, or a missing ``m_{t-12}``
        (the message names the month).

    Notes
    -----
    ``(1 + y_t) = (1 + y_{t-1}) (1 + m_t) / (1 + m_{t-12})``, so with anchor
    ``T``: ``1 + y_t = (1 + y_T) prod_{k=T+1..t} (1 + m_k) / (1 + m_{k-12})``.
    For quarterly data the lag is 4 instead of 12. Because the recursion starts
    from the *published* YoY, rounding differences between published YoY and
    MoM are not propagated into a chained index (see
    :func:`yoy_recursion_residual` to inspect them).
    """
    yh = _check(yoy_hist, "yoy_hist")
    mh = _check(mom_hist, "mom_hist")
    mp = _check(mom_path, "mom_path")
    _same_kind(yh, mh, "yoy_hist", "mom_hist")
    _same_kind(yh, mp, "yoy_hist", "mom_path")
    lag = _periods_per_year(yh)
    yv = _as2d(yh)
    has = ~np.isnan(yv)
    rows = np.nonzero(has.any(axis=1))[0]
    if len(rows) == 0:
        raise TransformError(
            "yoy_hist has no published value to anchor the projection on; "
            "pass the published YoY history."
        )
    t_row = int(rows[-1])
    anchor_period = yh.index[t_row]
    anchor = yv[t_row]
    if np.isnan(anchor).any():
        bad = [yh.columns[i] for i in np.nonzero(np.isnan(anchor))[0][:5]]
        raise TransformError(
            f"yoy_hist has no value at the anchor period {anchor_period} for columns "
            f"{bad}; every column must be published up to the same period. "
            "Project those columns separately."
        )
    if len(mp) == 0:
        raise TransformError("mom_path is empty; pass at least one projected MoM.")
    expected = anchor_period + 1
    if mp.index[0] != expected:
        raise TransformError(
            f"mom_path must start at {expected}, the period after the last published "
            f"YoY ({anchor_period}); it starts at {mp.index[0]}. Trim or extend "
            "mom_path (or yoy_hist) so they meet."
        )
    pv = _as2d(mp)
    if np.isnan(pv).any():
        r, c = np.nonzero(np.isnan(pv))
        raise TransformError(
            f"mom_path{_label(mp, int(c[0]))} is missing at {mp.index[int(r[0])]}; "
            "a projection needs an assumed MoM for every projected period."
        )
    # m_{t-lag}: from the history up to the anchor, from the path after it
    need = mp.index - lag
    hist = mh.loc[:anchor_period]
    combined = pd.concat([hist, mp]) if len(hist) else mp
    prev = _as2d(combined.reindex(need))
    if np.isnan(prev).any():
        r, c = np.nonzero(np.isnan(prev))
        i = int(r.min())
        col = int(c[r == i][0])
        raise TransformError(
            f"mom_hist{_label(mh, col)} is missing at {need[i]}, needed (as m_t-{lag}) to "
            f"project {mp.index[i]}; mom_hist must cover the {lag} periods before each "
            "projected period."
        )
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = (1.0 + pv) / (1.0 + prev)
        out = (1.0 + anchor) * np.cumprod(ratio, axis=0) - 1.0
    return _like(mp, _finite(out))


def yoy_recursion_residual(yoy: Frame, mom: Frame) -> Frame:
    """Where published YoY and MoM disagree: residual of the YoY recursion.

    Parameters
    ----------
    yoy : Series or DataFrame
        Published YoY (fractions).
    mom : Series or DataFrame
        Published MoM (fractions), same type (and columns) as ``yoy``.

    Returns
    -------
    Series or DataFrame
        Residual on the union of both indices; NaN where an input is missing.
        Values of the order of the rounding of the published figures (e.g.
        ~0.001 for one-decimal percent) are rounding; larger ones are
        revisions or base changes.

    Notes
    -----
    ``r_t = (1 + y_t) - (1 + y_{t-1}) (1 + m_t) / (1 + m_{t-12})``
    (lag 4 for quarterly data).
    """
    y = _check(yoy, "yoy")
    m = _check(mom, "mom")
    _same_kind(y, m, "yoy", "mom")
    lag = _periods_per_year(y)
    if len(y) and len(m):
        lo, hi = min(y.index[0], m.index[0]), max(y.index[-1], m.index[-1])
        full = pd.period_range(lo, hi, freq=y.index.freq)
        y, m = y.reindex(full), m.reindex(full)
    yv, mv = _as2d(y), _as2d(m)
    out = np.full_like(yv, np.nan)
    if len(yv) > lag:
        with np.errstate(divide="ignore", invalid="ignore"):
            out[lag:] = (1.0 + yv[lag:]) - (1.0 + yv[lag - 1 : -1]) * (1.0 + mv[lag:]) / (
                1.0 + mv[:-lag]
            )
    return _like(y, _finite(out))


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
    freq = mom.index.freq
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
        month = np.asarray(level.index.month)
        rows = np.nonzero(month <= 2)[0]
        yi = np.asarray(level.index.year)[rows] - years[0]
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
    freq = x.index.freq
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
    ps = None if start is None else _period_arg(start, "start", x.index.freq)
    w = x.loc[ps:]
    return w.expanding().rank(method="max", pct=True)
