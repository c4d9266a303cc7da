"""The one frequency inference: which frequency a set of observation dates follows.

Used by both importers (when neither the file nor the catalogue of known series
says) and by ``scripts/build_sample.py``. Period ends are tested from the coarsest
grid down, so dates that are all year-ends are annual (they are also quarter- and
month-ends), then the spacing decides between 10-day (旬), weekly and daily.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from macrodesk._typing import Freq

__all__ = ["infer_freq"]


def infer_freq(dates: Any, *, lenient: bool = False) -> Freq | None:
    """The frequency of observation dates, or ``None`` when they do not tell.

    Rules, on the distinct dates (order does not matter):

    * fewer than two dates: ``None`` (one date fits every frequency);
    * all year-ends → ``"A"``; all quarter-ends → ``"Q"``; all month-ends → ``"M"``;
    * a median spacing of 8–11 days with every date on the 10th, the 20th or a
      month-end → ``"X"`` (旬);
    * a median spacing of 5–9 days → ``"W"``; of at most 4 days → ``"D"``;
    * anything else → ``None``.

    With ``lenient=True`` there is always an answer: a single month-end date is
    monthly; dates a month (a quarter, a year) apart that are mostly period ends
    are monthly (quarterly, annual), so the one date off the grid is reported by
    the importer instead of turning the series daily; other dates that do not
    tell are daily (a daily series keeps its observation dates as they are, so
    nothing is lost). The tidy CSV importer and
    the sample builder read that way; the Wind importer is strict, because a
    wrong frequency would misread the zero fillers of a merged export.

    ``dates`` is anything :class:`pandas.DatetimeIndex` accepts (dates, ISO
    strings, Timestamps, ``datetime64``).
    """
    d = pd.DatetimeIndex(dates).normalize().unique().sort_values()
    found = _from_dates(d)
    if found is None and lenient:
        if len(d) == 1:
            return "M" if bool(d.is_month_end[0]) else "D"
        return _mostly_on_a_grid(d) or "D"
    return found


# (frequency, the spacing in days of consecutive periods, which dates are its period ends)
_GRIDS: tuple[tuple[Freq, tuple[int, int], str], ...] = (
    ("A", (365, 366), "is_year_end"),
    ("Q", (89, 92), "is_quarter_end"),
    ("M", (28, 31), "is_month_end"),
)


def _mostly_on_a_grid(d: pd.DatetimeIndex) -> Freq | None:
    """The coarsest frequency whose spacing the dates keep (median gap) with more than half of them on its
    period ends, or None."""
    gaps = np.diff(d.to_numpy()).astype("timedelta64[D]").astype(np.int64)
    med = float(np.median(gaps))
    for freq, (lo, hi), attr in _GRIDS:
        if lo <= med <= hi and 2 * int(np.asarray(getattr(d, attr)).sum()) > len(d):
            return freq
    return None


def _from_dates(d: pd.DatetimeIndex) -> Freq | None:
    if len(d) < 2:
        return None
    if d.is_year_end.all():
        return "A"
    if d.is_quarter_end.all():
        return "Q"
    if d.is_month_end.all():
        return "M"
    gaps = np.diff(d.to_numpy()).astype("timedelta64[D]").astype(np.int64)
    med = float(np.median(gaps))
    if 8 <= med <= 11 and bool(np.all((d.day == 10) | (d.day == 20) | d.is_month_end)):
        return "X"
    if 5 <= med <= 9:
        return "W"
    if med <= 4:
        return "D"
    return None
