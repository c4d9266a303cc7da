"""Turning points, up-cycle episodes and MoM overlays (seed 003, Table 3 and the pork overlay)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from macrodesk import transforms as T
from macrodesk.exceptions import ModelError
from macrodesk.models import NotComputable, constant_path, overlay, turning_points, upcycles

TABLE3 = pd.read_csv(Path(__file__).parents[2] / "reference" / "seed003_table3.csv", comment="#")


def monthly(values, start="2020-01"):
    return pd.Series(values, index=pd.period_range(start, periods=len(values), freq="M"), dtype=float)


# Dec 2019 90, Jan 100 (peak), Feb 95, Mar 80 (trough), Apr 90, May 100, Jun 120 (peak), Jul 110, Aug 96, Sep 90,
# Oct 84 (trough), Nov 88, Dec 100, Jan 105 (last)
LEVEL = monthly([90, 100, 95, 80, 90, 100, 120, 110, 96, 90, 84, 88, 100, 105], "2019-12")


def test_turning_points_by_hand():
    # swing 15%: Mar 80 <= 0.85 x 100 marks Jan as a peak; May 100 >= 1.15 x 80 confirms the Mar trough;
    # Aug 96 <= 0.85 x 120 confirms Jun; Dec 100 >= 1.15 x 84 confirms Oct; Jan 105 is not yet confirmed.
    tp = turning_points(LEVEL, 0.15)
    assert [str(p) for p in tp.index] == ["2020-01", "2020-03", "2020-06", "2020-10", "2021-01"]
    assert list(tp["kind"]) == ["peak", "trough", "peak", "trough", "peak"]
    assert list(tp["confirmed"]) == [True, True, True, True, False]


def test_an_extreme_at_the_first_observation_is_not_confirmed():
    # the series starts at its high: the fall may have begun before the data, so no decline length
    tp = turning_points(LEVEL.iloc[1:], 0.15)
    assert (str(tp.index[0]), bool(tp["confirmed"].iloc[0])) == ("2020-01", False)
    assert np.isnan(upcycles(LEVEL.iloc[1:]).episodes.iloc[0]["prior_decline"])
    # and a series that starts at its low has no datable first up-cycle
    assert upcycles(pd.Series([80.0, 90.0, 120.0, 90.0], index=pd.period_range("2020-01", periods=4, freq="M"))).episodes.empty


def test_upcycle_episode_by_hand():
    mom = T.mom(LEVEL)
    yoy = monthly([np.nan, np.nan, -0.1, np.nan, np.nan, 0.3], "2020-01")
    up = upcycles(LEVEL, mom=mom, yoy=yoy)
    (row,) = up.episodes.to_dict("records")
    assert (str(row["start"]), str(row["end"])) == ("2020-04", "2020-06")
    # months = Jun - Mar = 3; rise = 120/80 - 1 = 0.5 = (1.125)(1.1111)(1.2) - 1
    assert row["months"] == 3
    assert row["rise"] == pytest.approx(0.5)
    # average MoM = (0.125 + 0.111111 + 0.2) / 3 = 0.145370; geometric = 1.5^(1/3) - 1 = 0.144714
    assert row["avg_mom"] == pytest.approx((0.125 + 1 / 9 + 0.2) / 3)
    assert row["geo_mom"] == pytest.approx(1.5 ** (1 / 3) - 1)
    # prior decline: Jan peak to Mar trough = 2 months; YoY change 0.3 - (-0.1) = 0.4
    assert row["prior_decline"] == 2
    assert row["yoy_change"] == pytest.approx(0.4)
    assert not row["ongoing"]


def test_a_smaller_rise_counts_with_a_lower_threshold_and_is_open():
    # Oct 84 -> Jan 105: +25%, below 30%; with min_rise 20% it is an open (unconfirmed) episode
    up = upcycles(LEVEL, min_rise=0.20)
    last = up.episodes.iloc[-1]
    assert last["rise"] == pytest.approx(105 / 84 - 1)
    assert bool(last["ongoing"]) is True
    assert last["prior_decline"] == 4  # Jun peak -> Oct trough


def test_current_decline_is_reported():
    lv = monthly([100, 120, 140, 120, 110, 100, 95])  # peak Mar (140), falling since
    up = upcycles(lv, min_rise=0.3)
    peak, months, change = up.current_decline
    assert (str(peak), months) == ("2020-03", 4)
    assert change == pytest.approx(95 / 140 - 1)


def test_seed_table3_rise_is_the_product_of_moms_and_months_match_the_text():
    # Table 3 dates the cycles by their first rising month and peak; the text gives their lengths:
    # "长达21个月" (2018-06..2020-02), "上涨7个月" (2022-04..2022-10), "上涨5个月" (2024-04..2024-08).
    for r in TABLE3.to_dict("records"):
        start, end = pd.Period(r["start"], "M"), pd.Period(r["end"], "M")
        n = (end - (start - 1)).n
        assert n == r["months_text"]
        # a level path rising by the published total in n equal steps: the detector's rise is prod(1+m)-1
        g = (1 + r["rise_pct"] / 100) ** (1 / n)
        lv = pd.Series([100.0 * 1.3, 100.0] + [100.0 * g**k for k in range(1, n + 1)] + [100.0 * g**n * 0.8],
                       index=pd.period_range(start - 2, periods=n + 3, freq="M"))
        (ep,) = upcycles(lv, min_rise=0.2).episodes.to_dict("records")
        assert (str(ep["start"]), str(ep["end"]), ep["months"]) == (r["start"], r["end"], r["months_text"])
        assert round(ep["rise"] * 100, 1) == r["rise_pct"]


def test_seed_table3_pork_cpi_yoy_change_in_2024(sample_series):
    # Table 3, third cycle: pork CPI YoY change 18.5 pp = YoY(2024-08) - YoY(2024-03) = 16.1 - (-2.4) (NBS).
    pork_yoy = {s.id: s for s in sample_series}["cpi_pork_yoy"].to_fraction()
    lv = monthly([130, 100, 105, 110, 115, 120, 125, 100], "2024-02")  # trough 2024-03, peak 2024-08
    (ep,) = upcycles(lv, min_rise=0.2, yoy=pork_yoy).episodes.to_dict("records")
    assert (str(ep["start"]), str(ep["end"])) == ("2024-04", "2024-08")
    assert round(ep["yoy_change"] * 100, 1) == 18.5


def test_companion_price_rise_and_average_mom_over_each_episode():
    # companion over the 2020-04..2020-06 episode (trough Mar, peak Jun): Mar 50, Apr 55, May 66, Jun 66
    comp = monthly([40, 45, 48, 50, 55, 66, 66, 60], "2019-12")
    (row,) = upcycles(LEVEL, companion=comp, companion_name="pork").episodes.to_dict("records")
    assert row["companion_rise"] == pytest.approx(66 / 50 - 1)  # 0.32
    assert row["companion_avg_mom"] == pytest.approx((0.1 + 0.2 + 0.0) / 3)
    # a companion that ends inside the episode covers neither column
    (row,) = upcycles(LEVEL, companion=comp.loc[:"2020-05"]).episodes.to_dict("records")
    assert np.isnan(row["companion_rise"]) and np.isnan(row["companion_avg_mom"])


def test_missing_mom_months_leave_the_average_out_with_a_note():
    mom = T.mom(LEVEL)
    mom.loc[pd.Period("2020-05", "M")] = np.nan
    up = upcycles(LEVEL, mom=mom, mom_name="pork CPI")
    assert np.isnan(up.episodes.iloc[0]["avg_mom"])
    assert up.notes == ("2020-04..2020-06: pork CPI missing 2020-05",)


def test_moa_pork_wholesale_finds_the_seed_cycles(sample_series):
    # MOA pork wholesale price (monthly mean of daily, 2013-11..2022-12) dates two of the seed's Table 3
    # cycles exactly: 2018-06..2020-02 after a 23-month decline (peak 2016-06), and 2022-04..2022-10.
    pork = T.to_monthly({s.id: s for s in sample_series}["pork_wholesale_cny"].data)
    ep = upcycles(pork).episodes
    spans = [(str(a), str(b)) for a, b in zip(ep["start"], ep["end"])]
    assert ("2018-06", "2020-02") in spans and ("2022-04", "2022-10") in spans
    first = ep[ep["start"] == pd.Period("2018-06", "M")].iloc[0]
    assert first["months"] == 21
    assert first["prior_decline"] == 23


def test_too_short_a_series_is_not_computable_and_bad_swing_raises():
    assert isinstance(upcycles(monthly([1.0, 2.0])), NotComputable)
    with pytest.raises(ModelError, match="swing must be a fraction between 0 and 1"):
        turning_points(LEVEL, 15)


def test_seed_pork_overlay_is_six_hundredths_a_month():
    # Seed 003: pork CPI MoM +3% a month for Feb-Jul 2026 at a 2.0% weight:
    # 0.02 x 0.03 = 0.0006 = 0.06 pp a month, 0.36 pp in all.
    o = overlay(constant_path(0.03, "2026-02", 6), 0.02, name="猪肉")
    assert list(o.contribution.index.astype(str)) == ["2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07"]
    assert o.per_month * 100 == pytest.approx(0.06)
    assert o.total * 100 == pytest.approx(0.36)
    assert o.to_frame()["contribution"].sum() == pytest.approx(0.0036)


def test_overlay_checks_its_weight():
    with pytest.raises(ModelError, match="weight must be a fraction between 0 and 1"):
        overlay(constant_path(0.03, "2026-02", 6), 2.0)
