"""Basket weights: price-method drift by hand, rotation against seed Table 2, reading a weights file."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from macrodesk.exceptions import InputFileError, ModelError
from macrodesk.models import drift_weights, expenditure_shares, price_method_drift, read_weights, rotation

TABLE2 = pd.read_csv(Path(__file__).parents[2] / "reference" / "seed003_table2.csv", comment="#").set_index("category")


def levels(values, start="2020-12"):
    return pd.Series(values, index=pd.period_range(start, periods=len(values), freq="M"), dtype=float)


def test_drift_formula_by_hand():
    # pork weight 4.62% at the base; pork prices fall to 35% of the base while the CPI rises 12.3%:
    # w = 0.0462 x 0.35 / 1.123 = 0.014399 -> the seed's 4.62% -> 1.44% (a relative price of 0.3117)
    w = drift_weights(0.0462, levels([100, 35]), levels([100, 112.3]))
    assert w.iloc[0] == pytest.approx(0.0462)
    assert w.iloc[-1] == pytest.approx(0.0462 * 0.35 / 1.123)
    assert round(w.iloc[-1] * 100, 2) == 1.44


def test_drift_of_a_whole_basket_renormalises():
    # a: 0.4, price x1.5; b: 0.6, unchanged -> a = 0.6 / (0.6 + 0.6) = 0.5, b = 0.5
    items = pd.DataFrame({"a": [100, 150], "b": [100, 100]}, index=pd.period_range("2020-12", periods=2, freq="M"))
    w = drift_weights({"a": 0.4, "b": 0.6}, items)
    assert w.iloc[-1].to_dict() == pytest.approx({"a": 0.5, "b": 0.5})
    # the same with the basket index given: Laspeyres 0.4 x 150 + 0.6 x 100 = 120 -> a = 0.4 x 1.5 / 1.2 = 0.5
    w2 = drift_weights({"a": 0.4, "b": 0.6}, items, levels([100, 120]))
    assert w2.iloc[-1]["a"] == pytest.approx(0.5)


def test_drift_from_a_later_base():
    res = price_method_drift(0.02, levels([90, 100, 50]), levels([99, 100, 100]), base="2021-01", name="pork",
                             name_zh="猪肉")
    # 0.02 x (50 / 100) / (100 / 100) = 0.01
    assert res.at("2021-02").iloc[0] == pytest.approx(0.01)
    assert res.labels_zh == {"pork": "猪肉"} and list(res.to_frame().columns) == ["pork"]


def test_drift_needs_the_base_period():
    res = price_method_drift(0.02, levels([100, 50]), levels([100, 100]), base="2019-01")
    assert not res.computable
    assert "base period 2019-01 is not in the price index" in res.reason


def test_rotation_adjustment_is_the_change_in_spending_shares():
    # Seed 003 text: 居住 24.6% (2020) -> 21.6% (2025 Q1-Q3): -3.0 pct; 交通和通信 13.0% -> 14.4%: +1.4;
    # 恩格尔系数 30.2% -> 29.5%: -0.7 — the forecasts printed in Table 2.
    rows = TABLE2.dropna(subset=["share_2020"])
    rot = rotation(rows["share_2025"] / 100, rows["share_2020"] / 100,
                   past={"2016": TABLE2["adj2016"] / 100, "2020": TABLE2["adj2020"] / 100}, label="2025")
    adj = rot.adjustments() * 100
    for cat in ("housing", "transport_comm", "food_tobacco_liquor"):
        assert round(adj[cat], 1) == TABLE2.loc[cat, "adj2025_forecast"]
    # education: 11.7 - 9.6 = 2.1 from the rounded shares the text quotes; Table 2 prints 2.2
    assert round(adj["edu_culture"], 1) == 2.1
    assert list(rot.table.columns) == ["2016", "2020", "new", "vs_last"]
    assert rot.table.loc["housing", "2016"] * 100 == pytest.approx(2.2)


def test_rotation_current_weights():
    rot = rotation({"a": 0.3, "b": 0.7}, {"a": 0.25, "b": 0.75}, current={"a": 0.28, "b": 0.72},
                   names={"a": ("居住", "Housing"), "b": ("食品", "Food")}, label="2025")
    assert rot.table.loc["a", "vs_current"] == pytest.approx(0.02)
    assert rot.adjustments().to_dict() == pytest.approx({"a": 0.05, "b": -0.05})


def test_expenditure_shares_normalise():
    s = expenditure_shares({"food": 300.0, "housing": 100.0})
    assert s.to_dict() == {"food": 0.75, "housing": 0.25}
    with pytest.raises(ModelError, match="non-negative amounts"):
        expenditure_shares({"food": -1.0})


def test_read_weights_toml_and_csv(tmp_path):
    t = tmp_path / "w.toml"
    t.write_text("[weights]\nfood_tobacco_liquor = 26.3\nhousing = 22.1\n", encoding="utf-8")
    assert read_weights(t) == pytest.approx({"food_tobacco_liquor": 0.263, "housing": 0.221})
    c = tmp_path / "w.csv"
    c.write_text("# seed Table 1\ncomponent,weight\npork,1.4\neggs,0.6\n", encoding="utf-8")
    assert read_weights(c) == pytest.approx({"pork": 0.014, "eggs": 0.006})


def test_read_weights_errors_name_the_file_and_row(tmp_path):
    c = tmp_path / "bad.csv"
    c.write_text("component,weight\npork,abc\n", encoding="utf-8")
    with pytest.raises(InputFileError, match=r"file '.*bad.csv', row 2: weight of 'pork' is not a number: 'abc'"):
        read_weights(c)
    t = tmp_path / "big.toml"
    t.write_text("a = 80\nb = 30\n", encoding="utf-8")
    with pytest.raises(InputFileError, match="weights sum to 110.0%, more than 100%"):
        read_weights(t)
    (tmp_path / "w.txt").write_text("pork 1.4", encoding="utf-8")
    with pytest.raises(InputFileError, match="weights must be a .toml or .csv file"):
        read_weights(tmp_path / "w.txt")
