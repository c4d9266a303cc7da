"""The high-frequency bridge nowcast (macrodesk.models.nowcast_hf) on hand-made data.

Every expected number is worked out by hand in the comments.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from macrodesk.exceptions import ModelError
from macrodesk.models._base import NotComputable, is_computable
from macrodesk.models.nowcast_hf import (
    HFNowcast,
    last_observed_day,
    nowcast_hf,
    partial_yoy,
)


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


def test_exactly_proportional_indicator_gives_the_known_slope_and_prediction():
    ind, y, _ = _proportional_fixture()
    # January 2026: first 13 days at 0.8 x Jan 2025's level -> partial YoY exactly -20%
    lv_jan = float(ind["2025-01-01"])
    days = pd.date_range("2026-01-01", "2026-01-13", freq="D")
    ind = pd.concat([ind, pd.Series(0.8 * lv_jan, index=days)])
    res = HFNowcast(day=13, window=24).fit(ind, y)
    assert res.slope == pytest.approx(0.5)
    assert res.const == pytest.approx(0.01)
    assert res.rsquared == pytest.approx(1.0)
    assert res.nobs == 24
    pred = res.predict("2026-01")
    # y = 0.01 + 0.5 x (-0.20) = -0.09; no residual -> the interval collapses onto the point
    assert pred.indicator_yoy == pytest.approx(-0.20)
    assert pred.point == pytest.approx(-0.09)
    assert pred.lower == pytest.approx(-0.09, abs=1e-9)
    assert pred.upper == pytest.approx(-0.09, abs=1e-9)


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
    res = HFNowcast(day=13, min_obs=3).fit(ind, y)
    assert res.slope == pytest.approx(1.1)
    assert res.const == pytest.approx(0.011)
    assert res.resid_std == pytest.approx(np.sqrt(1.35) / 100)
    pred = res.predict("2025-05")
    assert pred.point == pytest.approx(0.055)
    assert pred.lower == pytest.approx(0.0013564, abs=1e-6)
    assert pred.upper == pytest.approx(0.1086436, abs=1e-6)
    # a 95% interval: t(0.975, 2) = 4.302653 -> half-width 7.90447 %
    p95 = res.predict("2025-05", alpha=0.05)
    assert p95.upper - p95.point == pytest.approx(0.0790447, abs=1e-6)


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
    ind = pd.concat([ind, *extra])
    y = pd.Series([0.0, 0.05, 0.10, 0.15], index=pd.PeriodIndex(["2025-01", "2025-03", "2025-05", "2025-07"], freq="M"))
    part = HFNowcast(day=13, min_obs=3, window=7).fit(ind, y)
    full = HFNowcast(day=13, min_obs=3, window=7, history="full").fit(ind, y)
    assert part.slope == pytest.approx(1.0)
    assert full.slope == pytest.approx(31 / 13)


def test_backtest_is_real_time_and_exact_on_a_proportional_fixture():
    ind, y, _ = _proportional_fixture()
    bt = HFNowcast(day=28, window=24, min_obs=6).backtest(ind, y, start="2024-07")
    # the first month with 6 earlier fit months is 2024-07; every nowcast is exact
    assert bt.index[0] == pd.Period("2024-07", "M")
    assert len(bt) == 18
    assert np.allclose(bt["error"].to_numpy(), 0.0, atol=1e-12)


# ---------------------------------------------------------------- not computable / errors
def test_too_short_a_sample_is_not_computable_with_the_reason():
    ind, y, _ = _proportional_fixture()
    res = HFNowcast(day=13, window=36, min_obs=30).fit(ind, y)
    assert isinstance(res, NotComputable) and not is_computable(res)
    assert "only 24 months in 2023-01..2025-12 have both the target and the indicator YoY; need at least 30" in res.reason
    assert "仅有24个月" in res.summary("zh")


def test_nowcast_without_indicator_data_in_the_month():
    ind, y, _ = _proportional_fixture()
    res = nowcast_hf(ind, y, "2026-01")
    assert not is_computable(res)
    assert "has no observation in 2026-01" in res.reason


def test_nowcast_hf_reads_the_partial_day_and_words_the_result():
    ind, y, _ = _proportional_fixture()
    days = pd.date_range("2026-01-01", "2026-01-13", freq="D")
    ind = pd.concat([ind, pd.Series(float(ind["2025-01-01"]) * 0.96, index=days)])
    pred = nowcast_hf(ind, y, "2026-01", window=24, indicator_label=("上海港装载集装箱船数量", "container ships loaded"))
    # x = -4% -> y = 0.01 + 0.5 (-0.04) = -1%
    assert pred.day == 13
    assert pred.point == pytest.approx(-0.01)
    text = pred.summary("zh")
    assert "上海港装载集装箱船数量1月前13日同比-4.0%" in text
    assert "指向1月前13日出口同比在-1.0%左右" in text
    # 2025 Spring Festival Jan 29, 2026 Feb 17: the January comparison is distorted
    assert "2025年春节在1月29日、2026年在2月17日" in text
    assert "about -1.0%" in pred.summary("en")


def test_bad_arguments_raise_model_errors():
    with pytest.raises(ModelError, match="day must be a calendar day 1..31"):
        HFNowcast(day=40)
    with pytest.raises(ModelError, match="history must be 'partial' or 'full'"):
        HFNowcast(history="weekly")  # type: ignore[arg-type]
    with pytest.raises(ModelError, match="indicator must be a pandas Series of daily or weekly observations"):
        partial_yoy([1, 2, 3])  # type: ignore[arg-type]
    with pytest.raises(ModelError, match="target must be a pandas Series of monthly YoY"):
        HFNowcast().fit(daily_by_month({"2025-01": 1.0}), [0.1])  # type: ignore[arg-type]
