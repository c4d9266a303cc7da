"""Type aliases used across macrodesk."""

from __future__ import annotations

import datetime as _dt
from typing import Literal, TypeAlias

import pandas as pd

#: Observation frequency. ``X`` is the Chinese 10-day period (旬).
Freq: TypeAlias = Literal["D", "W", "X", "M", "Q", "A"]

#: Something that names a date or a period: "2025-12", "2025-12-31", a Period, a date.
DateLike: TypeAlias = str | _dt.date | pd.Timestamp | pd.Period

#: Languages reports and labels are available in.
Lang: TypeAlias = Literal["zh", "en"]

FREQS: tuple[str, ...] = ("D", "W", "X", "M", "Q", "A")
PERIOD_FREQS: dict[str, str] = {"M": "M", "Q": "Q", "A": "Y"}
FREQ_NAMES: dict[str, tuple[str, str]] = {
    "D": ("日", "daily"),
    "W": ("周", "weekly"),
    "X": ("旬", "10-day"),
    "M": ("月", "monthly"),
    "Q": ("季", "quarterly"),
    "A": ("年", "annual"),
}
