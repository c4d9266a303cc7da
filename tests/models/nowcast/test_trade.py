"""The trade nowcaster (macrodesk.models.nowcast.trade) on hand-made data.

Every expected number is worked out by hand in the comments.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from macrodesk.exceptions import ModelError
from macrodesk.models._base import NotComputable, is_computable
from macrodesk.models.nowcast import (
    TradeNowcaster,
    TradeSpec,
    last_observed_day,
    partial_yoy,
    release_date,
)
from macrodesk.series import MacroSeries, SeriesMeta


def daily_by_month(levels: dict[str, float], *, first_days: int | None = None, tail: float | None = None) -> pd.Series:
    """A daily series constant within each month: ``levels`` maps 'YYYY-MM' -> value.

    With ``first_days`` set, days after it carry ``tail`` instead (to prove they are ignored).
    """
    parts = []
    for ym, v in levels.items():
        days = pd.date_range(pd.Period(ym, "M").start_time, pd.Period(ym, "M").end_time.normalize(), freq="D")
        vals = np.full(len(days), float(v))
        if first_days is not None:
            vals[days.day > first_days] = tail
        parts.append(pd.Series(vals, index=days))
    return pd.concat(parts)


def monthly(values, start):
    return pd.Series(values, index=pd.period_range(start, periods=len(values), freq="M"), dtype=float)


def data(ind: pd.Series, y: pd.Series) -> dict[str, MacroSeries]:
    """The indicator (daily, id 'ind') and export YoY (fractions -> published percent) as series."""
    return {
        "ind": MacroSeries(SeriesMeta("ind", "units", "D"), ind.sort_index()),
        "exports_usd_yoy": MacroSeries(SeriesMeta("exports_usd_yoy", "pct_yoy", "M"), y * 100),
    }


def model(**spec) -> TradeNowcaster:
    return TradeNowcaster(TradeSpec(indicator="ind", **spec))


def fit_on(ind: pd.Series, y: pd.Series, as_of, **spec):
    m = model(**spec)
    return m.fit(m.info_set(data(ind, y), as_of))


def predict_on(ind: pd.Series, y: pd.Series, as_of, **spec):
    m = model(**spec)
    return m.predict(m.info_set(data(ind, y), as_of))


# ---------------------------------------------------------------- partial-month alignment
def test_partial_yoy_compares_the_same_first_days_by_hand():
    # January 2025: days 1..13 at 100, later days at 500 (must not count).
    # January 2026: days 1..13 alternate 98 and 96 -> mean over 13 days:
    #   7 odd days x 98 + 6 even days x 96 = 686 + 576 = 1262; 1262 / 13 = 97.0769...
    # partial YoY = 97.0769 / 100 - 1 = -2.923%.
    jan25 = daily_by_month({"2025-01": 100.0}, first_days=13, tail=500.0)
    days26 = pd.date_range("2026-01-01", "2026-01-13", freq="D")
    jan26 = pd.Series(np.where(days26.day % 2 == 1, 98.0, 96.0), index=days26)
    g = partial_yoy(pd.concat([jan25, jan26]), day=13)
    assert g[pd.Period("2026-01", "M")] == pytest.approx(1262 / 13 / 100 - 1)
    # the whole-month comparison would include Jan 2025's later days:
    # Jan 2025 mean = (13 x 100 + 18 x 500) / 31 = 10300 / 31 = 332.26; Jan 2026 (13 days) 97.08
    full = partial_yoy(pd.concat([jan25, jan26]), day=None)
    assert full[pd.Period("2026-01", "M")] == pytest.approx((1262 / 13) / (10300 / 31) - 1)


def test_partial_yoy_sum_of_daily_counts():
    # ships loaded: 10 a day in Mar 2024, 12 a day in Mar 2025; first 5 days: 60 / 50 - 1 = +20%
    s = daily_by_month({"2024-03": 10, "2025-03": 12})
    assert partial_yoy(s, 5, how="sum")[pd.Period("2025-03", "M")] == pytest.approx(0.2)


def test_last_observed_day():
    s = daily_by_month({"2025-12": 1.0}).loc[:"2025-12-13"]
    assert last_observed_day(s, "2025-12") == 13
    assert last_observed_day(s, "2026-01") is None


# ---------------------------------------------------------------- closed forms
def _proportional_fixture():
    """Indicator YoY x_m over 2024-01..2025-12, target exactly y = 0.01 + 0.5 x.

    Indicator: 100 every day of 2023; in month m of 2024, 100 (1 + x_m); in 2025, 100 (1 + x_m) (1 + x_{m+12}),
    so the YoY of every month is x exactly. Target YoY y = 0.01 + 0.5 x.
    """
    x = np.array([0.10, -0.05, 0.02, 0.08, 0.00, -0.12, 0.06, 0.03, -0.02, 0.15, 0.04, -0.08,
                  0.05, 0.09, -0.03, 0.01, 0.07, -0.06, 0.11, -0.01, 0.02, 0.00, 0.13, -0.04])
    lv = {f"2023-{m:02d}": 100.0 for m in range(1, 13)}
    for i, m in enumerate(pd.period_range("2024-01", "2025-12", freq="M")):
        base = lv[str(m - 12)]
        lv[str(m)] = base * (1 + x[i])
    ind = daily_by_month(lv)
    y = monthly(0.01 + 0.5 * x, "2024-01")
    return ind, y, x


def _january(ind: pd.Series, ratio: float, last: str = "2026-01-13") -> pd.Series:
    """The fixture plus 1 January 2026 .. ``last`` at ``ratio`` x January 2025's level."""
    days = pd.date_range("2026-01-01", last, freq="D")
    return pd.concat([ind, pd.Series(ratio * float(ind["2025-01-01"]), index=days)])


