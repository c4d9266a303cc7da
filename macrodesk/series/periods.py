"""The one period parser: a user's '2025-12' (or a year, a quarter, a date) as a Period.

:func:`parse_period` is what every function that takes a period argument calls;
:func:`read_period_text` is the text reader underneath it, shared with the Wind
importer's date column. Both accept

* ``'2025'`` (a year), ``'2025Q4'`` (a quarter),
* ``'2025-12'``, ``'2025/12'``, ``'2025.12'``, ``'2025年12月'`` (a month),
* ``'2025-12-31'``, ``'2025/12/31'``, ``'2025年12月31日'``, optionally followed by
  a time (``'2025-12-31 00:00:00'``, ``'2025-12-31T00:00'``) (a day).
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any, Literal

import numpy as np
import pandas as pd

from macrodesk._typing import PERIOD_FREQS
from macrodesk.exceptions import DataError

__all__ = ["parse_period", "read_period_text"]

_YEAR_RE = re.compile(r"^(\d{4})$")
_QUARTER_RE = re.compile(r"^(\d{4})\s*-?\s*[Qq]\s*([1-4])$")
_DATE_RE = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(?:(\d{1,2})\s*日?)?)?"
    r"(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
)

How = Literal["start", "end"]


def read_period_text(text: str) -> pd.Period | None:
    """The period a text names, at the precision it gives (a year, quarter, month or day).

    Returns ``None`` when the text does not look like a period at all (a label
    such as '指标名称'); raises :class:`ValueError` when it looks like one but is
    not a valid date ('2025-13', '2025-02-30').
    """
    s = text.strip()
    m = _YEAR_RE.match(s)
    if m:
        return pd.Period(year=int(m.group(1)), freq="Y")
    m = _QUARTER_RE.match(s)
    if m:
        return pd.Period(year=int(m.group(1)), quarter=int(m.group(2)), freq="Q")
    m = _DATE_RE.match(s)
    if not m:
        return None
    year, month = int(m.group(1)), int(m.group(2))
    if not 1 <= month <= 12:
        raise ValueError(f"month {month} is not in 1..12")
    if m.group(3) is None:
        return pd.Period(year=year, month=month, freq="M")
    day = _dt.date(year, month, int(m.group(3)))  # ValueError if there is no such day
    return pd.Period(year=day.year, month=day.month, day=day.day, freq="D")


def parse_period(
    value: Any,
    freq: Any = "M",
    *,
    name: str = "period",
    how: How = "start",
    error: type[Exception] = DataError,
) -> pd.Period:
    """``value`` as a :class:`pandas.Period` of ``freq``.

    Parameters
    ----------
    value : str, int, Period, date, Timestamp or datetime64
        Text as in the module docstring, an int year (1000..9999), a Period of
        any frequency, or a date.
    freq : str or offset
        The frequency wanted: a macrodesk code (``'M'``, ``'Q'``, ``'A'``), a
        pandas frequency (``'Y'``, ``'D'``) or a PeriodIndex's ``freq``.
    name : str
        The argument's name, used in the error message.
    how : 'start' or 'end'
        Where a coarser period lands: ``'2025'`` is 2025-01 with ``'start'`` and
        2025-12 with ``'end'``. A finer one (a day) is the period holding it.
    error : exception class
        What to raise, so that a transform raises its TransformError and a model
        its ModelError; a :class:`~macrodesk.exceptions.DataError` by default.

    Raises
    ------
    error
        Naming ``name`` and ``value`` for anything that is not a period.
    """
    target = PERIOD_FREQS.get(freq, freq) if isinstance(freq, str) else freq
    p = _read(value, target)
    if p is None:
        raise error(
            f"{name} must be a period like '2025-01' (or '2025', '2025Q1', '2025-01-31', "
            f"a pandas Period or a date); got {value!r}."
        )
    try:
        return p.asfreq(target, how=how)
    except (TypeError, ValueError) as exc:
        raise error(f"{name}: cannot express {value!r} at frequency {freq!r} ({exc}).") from None


def _read(value: Any, target: Any) -> pd.Period | None:
    """The period ``value`` names at its own precision, or ``None`` if it names none."""
    if isinstance(value, pd.Period):
        return value
    if isinstance(value, str):
        try:
            return read_period_text(value)
        except ValueError:
            return None
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, np.integer)):
        return pd.Period(year=int(value), freq="Y") if 1000 <= value <= 9999 else None
    if isinstance(value, (_dt.date, np.datetime64)):  # Timestamp and datetime are dates too
        if pd.isna(value):
            return None
        return pd.Period(pd.Timestamp(value), freq=target)
    return None
