"""Trade headline and seasonal comparison on hand-made levels (expected numbers by hand, in the comments)."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from macrodesk.exceptions import ModelError
from macrodesk.models._base import is_computable
from macrodesk.models.trade import (
    seasonal_comparison,
    trade_contributions,
    trade_headline,
)


def M(p: str) -> pd.Period:
    return pd.Period(p, freq="M")


def at(values: dict[str, float]) -> pd.Series:
    """A monthly series from {'YYYY-MM': value}; months in between are NaN."""
    idx = pd.PeriodIndex(list(values), freq="M")
    s = pd.Series(list(values.values()), index=idx, dtype=float).sort_index()
    return s.reindex(pd.period_range(s.index[0], s.index[-1], freq="M"))


def headline_levels() -> pd.Series:
    lv = {f"{y}-{m:02d}": 100.0 for y in (2023, 2024) for m in range(1, 13)}
    lv.update({"2023-01": 90, "2023-02": 70, "2023-03": 64, "2023-12": 100,
               "2024-01": 100, "2024-02": 60, "2024-03": 80, "2024-12": 120,
               "2025-01": 110, "2025-02": 70, "2025-03": 96})
    return at(lv)


def test_headline_february_quotes_the_janfeb_combined_yoy():
    h = trade_headline(headline_levels(), "2025-02")
    # Jan-Feb 2025: (110 + 70) / (100 + 60) - 1 = 12.5%; prior = December 2024: 120 / 100 - 1 = 20%
    assert h.quoted == pytest.approx(0.125)
    assert h.prior == pytest.approx(0.20)
    # base: Jan-Feb 2024 = (100 + 60) / (90 + 70) - 1 = 0
    assert h.base == pytest.approx(0.0)
    # two-year growth from the combined YoYs: sqrt(1.125 x 1.0) - 1 = 6.066%
    assert h.cagr2y_last == pytest.approx(np.sqrt(1.125) - 1)


def test_headline_march_prior_is_the_janfeb_figure():
    h = trade_headline(headline_levels(), "2025-03")
    # March 2025: 96 / 80 - 1 = 20%; March 2024: 80 / 64 - 1 = 25%
    assert h.quoted == pytest.approx(0.20)
    assert h.prior == pytest.approx(0.125)
    assert h.cagr2y_last == pytest.approx(np.sqrt(1.20 * 1.25) - 1)
    assert h.cagr2y_prior == pytest.approx(np.sqrt(1.125) - 1)
    # MoM: 96 / 70 - 1 = 37.14%
    assert h.mom_last == pytest.approx(96 / 70 - 1)


def test_headline_results_are_numbers():
    h = trade_headline(headline_levels(), "2025-03")
    row = h.summary().iloc[0]
    assert row["quoted"] == pytest.approx(0.20) and row["prior"] == pytest.approx(0.125)
    assert row["level"] == pytest.approx(96.0)
    assert h.to_frame().loc[M("2025-03"), "mom"] == pytest.approx(96 / 70 - 1)
    data = json.loads(h.to_json())
    assert data["month"] == "2025-03" and data["level"]["2025-03"] == pytest.approx(96.0)
    assert data["yoy"]["2023-01"] is None  # no year before: NaN is null


def test_headline_prefers_published_janfeb_prints():
    lv = headline_levels()
    ytd = at({"2025-01": 0.11, "2025-02": 0.13})
    assert trade_headline(lv, "2025-02", ytd_yoy=ytd).quoted == pytest.approx(0.13)
    head = at({"2025-02": 0.135})
    assert trade_headline(lv, "2025-02", ytd_yoy=ytd, headline_yoy=head).quoted == pytest.approx(0.135)


def test_a_month_that_is_not_a_period_is_a_model_error():
    with pytest.raises(ModelError, match=r"month must be a period like '2025-01'.*got '2025-13'"):
        trade_headline(headline_levels(), "2025-13")
    with pytest.raises(ModelError, match="month must be a period"):
        trade_contributions(pd.DataFrame({"a": headline_levels()}), headline_levels(), "Dec")


def test_headline_without_the_month_is_not_computable():
    res = trade_headline(headline_levels(), "2025-06")
    assert not is_computable(res)
    assert "no YoY for 2025-06" in res.reason


def seasonal_levels() -> pd.Series:
    # November = 100 every year, December = 100 (1 + m_Y)
    dec = {2019: 0.00, 2020: 0.02, 2021: 0.05, 2022: -0.01, 2023: 0.03, 2024: 0.04, 2025: 0.06}
    lv = {f"{y}-{m:02d}": 100.0 for y in range(2019, 2026) for m in range(1, 13)}
    for y, m in dec.items():
        lv[f"{y}-12"] = 100.0 * (1 + m)
    return at(lv)


def test_seasonal_comparison_by_hand():
    sc = seasonal_comparison(seasonal_levels(), "2025-12", years=5)
    # window 2020-2024: +2, +5, -1, +3, +4 % -> min -1%, max +5%, mean 2.6%; 2025 +6% is above the max
    assert sc.window == (2020, 2021, 2022, 2023, 2024)
    assert sc.mom == pytest.approx(0.06)
    assert sc.low == pytest.approx(-0.01)
    assert sc.high == pytest.approx(0.05)
    assert sc.mean == pytest.approx(0.026)
    assert sc.verdict == "above"
    assert sc.rank == 1
    # the seasonal lines: one column per year 2020..2025, calendar months 1..12
    assert list(sc.by_year.columns) == ["2020", "2021", "2022", "2023", "2024", "2025"]
    assert sc.by_year.loc[12, "2021"] == pytest.approx(105.0)
    row = sc.summary().iloc[0]
    assert (row["verdict"], row["rank"]) == ("above", 1)
    assert row["last_year"] == pytest.approx(0.04)


def test_headline_february_before_2020_is_february_alone():
    # GACC published Jan and Feb separately until 2019: a February 2024 "headline" in a
    # series whose combined prints start in 2025 is February alone (60 / 70 - 1 = -14.3%),
    # so Jan-Feb 2024 comes from the levels: (100 + 60) / (90 + 70) - 1 = 0.
    lv = headline_levels()
    head = at({"2024-02": 60 / 70 - 1, "2025-02": 0.135})
    h = trade_headline(lv, "2025-02", headline_yoy=head, headline_janfeb_since=2025)
    assert h.quoted == pytest.approx(0.135)
    assert h.base == pytest.approx(0.0)
    assert h.cagr2y_last == pytest.approx(np.sqrt(1.135 * 1.0) - 1)
    # with the combined prints starting in 2024 the same value would be the Jan-Feb figure
    h24 = trade_headline(lv, "2025-02", headline_yoy=head, headline_janfeb_since=2024)
    assert h24.base == pytest.approx(60 / 70 - 1)


def test_janfeb_2020_two_year_growth_on_the_bundled_customs_data(sample_series):
    """Jan-Feb 2020 exports: published combined YoY -17.2% (GACC headline); Jan-Feb 2019 from the
    separate months in trade.csv: (218.0 + 135.3) / (199.5 + 170.5) - 1 = -4.51% (GACC's YTD YoY
    at Feb 2019: -4.5%). Two-year growth sqrt(0.828 x 0.955) - 1 = -11.08%; from the levels alone
    sqrt((211.6 + 80.4) / (199.5 + 170.5)) - 1 = -11.16%. Taking the Feb-2019 print (-20.7%, Feb
    alone) for Jan-Feb would give sqrt(0.828 x 0.793) - 1 = -18.97%."""
    S = {s.id: s for s in sample_series}
    h = trade_headline(S["exports_usd_level"].data, "2020-02", yoy=S["exports_usd_yoy"].to_fraction(),
                       ytd_yoy=S["exports_usd_ytd_yoy"].to_fraction(),
                       headline_yoy=S["exports_usd_yoy_headline"].to_fraction())
    assert h.quoted == pytest.approx(-0.172)
    assert h.base == pytest.approx(-0.045)
    assert h.cagr2y_last == pytest.approx(np.sqrt(0.828 * 0.955) - 1, abs=1e-9)
    assert h.cagr2y_last == pytest.approx(np.sqrt(292.0 / 370.0) - 1, abs=0.002)
    # January 2020 on the chart carries the same combined two-year growth
    assert h.to_frame().loc[M("2020-01"), "cagr2y"] == pytest.approx(h.cagr2y_last)
    # from 2020 on the February print is Jan-Feb combined: Jan-Feb 2021 +60.6%, two-year sqrt(1.606 x 0.828) - 1
    h21 = trade_headline(S["exports_usd_level"].data, "2021-02", yoy=S["exports_usd_yoy"].to_fraction(),
                         ytd_yoy=S["exports_usd_ytd_yoy"].to_fraction(),
                         headline_yoy=S["exports_usd_yoy_headline"].to_fraction())
    assert h21.quoted == pytest.approx(0.606)
    assert h21.cagr2y_last == pytest.approx(np.sqrt(1.606 * 0.828) - 1)
