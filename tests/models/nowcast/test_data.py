"""Real-time information sets: release calendar, cut-offs, partial months, reconciliation.

Every expected number is worked out by hand in the comments.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from macrodesk.exceptions import DataError, ModelError
from macrodesk.models.nowcast import (
    InfoSet,
    drift_factor,
    reconcile_mom,
    released_through,
    spring_festival_share,
    target_month,
)
from macrodesk.series import MacroSeries, SeriesMeta


def monthly(sid: str, unit: str, start: str, values) -> MacroSeries:
    idx = pd.period_range(start, periods=len(values), freq="M")
    return MacroSeries(SeriesMeta(sid, unit, "M"), pd.Series(values, index=idx, dtype=float))


def dated(sid: str, freq: str, dates, values, unit: str = "cny_per_kg") -> MacroSeries:
    return MacroSeries(SeriesMeta(sid, unit, freq), pd.Series(values, index=pd.DatetimeIndex(dates), dtype=float))


# ---------------------------------------------------------------- release calendar
@pytest.mark.parametrize(
    ("as_of", "released", "target"),
    [
        ("2022-03-31", "2022-02", "2022-03"),  # end of March: February is out (since the 15th)
        ("2022-03-15", "2022-02", "2022-03"),  # release day itself
        ("2022-03-14", "2022-01", "2022-02"),  # before the 15th: February still unknown
        ("2022-03", "2022-02", "2022-03"),  # a month means its last day
        ("2022-01-05", "2021-11", "2021-12"),  # across a year end
    ],
)
def test_release_calendar(as_of, released, target):
    assert released_through(as_of) == pd.Period(released, "M")
    assert target_month(as_of) == pd.Period(target, "M")


def test_bad_as_of_is_a_model_error():
    with pytest.raises(ModelError, match="as_of must be a date like 2022-03-31"):
        target_month("March")


# ---------------------------------------------------------------- cut-offs
@pytest.fixture()
def small_data():
    cpi = monthly("cpi_yoy", "pct_yoy", "2021-10", [1.5, 2.3, 1.5, 0.9, 0.9, 1.5])  # Oct 2021 .. Mar 2022
    cons = monthly("cpi_yoy_consensus", "pct_yoy", "2021-10", [1.4, 2.2, 1.6, 1.0, 0.8, 1.3])
    rebar = dated("rebar_hrb_25mm_cny", "D", ["2022-03-29", "2022-03-30", "2022-03-31", "2022-04-01"],
                  [20, 21, 22, 23], "cny_per_t")
    gas = dated("gasoline_92_cny", "X", ["2022-03-10", "2022-03-20", "2022-03-31"], [8000, 8100, 8200], "cny_per_t")
    q = MacroSeries(SeriesMeta("gdp_q", "pct_yoy", "Q"), pd.Series([4.0], index=pd.PeriodIndex(["2021Q4"], freq="Q")))
    return {s.id: s for s in (cpi, cons, rebar, gas, q)}


def test_official_series_stop_at_the_last_release(small_data):
    info = InfoSet.build(small_data, "2022-03-31")
    # released through February 2022 -> the March print (1.5) is cut away
    assert info.series["cpi_yoy"].data.index[-1] == pd.Period("2022-02", "M")
    assert info.series["cpi_yoy"].data.iloc[-1] == 0.9
    assert info.month == pd.Period("2022-03", "M")


def test_daily_series_stop_at_the_as_of_date(small_data):
    info = InfoSet.build(small_data, "2022-03-31")
    assert info.series["rebar_hrb_25mm_cny"].data.index[-1] == pd.Timestamp("2022-03-31")


def test_ten_day_prices_wait_for_their_publication_lag(small_data):
    # NBS 10-day prices are out 5 days after the period: the one dated 31 March is usable from 5 April
    info = InfoSet.build(small_data, "2022-03-31")
    assert info.series["gasoline_92_cny"].data.index[-1] == pd.Timestamp("2022-03-20")
    later = InfoSet.build(small_data, "2022-04-05")
    assert later.series["gasoline_92_cny"].data.index[-1] == pd.Timestamp("2022-03-31")


def test_consensus_is_never_in_an_information_set(small_data):
    info = InfoSet.build(small_data, "2022-03-31")
    assert "cpi_yoy_consensus" not in info.series
    assert not info.has("cpi_yoy_consensus")


def test_quarterly_series_are_left_out(small_data):
    assert "gdp_q" not in InfoSet.build(small_data, "2022-03-31").series


def test_an_information_set_cannot_move_forward(small_data):
    info = InfoSet.build(small_data, "2022-03-31")
    with pytest.raises(ModelError, match="cannot move an information set forward"):
        info.at("2022-04-30")


def test_data_of_the_wrong_kind_is_rejected():
    with pytest.raises(DataError, match="data must be a Store, a mapping"):
        InfoSet.build(42, "2022-03-31")


# ---------------------------------------------------------------- like-for-like partial months
@pytest.fixture()
def staircase():
    """Daily prices: December 100 every day; January 100 + day (101..131); February 200;
    March days 1-20 at 300 and days 21-31 at 330."""
    days = pd.date_range("2021-12-01", "2022-03-31", freq="D")
    v = np.where(days.month == 12, 100.0, 0.0)
    v = np.where(days.month == 1, 100.0 + days.day, v)
    v = np.where(days.month == 2, 200.0, v)
    v = np.where(days.month == 3, np.where(days.day <= 20, 300.0, 330.0), v)
    s = dated("rebar_hrb_25mm_cny", "D", days, v, "cny_per_t")
    yoy = monthly("cpi_yoy", "pct_yoy", "2021-12", [1.5, 0.9, 0.9, 1.5])
    return {s.id: s, yoy.id: yoy}


def test_partial_month_by_day_of_month(staircase):
    # as of 20 March (after the 15th: target March): every month cut at day 20
    info = InfoSet.build(staircase, "2022-03-20")
    part, full = info.monthly_means("rebar_hrb_25mm_cny")
    assert part[pd.Period("2022-03", "M")] == pytest.approx(300.0)  # days 1-20
    assert part[pd.Period("2022-02", "M")] == pytest.approx(200.0)
    assert part[pd.Period("2022-01", "M")] == pytest.approx(110.5)  # mean(101..120) = (101+120)/2
    assert math.isnan(part[pd.Period("2021-12", "M")])  # first month of a series: incomplete
    assert full[pd.Period("2022-01", "M")] == pytest.approx(116.0)  # mean(101..131)
    assert math.isnan(full[pd.Period("2022-03", "M")])  # March is not complete on 20 March
    x = info.input_change("rebar_hrb_25mm_cny")
    assert x[pd.Period("2022-03", "M")] == pytest.approx(math.log(300 / 200))  # 0.405465
    assert x[pd.Period("2022-02", "M")] == pytest.approx(math.log(200 / 116))  # 0.544727 (full January)
    assert math.isnan(x[pd.Period("2022-01", "M")])


def test_full_month_at_month_end(staircase):
    info = InfoSet.build(staircase, "2022-03-31")
    part, _ = info.monthly_means("rebar_hrb_25mm_cny")
    # (20 x 300 + 11 x 330) / 31 = 9630 / 31 = 310.6452
    assert part[pd.Period("2022-03", "M")] == pytest.approx(9630 / 31)


def test_partial_month_counted_from_month_end_with_a_lag(staircase):
    # a 5-day publication lag at the end of March: usable through 26 March, i.e. 5 days before
    # the month end, and every month is cut 5 days before its own end
    info = InfoSet.build(staircase, "2022-03-31", lags={"rebar_hrb_25mm_cny": 5})
    part, _ = info.monthly_means("rebar_hrb_25mm_cny")
    assert part[pd.Period("2022-03", "M")] == pytest.approx(7980 / 26)  # (20 x 300 + 6 x 330) / 26 = 306.923
    assert part[pd.Period("2022-02", "M")] == pytest.approx(200.0)  # days 1-23
    assert part[pd.Period("2022-01", "M")] == pytest.approx(113.5)  # mean(101..126)
    x = info.input_change("rebar_hrb_25mm_cny")
    assert x[pd.Period("2022-03", "M")] == pytest.approx(math.log((7980 / 26) / 200))


def test_no_observation_in_the_target_month_gives_no_input(staircase):
    s = staircase["rebar_hrb_25mm_cny"]
    cut = {**staircase, s.id: s.slice(None, "2022-02-28")}
    info = InfoSet.build(cut, "2022-03-31")
    assert math.isnan(info.input_change("rebar_hrb_25mm_cny")[pd.Period("2022-03", "M")])


# ---------------------------------------------------------------- the window cut of the wholesale food prices
def test_food_prices_stop_six_days_before_the_as_of_date(staircase):
    # the same staircase as pork: at 31 March the window ends on 25 March, every month cut 6 days before its end
    s = staircase["rebar_hrb_25mm_cny"]
    pork = MacroSeries(SeriesMeta("pork_wholesale_cny", "cny_per_kg", "D"), s.data)
    info = InfoSet.build({**staircase, pork.id: pork}, "2022-03-31")
    assert info.series["pork_wholesale_cny"].data.index[-1] == pd.Timestamp("2022-03-25")
    part, _ = info.monthly_means("pork_wholesale_cny")
    assert part[pd.Period("2022-03", "M")] == pytest.approx(306.0)  # (20 x 300 + 5 x 330) / 25
    assert part[pd.Period("2022-01", "M")] == pytest.approx(113.0)  # mean(101..125)
    x = info.input_change("pork_wholesale_cny")
    assert x[pd.Period("2022-03", "M")] == pytest.approx(math.log(306.0 / 200.0))  # 0.425268, full February
    # a model's own lag replaces the cut: the whole of March again
    whole = InfoSet.build({**staircase, pork.id: pork}, "2022-03-31", lags={"pork_wholesale_cny": 0})
    assert whole.monthly_means("pork_wholesale_cny")[0][pd.Period("2022-03", "M")] == pytest.approx(9630 / 31)


def test_food_price_change_of_december_2022_from_the_sample(sample_series):
    pork = next(s for s in sample_series if s.id == "pork_wholesale_cny")
    d = pork.data
    dec = d[(d.index >= "2022-12-01") & (d.index <= "2022-12-25")].mean()
    nov = d[(d.index >= "2022-11-01") & (d.index <= "2022-11-30")].mean()
    info = InfoSet.build({pork.id: pork}, "2022-12-31")
    got = info.input_change("pork_wholesale_cny")[pd.Period("2022-12", "M")]
    assert got == pytest.approx(math.log(dec / nov), abs=1e-12)
    assert got < -0.1  # pork fell by more than 10% into late December 2022


# ---------------------------------------------------------------- reconciliation
def test_reconcile_missing_mom_by_hand():
    # y_Jan2021 = 2.0%, y_Feb2021 = 1.0%, m_Feb2020 = 0.5%, m_Feb2021 missing:
    # m = 1.010 / 1.020 x 1.005 - 1 = 1.015050 / 1.020 - 1 = -0.0048529
    yoy = pd.Series([2.0, 1.0], index=pd.period_range("2021-01", periods=2, freq="M")) / 100
    mom = pd.Series([0.3, 0.5] + [0.1] * 11 + [np.nan], index=pd.period_range("2020-01", periods=14, freq="M")) / 100
    mom.iloc[-1] = np.nan
    mom = pd.concat([mom, pd.Series([0.2], index=pd.PeriodIndex(["2021-03"], freq="M")) / 100])
    filled, months = reconcile_mom(yoy, mom)
    assert months == (pd.Period("2021-02", "M"),)
    assert filled[pd.Period("2021-02", "M")] == pytest.approx(1.010 / 1.020 * 1.005 - 1)


def test_ppi_2017_11_is_reconciled_from_the_published_yoy(sample_series):
    # NBS: PPI YoY Oct 2017 6.9%, Nov 2017 5.8%; MoM Nov 2016 1.5%; the Nov 2017 MoM is not in the data.
    # m = 1.058 / 1.069 x 1.015 - 1 = 1.073870 / 1.069 - 1 = +0.004556 (+0.46%; NBS printed +0.5%)
    data = {s.id: s for s in sample_series if s.id in ("ppi_yoy", "ppi_mom")}
    info = InfoSet.build(data, "2017-12-31")
    hist = info.target("ppi_yoy", "ppi_mom")
    assert pd.Period("2017-11", "M") in hist.reconciled
    assert hist.mom[pd.Period("2017-11", "M")] == pytest.approx(1.058 / 1.069 * 1.015 - 1, abs=1e-12)


def test_missing_target_series_is_named():
    data = {"cpi_yoy": monthly("cpi_yoy", "pct_yoy", "2021-01", [1.0, 1.1])}
    info = InfoSet.build(data, "2021-03-31")
    with pytest.raises(ModelError, match="needs 'cpi_mom'"):
        info.target("cpi_yoy", "cpi_mom")


# ---------------------------------------------------------------- calendar and drift
def test_spring_festival_share_2024():
    # Spring Festival 2024-02-10; window 21 days before to 6 after = 20 Jan .. 16 Feb:
    # January days 20..31 = 12 of 31, February days 1..16 = 16 of 29
    s = spring_festival_share(pd.period_range("2023-12", "2024-03", freq="M"))
    assert s[pd.Period("2024-01", "M")] == pytest.approx(12 / 31)
    assert s[pd.Period("2024-02", "M")] == pytest.approx(16 / 29)
    assert s[pd.Period("2024-03", "M")] == 0.0
    assert s[pd.Period("2023-12", "M")] == 0.0


def test_spring_festival_share_2023():
    # Spring Festival 2023-01-22: window 1 Jan .. 28 Jan, all in January: 28 of 31
    s = spring_festival_share(pd.period_range("2023-01", "2023-02", freq="M"))
    assert s[pd.Period("2023-01", "M")] == pytest.approx(28 / 31)
    assert s[pd.Period("2023-02", "M")] == 0.0


def test_drift_factor_by_hand():
    # 2015 levels all 10 (the base year of 2016-2020); Jan 2016 12, Feb 2016 15.
    # factor(Feb 2016) = P(Jan 2016) / mean(2015) = 12 / 10; factor(Mar 2016) = 15 / 10.
    # 2015 itself: base year 2010 is not in the data -> the first 12 months (2015) stand in:
    # factor(Jun 2015) = P(May 2015) / 10 = 1.0
    idx = pd.period_range("2015-01", "2016-03", freq="M")
    lv = pd.Series([10.0] * 12 + [12.0, 15.0, 15.0], index=idx)
    d = drift_factor(lv)
    assert d[pd.Period("2016-02", "M")] == pytest.approx(1.2)
    assert d[pd.Period("2016-03", "M")] == pytest.approx(1.5)
    assert d[pd.Period("2015-06", "M")] == pytest.approx(1.0)
    assert math.isnan(d[pd.Period("2015-01", "M")])