def test_the_flash_on_december_is_written_on_14_january():
    assert release_date("2025-12") == pd.Timestamp("2026-01-14")
    assert model().origin(pd.Period("2026-01", "M")) == pd.Timestamp("2026-01-14")


def test_exactly_proportional_indicator_gives_the_known_slope_and_prediction():
    ind, y, _ = _proportional_fixture()
    # January 2026: first 13 days at 0.8 x Jan 2025's level -> partial YoY exactly -20%
    ind = _january(ind, 0.8)
    res = fit_on(ind, y, "2026-01-14", day=13, window=24)
    assert res.slope == pytest.approx(0.5)
    assert res.const == pytest.approx(0.01)
    assert res.rsquared == pytest.approx(1.0)
    assert res.nobs == 24
    pred = res.predict()
    # y = 0.01 + 0.5 x (-0.20) = -0.09; no residual -> the interval collapses onto the point
    assert pred.month == pd.Period("2026-01", "M")
    assert pred.indicator_yoy == pytest.approx(-0.20)
    assert pred.point == pytest.approx(-0.09)
    assert pred.lower == pytest.approx(-0.09, abs=1e-9)
    assert pred.upper == pytest.approx(-0.09, abs=1e-9)
    # the print NBS-style: -9.0%
    assert pred.yoy_print == -9.0


