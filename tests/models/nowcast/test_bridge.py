"""Bridge model: the MoM→YoY recursion, the estimator, a noiseless hand-made world, no look-ahead."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pandas as pd
import pytest

from macrodesk import transforms as T
from macrodesk.models.nowcast import (
    BridgeInput,
    BridgeNowcaster,
    BridgeSpec,
    InfoSet,
    Nowcast,
    TARGETS,
    ridge_prior,
    round_print,
    same_month_norm,
    yoy_from_mom,
)
from macrodesk.series import MacroSeries, SeriesMeta


# ---------------------------------------------------------------- recursion and rounding
def test_yoy_from_mom_by_hand():
    # (1 + 2.1%)(1 + 0.4%) / (1 + 0.2%) - 1 = 1.021 x 1.004 / 1.002 - 1 = 1.025084 / 1.002 - 1 = 0.0230379
    assert yoy_from_mom(0.021, 0.004, 0.002) == pytest.approx(1.025084 / 1.002 - 1, abs=1e-12)
    assert yoy_from_mom(0.021, 0.004, 0.002) == pytest.approx(0.0230379, abs=1e-7)


def test_yoy_from_mom_agrees_with_project_yoy():
    idx = pd.period_range("2024-01", "2025-06", freq="M")
    mom = pd.Series(0.001, index=idx)
    mom[pd.Period("2024-07", "M")] = 0.002
    yoy = pd.Series(np.nan, index=idx)
    yoy[pd.Period("2025-06", "M")] = 0.021
    path = pd.Series([0.004], index=pd.PeriodIndex(["2025-07"], freq="M"))
    proj = T.project_yoy(yoy.loc[:"2025-06"], mom, path)
    assert proj.iloc[0] == pytest.approx(yoy_from_mom(0.021, 0.004, 0.002))


def test_carry_plus_contributions_is_the_yoy():
    # 1 + y = A (1 + m) with A = 1.021 / 1.002, so y = (A - 1) + A m exactly
    nc = Nowcast(TARGETS["cpi_yoy"], "bridge", pd.Period("2025-07", "M"), pd.Timestamp("2025-07-31"),
                 mom=0.004, anchor_yoy=0.021, base_mom=0.002, sigma=0.001)
    a = 1.021 / 1.002
    assert nc.carry == pytest.approx(a - 1)
    assert nc.yoy == pytest.approx((a - 1) + a * 0.004)


@pytest.mark.parametrize(("x", "printed"), [(2.25, 2.3), (-0.25, -0.3), (0.04999, 0.0), (-0.04, 0.0), (1.95, 2.0)])
def test_round_print_half_away_from_zero(x, printed):
    assert round_print(x) == printed


def test_interval_by_hand():
    # sigma 0.001 (0.1 pp), 80%: z = 1.28155; yoy = 0.0230379 -> 2.30379 -/+ 0.128155
    nc = Nowcast(TARGETS["cpi_yoy"], "bridge", pd.Period("2025-07", "M"), pd.Timestamp("2025-07-31"),
                 mom=0.004, anchor_yoy=0.021, base_mom=0.002, sigma=0.001)
    lo, hi = nc.interval(0.8)
    assert lo == pytest.approx(2.30379 - 0.128155, abs=1e-5)
    assert hi == pytest.approx(2.30379 + 0.128155, abs=1e-5)


# ---------------------------------------------------------------- estimator pieces
def test_ridge_prior_without_prior_is_ols():
    # y = 1 + 2x through (0,1), (1,3), (2,5)
    X = np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]])
    beta = ridge_prior(X, np.array([1.0, 3.0, 5.0]), np.zeros(2), np.zeros(2))
    assert beta == pytest.approx([1.0, 2.0])


@pytest.mark.parametrize(("prior", "expected"), [(0.0, 1.0), (3.0, 2.5)])
def test_ridge_prior_by_hand(prior, expected):
    # x = (1, 2), y = (2, 4), precision 5: beta = (x'y + 5 b0) / (x'x + 5) = (10 + 5 b0) / 10
    beta = ridge_prior(np.array([[1.0], [2.0]]), np.array([2.0, 4.0]), np.array([prior]), np.array([5.0]))
    assert beta[0] == pytest.approx(expected)


def test_same_month_norm_by_hand():
    # Januaries 1, 2, 3 (2019, 2020, 2021), other months 0
    idx = pd.period_range("2019-01", "2021-12", freq="M")
    x = pd.Series(np.where(idx.month == 1, idx.year - 2018, 0), index=idx, dtype=float)
    n5 = same_month_norm(x, 5)
    assert math.isnan(n5[pd.Period("2019-01", "M")])
    assert n5[pd.Period("2020-01", "M")] == 1.0
    assert n5[pd.Period("2021-01", "M")] == 1.5  # (1 + 2) / 2
    assert same_month_norm(x, 1)[pd.Period("2021-01", "M")] == 2.0


# ---------------------------------------------------------------- a noiseless hand-made world
def _world():
    """One daily input and the target, built so that m = 0.001 + 0.02 x exactly.

    Daily prices are constant within a month at 100 x 1.1^s, s = 0,1,2,1,0,1,2,1,… from December 2019,
    so x (the log change of the monthly mean) is +a, +a, -a, -a, … from January 2020 with
    a = ln 1.1 = 0.0953102. The target MoM (percent) is 0.1 + 2 x: +0.2906204 or -0.0906204.
    """
    months = pd.period_range("2019-12", "2021-06", freq="M")
    steps = [0, 1, 2, 1]
    level = {p: 100 * 1.1 ** steps[i % 4] for i, p in enumerate(months)}
    days = pd.date_range("2019-11-15", "2021-06-30", freq="D")
    per = days.to_period("M")
    vals = np.array([level.get(p, 100.0) for p in per])
    pork = MacroSeries(SeriesMeta("pork_wholesale_cny", "cny_per_kg", "D"), pd.Series(vals, index=days))
    a = math.log(1.1)
    x = pd.Series({p: math.log(level[p] / level[p - 1]) for p in months[1:]})
    mom_pct = 0.1 + 2 * x  # 0.001 + 0.02 x in fractions
    target_months = pd.period_range("2020-01", "2021-05", freq="M")
    mom = MacroSeries(SeriesMeta("cpi_mom", "pct_mom", "M"), mom_pct.reindex(target_months))
    yoy = MacroSeries(SeriesMeta("cpi_yoy", "pct_yoy", "M"), pd.Series(1.0, index=target_months))
    return {s.id: s for s in (pork, mom, yoy)}, a


SPEC = BridgeSpec(
    inputs=(BridgeInput("pork_wholesale_cny"),),
    seasonal=False,
    spring_festival=False,
    ar=False,
    prior_months=0.0,
    min_obs=6,
    min_rows=6,
)


def test_noiseless_world_recovers_the_equation():
    data, a = _world()
    fit = BridgeNowcaster("cpi_yoy", SPEC).fit(InfoSet.build(data, "2021-06-30"))
    assert fit.params["pork_wholesale_cny"] == pytest.approx(0.02, abs=1e-10)
    assert fit.params["constant"] == pytest.approx(0.001, abs=1e-12)
    assert fit.n_obs == 17  # Jan 2020 .. May 2021


def test_noiseless_world_nowcast_by_hand():
    data, a = _world()
    nc = BridgeNowcaster("cpi_yoy", SPEC).predict(InfoSet.build(data, "2021-06-30"))
    # June 2021: x = +a, m = 0.001 + 0.02 x 0.0953102 = 0.002906204
    assert nc.mom == pytest.approx(0.001 + 0.02 * a, abs=1e-12)
    # base month June 2020 moved the same way (+a), so 1 + y = 1.010 x (1 + m) / (1 + m): y = 1.0% exactly
    assert nc.base_mom == pytest.approx(0.001 + 0.02 * a, abs=1e-12)
    assert nc.yoy == pytest.approx(0.010, abs=1e-12)
    assert nc.yoy_print == 1.0
    # contributions: the input 0.02 x a, the constant 0.001
    c = nc.contributions
    assert c.loc["pork_wholesale_cny", "mom"] == pytest.approx(0.02 * a, abs=1e-12)
    assert c.loc["constant", "mom"] == pytest.approx(0.001, abs=1e-12)
    assert c.loc["pork_wholesale_cny", "change"] == pytest.approx(a, abs=1e-12)


def test_too_little_history_is_not_computable():
    data, _ = _world()
    spec = dataclasses.replace(SPEC, min_rows=20)
    nc = BridgeNowcaster("cpi_yoy", spec).predict(InfoSet.build(data, "2021-06-30"))
    assert not nc.computable
    assert nc.reason == "only 17 months with the target and all inputs observed before 2021-06 (need 20)"


def test_missing_base_month_is_not_computable():
    data, _ = _world()
    nc = BridgeNowcaster("cpi_yoy", SPEC).predict(InfoSet.build(data, "2020-04-30"))
    assert not nc.computable
    assert nc.reason == "the MoM of 2019-04 (the base month) is missing and cannot be reconciled"


def test_missing_anchor_is_not_computable():
    data, _ = _world()
    nc = BridgeNowcaster("cpi_yoy", SPEC).predict(InfoSet.build(data, "2021-09-30"))
    assert not nc.computable
    assert "the YoY of 2021-08 is not published" in nc.reason


# ---------------------------------------------------------------- the real CPI and PPI bridges
@pytest.fixture(scope="module")
def real(sample_series):
    ids = set(BridgeNowcaster("cpi_yoy").series_ids()) | set(BridgeNowcaster("ppi_yoy").series_ids())
    ids |= {"cpi_yoy_consensus", "ppi_yoy_consensus"}
    return {s.id: s for s in sample_series if s.id in ids}


@pytest.mark.parametrize("target", ["cpi_yoy", "ppi_yoy"])
def test_contributions_add_up(real, target):
    nc = BridgeNowcaster(target).predict(InfoSet.build(real, "2019-06-30"))
    assert nc.computable
    assert nc.contributions["mom"].sum() == pytest.approx(nc.mom, abs=1e-14)
    assert nc.carry + nc.contributions["yoy"].sum() == pytest.approx(nc.yoy, abs=1e-14)


def _truncate(data, as_of: str):
    """Every observation dated after ``as_of`` removed (monthly periods after its month)."""
    ts = pd.Timestamp(as_of)
    out = {}
    for k, s in data.items():
        out[k] = s.slice(None, as_of[:7]) if s.freq == "M" else s.slice(None, ts)
    return out


def _future_junk(data, as_of: str):
    """Absurd values appended (and the target month's own prints overwritten) after ``as_of``."""
    ts = pd.Timestamp(as_of)
    month = pd.Period(as_of[:7], "M")
    out = {}
    for k, s in data.items():
        d = s.data.copy()
        if s.freq == "M":
            d = d[d.index < month]
            extra = pd.Series(9.9, index=pd.period_range(month, periods=24, freq="M"))
        else:
            d = d[d.index <= ts]
            extra = pd.Series(d.iloc[-1] * 5, index=pd.date_range(ts + pd.Timedelta(days=1), periods=200, freq="D"))
        out[k] = s.with_data(pd.concat([d, extra]))
    return out


@pytest.mark.parametrize("target", ["cpi_yoy", "ppi_yoy"])
def test_no_look_ahead_removing_the_future(real, target):
    model = BridgeNowcaster(target)
    full = model.predict(InfoSet.build(real, "2019-06-30"))
    cut = model.predict(InfoSet.build(_truncate(real, "2019-06-30"), "2019-06-30"))
    assert cut.mom == full.mom
    assert cut.yoy == full.yoy


@pytest.mark.parametrize("target", ["cpi_yoy", "ppi_yoy"])
def test_no_look_ahead_appending_junk_after_the_as_of_date(real, target):
    model = BridgeNowcaster(target)
    full = model.predict(InfoSet.build(real, "2019-06-30"))
    junk = model.predict(InfoSet.build(_future_junk(real, "2019-06-30"), "2019-06-30"))
    assert junk.mom == full.mom
    assert junk.yoy == full.yoy


def test_past_nowcast_unchanged_when_later_data_arrive(real):
    # the nowcast of June 2019 made with data through 2019 equals the one made with all data
    model = BridgeNowcaster("cpi_yoy")
    later = model.predict(InfoSet.build(_truncate(real, "2019-12-31"), "2019-06-30"))
    full = model.predict(InfoSet.build(real, "2019-06-30"))
    assert later.yoy == full.yoy


def test_consensus_cannot_reach_the_model(real):
    # scrambling the consensus changes nothing: it is not in the information set
    model = BridgeNowcaster("cpi_yoy")
    a = model.predict(InfoSet.build(real, "2019-06-30"))
    s = real["cpi_yoy_consensus"]
    b = model.predict(InfoSet.build({**real, s.id: s.with_data(s.data * -3)}, "2019-06-30"))
    assert a.yoy == b.yoy


def test_cpi_fallback_fits_the_last_ten_years(real):
    # The sample's food and fuel prices end in 2022-12: a December-2025 nowcast falls back to
    # seasonality and the Spring Festival. Its fit takes the 120 months before December 2025,
    # 2015-12 .. 2025-11, not every month since 1994.
    fit = BridgeNowcaster("cpi_yoy").fit(InfoSet.build(real, "2026-01-09"))
    assert "pork_wholesale_cny" in fit.missing_inputs
    assert fit.n_obs == 120
    assert fit.sample == (pd.Period("2015-12", "M"), pd.Period("2025-11", "M"))
    # the residual scale of CPI MoM in that decade: well under the mid-1990s' 1.5 pp
    assert fit.sigma_mom < 0.005
