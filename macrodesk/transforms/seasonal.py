"""Seasonal norms and super-seasonal deviations.

A *seasonal norm* is a statistic (mean, and a min/max band) of the same
calendar month — or of the same span of months — over a chosen window of
years (e.g. 2021–2024 or 2015–2019). *Super-seasonal* (超季节性) is actual minus
norm. Rates are fractions; inputs are monthly MoM on a PeriodIndex.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from numbers import Real
from typing import Any, cast

import numpy as np
import pandas as pd

from macrodesk.exceptions import TransformError
from macrodesk.transforms._frames import Frame, _by_year, _check
from macrodesk.transforms.growth import cumulative

__all__ = ["monthly_norm", "span_norm", "super_seasonal"]

_STATS = ("mean", "median", "min", "max", "std", "count")


def _years_arg(years: Any) -> np.ndarray:
    if isinstance(years, (int, np.integer)) and not isinstance(years, bool):
        years = [years]
    if isinstance(years, (str, bytes)) or not isinstance(years, Iterable):
        raise TransformError(
            f"years must be an iterable of calendar years, e.g. range(2021, 2025) for "
            f"2021–2024; got {years!r}."
        )
    out = list(years)
    if not out:
        raise TransformError("years is empty; pass e.g. range(2021, 2025) for 2021–2024.")
    for y in out:
        if isinstance(y, bool) or not isinstance(y, (int, np.integer)):
            raise TransformError(
                f"years must hold integer calendar years; got {y!r} in {out!r}."
            )
    return np.asarray(sorted(set(int(y) for y in out)), dtype=int)


def _stats_arg(stats: Any) -> list[str]:
    if isinstance(stats, str):
        stats = (stats,)
    out = list(stats)
    bad = [s for s in out if s not in _STATS]
    if bad or not out:
        raise TransformError(
            f"stats must be a non-empty selection of {list(_STATS)}; got {stats!r}."
        )
    return out


def _reduce(block: np.ndarray, stat: str) -> np.ndarray:
    """Reduce along axis 0; NaN if any year is missing (except 'count')."""
    if stat == "count":
        return (~np.isnan(block)).sum(axis=0).astype(float)
    if stat == "mean":
        return block.mean(axis=0)
    if stat == "median":
        return np.median(block, axis=0)
    if stat == "min":
        return block.min(axis=0)
    if stat == "max":
        return block.max(axis=0)
    # std: sample standard deviation (ddof=1), NaN for a single year
    if block.shape[0] < 2:
        return np.full(block.shape[1:], np.nan)
    return block.std(axis=0, ddof=1)


def _select_years(years: np.ndarray, data_years: np.ndarray, cube: np.ndarray) -> np.ndarray:
    """Rows of ``cube`` (indexed by ``data_years``) for ``years``; NaN if absent."""
    out = np.full((len(years),) + cube.shape[1:], np.nan)
    if len(data_years):
        pos = years - data_years[0]
        ok = (pos >= 0) & (pos < len(data_years))
        out[ok] = cube[pos[ok]]
    return out


def monthly_norm(
    mom: pd.Series | pd.DataFrame,
    years: Iterable[int],
    stats: Sequence[str] = ("mean", "min", "max"),
) -> pd.DataFrame:
    """Seasonal norm of MoM per calendar month over a window of years.

    Parameters
    ----------
    mom : Series or DataFrame
        Monthly MoM (fractions).
    years : iterable of int
        The years of the window, e.g. ``range(2021, 2025)`` for 2021–2024.
    stats : sequence of str
        Any of ``'mean', 'median', 'min', 'max', 'std'`` (sample, ddof=1) and
        ``'count'`` (number of years with a value).

    Returns
    -------
    DataFrame
        Index ``month`` = 1..12. For a Series input the columns are ``stats``.
        For a DataFrame input the columns are a MultiIndex ``(stat, series)``,
        so ``out['mean']`` is a DataFrame (months x input columns) just as it is
        a Series for a Series input; one series' table is
        ``out.xs(name, axis=1, level='series')``.
        Every statistic except ``count`` is NaN for a month where any of the
        requested years is missing (a norm over 2015–2019 does not exist if
        the series starts in 2017).

    Notes
    -----
    ``norm_{j}^{stat} = stat_{Y in years} m_{Y,j}`` for calendar month ``j``.
    """
    mom = _check(mom, "mom", freqs=("M",))
    yrs = _years_arg(years)
    st = _stats_arg(stats)
    data_years, cube = _by_year(mom)
    block = _select_years(yrs, data_years, cube)  # (n_years, 12, ncol)
    res = np.stack([_reduce(block, s) for s in st], axis=2)  # (12, ncol, nstat)
    month_index = pd.Index(np.arange(1, 13), name="month")
    if isinstance(mom, pd.Series):
        return pd.DataFrame(res[:, 0, :], index=month_index, columns=pd.Index(st, name="stat"))
    cols = pd.MultiIndex.from_product([st, mom.columns], names=["stat", "series"])
    data = res.transpose(0, 2, 1).reshape(12, -1)  # stat-major: all series of stat 1, ...
    return pd.DataFrame(data, index=month_index, columns=cols)


def span_norm(
    mom: Frame,
    years: Iterable[int],
    start_month: int = 1,
    end_month: int = 12,
    stats: Sequence[str] = ("mean", "min", "max"),
) -> pd.Series | pd.DataFrame:
    """Seasonal norm of the cumulative change over a span of months.

    Parameters
    ----------
    mom : Series or DataFrame
        Monthly MoM (fractions).
    years : iterable of int
        The years of the window, e.g. ``range(2021, 2025)``.
    start_month, end_month : int
        The span of calendar months, e.g. 1 and 11 for Jan–Nov.
    stats : sequence of str
        As in :func:`monthly_norm`.

    Returns
    -------
    Series or DataFrame
        For a Series input, a Series indexed by ``stat``. For a DataFrame
        input, a DataFrame with index ``stat`` and the input's columns.
        NaN (except ``count``) if any requested year lacks a month of the span.

    Notes
    -----
    ``C_Y = prod_{k=start..end} (1 + m_{Y,k}) - 1`` (:func:`cumulative`), then
    ``norm^{stat} = stat_{Y in years} C_Y``.
    """
    cum = cumulative(mom, start_month, end_month)
    yrs = _years_arg(years)
    st = _stats_arg(stats)
    v = cum.to_numpy(dtype=float).reshape(len(cum), -1)  # (n_years, ncol)
    block = _select_years(yrs, np.asarray(cum.index, dtype=int), v)  # (n_years, ncol)
    res = np.stack([_reduce(block, s) for s in st], axis=0)  # (nstat, ncol)
    stat_index = pd.Index(st, name="stat")
    if isinstance(cum, pd.Series):
        return pd.Series(res[:, 0], index=stat_index, name=cum.name)
    return pd.DataFrame(res, index=stat_index, columns=cum.columns)


def super_seasonal(actual: Any, norm: Any) -> Any:
    """Super-seasonal deviation: actual minus the seasonal norm.

    Parameters
    ----------
    actual : Series, DataFrame or float
        Observed values: monthly MoM on a PeriodIndex, year-indexed cumulative
        changes from :func:`cumulative`, or a single number.
    norm : Series, DataFrame or float
        The norm. Alignment rules, in order:

        1. a number is subtracted everywhere;
        2. if ``actual`` has a monthly PeriodIndex and ``norm`` is indexed by
           calendar months (ints 1..12, e.g. ``monthly_norm(...)['mean']``),
           the norm is matched by calendar month (a Series norm is applied to
           every column of a DataFrame ``actual``; a DataFrame norm such as
           ``monthly_norm(df, ...)['mean']`` is matched column by column);
        3. if ``actual`` is a DataFrame and ``norm`` a Series indexed by its
           columns (e.g. ``span_norm(df, ...).loc['mean']``), each column gets
           its own norm;
        4. otherwise ``actual - norm`` aligned on the index (and columns).

    Returns
    -------
    Same type as ``actual``.

    Notes
    -----
    ``s_t = a_t - norm_t``.
    """
    if isinstance(norm, Real) and not isinstance(norm, bool):
        if isinstance(actual, (pd.Series, pd.DataFrame)):
            return actual - float(norm)
        if isinstance(actual, Real) and not isinstance(actual, bool):
            return float(actual) - float(norm)
    if not isinstance(actual, (pd.Series, pd.DataFrame)):
        raise TransformError(
            f"actual must be a Series, DataFrame or number; got {type(actual).__name__}."
        )
    if not isinstance(norm, (pd.Series, pd.DataFrame)):
        raise TransformError(
            f"norm must be a Series, DataFrame or number; got {type(norm).__name__}."
        )
    if isinstance(actual, pd.Series) and isinstance(norm, pd.DataFrame):
        raise TransformError(
            "norm is a DataFrame but actual is a Series; pick one statistic, e.g. "
            "norm['mean'] from monthly_norm(...)."
        )
    aidx = actual.index
    nidx = norm.index
    monthly = isinstance(aidx, pd.PeriodIndex) and aidx.freqstr == "M"
    by_month = (
        not isinstance(nidx, (pd.PeriodIndex, pd.DatetimeIndex))
        and pd.api.types.is_integer_dtype(nidx.dtype)
        and len(nidx) > 0
        and nidx.min() >= 1
        and nidx.max() <= 12
    )
    if monthly and by_month:
        aligned = norm.reindex(np.asarray(cast(pd.PeriodIndex, aidx).month))
        vals = aligned.to_numpy(dtype=float)
        if isinstance(actual, pd.Series):
            return actual - pd.Series(vals, index=aidx)
        if isinstance(norm, pd.Series):
            return actual.sub(pd.Series(vals, index=aidx), axis=0)
        return actual - pd.DataFrame(vals, index=aidx, columns=norm.columns)
    if (
        isinstance(actual, pd.DataFrame)
        and isinstance(norm, pd.Series)
        and not isinstance(nidx, pd.PeriodIndex)
        and set(nidx) >= set(actual.columns)
    ):
        return actual.sub(norm, axis=1)
    if isinstance(actual, pd.DataFrame) and isinstance(norm, pd.Series):
        return actual.sub(norm, axis=0)
    return actual - norm
