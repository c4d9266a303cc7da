"""The one frequency inference, on real observation dates, and both importers agreeing with it."""

from __future__ import annotations

import calendar
import datetime as dt

import pandas as pd
import pytest

from macrodesk.series.frequency import infer_freq

D = dt.date


def month_ends(start: str, n: int) -> list[dt.date]:
    y, m = (int(x) for x in start.split("-"))
    out = []
    for _ in range(n):
        out.append(D(y, m, calendar.monthrange(y, m)[1]))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


# Baltic Dry Index trading days, 2025-06-23 .. 2025-07-04 (weekends skipped)
BDI_DAYS = [D(2025, 6, d) for d in (23, 24, 25, 26, 27, 30)] + [D(2025, 7, d) for d in (1, 2, 3, 4)]
# SCFI is published on Fridays
SCFI_FRIDAYS = [D(2025, 6, 20), D(2025, 6, 27), D(2025, 7, 4), D(2025, 7, 11)]
# 旬 (10-day) prices such as the 0# diesel market price: the 10th, the 20th and the month-end
DIESEL_XUN = [D(2025, 1, 10), D(2025, 1, 20), D(2025, 1, 31), D(2025, 2, 10), D(2025, 2, 20), D(2025, 2, 28)]
# NBS breeding-sow inventory, quarter-ends 2025Q1..Q4
SOW_QUARTERS = [D(2025, 3, 31), D(2025, 6, 30), D(2025, 9, 30), D(2025, 12, 31)]
# year-end points (e.g. end-of-year inventories) 2021..2025
YEAR_ENDS = [D(y, 12, 31) for y in range(2021, 2026)]


@pytest.mark.parametrize(
    "dates, want",
    [
        (month_ends("2025-01", 12), "M"),
        (SOW_QUARTERS, "Q"),
        (YEAR_ENDS, "A"),
        (YEAR_ENDS[:2], "A"),  # two year-ends are already annual
        (DIESEL_XUN, "X"),
        (SCFI_FRIDAYS, "W"),
        (BDI_DAYS, "D"),
    ],
)
def test_frequency_from_real_dates(dates, want):
    assert infer_freq(dates) == want
    assert infer_freq(list(reversed(dates))) == want  # order does not matter
    assert infer_freq(pd.to_datetime(dates)) == want


def test_year_ends_are_annual_not_quarterly():
    # year-ends are also quarter- and month-ends: the coarsest grid wins
    assert infer_freq(YEAR_ENDS) == "A"
    assert infer_freq(YEAR_ENDS + [D(2025, 6, 30)]) == "Q"
    assert infer_freq(YEAR_ENDS + [D(2025, 11, 30)]) == "M"


def test_dates_that_do_not_tell():
    assert infer_freq([]) is None
    assert infer_freq([D(2025, 12, 31)]) is None  # one date fits every frequency
    assert infer_freq([D(2025, 12, 31), D(2025, 12, 31)]) is None  # one distinct date
    firsts = [D(2025, m, 1) for m in range(1, 7)]  # monthly, but dated on the 1st
    assert infer_freq(firsts) is None
    assert infer_freq([D(2025, 1, 15), D(2025, 3, 2), D(2025, 8, 19)]) is None


def test_lenient_always_answers():
    assert infer_freq([D(2025, 12, 31)], lenient=True) == "M"
    assert infer_freq([D(2025, 12, 15)], lenient=True) == "D"
    assert infer_freq([D(2025, m, 1) for m in range(1, 7)], lenient=True) == "D"
    assert infer_freq(YEAR_ENDS, lenient=True) == "A"


def test_lenient_keeps_a_mostly_monthly_series_monthly():
    # the 2025 month-ends with June given as the 15th: monthly, so the importer can name the odd date
    dates = month_ends("2025-01", 12)
    dates[5] = D(2025, 6, 15)
    assert infer_freq(dates) is None
    assert infer_freq(dates, lenient=True) == "M"
    quarters = SOW_QUARTERS[:3] + [D(2025, 12, 15)] + [D(2026, 3, 31), D(2026, 6, 30)]
    assert infer_freq(quarters, lenient=True) == "Q"
    years = YEAR_ENDS[:3] + [D(2024, 12, 30), D(2025, 12, 31)]
    assert infer_freq(years, lenient=True) == "A"
    # a month apart but mostly not month-ends (the 15th of each month): daily, dates kept as given
    assert infer_freq([D(2025, m, 15) for m in range(1, 13)], lenient=True) == "D"
