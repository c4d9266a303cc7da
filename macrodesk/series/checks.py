"""The one validator of observations: numeric, on the grid, unique, sorted, no skipped period.

:func:`check_series` is what :class:`~macrodesk.series.MacroSeries` runs on its
data. The importers run the same steps on their raw cells so that their messages
can name the file, row and cell: :func:`to_numbers` (numeric), :func:`on_grid`
(a monthly observation sits on a month-end, a quarterly one on a quarter-end, an
annual one on a year-end), :func:`find_duplicate` (unique) and :func:`find_gap`
(no skipped period).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from macrodesk._typing import PERIOD_FREQS
from macrodesk.exceptions import DataError, FrequencyError

__all__ = ["Duplicate", "Gap", "check_series", "find_duplicate", "find_gap", "on_grid", "to_numbers"]


@dataclass(frozen=True)
class Duplicate:
    """A key that occurs more than once, and the positions (in input order) where it does."""

    key: Any
    positions: tuple[int, ...]


@dataclass(frozen=True)
class Gap:
    """Periods missing between two consecutive observations ``before`` and ``after``."""

    position: int  # position of ``before`` in the sorted periods
    before: pd.Period
    after: pd.Period

    @property
    def first_missing(self) -> pd.Period:
        return self.before + 1

    @property
    def last_missing(self) -> pd.Period:
        return self.after - 1

    @property
    def n_missing(self) -> int:
        return int(self.after.ordinal - self.before.ordinal - 1)


def on_grid(dates: pd.DatetimeIndex, freq: str) -> np.ndarray:
    """Which dates are period ends for ``freq``: month-ends for M, quarter-ends for Q, year-ends for A."""
    di = pd.DatetimeIndex(dates)
    if freq == "M":
        return np.asarray(di.is_month_end, dtype=bool)
    if freq == "Q":
        return np.asarray(di.is_quarter_end, dtype=bool)
    if freq == "A":
        return np.asarray(di.is_year_end, dtype=bool)
    raise FrequencyError(f"frequency '{freq}' has no grid of period ends; use M, Q or A")


def find_duplicate(keys: Any) -> Duplicate | None:
    """The first key met a second time (in input order) with all its positions, or ``None``."""
    idx = pd.Index(keys)
    again = np.asarray(idx.duplicated(), dtype=bool)
    if not again.any():
        return None
    key = idx[int(np.argmax(again))]
    return Duplicate(key, tuple(int(i) for i in np.flatnonzero(idx == key)))


def find_gap(periods: pd.PeriodIndex) -> Gap | None:
    """The first skipped stretch in sorted, unique ``periods``, or ``None`` if none is skipped."""
    ords = np.asarray(periods.asi8)
    jumps = np.flatnonzero(np.diff(ords) > 1)
    if not jumps.size:
        return None
    g = int(jumps[0])
    return Gap(g, periods[g], periods[g + 1])


def to_numbers(block: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Floats, a non-blank mask and a not-a-number mask for an array of cells (any shape).

    Blank cells (``''``, whitespace, ``None``, NaN) are missing values. A cell that
    is neither blank nor a finite number (text, ``inf``) is flagged in the third mask
    and set to NaN in the first.
    """
    shape = block.shape
    if block.size == 0:
        z = np.zeros(shape, dtype=bool)
        return np.full(shape, np.nan), z, z.copy()
    flat = np.asarray(block, dtype=object).ravel()
    blank = np.array((flat == "") | pd.isna(flat), dtype=bool)
    num = np.array(
        pd.to_numeric(pd.Series(flat, dtype=object, copy=False), errors="coerce").to_numpy(
            dtype=np.float64, na_value=np.nan
        ),
        dtype=np.float64,
        copy=True,
    )
    bad = ~blank & ~np.isfinite(num)
    for i in np.flatnonzero(bad):  # only the (few) cells that are not numbers
        v = flat[i]
        if isinstance(v, str) and not v.strip():
            bad[i] = False
            blank[i] = True
    num[blank | bad] = np.nan
    return num.reshape(shape), (~blank & ~bad).reshape(shape), bad.reshape(shape)


def check_series(data: Any, freq: str, *, name: str) -> pd.Series:
    """``data`` checked and in the container's form, or an error naming ``name``.

    * numeric: values become float64 (:class:`DataError` for one that is not a number);
    * on the grid: a monthly, quarterly or annual series gets a PeriodIndex of its
      frequency — dates become the period holding them, a PeriodIndex of another
      frequency is a :class:`FrequencyError`; a dated (D, W, X) series keeps a
      normalised DatetimeIndex (a PeriodIndex is a :class:`FrequencyError`);
    * unique (:class:`DataError` for a date given twice) and sorted;
    * missing values dropped, then, for M/Q/A, no skipped period: the index runs
      from the first to the last observation with NaN where a period is missing.
    """
    if not isinstance(data, pd.Series):
        raise DataError(f"series '{name}': data must be a pandas Series, got {type(data).__name__}")
    s = pd.Series(_floats(data, name), index=_index(data.index, freq, name), name=name)
    dup = find_duplicate(s.index)
    if dup is not None:
        raise DataError(
            f"series '{name}': duplicate date {dup.key} ({len(dup.positions)} rows share a date)"
        )
    s = s.sort_index()
    s = s[~s.isna()] if len(s) else s
    if isinstance(s.index, pd.PeriodIndex) and len(s):
        s = s.reindex(pd.period_range(s.index[0], s.index[-1], freq=s.index.freq))
    s.index.name = "date"
    return s


def _floats(data: pd.Series, name: str) -> np.ndarray:
    try:
        return np.asarray(data, dtype="float64")
    except (TypeError, ValueError):
        pass
    values, _, bad = to_numbers(np.asarray(data, dtype=object))
    if bad.any():
        i = int(np.argmax(bad))
        raise DataError(f"series '{name}': value {data.iloc[i]!r} at {data.index[i]} is not a number")
    return values


def _index(idx: pd.Index, freq: str, name: str) -> pd.Index:
    if freq in PERIOD_FREQS:
        pfreq = PERIOD_FREQS[freq]
        if isinstance(idx, pd.PeriodIndex):
            if idx.freqstr[0] != pfreq[0]:
                raise FrequencyError(f"series '{name}' is {freq} but its index has frequency {idx.freqstr}")
            return idx
        return pd.DatetimeIndex(idx).to_period(pfreq)
    if isinstance(idx, pd.PeriodIndex):
        raise FrequencyError(f"series '{name}' is {freq} (dated) but has a PeriodIndex of {idx.freqstr}")
    return pd.DatetimeIndex(idx).normalize()
