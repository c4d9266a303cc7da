"""CPI review by component (seed 003, Table 1), on fixtures built from the seed's own figures."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from macrodesk.models import NotComputable, component_review

TABLE1 = pd.read_csv(Path(__file__).parents[2] / "reference" / "seed003_table1.csv", comment="#")
CODES = {"食品烟酒": "food_tobacco_liquor", "畜肉类": "livestock_meat", "猪肉": "pork", "羊肉": "mutton", "牛肉": "beef",
         "鲜菜": "fresh_veg", "食用油": "edible_oil", "酒类": "liquor", "蛋类": "eggs", "居住": "housing",
         "教育文化和娱乐": "edu_culture", "交通和通信": "transport_comm", "交通工具用燃料": "vehicle_fuel",
         "医疗保健": "healthcare", "中药": "tcm", "医疗服务": "medical_services", "衣着": "clothing",
         "生活用品及服务": "household_goods_services", "家用器具": "household_appliances",
         "其他用品和服务": "other_goods_services"}


@pytest.fixture(scope="module")
def table1_review():
    """MoM paths whose Jan-Nov cumulative change is, each year, the figure Table 1 prints.

    2025: all of y2025 in January, 0 after; 2021-2024: avg2021_2024 every year; 2015-2019: avg2015_2019
    every year (so the window means are those averages exactly); 2020: zeros.
    """
    idx = pd.period_range("2015-01", "2025-11", freq="M")
    cols = {}
    for r in TABLE1.to_dict("records"):
        m = pd.Series(0.0, index=idx)
        for y in range(2015, 2026):
            v = r["y2025"] if y == 2025 else r["avg2021_2024"] if y >= 2021 else r["avg2015_2019"] if y <= 2019 else 0.0
            m[pd.Period(f"{y}-01", "M")] = v / 100
        cols[CODES[r["item"]]] = m
    weights = {CODES[r["item"]]: r["weight"] / 100 for r in TABLE1.dropna(subset=["weight"]).to_dict("records")}
    # headline CPI Jan-Nov 2025: +0.5% (seed; NBS MoMs give 0.5 as well)
    return component_review(pd.DataFrame(cols), 2025, 11, weights=weights, total_change=0.005)


@pytest.mark.parametrize("row", TABLE1.dropna(subset=["weight"]).to_dict("records"), ids=lambda r: r["item"])
def test_table1_contribution_is_weight_times_change(table1_review, row):
    got = table1_review.table.loc[CODES[row["item"]], "contribution"] * 100
    assert round(got, 2) == pytest.approx(row["contribution"], abs=1e-9)


@pytest.mark.parametrize("row", TABLE1.to_dict("records"), ids=lambda r: r["item"])
def test_table1_super_seasonal_gap(table1_review, row):
    got = table1_review.table.loc[CODES[row["item"]], "gap"] * 100
    assert round(got, 1) == pytest.approx(row["super_seasonal"], abs=1e-9)


def test_other_goods_share_of_the_headline_exceeds_80_percent(table1_review):
    # "其他用品和服务…拉动CPI上涨约0.42个百分点，对同期CPI总涨幅(0.5%)的贡献率超过80%": 3.1% x 13.5% / 0.5%
    share = table1_review.table.loc["other_goods_services", "share"]
    assert share == pytest.approx(0.031 * 0.135 / 0.005)
    assert share > 0.8


def test_components_without_weight_get_no_contribution(table1_review):
    assert np.isnan(table1_review.table.loc["mutton", "contribution"])
    assert table1_review.table.loc["mutton", "actual"] == pytest.approx(0.041)


def test_results_are_a_frame_and_json(table1_review):
    # 3.1% x 13.5% = 0.4185 pp; its share of the +0.5% headline 0.4185 / 0.5 = 83.7%
    frame = table1_review.to_frame()
    assert frame.loc["other_goods_services", "contribution"] == pytest.approx(0.031 * 0.135)
    doc = json.loads(table1_review.to_json())
    assert doc["year"] == 2025 and doc["windows"] == ["2021-2024", "2015-2019"]
    assert doc["table"]["share"]["other_goods_services"] == pytest.approx(0.031 * 0.135 / 0.005)
    assert doc["table"]["contribution"]["mutton"] is None  # no weight: NaN -> null


def test_cumulative_and_norm_by_hand():
    # a: 2024 +1% in Jan, +1% in Feb -> 1.01^2 - 1 = 0.0201; 2023: 0; window 2023 -> norm 0, gap 0.0201
    idx = pd.period_range("2023-01", "2024-02", freq="M")
    mom = pd.DataFrame({"a": [0.0] * 12 + [0.01, 0.01], "b": [0.0] * 13 + [np.nan]}, index=idx)
    r = component_review(mom, 2024, 2, windows={"2023": [2023]}, weights={"a": 0.5})
    assert r.table.loc["a", "actual"] == pytest.approx(0.0201)
    assert r.table.loc["a", "gap"] == pytest.approx(0.0201)
    assert r.table.loc["a", "contribution"] == pytest.approx(0.01005)
    assert r.not_computable == {"b": "no MoM for 2024-02"}


def test_no_complete_component_is_not_computable():
    idx = pd.period_range("2025-01", "2025-02", freq="M")
    r = component_review(pd.DataFrame({"pork": [0.01, np.nan]}, index=idx), 2025, 2)
    assert isinstance(r, NotComputable)
    assert r.reason == "no component has every month of the span: pork: no MoM for 2025-02"
