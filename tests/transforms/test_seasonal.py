"""Tests for macrodesk.transforms.seasonal."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from macrodesk.exceptions import TransformError
from macrodesk.transforms import cumulative, monthly_norm, span_norm, super_seasonal


def M(start: str, values) -> pd.Series:
    values = list(values)
    return pd.Series(values, index=pd.period_range(start, periods=len(values), freq="M"), dtype=float)


def _ramp() -> pd.Series:
    # m_{Y,j} = (Y - 2020) * 0.001 * j for Y = 2021..2023, j = 1..12
    vals = [(y - 2020) * 0.001 * j for y in (2021, 2022, 2023) for j in range(1, 13)]
    return M("2021-01", vals)


def test_monthly_norm_hand():
    out = monthly_norm(_ramp(), range(2021, 2024))
    assert list(out.index) == list(range(1, 13))
    assert out.index.name == "month"
    assert list(out.columns) == ["mean", "min", "max"]
    j = np.arange(1, 13)
    # mean over Y of (Y-2020) = (1+2+3)/3 = 2 -> 0.002 j ; min 0.001 j ; max 0.003 j
    np.testing.assert_allclose(out["mean"], 0.002 * j)
    np.testing.assert_allclose(out["min"], 0.001 * j)
    np.testing.assert_allclose(out["max"], 0.003 * j)


def test_monthly_norm_other_stats_and_subset_of_years():
    out = monthly_norm(_ramp(), [2021, 2023], stats=("median", "std", "count"))
    # years 2021, 2023 for Jan: 0.001 and 0.003 -> median 0.002, sample std sqrt(2)*0.001
    assert out.loc[1, "median"] == pytest.approx(0.002)
    assert out.loc[1, "std"] == pytest.approx(math.sqrt(2) * 0.001)
    assert out.loc[1, "count"] == 2


def test_monthly_norm_missing_year_gives_nan_except_count():
    s = _ramp()
    s.loc["2022-03"] = np.nan
    out = monthly_norm(s, range(2021, 2024), stats=("mean", "count"))
    assert math.isnan(out.loc[3, "mean"])
    assert out.loc[3, "count"] == 2
    assert out.loc[4, "mean"] == pytest.approx(0.008)  # 0.002 * 4
    # a year outside the data is missing for every month
    out2 = monthly_norm(s, range(2019, 2022))
    assert out2["mean"].isna().all()


def test_monthly_norm_dataframe_multiindex():
    s = _ramp()
    df = pd.DataFrame({"cpi": s, "ppi": -s})
    out = monthly_norm(df, range(2021, 2024))
    assert out.columns.names == ["stat", "series"]
    assert list(out.columns) == [(k, c) for k in ("mean", "min", "max") for c in ("cpi", "ppi")]
    # ppi min for month 12 = -(0.003 * 12) = -0.036
    assert out.loc[12, ("min", "ppi")] == pytest.approx(-0.036)
    assert list(out["mean"].columns) == ["cpi", "ppi"]
    pd.testing.assert_frame_equal(
        out.xs("cpi", axis=1, level="series"), monthly_norm(s, range(2021, 2024)), check_names=False
    )


def test_norm_argument_errors():
    s = _ramp()
    with pytest.raises(TransformError, match=r"years is empty"):
        monthly_norm(s, [])
    with pytest.raises(TransformError, match=r"years must be an iterable of calendar years.*got '2021-2024'"):
        monthly_norm(s, "2021-2024")
    with pytest.raises(TransformError, match=r"stats must be a non-empty selection of .*got \('avg',\)"):
        monthly_norm(s, [2021], stats=("avg",))
    with pytest.raises(TransformError, match=r"years must hold integer calendar years; got 2021.5"):
        span_norm(s, [2021.5])


def test_span_norm_hand():
    # Jan–Feb: 2021 (0.01, 0.01) -> 1.01^2-1 = 0.0201 ; 2022 (0.02, 0.02) -> 1.02^2-1 = 0.0404
    s = M("2021-01", [0.01, 0.01] + [0.0] * 10 + [0.02, 0.02] + [0.0] * 10)
    out = span_norm(s, [2021, 2022], 1, 2)
    assert list(out.index) == ["mean", "min", "max"]
    assert out["mean"] == pytest.approx((0.0201 + 0.0404) / 2)  # 0.03025
    assert out["min"] == pytest.approx(0.0201)
    assert out["max"] == pytest.approx(0.0404)
    df = pd.DataFrame({"a": s, "b": s * 0})
    out_df = span_norm(df, [2021, 2022], 1, 2)
    assert out_df.loc["mean", "a"] == pytest.approx(0.03025)
    assert out_df.loc["max", "b"] == 0.0


def test_super_seasonal_monthly_against_norm_by_calendar_month():
    norm = monthly_norm(_ramp(), range(2021, 2024))["mean"]  # 0.002 j
    actual = M("2024-11", [0.03, 0.01, 0.05])  # Nov, Dec 2024, Jan 2025
    out = super_seasonal(actual, norm)
    # 0.03 - 0.022 = 0.008 ; 0.01 - 0.024 = -0.014 ; 0.05 - 0.002 = 0.048
    assert out.tolist() == pytest.approx([0.008, -0.014, 0.048])
    assert out.index.equals(actual.index)
    # DataFrame actual with one Series norm: same norm for every column
    df = pd.DataFrame({"a": actual, "b": actual * 2})
    out_df = super_seasonal(df, norm)
    assert out_df["b"].tolist() == pytest.approx([0.038, -0.004, 0.098])
    # DataFrame actual with per-series monthly norms
    norms = monthly_norm(pd.DataFrame({"a": _ramp(), "b": _ramp() * 0}), range(2021, 2024))["mean"]
    out_df2 = super_seasonal(df, norms)
    assert out_df2["a"].tolist() == pytest.approx([0.008, -0.014, 0.048])
    assert out_df2["b"].tolist() == pytest.approx([0.06, 0.02, 0.10])


def test_super_seasonal_span_and_scalar():
    s = M("2021-01", [0.01, 0.01] + [0.0] * 10 + [0.02, 0.02] + [0.0] * 10)
    cum = cumulative(s, 1, 2)
    norm = span_norm(s, [2021, 2022], 1, 2)["mean"]
    out = super_seasonal(cum, norm)
    # 0.0201 - 0.03025 = -0.01015 ; 0.0404 - 0.03025 = 0.01015
    assert out.tolist() == pytest.approx([-0.01015, 0.01015])
    assert super_seasonal(0.005, 0.002) == pytest.approx(0.003)
    df = pd.DataFrame({"a": s, "b": s * 0})
    out_df = super_seasonal(cumulative(df, 1, 2), span_norm(df, [2021, 2022], 1, 2).loc["mean"])
    assert out_df.loc[2022, "a"] == pytest.approx(0.01015)
    assert out_df.loc[2022, "b"] == 0.0


def test_super_seasonal_errors():
    actual = M("2024-01", [0.0])
    with pytest.raises(TransformError, match=r"norm is a DataFrame but actual is a Series; pick one statistic"):
        super_seasonal(actual, monthly_norm(_ramp(), [2021]))
    with pytest.raises(TransformError, match=r"norm must be a Series, DataFrame or number; got str"):
        super_seasonal(actual, "mean")


@settings(max_examples=15, deadline=None)
@given(
    st.lists(
        st.lists(st.floats(min_value=-0.05, max_value=0.05, allow_nan=False), min_size=36, max_size=36),
        min_size=1,
        max_size=3,
    )
)
def test_property_dataframe_equals_column_by_column(cols):
    df = pd.DataFrame({f"s{i}": M("2021-01", c) for i, c in enumerate(cols)})
    mn = monthly_norm(df, range(2021, 2024), stats=("mean", "median", "min", "max", "std", "count"))
    sn = span_norm(df, range(2021, 2024), 3, 9)
    for c in df.columns:
        pd.testing.assert_frame_equal(
            mn.xs(c, axis=1, level="series"), monthly_norm(df[c], range(2021, 2024), stats=("mean", "median", "min", "max", "std", "count")),
            check_names=False,
        )
        pd.testing.assert_series_equal(sn[c], span_norm(df[c], range(2021, 2024), 3, 9), check_names=False)
        # the norm mean equals the plain mean over years, computed independently
        for j in (1, 7, 12):
            vals = [df[c].loc[f"{y}-{j:02d}"] for y in (2021, 2022, 2023)]
            assert mn.loc[j, ("mean", c)] == pytest.approx(sum(vals) / 3, abs=1e-15)
