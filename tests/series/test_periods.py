"""The one period parser: text, years, quarters, dates and Periods; errors name the argument."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from macrodesk.exceptions import DataError, ModelError, TransformError
from macrodesk.series.periods import parse_period, read_period_text

M = lambda s: pd.Period(s, freq="M")  # noqa: E731


@pytest.mark.parametrize(
    "value, want",
    [
        ("2025-12", M("2025-12")),
        (" 2025-12 ", M("2025-12")),
        ("2025/12", M("2025-12")),
        ("2025.3", M("2025-03")),
        ("2025年12月", M("2025-12")),
        ("2025-12-31", M("2025-12")),
        ("2025年12月31日", M("2025-12")),
        ("2025-12-31 00:00:00", M("2025-12")),
        ("2025-12-31T10:30", M("2025-12")),
        ("2025", M("2025-01")),  # a year at its start
        ("2025Q4", M("2025-10")),
        (2025, M("2025-01")),
        (np.int64(2025), M("2025-01")),
        (dt.date(2025, 12, 31), M("2025-12")),
        (dt.datetime(2025, 12, 1, 9, 0), M("2025-12")),
        (pd.Timestamp("2025-12-15"), M("2025-12")),
        (np.datetime64("2025-12-15"), M("2025-12")),
        (pd.Period("2025-12", freq="M"), M("2025-12")),
        (pd.Period("2025Q4", freq="Q"), M("2025-10")),
        (pd.Period("2025-12-31", freq="D"), M("2025-12")),
    ],
)
def test_monthly_period_from_every_accepted_form(value, want):
    assert parse_period(value) == want


def test_how_end_takes_a_coarser_period_at_its_end():
    assert parse_period("2025", how="end") == M("2025-12")
    assert parse_period("2025Q1", how="end") == M("2025-03")
    assert parse_period(pd.Period("2025", freq="Y"), "Q", how="end") == pd.Period("2025Q4", freq="Q")
    # a day is inside its month whatever ``how`` says
    assert parse_period("2025-02-10", how="end") == M("2025-02")


def test_macrodesk_frequency_codes_and_pandas_offsets():
    assert parse_period("2025-12-31", "A") == pd.Period("2025", freq="Y")
    assert parse_period("2025-11", "Q") == pd.Period("2025Q4", freq="Q")
    idx = pd.period_range("2025-01", periods=3, freq="M")
    assert parse_period("2025-02", idx.freq) == idx[1]


@pytest.mark.parametrize("value", ["2025-13", "2025-02-30", "soon", "", "12", True, None, 12, 3.5, object()])
def test_anything_else_is_an_error_naming_the_argument_and_the_value(value):
    with pytest.raises(DataError) as info:
        parse_period(value, name="start")
    msg = str(info.value)
    assert msg.startswith("start must be a period like '2025-01'") and repr(value) in msg


def test_the_caller_chooses_the_error_class():
    with pytest.raises(TransformError, match=r"^end must be a period"):
        parse_period("Dec", name="end", error=TransformError)
    with pytest.raises(ModelError, match=r"^since must be a period"):
        parse_period("last year", name="since", error=ModelError)


def test_read_period_text_keeps_the_precision_given():
    assert read_period_text("2025") == pd.Period("2025", freq="Y")
    assert read_period_text("2025q2") == pd.Period("2025Q2", freq="Q")
    assert read_period_text("2025-6") == M("2025-06")
    assert read_period_text("2024-02-29") == pd.Period("2024-02-29", freq="D")  # a leap day
    assert read_period_text("指标名称") is None
    assert read_period_text("2025年") is None
    with pytest.raises(ValueError):
        read_period_text("2025-02-29")  # 2025 is not a leap year
    with pytest.raises(ValueError):
        read_period_text("2025-00")