def test_ols_prediction_interval_by_hand():
    # Four months with indicator YoY x = 0, 1, 2, 3 % and target y = 1, 3, 2, 5 %.
    # x̄ = 1.5, ȳ = 2.75, Sxx = 5, Sxy = 5.5 -> slope 1.1, intercept 2.75 - 1.65 = 1.1 (%).
    # Residuals -0.1, 0.8, -1.3, 0.6 -> SSR 2.7, s² = 2.7 / 2 = 1.35 (%²).
    # At x0 = 4 %: ŷ = 1.1 + 4.4 = 5.5 %; se² = 1.35 (1 + 1/4 + (4 - 1.5)² / 5) = 3.375; se = 1.83712 %.
    # t(0.95, 2) = 2.919986 -> 90% interval 5.5 ± 5.36436 = [0.13564, 10.86436] %.
    lv = {f"2024-{m:02d}": 100.0 for m in range(1, 6)}
    for m, xv in zip(range(1, 6), [0.0, 0.01, 0.02, 0.03, 0.04]):
        lv[f"2025-{m:02d}"] = 100.0 * (1 + xv)
    ind = daily_by_month(lv)
    y = monthly([0.01, 0.03, 0.02, 0.05], "2025-01")
    # the flash on April 2025 (14 May) nowcasts May from its first 13 days
    res = fit_on(ind, y, release_date("2025-04"), min_obs=3)
    assert res.day == 13
    assert res.slope == pytest.approx(1.1)
    assert res.const == pytest.approx(0.011)
    assert res.resid_std == pytest.approx(np.sqrt(1.35) / 100)
    pred = res.predict()
    assert pred.point == pytest.approx(0.055)
    assert pred.lower == pytest.approx(0.0013564, abs=1e-6)
    assert pred.upper == pytest.approx(0.1086436, abs=1e-6)
    # a 95% interval: t(0.975, 2) = 4.302653 -> half-width 7.90447 %
    lo95, hi95 = pred.bounds(0.95)
    assert hi95 - pred.point == pytest.approx(0.0790447, abs=1e-6)
    # the 80% interval every nowcast reports (percent): t(0.9, 2) = 1.885618 -> 5.5 ± 3.46411
    assert pred.interval() == pytest.approx((5.5 - 3.46411, 5.5 + 3.46411), abs=1e-4)


def test_full_month_history_uses_whole_months_for_the_fit():
    # Fit months: first 13 days move with x, the rest of the month does not.
    # history='partial' sees x; history='full' sees (13 x (1+x) + 18) / 31 - 1 = 13x/31 (31-day months).
    lv = {f"2024-{m:02d}": 100.0 for m in range(1, 13)}
    xs = [0.0, 0.05, 0.10, 0.15]
    ind = daily_by_month(lv)
    extra = []
    for m, xv in zip([1, 3, 5, 7], xs):
        d = daily_by_month({f"2025-{m:02d}": 100.0 * (1 + xv)}, first_days=13, tail=100.0)
        extra.append(d)
    # the first 13 days of August 2025, to nowcast August on 14 August
    extra.append(daily_by_month({"2025-08": 100.0}).loc[:"2025-08-13"])
    ind = pd.concat([ind, *extra])
    y = pd.Series([0.0, 0.05, 0.10, 0.15], index=pd.PeriodIndex(["2025-01", "2025-03", "2025-05", "2025-07"], freq="M"))
    part = fit_on(ind, y, "2025-08-14", day=13, min_obs=3, window=7)
    full = fit_on(ind, y, "2025-08-14", day=13, min_obs=3, window=7, history="full")
    assert part.slope == pytest.approx(1.0)
    assert full.slope == pytest.approx(31 / 13)


def test_backtest_is_real_time_and_exact_on_a_proportional_fixture():
    ind, y, _ = _proportional_fixture()
    bt = model(window=24, min_obs=6).backtest(data(ind, y), "2024-07", "2025-12")
    # the first month with 6 earlier fit months is 2024-07; every nowcast is exact
    assert bt.rows.index[0] == pd.Period("2024-07", "M")
    assert len(bt.rows) == 18 and bt.stats()["n"] == 18 and not bt.failed
    assert np.allclose((bt.rows["nowcast_unrounded"] - bt.rows["actual"]).to_numpy(), 0.0, atol=1e-10)
    assert np.allclose(bt.rows["error"].to_numpy(), 0.0, atol=1e-12)
    assert bt.model == "hf_bridge" and bt.release_day == 14
    # the same result class as the CPI/PPI nowcasters: its statistics and JSON
    assert bt.mae == pytest.approx(0.0, abs=1e-12)


