"""The latest investment and credit readings behind the outlook's demand section (seed 003, Figures 38–41).

Property development investment, the infrastructure sectors and manufacturing
investment are published as year-to-date YoY (January is not published on its
own, so the first print of a year covers January–February); new medium/long-term
corporate loans are a monthly flow, summed here over the same months of the
year and compared with the same months a year earlier. Values stay in the
units they were published in (percent, CNY 100m).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

__all__ = ["DemandReadings", "LoanFlow", "Reading", "latest_reading", "loan_flow"]


@dataclass(frozen=True)
class Reading:
    """The latest observation of one series up to the cut-off, and the observation before it."""

    name: str
    name_zh: str
    month: pd.Period
    value: float
    previous: float | None = None
    previous_month: pd.Period | None = None


@dataclass(frozen=True)
class LoanFlow:
    """A monthly flow summed from January to ``month``, and over the same months a year earlier."""

    month: pd.Period
    total: float
    prior: float | None


@dataclass(frozen=True)
class DemandReadings:
    """Property, infrastructure-sector and manufacturing investment (YTD YoY, %) and MLT loans (CNY 100m)."""

    realestate: Reading | None
    infrastructure: tuple[Reading, ...]
    manufacturing: Reading | None
    loans: LoanFlow | None

    @property
    def empty(self) -> bool:
        return self.realestate is None and not self.infrastructure and self.manufacturing is None and self.loans is None


def _cut(s: pd.Series, end: pd.Period) -> pd.Series:
    s = s.dropna()
    return s[s.index <= end]


def latest_reading(s: pd.Series | None, end: pd.Period, name: str, name_zh: str) -> Reading | None:
    """The last value of ``s`` (PeriodIndex, monthly) on or before ``end``; None when there is none."""
    if s is None:
        return None
    obs = _cut(s, end)
    if obs.empty:
        return None
    prev = obs.iloc[-2] if len(obs) > 1 else None
    return Reading(name, name_zh, obs.index[-1], float(obs.iloc[-1]),
                   None if prev is None else float(prev), obs.index[-2] if len(obs) > 1 else None)


def loan_flow(s: pd.Series | None, end: pd.Period) -> LoanFlow | None:
    """January-to-latest sum of the monthly flow ``s`` up to ``end``, and the same months a year earlier.

    None without a value in the latest month's year; ``prior`` is None unless every one of the
    year-earlier months is there.
    """
    if s is None:
        return None
    obs = _cut(s, end)
    if obs.empty:
        return None
    last = obs.index[-1]
    months = pd.period_range(pd.Period(f"{last.year}-01", freq="M"), last, freq="M")
    now = obs.reindex(months)
    if now.isna().any():
        return None
    before = obs.reindex(months - 12)
    return LoanFlow(last, float(now.sum()), None if before.isna().any() else float(before.sum()))

