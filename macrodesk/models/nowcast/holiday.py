"""Spring Festival day shares: how many days of each month fall before, during and after the holiday.

The dates are the one table the package keeps (:func:`macrodesk.transforms.spring_festival`,
the solar date of 正月初一 from ``lunar_python``). A *window* is a range of day
offsets from that date, both ends included (day 0 is New Year's day itself). For
month ``m`` and window ``w = [a, b]``::

    share_w(m) = #{days d in m : SF(year) + a <= d <= SF(year) + b} / days_in_month(m)

summed over the Spring Festivals of the years around ``m`` (a window never spans
two festivals). The default windows split the season where prices behave
differently: the pre-holiday shopping weeks (food and goods dearer), the holiday
week itself (services and travel dearer) and the weeks after it (services fall
back: the post-holiday reversal).

Example: in 2024 the festival fell on 10 February, so the pre-holiday window
``[-21, -1]`` covers 20 January .. 9 February, i.e. 12/31 of January and 9/29 of
February.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import pandas as pd

from macrodesk.exceptions import ModelError

__all__ = ["SF_WINDOWS", "spring_festival_days"]

#: Default windows (name, first offset, last offset), days from 正月初一.
SF_WINDOWS: tuple[tuple[str, int, int], ...] = (
    ("sf_pre", -21, -1),
    ("sf_holiday", 0, 6),
    ("sf_after", 7, 27),
)


def spring_festival_days(
    index: pd.PeriodIndex, windows: Sequence[tuple[str, int, int]] = SF_WINDOWS
) -> pd.DataFrame:
    """Share of each month's days inside each window (columns named by the windows, index ``index``)."""
    for w in windows:
        if len(w) != 3 or int(w[1]) > int(w[2]):
            raise ModelError(f"a Spring Festival window is (name, first offset, last offset) with first <= last; got {w!r}")
    idx = pd.PeriodIndex(index, freq="M")
    out = pd.DataFrame(0.0, index=idx, columns=[str(w[0]) for w in windows])
    if len(idx) == 0:
        return out
    pos = {p: i for i, p in enumerate(idx)}
    vals = np.zeros((len(idx), len(windows)))
    for year in range(idx.min().year - 1, idx.max().year + 2):
        for j, (_name, a, b) in enumerate(windows):
            for p, share in _window_shares(year, int(a), int(b)):
                i = pos.get(p)
                if i is not None:
                    vals[i, j] += share
    out[:] = vals
    return out


@lru_cache(maxsize=256)
def _festival(year: int) -> pd.Timestamp:
    from macrodesk.transforms import spring_festival

    return pd.Timestamp(spring_festival(year))


@lru_cache(maxsize=1024)
def _window_shares(year: int, first: int, last: int) -> tuple[tuple[pd.Period, float], ...]:
    d = _festival(year)
    days = pd.date_range(d + pd.Timedelta(days=first), d + pd.Timedelta(days=last))
    per = days.to_period("M")
    return tuple((p, float((per == p).sum()) / p.days_in_month) for p in per.unique())
