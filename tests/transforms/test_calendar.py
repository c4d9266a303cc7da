"""Tests for macrodesk.transforms.calendar (Spring Festival dates)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from macrodesk.exceptions import TransformError
from macrodesk.transforms import spring_festival, spring_festival_dates, spring_festival_month


@pytest.mark.parametrize(
    "year, date",
    [
        # public calendar facts
        (2024, dt.date(2024, 2, 10)),
        (2025, dt.date(2025, 1, 29)),
        (2026, dt.date(2026, 2, 17)),
    ],
)
def test_spring_festival_known_dates(year, date):
    assert spring_festival(year) == date


def test_spring_festival_month():
    assert spring_festival_month(2025) == 1
    assert spring_festival_month(2026) == 2  # late CNY 2026 -> Jan low, Feb high


def test_spring_festival_dates_series():
    s = spring_festival_dates()
    assert list(s.index) == list(range(1990, 2036))
    assert s.index.name == "year"
    assert s.loc[2024] == pd.Timestamp("2024-02-10")
    # the Spring Festival always falls between Jan 21 and Feb 20
    md = s.dt.month * 100 + s.dt.day
    assert ((md >= 121) & (md <= 220)).all()
    assert (s.dt.year == s.index).all()
    assert len(spring_festival_dates(2025, 2026)) == 2


def test_spring_festival_errors():
    with pytest.raises(TransformError, match=r"year must be an integer calendar year such as 2026; got '2026'"):
        spring_festival("2026")
    with pytest.raises(TransformError, match=r"year must be between 1900 and 2100; got 1800"):
        spring_festival(1800)
    with pytest.raises(TransformError, match=r"start \(2030\) must not be after end \(2020\)"):
        spring_festival_dates(2030, 2020)
