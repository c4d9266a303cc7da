"""The PPI bridge: prices averaged over chosen days of the month, no single point of failure, 2015-22 accuracy."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from macrodesk.exceptions import ModelError
from macrodesk.models.nowcast import InfoSet, make_model
from macrodesk.models.nowcast.bridge import (
    PPI_BRIDGE,
    PPI_SAMPLE_DAYS,
    BridgeInput,
    BridgeNowcaster,
    BridgeSpec,
    InputCache,
)
from macrodesk.series import MacroSeries, SeriesMeta

DAYS = ((1, 10), (16, 25))


@pytest.fixture()
def daily():
    # December 2021: 50 every day; January 2022: 100 + day of month; February 2022: 200 + day of month
    idx = pd.date_range("2021-12-01", "2022-02-28", freq="D")
    vals = np.where(idx.month == 12, 50.0, np.where(idx.month == 1, 100.0, 200.0) + idx.day)
    return {"p": MacroSeries(SeriesMeta("p", "index", "D"), pd.Series(vals, index=idx))}


def test_sampled_days_are_averaged_like_for_like(daily):
    info = InfoSet.build(daily, "2022-02-28")
    assert info.month == pd.Period("2022-02", "M")
    # days 1-10 and 16-25: mean day (55 + 205) / 20 = 13, so January 113 and February 213
    assert info.input_change("p", DAYS)[pd.Period("2022-02", "M")] == pytest.approx(math.log(213 / 113), abs=1e-12)
    # every day: January 100 + 16 = 116, February 200 + 14.5 = 214.5
    assert info.input_change("p")[pd.Period("2022-02", "M")] == pytest.approx(math.log(214.5 / 116), abs=1e-12)
    # on 20 February (January out on the 15th) February is cut at day 20: days 1-10 and 16-20,
    # mean day (55 + 90) / 15 = 29/3, against January's 113
    mid = InfoSet.build(daily, "2022-02-20")
    assert mid.month == pd.Period("2022-02", "M")
    assert mid.input_change("p", DAYS)[pd.Period("2022-02", "M")] == pytest.approx(math.log((200 + 29 / 3) / 113),
                                                                                  abs=1e-12)


def test_the_input_cache_gives_the_direct_numbers_on_sampled_days(daily):
    cache = InputCache(daily)
    for as_of in ("2022-02-28", "2022-02-20", "2022-01-31"):
        info = InfoSet.build(daily, as_of)
        got = cache.change(info, "p", False, DAYS)
        direct = info.input_change("p", DAYS)
        assert got is not None
        pd.testing.assert_series_equal(got[0], direct)


@pytest.mark.parametrize("days", [((0, 10),), ((10, 5),), ((1, 32),), "1-10"])
def test_bad_sampling_days_are_refused(days):
    with pytest.raises(ModelError, match="the days of input 'p'"):
        BridgeInput("p", days=days)


def test_ppi_bridge_samples_its_daily_prices_only():
    by_id = {i.id: i.days for i in PPI_BRIDGE.inputs}
    assert PPI_SAMPLE_DAYS == DAYS
    assert by_id["brent_usd"] == DAYS and by_id["nanhua_industrial_index"] == DAYS
    assert by_id["means_of_production_price_index_weekly"] == () and by_id["rebar_hrb_25mm_cny"] == ()


# ---------------------------------------------------------------- last month's input change
def _lagged_world(n_months: int = 36):
    # a daily price flat within each month, log change x_k = 0.02 sin(k) + 0.01 cos(3k) in month k;
    # the PPI MoM is exactly 0.4 x_{k-1} (fractions), its YoY the product of the last twelve MoMs
    months = pd.period_range("2019-01", periods=n_months, freq="M")
    k = np.arange(n_months)
    x = 0.02 * np.sin(k) + 0.01 * np.cos(3 * k)
    x[0] = 0.0
    level = 100 * np.exp(np.cumsum(x))
    idx = pd.date_range(months[0].start_time, months[-1].end_time.normalize(), freq="D")
    price = pd.Series(level[(idx.year - 2019) * 12 + idx.month - 1], index=idx)
    mom = np.concatenate([[0.0], 0.4 * x[:-1]])
    yoy = np.full(n_months, np.nan)
    for j in range(11, n_months):
        yoy[j] = np.prod(1 + mom[j - 11 : j + 1]) - 1
    data = {
        "p": MacroSeries(SeriesMeta("p", "index", "D"), price),
        "ppi_mom": MacroSeries(SeriesMeta("ppi_mom", "pct_mom", "M"), pd.Series(mom * 100, index=months)),
        "ppi_yoy": MacroSeries(SeriesMeta("ppi_yoy", "pct_yoy", "M"), pd.Series(yoy * 100, index=months)),
    }
    return data, x, mom, yoy


def test_a_lagged_input_enters_as_last_months_change():
    data, x, mom, yoy = _lagged_world()
    spec = BridgeSpec(inputs=(BridgeInput("p"),), seasonal=False, spring_festival=False, ar=False,
                      prior_months=0.0, lagged_inputs=("p",))
    t = 35  # December 2021, on its last day: the MoM is published through November
    fit = BridgeNowcaster("ppi_yoy", spec).fit(InfoSet.build(data, "2021-12-31"))
    assert fit.month == pd.Period("2021-12", "M")
    # OLS on an exact relation: no weight on this month's change, 0.4 on last month's
    assert fit.params["p"] == pytest.approx(0.0, abs=1e-9)
    assert fit.params["p_lag1"] == pytest.approx(0.4, abs=1e-9)
    assert fit.terms.at["p_lag1", "value"] == pytest.approx(x[t - 1], abs=1e-12)
    nc = fit.predict()
    assert nc.mom == pytest.approx(0.4 * x[t - 1], abs=1e-9)
    # YoY: November's YoY carried, this month's MoM in, December 2020's out
    want = (1 + yoy[t - 1]) * (1 + 0.4 * x[t - 1]) / (1 + mom[t - 12]) - 1
    assert nc.yoy == pytest.approx(want, abs=1e-9)
    assert nc.contributions.at["p_lag1", "change"] == pytest.approx(x[t - 1], abs=1e-12)


def test_a_lagged_input_without_history_is_left_out_and_reported():
    # April 2020: MoM published for 2019-01..2020-03; the price's first change is that of 2019-03 (its first
    # month has no previous one to compare with), so 13 months of x_t but only 12 of x_{t-1} (13 needed)
    data, *_ = _lagged_world(16)
    spec = BridgeSpec(inputs=(BridgeInput("p"),), seasonal=False, spring_festival=False, ar=False,
                      prior_months=0.0, lagged_inputs=("p",), min_obs=13, min_rows=12)
    fit = BridgeNowcaster("ppi_yoy", spec).fit(InfoSet.build(data, "2020-04-30"))
    assert "p" in fit.terms.index and fit.n_obs == 13
    assert "p_lag1" not in fit.terms.index and fit.missing_inputs == ("p_lag1",)


def test_a_lagged_input_must_be_an_input():
    with pytest.raises(ModelError, match="not inputs: q"):
        BridgeSpec(inputs=(BridgeInput("p"),), lagged_inputs=("q",))


def test_the_ppi_bridge_carries_last_months_nanhua_change():
    assert PPI_BRIDGE.lagged_inputs == ("nanhua_industrial_index",)


# ---------------------------------------------------------------- on the bundled sample
@pytest.fixture(scope="module")
def real(sample_series):
    ids = set(make_model("evidence", "ppi_yoy").series_ids())
    return {s.id: s for s in sample_series if s.id in ids}


@pytest.mark.parametrize("drop", [i.id for i in PPI_BRIDGE.inputs])
def test_default_ppi_nowcast_survives_any_one_missing_input(real, drop):
    # October 2021 (the coal spike): NBS printed PPI YoY 13.5; the MOFCOM index is the input that matters most
    inp = next(i for i in PPI_BRIDGE.inputs if i.id == drop)
    data = {k: v for k, v in real.items() if k not in (inp.id, *inp.alternatives)}
    nc = make_model("evidence", "ppi_yoy").predict(InfoSet.build(data, "2021-10-31"))
    assert nc.computable
    assert drop in nc.missing_inputs
    assert abs(nc.yoy_print - 13.5) <= 1.5


def test_default_ppi_beats_the_consensus_2015_2022(real, sample_series):
    data = {s.id: s for s in sample_series if s.id in set(real) | {"ppi_yoy_consensus"}}
    res = make_model("evidence", "ppi_yoy").backtest(data, "2015-01", "2022-12")
    assert res.stats()["n"] == 96
    # the consensus misses by 26.06 pp over the 96 months (Wind consensus against the NBS prints)
    assert res.consensus_mae == pytest.approx(26.06 / 96, abs=1e-9)
    assert res.mae <= 0.152 < res.consensus_mae
