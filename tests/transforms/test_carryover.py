"""Tests for macrodesk.transforms.carryover (翘尾 / 新涨价)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from macrodesk.exceptions import TransformError
from macrodesk.transforms import (
    carryover,
    carryover_average,
    chain,
    decompose_yoy,
    new_price,
    yoy,
)


def M(start: str, values) -> pd.Series:
    values = list(values)
    return pd.Series(values, index=pd.period_range(start, periods=len(values), freq="M"), dtype=float)


# China PPI MoM 2025 (NBS monthly releases, percent), Jan..Nov; Dec not yet
# published when the seed outlook was written -- the seed assumes Dec = 0.
PPI_MOM_2025_JAN_NOV = [-0.2, -0.1, -0.4, -0.4, -0.4, -0.4, -0.2, 0.0, 0.0, 0.1, 0.1]


def test_ppi_2026_average_carryover_is_about_minus_0_4_percent():
    ppi = M("2025-01", [x / 100 for x in PPI_MOM_2025_JAN_NOV])  # ends Nov-2025
    avg = carryover_average(ppi, 2026, assume={"2025-12": 0.0})
    # seed report: 2026 average carry-over about -0.4%
    assert abs(avg - (-0.004)) <= 0.001


def test_ppi_2026_january_carryover_closed_form():
    ppi = M("2025-01", [x / 100 for x in PPI_MOM_2025_JAN_NOV] + [0.0])
    c = carryover(ppi, 2026)
    # Jan-2026 carry-over = prod over Feb..Dec-2025 of (1+m) - 1
    expected_jan = 0.999 * 0.996**4 * 0.998 * 1.0 * 1.0 * 1.001 * 1.001 * 1.0 - 1
    assert c.loc["2026-01"] == pytest.approx(expected_jan, abs=1e-12)
    # Nov-2026: only Dec-2025 (0.0) remains -> 0 ; Dec-2026: empty product -> 0
    assert c.loc["2026-11"] == pytest.approx(0.0)
    assert c.loc["2026-12"] == 0.0


def test_carryover_hand():
    # 2025: Nov +2%, Dec +1%, every other month 0
    mom = M("2025-01", [0.0] * 10 + [0.02, 0.01])
    c = carryover(mom, 2026)
    assert list(c.index.astype(str)) == [f"2026-{k:02d}" for k in range(1, 13)]
    # m = 1..10: 1.02*1.01 - 1 = 0.0302 ; m = 11: 1.01 - 1 = 0.01 ; m = 12: 0
    assert c.iloc[:10].tolist() == pytest.approx([0.0302] * 10)
    assert c.iloc[10] == pytest.approx(0.01)
    assert c.iloc[11] == 0.0


def test_carryover_closed_form_constant_mom():
    # every month of 2025 at 1% -> c_m = 1.01**(12-m) - 1
    c = carryover(M("2025-01", [0.01] * 12), 2026)
    assert c.tolist() == pytest.approx([1.01 ** (12 - m) - 1 for m in range(1, 13)])


def test_carryover_january_of_previous_year_not_needed():
    # Jan-2025 missing is fine: it never enters the 2026 carry-over
    c = carryover(M("2025-02", [0.0] * 11), 2026)
    assert c.tolist() == pytest.approx([0.0] * 12)


def test_carryover_missing_month_errors():
    mom = M("2025-01", [0.0] * 11)  # Dec-2025 missing
    with pytest.raises(TransformError, match=r"mom has no value for 2025-12, needed for the 2026 carry-over; pass assume=\{'2025-12': 0.0\}"):
        carryover(mom, 2026)
    gap = M("2025-01", [0.0, 0.0, np.nan] + [0.0] * 9)
    with pytest.raises(TransformError, match=r"no value for 2025-03"):
        carryover(gap, 2026)
    df = pd.DataFrame({"a": M("2025-01", [0.0] * 12), "b": M("2025-01", [0.0] * 11 + [np.nan])})
    with pytest.raises(TransformError, match=r"mom column 'b' has no value for 2025-12"):
        carryover(df, 2026)


def test_assume_only_fills_missing_and_is_validated():
    mom = M("2025-01", [0.0] * 11 + [0.01])  # Dec published at 1%
    c = carryover(mom, 2026, assume={"2025-12": 0.05})
    assert c.loc["2026-01"] == pytest.approx(0.01)  # the published 1% wins
    c2 = carryover(M("2025-01", [0.0] * 11), 2026, assume={pd.Period("2025-12", "M"): 0.02})
    assert c2.loc["2026-11"] == pytest.approx(0.02)
    with pytest.raises(TransformError, match=r"assume key 2026-01 is not in 2025"):
        carryover(mom, 2026, assume={"2026-01": 0.0})
    with pytest.raises(TransformError, match=r"assume key 'Dec' is not a month"):
        carryover(mom, 2026, assume={"Dec": 0.0})
    with pytest.raises(TransformError, match=r"assume must be a mapping of period -> MoM fraction.*got list"):
        carryover(mom, 2026, assume=[0.0])
    with pytest.raises(TransformError, match=r"assume\['2025-12'\] must be a MoM fraction.*got 'zero'"):
        carryover(mom, 2026, assume={"2025-12": "zero"})
    with pytest.raises(TransformError, match=r"year must be an integer calendar year.*got '2026'"):
        carryover(mom, "2026")


def test_new_price_hand():
    # 2026 Jan 1%, Feb 2%, Mar not yet published
    mom = M("2025-01", [0.0] * 12 + [0.01, 0.02])
    n = new_price(mom, 2026)
    # n1 = 0.01 ; n2 = 1.01*1.02 - 1 = 0.0302 ; n3.. = NaN
    assert n.iloc[0] == pytest.approx(0.01)
    assert n.iloc[1] == pytest.approx(0.0302)
    assert n.iloc[2:].isna().all()


def test_decompose_yoy_hand():
    # 2025: Nov +2%, Dec +1% ; 2026: Jan +1%
    mom = M("2025-01", [0.0] * 10 + [0.02, 0.01, 0.01])
    d = decompose_yoy(mom, 2026)
    assert list(d.columns) == ["carryover", "new_price", "yoy_implied"]
    # Jan-2026: c = 0.0302, n = 0.01, (1.0302)(1.01) - 1 = 0.040502
    assert d.loc["2026-01", "carryover"] == pytest.approx(0.0302)
    assert d.loc["2026-01", "new_price"] == pytest.approx(0.01)
    assert d.loc["2026-01", "yoy_implied"] == pytest.approx(0.040502)
    assert math.isnan(d.loc["2026-02", "yoy_implied"])


def test_decompose_yoy_dataframe_shape():
    a = M("2025-01", [0.01] * 13)
    df = pd.DataFrame({"cpi": a, "ppi": -a})
    d = decompose_yoy(df, 2026)
    assert d.columns.names == ["component", "series"]
    assert list(d.columns) == [(c, s) for c in ("carryover", "new_price", "yoy_implied") for s in ("cpi", "ppi")]
    # ppi Jan: c = 0.99**11 - 1 (closed form)
    assert d[("carryover", "ppi")].iloc[0] == pytest.approx(0.99**11 - 1)
    pd.testing.assert_frame_equal(d["carryover"], carryover(df, 2026), check_names=False)
    pd.testing.assert_frame_equal(
        d.xs("cpi", axis=1, level="series"), decompose_yoy(a, 2026), check_names=False
    )


def test_carryover_average_dataframe():
    a = M("2025-01", [0.01] * 12)
    out = carryover_average(pd.DataFrame({"x": a, "z": a * 0}), 2026)
    # mean over m of 1.01**(12-m) - 1
    assert out["x"] == pytest.approx(np.mean([1.01 ** (12 - m) - 1 for m in range(1, 13)]))
    assert out["z"] == 0.0


mom_years = st.lists(
    st.floats(min_value=-0.03, max_value=0.03, allow_nan=False), min_size=24, max_size=24
)


@settings(max_examples=30, deadline=None)
@given(mom_years, st.integers(min_value=2000, max_value=2030))
def test_property_yoy_equals_carryover_times_new_price(ms, year):
    # (1 + yoy) = (1 + carryover)(1 + new_price) for every month of the year
    mom = M(f"{year - 1}-01", ms)
    level = chain(mom)
    y = yoy(level).loc[f"{year}-01":f"{year}-12"]
    c, n = carryover(mom, year), new_price(mom, year)
    np.testing.assert_allclose((1 + y).to_numpy(), ((1 + c) * (1 + n)).to_numpy(), rtol=0, atol=1e-12)
    d = decompose_yoy(mom, year)
    np.testing.assert_allclose(d["yoy_implied"].to_numpy(), y.to_numpy(), atol=1e-12)


@settings(max_examples=15, deadline=None)
@given(st.lists(mom_years, min_size=1, max_size=3))
def test_property_dataframe_equals_column_by_column(cols):
    df = pd.DataFrame({f"s{i}": M("2025-01", c) for i, c in enumerate(cols)})
    for f in (carryover, new_price):
        whole = f(df, 2026)
        for col in df.columns:
            pd.testing.assert_series_equal(whole[col], f(df[col], 2026), check_names=False)
    avg = carryover_average(df, 2026)
    for col in df.columns:
        assert avg[col] == pytest.approx(carryover_average(df[col], 2026), abs=1e-15)


def test_override_replaces_a_published_month_and_assume_does_not():
    # PPI 2025 with the published Dec MoM (+0.2%): assume Dec = 0 keeps +0.2% (about -0.23% on average);
    # override Dec = 0 replaces it (about -0.41%, the seed's figure made before Dec was out).
    ppi = M("2025-01", [x / 100 for x in PPI_MOM_2025_JAN_NOV + [0.2]])
    by_hand = {dec: sum(math.prod(1 + v / 100 for v in (PPI_MOM_2025_JAN_NOV + [dec])[m:]) - 1
                        for m in range(1, 13)) / 12 for dec in (0.2, 0.0)}
    assert carryover_average(ppi, 2026, assume={"2025-12": 0.0}) == pytest.approx(by_hand[0.2], abs=1e-12)
    assert carryover_average(ppi, 2026, override={"2025-12": 0.0}) == pytest.approx(by_hand[0.0], abs=1e-12)
    assert carryover(ppi, 2026, override={"2025-12": 0.0}).loc["2026-11"] == 0.0
    d = decompose_yoy(ppi, 2026, override={"2025-12": 0.0}, assume={"2026-01": 0.001})
    assert d["carryover"].mean() == pytest.approx(by_hand[0.0], abs=1e-12)
    assert d.loc["2026-01", "new_price"] == pytest.approx(0.001)  # an unpublished 2026 month, assumed
    with pytest.raises(TransformError, match=r"2025-12 is in both assume and override"):
        carryover(ppi, 2026, assume={"2025-12": 0.0}, override={"2025-12": 0.0})
    with pytest.raises(TransformError, match=r"override key 2024-12 is not in 2025"):
        carryover(ppi, 2026, override={"2024-12": 0.0})
    with pytest.raises(TransformError, match=r"override key 2027-01 is not in 2025 or 2026"):
        decompose_yoy(ppi, 2026, override={"2027-01": 0.0})
