"""Aggregate high-frequency (daily, weekly, 10-day) data to months.

Inputs carry a :class:`pandas.DatetimeIndex` (a daily ``PeriodIndex`` is also
accepted); outputs are on a complete monthly :class:`pandas.PeriodIndex`, so
they line up with the monthly transforms. Missing values are skipped within
a month; a month with no observation is NaN.
"""

from __future__ import annotations

from typing import Any, TypeVar

import numpy as np
import pandas as pd

from macrodesk.exceptions import TransformError
from macrodesk.transforms._frames import _complete

__all__ = ["partial_month", "to_monthly"]

Frame = TypeVar("Frame", pd.Series, pd.DataFrame)

_HOWS = ("mean", "last", "first", "sum", "max", "min")


def _dt_check(x: Any, name: str) -> Any:
    if not isinstance(x, (pd.Series, pd.DataFrame)):
        raise TransformError(
            f"{name} must be a pandas Series or DataFrame with a DatetimeIndex; "
            f"got {type(x).__name__}."
        )
    idx = x.index
    if isinstance(idx, pd.PeriodIndex):
        x = x.copy(deep=False)
        x.index = idx.to_timestamp()
    elif not isinstance(idx, pd.DatetimeIndex):
        raise TransformError(
            f"{name} must be indexed by dates (a DatetimeIndex); got a "
            f"{type(idx).__name__}. Convert with {name}.index = pd.to_datetime({name}.index)."
        )
    if x.index.tz is not None:
        x = x.copy(deep=False)
        x.index = x.index.tz_localize(None)
    if x.index.hasnans:
        raise TransformError(
            f"{name} has a missing date (NaT) in its index; drop or fix those rows."
        )
    return x


def _how_arg(how: Any) -> str:
    if how not in _HOWS:
        raise TransformError(f"how must be one of {list(_HOWS)}; got {how!r}.")
    return str(how)


def _aggregate(x: Any, how: str, span: pd.DatetimeIndex | None = None) -> Any:
    keys = x.index.to_period("M")
    g = x.groupby(keys, sort=True)
    if how == "sum":
        out = g.sum(min_count=1)
    else:
        out = getattr(g, how)()
    out.index = pd.PeriodIndex(out.index, freq="M")
    if span is not None and len(span):
        months = span.to_period("M")
        full = pd.period_range(months.min(), months.max(), freq="M")
        return out.reindex(full)
    return _complete(out)


def to_monthly(x: Frame, how: str = "mean") -> Frame:
    """Aggregate a daily/weekly/10-day series to monthly.

    Parameters
    ----------
    x : Series or DataFrame
        Observations on a DatetimeIndex. Each observation belongs to the month
        of its date stamp (a week stamped 2025-02-02 counts for February).
    how : {'mean', 'last', 'first', 'sum', 'max', 'min'}
        Aggregation within each month; missing values are skipped
        (``'last'`` is the last non-missing observation).

    Returns
    -------
    Series or DataFrame
        Same type, on a complete monthly PeriodIndex from the first to the
        last month of the data; NaN for a month without observations.

    Notes
    -----
    ``Y_M = agg{x_d : d in month M, x_d observed}``; e.g. for ``'mean'``,
    ``Y_M = (1/n_M) sum_{d in M} x_d``.
    """
    how = _how_arg(how)
    x = _dt_check(x, "x")
    return _aggregate(x, how)


def partial_month(x: Frame, day: int, how: str = "mean") -> Frame:
    """Aggregate each month using only observations up to a calendar day.

    Used for like-for-like comparisons within a month ("first 13 days of
    January vs the first 13 days of December").

    Parameters
    ----------
    x : Series or DataFrame
        Observations on a DatetimeIndex.
    day : int
        Last calendar day included (1..31); ``day=13`` keeps days 1..13.
    how : {'mean', 'last', 'first', 'sum', 'max', 'min'}
        Aggregation, as in :func:`to_monthly`.

    Returns
    -------
    Series or DataFrame
        Same type, on a complete monthly PeriodIndex covering every month of
        the data; NaN for a month with no observation on or before ``day``.

    Notes
    -----
    ``Y_M = agg{x_d : d in month M, dayofmonth(d) <= day}``.
    """
    if isinstance(day, bool) or not isinstance(day, (int, np.integer)) or not 1 <= day <= 31:
        raise TransformError(f"day must be a calendar day 1..31; got {day!r}.")
    how = _how_arg(how)
    x = _dt_check(x, "x")
    idx = pd.DatetimeIndex(x.index)
    kept = x.loc[np.asarray(idx.day) <= day]
    if len(kept) == 0:
        raise TransformError(
            f"x has no observation on or before day {day} of any month; "
            "check the data or choose a later day."
        )
    return _aggregate(kept, how, span=idx)
