"""Private helpers shared by the transform modules: input checks and array shaping.

Every transform validates its inputs with :func:`_check` (a Series or DataFrame
on a PeriodIndex of an allowed frequency, one value per period, numbers), which
also completes the index (missing periods become NaN rows, so ``shift(12)``
always means "twelve periods earlier"). Period arguments are read with
:func:`_period_arg`, the series layer's one period parser raising TransformError.
"""

from __future__ import annotations

from typing import Any, TypeVar, cast

import numpy as np
import pandas as pd

from macrodesk.exceptions import TransformError
from macrodesk.series.checks import check_periodic, complete_periods, period_freq_code
from macrodesk.series.periods import How, parse_period

Frame = TypeVar("Frame", pd.Series, pd.DataFrame)


def _freq_code(index: pd.PeriodIndex) -> str:
    """'M' or 'Q' for a PeriodIndex, '' for anything else (annual data have no transform here)."""
    code = period_freq_code(index)
    return code if code in ("M", "Q") else ""


def _pindex(x: pd.Series | pd.DataFrame) -> pd.PeriodIndex:
    """The PeriodIndex of a frame that :func:`_check` has passed."""
    return cast(pd.PeriodIndex, x.index)


def _periods_per_year(x: pd.Series | pd.DataFrame) -> int:
    return 12 if _freq_code(x.index) == "M" else 4  # type: ignore[arg-type]


def _complete(x: Frame) -> Frame:
    """Reindex ``x`` to the complete, sorted range of its PeriodIndex (missing periods as NaN rows)."""
    return cast(Frame, complete_periods(x, error=TransformError))


def _check(x: Any, name: str, *, freqs: tuple[str, ...] = ("M", "Q")) -> Any:
    """Validate a transform input and return it completed and as float (:func:`~macrodesk.series.checks.check_periodic`).

    Raises :class:`TransformError` naming ``name`` for anything other than a
    Series/DataFrame on a PeriodIndex of an allowed frequency, for duplicated
    periods, and for non-numeric values.
    """
    return check_periodic(x, name, freqs=freqs, error=TransformError)


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


def _period_arg(value: Any, name: str, freq: Any, how: How = "start") -> pd.Period:
    """A period argument as a Period of ``freq`` (see :func:`macrodesk.series.periods.parse_period`).

    A coarser period is taken at its start (``how='start'``) or its end
    (``how='end'``), so ``end='2025'`` means December 2025.
    """
    return parse_period(value, freq, name=name, how=how, error=TransformError)


def _label(x: pd.Series | pd.DataFrame, col: int) -> str:
    if isinstance(x, pd.DataFrame):
        return f" column {x.columns[col]!r}"
    return f" ({x.name!r})" if x.name is not None else ""
