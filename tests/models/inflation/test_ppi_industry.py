"""PPI by group and by industry with revenue weights; the seed's Table 4 arithmetic."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from macrodesk.exceptions import ModelError
from macrodesk.models import (
    NotComputable,
    chain_impact,
    ppi_group_review,
    ppi_industry_review,
    revenue_weights,
)
from macrodesk.models.inflation.ppi_industry import annual_value

TABLE4 = pd.read_csv(Path(__file__).parents[2] / "reference" / "seed003_table4.csv", comment="#")


def jan_only(changes: dict[str, float], year: int = 2025, months: int = 11) -> pd.DataFrame:
    """MoM frames whose Jan-`months` cumulative change is exactly `changes` (all of it in January)."""
    idx = pd.period_range(f"{year}-01", periods=months, freq="M")
    return pd.DataFrame({k: [v] + [0.0] * (months - 1) for k, v in changes.items()}, index=idx)


def test_revenue_weights_by_hand():
    # 300 / 400 = 0.75, 100 / 400 = 0.25; with the industrial total 1000: 0.3 and 0.1
    assert revenue_weights({"a": 300, "b": 100}).to_dict() == {"a": 0.75, "b": 0.25}
    assert revenue_weights({"a": 300, "b": 100}, total=1000).to_dict() == pytest.approx({"a": 0.3, "b": 0.1})
    with pytest.raises(ModelError, match=r"total revenue \(300.0\) must be positive and at least the sum"):
        revenue_weights({"a": 300, "b": 100}, total=300)


def test_annual_value_of_annual_and_year_to_date_series():
    ytd = pd.Series([10.0, 20.0, 120.0], index=pd.PeriodIndex(["2024-01", "2024-02", "2024-12"], freq="M"))
    assert annual_value(ytd, 2024) == 120.0
    ann = pd.Series([100.0, 110.0], index=pd.period_range("2023", periods=2, freq="Y"))
    assert annual_value(ann, 2024) == 110.0
    assert np.isnan(annual_value(ann, 2025))


def test_seed_ferrous_smelting_drag_is_0_28_pp():
    # Seed 003: "权重高达5.9%的黑色金属冶炼及压延加工业PPI环比累计下跌4.8%，仅此单一行业对整体PPI的负向拖累就达到了0.28个百分点"
    r = ppi_industry_review(jan_only({"ferrous_smelting": -0.048}), {"ferrous_smelting": 0.059}, 2025, 11)
    assert r.table.loc["ferrous_smelting", "contribution"] == pytest.approx(-0.002832)
    assert round(r.table.loc["ferrous_smelting", "contribution"] * 100, 2) == -0.28


@pytest.mark.parametrize("row", TABLE4.to_dict("records"), ids=lambda r: r["industry"])
def test_seed_table4_weight_times_change(row):
    r = ppi_industry_review(jan_only({row["industry"]: row["cum_jan_nov_pct"] / 100}),
                            {row["industry"]: row["weight_pct"] / 100}, 2025, 11)
    assert r.table.iloc[0]["cumulative"] == pytest.approx(row["cum_jan_nov_pct"] / 100)
    assert r.table.iloc[0]["contribution"] == pytest.approx(row["weight_pct"] * row["cum_jan_nov_pct"] / 1e4)


def test_seed_black_coal_and_anti_involution_drag_about_1_1_pp():
    # Seed 003: "黑色板块及反内卷相关制造业…(2025年1-11月合计拖累PPI约1.1个百分点)": ferrous and coal chains
    # plus electrical machinery and autos, Table 4 weights x Jan-Nov changes:
    # 0.4x1.9 + 5.9x(-4.8) + 4.2x(-7.4) + 2.3x(-10.0) + 8.0x(-1.3) + 7.7x(-1.7) = -105.13 -> -1.05 pp
    # (石油、煤炭及其他燃料加工业 sits in the coal chain as well as the oil chain in Table 4)
    codes = ["ferrous_mining", "ferrous_smelting", "petroleum_coal_processing", "coal_mining",
             "electrical_machinery", "auto"]
    rows = TABLE4.set_index("industry").loc[codes].reset_index()
    r = ppi_industry_review(jan_only(dict(zip(rows["industry"], rows["cum_jan_nov_pct"] / 100))),
                            dict(zip(rows["industry"], rows["weight_pct"] / 100)), 2025, 11)
    total = r.table["contribution"].sum() * 100
    assert total == pytest.approx(-1.0513)
    assert round(total, 1) == -1.1


def test_seed_chain_impacts_nonferrous_and_oil():
    # Seed 003: 有色金属链条(权重约6.5%)…铜价中枢上涨15% -> 约1.0个百分点; 原油及能化链条(权重约11.8%)…
    # 油价中枢下移10%-15% -> 约1.2个百分点 (6.5 x 15% = 0.975; 11.8 x -10% = -1.18)
    w = dict(zip(TABLE4["industry"], TABLE4["weight_pct"] / 100))
    chains = {"nonferrous": ["nonferrous_smelting", "nonferrous_mining"],
              "oil": ["oil_gas_extraction", "petroleum_coal_processing", "chemical_materials"]}
    ci = chain_impact(w, chains, {"nonferrous": 0.15, "oil": -0.10})
    assert ci.table.loc["nonferrous", "weight"] == pytest.approx(0.065)
    assert ci.table.loc["nonferrous", "impact"] * 100 == pytest.approx(0.975)
    assert ci.table.loc["oil", "weight"] == pytest.approx(0.118)
    assert ci.table.loc["oil", "impact"] * 100 == pytest.approx(-1.18)
    assert round(ci.table.loc["oil", "impact"] * 100, 1) == -1.2
    with pytest.raises(ModelError, match="no price change given for chain 'coal'"):
        chain_impact(w, {"coal": ["coal_mining"]}, {})


def test_industries_lacking_a_month_or_a_weight_are_listed():
    mom = jan_only({"coal_mining": -0.10, "auto": -0.017, "pharma": 0.01})
    mom.loc[pd.Period("2025-05", "M"), "auto"] = np.nan
    r = ppi_industry_review(mom, {"coal_mining": 0.023, "auto": 0.077}, 2025, 11)
    assert list(r.table.index) == ["coal_mining"]
    assert r.not_computable == {"auto": "no MoM for 2025-05", "pharma": "no weight"}
    assert isinstance(ppi_industry_review(mom[["auto"]], {"auto": 0.077}, 2025, 11), NotComputable)


def test_group_review_cumulative_by_hand():
    # mining: -1% in Jan, +2% in Feb, 0 after -> (0.99)(1.02) - 1 = 0.0098 over Jan-Mar
    idx = pd.period_range("2025-01", periods=3, freq="M")
    mom = pd.DataFrame({"mining": [-0.01, 0.02, 0.0], "processing": [0.0, np.nan, 0.001]}, index=idx)
    g = ppi_group_review(mom, 2025, 3)
    assert g.cumulative["mining"] == pytest.approx(0.0098)
    assert "processing" not in g.cumulative.index
    assert g.not_computable == {"processing": "no MoM for 2025-02"}
    assert g.summary().loc["mining", "cumulative"] == pytest.approx(0.0098)
