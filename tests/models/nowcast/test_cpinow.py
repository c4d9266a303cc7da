"""Spring-Festival-aware CPI nowcast, bottom-up PPI by group, win-share combination, DM test."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from macrodesk.exceptions import ModelError
from macrodesk.models.nowcast import InfoSet
from macrodesk.models.nowcast.cpi_sf import SFGroupNowcaster, SFNowcaster, step_month_mean
from macrodesk.models.nowcast.data import spring_festival_share
from macrodesk.models.nowcast.evaluate import backtest_dm, diebold_mariano
from macrodesk.models.nowcast.evidence import EvidenceNowcaster, win_share_weights
from macrodesk.models.nowcast.holiday import spring_festival_days
from macrodesk.models.nowcast.ppi_groups import PPIGroupNowcaster, group_weights
from macrodesk.models.nowcast.results import BacktestResult
from macrodesk.models.nowcast.base import get_target


# ---------------------------------------------------------------- Diebold–Mariano
def _t4_cdf(t: float) -> float:
    """Student t with 4 degrees of freedom, closed form."""
    u = t / np.sqrt(1 + t * t / 4)
    return 0.5 + 0.375 * u * (1 - t * t / (12 * (1 + t * t / 4)))


def test_dm_matches_a_hand_computation():
    # |e1| - |e2| = d = [1, -1, 2, 0, 3]: mean 1, g0 = (0+4+1+1+4)/5 = 2, DM = 1/sqrt(2/5),
    # HLN factor sqrt((5+1-2)/5), so DM* = sqrt(2); p = 2 (1 - F_t4(sqrt 2)) = 0.2302
    e1 = np.array([2.0, 1.0, -2.0, 0.0, 3.0])
    e2 = np.array([1.0, -2.0, 0.0, 0.0, 0.0])
    dm = diebold_mariano(e1, e2, loss="abs")
    assert dm.n == 5
    assert dm.mean_diff == pytest.approx(1.0)
    assert dm.stat == pytest.approx(np.sqrt(2.0), rel=1e-12)
    assert dm.p_value == pytest.approx(2 * (1 - _t4_cdf(np.sqrt(2.0))), rel=1e-10)
    assert dm.p_value == pytest.approx(0.2302, abs=5e-5)
    one = diebold_mariano(e1, e2, loss="abs", alternative="greater")
    assert one.p_value == pytest.approx(dm.p_value / 2, rel=1e-10)
    # swapping the forecasts flips the sign, not the two-sided p-value
    back = diebold_mariano(e2, e1, loss="abs")
    assert back.stat == pytest.approx(-dm.stat) and back.p_value == pytest.approx(dm.p_value)


def test_dm_squared_loss_and_alignment():
    # squared: d = e1² - e2² = [3, -3, 4, 0, 9] → mean 2.6, g0 = (0.16+31.36+1.96+6.76+40.96)/5 = 16.24
    e1 = pd.Series([2.0, 1.0, -2.0, 0.0, 3.0, np.nan], index=pd.period_range("2020-01", periods=6, freq="M"))
    e2 = pd.Series([1.0, -2.0, 0.0, 0.0, 0.0, 1.0], index=e1.index)
    dm = diebold_mariano(e1, e2, loss="squared")
    assert dm.n == 5
    expected = 2.6 / np.sqrt(16.24 / 5) * np.sqrt(4 / 5)
    assert dm.stat == pytest.approx(expected, rel=1e-12)
    with pytest.raises(ModelError, match="loss"):
        diebold_mariano(e1, e2, loss="huber")
    with pytest.raises(ModelError, match="at least 3"):
        diebold_mariano([1.0, 2.0], [0.0, 1.0])


def test_backtest_dm_uses_the_rows_against_each_benchmark():
    idx = pd.period_range("2021-01", periods=5, freq="M")
    rows = pd.DataFrame({
        "nowcast": [2.0, 1.0, -2.0, 0.0, 3.0], "actual": [0.0] * 5,
        "consensus": [1.0, -2.0, 0.0, 0.0, 0.0], "random_walk": [1.0, -2.0, 0.0, 0.0, np.nan],
    }, index=idx)
    bt = BacktestResult(get_target("cpi_yoy"), "test", rows)
    out = backtest_dm(bt)
    assert out["consensus"].stat == pytest.approx(np.sqrt(2.0))
    assert out["random_walk"].n == 4


# ---------------------------------------------------------------- Spring Festival days
def test_spring_festival_day_shares_by_hand_2024_and_2023():
    idx = pd.period_range("2022-12", "2024-03", freq="M")
    s = spring_festival_days(idx)
    # 2024: 正月初一 = 10 Feb. pre [-21,-1] = 20 Jan..9 Feb; holiday 10..16 Feb; after 17 Feb..8 Mar
    assert s.loc[pd.Period("2024-01", "M"), "sf_pre"] == pytest.approx(12 / 31)
    assert s.loc[pd.Period("2024-02", "M"), "sf_pre"] == pytest.approx(9 / 29)
    assert s.loc[pd.Period("2024-02", "M"), "sf_holiday"] == pytest.approx(7 / 29)
    assert s.loc[pd.Period("2024-02", "M"), "sf_after"] == pytest.approx(13 / 29)
    assert s.loc[pd.Period("2024-03", "M"), "sf_after"] == pytest.approx(8 / 31)
    # 2023: 22 Jan. pre = 1..21 Jan (nothing in December), holiday 22..28 Jan, after 29 Jan..18 Feb
    assert s.loc[pd.Period("2022-12", "M")].sum() == 0.0
    assert s.loc[pd.Period("2023-01", "M"), "sf_pre"] == pytest.approx(21 / 31)
    assert s.loc[pd.Period("2023-01", "M"), "sf_holiday"] == pytest.approx(7 / 31)
    assert s.loc[pd.Period("2023-02", "M"), "sf_after"] == pytest.approx(18 / 28)
    assert s.loc[pd.Period("2023-06", "M")].sum() == 0.0


def test_spring_festival_day_shares_by_hand_2018_late_festival_reaches_march():
    # 2018: 正月初一 = 16 Feb (a late festival, non-leap February of 28 days).
    # pre [-21,-1] = 26 Jan..15 Feb: 6 of 31 January days, 15 of 28 February days;
    # holiday [0,6] = 16..22 Feb: 7/28; after [7,27] = 23 Feb..15 Mar: 6/28 and 15/31 of March,
    # so March carries the post-holiday reversal; the bridge's one window [-21,+6] ends on 22 Feb.
    idx = pd.period_range("2018-01", "2018-04", freq="M")
    s = spring_festival_days(idx)
    jan, feb, mar, apr = (pd.Period(f"2018-0{m}", "M") for m in (1, 2, 3, 4))
    assert s.loc[jan, "sf_pre"] == pytest.approx(6 / 31)
    assert s.loc[feb, "sf_pre"] == pytest.approx(15 / 28)
    assert s.loc[feb, "sf_holiday"] == pytest.approx(7 / 28)
    assert s.loc[feb, "sf_after"] == pytest.approx(6 / 28)
    assert s.loc[mar, "sf_after"] == pytest.approx(15 / 31)
    assert s.loc[mar, ["sf_pre", "sf_holiday"]].sum() == 0.0
    assert s.loc[apr].sum() == 0.0
    share = spring_festival_share(idx)
    assert share[jan] == pytest.approx(6 / 31)
    assert share[feb] == pytest.approx(22 / 28)
    assert share[mar] == 0.0


# ---------------------------------------------------------------- known retail fuel prices
def test_step_month_mean_weights_days():
    levels = pd.Series([7000.0, 7200.0, 6900.0],
                       index=pd.to_datetime(["2020-01-01", "2020-01-16", "2020-02-20"]))
    months = pd.period_range("2019-12", "2020-03", freq="M")
    m = step_month_mean(levels, months, pd.Timestamp("2020-03-31"))
    assert np.isnan(m.iloc[0])  # before the first adjustment
    assert m.iloc[1] == pytest.approx((15 * 7000 + 16 * 7200) / 31)
    assert m.iloc[2] == pytest.approx((19 * 7200 + 10 * 6900) / 29)
    assert m.iloc[3] == pytest.approx(6900.0)  # no adjustment announced: the price in force


# ---------------------------------------------------------------- the real models
@pytest.fixture(scope="module")
def real(sample_series):
    ids = set(SFNowcaster("cpi_yoy").series_ids()) | set(PPIGroupNowcaster("ppi_yoy").series_ids())
    ids |= set(EvidenceNowcaster("cpi_yoy").series_ids()) | set(SFGroupNowcaster("cpi_yoy").series_ids())
    return {s.id: s for s in sample_series if s.id in ids}


def _truncate(data, as_of: str):
    ts = pd.Timestamp(as_of)
    return {k: (s.slice(None, as_of[:7]) if s.freq == "M" else s.slice(None, ts)) for k, s in data.items()}


@pytest.mark.parametrize("model, as_of", [(SFNowcaster("cpi_yoy"), "2021-02-28"),
                                          (PPIGroupNowcaster("ppi_yoy"), "2021-10-31")])
def test_truncated_store_gives_the_same_nowcast(real, model, as_of):
    full = model.predict(InfoSet.build(real, as_of))
    cut = model.predict(InfoSet.build(_truncate(real, as_of), as_of))
    assert full.computable and cut.computable
    assert cut.yoy == full.yoy and cut.mom == full.mom
    assert full.contributions["mom"].sum() == pytest.approx(full.mom, abs=1e-14)
    assert full.carry + full.contributions["yoy"].sum() == pytest.approx(full.yoy, abs=1e-14)


def test_sf_nowcast_is_close_to_the_print(real):
    # February 2021 (festival on 12 Feb): published CPI YoY -0.2
    nc = SFNowcaster("cpi_yoy").predict(InfoSet.build(real, "2021-02-28"))
    assert abs(nc.yoy * 100 - (-0.2)) < 0.5
    assert "sf_holiday" in nc.contributions.index


def test_sf_uses_announced_retail_fuel_prices_when_imported(real):
    # the real 10-day gasoline prices stand in for an NDRC series of prices after each adjustment
    g = real["gasoline_92_cny"]
    retail = g.with_data(g.data.copy(), id="gasoline_retail_max_cny")
    data = {**real, retail.id: retail}
    nc = SFNowcaster("cpi_yoy").predict(InfoSet.build(data, "2019-06-30"))
    assert "gasoline_retail_max_cny" in nc.contributions.index
    assert "gasoline_92_cny" not in nc.contributions.index


def test_groups_survive_a_missing_input_and_a_missing_group(real):
    as_of = "2021-10-31"
    model = PPIGroupNowcaster("ppi_yoy")
    full = model.predict(InfoSet.build(real, as_of))
    no_rebar = model.predict(InfoSet.build({k: v for k, v in real.items() if k != "rebar_hrb_25mm_cny"}, as_of))
    no_mining = model.predict(InfoSet.build({k: v for k, v in real.items() if k != "ppi_mining_index"}, as_of))
    assert no_rebar.computable and no_mining.computable
    assert "rebar_hrb_25mm_cny" in no_rebar.missing_inputs
    assert "mining" in no_mining.missing_inputs
    # October 2021 PPI YoY printed 13.5; every variant lands within 1 pp
    for nc in (full, no_rebar, no_mining):
        assert abs(nc.yoy * 100 - 13.5) < 1.0


def test_group_weights_recover_an_exact_mix():
    rng = np.random.default_rng(0)
    g = rng.normal(size=(40, 3))
    w = group_weights(g @ np.array([0.2, 0.5, 0.3]), g)
    assert w == pytest.approx([0.2, 0.5, 0.3], abs=1e-10)


def test_win_share_weights_by_hand():
    e = pd.DataFrame({"a": [0.1, -0.3, 0.2, 0.0], "b": [0.2, 0.1, -0.2, np.nan]})
    # rows with both: a wins row 1, b row 2, tie row 3 → a 1.5/3, b 1.5/3
    assert win_share_weights(e, 3) == pytest.approx({"a": 0.5, "b": 0.5})
    e2 = pd.DataFrame({"a": [0.1, 0.1, 0.1], "b": [0.2, 0.3, 0.4]})
    assert win_share_weights(e2, 3) == {"a": 1.0, "b": 0.0}
    assert win_share_weights(e2, 4) is None


def test_evidence_model_is_real_time(real):
    model = EvidenceNowcaster("cpi_yoy", window=2, min_errors=2)
    as_of = "2019-06-30"
    full = model.predict(InfoSet.build(real, as_of))
    cut = model.predict(InfoSet.build(_truncate(real, as_of), as_of))
    assert full.computable and full.model == "evidence"
    assert cut.yoy == full.yoy
    assert sum(full.weights.values()) == pytest.approx(1.0)


def test_sf_model_is_cpi_only():
    with pytest.raises(ModelError, match="CPI only"):
        SFNowcaster("ppi_yoy")
    with pytest.raises(ModelError, match="PPI only"):
        PPIGroupNowcaster("cpi_yoy")


def test_group_norm_is_the_weighted_same_month_norms_of_the_groups():
    # two groups with a fixed monthly pattern (no holiday effect) and non-food = 0.3 A + 0.7 B exactly:
    # B's March is -0.2 + 0.05 = -0.15: the bottom-up March norm is 0.3 * 0.5 + 0.7 * (-0.15) = 0.045 pp
    from dataclasses import replace

    from macrodesk.models.nowcast.cpi_sf import CPI_SF_GROUPS, _group_norm
    from macrodesk.series import MacroSeries, SeriesMeta

    months = pd.period_range("2005-01", "2020-02", freq="M")
    a = pd.Series(np.where(months.month == 3, 0.5, 0.1), index=months)
    b = pd.Series(np.where(months.month == 3, -0.2, 0.0) + 0.05 * (months.month % 2), index=months)
    data = {
        "cpi_clothing_mom": MacroSeries(SeriesMeta("cpi_clothing_mom", "pct_mom", "M"), a),
        "cpi_housing_mom": MacroSeries(SeriesMeta("cpi_housing_mom", "pct_mom", "M"), b),
        "cpi_nonfood_mom": MacroSeries(SeriesMeta("cpi_nonfood_mom", "pct_mom", "M"), 0.3 * a + 0.7 * b),
    }
    block = replace(CPI_SF_GROUPS.blocks[1], groups=("cpi_clothing_mom", "cpi_housing_mom"))
    info = InfoSet.build(data, "2020-03-31")
    assert info.month == pd.Period("2020-03", freq="M")
    assert _group_norm(block, info, info.month) == pytest.approx(0.00045, abs=1e-12)
    # no group published over the weight window: a reason, not a number
    stale = {k: MacroSeries(SeriesMeta(k, "pct_mom", "M"), v.data.loc[:"2016-12"]) if k != "cpi_nonfood_mom" else v
             for k, v in data.items()}
    assert "no non-food group" in str(_group_norm(block, InfoSet.build(stale, "2020-03-31"), info.month))


def test_sfg_model_is_real_time_and_labelled(real):
    from macrodesk.models.nowcast.cpi_sf import NONFOOD_GROUPS
    from macrodesk.models.nowcast.registry import make_model

    model = make_model("sfg", "cpi_yoy")
    assert isinstance(model, SFGroupNowcaster) and set(NONFOOD_GROUPS) <= set(model.series_ids())
    as_of = "2021-02-28"
    full = model.predict(InfoSet.build(real, as_of))
    cut = model.predict(InfoSet.build(_truncate(real, as_of), as_of))
    assert full.computable and full.model == "sfg"
    assert cut.yoy == full.yoy
    # February 2021 (festival on 12 Feb): published CPI YoY -0.2
    assert abs(full.yoy * 100 - (-0.2)) < 0.5
    assert "nonfood_seasonal" in full.contributions.index
