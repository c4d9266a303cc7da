"""Tests for macrodesk.transforms.growth.

Expected numbers are computed by hand (arithmetic in the comments), by closed
form, or from published NBS figures -- never copied from the code's output.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from macrodesk.exceptions import TransformError
from macrodesk.transforms import (
    cagr2y,
    cagr2y_from_yoy,
    chain,
    cumulative,
    cumulative_span,
    expanding_percentile,
    janfeb_yoy,
    mom,
    percentile_of_last,
    project_yoy,
    yoy,
    yoy_janfeb_combined,
    yoy_recursion_residual,
)

SETTINGS = settings(max_examples=25, deadline=None)


def M(start: str, values) -> pd.Series:
    """A monthly series starting at ``start``."""
    values = list(values)
    return pd.Series(values, index=pd.period_range(start, periods=len(values), freq="M"), dtype=float)


# China CPI MoM 2025 (NBS monthly releases, percent), Jan..Dec
CPI_MOM_2025 = [0.7, -0.2, -0.4, 0.1, -0.2, -0.1, 0.4, 0.0, 0.1, 0.2, -0.1, 0.2]

moms = st.lists(
    st.floats(min_value=-0.05, max_value=0.05, allow_nan=False, allow_infinity=False),
    min_size=26,
    max_size=60,
)
start_years = st.integers(min_value=1995, max_value=2030)


# ---------------------------------------------------------------- yoy / mom


def test_yoy_hand():
    # 13 months: 100 in 2024-01, 110 in 2025-01 -> 110/100 - 1 = 0.10
    s = M("2024-01", [100] + [105] * 11 + [110])
    out = yoy(s)
    assert out.index.equals(s.index)
    assert out.iloc[:12].isna().all()
    assert out.iloc[12] == pytest.approx(0.10)


def test_yoy_quarterly_default_lag_4():
    # 2024Q1 = 200, 2025Q1 = 210 -> 210/200 - 1 = 0.05
    q = pd.Series([200.0, 1, 1, 1, 210.0], index=pd.period_range("2024Q1", periods=5, freq="Q"))
    assert yoy(q).iloc[4] == pytest.approx(0.05)
    assert yoy(q).iloc[:4].isna().all()


def test_yoy_explicit_periods_and_zero_base():
    # periods=2: 90/100-1 = -0.10; base 0 -> NaN (not inf)
    s = M("2025-01", [100, 0, 90, 5])
    out = yoy(s, periods=2)
    assert out.iloc[2] == pytest.approx(-0.10)
    assert math.isnan(out.iloc[3])


def test_mom_hand():
    # 102/100 - 1 = 0.02 ; 99.96/102 - 1 = -0.02
    out = mom(M("2025-01", [100, 102, 99.96]))
    assert math.isnan(out.iloc[0])
    assert out.iloc[1] == pytest.approx(0.02)
    assert out.iloc[2] == pytest.approx(-0.02)


def test_index_with_holes_is_completed():
    # 2025-02 is absent: it becomes NaN, so the Mar MoM (vs Feb) is NaN too
    s = pd.Series([100.0, 103.0, 104.03], index=pd.PeriodIndex(["2025-01", "2025-03", "2025-04"], freq="M"))
    out = mom(s)
    assert list(out.index.astype(str)) == ["2025-01", "2025-02", "2025-03", "2025-04"]
    assert out.iloc[:3].isna().all()
    assert out.iloc[3] == pytest.approx(0.01)  # 104.03/103 - 1


def test_unsorted_index_is_sorted():
    s = pd.Series([102.0, 100.0], index=pd.PeriodIndex(["2025-02", "2025-01"], freq="M"))
    assert mom(s).iloc[1] == pytest.approx(0.02)


def test_dataframe_returns_dataframe():
    df = pd.DataFrame({"a": [100, 110.0], "b": [50, 45.0]}, index=pd.period_range("2025-01", periods=2, freq="M"))
    out = mom(df)
    assert isinstance(out, pd.DataFrame)
    assert list(out.columns) == ["a", "b"]
    assert out.loc["2025-02", "a"] == pytest.approx(0.10)  # 110/100-1
    assert out.loc["2025-02", "b"] == pytest.approx(-0.10)  # 45/50-1


def test_bad_index_and_freq_and_type():
    with pytest.raises(TransformError, match=r"level must be indexed by a pandas PeriodIndex.*DatetimeIndex"):
        yoy(pd.Series([1.0, 2.0], index=pd.date_range("2025-01-31", periods=2, freq="ME")))
    with pytest.raises(TransformError, match=r"level has unsupported frequency 'D'"):
        yoy(pd.Series([1.0, 2.0], index=pd.period_range("2025-01-01", periods=2, freq="D")))
    with pytest.raises(TransformError, match=r"level must be a pandas Series or DataFrame.*got list"):
        yoy([1.0, 2.0])
    with pytest.raises(TransformError, match=r"periods must be a positive integer lag.*got 0"):
        yoy(M("2025-01", [1, 2]), periods=0)
    with pytest.raises(TransformError, match=r"duplicated period 2025-01"):
        mom(pd.Series([1.0, 2.0], index=pd.PeriodIndex(["2025-01", "2025-01"], freq="M")))
    with pytest.raises(TransformError, match=r"level must hold numbers"):
        mom(pd.Series(["a", "b"], index=pd.period_range("2025-01", periods=2, freq="M")))


# -------------------------------------------------------------------- chain


def test_chain_hand():
    # 100*1.01 = 101 ; 101*1.02 = 103.02 ; 103.02*0.99 = 101.9898
    out = chain(M("2025-01", [0.01, 0.02, -0.01]))
    assert out.tolist() == pytest.approx([101.0, 103.02, 101.9898])


def test_chain_leading_and_trailing_nan_allowed():
    # the chain starts at the first observed MoM: 50*1.01 = 50.5 ; 50.5*1.02 = 51.51
    out = chain(M("2025-01", [np.nan, 0.01, 0.02, np.nan]), base=50.0)
    assert math.isnan(out.iloc[0]) and math.isnan(out.iloc[3])
    assert out.iloc[1:3].tolist() == pytest.approx([50.5, 51.51])


def test_chain_gap_is_an_error():
    with pytest.raises(TransformError, match=r"mom is missing at 2025-02 .*cannot cross a gap"):
        chain(M("2025-01", [0.01, np.nan, 0.02]))
    df = pd.DataFrame(
        {"ok": [0.01, 0.01, 0.01, 0.01], "bad": [0.01, 0.01, np.nan, 0.01]},
        index=pd.period_range("2025-01", periods=4, freq="M"),
    )
    with pytest.raises(TransformError, match=r"mom column 'bad' is missing at 2025-03"):
        chain(df)


@SETTINGS
@given(moms, start_years, st.floats(min_value=1.0, max_value=1000.0))
def test_property_index_mom_chain_roundtrip(ms, y0, level0):
    # index -> mom -> chain recovers the index, up to the base
    idx_level = chain(M(f"{y0}-01", ms), base=level0)
    back = chain(mom(idx_level), base=idx_level.iloc[0])
    np.testing.assert_allclose(back.iloc[1:].to_numpy(), idx_level.iloc[1:].to_numpy(), rtol=1e-10)


# -------------------------------------------------------------- project_yoy


def test_project_yoy_hand():
    yh = M("2025-01", [np.nan] * 11 + [0.02])  # published YoY Dec-2025 = 2%
    mh = M("2025-01", [0.01, 0.0] + [0.0] * 10)
    path = M("2026-01", [0.005, 0.003])
    out = project_yoy(yh, mh, path)
    # Jan: 1.02*1.005/1.01 - 1 = 0.0149504950...
    # Feb: 1.0149504950*1.003/1.000 - 1 = 0.0179953465...
    assert out.index.equals(path.index)
    assert out.iloc[0] == pytest.approx(1.02 * 1.005 / 1.01 - 1, abs=1e-12)
    assert out.iloc[0] == pytest.approx(0.0149504950, abs=1e-9)
    assert out.iloc[1] == pytest.approx(0.0179953465, abs=1e-9)


def test_project_yoy_beyond_12_months_uses_path():
    yh = M("2025-12", [0.0])
    mh = M("2025-01", [0.0] * 12)
    path = M("2026-01", [0.01] * 13)
    out = project_yoy(yh, mh, path)
    # Dec-2026: 1.01**12 - 1 ; Jan-2027: (1.01**12)(1.01)/(1.01) - 1, the same
    assert out.loc["2026-12"] == pytest.approx(1.01**12 - 1)
    assert out.loc["2027-01"] == pytest.approx(1.01**12 - 1)


def test_project_yoy_errors():
    yh = M("2025-01", [0.01] * 12)
    mh = M("2025-01", [0.0] * 12)
    with pytest.raises(TransformError, match=r"mom_path must start at 2026-01.*last published YoY \(2025-12\); it starts at 2026-02"):
        project_yoy(yh, mh, M("2026-02", [0.0]))
    with pytest.raises(TransformError, match=r"mom_hist is missing at 2025-02, needed \(as m_t-12\) to project 2026-02"):
        project_yoy(yh, M("2025-01", [0.0, np.nan] + [0.0] * 10), M("2026-01", [0.0, 0.0]))
    with pytest.raises(TransformError, match=r"mom_path is missing at 2026-02"):
        project_yoy(yh, mh, M("2026-01", [0.0, np.nan]))
    with pytest.raises(TransformError, match=r"yoy_hist has no published value"):
        project_yoy(M("2025-01", [np.nan]), mh, M("2025-02", [0.0]))
    with pytest.raises(TransformError, match=r"yoy_hist is a Series but mom_path is a DataFrame"):
        project_yoy(yh, mh, M("2026-01", [0.0]).to_frame("a"))


@SETTINGS
@given(moms, start_years, st.integers(min_value=1, max_value=14))
def test_property_project_yoy_reproduces_chained_yoy(ms, y0, horizon):
    # a MoM path taken from a chained index reproduces that index's YoY
    ms = ms + [0.004] * 16
    level = chain(M(f"{y0}-01", ms))
    y, m = yoy(level), mom(level)
    cut = len(level) - horizon  # first projected position
    out = project_yoy(y.iloc[:cut], m.iloc[:cut], m.iloc[cut:])
    np.testing.assert_allclose(out.to_numpy(), y.iloc[cut:].to_numpy(), rtol=0, atol=1e-12)


# --------------------------------------------------- yoy_recursion_residual


def test_recursion_residual_hand():
    # y_{t-1}=2%, m_t=1%, m_{t-12}=1% -> implied 1+y_t = 1.02; published 2.5% -> 0.005
    m = M("2025-01", [0.01] + [0.0] * 11 + [0.01])
    y = M("2025-01", [np.nan] * 11 + [0.02, 0.025])
    r = yoy_recursion_residual(y, m)
    assert r.iloc[12] == pytest.approx(0.005, abs=1e-12)
    assert r.iloc[:12].isna().all()


@SETTINGS
@given(moms, start_years)
def test_property_recursion_residual_zero_on_consistent_data(ms, y0):
    level = chain(M(f"{y0}-01", ms))
    r = yoy_recursion_residual(yoy(level), mom(level)).dropna()
    assert len(r) > 0
    np.testing.assert_allclose(r.to_numpy(), 0.0, atol=1e-12)


def test_recursion_residual_detects_rounding_of_published_cpi():
    # Published figures are rounded to 0.1 pp, so residuals are small but not 0.
    level = chain(M("2024-01", [0.003, 0.01, -0.01, 0.001, -0.001, -0.002, 0.005, 0.004, 0.0, -0.003, -0.006, 0.0] + [x / 100 for x in CPI_MOM_2025]))
    y = yoy(level).round(3)  # rounded like a published 0.1% figure
    m = mom(level).round(3)
    r = yoy_recursion_residual(y, m).dropna()
    assert (r.abs() < 0.0025).all()


# ------------------------------------------------------------- cumulative


def test_cpi_2025_jan_nov_cumulative_is_published_half_percent():
    # NBS CPI MoM 2025; the seed broker report states Jan–Nov cumulative = 0.5%
    cpi = M("2025-01", [x / 100 for x in CPI_MOM_2025])
    jan_nov = cumulative(cpi, 1, 11)
    assert list(jan_nov.index) == [2025]
    assert round(jan_nov.loc[2025] * 100, 1) == 0.5
    # closed form: prod(1+m) over Jan..Nov - 1
    assert jan_nov.loc[2025] == pytest.approx(np.prod([1 + x / 100 for x in CPI_MOM_2025[:11]]) - 1)


def test_cumulative_hand_and_missing_year():
    # 2024: Jan 1%, Feb 2% -> 1.01*1.02-1 = 0.0302 ; 2025 Feb missing -> NaN
    s = M("2024-01", [0.01, 0.02] + [0.0] * 10 + [0.03, np.nan])
    out = cumulative(s, 1, 2)
    assert out.loc[2024] == pytest.approx(0.0302)
    assert math.isnan(out.loc[2025])
    assert out.index.name == "year"


def test_cumulative_errors():
    s = M("2024-01", [0.0] * 12)
    with pytest.raises(TransformError, match=r"start_month \(5\) must not be after end_month \(2\).*cumulative_span"):
        cumulative(s, 5, 2)
    with pytest.raises(TransformError, match=r"end_month must be a calendar month 1..12; got 13"):
        cumulative(s, 1, 13)
    q = pd.Series([0.0] * 4, index=pd.period_range("2024Q1", periods=4, freq="Q"))
    with pytest.raises(TransformError, match=r"mom has unsupported frequency 'Q-DEC'"):
        cumulative(q)


@SETTINGS
@given(moms, start_years)
def test_property_cumulative_full_year_is_dec_over_dec(ms, y0):
    # cumulative over Jan..12 equals the Dec / previous-Dec ratio of the chained index
    s = M(f"{y0 - 1}-12", ms)  # first obs in Dec of y0-1 so the chain has a Dec base
    level = chain(s)
    cum = cumulative(s, 1, 12)
    for year in cum.dropna().index:
        ratio = level.loc[f"{year}-12"] / level.loc[f"{year - 1}-12"] - 1
        assert cum.loc[year] == pytest.approx(ratio, abs=1e-12)
    assert cum.notna().sum() >= 1


def test_cumulative_span_hand():
    # Dec-2024 1%, Jan-2025 2% -> 1.01*1.02 - 1 = 0.0302
    s = M("2024-12", [0.01, 0.02, 0.5])
    assert cumulative_span(s, "2024-12", "2025-01") == pytest.approx(0.0302)
    df = pd.DataFrame({"a": s, "b": s * 2})
    # b: 1.02*1.04 - 1 = 0.0608
    out = cumulative_span(df, pd.Period("2024-12", "M"), "2025-01")
    assert out["a"] == pytest.approx(0.0302) and out["b"] == pytest.approx(0.0608)
    with pytest.raises(TransformError, match=r"span 2024-01..2025-01 is outside mom's index \(2024-12..2025-02\)"):
        cumulative_span(s, "2024-01", "2025-01")
    with pytest.raises(TransformError, match=r"start \(2025-02\) must not be after end \(2025-01\)"):
        cumulative_span(s, "2025-02", "2025-01")


# ---------------------------------------------------------------- cagr2y


def test_cagr2y_hand():
    # 121/100 over 24 months -> sqrt(1.21) - 1 = 0.10
    s = M("2023-01", [100] + [110] * 23 + [121])
    out = cagr2y(s)
    assert out.iloc[:24].isna().all()
    assert out.iloc[24] == pytest.approx(0.10)


def test_cagr2y_from_yoy_hand():
    # (1.21)(1.00) -> sqrt - 1 = 0.10 ; (1.1)(1.1) -> 0.10
    y = M("2024-01", [0.0, 0.1] + [0.0] * 10 + [0.21, 0.1])
    out = cagr2y_from_yoy(y)
    assert out.iloc[12] == pytest.approx(0.10)
    assert out.iloc[13] == pytest.approx(0.10)


@SETTINGS
@given(moms, start_years)
def test_property_cagr2y_from_yoy_matches_level(ms, y0):
    level = chain(M(f"{y0}-01", ms))
    a, b = cagr2y(level), cagr2y_from_yoy(yoy(level))
    np.testing.assert_allclose(a.dropna().to_numpy(), b.dropna().to_numpy(), atol=1e-12)


# ---------------------------------------------------------- Spring Festival


def _jf_level():
    # 2024: Jan 10, Feb 20, Mar 40 ; 2025: Jan 18, Feb 15, Mar 50
    vals24 = [10, 20, 40] + [1] * 9
    vals25 = [18, 15, 50]
    return M("2024-01", vals24 + vals25)


def test_janfeb_yoy_hand():
    # (18+15)/(10+20) - 1 = 33/30 - 1 = 0.10, at Feb-2025; 2024 has no base -> NaN
    out = janfeb_yoy(_jf_level())
    assert list(out.index.astype(str)) == ["2024-02", "2025-02"]
    assert math.isnan(out.iloc[0])
    assert out.loc["2025-02"] == pytest.approx(0.10)


def test_yoy_janfeb_combined_hand():
    out = yoy_janfeb_combined(_jf_level())
    # Jan and Feb 2025 both carry 0.10 ; Mar: 50/40 - 1 = 0.25
    assert out.loc["2025-01"] == pytest.approx(0.10)
    assert out.loc["2025-02"] == pytest.approx(0.10)
    assert out.loc["2025-03"] == pytest.approx(0.25)
    assert out.loc["2024-01":"2024-12"].isna().all()


# -------------------------------------------------------------- percentiles


def test_percentile_of_last_hand():
    # values <= 2.5 among [1, 2, 3, 4, 2.5]: 1, 2, 2.5 -> 3/5 = 0.6
    s = M("2024-01", [1, 2, 3, 4, 2.5])
    assert percentile_of_last(s) == pytest.approx(0.6)
    # window from 2024-03: [3, 4, 2.5] -> only 2.5 -> 1/3
    assert percentile_of_last(s, start="2024-03") == pytest.approx(1 / 3)
    # window up to 2024-04: last = 4 -> 4/4 = 1.0
    assert percentile_of_last(s, end="2024-04") == pytest.approx(1.0)
    # a trailing NaN: the last *observed* value (2.5) is used, N = 5
    assert percentile_of_last(M("2024-01", [1, 2, 3, 4, 2.5, np.nan])) == pytest.approx(0.6)


def test_expanding_percentile_hand():
    # [3] -> 1 ; [3,1] -> 1/2 ; [3,1,2] -> 2/3 ; [3,1,2,5] -> 1
    out = expanding_percentile(M("2024-01", [3, 1, 2, 5]))
    assert out.tolist() == pytest.approx([1.0, 0.5, 2 / 3, 1.0])
    out2 = expanding_percentile(M("2024-01", [3, 1, 2, 5]), start="2024-02")
    assert out2.tolist() == pytest.approx([1.0, 1.0, 1.0])


# ------------------------------------------- DataFrame == column-by-column


def _frame(draw_cols):
    idx = pd.period_range("2019-01", periods=len(draw_cols[0]), freq="M")
    return pd.DataFrame({f"s{i}": c for i, c in enumerate(draw_cols)}, index=idx)


series_frames = st.integers(min_value=26, max_value=48).flatmap(
    lambda n: st.lists(
        st.lists(
            st.one_of(
                st.floats(min_value=-0.05, max_value=0.05, allow_nan=False),
                st.just(float("nan")),
            ),
            min_size=n,
            max_size=n,
        ),
        min_size=1,
        max_size=4,
    )
)

FUNCS = [
    lambda x: yoy(x + 1.0),
    lambda x: mom(x + 1.0),
    lambda x: cumulative(x, 2, 11),
    lambda x: cumulative_span(x, "2019-03", "2020-02"),
    lambda x: cagr2y(x + 1.0),
    lambda x: cagr2y_from_yoy(x),
    lambda x: janfeb_yoy(x + 1.0),
    lambda x: yoy_janfeb_combined(x + 1.0),
    lambda x: percentile_of_last(x, start="2019-06"),
    lambda x: expanding_percentile(x),
    lambda x: yoy_recursion_residual(x, x * 0.5),
]


@settings(max_examples=15, deadline=None)
@given(series_frames)
def test_property_dataframe_equals_column_by_column(cols):
    df = _frame(cols)
    for f in FUNCS:
        whole = f(df)
        for c in df.columns:
            one = f(df[c])
            got = whole[c]
            if isinstance(one, float):
                assert (math.isnan(one) and math.isnan(got)) or one == pytest.approx(got, abs=1e-15)
            else:
                pd.testing.assert_series_equal(got, one, check_names=False)


@settings(max_examples=15, deadline=None)
@given(st.lists(moms.filter(lambda m: len(m) >= 30).map(lambda m: m[:30]), min_size=1, max_size=3))
def test_property_chain_and_project_dataframe_equal_columns(cols):
    df = pd.DataFrame({f"s{i}": M("2020-01", c) for i, c in enumerate(cols)})
    level = chain(df)
    y, m = yoy(level), mom(level)
    proj = project_yoy(y.iloc[:24], m.iloc[:24], m.iloc[24:])
    for c in df.columns:
        pd.testing.assert_series_equal(level[c], chain(df[c]), check_names=False)
        pd.testing.assert_series_equal(
            proj[c], project_yoy(y[c].iloc[:24], m[c].iloc[:24], m[c].iloc[24:]), check_names=False
        )
