"""share, turnover_days and moving_average: by hand and against published NBS figures."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from macrodesk import transforms as T
from macrodesk.exceptions import TransformError


@pytest.fixture(scope="module")
def bundled(sample_series):
    return {s.id: s for s in sample_series}


def _m(start: str, values) -> pd.Series:
    return pd.Series(values, index=pd.period_range(start, periods=len(values), freq="M"), dtype=float)


def test_engel_coefficient_matches_the_published_nbs_figures(bundled):
    # NBS statistical communiqués: Engel coefficient 2019 28.2%, 2020 30.2%, 2021 29.8%, 2022 30.5%
    food = bundled["hh_consumption_pc_ytd_food_tobacco_liquor"].data
    total = bundled["hh_consumption_pc_ytd_total"].data
    engel = T.share(food, total) * 100
    q4 = {p.year: round(float(v), 1) for p, v in engel.items() if p.quarter == 4}
    assert {y: q4[y] for y in (2019, 2020, 2021, 2022)} == {2019: 28.2, 2020: 30.2, 2021: 29.8, 2022: 30.5}


def test_share_is_nan_where_the_total_is_zero_or_missing():
    out = T.share(_m("2024-01", [1.0, 2.0, 3.0]), _m("2024-01", [4.0, 0.0, np.nan]))
    assert out.iloc[0] == 0.25 and np.isnan(out.iloc[1]) and np.isnan(out.iloc[2])


def test_share_refuses_mixed_frequencies():
    q = pd.Series([1.0], index=pd.PeriodIndex(["2024Q1"], freq="Q"))
    with pytest.raises(TransformError, match="same frequency"):
        T.share(_m("2024-01", [1.0]), q)


def test_turnover_days_by_hand():
    # Jan–Feb 2023 is stamped at February: 59 days; Apr 2023: 120 days; Feb 2024: 60 days (leap year)
    stock = pd.Series([59.0, 10.0, 30.0], index=pd.PeriodIndex(["2023-02", "2023-04", "2024-02"], freq="M"))
    flow = pd.Series([118.0, 120.0, 60.0], index=stock.index)
    out = T.turnover_days(stock, flow).dropna()
    assert out.round(6).tolist() == [29.5, 10.0, 30.0]


def test_turnover_days_of_all_industry_in_august_2023(bundled):
    # the bundled NBS values: inventory 61549.7, Jan–Aug revenue 843280.7 (亿元); 243 days to 31 Aug
    inv = bundled["industry_finished_goods_inventory_industry_total"].data
    rev = bundled["industry_revenue_ytd_industry_total"].data
    days = T.turnover_days(inv, rev)
    assert days[pd.Period("2023-08", "M")] == pytest.approx(61549.7 / (843280.7 / 243), rel=1e-9)
    assert days[pd.Period("2023-08", "M")] == pytest.approx(17.74, abs=0.005)


def test_moving_average_allows_one_missing_month():
    x = _m("2023-02", [12.0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])  # Feb 2023..Jan 2024, Jan 2024 missing below
    x.iloc[-1] = np.nan
    out = T.moving_average(x, 12)
    assert out.iloc[-1] == pytest.approx((12 + sum(range(1, 11))) / 11)
    assert out.iloc[:10].isna().all()
    with pytest.raises(TransformError, match="window"):
        T.moving_average(x, 0)