# ---------------------------------------------------------------- no look-ahead
def test_a_past_flash_nowcast_ignores_data_after_its_date():
    ind, y, _ = _proportional_fixture()
    # on the flash date (14 January 2026) the indicator is known through 13 January: 0.8 x -> -20%
    known = _january(ind, 0.8)
    flash = release_date("2025-12")
    base = predict_on(known, y, flash)
    assert base.day == 13 and base.point == pytest.approx(-0.09)
    # the store later holds the rest of January (junk at 5 x) and February, and January's export print
    later_days = pd.date_range("2026-01-14", "2026-02-28", freq="D")
    junk = pd.concat([known, pd.Series(5.0 * float(ind["2025-01-01"]), index=later_days)])
    y_later = pd.concat([y, monthly([0.50], "2026-01")])
    rebuilt = predict_on(junk, y_later, flash)
    assert rebuilt.day == 13
    assert rebuilt.point == base.point and rebuilt.bounds() == base.bounds()
    # removing everything after the flash date from the later store changes nothing either
    cut = predict_on(junk.loc[:"2026-01-14"], y_later.loc[:"2025-12"], flash)
    assert cut.point == base.point and cut.day == 13
    # without the cut, on 31 January, the junk days would move the nowcast
    assert predict_on(junk, y_later, "2026-01-31").point != pytest.approx(base.point)


def test_the_indicator_counts_from_the_day_after_it_is_dated():
    ind, y, _ = _proportional_fixture()
    # data through 14 January: on 14 January only 1..13 are published (lag 1), with lag 0 the 14th too
    ind = _january(ind, 0.8, last="2026-01-14")
    assert predict_on(ind, y, "2026-01-14").day == 13
    assert predict_on(ind, y, "2026-01-14", lag=0).day == 14


# ---------------------------------------------------------------- not computable / errors
def test_too_short_a_sample_is_not_computable_with_the_reason():
    ind, y, _ = _proportional_fixture()
    res = fit_on(_january(ind, 0.8), y, "2026-01-14", day=13, window=36, min_obs=30)
    assert isinstance(res, NotComputable) and not is_computable(res)
    assert "only 24 months in 2023-01..2025-12 have both the target and the indicator YoY; need at least 30" in res.reason
    assert "仅有24个月" in res.reason_zh


def test_nowcast_without_indicator_data_in_the_month():
    ind, y, _ = _proportional_fixture()
    res = predict_on(ind, y, "2026-01-14")
    assert not is_computable(res)
    assert "has no observation in 2026-01" in res.reason


def test_nowcast_reads_the_partial_day():
    ind, y, _ = _proportional_fixture()
    pred = predict_on(_january(ind, 0.96), y, "2026-01-14", window=24)
    # x = -4% -> y = 0.01 + 0.5 (-0.04) = -1%
    assert pred.day == 13
    assert pred.point == pytest.approx(-0.01)


def test_results_are_numbers():
    ind, y, _ = _proportional_fixture()
    pred = predict_on(_january(ind, 0.96), y, "2026-01-14", window=24)
    row = pred.to_frame().iloc[0]
    assert row["nowcast"] == -1.0 and row["day"] == 13
    assert row["indicator_yoy"] == pytest.approx(-4.0)
    js = json.loads(pred.to_json())
    assert js["month"] == "2026-01" and js["as_of"] == "2026-01-14" and js["indicator"] == "ind"
    assert js["fit"]["slope"] == pytest.approx(0.5) and js["fit"]["sample"] == ["2024-01", "2025-12"]
    table = pred.fit.summary()
    assert table.loc["slope", "coef"] == pytest.approx(0.5) and table.loc["nobs", "coef"] == 24


def test_bad_arguments_raise_model_errors():
    with pytest.raises(ModelError, match="day must be a calendar day 1..31"):
        TradeSpec(day=40)
    with pytest.raises(ModelError, match="history must be 'partial' or 'full'"):
        TradeSpec(history="weekly")  # type: ignore[arg-type]
    with pytest.raises(ModelError, match="indicator must be a pandas Series of daily or weekly observations"):
        partial_yoy([1, 2, 3])  # type: ignore[arg-type]
    with pytest.raises(ModelError, match="lag must be a number of days >= 0"):
        TradeSpec(lag=-1)
