"""Tests for macrodesk.transforms.contributions."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from macrodesk.exceptions import TransformError
from macrodesk.transforms import (
    contribution,
    contribution_share,
    marginal_change,
    part_contribution_to_yoy,
    price_volume,
    yoy,
)


def P(start: str, n: int) -> pd.PeriodIndex:
    return pd.period_range(start, periods=n, freq="M")


def test_contribution_fixed_weights_and_share():
    change = pd.DataFrame({"food": [0.05, 0.02], "nonfood": [0.01, 0.0]}, index=P("2025-01", 2))
    c = contribution({"food": 0.2, "nonfood": 0.8}, change)
    # 0.2*0.05 = 0.01 ; 0.8*0.01 = 0.008 ; total 0.018
    assert c.loc["2025-01"].tolist() == pytest.approx([0.01, 0.008])
    total = c.sum(axis=1)
    share = contribution_share(c, total)
    # 0.01/0.018 = 0.5556 ; 0.008/0.018 = 0.4444 -> sum 1
    assert share.loc["2025-01"].tolist() == pytest.approx([0.01 / 0.018, 0.008 / 0.018])
    assert share.loc["2025-01"].sum() == pytest.approx(1.0)
    # Feb: 0.2*0.02 = 0.004 of total 0.004 -> share 1, nonfood 0


def test_contribution_scalar_and_time_varying_weight():
    g = pd.Series([0.1, 0.2], index=P("2025-01", 2))
    assert contribution(0.5, g).tolist() == pytest.approx([0.05, 0.1])
    w = pd.Series([0.3, 0.4], index=P("2025-01", 2))
    # 0.3*0.1 = 0.03 ; 0.4*0.2 = 0.08
    assert contribution(w, g).tolist() == pytest.approx([0.03, 0.08])
    df = pd.DataFrame({"a": g, "b": g * 2})
    out = contribution(w, df)
    assert out["b"].tolist() == pytest.approx([0.06, 0.16])


def test_contribution_and_share_of_scalars():
    # seed table: weight 3.1% x change 13.5% = 0.4185 pp ; 0.42 of 0.5 -> share 0.84
    assert contribution(0.031, 0.135) == pytest.approx(0.004185)
    assert contribution_share(0.0042, 0.005) == pytest.approx(0.84)
    assert math.isnan(contribution_share(0.001, 0.0))
    with pytest.raises(TransformError, match=r"change is a number \(0.1\) so weight must be a number too; got dict"):
        contribution({"a": 0.1}, 0.1)


def test_contribution_errors():
    df = pd.DataFrame({"food": [0.05], "energy": [0.01]}, index=P("2025-01", 1))
    with pytest.raises(TransformError, match=r"weight has no value for columns \['energy'\]"):
        contribution({"food": 0.2}, df)
    with pytest.raises(TransformError, match=r"weight must be a number, a mapping.*got str"):
        contribution("0.2", df)


def test_contribution_share_scalar_and_zero_total():
    c = pd.Series([0.002, 0.001], index=P("2025-01", 2))
    assert contribution_share(c, 0.004).tolist() == pytest.approx([0.5, 0.25])
    assert contribution_share(c, 0.0).isna().all()
    total = pd.Series([0.004, 0.0], index=P("2025-01", 2))
    out = contribution_share(c, total)
    assert out.iloc[0] == pytest.approx(0.5) and math.isnan(out.iloc[1])  # 0.001/0 -> NaN


def test_part_contribution_to_yoy_hand():
    # total 100 -> 110 (YoY 10%); A 60 -> 66, B 40 -> 44
    idx = P("2024-01", 13)
    total = pd.Series([100.0] * 12 + [110.0], index=idx)
    parts = pd.DataFrame({"A": [60.0] * 12 + [66.0], "B": [40.0] * 12 + [44.0]}, index=idx)
    out = part_contribution_to_yoy(parts, total)
    # A: (66-60)/100 = 0.06 ; B: (44-40)/100 = 0.04 ; sum = 0.10 = total YoY
    assert out.iloc[12].tolist() == pytest.approx([0.06, 0.04])
    assert out.iloc[12].sum() == pytest.approx(yoy(total).iloc[12])
    assert out.iloc[:12].isna().all().all()
    with pytest.raises(TransformError, match=r"total must be a Series"):
        part_contribution_to_yoy(parts, parts)


def test_marginal_change_hand():
    # 0.03 - 0.01 = 0.02 ; 0.02 - 0.03 = -0.01
    out = marginal_change(pd.Series([0.01, 0.03, 0.02], index=P("2025-01", 3)))
    assert math.isnan(out.iloc[0])
    assert out.iloc[1:].tolist() == pytest.approx([0.02, -0.01])


def test_price_volume_hand():
    idx = P("2025-01", 3)
    v = pd.Series([0.10, 0.0, -0.05], index=idx)
    q = pd.Series([0.05, 0.02, 0.02], index=idx)
    out = price_volume(v, q)
    assert list(out.columns) == ["value", "quantity", "price", "quantity_share", "price_share", "driver"]
    # p = 1.10/1.05 - 1 = 0.047619 ; q share = ln 1.05 / ln 1.10 = 0.048790/0.095310 = 0.51190
    assert out.loc["2025-01", "price"] == pytest.approx(0.0476190476)
    assert out.loc["2025-01", "quantity_share"] == pytest.approx(0.5119, abs=1e-4)
    assert out.loc["2025-01", "price_share"] == pytest.approx(0.4881, abs=1e-4)
    assert out.loc["2025-01", "driver"] == "quantity"
    # v = 0: shares undefined
    assert math.isnan(out.loc["2025-02", "quantity_share"]) and math.isnan(out.loc["2025-02", "price_share"])
    # v = -5%, q = +2%: p = 0.95/1.02 - 1 = -0.068627 -> |ln 0.9314| > |ln 1.02| -> price
    assert out.loc["2025-03", "price"] == pytest.approx(-0.0686274510)
    assert out.loc["2025-03", "driver"] == "price"


def test_price_volume_dataframe_and_errors():
    idx = P("2025-01", 2)
    v = pd.DataFrame({"steel": [0.10, np.nan], "cars": [0.2, 0.1]}, index=idx)
    q = pd.DataFrame({"steel": [0.05, 0.01], "cars": [0.0, 0.1]}, index=idx)
    out = price_volume(v, q)
    assert out.columns.names == ["field", "series"]
    assert list(out["price"].columns) == ["steel", "cars"]
    assert out[("price", "cars")].tolist() == pytest.approx([0.2, 0.0])  # 1.2/1.0-1 ; 1.1/1.1-1
    assert out[("driver", "cars")].iloc[0] == "price"
    assert pd.isna(out[("driver", "steel")].iloc[1])
    pd.testing.assert_frame_equal(
        out.xs("steel", axis=1, level="series"), price_volume(v["steel"], q["steel"]), check_names=False
    )
    with pytest.raises(TransformError, match=r"value_growth is a DataFrame but quantity_growth is a Series"):
        price_volume(v, q["steel"])
    with pytest.raises(TransformError, match=r"same columns.*only in value_growth: \['cars'\]"):
        price_volume(v, q[["steel"]])


# growth rates as published, to 0.01 pp (-50%..+100%): zero or at least 1e-4 away from it
# (for |v| -> 0 the log shares blow up to +/-inf and their float sum loses all digits)
growth = st.integers(min_value=-5000, max_value=10000).map(lambda k: k / 10000)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(growth, growth), min_size=1, max_size=20))
def test_property_price_volume_identities(pairs):
    idx = P("2020-01", len(pairs))
    v = pd.Series([a for a, _ in pairs], index=idx)
    q = pd.Series([b for _, b in pairs], index=idx)
    out = price_volume(v, q)
    # (1+p)(1+q) == (1+v)
    np.testing.assert_allclose((1 + out["price"]) * (1 + out["quantity"]), 1 + v, rtol=1e-12)
    # shares sum to 1 where v != 0 (and are NaN where v == 0)
    nz = (v != 0).to_numpy()
    tot = (out["quantity_share"] + out["price_share"]).to_numpy()
    np.testing.assert_allclose(tot[nz & np.isfinite(tot)], 1.0, rtol=1e-9)
    assert out["quantity_share"][~nz].isna().all()
    # the shares are the log ratios, checked independently where v is not tiny
    for t in range(len(pairs)):
        vt, qt = pairs[t]
        if abs(vt) > 1e-6:
            pt = (1 + vt) / (1 + qt) - 1
            assert out["quantity_share"].iloc[t] == pytest.approx(math.log(1 + qt) / math.log(1 + vt), rel=1e-6, abs=1e-9)
            assert out["price_share"].iloc[t] == pytest.approx(math.log(1 + pt) / math.log(1 + vt), rel=1e-6, abs=1e-6)


@settings(max_examples=15, deadline=None)
@given(st.lists(st.lists(st.floats(min_value=1.0, max_value=100.0), min_size=26, max_size=26), min_size=2, max_size=4))
def test_property_parts_sum_to_total_yoy_and_frame_equals_columns(cols):
    idx = P("2022-01", 26)
    parts = pd.DataFrame({f"p{i}": c for i, c in enumerate(cols)}, index=idx)
    total = parts.sum(axis=1)
    contrib = part_contribution_to_yoy(parts, total)
    np.testing.assert_allclose(contrib.sum(axis=1).iloc[12:], yoy(total).iloc[12:], atol=1e-12)
    for c in parts.columns:
        pd.testing.assert_series_equal(contrib[c], part_contribution_to_yoy(parts[c], total), check_names=False)
        pd.testing.assert_series_equal(marginal_change(contrib)[c], marginal_change(contrib[c]), check_names=False)
