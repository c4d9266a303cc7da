"""The one validator of observations: numeric, on the grid, unique, sorted, no skipped period.

:func:`check_series` is what :class:`~macrodesk.series.MacroSeries` runs on its
data. The importers run the same steps on their raw cells so that their messages
can name the file, row and cell: :func:`to_numbers` (numeric), :func:`on_grid`
(a monthly observation sits on a month-end, a quarterly one on a quarter-end, an
annual one on a year-end), :func:`find_duplicate` (unique) and :func:`find_gap`
(no skipped period), and :func:`implausible` (a value too large for its unit, such as 1e300
in percent). Transforms and models check their pandas inputs with
:func:`check_periodic`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, cast

import numpy as np
import pandas as pd

from macrodesk._typing import PERIOD_FREQS
from macrodesk.exceptions import DataError, FrequencyError
from macrodesk.series.units import BOUNDS, get_unit

__all__ = [
    "Duplicate",
    "Gap",
    "check_periodic",
    "check_series",
    "complete_periods",
    "find_duplicate",
    "find_gap",
    "implausible",
    "implausible_message",
    "on_grid",
    "period_freq_code",
    "to_numbers",
]


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


_GROUPED = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?([eE][+-]?\d+)?")


def to_numbers(block: np.ndarray, *, thousands: bool = False) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Floats, a non-blank mask and a not-a-number mask for an array of cells (any shape).

    Blank cells (``''``, whitespace, ``None``, NaN) are missing values. A cell that
    is neither blank nor a finite number (text, ``inf``, a TRUE/FALSE cell) is flagged in the third mask
    and set to NaN in the first. With ``thousands=True`` a text number may group its digits with commas
    (``1,234,567.5``); any other comma (``1,5``, ``12,34,5``) leaves the cell not a number, never a
    number with the comma dropped.
    """
    shape = block.shape
    if block.size == 0:
        z = np.zeros(shape, dtype=bool)
        return np.full(shape, np.nan), z, z.copy()
    flat = np.asarray(block, dtype=object).ravel()
    if thousands:
        flat = flat.copy()
        for k, cell in enumerate(flat):
            if isinstance(cell, str) and "," in cell and _GROUPED.fullmatch(cell.strip()):
                flat[k] = cell.replace(",", "")
    blank = np.array((flat == "") | pd.isna(flat), dtype=bool)
    num = np.array(
        pd.to_numeric(pd.Series(flat, dtype=object, copy=False), errors="coerce").to_numpy(
            dtype=np.float64, na_value=np.nan
        ),
        dtype=np.float64,
        copy=True,
    )
    bad = ~blank & ~np.isfinite(num)
    bad |= np.fromiter((isinstance(v, (bool, np.bool_)) for v in flat), dtype=bool, count=flat.size)
    for i in np.flatnonzero(bad):  # only the (few) cells that are not numbers
        v = flat[i]
        if isinstance(v, str) and not v.strip():
            bad[i] = False
            blank[i] = True
    num[blank | bad] = np.nan
    return num.reshape(shape), (~blank & ~bad).reshape(shape), bad.reshape(shape)


def implausible(values: Any, unit: str) -> np.ndarray:
    """Which values are finite but too large in magnitude for ``unit`` (:data:`~macrodesk.series.units.BOUNDS`
    of its kind) to be data; NaN is not flagged."""
    v = np.asarray(values, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        return np.asarray(np.abs(v) > BOUNDS[get_unit(unit).kind], dtype=bool)


def implausible_message(value: float, unit: str) -> str:
    """What is wrong with a value :func:`implausible` flags, for an error message."""
    return (f"value {value:g} is too large for unit '{unit}' (at most {BOUNDS[get_unit(unit).kind]:g} in magnitude "
            "for a value of this kind); check the cell")


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


# ---------------------------------------------------------------- pandas inputs of transforms and models
def period_freq_code(index: pd.Index) -> str:
    """'M', 'Q' or 'A' for a monthly, quarterly or annual PeriodIndex; its freqstr (or '') otherwise."""
    fs = getattr(index, "freqstr", None) or ""
    if fs == "M":
        return "M"
    if fs == "Q" or fs.startswith("Q-"):
        return "Q"
    if fs in ("Y", "A") or fs.startswith(("Y-", "A-")):
        return "A"
    return fs


def complete_periods(x: Any, *, name: str = "x", error: type[Exception] = DataError) -> Any:
    """``x`` sorted, with every period from its first to its last (missing ones as NaN rows).

    Returns ``x`` itself when the index is already complete and sorted (no copy).
    """
    idx = x.index
    if not isinstance(idx, pd.PeriodIndex):
        raise error(f"expected a PeriodIndex, got {type(idx).__name__}; convert with x.index = x.index.to_period('M')")
    if len(idx) == 0:
        return x
    dup = find_duplicate(idx)
    if dup is not None:
        raise error(
            f"{name} has duplicated period {dup.key}; keep one observation per period "
            "(e.g. x[~x.index.duplicated(keep='last')])."
        )
    if not idx.is_monotonic_increasing:
        x = x.sort_index()
        idx = x.index
    span = (idx[-1] - idx[0]).n // idx.freq.n + 1
    if span == len(idx):
        return x
    return x.reindex(pd.period_range(idx[0], idx[-1], freq=idx.freq, name=idx.name))


def check_periodic(
    x: Any,
    name: str,
    *,
    freqs: tuple[str, ...] = ("M", "Q"),
    kinds: tuple[type, ...] = (pd.Series, pd.DataFrame),
    error: type[Exception] = DataError,
    hint: str = "Wrap the values in a pd.Series with index=pd.period_range(..., freq='M').",
) -> Any:
    """The one check of a pandas input to a transform or a model; returns it completed and as float.

    ``x`` must be one of ``kinds`` on a PeriodIndex whose frequency code
    (:func:`period_freq_code`) is in ``freqs``, with one value per period and
    numbers only. Missing periods become NaN (:func:`complete_periods`). Errors
    are ``error`` (TransformError for transforms, ModelError for models) and
    name ``name`` and the value received.
    """
    if not isinstance(x, kinds):
        what = " or ".join(("a pandas " if i == 0 else "") + k.__name__ for i, k in enumerate(kinds))
        raise error(f"{name} must be {what} indexed by a monthly PeriodIndex; got {type(x).__name__}. {hint}")
    x = cast(Any, x)
    idx = x.index
    if not isinstance(idx, pd.PeriodIndex):
        raise error(
            f"{name} must be indexed by a pandas PeriodIndex (freq {' or '.join(repr(f) for f in freqs)}); "
            f"got a {type(idx).__name__}. Convert it with {name}.index = {name}.index.to_period('M')"
            " (or use macrodesk.transforms.to_monthly for daily/weekly data)."
        )
    if period_freq_code(idx) not in freqs:
        raise error(
            f"{name} has unsupported frequency {idx.freqstr!r}; expected {' or '.join(repr(f) for f in freqs)}. "
            "Aggregate it first (e.g. macrodesk.transforms.to_monthly)."
        )
    x = complete_periods(x, name=name, error=error)
    dtypes = [x.dtype] if isinstance(x, pd.Series) else list(x.dtypes)
    if any(dt != np.float64 for dt in dtypes):
        try:
            x = x.astype(np.float64)
        except (TypeError, ValueError) as exc:
            where = "" if isinstance(x, pd.Series) else " in every column"
            raise error(
                f"{name} must hold numbers{where}; got dtype {', '.join(map(str, set(dtypes)))} ({exc}). "
                "Convert with pd.to_numeric first."
            ) from None
    return x
