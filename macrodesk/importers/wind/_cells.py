"""Single cells of a Wind sheet: the first column's dates and labels, and cells shown in messages."""

from __future__ import annotations

import datetime as _dt
import math
from typing import Any

import numpy as np
import pandas as pd

from macrodesk.series.periods import read_period_text

__all__ = [
    "BLANK", "DATE", "BADDATE", "TEXT",
    "classify_first_column", "col_letter", "iso", "num", "period_label", "show", "text",
]

#: Kinds of a first-column cell.
BLANK, DATE, BADDATE, TEXT = 0, 1, 2, 3

_EXCEL_EPOCH = np.datetime64("1899-12-30", "D")
_MAX_SERIAL = 2958465  # 9999-12-31


def classify_first_column(col0: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Kinds (blank/date/bad date/text) and dates (datetime64[D], NaT if none) of the first column."""
    n = len(col0)
    kinds = np.zeros(n, dtype=np.int8)
    days = np.full(n, np.datetime64("NaT"), dtype="datetime64[D]")
    for i, v in enumerate(col0):
        kind, day = _classify(v)
        kinds[i] = kind
        if day is not None:
            days[i] = day
    return kinds, days


def _classify(v: Any) -> tuple[int, np.datetime64 | None]:
    """The kind of one first-column cell, and its day if it is a date."""
    if v is None:
        return BLANK, None
    if isinstance(v, _dt.datetime):
        return DATE, np.datetime64(v.date(), "D")
    if isinstance(v, _dt.date):
        return DATE, np.datetime64(v, "D")
    if isinstance(v, bool):
        return TEXT, None
    if isinstance(v, (int, float)):
        if isinstance(v, float) and not math.isfinite(v):
            return BADDATE, None
        if 61 <= v <= _MAX_SERIAL:  # an Excel date serial number
            return DATE, _EXCEL_EPOCH + np.timedelta64(int(v), "D")
        return BADDATE, None
    if isinstance(v, str):
        s = v.strip()
        if not s:
            return BLANK, None
        return _text_date(s)
    return BADDATE, None  # time, timedelta, error values …


def _text_date(s: str) -> tuple[int, np.datetime64 | None]:
    """A text date: a day as given; a month or a quarter as its last day; a bare year is a label."""
    try:
        p = read_period_text(s)
    except ValueError:
        return BADDATE, None
    if p is None or p.freqstr.startswith("Y"):
        return TEXT, None
    last_day = p.asfreq("D", how="end")  # a daily Period's ordinal counts days from 1970-01-01
    return DATE, np.datetime64(int(last_day.ordinal), "D")


def text(v: Any) -> str:
    """A header cell as text ('' for blank); whole floats without '.0'."""
    if v is None:
        return ""
    if isinstance(v, float):
        if not math.isfinite(v):
            return ""
        return str(int(v)) if v.is_integer() else str(v)
    if isinstance(v, (_dt.date, _dt.datetime)):
        return v.isoformat()
    return str(v).strip()


def show(v: Any) -> str:
    """A cell quoted for a message."""
    if isinstance(v, _dt.datetime):
        v = v.date() if v.time() == _dt.time() else v
        return f"'{v.isoformat()}'"
    if isinstance(v, _dt.date):
        return f"'{v.isoformat()}'"
    if isinstance(v, float) and v.is_integer():
        return f"'{int(v)}'"
    return f"'{v}'"


def num(x: float) -> str:
    return f"{x:g}"


def iso(d: np.datetime64) -> str:
    return str(d.astype("datetime64[D]"))


def period_label(p: pd.Period, f: str) -> str:
    return p.strftime("%Y-%m") if f == "M" else str(p)


def col_letter(j: int) -> str:
    """The spreadsheet letter of 0-based column ``j`` (0 → A, 26 → AA)."""
    s = ""
    j += 1
    while j:
        j, r = divmod(j - 1, 26)
        s = chr(65 + r) + s
    return s
