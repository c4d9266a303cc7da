"""Tests for macrodesk.transforms.resample."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from macrodesk.exceptions import TransformError
from macrodesk.transforms import partial_month, to_monthly


def _daily() -> pd.Series:
    # January 2025: value = day of month (1..31); no February data; 2025-03-05 = 7
    jan = pd.Series(np.arange(1.0, 32.0), index=pd.date_range("2025-01-01", "2025-01-31", freq="D"))
    mar = pd.Series([7.0], index=pd.DatetimeIndex(["2025-03-05"]))
    return pd.concat([jan, mar])


@pytest.mark.parametrize(
    "how, jan",
    [
        ("mean", 16.0),  # (1+31)/2
        ("last", 31.0),
        ("first", 1.0),
        ("sum", 496.0),  # 31*32/2
        ("max", 31.0),
        ("min", 1.0),
    ],
)
def test_to_monthly_hand(how, jan):
    out = to_monthly(_daily(), how)
    assert isinstance(out.index, pd.PeriodIndex) and out.index.freqstr == "M"
    assert list(out.index.astype(str)) == ["2025-01", "2025-02", "2025-03"]
    assert out.loc["2025-01"] == jan
    assert math.isnan(out.loc["2025-02"])  # no observation: NaN, also for 'sum'
    assert out.loc["2025-03"] == 7.0


def test_to_monthly_skips_nan_and_weekly_dataframe():
    idx = pd.DatetimeIndex(["2025-01-05", "2025-01-12", "2025-01-19", "2025-01-26", "2025-02-02"])
    df = pd.DataFrame({"a": [1.0, np.nan, 3.0, np.nan, 5.0], "b": [2.0, 2.0, 2.0, 2.0, 4.0]}, index=idx)
    out = to_monthly(df, "mean")
    assert isinstance(out, pd.DataFrame)
    assert out.loc["2025-01", "a"] == 2.0  # (1+3)/2, NaN skipped
    assert out.loc["2025-02", "b"] == 4.0  # the week stamped 2025-02-02 counts for February
    assert to_monthly(df, "last").loc["2025-01", "a"] == 3.0  # last observed value


def test_partial_month_hand():
    out = partial_month(_daily(), 13)
    # Jan days 1..13 -> mean 7 ; Feb nothing -> NaN ; Mar 5th (<= 13) -> 7
    assert out.loc["2025-01"] == 7.0
    assert math.isnan(out.loc["2025-02"])
    assert out.loc["2025-03"] == 7.0
    out2 = partial_month(_daily(), 3, how="sum")
    # Jan 1+2+3 = 6 ; Mar 5th excluded -> NaN but the month is still in the index
    assert out2.loc["2025-01"] == 6.0
    assert list(out2.index.astype(str)) == ["2025-01", "2025-02", "2025-03"]
    assert math.isnan(out2.loc["2025-03"])


def test_resample_errors():
    s = _daily()
    with pytest.raises(TransformError, match=r"how must be one of .*got 'median'"):
        to_monthly(s, "median")
    with pytest.raises(TransformError, match=r"x must be indexed by dates \(a DatetimeIndex\); got a RangeIndex"):
        to_monthly(s.reset_index(drop=True))
    with pytest.raises(TransformError, match=r"day must be a calendar day 1..31; got 32"):
        partial_month(s, 32)
    with pytest.raises(TransformError, match=r"x must be a pandas Series or DataFrame.*got list"):
        to_monthly([1, 2])
