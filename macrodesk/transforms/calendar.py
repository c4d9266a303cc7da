"""Chinese calendar: Spring Festival (Chinese New Year) dates.

Dates come from the maintained ``lunar_python`` library (the solar date of the
first day of the first lunar month), never from a hand-typed table. They are
needed to explain January/February swings: a late Spring Festival (2026-02-17)
pushes activity out of January into February and lifts February prices.
"""

from __future__ import annotations

import datetime as _dt
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd
from lunar_python import Lunar

from macrodesk.exceptions import TransformError

__all__ = ["spring_festival", "spring_festival_dates", "spring_festival_month"]

_MIN_YEAR = 1900
_MAX_YEAR = 2100


def _year(value: Any, name: str = "year") -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TransformError(f"{name} must be an integer calendar year such as 2026; got {value!r}.")
    y = int(value)
    if not _MIN_YEAR <= y <= _MAX_YEAR:
        raise TransformError(
            f"{name} must be between {_MIN_YEAR} and {_MAX_YEAR}; got {y}."
        )
    return y


def spring_festival(year: int) -> _dt.date:
    """Gregorian date of the Spring Festival (正月初一) in ``year``.

    Parameters
    ----------
    year : int
        Calendar year, 1900..2100.

    Returns
    -------
    datetime.date

    Notes
    -----
    ``SF(Y) = solar(lunar Y-01-01)``, computed by
    ``lunar_python.Lunar.fromYmd(Y, 1, 1).getSolar()``; always falls between
    January 21 and February 20.
    """
    return _festival(_year(year))


@lru_cache(maxsize=None)
def _festival(y: int) -> _dt.date:
    """:func:`spring_festival` of a checked year, computed once per process (the lunar solution is slow)."""
    s = Lunar.fromYmd(y, 1, 1).getSolar()
    return _dt.date(s.getYear(), s.getMonth(), s.getDay())


def spring_festival_dates(start: int = 1990, end: int = 2035) -> pd.Series:
    """Spring Festival dates for a range of years.

    Parameters
    ----------
    start, end : int
        First and last year, inclusive (1900..2100).

    Returns
    -------
    Series
        ``datetime64`` values named ``'spring_festival'``, indexed by year
        (int, index name ``'year'``).

    Notes
    -----
    ``SF(Y)`` as in :func:`spring_festival` for ``Y = start..end``.
    """
    s = _year(start, "start")
    e = _year(end, "end")
    if s > e:
        raise TransformError(f"start ({s}) must not be after end ({e}).")
    years = range(s, e + 1)
    dates = pd.to_datetime([spring_festival(y) for y in years])
    return pd.Series(dates, index=pd.Index(list(years), name="year"), name="spring_festival")


def spring_festival_month(year: int) -> int:
    """Calendar month (1 or 2) in which the Spring Festival of ``year`` falls.

    Parameters
    ----------
    year : int
        Calendar year, 1900..2100.

    Returns
    -------
    int

    Notes
    -----
    ``month(SF(Y))``.
    """
    return spring_festival(year).month
